package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field a user writes, and every setting shown on a page, carrying markup, script ends, CDATA
 * ends, quotes, {@code javascript:} URLs, bidi controls and NUL: each page, feed, sitemap and JSON-LD
 * block of the output is parsed, and none holds an element, attribute or URL the input tried to
 * bring in, while the text itself comes out as written.
 */
class InjectionTest {
  /** As YAML writes it, double-quoted: {@code \"} a quote, {@code \0} a NUL, {@code \u202E} right-to-left override. */
  static final String EVIL_YAML = "<x-evil onmouseover=alert(1)>X</x-evil><script>alert(1)</script>\\\" onerror=\\\"alert(1) ' ]]> </script><!-- "
      + "<img src=x onerror=alert(1)> <svg onload=alert(1)> javascript:alert(1) \\u202E\\u2066kanan\\u202C \\0 \\x1b akhir";
  /** The same text as every output must show it: NUL and ESC dropped, everything else kept as text. */
  static final String SHOWN = "<x-evil onmouseover=alert(1)>X</x-evil><script>alert(1)</script>\" onerror=\"alert(1) ' ]]> </script><!-- "
      + "<img src=x onerror=alert(1)> <svg onload=alert(1)> javascript:alert(1) \u202E\u2066kanan\u202C   akhir";

