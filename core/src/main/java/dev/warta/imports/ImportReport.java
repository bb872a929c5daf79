package dev.warta.imports;

import dev.warta.shared.Problem;
import dev.warta.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did: counts, every article that lost text, links or media (and what), the files
 * kept because they were edited since the last import, and warnings.
 *
 * @param exports the export files read
 * @param items items in the exports
 * @param articles articles the exports hold (posts, and pages when imported)
 * @param written files written (new or changed)
 * @param unchanged files whose bytes were already the same
 * @param kept files not written because they were edited since the last import (or not written by
 *     it)
 * @param skipped items not imported, by reason ({@code attachment}, {@code page}, {@code draft},
 *     {@code trash}, {@code nav_menu_item} …)
 * @param losses the articles that lost something, in export order
 * @param keptFiles the files of {@code kept}
 * @param warnings what else is worth a look, with file and line of the export
 */
public record ImportReport(
    List<String> exports, int items, int articles, int written, int unchanged, int kept, Map<String, Integer> skipped,
    List<Loss> losses, List<String> keptFiles, List<Problem> warnings) {

  /** Copies. */
  public ImportReport {
    exports = List.copyOf(exports);
    skipped = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skipped));
    losses = List.copyOf(losses);
    keptFiles = List.copyOf(keptFiles);
    warnings = List.copyOf(warnings);
  }

  /**
   * One article that lost something between the export and the written Markdown.
   *
   * @param id the WordPress post id
   * @param title its title
   * @param file the Markdown file, relative to the site folder
   * @param text where the visible text differs
   * @param links links of the post missing from the Markdown
   * @param images images missing
   * @param embeds embedded frames, videos and audio missing
   */
  public record Loss(long id, String title, String file, List<String> text, List<String> links, List<String> images, List<String> embeds) {
    /** Copies. */
    public Loss {
      text = List.copyOf(text);
      links = List.copyOf(links);
      images = List.copyOf(images);
      embeds = List.copyOf(embeds);
    }
  }

  /** Articles whose visible text changed. */
  public long lostText() {
    return losses.stream().filter(l -> !l.text().isEmpty()).count();
  }

  /** Articles that lost a link. */
  public long lostLinks() {
    return losses.stream().filter(l -> !l.links().isEmpty()).count();
  }

  /** Articles that lost an image or an embed. */
  public long lostMedia() {
    return losses.stream().filter(l -> !l.images().isEmpty() || !l.embeds().isEmpty()).count();
  }

  /** The report as JSON, the same bytes for the same import. */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("exports", exports);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("items", items);
    counts.put("articles", articles);
    counts.put("written", written);
    counts.put("unchanged", unchanged);
    counts.put("kept", kept);
    counts.put("lostText", (int) lostText());
    counts.put("lostLinks", (int) lostLinks());
    counts.put("lostMedia", (int) lostMedia());
    root.put("counts", counts);
    root.put("skipped", new LinkedHashMap<>(skipped));
    List<Object> list = new ArrayList<>();
    for (Loss l : losses) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", (int) l.id());
      m.put("title", l.title());
      m.put("file", l.file());
      m.put("text", l.text());
      m.put("links", l.links());
      m.put("images", l.images());
      m.put("embeds", l.embeds());
      list.add(m);
    }
    root.put("losses", list);
    root.put("keptFiles", keptFiles);
    root.put("warnings", warnings.stream().map(Problem::toString).toList());
    return Json.pretty(root);
  }

  /** The report for a reader: counts first, then each article that lost something. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "WordPress import of %s%n", String.join(", ", exports)));
    out.append(String.format(Locale.ROOT, "%,d items, %,d articles: %,d files written, %,d unchanged, %,d kept (edited since the last import)%n",
        items, articles, written, unchanged, kept));
    if (!skipped.isEmpty()) {
      out.append("skipped: ");
      out.append(String.join(", ", skipped.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey())).toList()));
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "loss check: %d articles lost text, %d lost links, %d lost images or embeds%n", lostText(), lostLinks(), lostMedia()));
    for (Loss l : losses) {
      out.append(String.format(Locale.ROOT, "%n%s (post %d): %s%n", l.file(), l.id(), l.title()));
      l.text().forEach(t -> out.append("  text ").append(t).append('\n'));
      l.links().forEach(t -> out.append("  link ").append(t).append('\n'));
      l.images().forEach(t -> out.append("  image ").append(t).append('\n'));
      l.embeds().forEach(t -> out.append("  embed ").append(t).append('\n'));
    }
    for (String f : keptFiles) {
      out.append("kept ").append(f).append(" (changed since the last import; delete it to import it again)\n");
    }
    for (Problem p : warnings) {
      out.append(p).append('\n');
    }
    return out.toString();
  }
}
