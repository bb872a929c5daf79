package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePagesTest {
  @TempDir Path dir;

  static String article(String path, String title, String date, String extra, String body) {
    return "-- " + path + " --\n---\ntitle: \"" + title + "\"\ndate: " + date + "\n" + extra + "---\n" + body + "\n";
  }

  private TestSite bilingual() {
    return TestSite.of(dir, """
        -- warta.yml --
        title: Kabar Kota
        baseUrl: https://kabar.example/
        language: id
        timeZone: Asia/Jakarta
        -- static/img/a.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        """
        + article("content/ekonomi/cabai.md", "Harga Cabai Naik", "2023-09-05T08:30:00+07:00",
            "authors: [Sri Wahyuni]\ntags: [Korea Utara, pangan]\nimage: { src: /img/a.svg, alt: Cabai merah }\n",
            "Harga cabai rawit naik tajam.\n\nBaca juga: Inflasi Pangan Mulai Terkendali\n\nPedagang mengeluh.\n\nLihat [berita inflasi](inflasi.md#angka).")
        + article("content/ekonomi/inflasi.md", "Inflasi Pangan Mulai Terkendali", "2022-03-06T10:00:00+07:00",
            "tags: [korea utara]\ntranslationKey: inflasi\n", "Inflasi pangan turun.")
        + article("content/business/inflation.md", "Food Inflation Eases", "2022-03-07T10:00:00+07:00",
            "lang: en\ntranslationKey: inflasi\nauthor: John Doe\n", "Food inflation fell.\n\nRead also: inflasi pangan mulai terkendali")
        + article("content/nasional/banjir.md", "Banjir di Semarang", "2024-01-02T06:00:00+07:00", "", "Air naik."));
  }

  @Test
  void homeListsTheNewestArticlesOfTheSiteLanguageFirst() {
    TestSite site = bilingual();
    BuildResult result = site.build();
    assertEquals(4, result.articles());
    Document home = site.page("/");
    assertEquals("id", home.select("html").attr("lang"));
    assertEquals(List.of("Banjir di Semarang", "Harga Cabai Naik", "Inflasi Pangan Mulai Terkendali"), home.select(".card-title a").eachText());
    assertEquals(List.of("/2024/01/banjir-di-semarang/", "/2023/09/harga-cabai-naik/", "/2022/03/inflasi-pangan-mulai-terkendali/"),
        home.select(".card-title a").eachAttr("href"));
    Document en = site.page("/en/");
    assertEquals("en", en.select("html").attr("lang"));
    assertEquals(List.of("Food Inflation Eases"), en.select(".card-title a").eachText());
    assertEquals("Latest news", en.select("h1").text());
  }

  @Test
  void anArticlePageCarriesItsMetadataAndResolvedLinks() {
    TestSite site = bilingual();
    site.build();
    Document page = site.page("/2023/09/harga-cabai-naik/");
    assertEquals("Harga Cabai Naik · Kabar Kota", page.title());
    assertEquals("Harga Cabai Naik", page.select("h1").text());
    assertEquals("https://kabar.example/2023/09/harga-cabai-naik/", page.select("link[rel=canonical]").attr("href"));
    assertEquals("Selasa, 5 September 2023 08.30 WIB", page.select(".byline time").first().text());
    assertEquals("2023-09-05T08:30:00+07:00", page.select(".byline time").first().attr("datetime"));
    assertEquals(List.of("Sri Wahyuni"), page.select("a[rel=author]").eachText());
    assertEquals("/author/sri-wahyuni/", page.select("a[rel=author]").attr("href"));
    assertEquals(List.of("/tag/korea-utara/", "/tag/pangan/"), page.select("a[rel=tag]").eachAttr("href"));
    assertEquals("Cabai merah", page.select(".lead-image img").attr("alt"));
    Element readAlso = page.select(".article-body aside.read-also").first();
    assertEquals("Baca juga", readAlso.select(".read-also-label").text());
    assertEquals("/2022/03/inflasi-pangan-mulai-terkendali/", readAlso.select("a").attr("href"));
    assertEquals("/2022/03/inflasi-pangan-mulai-terkendali/#angka", page.select(".article-body p a").attr("href"));
    assertEquals("Harga cabai rawit naik tajam.", page.select("meta[name=description]").attr("content"));
    assertEquals("/2024/01/banjir-di-semarang/", page.select(".neighbours a.newer").attr("href"));
    assertEquals("/2022/03/inflasi-pangan-mulai-terkendali/", page.select(".neighbours a.older").attr("href"));
  }

  @Test
  void englishArticlesUseEnglishLabelsDatesAndFuzzyReadAlso() {
    TestSite site = bilingual();
    site.build();
    Document page = site.page("/2022/03/food-inflation-eases/");
    assertEquals("en", page.select("html").attr("lang"));
    assertEquals("Monday, 7 March 2022, 10:00", page.select(".byline time").first().text());
    assertEquals("Read also", page.select(".article-body aside.read-also .read-also-label").text());
    assertEquals("Inflasi Pangan Mulai Terkendali", page.select(".article-body aside.read-also a").text());
    assertEquals(List.of("https://kabar.example/2022/03/inflasi-pangan-mulai-terkendali/"), page.select("link[rel=alternate][hreflang=id]").eachAttr("href"));
    assertEquals("/2022/03/inflasi-pangan-mulai-terkendali/", page.select(".translations a").attr("href"));
  }

  @Test
  void termsThatSlugAlikeShareOnePage() {
    TestSite site = bilingual();
    site.build();
    Document tag = site.page("/tag/korea-utara/");
    assertEquals("Korea Utara", tag.select("h1").text());
    assertEquals(List.of("Harga Cabai Naik", "Inflasi Pangan Mulai Terkendali"), tag.select(".card-title a").eachText());
    Document tags = site.page("/tag/");
    assertEquals(List.of("Korea Utara 2", "Pangan 1"), tags.select(".terms li").eachText());
  }

  @Test
  void staticFilesAreCopiedAndThemeFilesExist() {
    TestSite site = bilingual();
    site.build();
    assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", site.text("img/a.svg"));
    assertTrue(site.text("css/warta.css").contains("prefers-color-scheme: dark"));
    assertTrue(site.has("404.html"));
    assertTrue(site.has("favicon.svg"));
  }

  @Test
  void aSiteTemplateReachesTheModelByItsDocumentedNames() {
    // the model is made of records; a date answers to long and short, which no record component can be
    // named, each summary in its own language (the English one on the year page)
    TestSite site = bilingual();
    site.write("""
        -- i18n/id.yml --
        date.long: "yyyy-MM-dd HH:mm"
        date.short: "d/M/yy"
        date.month: "MM/yyyy"
        -- templates/article.ftlh --
        <p id="d">${article.date.iso}|${article.date.long}|${article.date.short}|${article.date.month}|${article.date.year?c}</p>
        <p id="u">${article.isUpdated?c}|${article.updated.short}|${article.nosuch!"none"}</p>
        <p id="s"><#if article.section??>${article.section.name}</#if>|${(article.image.alt)!"-"}|<#list article.authors as a>${a.name}</#list>|<#list article.tags as t>${t.name};</#list></p>
        <p id="n">${(article.older.title)!"-"}|${(article.newer.title)!"-"}|${(article.newerInSection.title)!"-"}|${(article.olderInSection.date.short)!"-"}</p>
        <p id="site">${site.title}|${site.publisher.name}|${site.links.tags}|<#list site.languages as l>${l.lang}=${l.current?c};</#list></p>
        -- templates/list.ftlh --
        <p id="l">${list.kind}|<#list list.items as i>${i.date.short};</#list>|${list.pager.number?c}/${list.pager.total?c}|${list.pager.next!"-"}|<#list list.periods![] as p>${p.name}=${p.count?c};</#list></p>
        -- templates/terms.ftlh --
        <p id="t">${terms.kind}|<#list terms.items as i>${i.name}=${i.count?c};</#list></p>
        """);
    site.build();
    Document article = site.page("/2023/09/harga-cabai-naik/");
    assertEquals("2023-09-05T08:30:00+07:00|2023-09-05 08:30|5/9/23|09/2023|2023", article.select("#d").text());
    assertEquals("false|5/9/23|none", article.select("#u").text());
    assertEquals("ekonomi|Cabai merah|Sri Wahyuni|Korea Utara;pangan;", article.select("#s").text());
    assertEquals("Inflasi Pangan Mulai Terkendali|Banjir di Semarang|-|6/3/22", article.select("#n").text());
    assertEquals("Kabar Kota|Kabar Kota|/tag/|id=true;en=false;", article.select("#site").text());
    assertEquals("home|2/1/24;5/9/23;6/3/22;|1/1|-|", site.page("/").select("#l").text());
    assertEquals("year|7 March 2022;6/3/22;|1/1|-|03/2022=2;", site.page("/2022/").select("#l").text());
    assertEquals("sections|business=1;ekonomi=2;nasional=1;", site.page("/section/").select("#t").text());
  }

  @Test
  void aSiteTemplateOverridesTheThemeByName() {
    TestSite site = bilingual();
    site.write("-- templates/article.ftlh --\n<p id=\"mine\">${article.title} &amp; ${page.lang}</p>\n");
    site.build();
    assertEquals("Harga Cabai Naik & id", site.page("/2023/09/harga-cabai-naik/").select("#mine").text());
    assertEquals(3, site.page("/").select(".card").size(), "list pages still use the theme");
  }

  @Test
  void aTemplateErrorNamesTheTemplateLineAndColumnOnce() {
    TestSite site = bilingual();
    site.write("-- templates/article.ftlh --\n<p>\n${article.nosuchthing}</p>\n");
    var errors = site.failingBuild().stream().filter(dev.warta.shared.Problem::isError).toList();
    var problems = errors.stream().map(Object::toString).toList();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("templates/article.ftlh:2:3: error: while rendering /"), problems.get(0));
    assertTrue(problems.get(0).contains("article.nosuchthing"), problems.get(0));
    // one fault of every article page, kept for the first page by URL; the page is a field, not text
    assertEquals("/2022/03/food-inflation-eases/", errors.get(0).page());
    assertTrue(errors.get(0).message().startsWith("'article.nosuchthing' is missing"), errors.get(0).message());
  }

  @Test
  void paginationEdges() {
    for (int n : new int[] {0, 1, 20, 21}) {
      StringBuilder spec = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        spec.append(article("content/berita/b" + i + ".md", "Berita " + i, String.format("2023-01-%02dT10:00:00+07:00", i), "", "Isi."));
      }
      TestSite site = TestSite.of(dir.resolve("p" + n), spec.toString());
      site.build();
      Document home = site.page("/");
      assertEquals(Math.min(n, 20), home.select(".card").size(), "articles on page 1 of " + n);
      assertEquals(n > 20, site.has("page/2/index.html"), "page 2 for " + n);
      assertFalse(site.has("page/3/index.html"));
      assertEquals(n > 20 ? 1 : 0, home.select(".pager a[rel=next]").size());
      if (n == 21) {
        Document second = site.page("/page/2/");
        assertEquals(List.of("Berita 1"), second.select(".card-title a").eachText());
        assertEquals("/", second.select(".pager a[rel=prev]").attr("href"));
        assertEquals("http://localhost:8080/berita/page/2/", site.page("/berita/page/2/").select("link[rel=canonical]").attr("href"));
        assertTrue(site.has("berita/page/2/index.html"));
      }
      if (n == 0) {
        assertEquals("Belum ada berita.", home.select(".empty").text());
      }
    }
  }

  @Test
  void fiveHundredPagesKeepAShortPager() {
    StringBuilder spec = new StringBuilder("-- warta.yml --\npaginate: 1\n");
    for (int i = 1; i <= 500; i++) {
      spec.append(article("content/b/b" + i + ".md", "B " + i, "2020-01-01T00:00:00Z", "slug: b" + i + "\n", "x"));
    }
    TestSite site = TestSite.of(dir, spec.toString());
    site.build();
    Document page = site.page("/page/250/");
    assertEquals(List.of("‹ Halaman sebelumnya", "1", "248", "249", "250", "251", "252", "500", "Halaman berikutnya ›"),
        page.select(".pager a").eachText());
    assertEquals(2, page.select(".pager .gap").size());
    assertEquals("page", page.select(".pager a[aria-current]").attr("aria-current"));
  }

  @Test
  void aliasesBecomeRedirectPages() {
    TestSite site = TestSite.of(dir, article("content/a.md", "Berita Lama", "2020-01-01", "aliases: [/lama/berita/, /arsip/123.html]\n", "Isi."));
    site.build();
    Document redirect = site.page("/lama/berita/");
    assertEquals("0; url=/2020/01/berita-lama/", redirect.select("meta[http-equiv=refresh]").attr("content"));
    assertEquals("http://localhost:8080/2020/01/berita-lama/", redirect.select("link[rel=canonical]").attr("href"));
    assertTrue(site.has("arsip/123.html"));
  }

  @Test
  void relativeUrlsMakeTheSiteWorkFromDisk() {
    TestSite site = bilingual();
    site.site().set("relativeUrls", "true").build();
    Document page = site.page("/2023/09/harga-cabai-naik/");
    assertEquals("../../../css/warta.css", page.select("link[rel=stylesheet]").attr("href"));
    assertEquals("../../../2022/03/inflasi-pangan-mulai-terkendali/index.html", page.select("aside.read-also a").attr("href"));
    assertEquals("../../../index.html", page.select("a.site-title").attr("href"));
  }

  @Test
  void labelsAndDateFormatsAreOverriddenFromI18n() {
    TestSite site = bilingual();
    site.write("-- i18n/id.yml --\nrelated: Kabar terkait\nlatest: Kabar hari ini\ndate.long: d/M/yyyy HH:mm\n");
    site.build();
    assertEquals("Kabar hari ini", site.page("/").select("h1").text());
    assertEquals("5/9/2023 08:30", site.page("/2023/09/harga-cabai-naik/").select(".byline time").first().text());
    assertEquals("Monday, 7 March 2022, 10:00", site.page("/2022/03/food-inflation-eases/").select(".byline time").first().text());
  }

  @Test
  void aBrokenDatePatternInI18nIsAnError() {
    TestSite site = bilingual();
    site.write("-- i18n/id.yml --\ndate.long: \"EEEE {{ q\"\n");
    var problems = site.failingBuild().stream().filter(dev.warta.shared.Problem::isError).map(Object::toString).toList();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("i18n/id.yml: error: 'date.long' is not a date pattern ("), problems.get(0));
  }

  @Test
  void yearAndMonthArchivesAndTermIndexes() {
    TestSite site = bilingual();
    site.build();
    assertEquals(List.of("Harga Cabai Naik"), site.page("/2023/").select(".card-title a").eachText());
    assertEquals("September 2023", site.page("/2023/09/").select("h1").text());
    assertEquals(List.of("2024 1", "2023 1", "2022 2"), site.page("/archive/").select(".terms li").eachText());
    assertEquals(List.of("Business 1", "Ekonomi 2", "Nasional 1"), site.page("/section/").select(".terms li").eachText());
    assertEquals(List.of("John Doe 1", "Sri Wahyuni 1"), site.page("/author/").select(".terms li").eachText());
    assertEquals("Penulis", site.page("/author/sri-wahyuni/").select(".kicker").text());
  }

  @Test
  void everyPageIsReachedByFollowingLinksFromTheHomePage() throws java.io.IOException {
    TestSite site = bilingual();
    site.build();
    assertEquals(List.of("Maret 2022 2"), site.page("/2022/").select("nav .terms-months li").eachText());
    assertEquals(List.of("/2022/03/"), site.page("/2022/").select("nav .terms-months a").eachAttr("href"));
    java.util.Set<String> pages = new java.util.TreeSet<>();
    Path root = site.output().toRealPath();
    try (var walk = java.nio.file.Files.walk(root)) {
      walk.filter(p -> p.getFileName().toString().equals("index.html"))
          .forEach(p -> pages.add(p.getParent().equals(root) ? "/" : "/" + root.relativize(p.getParent()).toString().replace('\\', '/') + "/"));
    }
    java.util.Set<String> reached = new java.util.TreeSet<>(List.of("/"));
    java.util.Deque<String> queue = new java.util.ArrayDeque<>(reached);
    while (!queue.isEmpty()) {
      for (String href : site.page(queue.poll()).select("a[href^=/]").eachAttr("href")) {
        String url = href.replaceAll("#.*", "");
        if (url.endsWith("/") && pages.contains(url) && reached.add(url)) {
          queue.add(url);
        }
      }
    }
    assertTrue(pages.contains("/2022/03/") && pages.contains("/2023/09/"), pages.toString());
    assertEquals(pages, reached, "pages no link leads to");
  }

  @Test
  void articlesLinkTheirNeighboursInTimeAndInTheirSection() {
    TestSite site = bilingual();
    site.write(article("content/ekonomi/ekspor.md", "Ekspor Nikel Naik", "2023-12-01T08:00:00+07:00", "", "Ekspor naik.")
        + article("content/nasional/rapat.md", "Rapat Siaga Banjir", "2023-10-01T08:00:00+07:00", "", "Rapat."));
    site.build();
    Document export = site.page("/2023/12/ekspor-nikel-naik/");
    assertEquals("/2023/10/rapat-siaga-banjir/", export.select(".neighbours a.older:not(.in-section)").attr("href"));
    assertEquals("/2024/01/banjir-di-semarang/", export.select(".neighbours a.newer:not(.in-section)").attr("href"));
    assertEquals("/2023/09/harga-cabai-naik/", export.select(".neighbours a.older.in-section").attr("href"));
    assertEquals("Sebelumnya di rubrik Ekonomi", export.select(".neighbours a.older.in-section span").text());
    assertTrue(export.select(".neighbours a.newer.in-section").isEmpty(), "the newest of its section");
    Document cabai = site.page("/2023/09/harga-cabai-naik/");
    assertEquals("/2023/12/ekspor-nikel-naik/", cabai.select(".neighbours a.newer.in-section").attr("href"));
    assertTrue(cabai.select(".neighbours a.older.in-section").isEmpty(), "the older one in the section is also the older one overall");
  }

  @Test
  void listUrlPatternsAreSettings() {
    TestSite site = bilingual();
    site.write("-- warta.yml --\ntitle: Kabar Kota\nbaseUrl: https://kabar.example/\npermalink: /:section/:slug/\n"
        + "paths:\n  section: /rubrik/:slug/\n  tag: /topik/:slug/\n  author: /penulis/:slug/\n");
    site.build();
    Document page = site.page("/ekonomi/harga-cabai-naik/");
    assertEquals(List.of("/topik/korea-utara/", "/topik/pangan/"), page.select("a[rel=tag]").eachAttr("href"));
    assertEquals("/penulis/sri-wahyuni/", page.select("a[rel=author]").attr("href"));
    assertEquals("/rubrik/ekonomi/", page.select(".kicker a").attr("href"));
    assertEquals(List.of("Harga Cabai Naik", "Inflasi Pangan Mulai Terkendali"), site.page("/topik/korea-utara/").select(".card-title a").eachText());
    assertEquals(List.of("Korea Utara 2", "Pangan 1"), site.page("/topik/").select(".terms li").eachText());
    assertTrue(site.has("penulis/index.html") && site.has("rubrik/index.html") && !site.has("tag/index.html"));
  }

  @Test
  void aListPathWithoutSlugIsAnErrorWithItsLine() {
    TestSite site = bilingual();
    site.write("-- warta.yml --\ntitle: Kabar Kota\npaths:\n  tag: /topik/\n");
    assertEquals(List.of("warta.yml:3:8: error: 'paths.tag' must be a path with :slug once, starting and ending with '/', such as /topik/:slug/"),
        site.failingBuild().stream().map(Object::toString).toList());
  }
}
