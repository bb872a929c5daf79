package dev.warta.related;

/**
 * Why a link scored what it did: each part is the number of points (out of 100) that the signal
 * contributed, so the parts add up to {@link RelatedLink#score()} (up to floating-point rounding).
 *
 * @param text points from text similarity (title and body): the words' BM25 cosine blended with
 *     the cosine of the articles' latent vectors (see {@link RelatedIndex})
 * @param names points from shared names of people, places and organisations
 * @param tags points from shared tags and from being in the same section
 * @param time points from closeness in time
 */
public record ScoreParts(double text, double names, double tags, double time) {

  /** The sum of the parts: the link's score. */
  public double total() {
    return text + names + tags + time;
  }
}
