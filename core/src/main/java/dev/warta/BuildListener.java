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

  /** A problem was found; errors are reported here as well as in the exception. */
  default void problem(Problem problem) {}
}
