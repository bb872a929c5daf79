package dev.warta.publish;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes {@code sitemap-news.xml}, the Google News sitemap: the articles of the last two days, each
 * with its publication, language, date and title.
 */
final class NewsSitemapWriter {
  private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
  /** Google reads at most this many URLs from a news sitemap. */
  static final int MAX_URLS = 1000;

  /**
   * One article of the news sitemap.
   *
   * @param loc its absolute URL
   * @param lang its language as ISO 639 code
   */
  record News(String loc, String lang, ZonedDateTime published, String title) {}

  private NewsSitemapWriter() {}

  static byte[] write(List<News> articles, String publication) {
    Xml xml = Xml.document();
    xml.start("urlset").defaultNamespace(SitemapWriter.NS).namespace("news", NEWS);
    for (News n : articles.subList(0, Math.min(MAX_URLS, articles.size()))) {
      xml.start("url").element("loc", n.loc());
      xml.start("news", "news", NEWS);
      xml.start("news", "publication", NEWS).element("news", "name", NEWS, publication).element("news", "language", NEWS, n.lang()).end();
      xml.element("news", "publication_date", NEWS, Feed.rfc3339(n.published()));
      xml.element("news", "title", NEWS, n.title());
      xml.end().end();
    }
    return xml.finish();
  }
}
