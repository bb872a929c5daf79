package dev.warta.search;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a search result shows of one article; the words it is found by are given to {@link
 * SearchIndex.Builder#put} when the article is read.
 *
 * @param key the article's stable key (its source path)
 * @param url the site-relative URL, starting with {@code /}
 * @param title the headline
 * @param date the publication day, in the site's time zone
 * @param section the section's name as shown; empty for none
 * @param lede the summary, cut to {@link SearchIndex#LEDE_CHARS} characters when stored
 */
public record SearchDocument(String key, String url, String title, LocalDate date, String section, String lede) {
  /** Validates. */
  public SearchDocument {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(lede, "lede");
  }
}
