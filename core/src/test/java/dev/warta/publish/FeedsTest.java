package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.warta.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FeedsTest {
  @TempDir Path dir;

  private TestSite built() {
    TestSite site = TestSite.of(dir, Archives.SMALL);
    site.build();
    return site;
  }

  @Test
  void siteRssHoldsTheNewestItemsOfTheSiteLanguageWithStableIds() throws Exception {
    TestSite site = built();
    SyndFeed rss = Archives.feed(site, "/feed.xml");
    assertEquals("rss_2.0", rss.getFeedType());
    assertEquals("Kabar Uji", rss.getTitle());
    assertEquals("https://news.example.org/", rss.getLink());
    assertEquals("Arsip berita uji.", rss.getDescription());
    assertEquals("id", rss.getLanguage());
    List<SyndEntry> items = rss.getEntries();
    assertEquals(List.of("Harga Cabai Naik", "Ekspor Tumbuh"), items.stream().map(SyndEntry::getTitle).toList());
    SyndEntry first = items.get(0);
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", first.getLink());
    assertEquals("tag:news.example.org,2025-06-29:/content/ekonomi/harga-cabai.md", first.getUri());
    assertEquals(Instant.parse("2025-06-29T01:00:00Z"), first.getPublishedDate().toInstant());
    assertEquals("Rina Marlina", first.getAuthor());
    assertEquals(List.of("ekonomi", "pangan", "harga"), first.getCategories().stream().map(SyndCategory::getName).toList());
    assertEquals("Harga cabai naik tajam.", first.getDescription().getValue());
    assertTrue(first.getContents().isEmpty(), "summaries only unless feeds.fullContent");
  }

  @Test
  void rssDatesAreRfc822InEnglishAndTheGuidIsNoPermalink() throws Exception {
    TestSite site = built();
    Document doc = Archives.xml(site, "/feed.xml");
    assertEquals("Sun, 29 Jun 2025 08:00:00 +0700", doc.getElementsByTagName("pubDate").item(0).getTextContent());
    assertEquals("Sun, 29 Jun 2025 10:30:00 +0700", doc.getElementsByTagName("lastBuildDate").item(0).getTextContent());
    assertEquals("false", ((org.w3c.dom.Element) doc.getElementsByTagName("guid").item(0)).getAttribute("isPermaLink"));
    org.w3c.dom.Element self = (org.w3c.dom.Element) doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
    assertEquals("https://news.example.org/feed.xml", self.getAttribute("href"));
    assertEquals("self", self.getAttribute("rel"));
  }

  @Test
  void atomFeedHasIdsDatesAuthorsAndLinks() throws Exception {
    TestSite site = built();
    SyndFeed atom = Archives.feed(site, "/atom.xml");
    assertEquals("atom_1.0", atom.getFeedType());
    assertEquals("Kabar Uji", atom.getTitle());
    assertEquals("https://news.example.org/", atom.getUri());
    assertEquals(Instant.parse("2025-06-29T03:30:00Z"), atom.getPublishedDate().toInstant());
    SyndEntry first = atom.getEntries().get(0);
    assertEquals("tag:news.example.org,2025-06-29:/content/ekonomi/harga-cabai.md", first.getUri());
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", first.getLink());
    assertEquals(Instant.parse("2025-06-29T01:00:00Z"), first.getPublishedDate().toInstant());
    assertEquals(Instant.parse("2025-06-29T03:30:00Z"), first.getUpdatedDate().toInstant());
    assertEquals("Rina Marlina", first.getAuthors().get(0).getName());
    assertEquals("https://news.example.org/author/rina-marlina/", first.getAuthors().get(0).getUri());
    assertEquals(List.of("ekonomi", "pangan", "harga"), first.getCategories().stream().map(SyndCategory::getName).toList());
    String text = site.text("atom.xml");
    assertTrue(text.contains("<published>2025-06-29T08:00:00+07:00</published>"), "RFC 3339 with the offset");
    assertTrue(text.contains("<updated>2025-06-29T10:30:00+07:00</updated>"));
  }

  @Test
  void jsonFeedFollowsVersionOnePointOne() throws Exception {
    TestSite site = built();
    JsonNode feed = Archives.json(site, "/feed.json");
    assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
    assertEquals("Kabar Uji", feed.get("title").asText());
    assertEquals("https://news.example.org/", feed.get("home_page_url").asText());
    assertEquals("https://news.example.org/feed.json", feed.get("feed_url").asText());
    assertEquals("id", feed.get("language").asText());
    assertEquals(2, feed.get("items").size());
    JsonNode item = feed.get("items").get(0);
    assertEquals("tag:news.example.org,2025-06-29:/content/ekonomi/harga-cabai.md", item.get("id").asText());
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", item.get("url").asText());
    assertEquals("Harga Cabai Naik", item.get("title").asText());
    assertEquals("Harga cabai naik tajam.", item.get("content_text").asText());
    assertEquals("Harga cabai naik tajam.", item.get("summary").asText());
    assertEquals("https://news.example.org/img/cabai.jpg", item.get("image").asText());
    assertEquals("2025-06-29T08:00:00+07:00", item.get("date_published").asText());
    assertEquals("2025-06-29T10:30:00+07:00", item.get("date_modified").asText());
    assertEquals("Rina Marlina", item.get("authors").get(0).get("name").asText());
    assertEquals("https://news.example.org/author/rina-marlina/", item.get("authors").get(0).get("url").asText());
    assertEquals("[\"ekonomi\",\"pangan\",\"harga\"]", item.get("tags").toString());
    assertFalse(item.has("content_html"));
  }

  @Test
  void otherLanguagesAndSectionsHaveTheirOwnFeeds() throws Exception {
    TestSite site = built();
    SyndFeed en = Archives.feed(site, "/en/feed.xml");
    assertEquals("Kabar Uji – English", en.getTitle());
    assertEquals("en", en.getLanguage());
    assertEquals(List.of("Chili Prices Rise"), en.getEntries().stream().map(SyndEntry::getTitle).toList());
    assertEquals("https://news.example.org/en/", Archives.json(site, "/en/feed.json").get("home_page_url").asText());
    assertEquals("atom_1.0", Archives.feed(site, "/en/atom.xml").getFeedType());

    SyndFeed ekonomi = Archives.feed(site, "/ekonomi/atom.xml");
    assertEquals("Kabar Uji – ekonomi", ekonomi.getTitle());
    // newest two of three: feeds.items is 2
    assertEquals(List.of("Chili Prices Rise", "Harga Cabai Naik"), ekonomi.getEntries().stream().map(SyndEntry::getTitle).toList());
    assertEquals(List.of("Jadwal Pemilu"), Archives.feed(site, "/politik/feed.xml").getEntries().stream().map(SyndEntry::getTitle).toList());
    assertEquals(1, Archives.json(site, "/politik/feed.json").get("items").size());
    assertFalse(site.has("tag/pangan/feed.xml"), "tag feeds only with feeds.tags");
  }

  @Test
  void tagFeedsAndFullContentWhenAskedFor() throws Exception {
    TestSite site = TestSite.of(dir, Archives.SMALL.replace("  items: 2\n", "  items: 2\n  tags: true\n  fullContent: true\n"));
    site.build();
    SyndFeed pangan = Archives.feed(site, "/tag/pangan/feed.xml");
    assertEquals("Kabar Uji – pangan", pangan.getTitle());
    assertEquals(List.of("Harga Cabai Naik"), pangan.getEntries().stream().map(SyndEntry::getTitle).toList());
    assertTrue(site.has("tag/pemilu/atom.xml"));
    assertTrue(site.has("tag/harga/feed.json"));

    String html = pangan.getEntries().get(0).getContents().get(0).getValue();
    org.jsoup.nodes.Document body = org.jsoup.Jsoup.parseBodyFragment(html);
    assertEquals("https://news.example.org/tentang/", body.selectFirst("a").attr("href"), "links in feeds are absolute");
    assertEquals("https://news.example.org/img/pasar.jpg", body.selectFirst("img").attr("src"));

    SyndEntry atomEntry = Archives.feed(site, "/atom.xml").getEntries().get(0);
    assertEquals("html", atomEntry.getContents().get(0).getType());
    assertEquals(html, atomEntry.getContents().get(0).getValue());
    assertEquals(html, Archives.json(site, "/feed.json").get("items").get(0).get("content_html").asText());
  }

  @Test
  void anItemKeepsItsIdWhenItsTitleAndUrlChange() throws Exception {
    TestSite site = built();
    String before = Archives.feed(site, "/feed.xml").getEntries().get(0).getUri();
    site.write(Archives.SMALL.substring(Archives.SMALL.indexOf("-- content/ekonomi/harga-cabai.md --"))
        .replace("title: Harga Cabai Naik", "title: Harga Cabai Melonjak"));
    site.build();
    SyndEntry after = Archives.feed(site, "/feed.xml").getEntries().get(0);
    assertEquals("Harga Cabai Melonjak", after.getTitle());
    assertEquals("https://news.example.org/2025/06/harga-cabai-melonjak/", after.getLink());
    assertEquals(before, after.getUri());
  }

  @Test
  void anEmptyArchiveStillHasValidFeeds() throws Exception {
    TestSite site = TestSite.of(dir, """
        -- warta.yml --
        title: Kosong
        baseUrl: https://empty.example/
        """);
    site.build();
    assertEquals(0, Archives.feed(site, "/feed.xml").getEntries().size());
    assertEquals(0, Archives.feed(site, "/atom.xml").getEntries().size());
    assertTrue(site.text("atom.xml").contains("<updated>1970-01-01T07:00:00+07:00</updated>"), "an empty feed's time does not depend on the clock");
    assertEquals(0, Archives.json(site, "/feed.json").get("items").size());
  }

  @Test
  void feedsAndSitemapsAreTheSameBytesWithAnyNumberOfThreads() throws Exception {
    TestSite site = TestSite.of(dir, Archives.SMALL.replace("  items: 2\n", "  items: 2\n  tags: true\n  fullContent: true\n"));
    site.site().threads(1).build();
    List<byte[]> one = new ArrayList<>();
    List<String> names = List.of("feed.xml", "atom.xml", "feed.json", "en/feed.xml", "ekonomi/atom.xml", "tag/pangan/feed.json",
        "sitemap.xml", "sitemap-news.xml", "robots.txt", "2025/06/harga-cabai-naik/index.html");
    for (String n : names) {
      one.add(Files.readAllBytes(Archives.file(site, n)));
    }
    site.site().threads(2).build();
    for (int i = 0; i < names.size(); i++) {
      assertEquals(new String(one.get(i), java.nio.charset.StandardCharsets.UTF_8), site.text(names.get(i)), names.get(i));
    }
  }

  @Test
  void aStaticFileInTheWayOfAFeedIsAnError() {
    TestSite site = TestSite.of(dir, Archives.SMALL + "-- static/feed.xml --\n<rss/>\n");
    List<dev.warta.shared.Problem> problems = site.failingBuild();
    assertEquals("static/feed.xml: error: this file has the same path as /feed.xml, which Warta writes as a feed or sitemap; rename or remove it",
        problems.get(0).toString());
  }
}