  @TempDir static Path dir;
  static TestSite site;
  static List<Problem> warnings;

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, """
        -- warta.yml --
        title: "%1$s"
        description: "%1$s"
        baseUrl: https://news.example.org/
        timeZone: Asia/Jakarta
        publisher: { name: "%1$s", logo: /img/logo.png }
        feeds: { fullContent: true, tags: true, sections: true }
        -- content/berita/bahaya.md --
        ---
        title: "%1$s"
        slug: bahaya
        date: 2025-06-29T08:00:00+07:00
        summary: "%1$s"
        authors: ["%1$s", "javascript:alert(1)"]
        section: "%1$s"
        tags: ["%1$s", "javascript:alert(1)", "\\u202Etxt.exe"]
        image: { src: /img/a.jpg, alt: "%1$s", caption: "%1$s", credit: "%1$s" }
        aliases: [/lama/bahaya/]
        extra: "%1$s"
        ---
        Paragraf [klik](javascript:alert(1)) dan [klik lagi](  JaVaScRiPt:alert(1)) dan [tab](java\tscript:alert(1)) dan
        ![gambar](javascript:alert(1)) dan <javascript:alert(1)> dan [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).

        [ref]: javascript:alert(1)

        Lihat [rujukan][ref] dan <a href="javascript:alert(1)" onclick="alert(1)">tautan mentah</a> <img src=x onerror=alert(1)>.

        <script>alert(1)</script>
        <iframe src="javascript:alert(1)"></iframe>
        <svg><script>alert(1)</script></svg>
        <style>body{background:url(javascript:alert(1))}</style>

        Baca juga: <script>alert(1)</script>

        Baca juga: [Bahaya](javascript:alert(1))

        Paragraf akhir.
        -- content/berita/aman.md --
        ---
        title: Berita Aman
        date: 2025-06-28T08:00:00+07:00
        tags: ["%1$s"]
        ---
        Paragraf pertama.

        Baca juga: [Bahaya](bahaya.md)

        Paragraf kedua.
        """.formatted(EVIL_YAML));
    warnings = site.build().warnings();
  }

  @Test
  void everyHtmlPageIsHarmless() {
    int pages = 0;
    for (Path file : Outputs.files(site.output())) {
      if (file.toString().endsWith(".html")) {
        Outputs.assertHarmlessHtml(file.toString(), site.text(file.toString()));
        pages++;
      }
    }
    assertTrue(pages >= 10, "article, alias, home, section, tags, authors, archives and 404 pages: " + pages);
  }

  @Test
  void theTextComesOutAsWritten() {
    Document page = site.page("/2025/06/bahaya/");
    assertEquals(SHOWN, page.selectFirst("h1").wholeText());
    assertEquals(SHOWN, page.selectFirst("meta[property=og:title]").attr("content"));
    assertEquals(SHOWN, page.selectFirst(".lead-image img").attr("alt"));
    assertTrue(page.selectFirst("title").wholeText().startsWith(SHOWN), page.selectFirst("title").wholeText());
    JsonNode ld = Outputs.json(page.selectFirst("script[type=application/ld+json]").data());
    assertEquals(SHOWN, ld.get("headline").asText());
    assertEquals(SHOWN, ld.get("author").get(0).get("name").asText());
    assertEquals(SHOWN, ld.get("publisher").get("name").asText());
    assertEquals(List.of(SHOWN, "javascript:alert(1)", "\u202Etxt.exe"), page.select("meta[property=article:tag]").eachAttr("content"));
    Document home = site.page("/");
    assertEquals(SHOWN, home.selectFirst(".card-title a").wholeText());
  }

  @Test
  void unsafeLinksInTheBodyAreDefusedAndReported() {
    Element body = site.page("/2025/06/bahaya/").selectFirst("article");
    List<String> hrefs = body.select("a[href]").eachAttr("href");
    assertTrue(hrefs.stream().noneMatch(Outputs::runsCode), hrefs.toString());
    assertEquals(0, body.select("img[onerror], a[onclick]").size());
    assertTrue(body.text().contains("Baca juga: Baca juga: Bahaya Paragraf akhir."), "read also lines naming nothing, or with an unsafe link, stay text: " + body.text());
    assertEquals("#", body.select("a:contains(Bahaya)").attr("href"));
    List<String> unsafe = warnings.stream().filter(p -> p.message().contains("unsafe")).map(Problem::toString).toList();
    assertTrue(unsafe.size() >= 6, unsafe.toString());
    assertTrue(unsafe.stream().allMatch(p -> p.startsWith("content/berita/bahaya.md:")), unsafe.toString());
    Element aman = site.page("/2025/06/berita-aman/").selectFirst("aside.read-also a");
    assertEquals(SHOWN, aman.wholeText(), "a read also link shows the named article's title as text");
  }

  @Test
  void everyXmlFileParsesSafelyAndCarriesNoScriptUrl() {
    int xml = 0;
    for (Path file : Outputs.files(site.output())) {
      if (file.toString().endsWith(".xml")) {
        org.w3c.dom.Document doc = Outputs.xml(site.output().resolve(file));
        Outputs.assertHarmlessXml(file.toString(), doc);
        xml++;
      }
    }
    assertTrue(xml >= 6, "RSS and Atom for the site, section and tags, and sitemaps: " + xml);
    org.w3c.dom.Document rss = Outputs.xml(site.output().resolve("feed.xml"));
    assertEquals(SHOWN, rss.getElementsByTagName("title").item(0).getTextContent());
    assertEquals(SHOWN, firstChild(rss, "item", 0, "title"));
    assertFalse(Outputs.text(site.output().resolve("feed.xml")).contains("]]>"), "no CDATA end survives unescaped");
  }

  private static String firstChild(org.w3c.dom.Document doc, String parent, int index, String child) {
    org.w3c.dom.Element e = (org.w3c.dom.Element) doc.getElementsByTagName(parent).item(index);
    return e.getElementsByTagName(child).item(0).getTextContent();
  }

  @Test
  void everyJsonFileParsesAndCarriesNoScriptUrl() {
    int json = 0;
    for (Path file : Outputs.files(site.output())) {
      if (file.toString().endsWith(".json")) {
        String text = Outputs.text(site.output().resolve(file));
        assertFalse(text.contains("<"), file + " escapes '<', so it is safe to inline too");
        assertNoScriptUrl(file.toString(), Outputs.json(text));
        json++;
      }
    }
    assertTrue(json >= 1, "the JSON feed");
    JsonNode feed = Outputs.json(Outputs.text(site.output().resolve("feed.json")));
    assertEquals(SHOWN, feed.get("title").asText());
    List<String> titles = new ArrayList<>();
    feed.get("items").forEach(i -> titles.add(i.get("title").asText()));
    assertEquals(List.of(SHOWN, "Berita Aman"), titles);
  }

  private static final Set<String> URL_KEYS = Set.of("url", "id", "@id", "image", "banner_image", "external_url", "home_page_url", "feed_url", "icon",
      "favicon", "logo", "next_url", "sameAs", "avatar");

  private static void assertNoScriptUrl(String where, JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (URL_KEYS.contains(e.getKey()) && e.getValue().isTextual()) {
          assertFalse(Outputs.runsCode(e.getValue().asText()), where + " " + e.getKey() + "=" + e.getValue());
        }
        assertNoScriptUrl(where, e.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(n -> assertNoScriptUrl(where, n));
    }
  }
}
