package dev.warta.bench;

import dev.warta.related.RelatedDocument;
import dev.warta.related.RelatedIndex;
import dev.warta.related.RelatedLink;
import dev.warta.shared.RelatedSettings;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures related-article quality on a generated, labelled archive: precision@k is the share of
 * produced links whose article has the source's topic. Usage: {@code RelatedQuality [N [SEED]]}.
 */
public final class RelatedQuality {

  /** Precision of one run, per source language. */
  public record Result(Map<String, Stats> byLang, double seconds) {

    /** All languages together. */
    public Stats overall() {
      Stats all = new Stats(0, 0, 0, 0);
      for (Stats s : byLang.values()) {
        all = all.plus(s);
      }
      return all;
    }
  }

  /**
   * Counts for one language.
   *
   * @param articles source articles
   * @param links links produced
   * @param sameTopic links to an article of the source's topic
   * @param short_ articles that got fewer links than asked for
   */
  public record Stats(int articles, long links, long sameTopic, int short_) {
    Stats plus(Stats o) {
      return new Stats(
          articles + o.articles, links + o.links, sameTopic + o.sameTopic, short_ + o.short_);
    }

    /** Same-topic links over all links. */
    public double precision() {
      return links == 0 ? 0 : (double) sameTopic / links;
    }
  }

  private RelatedQuality() {}

  /** Builds the index from the articles and scores every article's links. */
  public static Result measure(List<GeneratedArticle> articles, RelatedSettings settings) {
    return measure(articles, settings, RelatedIndex.builder(settings));
  }

  /** As {@link #measure(List, RelatedSettings)}, with a builder made elsewhere (other tunings). */
  public static Result measure(
      List<GeneratedArticle> articles, RelatedSettings settings, RelatedIndex.Builder builder) {
    long start = System.nanoTime();
    articles.parallelStream().forEach(a -> builder.add(document(a)));
    RelatedIndex index = builder.build();
    return evaluate(articles, index, settings, (System.nanoTime() - start) / 1e9);
  }

  private static Result evaluate(
      List<GeneratedArticle> articles, RelatedIndex index, RelatedSettings settings,
      double seconds) {
    Map<String, GeneratedArticle> byKey = new HashMap<>();
    for (GeneratedArticle a : articles) {
      byKey.put(key(a), a);
    }
    Map<String, Stats> byLang = new TreeMap<>();
    for (GeneratedArticle a : articles) {
      List<RelatedLink> links = index.related(key(a));
      long same = links.stream().filter(l -> byKey.get(l.key()).topic().equals(a.topic())).count();
      Stats s = new Stats(1, links.size(), same, links.size() < settings.count() ? 1 : 0);
      byLang.merge(a.lang(), s, Stats::plus);
    }
    return new Result(byLang, seconds);
  }

  /** Scores by shared tags only (IDF-weighted), with the same count and order rules. */
  public static RelatedSettings tagsOnly(RelatedSettings settings) {
    return new RelatedSettings(
        settings.count(), 0, 0, settings.allowNewer(), 0, 0, 1, 0, 0, settings.timeHalfLifeDays());
  }

  /** The index's view of a generated article; the key is its URL as a site would have it. */
  public static RelatedDocument document(GeneratedArticle a) {
    return new RelatedDocument(
        key(a), a.lang(), a.title(), a.body(), a.tags(), a.section(), a.date().toInstant());
  }

  static String key(GeneratedArticle a) {
    return "/" + a.relativePath().replaceFirst("\\.md$", "/");
  }

  /** Prints precision@5 per language, the tags-only baseline, time and heap. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    long genStart = System.nanoTime();
    List<GeneratedArticle> articles = new CorpusGenerator().stream(n, seed).parallel().toList();
    System.out.printf(
        Locale.ROOT, "corpus: %d articles, seed %d, generated in %.1f s, %d cores%n", n, seed,
        (System.nanoTime() - genStart) / 1e9, Runtime.getRuntime().availableProcessors());
    RelatedSettings settings = RelatedSettings.defaults();
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    RelatedIndex.Builder builder = RelatedIndex.builder(settings);
    articles.stream().parallel().forEach(a -> builder.add(document(a)));
    double addSeconds = (System.nanoTime() - start) / 1e9;
    RelatedIndex index = builder.build();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "  add (analysis) %.1f s, build (weights, postings, all lists) %.1f s%n",
        addSeconds, seconds - addSeconds);
    long after = usedHeapAfterGc();
    Result result = evaluate(articles, index, settings, seconds);
    print("related", result, settings.count());
    System.out.printf(
        Locale.ROOT, "  heap: corpus %d MB, index %d MB more (max heap %d MB)%n",
        before >> 20, (after - before) >> 20, Runtime.getRuntime().maxMemory() >> 20);
    Reference.reachabilityFence(index);
    print("tags-only baseline", measure(articles, tagsOnly(settings)), settings.count());
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  public static void print(String label, Result r, int k) {
    Stats all = r.overall();
    System.out.printf(
        Locale.ROOT, "%s: precision@%d %.3f (%d links), %d articles with fewer than %d, build+queries"
            + " %.1f s%n", label, k, all.precision(), all.links(), all.short_(), k, r.seconds());
    r.byLang().forEach(
        (lang, s) -> System.out.printf(
            Locale.ROOT, "  %s: precision@%d %.3f over %d articles (%d links, %d with fewer than %d)%n",
            lang, k, s.precision(), s.articles(), s.links(), s.short_(), k));
  }
}
