package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warta.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One payload in every front-matter field, every configuration string and every label; every file of
 * the output read back as its reader reads it: pages and redirect pages as HTML, RSS {@code
 * description} and {@code content:encoded} and Atom {@code type="html"} as HTML after XML decoding,
 * JSON Feed {@code content_html} as HTML, JSON-LD as JSON, sitemaps as XML.
 *
 * <p>What is allowed is learnt, not listed: the same site is built a second time with harmless text
 * in place of the payload, and each kind of output may use only the elements and attributes (and
 * only the URL schemes) that the harmless build uses, which come from the templates and the
 * article's Markdown. A new field, label or output that forgets to escape fails here without anyone
 * adding it to a list.
 */
class EveryOutputAsReadTest {
  /** Harmless text of about the same shape, for the build that says what the templates write. */
  private static final String PLAIN = "Teks biasa saja";
  private static final Set<String> SCHEMES = Set.of("", "http", "https", "mailto");
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster", "srcset", "data", "background", "cite", "content");

  @TempDir static Path dir;
  static Map<String, Set<String>> allowed;
  static Map<String, Set<String>> found;
  static Path hostileOutput;

  /** The site with {@code text} (as YAML double-quoted text) in every place a user writes text. */
  private static String site(String text, String body) throws IOException {
    StringBuilder labels = new StringBuilder();
    for (String lang : List.of("en", "id")) {
      labels.append("-- i18n/").append(lang).append(".yml --\n");
      String builtIn = new String(EveryOutputAsReadTest.class.getResourceAsStream("/dev/warta/theme/i18n/" + lang + ".yml").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      for (String line : builtIn.split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith("#") && !line.startsWith("date.")) {
          labels.append(line, 0, colon).append(": \"").append(text).append("\"\n");
        }
      }
    }
    return """
        -- warta.yml --
        title: "%1$s"
        description: "%1$s"
        baseUrl: https://news.example.org/
        timeZone: Asia/Jakarta
        publisher: { name: "%1$s", logo: /img/logo.png }
        feeds: { fullContent: true, tags: true, sections: true }
        readAlso: { id: ["%1$s", Baca juga], en: ["%1$s"] }
        params: { note: "%1$s" }
        -- static/img/logo.png --
        x
        -- static/img/a.jpg --
        x
        -- content/berita/bahaya.md --
        ---
        title: "%1$s"
        slug: bahaya
        date: 2025-06-29T08:00:00+07:00
        updated: 2025-06-29T09:00:00+07:00
        summary: "%1$s"
        description: "%1$s"
        keywords: ["%1$s"]
        authors: ["%1$s", "javascript:alert(1)"]
        section: "%1$s"
        tags: ["%1$s", "javascript:alert(1)"]
        categories: ["%1$s"]
        image: { src: /img/a.jpg, alt: "%1$s", caption: "%1$s", credit: "%1$s" }
        aliases: [/lama/bahaya/]
        translationKey: "%1$s"
        extra: "%1$s"
        ---
        %2$s
        -- content/berita/english.md --
        ---
        title: "%1$s"
        date: 2025-06-28T08:00:00+07:00
        lang: en
        translationKey: "%1$s"
        summary: "%1$s"
        author: "%1$s"
        category: "%1$s"
        ---
        %2$s
        """.formatted(text, body) + labels;
  }

  /** Markdown a news article may use, with the payload where text goes, and hostile raw HTML and URLs. */
  private static String body(String text) {
    return """
        Paragraf dengan **%1$s**, _%1$s_, `%1$s` dan [tautan](https://news.example.org/a "%1$s") dan <https://news.example.org/b>.

        ## %1$s

        > %1$s

        - %1$s
        - [surel](mailto:redaksi@news.example.org)

        1. satu

        ![%1$s](/img/a.jpg "%1$s")

        | kolom | %1$s |
        | --- | --- |
        | isi | %1$s |

        ```
        %1$s
        ```

        Lihat [klik](javascript:alert(1)), [data](data:text/html,x) dan <a href="javascript:alert(1)" onclick="alert(1)">mentah</a>.

        <script>alert(1)</script>
        <iframe src="javascript:alert(1)"></iframe>

        Baca juga: %1$s

        ---

        Paragraf akhir.
        """.formatted(text);
  }

