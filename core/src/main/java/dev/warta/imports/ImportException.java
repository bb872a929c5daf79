package dev.warta.imports;

import dev.warta.shared.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import that could not run: an export that is not well-formed, not a WordPress export, or
 * declares entities. Nothing was written in the site folder.
 */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems, each with file and line where known. */
  private final transient List<Problem> problems;

  /** An import that failed for these problems. */
  public ImportException(List<Problem> problems) {
    super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** What went wrong, sorted by file and line. */
  public List<Problem> problems() {
    return problems.stream().sorted().toList();
  }
}
