package dev.warta.publish;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one feed says, whatever its format: the channel and its items, with every URL absolute.
 *
 * @param title the feed's title
 * @param description one sentence about it; may be empty
 * @param lang its language tag
 * @param home the absolute URL of the list page it follows
 * @param rss the RSS feed's absolute URL
 * @param atom the Atom feed's absolute URL
 * @param json the JSON feed's absolute URL
 * @param publisher the organisation publishing it
 * @param updated the newest item's update time (the epoch for an empty feed, so builds repeat)
 * @param items newest first
 */
record Feed(String title, String description, String lang, String home, String rss, String atom, String json, String publisher,
    ZonedDateTime updated, List<Item> items) {

  /** RFC 822 dates, four-digit years as RSS 2.0 advises, with English names whatever the JVM's locale. */
  static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  Feed {
    items = List.copyOf(items);
  }

  /** RFC 3339 time with its offset and without fractions, as Atom, JSON Feed and sitemaps write it. */
  static String rfc3339(ZonedDateTime time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0));
  }

  /**
   * One article in a feed.
   *
   * @param id a stable id: a {@code tag:} URI from the site's host, the article's date and its
   *     source file, so it survives a new title or slug
   * @param url the article's absolute URL
   * @param summary plain text; may be empty
   * @param contentHtml the article's body with absolute links, or empty when feeds carry summaries
   * @param categories the section, then the tags
   * @param image the lead image's absolute URL
   */
  record Item(String id, String url, String title, String summary, String contentHtml, ZonedDateTime published,
      ZonedDateTime updated, List<Author> authors, List<String> categories, Optional<String> image, String lang) {
    Item {
      authors = List.copyOf(authors);
      categories = List.copyOf(categories);
    }
  }

  /**
   * An author of an item.
   *
   * @param url the absolute URL of the author's page; empty when the name makes none
   */
  record Author(String name, String url) {}
}
