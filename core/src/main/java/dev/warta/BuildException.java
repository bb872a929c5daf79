package dev.warta;

import dev.warta.shared.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A build that failed, with every problem found, not just the first.
 *
 * <p>The message lists the errors one per line; {@link #problems()} also holds the warnings.
 */
public final class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** A failed build with its problems, sorted by position. */
  public BuildException(List<Problem> problems) {
    super(describe(problems));
    this.problems = problems.stream().sorted().toList();
  }

  /** All problems, errors and warnings, sorted by file and position. */
  public List<Problem> problems() {
    return problems;
  }

  /** Only the errors. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  private static String describe(List<Problem> problems) {
    List<Problem> errors = problems.stream().filter(Problem::isError).sorted().toList();
    String header =
        errors.size() == 1 ? "The build failed with 1 error:" : "The build failed with " + errors.size() + " errors:";
    return errors.stream().map(Problem::toString).collect(Collectors.joining("\n", header + "\n", ""));
  }
}
