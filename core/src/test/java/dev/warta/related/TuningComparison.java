package dev.warta.related;

import dev.warta.shared.RelatedSettings;
import dev.warta.bench.CorpusGenerator;
import dev.warta.bench.GeneratedArticle;
import dev.warta.bench.RelatedQuality;
import java.util.List;
import java.util.Locale;

/**
 * Compares text models and weights on the benchmark corpus; the figures justify {@link
 * Tuning#defaults()} and {@link RelatedSettings#defaults()}. Usage: {@code TuningComparison [N]}.
 */
final class TuningComparison {

  private TuningComparison() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    List<GeneratedArticle> articles = new CorpusGenerator().generate(n, 42);
    RelatedSettings d = RelatedSettings.defaults();
    run("defaults tfidf", articles, d, Tuning.defaults());
    run("defaults bm25", articles, d, Tuning.defaults().with(Tuning.TextModel.BM25));
    run("text only tfidf", articles, weights(d, 1, 0, 0, 0, 0), Tuning.defaults());
    run("text only bm25", articles, weights(d, 1, 0, 0, 0, 0),
        Tuning.defaults().with(Tuning.TextModel.BM25));
    run("names only", articles, weights(d, 0, 1, 0, 0, 0), Tuning.defaults());
    run("text+names", articles, weights(d, 0.7, 0.3, 0, 0, 0), Tuning.defaults());
    run("text+names+tags", articles, weights(d, 0.6, 0.25, 0.15, 0, 0), Tuning.defaults());
    run("heavy time", articles, weights(d, 0.5, 0.2, 0.1, 0.05, 0.15), Tuning.defaults());
  }

  private static RelatedSettings weights(
      RelatedSettings d, double text, double names, double tags, double section, double time) {
    return new RelatedSettings(
        d.count(), d.minScore(), d.minShareOfBest(), d.allowNewer(), text, names, tags, section, time,
        d.timeHalfLifeDays());
  }

  private static void run(
      String label, List<GeneratedArticle> articles, RelatedSettings settings, Tuning tuning) {
    RelatedQuality.Result r =
        RelatedQuality.measure(articles, settings, RelatedIndex.builder(settings, tuning));
    System.out.printf(Locale.ROOT, "%-18s", label);
    RelatedQuality.print("", r, settings.count());
  }
}
