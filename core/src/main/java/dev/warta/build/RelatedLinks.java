package dev.warta.build;

import dev.warta.archive.Archive;
import dev.warta.shared.Problem;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.internal.SitePaths;
import dev.warta.related.RelatedIndex;
import dev.warta.related.RelatedLink;
import dev.warta.related.TitleMatcher;
import dev.warta.render.SiteRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins the related index to the archive: an editor's hand-picked {@code related} articles come
 * first, then the index's best matches; author's read also lines are matched by title.
 */
final class RelatedLinks implements SiteRenderer.Links {
  private final Archive archive;
  private final RelatedIndex index;
  private final TitleMatcher titles;
  private final int count;
  private final Map<String, List<Entry>> handPicked;

  RelatedLinks(Archive archive, RelatedIndex index, List<Problem> problems) {
    this(archive, index, titleMatcher(archive), problems);
  }

  private RelatedLinks(Archive archive, RelatedIndex index, TitleMatcher titles, List<Problem> problems) {
    this.archive = archive;
    this.index = index;
    this.count = archive.config().related().scoring().count();
    this.titles = titles;
    Map<String, List<Entry>> picked = new HashMap<>();
    for (Entry e : archive.entries()) {
      List<Entry> list = new ArrayList<>();
      for (String ref : e.article().related()) {
        Optional<Entry> target = resolve(e.article(), ref.strip());
        if (target.isEmpty()) {
          problems.add(Problem.warning(e.article().source(), e.article().lineOf("related"), 1,
              "'related' names no article of this archive: '" + ref + "'; use a slug such as harga-cabai-naik or a path such as ekonomi/harga-cabai.md"));
        } else if (target.get() != e && !list.contains(target.get())) {
          list.add(target.get());
        }
      }
      if (!list.isEmpty()) {
        picked.put(e.article().source(), List.copyOf(list));
      }
    }
    this.handPicked = Map.copyOf(picked);
  }

  private static TitleMatcher titleMatcher(Archive archive) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Entry e : archive.entries()) {
      byKey.put(e.article().source(), e.article().title());
    }
    return TitleMatcher.of(byKey);
  }

  /**
   * These links over an archive with the same articles under the same titles ({@link
   * Archive#with}): the index and the title matcher, the costly parts, are shared.
   */
  RelatedLinks with(Archive edited) {
    return new RelatedLinks(edited, index, titles, new ArrayList<>());
  }

  /**
   * Whether an article's page may list one of the given articles as related: an editor picked it,
   * or it is among the index's matches (with spares). False means it surely does not.
   */
  boolean mayList(Entry entry, Set<String> sources) {
    for (Entry e : handPicked.getOrDefault(entry.article().source(), List.of())) {
      if (sources.contains(e.article().source())) {
        return true;
      }
    }
    for (RelatedLink link : index.related(entry.article().source())) { // the precomputed list, spares included
      if (sources.contains(link.key())) {
        return true;
      }
    }
    return false;
  }

  /** A hand-picked reference: a source path (from the site, {@code content/} or the article's folder) or a slug. */
  private Optional<Entry> resolve(Article from, String ref) {
    if (ref.endsWith(".md") || ref.endsWith(".markdown")) {
      String folder = from.source().substring(0, from.source().lastIndexOf('/') + 1);
      for (String candidate : List.of(ref, "content/" + ref, folder + ref)) {
        Optional<Entry> e = archive.bySource(SitePaths.normalise(candidate));
        if (e.isPresent()) {
          return e;
        }
      }
      return Optional.empty();
    }
    List<Entry> bySlug = archive.bySlug(ref);
    return bySlug.isEmpty() ? Optional.empty() : Optional.of(bySlug.get(0));
  }

  @Override
  public List<Entry> related(Entry entry, Set<String> linked) {
    // translations have their own links; listing them as related would say the same story twice
    Set<String> exclude = new java.util.HashSet<>(linked);
    archive.translations(entry).forEach(t -> exclude.add(t.url()));
    // an editor's choices are all kept, even past the count; the index fills up to the count
    List<Entry> picked = handPicked.getOrDefault(entry.article().source(), List.of());
    List<Entry> out = pick(picked, exclude, picked.size());
    out.forEach(e -> exclude.add(e.url()));
    out.addAll(pick(ranked(entry, count + exclude.size()), exclude, count - out.size()));
    return out;
  }

  @Override
  public List<Entry> inserts(Entry entry, Set<String> exclude, int wanted) {
    List<Entry> candidates = new ArrayList<>(handPicked.getOrDefault(entry.article().source(), List.of()));
    candidates.addAll(ranked(entry, wanted + exclude.size() + candidates.size()));
    return pick(candidates, exclude, wanted);
  }

  /** Up to {@code limit} of the candidates, in order, none excluded by URL, none twice. */
  private static List<Entry> pick(List<Entry> candidates, Set<String> exclude, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : candidates) {
      if (out.size() >= limit) {
        break;
      }
      if (!out.contains(e) && !exclude.contains(e.url())) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The index's best matches, at most the precomputed count plus spares: a body that links to more
   * related articles than that gets a shorter list rather than a slow query per page.
   */
  private List<Entry> ranked(Entry entry, int n) {
    List<Entry> out = new ArrayList<>();
    for (RelatedLink link : index.related(entry.article().source(), Math.min(n, count + Pipeline.SPARE_LINKS))) {
      archive.bySource(link.key()).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The related report: for every article (by URL, in archive order) the index's links in order,
   * each with its score and the parts it is made of, so an editor can see why.
   */
  Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    for (Entry e : archive.entries()) {
      List<Object> links = new ArrayList<>();
      for (RelatedLink link : index.related(e.article().source(), count)) {
        archive.bySource(link.key()).ifPresent(target -> {
          Map<String, Object> parts = new LinkedHashMap<>();
          parts.put("text", round(link.parts().text()));
          parts.put("names", round(link.parts().names()));
          parts.put("tags", round(link.parts().tags()));
          parts.put("time", round(link.parts().time()));
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("url", target.url());
          item.put("score", round(link.score()));
          item.put("parts", parts);
          links.add(item);
        });
      }
      report.put(e.url(), links);
    }
    return report;
  }

  private static java.math.BigDecimal round(double value) {
    return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_EVEN);
  }

  @Override
  public Optional<Entry> byTitle(String title) {
    return titles.match(title).flatMap(archive::bySource);
  }
}
