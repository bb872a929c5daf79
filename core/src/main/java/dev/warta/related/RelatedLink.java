package dev.warta.related;

import java.util.Objects;

/**
 * A link from one article to a related one.
 *
 * @param key the related article's key
 * @param score normalised 0..100; 100 means every weighted signal is at its maximum
 * @param parts the contribution of each signal; they sum to {@code score}
 */
public record RelatedLink(String key, double score, ScoreParts parts) {

  /** Rejects nulls. */
  public RelatedLink {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(parts, "parts");
  }
}
