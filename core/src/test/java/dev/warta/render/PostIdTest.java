package dev.warta.render;

import static dev.warta.render.SitePagesTest.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import dev.warta.shared.Problem;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old WordPress links {@code /?p=ID}: an article's {@code wordpress_id} gives it the redirect page {@code /p/ID/}. */
class PostIdTest {
  @TempDir Path dir;

  @Test
  void anArticleWithAWordPressIdIsFoundAtItsOldPostNumber() {
    TestSite site = TestSite.of(dir, article("content/a.md", "Jembatan Gantung Diresmikan", "2021-04-05", "wordpress_id: 812\n", "Isi.")
        + article("content/b.md", "Pasar Baru Dibuka", "2021-04-06", "", "Isi."));
    site.build();
    Document redirect = site.page("/p/812/");
    assertEquals("0; url=/2021/04/jembatan-gantung-diresmikan/", redirect.select("meta[http-equiv=refresh]").attr("content"));
    assertEquals(List.of("p/812/index.html"), List.of("p/812/index.html").stream().filter(site::has).toList());

    String script = "(function(){var b=\"/\",l=location,m=/^\\?(?:.*&)?(?:p|page_id)=([1-9][0-9]{0,17})(?:&|$)/.exec(l.search);"
        + "if(m&&(l.pathname===b||l.pathname===b+\"index.php\"))l.replace(b+\"p/\"+m[1]+\"/\")})();";
    assertEquals(script, site.page("/").select("head script:not([type])").html(), "the home page sends /?p=812 on");
    assertEquals(script, site.page("/404.html").select("head script:not([type])").html(), "so does the 404 page, for /index.php?p=812");
    assertTrue(site.page("/2021/04/pasar-baru-dibuka/").select("head script:not([type])").isEmpty(), "no other page needs it");
  }

  @Test
  void aSiteWithoutWordPressIdsHasNoScript() {
    TestSite site = TestSite.of(dir, article("content/b.md", "Pasar Baru Dibuka", "2021-04-06", "", "Isi."));
    site.build();
    assertTrue(site.page("/").select("head script:not([type])").isEmpty());
    assertFalse(site.has("p"));
  }

  @Test
  void theScriptTakesTheBasePathAsALiteralNoAddressCanBreakOutOf() {
    String script = Models.oldPostScript("/arsip \"</script>/");
    assertTrue(script.startsWith("(function(){var b=\"/arsip\\u0020\\u0022\\u003c/script\\u003e/\","), script);
    assertFalse(script.contains("</"), script);
  }

  @Test
  void aDuplicateOrNonNumericWordPressIdIsAnErrorWithItsPlace() {
    TestSite site = TestSite.of(dir, article("content/a.md", "Jembatan Gantung Diresmikan", "2021-04-05", "wordpress_id: 812\n", "Isi.")
        + article("content/b.md", "Pasar Baru Dibuka", "2021-04-06", "wordpress_id: 812\n", "Isi.")
        + article("content/c.md", "Sekolah Baru", "2021-04-07", "wordpress_id: 81x\n", "Isi.")
        + article("content/d.md", "Taman Kota", "2021-04-08", "wordpress_id: '0812'\n", "Isi."));
    List<String> errors = site.failingBuild().stream().filter(Problem::isError).map(Problem::toString).toList();
    assertEquals(List.of(
            "content/a.md:4:1: error: the redirect /p/812/ of the wordpress_id of content/a.md and the redirect /p/812/ of the "
                + "wordpress_id of content/b.md would both be written at /p/812/; rename one of them",
            "content/c.md:4:15: error: 'wordpress_id' must be the number of the WordPress post, digits only (such as 1234), found '81x'; "
                + "it makes the redirect /p/ID/ that old ?p=ID links reach",
            "content/d.md:4:15: error: 'wordpress_id' must be the number of the WordPress post, digits only (such as 1234), found '0812'; "
                + "it makes the redirect /p/ID/ that old ?p=ID links reach"),
        errors);
  }
}
