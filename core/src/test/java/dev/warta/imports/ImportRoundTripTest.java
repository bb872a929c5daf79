package dev.warta.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.Warta;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import, then build with Warta, then check every link of the built site; the old permalinks answer. */
class ImportRoundTripTest {
  private static final String BASE = "https://kabarlembah.example/";

  @TempDir Path dir;

  @Test
  void importedArchiveBuildsWithEveryLinkAnsweringAndOldPermalinksRedirecting() throws IOException {
    Path site = dir.resolve("site");
    // the media stays on the WordPress server, moved to its own host name, as the site's host is Warta's now
    ImportReport report = Warta.importWordPress(WordPressImportTest.fixtures(), Warta.site(site),
        ImportOptions.defaults().mediaBase("https://media.kabarlembah.example/uploads/"));
    assertEquals(0, report.lostText());
    Path out = dir.resolve("public");
    BuildResult result = Warta.site(site).output(out).buildTime(Instant.parse("2025-06-30T05:00:00Z")).build();
    assertEquals(List.of(), result.warnings(), "the read also lines resolve and no link is broken");

    List<String> broken = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document html = Jsoup.parse(page.toFile(), "UTF-8", BASE + out.relativize(page).toString().replace('\\', '/'));
        for (Element link : html.select("a[href], link[rel=stylesheet][href], img[src]")) {
          String url = link.hasAttr("href") ? link.absUrl("href") : link.absUrl("src");
          if (url.startsWith(BASE) && !exists(out, url)) {
            broken.add(out.relativize(page) + " → " + url);
          }
        }
      }
    }
    assertEquals(List.of(), broken);

    // the old permalinks answer with a redirect to the new URL
    assertRedirect(out, "2023/11/02/sungai-cibeureum-meluap/", "/2023/11/sungai-cibeureum-meluap/");
    assertRedirect(out, "2023/09/14/warung-kopi-pojok-pasar/", "/2023/09/warung-kopi-pojok-pasar/");
    assertRedirect(out, "2024/01/20/pasar-malam-–-kembali/", "/2024/01/pasar-malam-kembali/");
    // and the old ?p=101: the home and 404 pages send it to /p/101/, which redirects
    assertRedirect(out, "p/101/", "/2023/11/sungai-cibeureum-meluap/");
    for (String page : List.of("index.html", "404.html")) {
      String script = Jsoup.parse(out.resolve(page).toFile(), "UTF-8", BASE).select("head script:not([type])").html();
      assertTrue(script.contains("(?:p|page_id)=([1-9][0-9]{0,17})") && script.contains("l.replace(b+\"p/\"+m[1]+\"/\")"), page + ": " + script);
    }

    // an imported "BACA JUGA" line is Warta's read also block, linking the imported article
    Document flood = Jsoup.parse(out.resolve("2023/11/sungai-cibeureum-meluap/index.html").toFile(), "UTF-8", BASE);
    Element readAlso = flood.selectFirst("aside.read-also a");
    assertNotNull(readAlso, flood.html());
    assertEquals("/2023/10/bpbd-siagakan-perahu-karet/", URI.create(readAlso.attr("href")).getPath());
    assertEquals("BPBD Siagakan Perahu Karet di Tiga Kecamatan", readAlso.text());
    assertTrue(flood.select("article p, main p").size() >= 5, "the classic post's paragraphs are paragraphs");
  }

  private static boolean exists(Path out, String url) {
    String path = URI.create(url).getPath();
    Path file = out.resolve(path.substring(1));
    return path.endsWith("/") ? Files.isRegularFile(file.resolve("index.html")) : Files.isRegularFile(file);
  }

  private static void assertRedirect(Path out, String old, String target) throws IOException {
    Path file = out.resolve(old).resolve("index.html");
    assertTrue(Files.isRegularFile(file), "the old permalink /" + old + " answers");
    Document html = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), BASE);
    String refresh = html.selectFirst("meta[http-equiv=refresh]").attr("content");
    assertTrue(refresh.endsWith(target), refresh);
  }
}
