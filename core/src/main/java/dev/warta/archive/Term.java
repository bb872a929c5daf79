package dev.warta.archive;

import java.util.List;

/**
 * A section, tag or author with its articles.
 *
 * @param kind what the term is
 * @param name the name as first written (in archive order)
 * @param slug the URL segment; names that slug alike share one term
 * @param url the URL of its first list page
 * @param entries its articles, in archive order
 */
public record Term(Kind kind, String name, String slug, String url, List<Entry> entries) {
  /** The kinds of terms. */
  public enum Kind {
    /** The desk an article belongs to, one per article. */
    SECTION,
    /** A keyword; many per article. */
    TAG,
    /** A writer; many per article. */
    AUTHOR
  }

  /** Copies the list. */
  public Term {
    entries = List.copyOf(entries);
  }
}
