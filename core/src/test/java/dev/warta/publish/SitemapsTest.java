package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SitemapsTest {
  private static final String SM = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
  private static final String BASE = "https://news.example.org";

  @TempDir Path dir;

  private static List<String> texts(Document doc, String ns, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static String lastmodOf(Document doc, String loc) {
    NodeList urls = doc.getElementsByTagNameNS(SM, "url");
    for (int i = 0; i < urls.getLength(); i++) {
      Element u = (Element) urls.item(i);
      if (u.getElementsByTagNameNS(SM, "loc").item(0).getTextContent().equals(loc)) {
        NodeList lastmod = u.getElementsByTagNameNS(SM, "lastmod");
        return lastmod.getLength() == 0 ? "" : lastmod.item(0).getTextContent();
      }
    }
    throw new AssertionError("not in the sitemap: " + loc);
  }

  private static final List<String> ALL = List.of(
      "/2025/06/chili-prices-rise/", "/2025/06/harga-cabai-naik/", "/2025/06/ekspor-tumbuh/", "/2025/06/jadwal-pemilu/",
      "/", "/page/2/", "/en/", "/ekonomi/", "/ekonomi/page/2/", "/politik/", "/tag/harga/", "/tag/pangan/", "/tag/pemilu/",
      "/author/rina-marlina/", "/2025/", "/2025/page/2/", "/2025/06/", "/2025/06/page/2/", "/section/", "/tag/", "/author/", "/archive/");

  @Test
  void sitemapListsEveryHtmlPageButRedirectsAndThe404WithLastmod() throws Exception {
    TestSite site = TestSite.of(dir, Archives.SMALL);
    site.build();
    Document doc = Archives.xml(site, "/sitemap.xml");
    assertEquals("urlset", doc.getDocumentElement().getLocalName());
    assertEquals(ALL.stream().map(u -> BASE + u).toList(), texts(doc, SM, "loc"));
    assertTrue(site.has("lama/cabai/index.html"), "the alias page exists, but is not in the sitemap");
    assertFalse(site.has("sitemap-1.xml"));
    assertEquals("2025-06-29T10:30:00+07:00", lastmodOf(doc, BASE + "/2025/06/harga-cabai-naik/"));
    assertEquals("2025-06-29T09:00:00+07:00", lastmodOf(doc, BASE + "/2025/06/chili-prices-rise/"));
    assertEquals("2025-06-29T10:30:00+07:00", lastmodOf(doc, BASE + "/"));
    assertEquals("2025-06-10T07:00:00+07:00", lastmodOf(doc, BASE + "/page/2/"));
    assertEquals("2025-06-29T10:30:00+07:00", lastmodOf(doc, BASE + "/tag/"));
  }

  @Test
  void pastTheLimitSitemapBecomesAnIndex() throws Exception {
    TestSite site = TestSite.of(dir, Archives.SMALL.replace("paginate: 2\n", "paginate: 2\nsitemapLimit: 10\n"));
    site.build();
    Document index = Archives.xml(site, "/sitemap.xml");
    assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
    assertEquals(List.of(BASE + "/sitemap-1.xml", BASE + "/sitemap-2.xml", BASE + "/sitemap-3.xml"), texts(index, SM, "loc"));
    List<String> all = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      List<String> locs = texts(Archives.xml(site, "/sitemap-" + i + ".xml"), SM, "loc");
      sizes.add(locs.size());
      all.addAll(locs);
    }
    assertEquals(List.of(10, 10, 2), sizes);
    assertEquals(ALL.stream().map(u -> BASE + u).toList(), all);
    assertFalse(site.has("sitemap-4.xml"));
    // each file's lastmod is the newest of its URLs
    assertEquals(List.of("2025-06-29T10:30:00+07:00", "2025-06-29T10:30:00+07:00", "2025-06-29T10:30:00+07:00"), texts(index, SM, "lastmod"));
    assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\nSitemap: https://news.example.org/sitemap-news.xml\n",
        site.text("robots.txt"));
  }

  @Test
  void pastFiftyMegabytesSitemapIsSplitToo() throws Exception {
    List<SitemapWriter.Url> urls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      urls.add(new SitemapWriter.Url("https://x.example/" + "a".repeat(40) + i + "/", Optional.of(ZonedDateTime.parse("2025-01-01T00:00:00Z"))));
    }
    long max = 1000;
    Map<String, byte[]> files = SitemapWriter.write(urls, "https://x.example/", 50_000, max);
    assertTrue(files.size() > 2, "split by size: " + files.keySet());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    List<String> all = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(f.getValue()));
      if (!f.getKey().equals("/sitemap.xml")) {
        assertTrue(f.getValue().length <= max, f.getKey() + " has " + f.getValue().length + " bytes");
        all.addAll(texts(doc, SM, "loc"));
      }
    }
    assertEquals(urls.stream().map(SitemapWriter.Url::loc).toList(), all);
  }

  @Test
  void newsSitemapHoldsTheLastTwoDaysUpToTheBuildTime() throws Exception {
    // TestSite.NOW is 2025-06-30T05:00:00Z, 12:00 in Jakarta
    TestSite site = TestSite.of(dir, """
        -- warta.yml --
        title: Kabar Uji
        baseUrl: https://news.example.org/
        timeZone: Asia/Jakarta
        future: true
        -- content/a/exactly-48h.md --
        ---
        title: Exactly 48 hours
        date: 2025-06-28T12:00:00+07:00
        ---
        x
        -- content/a/almost-48h.md --
        ---
        title: 47 hours 59 minutes
        date: 2025-06-28T12:01:00+07:00
        lang: en
        ---
        x
        -- content/a/now.md --
        ---
        title: Right now
        date: 2025-06-30T12:00:00+07:00
        ---
        x
        -- content/a/future.md --
        ---
        title: A minute ahead
        date: 2025-06-30T12:01:00+07:00
        ---
        x
        """);
    site.build();
    Document doc = Archives.xml(site, "/sitemap-news.xml");
    assertEquals(List.of("Right now", "47 hours 59 minutes"), texts(doc, NEWS, "title"));
    assertEquals(List.of(BASE + "/2025/06/right-now/", BASE + "/2025/06/47-hours-59-minutes/"), texts(doc, SM, "loc"));
    assertEquals(List.of("2025-06-30T12:00:00+07:00", "2025-06-28T12:01:00+07:00"), texts(doc, NEWS, "publication_date"));
    assertEquals(List.of("Kabar Uji", "Kabar Uji"), texts(doc, NEWS, "name"));
    assertEquals(List.of("id", "en"), texts(doc, NEWS, "language"));
  }

  @Test
  void newsPublicationIsThePublisherWhenNamed() throws Exception {
    TestSite site = TestSite.of(dir, Archives.SMALL);
    site.build();
    Document doc = Archives.xml(site, "/sitemap-news.xml");
    assertEquals(List.of("Chili Prices Rise", "Harga Cabai Naik"), texts(doc, NEWS, "title"));
    assertEquals(List.of("PT Kabar Uji", "PT Kabar Uji"), texts(doc, NEWS, "name"));
  }

  @Test
  void aSitesOwnRobotsTxtWins() {
    TestSite site = TestSite.of(dir, Archives.SMALL + "-- static/robots.txt --\nUser-agent: *\nDisallow: /private/\n");
    site.build();
    assertEquals("User-agent: *\nDisallow: /private/\n", site.text("robots.txt"));
  }

  @Test
  void redirectPagesRefreshLinkAndPointToTheCanonicalUrl() {
    TestSite site = TestSite.of(dir, Archives.SMALL);
    site.build();
    org.jsoup.nodes.Document page = site.page("/lama/cabai/");
    assertEquals("0; url=/2025/06/harga-cabai-naik/", page.selectFirst("meta[http-equiv=refresh]").attr("content"));
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", page.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals("/2025/06/harga-cabai-naik/", page.selectFirst("body a").attr("href"));
    assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
  }

  @Test
  void anArticleWhoseCanonicalIsElsewhereIsLeftOutOfSitemaps() throws Exception {
    TestSite site = TestSite.of(dir, Archives.SMALL.replace("translationKey: cabai\naliases", "canonical: https://other.example/cabai/\ntranslationKey: cabai\naliases"));
    site.build();
    Document doc = Archives.xml(site, "/sitemap.xml");
    assertFalse(texts(doc, SM, "loc").contains(BASE + "/2025/06/harga-cabai-naik/"));
    assertEquals(List.of("Chili Prices Rise"), texts(Archives.xml(site, "/sitemap-news.xml"), NEWS, "title"));
  }
}
