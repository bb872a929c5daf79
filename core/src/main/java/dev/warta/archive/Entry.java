package dev.warta.archive;

import dev.warta.content.Article;
import java.util.Objects;

/**
 * An article placed in the archive.
 *
 * @param article the article
 * @param url its site-relative URL, starting and ending with {@code /}
 * @param index its position in the archive's order (0 is the newest)
 */
public record Entry(Article article, String url, int index) {
  /** Validates. */
  public Entry {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(url, "url");
  }
}
