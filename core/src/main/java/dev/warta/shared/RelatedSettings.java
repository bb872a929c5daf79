package dev.warta.shared;

/**
 * Settings of the related-article index.
 *
 * <p>The score of a link is {@code 100 * sum(weight_i * similarity_i) / sum(weight_i)}, where each
 * similarity lies in 0..1 and the sum of weights counts only the signals the source article has
 * (an untagged article is not penalised for having no tags). Only the ratios between weights
 * matter.
 *
 * @param count how many links to keep per article, at most
 * @param minScore links scoring below this (0..100) are dropped
 * @param allowNewer whether an article may link to articles published after it; off by default so
 *     that an article's "See also" list does not change each time a newer article is published
 * @param textWeight weight of text similarity (title and body)
 * @param namesWeight weight of shared names (people, places, organisations)
 * @param tagsWeight weight of shared tags
 * @param sectionWeight weight of being in the same section
 * @param timeWeight weight of closeness in time
 * @param timeHalfLifeDays the time similarity halves with each such span between two articles
 */
public record RelatedSettings(
    int count,
    double minScore,
    boolean allowNewer,
    double textWeight,
    double namesWeight,
    double tagsWeight,
    double sectionWeight,
    double timeWeight,
    double timeHalfLifeDays) {

  /** Validates every setting, naming the offending one. */
  public RelatedSettings {
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, was " + count);
    }
    if (!(minScore >= 0 && minScore <= 100)) {
      throw new IllegalArgumentException("minScore must be within 0..100, was " + minScore);
    }
    requireWeight("textWeight", textWeight);
    requireWeight("namesWeight", namesWeight);
    requireWeight("tagsWeight", tagsWeight);
    requireWeight("sectionWeight", sectionWeight);
    requireWeight("timeWeight", timeWeight);
    if (textWeight + namesWeight + tagsWeight + sectionWeight + timeWeight == 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    if (!(timeHalfLifeDays > 0) || Double.isInfinite(timeHalfLifeDays)) {
      throw new IllegalArgumentException(
          "timeHalfLifeDays must be a positive number, was " + timeHalfLifeDays);
    }
  }

  /**
   * Defaults measured on the labelled benchmark corpus ({@code dev.warta.bench.RelatedQuality}):
   * text carries most of the signal, names are the strongest single clue, tags and section help a
   * little (editors tag inconsistently), and time only breaks near-ties between similar articles.
   */
  public static RelatedSettings defaults() {
    return new RelatedSettings(5, 10, false, 0.6, 0.25, 0.1, 0.05, 0.05, 365);
  }

  private static void requireWeight(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
