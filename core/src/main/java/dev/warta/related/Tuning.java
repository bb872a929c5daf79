package dev.warta.related;

import dev.warta.shared.RelatedSettings;

/**
 * Internal knobs of the index, kept out of {@link RelatedSettings} because users should not need
 * them; the benchmark and the tests vary them to justify the defaults.
 *
 * @param model how terms are weighted and compared
 * @param titleBoost how many times a title word counts compared with a body word
 * @param storedTerms terms kept per article (its highest-weighted), the rest are dropped at build
 * @param queryTerms the article's highest-weighted terms used to gather candidates
 * @param candidates candidates re-scored exactly per article
 * @param postingsPerTerm postings walked per query term, at most: the newest eligible ones
 * @param maxDocFraction terms, names and tags found in more than this share of the articles are
 *     pruned: too common to tell articles apart, and their postings would dominate the run time
 * @param bodyChars characters of the body analysed, at most (cut at a space); 0 for all
 * @param latentDims dimensions of the latent view of the text ({@link Latent}); 0 for none
 * @param latentShare the share of the text similarity taken from the latent view, 0..1
 * @param latentFitRows articles the latent view is fitted on, at most
 */
record Tuning(
    TextModel model,
    float titleBoost,
    int storedTerms,
    int queryTerms,
    int candidates,
    int postingsPerTerm,
    double maxDocFraction,
    int bodyChars,
    int latentDims,
    double latentShare,
    int latentFitRows) {

  /** Text weighting schemes compared on the benchmark corpus. */
  enum TextModel {
    /** Cosine of (1 + ln tf) * idf vectors. */
    TFIDF_COSINE,
    /** BM25 (k1 = 1.2, b = 0.75) with the source's top terms as query, divided by its self-score. */
    BM25,
    /** Cosine of BM25-weighted vectors (k1 = 1.2, b = 0.75): symmetric, 1 for the same text. */
    BM25_COSINE
  }

  /**
   * Chosen on the shared Indonesian corpus with {@code CorpusTuning} and held to the related
   * stage's time at 100,000 generated articles with {@code RelatedSpeed}: 40 query terms and 80
   * exact candidates over 30 and 40 gained 0.005 of precision; pruning at a fifth of the articles
   * rather than a tenth keeps words that still separate topics in a large archive; 200 stored terms
   * rather than 128 gained nothing and cost more exact scoring; walking the newest 100 postings of
   * a term rather than 200 moved no figure by more than 0.001 and halves the walk.
   */
  static Tuning defaults() {
    return new Tuning(TextModel.BM25_COSINE, 3f, 128, 40, 80, 100, 0.2, 0, 100, 0.3, 10_000);
  }

  Tuning withPostingsPerTerm(int other) {
    return new Tuning(model, titleBoost, storedTerms, queryTerms, candidates, other, maxDocFraction,
        bodyChars, latentDims, latentShare, latentFitRows);
  }

  Tuning with(TextModel other) {
    return new Tuning(
        other, titleBoost, storedTerms, queryTerms, candidates, postingsPerTerm, maxDocFraction,
        bodyChars, latentDims, latentShare, latentFitRows);
  }
}
