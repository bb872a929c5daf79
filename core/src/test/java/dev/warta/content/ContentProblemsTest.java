package dev.warta.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input: the exact message, file and position. */
class ContentProblemsTest {
  @TempDir Path dir;

  private int sites;

  private List<String> problems(String spec) {
    return TestSite.of(dir.resolve("s" + sites++), spec).failingBuild().stream().map(Problem::toString).toList();
  }

  private static final String OK = """
      -- content/ok.md --
      ---
      title: Berita Baik
      date: 2023-01-01
      ---
      Isi.
      """;

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertEquals(List.of("content/a.md:3:8: error: malformed YAML: mapping values are not allowed here; check indentation, and quote values that contain ': ' or start with '@', '`', '[' or '{'"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: x: y\n---\nIsi.\n"));
  }

  @Test
  void frontMatterNotClosedOrMissing() {
    assertEquals(List.of(
            "content/a.md:1:1: error: the front matter is not closed: add a line '---' after the YAML",
            "content/b.md:1:1: error: no front matter: start the file with a line '---', then YAML with at least title and date, then '---'"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\n\nIsi.\n-- content/b.md --\n# Judul\n\nIsi.\n"));
  }

  @Test
  void missingTitleAndDateAreReportedTogether() {
    assertEquals(List.of(
            "content/a.md:2:1: error: 'date' is missing; add a line such as date: 2023-09-05T08:30:00+07:00 (or name the file YYYY-MM-DD-slug.md)",
            "content/a.md:2:1: error: 'title' is missing; add a line such as title: \"Harga Cabai Naik\"",
            "content/b.md:2:1: error: 'title' is empty; give the article a headline"),
        problems(OK + "-- content/a.md --\n---\nauthor: X\n---\nIsi.\n-- content/b.md --\n---\ntitle: \"  \"\ndate: 2023-01-01\n---\nIsi.\n"));
  }

  @Test
  void aDateThatDoesNotParseSaysHowToWriteIt() {
    assertEquals(List.of("content/a.md:3:7: error: 'date' is not a date: '5 September 2023'; write it as 2023-09-05, 2023-09-05T08:30:00 or 2023-09-05T08:30:00+07:00, in quotes if in doubt"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: 5 September 2023\n---\nIsi.\n"));
  }

  @Test
  void aTagThatIsNotTextIsAnError() {
    assertEquals(List.of("content/a.md:4:16: error: each item of 'tags' must be text, found a map of keys; quote it"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\ntags: [banjir, {a: b}]\n---\nIsi.\n"));
  }

  @Test
  void twoArticlesWithTheSameUrlNameBothFiles() {
    assertEquals(List.of("content/a/x.md:2:1: error: this article and content/b/x.md have the same URL /2023/01/sama/; give one of them another slug"),
        problems("-- content/a/x.md --\n---\ntitle: Sama\ndate: 2023-01-01\n---\nIsi.\n-- content/b/x.md --\n---\ntitle: Sama\ndate: 2023-01-02\n---\nIsi.\n"));
  }

  @Test
  void urlsDifferingOnlyInCaseCollide() {
    assertEquals(List.of("content/b.md:4:1: error: this article and content/a.md have URLs that differ only in case (/2023/01/Berita/ and /2023/01/berita/); give one of them another slug"),
        problems("-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\nslug: Berita\n---\nIsi.\n-- content/b.md --\n---\ntitle: B\ndate: 2023-01-01\nslug: berita\n---\nIsi.\n"));
  }

  @Test
  void aLinkToAMissingMarkdownFileIsAnErrorWithItsLine() {
    assertEquals(List.of("content/nasional/a.md:7:7: error: the link to ../lain/hilang.md names no article of this archive (looked for content/lain/hilang.md); fix the path, or the article is a draft or dated in the future"),
        problems(OK + "-- content/nasional/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nPertama.\n\nLihat [di sini](../lain/hilang.md).\n"));
  }

  @Test
  void anAliasThatCollidesWithAPageIsAnError() {
    assertEquals(List.of("content/b.md:4:1: error: the alias /2023/01/berita-baik/ of content/b.md and the article content/ok.md would both be written at /2023/01/berita-baik/; rename one of them"),
        problems(OK + "-- content/b.md --\n---\ntitle: B\ndate: 2023-01-01\naliases: [/2023/01/berita-baik/]\n---\nIsi.\n"));
  }

  @Test
  void invalidUtf8BinaryEmptyAndBodylessFiles(@TempDir Path other) {
    TestSite site = TestSite.of(other, OK + "-- content/empty.md --\n-- content/only.md --\n---\ntitle: A\ndate: 2023-01-01\n---\n");
    site.put("content/latin1.md", "---\ntitle: Caf\u00e9\ndate: 2023-01-01\n---\nIsi.\n".getBytes(StandardCharsets.ISO_8859_1));
    site.put("content/image.md", new byte[] {'-', '-', '-', '\n', 0, 1, 2, (byte) 0x89, 'P', 'N', 'G'});
    List<String> problems = site.failingBuild().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "content/empty.md:1:1: error: the file is empty; an article starts with front matter between '---' lines, holding at least title and date",
        "content/image.md: error: the file is not valid UTF-8 text; save it as UTF-8 (or remove it if it is not an article)",
        "content/latin1.md: error: the file is not valid UTF-8 text; save it as UTF-8 (or remove it if it is not an article)",
        "content/only.md:4:1: error: the article has no text after its front matter; write the body below the closing '---'"), problems);
  }

  @Test
  void nulBytesInValidUtf8AreBinary() {
    assertEquals(List.of("content/a.md:2: error: the file contains NUL bytes: it is binary, not Markdown; remove it from content/ or rename it"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\u0000\ndate: 2023-01-01\n---\nIsi.\n"));
  }

  @Test
  void typeTagsCannotCreateObjects() {
    assertEquals(List.of("content/a.md:2:8: error: type tag tag:yaml.org,2002:java.lang.Runtime is not allowed: Warta reads plain values only; remove the tag"),
        problems(OK + "-- content/a.md --\n---\ntitle: !!java.lang.Runtime x\ndate: 2023-01-01\n---\nIsi.\n"));
  }

  @Test
  void aliasBombsAndDeepNestingAreErrorsNotHangs() {
    StringBuilder bomb = new StringBuilder("---\ntitle: A\ndate: 2023-01-01\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i > 0 ? ", " : "").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    bomb.append("---\nIsi.\n");
    List<String> bombProblems = problems(OK + "-- content/bomb.md --\n" + bomb);
    assertEquals(1, bombProblems.size(), bombProblems.toString());
    assertEquals("content/bomb.md:10:8: error: the YAML repeats more than 50 aliases (*name), as a 'billion laughs' attack does; write the values out", bombProblems.get(0));

    String deep = "---\ntitle: A\ndate: 2023-01-01\nx: " + "[".repeat(200) + "]".repeat(200) + "\n---\nIsi.\n";
    List<String> deepProblems = problems(OK + "-- content/deep.md --\n" + deep);
    assertEquals(1, deepProblems.size(), deepProblems.toString());
    assertEquals("content/deep.md:4:43: error: the YAML is nested more than 40 levels deep; flatten it", deepProblems.get(0));
  }

  @Test
  void unsafeSlugsAreErrorsNamingTheFile() {
    for (String slug : List.of("../../etc/passwd", "/abs", "a\\\\b", "%2e%2e", "C:x", ".hidden")) {
      List<String> problems = problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\nslug: \"" + slug + "\"\n---\nIsi.\n");
      assertEquals(1, problems.size(), slug + " " + problems);
      assertTrue(problems.get(0).startsWith("content/a.md:4:7: error: 'slug' must be one URL segment"), problems.get(0));
    }
  }

  @Test
  void allProblemsOfAllFilesComeAtOnceErrorsAndWarningsApart() {
    List<Problem> problems = TestSite.of(dir, OK + """
        -- content/a.md --
        ---
        title: A
        ---
        Isi.
        -- content/b.md --
        ---
        title: B
        date: 2023-01-01
        ---
        Isi.

        Baca juga: Judul Yang Tidak Ada
        -- content/c.md --
        ---
        date: 2023-01-01
        ---
        Isi.
        """).failingBuild();
    assertEquals(List.of(
        "content/a.md:2:1: error: 'date' is missing; add a line such as date: 2023-09-05T08:30:00+07:00 (or name the file YYYY-MM-DD-slug.md)",
        "content/c.md:2:1: error: 'title' is missing; add a line such as title: \"Harga Cabai Naik\""),
        problems.stream().filter(Problem::isError).map(Problem::toString).toList());
  }
}
