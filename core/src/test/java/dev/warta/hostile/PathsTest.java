package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names a file system treats in its own ways: symbolic links in and out of the site, spaces,
 * Unicode in NFC and NFD, and names differing only in case (one file on macOS and Windows disks).
 * The traversal tricks themselves are in {@link dev.warta.publish.TraversalTest}.
 */
class PathsTest {
  @TempDir Path dir;

  private static final String ARTICLE = "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nIsi.\n";

  private static List<String> strings(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  private List<String> outside() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(p -> dir.relativize(p).toString()).filter(p -> !p.isEmpty() && !p.startsWith("site") && !p.startsWith("public")
          && !p.startsWith("secret") && !p.replace('\\', '/').matches("\\.public\\.releases(/[0-9]+(/.*)?)?")).sorted().toList();
    }
  }

  @Test
  void aliasesDifferingOnlyInCaseCollide() {
    TestSite site = TestSite.of(dir, """
        -- content/a.md --
        ---
        title: A
        date: 2023-01-01
        aliases: [/lama/Berita/]
        ---
        Isi.
        -- content/b.md --
        ---
        title: B
        date: 2023-01-02
        redirect_from: [/lama/berita/]
        ---
        Isi.
        """);
    List<String> problems = strings(site.failingBuild());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("content/"), problems.toString());
    assertTrue(problems.get(0).contains("/lama/Berita/") && problems.get(0).contains("/lama/berita/"), problems.toString());
  }

  @Test
  void anAliasDifferingOnlyInCaseFromAnArticleCollides() {
    TestSite site = TestSite.of(dir, ARTICLE + "-- content/b.md --\n---\ntitle: B\ndate: 2023-01-02\naliases: [/2023/01/A/]\n---\nIsi.\n");
    List<String> problems = strings(site.failingBuild());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("content/b.md:4:1: error: "), problems.toString());
  }

  @Test
  void staticFilesDifferingOnlyInCaseCollide() {
    TestSite site = TestSite.of(dir, ARTICLE + "-- static/img/Logo.png --\nA\n-- static/img/logo.png --\nB\n");
    assertEquals(List.of("static/img/logo.png: error: this file and static/img/Logo.png have paths that differ only in case or Unicode form; "
        + "they would be one file on macOS and Windows disks, rename one"), strings(site.failingBuild()));
  }

  @Test
  void staticFilesDifferingOnlyInUnicodeFormCollide() {
    TestSite site = TestSite.of(dir, ARTICLE + "-- static/caf\u00e9.txt --\nNFC\n-- static/cafe\u0301.txt --\nNFD\n");
    List<String> problems = strings(site.failingBuild());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("differ only in case or Unicode form"), problems.toString());
  }

  @Test
  void aStaticFileDifferingOnlyInCaseFromAPageCollides() {
    TestSite site = TestSite.of(dir, ARTICLE + "-- static/2023/01/A/index.html --\nx\n");
    assertEquals(List.of("static/2023/01/A/index.html: error: this file has the same path as a page Warta writes; rename or remove it"),
        strings(site.failingBuild()));
  }

  @Test
  void namesWithSpacesAndUnicodeArePublishedAsTheyAre() throws IOException {
    TestSite site = TestSite.of(dir, """
        -- content/berita lama/harga cabai naik.md --
        ---
        title: Harga Cabai Naik
        date: 2023-01-01
        ---
        Lihat [kafe](kafe\u0301 baru.md) dan ![foto](/img/foto saya.jpg).
        -- content/berita lama/kafe\u0301 baru.md --
        ---
        title: Kafe Baru
        date: 2023-01-02
        ---
        Isi.
        -- static/img/foto saya.jpg --
        jpg
        -- static/dokumen/\u0633\u0644\u0627\u0645.txt --
        salam
        """);
    BuildResult result = site.build();
    assertEquals(List.of(), result.warnings());
    assertEquals("jpg\n", site.text("img/foto saya.jpg"));
    assertEquals("salam\n", site.text("dokumen/\u0633\u0644\u0627\u0645.txt"));
    assertEquals("/2023/01/kafe-baru/", site.page("/2023/01/harga-cabai-naik/").selectFirst("a:contains(kafe)").attr("href"));
    assertEquals("berita lama", site.page("/2023/01/harga-cabai-naik/").selectFirst("meta[property=article:section]").attr("content"));
  }

  @Test
  void symbolicLinksInsideTheSiteAreFollowedAndThoseLeadingOutAreNot() throws IOException {
    Path secret = Files.createDirectories(dir.resolve("secret"));
    Files.writeString(secret.resolve("rahasia.md"), "---\ntitle: Rahasia\ndate: 2023-01-01\n---\nRahasia.\n");
    Files.writeString(secret.resolve("passwd"), "root:x:0:0\n");
    TestSite site = TestSite.of(dir, ARTICLE + "-- drafts/dalam.md --\n---\ntitle: Dalam\ndate: 2023-01-02\n---\nDalam.\n-- static/asli.txt --\nasli\n");
    Path content = site.dir().resolve("content");
    Path statics = site.dir().resolve("static");
    Files.createSymbolicLink(content.resolve("dalam.md"), site.dir().resolve("drafts/dalam.md"));
    Files.createSymbolicLink(content.resolve("rahasia.md"), secret.resolve("rahasia.md"));
    Files.createSymbolicLink(content.resolve("folder"), secret);
    Files.createSymbolicLink(content.resolve("putus.md"), site.dir().resolve("tidak-ada.md"));
    Files.createSymbolicLink(statics.resolve("salinan.txt"), statics.resolve("asli.txt"));
    Files.createSymbolicLink(statics.resolve("passwd"), secret.resolve("passwd"));
    Files.createSymbolicLink(statics.resolve("etc"), secret);
    Files.createSymbolicLink(statics.resolve("putus.txt"), site.dir().resolve("tidak-ada.txt"));
    BuildResult result = site.build();
    assertEquals(List.of(
            "content/folder: warning: symbolic link to a folder is not followed; move or copy the folder into content/ instead",
            "content/putus.md: warning: broken symbolic link is skipped",
            "content/rahasia.md: warning: symbolic link to a file outside the site folder is not followed; copy the file into content/ instead",
            "static/etc: warning: symbolic link leading outside the site folder is not copied",
            "static/passwd: warning: symbolic link leading outside the site folder is not copied",
            "static/putus.txt: warning: broken symbolic link is not copied"),
        strings(result.warnings()));
    assertTrue(site.has("2023/01/dalam/index.html"), "a link to a file inside the site is read");
    assertFalse(site.has("2023/01/rahasia/index.html"));
    assertEquals("asli\n", site.text("salinan.txt"));
    assertFalse(Files.isSymbolicLink(site.output().resolve("salinan.txt")), "a link is published as a plain file");
    assertFalse(site.has("passwd"));
    assertFalse(site.has("etc"));
    assertEquals(List.of(), outside());
  }

  @Test
  void anOutputThatIsASymbolicLinkWartaDidNotMakeIsRefused() throws IOException {
    Path secret = Files.createDirectories(dir.resolve("secret"));
    Files.writeString(secret.resolve("penting.txt"), "jangan dihapus");
    TestSite site = TestSite.of(dir, ARTICLE);
    Files.createSymbolicLink(site.output(), secret);
    List<String> problems = strings(site.failingBuild());
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("is not Warta's (it is a link that Warta did not make)"), problems.toString());
    assertEquals("jangan dihapus", Files.readString(secret.resolve("penting.txt")));
  }
}
