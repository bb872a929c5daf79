package dev.warta.build;

import dev.warta.shared.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a successful run did; the facade hands it on as {@code BuildResult}, whose components these
 * are.
 *
 * @param output the folder the site was published to (empty path for a check)
 * @param articles articles in the archive
 * @param pagesWritten files whose bytes changed or that are new
 * @param pagesUnchanged files whose bytes were identical to the previous output
 * @param pagesRendered pages rendered by this run
 * @param warnings the warnings found
 * @param stageMillis wall time per stage, in pipeline order
 */
public record Outcome(
    Path output,
    int articles,
    int pagesWritten,
    int pagesUnchanged,
    int pagesRendered,
    List<Problem> warnings,
    Map<String, Long> stageMillis) {

  /** Copies the collections. */
  public Outcome {
    warnings = List.copyOf(warnings);
    stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
  }
}
