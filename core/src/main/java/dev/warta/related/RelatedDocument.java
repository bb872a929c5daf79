package dev.warta.related;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as the related index sees it.
 *
 * @param key stable unique id: the article's site-relative URL
 * @param lang "id", "en", or any other BCP-47 tag (analysed without stemming); empty for unknown
 * @param title the title, weighted above the body
 * @param text the body as Markdown source; the index strips the syntax itself
 * @param tags the tags as written; compared case-insensitively
 * @param section the section, or empty for none
 * @param date the publication instant
 */
public record RelatedDocument(
    String key, String lang, String title, String text, List<String> tags, String section, Instant date) {

  /** Rejects nulls and a blank key, and copies the tags. */
  public RelatedDocument {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(date, "date");
    tags = List.copyOf(tags);
    if (key.isBlank()) {
      throw new IllegalArgumentException("key must not be blank");
    }
  }
}
