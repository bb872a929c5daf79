package dev.warta.archive;

import java.util.List;

/**
 * A year, or a month of a year, with its articles.
 *
 * @param year the year
 * @param month 1–12, or 0 for the whole year
 * @param url the URL of its first list page
 * @param entries its articles, in archive order
 */
public record Period(int year, int month, String url, List<Entry> entries) {
  /** Copies the list. */
  public Period {
    entries = List.copyOf(entries);
  }
}
