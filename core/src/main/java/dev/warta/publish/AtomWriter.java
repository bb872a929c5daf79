package dev.warta.publish;

/** Writes a feed as Atom 1.0 (RFC 4287). */
final class AtomWriter {
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private AtomWriter() {}

  static byte[] write(Feed feed) {
    Xml xml = Xml.document();
    xml.start("feed").defaultNamespace(ATOM).lang(feed.lang());
    xml.element("id", feed.home());
    xml.start("title").attribute("type", "text").text(feed.title()).end();
    if (!feed.description().isEmpty()) {
      xml.start("subtitle").attribute("type", "text").text(feed.description()).end();
    }
    xml.element("updated", Feed.rfc3339(feed.updated()));
    xml.start("link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", feed.home()).end();
    xml.start("link").attribute("rel", "self").attribute("type", "application/atom+xml").attribute("href", feed.atom()).end();
    // a feed-level author makes entries without authors valid Atom
    xml.start("author").element("name", feed.publisher()).end();
    xml.element("generator", "Warta");
    for (Feed.Item item : feed.items()) {
      xml.start("entry");
      xml.element("id", item.id());
      xml.start("title").attribute("type", "text").text(item.title()).end();
      xml.start("link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", item.url()).end();
      xml.element("published", Feed.rfc3339(item.published()));
      xml.element("updated", Feed.rfc3339(item.updated()));
      for (Feed.Author a : item.authors()) {
        xml.start("author").element("name", a.name());
        if (!a.url().isEmpty()) {
          xml.element("uri", a.url());
        }
        xml.end();
      }
      for (String c : item.categories()) {
        xml.start("category").attribute("term", c).end();
      }
      if (!item.summary().isEmpty()) {
        xml.start("summary").attribute("type", "text").text(item.summary()).end();
      }
      if (!item.contentHtml().isEmpty()) {
        xml.start("content").attribute("type", "html").text(item.contentHtml()).end();
      }
      xml.end();
    }
    return xml.finish();
  }
}
