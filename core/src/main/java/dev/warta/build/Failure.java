package dev.warta.build;

import dev.warta.shared.Problem;
import java.util.List;

/**
 * A run that found errors, with every problem found (errors and warnings, one per position); the
 * facade rethrows it as {@code BuildException}.
 */
public final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** A failed run with its problems. */
  public Failure(List<Problem> problems) {
    super(problems.size() + " problems", null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** All problems, errors and warnings. */
  public List<Problem> problems() {
    return problems;
  }
}
