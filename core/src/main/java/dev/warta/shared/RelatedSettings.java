package dev.warta.shared;

/**
 * Settings of the related-article index.
 *
 * <p>The score of a link is {@code 100 * sum(weight_i * similarity_i) / sum(weight_i)}, where each
 * similarity lies in 0..1 and the sum of weights counts only the signals the source article has
 * (an untagged article is not penalised for having no tags). Only the ratios between weights
 * matter.
 *
 * <p>Whether a link is kept never depends on time: an article in an archive of twenty years gets
 * as many links as one in an archive of two months. A link is dropped when its score without the
 * time part is below {@code minScore}, or below {@code minShareOfBest} times that of the article's
 * best link: a floor relative to the best candidate holds in archives of any size and span, where
 * an absolute floor drops more links the more the scores spread out.
 *
 * @param count how many links to keep per article, at most
 * @param minScore links scoring below this (0..100), time left out, are dropped
 * @param minShareOfBest links scoring below this share (0..1) of the best link's score, time left
 *     out, are dropped
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
    double minShareOfBest,
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
    if (!(minShareOfBest >= 0 && minShareOfBest <= 1)) {
      throw new IllegalArgumentException("minShareOfBest must be within 0..1, was " + minShareOfBest);
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
   * Defaults measured on real labelled news ({@code dev.warta.bench.CorpusQuality} on {@code
   * ../shared/corpus}) and checked on the generated benchmark corpus: text carries most of the
   * signal; names, tags and section help a little; time only orders near-ties (a larger weight
   * cost precision once dates spread over years). The floors drop only links with next to nothing
   * in common (under 1 point, or under a tenth of the best link), so slots fill whenever there is
   * something related.
   */
  public static RelatedSettings defaults() {
    return new RelatedSettings(5, 1, 0.1, false, 0.6, 0.15, 0.1, 0.05, 0.02, 365);
  }

  /** These settings keeping up to {@code other} links per article. */
  public RelatedSettings withCount(int other) {
    return new RelatedSettings(other, minScore, minShareOfBest, allowNewer, textWeight, namesWeight,
        tagsWeight, sectionWeight, timeWeight, timeHalfLifeDays);
  }

  private static void requireWeight(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
