package dev.warta.build;

import dev.warta.shared.Problem;

/**
 * Hears a run's progress: the facade's {@code BuildListener} seen from below, so that this package
 * needs nothing of the facade. Calls come from the thread that runs the build, never concurrently.
 */
public interface Progress {

  /** A stage starts: {@code load}, {@code index}, {@code related}, {@code render}, {@code publish}. */
  void stageStarted(String stage);

  /** A stage ended after {@code millis}, having handled {@code count} items. */
  void stageFinished(String stage, int count, long millis);

  /**
   * A long stage got {@code done} of {@code total} items done after {@code millis}: heard every few
   * seconds while the stage runs, never for a stage that ends sooner.
   */
  void stageAdvanced(String stage, int done, int total, long millis);

  /** A problem was found; errors are reported here as well as in the {@link Failure}. */
  void problem(Problem problem);
}
