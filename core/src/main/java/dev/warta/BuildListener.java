package dev.warta;

import dev.warta.shared.Problem;
/**
 * Hears a build's progress. Core has no logging framework: the Maven plugin logs through this.
 *
 * <p>Calls come from the thread that runs the build, never concurrently.
 */
public interface BuildListener {

  /** A listener that ignores everything. */
  BuildListener SILENT = new BuildListener() {};

  /** A stage starts: {@code load}, {@code index}, {@code related}, {@code render}, {@code publish}. */
  default void stageStarted(String stage) {}

  /** A stage ended after {@code millis}, having handled {@code count} items. */
  default void stageFinished(String stage, int count, long millis) {}

  /**
   * A long stage ({@code load}, {@code render}) got {@code done} of {@code total} items done,
   * {@code millis} after it started: heard every few seconds while such a stage runs, never for
   * a stage that ends sooner, so a large build is not silent between stage lines.
   */
  default void stageAdvanced(String stage, int done, int total, long millis) {}

  /** A problem was found; errors are reported here as well as in the exception. */
  default void problem(Problem problem) {}
}
