package dev.warta;

import dev.warta.shared.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a successful build did.
 *
 * @param output the folder the site was published to (empty path for a check, which writes nothing)
 * @param articles articles in the archive (drafts and future articles left out are not counted)
 * @param pagesWritten files whose bytes changed or that are new
 * @param pagesUnchanged files whose bytes were identical to the previous output (kept as they were)
 * @param pagesRendered pages rendered by this build; the others were known unchanged from what they
 *     are made of, and their files kept without rendering them (see the README's "Rebuilds")
 * @param warnings the warnings found; a build with errors throws {@link BuildException} instead
 * @param stageMillis wall time per stage, in pipeline order
 */
public record BuildResult(
    Path output,
    int articles,
    int pagesWritten,
    int pagesUnchanged,
    int pagesRendered,
    List<Problem> warnings,
    Map<String, Long> stageMillis) {

  /** Copies the collections. */
  public BuildResult {
    warnings = List.copyOf(warnings);
    stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
  }

  /** Total wall time of all stages, in milliseconds. */
  public long totalMillis() {
    return stageMillis.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One line for a log: {@code 24 articles, 61 files written, 3 unchanged, 50 pages rendered, 1 warning in 0.84 s
   * (load 0.21, index 0.01, …)}.
   */
  public String summary() {
    String stages =
        stageMillis.entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1000.0))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%d articles, %d files written, %d unchanged, %d pages rendered, %d %s in %.2f s (%s)",
        articles,
        pagesWritten,
        pagesUnchanged,
        pagesRendered,
        warnings.size(),
        warnings.size() == 1 ? "warning" : "warnings",
        totalMillis() / 1000.0,
        stages);
  }
}
