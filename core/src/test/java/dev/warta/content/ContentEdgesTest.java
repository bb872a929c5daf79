package dev.warta.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentEdgesTest {
  @TempDir Path dir;

  private static final String OK = "-- content/ok.md --\n---\ntitle: Berita Baik\ndate: 2023-01-01\n---\nIsi.\n";

  @Test
  void aSettingTurnsBrokenLinksIntoWarnings() {
    TestSite site = TestSite.of(dir, OK + "-- warta.yml --\nchecks:\n  links: warning\n-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nLihat [x](hilang.md).\n");
    BuildResult result = site.build();
    assertEquals(List.of("content/a.md:5:7: warning: the link to hilang.md names no article of this archive (looked for content/hilang.md); fix the path, or the article is a draft or dated in the future"),
        result.warnings().stream().map(Problem::toString).toList());
  }

  @Test
  void aSettingTurnsUnresolvedReadAlsoLinesIntoErrors() {
    List<Problem> problems = TestSite.of(dir, OK + "-- warta.yml --\nchecks: { readAlso: error }\n-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nSatu.\n\nBaca juga: Tidak Ada\n").failingBuild();
    assertEquals(List.of("content/a.md:7:1: error: the read also line names no article of this archive: 'Tidak Ada'; fix the title or link the file, e.g. [Title](../section/file.md); it is kept as text"),
        problems.stream().map(Problem::toString).toList());
  }

  @Test
  void symbolicLinksLeadingOutsideTheSiteAreNotFollowed() throws IOException {
    TestSite site = TestSite.of(dir, OK);
    Path secret = Files.writeString(dir.resolve("secret.md"), "---\ntitle: Rahasia\ndate: 2023-01-01\n---\nRahasia.\n");
    Files.createSymbolicLink(site.dir().resolve("content/rahasia.md"), secret);
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(outside.resolve("x.md"), "---\ntitle: Jauh\ndate: 2023-01-01\n---\nJauh.\n");
    Files.createSymbolicLink(site.dir().resolve("content/jauh"), outside);
    Files.writeString(site.dir().resolve("content/inside.txt"), "x");
    Path shared = Files.createDirectories(site.dir().resolve("bersama"));
    Files.writeString(shared.resolve("z.md"), "---\ntitle: Dalam\ndate: 2023-01-02\n---\nDalam.\n");
    Files.createSymbolicLink(site.dir().resolve("content/dalam.md"), shared.resolve("z.md"));
    BuildResult result = site.build();
    assertEquals(List.of(
        "content/jauh: warning: symbolic link to a folder is not followed; move or copy the folder into content/ instead",
        "content/rahasia.md: warning: symbolic link to a file outside the site folder is not copied".replace("copied", "followed; copy the file into content/ instead")),
        result.warnings().stream().map(Problem::toString).toList());
    assertFalse(site.has("2023/01/rahasia/index.html"));
    assertFalse(site.has("2023/01/jauh/index.html"));
    assertEquals(2, result.articles());
    assertEquals("Dalam", site.page("/2023/01/dalam/").select("h1").text(), "a link to a file inside the site folder is read");
  }

  @Test
  void linksToFilesNamedInDecomposedUnicodeResolve() {
    String nfd = Normalizer.normalize("café", Normalizer.Form.NFD);
    TestSite site = TestSite.of(dir, "-- content/" + nfd + ".md --\n---\ntitle: Kafe\ndate: 2023-01-01\n---\nIsi.\n"
        + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-02\n---\nLihat [kafe](café.md).\n");
    site.build();
    assertEquals("/2023/01/kafe/", site.page("/2023/01/a/").select(".article-body a").attr("href"));
  }

  @Test
  void filesAndFoldersStartingWithDotOrUnderscoreAreNotArticles() {
    TestSite site = TestSite.of(dir, OK + "-- content/_drafts/x.md --\nnot front matter\n-- content/.git/y.md --\nnope\n-- content/_index.md --\nnope\n");
    assertEquals(1, site.build().articles());
    assertTrue(site.has("2023/01/berita-baik/index.html"));
  }

  @Test
  void aFileIsReadAgainOnlyWhenAFullLoadWouldReadIt() throws IOException {
    Path siteDir = dir.resolve("site");
    ContentLoader loader = new ContentLoader(dev.warta.shared.SiteConfig.defaults(), siteDir);
    List<String> articles = List.of("a.md", "a/b.MARKDOWN", "_posts/2023-01-01-kabar.md");
    int n = 0;
    for (String path : List.of("a.md", "a/b.MARKDOWN", "_posts/2023-01-01-kabar.md", "_drafts/x.md", ".git/y.md", "a/_b/c.md",
        "_index.md", ".#a.md", "a.md~", "notes.txt")) {
      Path file = siteDir.resolve("content").resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "---\ntitle: Kabar " + ++n + "\ndate: 2023-01-01\n---\nIsi.\n");
      assertEquals(articles.contains(path), ContentLoader.isArticlePath(Path.of(path)), path);
      assertEquals(articles.contains(path), loader.reread(file, new java.util.ArrayList<>()).isPresent(), path);
    }
    // a full load reads the same files
    assertEquals(articles.size(), TestSite.of(dir, "").build().articles());
  }

  @Test
  void linksAreFollowedAgainOnlyWhereAFullLoadFollowsThem() throws IOException {
    Path siteDir = dir.resolve("site");
    Path elsewhere = Files.createDirectories(siteDir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("b.md"), "---\ntitle: Kabar B\ndate: 2023-01-01\n---\nIsi.\n");
    Path outside = Files.writeString(dir.resolve("outside.md"), "---\ntitle: Kabar Luar\ndate: 2023-01-01\n---\nIsi.\n");
    Path content = Files.createDirectories(siteDir.resolve("content"));
    Path linkedFile = Files.createSymbolicLink(content.resolve("b.md"), elsewhere.resolve("b.md"));
    Path linkedOut = Files.createSymbolicLink(content.resolve("luar.md"), outside);
    Files.createSymbolicLink(content.resolve("folder"), elsewhere);
    ContentLoader loader = new ContentLoader(dev.warta.shared.SiteConfig.defaults(), siteDir);

    assertTrue(loader.reread(linkedFile, new java.util.ArrayList<>()).isPresent(), "a link to a file inside the site is read");
    assertFalse(loader.reread(linkedOut, new java.util.ArrayList<>()).isPresent(), "a link out of the site is not");
    assertFalse(loader.reread(content.resolve("folder/b.md"), new java.util.ArrayList<>()).isPresent(), "nor a file in a linked folder");
    // as a full load: only the linked file inside the site is an article
    BuildResult built = TestSite.of(dir, "").build();
    assertEquals(1, built.articles());
    assertEquals(2, built.warnings().size(), built.warnings().toString());
  }
}
