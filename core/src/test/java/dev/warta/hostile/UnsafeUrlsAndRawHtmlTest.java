package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** URLs in front matter that could run code are errors; raw HTML in a body follows the site's rawHtml setting. */
class UnsafeUrlsAndRawHtmlTest {
  @TempDir Path dir;

  private List<String> problems(String frontMatterLine) {
    return TestSite.of(dir, "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n" + frontMatterLine + "\n---\nIsi.\n")
        .failingBuild().stream().map(Problem::toString).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", " JavaScript:alert(1)", "java\\tscript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"})
  void aCanonicalUrlThatRunsCodeIsAnError(String url) {
    String shown = url.strip().replace("\\t", "\t");
    assertEquals(List.of("content/a.md:4:12: error: 'canonical' must be an absolute http(s) URL or a path starting with '/', found '" + shown + "'"),
        problems("canonical: \"" + url + "\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", " JavaScript:alert(1)", "java\\tscript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"})
  void anImageUrlThatRunsCodeIsAnError(String url) {
    String shown = url.strip().replace("\\t", "\t");
    String message = "error: 'image' must be an http(s) URL or a path, found '" + shown + "'";
    assertEquals(List.of("content/a.md:4:8: " + message), problems("image: \"" + url + "\""));
    assertEquals(List.of("content/a.md:4:15: " + message), problems("image: { src: \"" + url + "\", alt: x }"));
  }

  @Test
  void imageUrlsThatAreSafeStayAsWritten() {
    TestSite site = TestSite.of(dir, """
        -- content/a.md --
        ---
        title: A
        date: 2023-01-01
        image: { src: "foto/a:b.jpg", alt: x }
        ---
        Isi.
        -- content/b.md --
        ---
        title: B
        date: 2023-01-01
        image: "HTTPS://cdn.example.org/b.jpg"
        ---
        Isi.
        """);
    site.build();
    assertEquals("foto/a:b.jpg", site.page("/2023/01/a/").selectFirst(".lead-image img").attr("src"));
    assertEquals("HTTPS://cdn.example.org/b.jpg", site.page("/2023/01/b/").selectFirst(".lead-image img").attr("src"));
  }

  /** Raw HTML of every dangerous kind, and one harmless element that sanitize keeps. */
  private static final String BODY = """
      Awal <em>miring</em>.

      <script>alert('script')</script>

      <img src="/img/a.jpg" onerror="alert('img')" alt="gambar">

      <a href="javascript:alert('a')" onclick="alert('click')">tautan</a> dan <a href="  jav&#x09;ascript:alert('b')">lagi</a>

      <iframe src="https://evil.example/"></iframe>

      <style>body { display: none }</style>

      <svg xmlns="http://www.w3.org/2000/svg"><script>alert('svg')</script><a href="javascript:alert('c')">s</a></svg>

      <div onmouseover="alert('div')"><p>Isi kotak.</p></div>

      Akhir.
      """;

  private Element body(String rawHtml) {
    TestSite site = TestSite.of(dir.resolve(rawHtml), "-- warta.yml --\nrawHtml: " + rawHtml + "\n-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\n" + BODY);
    site.build();
    Document page = site.page("/2023/01/a/");
    return page.selectFirst(".article-body") != null ? page.selectFirst(".article-body") : page.selectFirst("article");
  }

  @Test
  void sanitizeKeepsHarmlessMarkupAndDropsEverythingThatRuns() {
    Element body = body("sanitize");
    Outputs.assertHarmlessHtml("sanitize", body.outerHtml());
    assertEquals(0, body.select("script, iframe, style, svg").size(), body.html());
    assertEquals(List.of(), body.select("[onerror], [onclick], [onmouseover]").eachAttr("outerHtml"));
    assertTrue(body.select("a").eachAttr("href").stream().noneMatch(Outputs::runsCode), body.html());
    assertEquals("miring", body.selectFirst("em").text());
    assertEquals("/img/a.jpg", body.selectFirst("img[alt=gambar]").attr("src"));
    assertEquals("div", body.selectFirst("p:containsOwn(Isi kotak.)").parent().tagName(), "the div stays, without its handler");
    assertFalse(body.text().contains("alert"), "no script text is left over as text either: " + body.text());
  }

  @Test
  void escapeShowsTheHtmlAsText() {
    Element body = body("escape");
    Outputs.assertHarmlessHtml("escape", body.outerHtml());
    assertEquals(0, body.select("script, iframe, style, svg, em, p div").size(), body.html());
    assertTrue(body.text().contains("<script>alert('script')</script>"), body.text());
    assertTrue(body.text().contains("<img src=\"/img/a.jpg\" onerror=\"alert('img')\" alt=\"gambar\">"), body.text());
    assertTrue(body.text().contains("Awal <em>miring</em>."), body.text());
  }

  @Test
  void allowKeepsTheHtmlAsWritten() {
    Element body = body("allow");
    assertEquals("alert('script')", body.selectFirst("script").data());
    assertEquals("alert('img')", body.selectFirst("img[alt=gambar]").attr("onerror"));
    assertEquals("javascript:alert('a')", body.selectFirst("a:contains(tautan)").attr("href"));
    assertEquals("https://evil.example/", body.selectFirst("iframe").attr("src"));
    assertEquals(1, body.select("style").size());
    assertEquals(1, body.select("svg script").size());
    assertEquals("alert('div')", body.selectFirst("div[onmouseover]").attr("onmouseover"));
  }
}