  @BeforeAll
  static void build() throws IOException {
    TestSite plain = TestSite.of(dir.resolve("plain"), site(PLAIN, body(PLAIN)));
    plain.build();
    allowed = vocabulary(plain.output());
    TestSite hostile = TestSite.of(dir.resolve("hostile"), site(InjectionTest.EVIL_YAML, body(InjectionTest.SHOWN.replace("\u202E", ""))));
    hostile.build();
    hostileOutput = hostile.output();
    found = vocabulary(hostileOutput);
  }

  @Test
  void eachKindOfOutputUsesOnlyTheMarkupTheHarmlessBuildUses() {
    assertEquals(allowed.keySet(), found.keySet(), "the same kinds of output");
    for (String kind : allowed.keySet()) {
      Set<String> extra = new TreeSet<>(found.get(kind));
      extra.removeAll(allowed.get(kind));
      assertTrue(extra.isEmpty(), kind + " has markup the templates and Markdown do not write: " + extra);
    }
    // the check sees what it must see: pages, feeds' HTML fields and JSON-LD were all read
    for (String kind : List.of("html", "rss content:encoded", "rss description", "atom html", "json content_html")) {
      assertTrue(allowed.containsKey(kind), kind + " read: " + allowed.keySet());
    }
    assertTrue(allowed.get("html").contains("script[type=application/ld+json]"), "JSON-LD read");
    assertTrue(allowed.get("rss content:encoded").contains("table"), "Markdown read in the feed");
    // and the payload did reach the labels and settings, as text
    Document home = Jsoup.parse(Outputs.text(hostileOutput.resolve("index.html")));
    assertEquals(InjectionTest.SHOWN, home.selectFirst("a.skip-link").wholeText());
    assertEquals(InjectionTest.SHOWN, home.selectFirst("meta[name=description]").attr("content"));
  }

  @Test
  void anRssDescriptionIsTextOnceDecodedAsHtml() {
    assertEquals(Set.of(), allowed.get("rss description"), "a summary is text: no element at all");
    org.w3c.dom.Document rss = Outputs.xml(hostileOutput.resolve("feed.xml"));
    org.w3c.dom.NodeList descriptions = rss.getElementsByTagName("description");
    List<String> shown = new ArrayList<>();
    for (int i = 1; i < descriptions.getLength(); i++) {
      shown.add(Jsoup.parseBodyFragment(descriptions.item(i).getTextContent()).body().wholeText());
    }
    assertTrue(shown.contains(InjectionTest.SHOWN), "the reader shows the summary as written: " + shown);
  }

