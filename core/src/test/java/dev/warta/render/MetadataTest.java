package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataTest {
  private static final String SITE = """
      -- warta.yml --
      title: Kabar Uji
      description: Arsip berita uji.
      baseUrl: https://news.example.org/
      language: id
      timeZone: Asia/Jakarta
      paginate: 1
      publisher:
        name: PT Kabar Uji
        logo: /img/logo.png
      -- content/ekonomi/harga-cabai.md --
      ---
      title: Harga Cabai Naik
      date: 2025-06-29T08:00:00+07:00
      updated: 2025-06-29T10:30:00+07:00
      authors: [Rina Marlina]
      tags: [pangan, harga]
      summary: Harga cabai naik tajam.
      image: { src: /img/cabai.jpg, alt: Cabai merah }
      translationKey: cabai
      ---
      Isi.
      -- content/ekonomi/chili-prices.md --
      ---
      title: Chili Prices Rise
      date: 2025-06-29T09:00:00+07:00
      lang: en
      translationKey: cabai
      ---
      Body.
      -- content/ekonomi/ekspor.md --
      ---
      title: Ekspor Tumbuh
      date: 2025-06-20T07:00:00+07:00
      ---
      Isi.
      """;

  @TempDir Path dir;
  TestSite site;

  @BeforeEach
  void build() {
    site = TestSite.of(dir, SITE);
    site.build();
  }

  private static String meta(Document page, String property) {
    Element e = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
    return e == null ? "(none)" : e.attr("content");
  }

  private static List<String> metas(Document page, String property) {
    return page.select("meta[property=" + property + "]").eachAttr("content");
  }

  private static List<JsonNode> jsonLd(Document page) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> out = new java.util.ArrayList<>();
    for (Element script : page.select("script[type=application/ld+json]")) {
      out.add(mapper.readTree(script.data()));
    }
    return out;
  }

  private static List<String> feedLinks(Document page) {
    return page.select("link[rel=alternate][type]").stream().map(l -> l.attr("type") + " " + l.attr("href") + " " + l.attr("title")).toList();
  }

  @Test
  void articleHeadHasCanonicalHreflangOpenGraphAndTwitter() {
    Document page = site.page("/2025/06/harga-cabai-naik/");
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", page.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals(List.of("id https://news.example.org/2025/06/harga-cabai-naik/", "en https://news.example.org/2025/06/chili-prices-rise/"),
        page.select("link[hreflang]").stream().map(l -> l.attr("hreflang") + " " + l.attr("href")).toList());
    assertEquals("article", meta(page, "og:type"));
    assertEquals("Harga Cabai Naik", meta(page, "og:title"));
    assertEquals("Harga cabai naik tajam.", meta(page, "og:description"));
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", meta(page, "og:url"));
    assertEquals("https://news.example.org/img/cabai.jpg", meta(page, "og:image"));
    assertEquals("Kabar Uji", meta(page, "og:site_name"));
    assertEquals("id_ID", meta(page, "og:locale"));
    assertEquals("en_US", meta(page, "og:locale:alternate"));
    assertEquals("2025-06-29T08:00:00+07:00", meta(page, "article:published_time"));
    assertEquals("2025-06-29T10:30:00+07:00", meta(page, "article:modified_time"));
    assertEquals("ekonomi", meta(page, "article:section"));
    assertEquals(List.of("pangan", "harga"), metas(page, "article:tag"));
    assertEquals("summary_large_image", meta(page, "twitter:card"));
    assertEquals("https://news.example.org/img/cabai.jpg", meta(page, "twitter:image"));

    Document plain = site.page("/2025/06/ekspor-tumbuh/");
    // an article without an image shares the card Warta draws for a site without one
    assertEquals("summary_large_image", meta(plain, "twitter:card"));
    assertEquals("https://news.example.org/warta-card.png", meta(plain, "og:image"));
    assertEquals("(none)", meta(plain, "og:image:alt"));
    assertEquals(0, plain.select("link[hreflang]").size(), "no translations, no hreflang");
  }

  @Test
  void articleJsonLdIsANewsArticle() throws Exception {
    List<JsonNode> lds = jsonLd(site.page("/2025/06/harga-cabai-naik/"));
    assertEquals(1, lds.size());
    JsonNode ld = lds.get(0);
    assertEquals("https://schema.org", ld.get("@context").asText());
    assertEquals("NewsArticle", ld.get("@type").asText());
    assertEquals("Harga Cabai Naik", ld.get("headline").asText());
    assertEquals("Harga cabai naik tajam.", ld.get("description").asText());
    assertEquals("2025-06-29T08:00:00+07:00", ld.get("datePublished").asText());
    assertEquals("2025-06-29T10:30:00+07:00", ld.get("dateModified").asText());
    assertEquals("Person", ld.get("author").get(0).get("@type").asText());
    assertEquals("Rina Marlina", ld.get("author").get(0).get("name").asText());
    assertEquals("https://news.example.org/author/rina-marlina/", ld.get("author").get(0).get("url").asText());
    assertEquals("https://news.example.org/img/cabai.jpg", ld.get("image").get(0).asText());
    assertEquals("Organization", ld.get("publisher").get("@type").asText());
    assertEquals("PT Kabar Uji", ld.get("publisher").get("name").asText());
    assertEquals("ImageObject", ld.get("publisher").get("logo").get("@type").asText());
    assertEquals("https://news.example.org/img/logo.png", ld.get("publisher").get("logo").get("url").asText());
    assertEquals("https://news.example.org/2025/06/harga-cabai-naik/", ld.get("mainEntityOfPage").get("@id").asText());
    assertEquals("id", ld.get("inLanguage").asText());
    assertEquals("ekonomi", ld.get("articleSection").asText());
    assertEquals("[\"pangan\",\"harga\"]", ld.get("keywords").toString());
  }

  @Test
  void homeIsAWebSiteAndListsHaveBreadcrumbs() throws Exception {
    List<JsonNode> home = jsonLd(site.page("/"));
    assertEquals(1, home.size());
    assertEquals("WebSite", home.get(0).get("@type").asText());
    assertEquals("Kabar Uji", home.get(0).get("name").asText());
    assertEquals("https://news.example.org/", home.get(0).get("url").asText());
    assertEquals("id", home.get(0).get("inLanguage").asText());

    List<JsonNode> section = jsonLd(site.page("/ekonomi/page/2/"));
    assertEquals("CollectionPage", section.get(0).get("@type").asText());
    assertEquals("https://news.example.org/ekonomi/page/2/", section.get(0).get("url").asText());
    JsonNode crumbs = section.get(1).get("itemListElement");
    assertEquals("BreadcrumbList", section.get(1).get("@type").asText());
    assertEquals(3, crumbs.size());
    assertEquals("1 Beranda https://news.example.org/", crumb(crumbs.get(0)));
    assertEquals("2 ekonomi https://news.example.org/ekonomi/", crumb(crumbs.get(1)));
    assertEquals("3 Halaman 2 https://news.example.org/ekonomi/page/2/", crumb(crumbs.get(2)));

    JsonNode english = jsonLd(site.page("/en/")).get(0);
    assertEquals("https://news.example.org/en/", english.get("url").asText());
    assertEquals("en", english.get("inLanguage").asText());
  }

  private static String crumb(JsonNode c) {
    return c.get("position").asInt() + " " + c.get("name").asText() + " " + c.get("item").asText();
  }

  @Test
  void pagesLinkTheirListFeedAndTheSiteFeed() {
    assertEquals(List.of(
        "application/rss+xml /feed.xml Kabar Uji (RSS)",
        "application/atom+xml /atom.xml Kabar Uji (Atom)",
        "application/feed+json /feed.json Kabar Uji (JSON Feed)"), feedLinks(site.page("/")));
    assertEquals(List.of(
        "application/rss+xml /ekonomi/feed.xml Kabar Uji – ekonomi (RSS)",
        "application/atom+xml /ekonomi/atom.xml Kabar Uji – ekonomi (Atom)",
        "application/feed+json /ekonomi/feed.json Kabar Uji – ekonomi (JSON Feed)",
        "application/rss+xml /feed.xml Kabar Uji (RSS)",
        "application/atom+xml /atom.xml Kabar Uji (Atom)",
        "application/feed+json /feed.json Kabar Uji (JSON Feed)"), feedLinks(site.page("/ekonomi/")));
    assertEquals(feedLinks(site.page("/ekonomi/")), feedLinks(site.page("/2025/06/harga-cabai-naik/")), "an article links its section's feed");
    assertEquals(List.of(
        "application/rss+xml /en/feed.xml Kabar Uji – English (RSS)",
        "application/atom+xml /en/atom.xml Kabar Uji – English (Atom)",
        "application/feed+json /en/feed.json Kabar Uji – English (JSON Feed)"), feedLinks(site.page("/en/")));
    assertEquals(feedLinks(site.page("/")), feedLinks(site.page("/tag/pangan/")), "no tag feeds unless feeds.tags");
    assertEquals(feedLinks(site.page("/")), feedLinks(site.page("/author/rina-marlina/")));
  }

  @Test
  void aFrontMatterCanonicalWins() {
    TestSite other = TestSite.of(dir.resolve("other"), SITE.replace("translationKey: cabai\n---\nIsi.", "translationKey: cabai\ncanonical: https://mirror.example/cabai/\n---\nIsi."));
    other.build();
    Document page = other.page("/2025/06/harga-cabai-naik/");
    assertEquals("https://mirror.example/cabai/", page.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals("https://mirror.example/cabai/", meta(page, "og:url"));
  }
}
