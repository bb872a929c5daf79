package dev.warta.bench;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One synthetic article with its topic label.
 *
 * @param relativePath path under {@code content/}, such as {@code ekonomi/2019/slug.md}
 * @param title the title, in Title Case as news sites write them
 * @param lang "id" or "en"
 * @param date publication time at +07:00
 * @param section the section, shared by several topics
 * @param tags tags as an editor would type them (mixed case, some generic, maybe none)
 * @param authors one or two authors
 * @param topic the label the quality measure compares
 * @param body Markdown body
 */
public record GeneratedArticle(
    String relativePath,
    String title,
    String lang,
    OffsetDateTime date,
    String section,
    List<String> tags,
    List<String> authors,
    String topic,
    String body) {

  /** Copies the lists. */
  public GeneratedArticle {
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
  }
}