  /**
   * For each kind of output, the elements ({@code tag}), attributes ({@code tag@attr}) and URL
   * schemes ({@code scheme:x}) it holds; fails at once on an event handler, a script that is not
   * JSON-LD, or JSON-LD or a sitemap with a URL that runs code.
   */
  private static Map<String, Set<String>> vocabulary(Path root) throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Path file : Outputs.files(root)) {
      String name = file.toString().replace('\\', '/');
      Path path = root.resolve(file);
      if (name.endsWith(".html")) {
        html("html", name, Jsoup.parse(Files.readString(path), "https://news.example.org/"), out);
      } else if (name.endsWith(".xml")) {
        org.w3c.dom.Document doc = Outputs.xml(path);
        Outputs.assertHarmlessXml(name, doc);
        String root0 = doc.getDocumentElement().getLocalName();
        org.w3c.dom.NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
          org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
          String local = e.getLocalName();
          if (root0.equals("rss") && local.equals("description") && e.getParentNode().getNodeName().equals("item")) {
            fragment("rss description", name, e.getTextContent(), out);
          } else if (root0.equals("rss") && local.equals("encoded")) {
            fragment("rss content:encoded", name, e.getTextContent(), out);
          } else if (root0.equals("feed") && e.getAttribute("type").equals("html")) {
            fragment("atom html", name, e.getTextContent(), out);
          } else if (local.equals("loc")) {
            scheme("sitemap", name, e.getTextContent().strip(), out);
            assertTrue(e.getTextContent().strip().startsWith("https://news.example.org/"), name + " <loc>");
          }
        }
      } else if (name.endsWith(".json")) {
        JsonNode json = Outputs.json(Files.readString(path));
        for (JsonNode item : json.path("items")) {
          if (item.has("content_html")) {
            fragment("json content_html", name, item.get("content_html").asText(), out);
          }
        }
        urls("json", name, json, out);
      }
    }
    return out;
  }

  private static void fragment(String kind, String file, String html, Map<String, Set<String>> out) {
    html(kind, file, Jsoup.parseBodyFragment(html, "https://news.example.org/"), out);
  }

  private static void html(String kind, String file, Document doc, Map<String, Set<String>> out) {
    Set<String> words = out.computeIfAbsent(kind, k -> new TreeSet<>());
    // a page is read whole; a feed's HTML field as the fragment a reader puts in its own page
    List<Element> elements = kind.equals("html") ? doc.getAllElements() : doc.body().getAllElements().subList(1, doc.body().getAllElements().size());
    for (Element e : elements) {
      String tag = e.normalName();
      {
        words.add(tag.equals("script") || tag.equals("link") || tag.equals("meta") ? describe(e) : tag);
        for (Attribute a : e.attributes()) {
          String key = a.getKey().toLowerCase(Locale.ROOT);
          assertFalse(key.startsWith("on"), file + ": <" + tag + "> has an event handler " + key);
          words.add(tag + "@" + key);
          if (URL_ATTRIBUTES.contains(key) && !(key.equals("content") && !isUrlMeta(e))) {
            scheme(kind, file + " <" + tag + " " + key + ">", a.getValue(), out);
          }
        }
      }
      if (tag.equals("script") && !Outputs.isSearchClient(e)) {
        assertEquals("application/ld+json", e.attr("type"), file + ": only JSON-LD scripts and the search client");
        JsonNode ld = Outputs.json(e.data());
        urls("json-ld", file, ld, out);
      }
      if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
        String content = e.attr("content");
        scheme(kind, file + " refresh", content.substring(content.toLowerCase(Locale.ROOT).indexOf("url=") + 4), out);
      }
    }
  }

  /** A script, link or meta element with the attribute that says what it is, so a new kind shows. */
  private static String describe(Element e) {
    for (String key : List.of("type", "rel", "property", "name", "http-equiv", "charset")) {
      if (e.hasAttr(key)) {
        return e.normalName() + "[" + key + "=" + (key.equals("charset") ? "" : e.attr(key).toLowerCase(Locale.ROOT)) + "]";
      }
    }
    return e.normalName();
  }

  private static boolean isUrlMeta(Element e) {
    String property = e.attr("property") + e.attr("name");
    return property.endsWith(":url") || property.endsWith(":image") || property.equals("og:url") || property.endsWith("image:src");
  }

  /** Records a URL's scheme, failing on one that runs code. */
  private static void scheme(String kind, String where, String url, Map<String, Set<String>> out) {
    assertFalse(Outputs.runsCode(url), where + ": " + url);
    String u = url.strip();
    int colon = u.indexOf(':');
    int slash = u.indexOf('/');
    String scheme = colon > 0 && (slash < 0 || colon < slash) && u.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
        ? u.substring(0, colon).toLowerCase(Locale.ROOT) : "";
    assertTrue(SCHEMES.contains(scheme), where + ": scheme " + scheme + " in " + url);
    out.computeIfAbsent(kind, k -> new TreeSet<>()).add("scheme:" + scheme);
  }

  private static final Set<String> URL_KEYS = Set.of("url", "@id", "image", "logo", "sameAs", "mainEntityOfPage", "item", "contentUrl",
      "home_page_url", "feed_url", "external_url", "icon", "favicon", "avatar", "banner_image", "next_url");

  /** Every URL of a JSON document, by the keys schema.org and JSON Feed give URLs. */
  private static void urls(String kind, String where, JsonNode node, Map<String, Set<String>> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (URL_KEYS.contains(e.getKey()) && e.getValue().isTextual()) {
          scheme(kind, where + " " + e.getKey(), e.getValue().asText(), out);
        }
        urls(kind, where, e.getValue(), out);
      }
    } else if (node.isArray()) {
      node.forEach(n -> urls(kind, where, n, out));
    }
  }
}
