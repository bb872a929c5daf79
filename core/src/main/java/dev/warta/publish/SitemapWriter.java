package dev.warta.publish;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code sitemap.xml}; past {@code limit} URLs or 50 MB it becomes a sitemap index of
 * {@code sitemap-1.xml}, {@code sitemap-2.xml}…, as the sitemaps protocol asks.
 *
 * <p>How a file's size is known before it is written: each {@code <url>} element is first written
 * alone at the depth it will have, and the bytes counted; a file is full when its count plus the
 * bytes of an empty sitemap would pass the limit. The elements are then written again, for real,
 * into one document per file, so no output is put together from pieces.
 */
final class SitemapWriter {
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  /** The protocol's limit for one file, uncompressed. */
  static final long MAX_BYTES = 50L * 1024 * 1024;

  /**
   * One URL of the sitemap.
   *
   * @param loc the absolute URL
   * @param lastmod when its content last changed, if known
   */
  record Url(String loc, Optional<ZonedDateTime> lastmod) {}

  private SitemapWriter() {}

  /**
   * The sitemap files by site-relative URL: {@code /sitemap.xml} alone, or it as an index followed
   * by the files it lists.
   *
   * @param base the site's absolute base URL, ending with {@code /}
   */
  static Map<String, byte[]> write(List<Url> urls, String base, int limit, long maxBytes) {
    List<List<Url>> files = split(urls, limit, maxBytes);
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (files.size() == 1) {
      out.put("/sitemap.xml", urlset(files.get(0)));
      return out;
    }
    Xml index = Xml.document();
    index.start("sitemapindex").defaultNamespace(NS);
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      List<Url> file = files.get(i);
      index.start("sitemap").element("loc", base + "sitemap-" + (i + 1) + ".xml");
      file.stream().flatMap(u -> u.lastmod().stream()).max(Comparator.comparing(ZonedDateTime::toInstant))
          .ifPresent(t -> index.element("lastmod", Feed.rfc3339(t)));
      index.end();
      parts.add(urlset(file));
    }
    out.put("/sitemap.xml", index.finish());
    for (int i = 0; i < parts.size(); i++) {
      out.put("/sitemap-" + (i + 1) + ".xml", parts.get(i));
    }
    return out;
  }

  private static List<List<Url>> split(List<Url> urls, int limit, long maxBytes) {
    // an empty urlset's bytes, plus the line break before its end tag once it has children
    long frame = urlset(List.of()).length + 1L;
    List<List<Url>> files = new ArrayList<>();
    List<Url> current = new ArrayList<>();
    long size = frame;
    for (Url u : urls) {
      Xml one = Xml.fragment(1);
      url(one, u);
      long bytes = one.finish().length;
      if (!current.isEmpty() && (current.size() >= limit || size + bytes > maxBytes)) {
        files.add(current);
        current = new ArrayList<>();
        size = frame;
      }
      current.add(u);
      size += bytes;
    }
    files.add(current);
    return files;
  }

  private static byte[] urlset(List<Url> urls) {
    Xml xml = Xml.document();
    xml.start("urlset").defaultNamespace(NS);
    for (Url u : urls) {
      url(xml, u);
    }
    return xml.finish();
  }

  private static void url(Xml xml, Url u) {
    xml.start("url").element("loc", u.loc());
    u.lastmod().ifPresent(t -> xml.element("lastmod", Feed.rfc3339(t)));
    xml.end();
  }
}
