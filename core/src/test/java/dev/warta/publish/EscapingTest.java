package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text with every character that can end a context must come out as the same text, in every output, and never as markup. */
class EscapingTest {
  /** As YAML writes it: double-quoted, with escapes for the control characters. */
  private static final String YAML_DANGER = "<script>alert(1)</script> & \\\" ' ]]> </script> <!-- \\x00\\x01\\x08\\x0b\\x1f \\u2028 \\u2029 end";
  /** What every output must show: the same text without the control characters XML and HTML forbid. */
  private static final String SHOWN = "<script>alert(1)</script> & \" ' ]]> </script> <!--  \u2028 \u2029 end";

  /** Summaries have their whitespace runs made one space by the reader, and a vertical tab is whitespace. */
  private static final String SUMMARY = SHOWN.replace("<!--  ", "<!--   ");

  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, """
        -- warta.yml --
        title: "Kabar <b>&</b>"
        baseUrl: https://news.example.org/
        timeZone: Asia/Jakarta
        feeds:
          fullContent: true
          tags: true
        -- content/berita/bahaya.md --
        ---
        title: "%1$s"
        slug: bahaya
        date: 2025-06-30T08:00:00+07:00
        summary: "%1$s"
        authors: ["%1$s"]
        tags: ["%1$s", "a&b"]
        image: { src: /img/a.jpg, alt: "%1$s" }
        ---
        Body text.
        """.formatted(YAML_DANGER));
    site.build();
  }

  @Test
  void articlePageShowsTheTextAndHasNoInjectedMarkup() throws Exception {
    String html = site.text("2025/06/bahaya/index.html");
    assertFalse(html.contains("<script>alert"), "the title never becomes a script element");
    assertFalse(html.contains("\u0001"), "control characters are dropped");
    Document page = site.page("/2025/06/bahaya/");
    assertEquals(SHOWN, page.selectFirst("h1").wholeText());
    assertEquals(SHOWN, page.selectFirst("meta[property=og:title]").attr("content"));
    assertEquals(List.of(SHOWN, "a&b"), page.select("meta[property=article:tag]").eachAttr("content"));
    assertEquals(1, page.select("script").size(), "only the JSON-LD script");
    assertEquals(0, page.select("b").size());
    Element ld = page.selectFirst("script[type=application/ld+json]");
    assertFalse(ld.data().contains("<"), "no < inside the script: neither </script> nor <!-- can end it");
    JsonNode json = Archives.json(ld.data());
    assertEquals(SHOWN, json.get("headline").asText());
    assertEquals(SUMMARY, json.get("description").asText());
    assertEquals(SHOWN, json.get("author").get(0).get("name").asText());
    assertEquals(SHOWN, json.get("keywords").get(0).asText());
  }

  @Test
  void listPagesShowTheTextToo() {
    Document home = site.page("/");
    assertEquals(SHOWN, home.selectFirst(".card-title a").wholeText());
    assertEquals(0, home.select("script:not([type=application/ld+json])").size());
    assertEquals("Kabar <b>&</b> (RSS)", home.selectFirst("link[type=application/rss+xml]").attr("title"));
  }

  @Test
  void feedsParseAndCarryTheSameText() throws Exception {
    for (String feed : List.of("/feed.xml", "/atom.xml", "/berita/feed.xml", "/tag/" + dev.warta.internal.Slugs.termKey("a&b") + "/atom.xml")) {
      SyndEntry entry = Archives.feed(site, feed).getEntries().get(0);
      assertEquals(SHOWN, entry.getTitle(), feed);
      assertEquals(List.of("berita", SHOWN, "a&b"), entry.getCategories().stream().map(SyndCategory::getName).toList(), feed);
    }
    SyndEntry rss = Archives.feed(site, "/feed.xml").getEntries().get(0);
    // a reader takes an RSS description as HTML: the summary is escaped for it, and shows as written
    assertEquals(SUMMARY, org.jsoup.Jsoup.parseBodyFragment(rss.getDescription().getValue()).body().wholeText());
    assertTrue(rss.getDescription().getValue().startsWith("&lt;script&gt;"), rss.getDescription().getValue());
    assertEquals(SHOWN, rss.getAuthor());
    assertEquals("Kabar <b>&</b>", Archives.feed(site, "/atom.xml").getTitle());
    assertTrue(site.text("feed.xml").contains("]]&gt;"), "]]> is escaped, not left to end a CDATA section");

    JsonNode item = Archives.json(site, "/feed.json").get("items").get(0);
    assertEquals(SHOWN, item.get("title").asText());
    assertEquals(SUMMARY, item.get("summary").asText());
    assertEquals(SHOWN, item.get("authors").get(0).get("name").asText());
    assertFalse(site.text("feed.json").contains("<"), "the JSON feed escapes < too");
    assertTrue(site.text("feed.json").contains("\\u2028"));
  }

  @Test
  void sitemapsParseAndCarryTheSameText() throws Exception {
    org.w3c.dom.Document news = Archives.xml(site, "/sitemap-news.xml");
    assertEquals(SHOWN, news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title").item(0).getTextContent());
    assertEquals("Kabar <b>&</b>", news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "name").item(0).getTextContent());
    Archives.xml(site, "/sitemap.xml");
  }
}
