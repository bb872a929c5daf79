package dev.warta.related;

import dev.warta.bench.LabelledCorpus;
import dev.warta.bench.LinkScore;
import dev.warta.shared.RelatedSettings;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares index tunings on a real labelled corpus straight through {@link RelatedIndex}, without
 * building a site: seconds per variant, for choosing {@link Tuning#defaults()} and {@link
 * RelatedSettings#defaults()}. {@code dev.warta.bench.CorpusQuality} gives the figures a user gets.
 * Usage: {@code CorpusTuning CORPUS_FOLDER}.
 */
final class CorpusTuning {

  private CorpusTuning() {}

  /** Older-only and unrestricted scores of one variant on one corpus. */
  record Scores(LinkScore olderOnly, LinkScore unrestricted, double seconds) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "older %.3f (%5.1f%%)  any %.3f (%5.1f%%)  %.1f s",
          olderOnly.precision(), 100 * olderOnly.fullShare(), unrestricted.precision(),
          100 * unrestricted.fullShare(), seconds);
    }
  }

  static Scores score(LabelledCorpus corpus, boolean section, RelatedSettings settings, Tuning tuning) {
    long start = System.nanoTime();
    LinkScore older = run(corpus, section, withNewer(settings, false), tuning);
    double seconds = (System.nanoTime() - start) / 1e9;
    LinkScore any = run(corpus, section, withNewer(settings, true), tuning);
    return new Scores(older, any, seconds);
  }

  private static LinkScore run(LabelledCorpus corpus, boolean section, RelatedSettings settings, Tuning tuning) {
    RelatedIndex.Builder builder = RelatedIndex.builder(settings, tuning);
    corpus.articles().parallelStream().forEach(a -> builder.add(new RelatedDocument(
        a.slug(), a.lang(), a.title(), a.body(), List.of(), section ? a.label() : "",
        a.date().atTime(0, 0).toInstant(ZoneOffset.UTC))));
    RelatedIndex index = builder.build();
    Map<String, List<String>> links = new HashMap<>();
    for (LabelledCorpus.Article a : corpus.articles()) {
      List<String> list = new ArrayList<>();
      index.related(a.slug()).forEach(l -> list.add(l.key()));
      links.put(a.slug(), list);
    }
    return LinkScore.of(corpus, links, 5);
  }

  static RelatedSettings withNewer(RelatedSettings s, boolean allowNewer) {
    return new RelatedSettings(s.count(), s.minScore(), allowNewer, s.textWeight(), s.namesWeight(),
        s.tagsWeight(), s.sectionWeight(), s.timeWeight(), s.timeHalfLifeDays());
  }

  static RelatedSettings weights(RelatedSettings d, double minScore, double text, double names,
      double tags, double section, double time) {
    return new RelatedSettings(d.count(), minScore, d.allowNewer(), text, names, tags, section, time,
        d.timeHalfLifeDays());
  }

  public static void main(String[] args) throws Exception {
    LabelledCorpus corpus = LabelledCorpus.read(Path.of(args[0]));
    LabelledCorpus spread = corpus.withSpreadDates(1);
    RelatedSettings d = RelatedSettings.defaults();
    Tuning t = Tuning.defaults();
    List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    Map<String, Runnable> variants = new java.util.LinkedHashMap<>();
    variants.put("defaults", () -> report("defaults", corpus, spread, d, t));
    variants.put("min0", () -> report("minScore 0", corpus, spread, weights(d, 0, d.textWeight(),
        d.namesWeight(), d.tagsWeight(), d.sectionWeight(), d.timeWeight()), t));
    variants.put("textonly", () -> report("text weight only, min 0", corpus, spread,
        weights(d, 0, 1, 0, 0, 0, 0), t));
    for (String v : variants.keySet()) {
      if (only.isEmpty() || only.contains(v)) {
        variants.get(v).run();
      }
    }
  }

  static void report(String label, LabelledCorpus corpus, LabelledCorpus spread, RelatedSettings s, Tuning t) {
    Scores text = score(corpus, false, s, t);
    Scores dates = score(spread, false, s, t);
    Scores section = score(corpus, true, s, t);
    System.out.printf(Locale.ROOT, "%-28s text %s | spread %s | section %s%n", label, text, dates, section);
  }
}
