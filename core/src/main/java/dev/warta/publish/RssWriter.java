package dev.warta.publish;

import dev.warta.internal.Escape;

/** Writes a feed as RSS 2.0, with Dublin Core creators, full content in {@code content:encoded}, and an Atom self link. */
final class RssWriter {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

  private RssWriter() {}

  static byte[] write(Feed feed) {
    Xml xml = Xml.document();
    xml.start("rss").attribute("version", "2.0").namespace("atom", ATOM).namespace("dc", DC).namespace("content", CONTENT);
    xml.start("channel");
    xml.element("title", feed.title());
    xml.element("link", feed.home());
    // RSS requires a description; the title is better than an empty one
    xml.element("description", feed.description().isEmpty() ? feed.title() : feed.description());
    xml.element("language", feed.lang());
    xml.element("generator", "Warta");
    if (!feed.items().isEmpty()) {
      xml.element("lastBuildDate", Feed.RFC_822.format(feed.updated()));
    }
    xml.start("atom", "link", ATOM).attribute("href", feed.rss()).attribute("rel", "self").attribute("type", "application/rss+xml").end();
    for (Feed.Item item : feed.items()) {
      xml.start("item");
      xml.element("title", item.title());
      xml.element("link", item.url());
      // the permalink changes with the slug; a tag: URI from the source file does not
      xml.start("guid").attribute("isPermaLink", "false").text(item.id()).end();
      xml.element("pubDate", Feed.RFC_822.format(item.published()));
      for (Feed.Author a : item.authors()) {
        // RSS's own author element wants an e-mail address, which an archive does not have
        xml.element("dc", "creator", DC, a.name());
      }
      for (String c : item.categories()) {
        xml.element("category", c);
      }
      if (!item.summary().isEmpty()) {
        // a reader decodes the description from XML and then reads it as HTML: the plain-text
        // summary must be escaped for HTML first, or its '<' become live markup there
        xml.element("description", Escape.html(item.summary()));
      }
      if (!item.contentHtml().isEmpty()) {
        xml.element("content", "encoded", CONTENT, item.contentHtml());
      }
      xml.end();
    }
    return xml.finish();
  }
}
