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
public final class CorpusTuning {

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
    return new RelatedSettings(s.count(), s.minScore(), s.minShareOfBest(), allowNewer, s.textWeight(), s.namesWeight(),
        s.tagsWeight(), s.sectionWeight(), s.timeWeight(), s.timeHalfLifeDays());
  }

  /**
   * Each argument after the corpus folder is one variant: comma-separated {@code key=value} over
   * the defaults, keys {@code min share text names tags section time half model title stored query cand
   * post df body dims lshare fit}; {@code defaults} for none.
   */
  public static void main(String[] args) throws Exception {
    LabelledCorpus corpus = LabelledCorpus.read(Path.of(args[0]));
    LabelledCorpus spread = corpus.withSpreadDates(1);
    for (String spec : List.of(args).subList(1, args.length)) {
      RelatedSettings d = RelatedSettings.defaults();
      Tuning t = Tuning.defaults();
      Map<String, String> kv = new java.util.TreeMap<>();
      for (String part : spec.split(",")) {
        if (part.contains("=")) {
          kv.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
      }
      java.util.function.BiFunction<String, Double, Double> num =
          (k, def) -> kv.containsKey(k) ? Double.parseDouble(kv.get(k)) : def;
      RelatedSettings s = new RelatedSettings(d.count(), num.apply("min", d.minScore()),
          num.apply("share", d.minShareOfBest()), false,
          num.apply("text", d.textWeight()), num.apply("names", d.namesWeight()),
          num.apply("tags", d.tagsWeight()), num.apply("section", d.sectionWeight()),
          num.apply("time", d.timeWeight()), num.apply("half", d.timeHalfLifeDays()));
      Tuning u = new Tuning(
          kv.containsKey("model") ? Tuning.TextModel.valueOf(kv.get("model")) : t.model(),
          num.apply("title", (double) t.titleBoost()).floatValue(),
          num.apply("stored", (double) t.storedTerms()).intValue(),
          num.apply("query", (double) t.queryTerms()).intValue(),
          num.apply("cand", (double) t.candidates()).intValue(),
          num.apply("post", (double) t.postingsPerTerm()).intValue(),
          num.apply("df", t.maxDocFraction()),
          num.apply("body", (double) t.bodyChars()).intValue(),
          num.apply("dims", (double) t.latentDims()).intValue(),
          num.apply("lshare", t.latentShare()),
          num.apply("fit", (double) t.latentFitRows()).intValue());
      report(spec, corpus, spread, s, u);
    }
  }

  static void report(String label, LabelledCorpus corpus, LabelledCorpus spread, RelatedSettings s, Tuning t) {
    Scores text = score(corpus, false, s, t);
    Scores dates = score(spread, false, s, t);
    Scores section = score(corpus, true, s, t);
    System.out.printf(Locale.ROOT, "%-28s text %s | spread %s | section %s%n", label, text, dates, section);
  }
}
