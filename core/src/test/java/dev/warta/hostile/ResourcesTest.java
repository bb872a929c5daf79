package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input built to exhaust memory, stack or time is refused quickly with a clear error. */
class ResourcesTest {
  @TempDir Path dir;

  private static final String OK = "-- content/ok.md --\n---\ntitle: Baik\ndate: 2023-01-01\n---\nIsi.\n";

  private List<String> problems(String spec) {
    return TestSite.of(dir, spec).failingBuild().stream().map(Problem::toString).toList();
  }

  @Test
  void aYamlAliasBombIsRefused() {
    String bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n";
    assertEquals(List.of("content/a.md:10:8: error: the YAML repeats more than 50 aliases (*name), as a 'billion laughs' attack does; write the values out"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n" + bomb + "---\nIsi.\n"));
  }

  @Test
  void fewAliasesExpandingTooFarAreRefusedToo() {
    // under the alias limit, but 30,000 values once expanded for page.params; 4,200 are fine
    String wide = "a: &a [" + "x, ".repeat(99) + "x]\nb: [" + "*a, ".repeat(39) + "*a]\nc: [*a, *a]\n";
    String big = "a: &a [" + "x, ".repeat(999) + "x]\nb: &b [" + "*a, ".repeat(29) + "*a]\n";
    List<String> problems = problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n" + big + "---\nIsi.\n");
    assertEquals(List.of("content/a.md:5:4: error: this value expands to more than 20000 items (through YAML aliases?); simplify it"), problems);
    TestSite.of(dir.resolve("w"), OK + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n" + wide + "---\nIsi.\n").build();
  }

  @Test
  void deeplyNestedYamlIsRefused() {
    assertEquals(List.of("content/a.md:4:43: error: the YAML is nested more than 40 levels deep; flatten it"),
        problems(OK + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nIsi.\n"));
  }

  @Test
  void deeplyNestedSettingsAreRefused() {
    String nested = IntStream.range(0, 100).mapToObj(i -> "  ".repeat(i) + "k" + i + ":").collect(Collectors.joining("\n")) + " x\n";
    List<String> problems = problems(OK + "-- warta.yml --\n" + nested);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("warta.yml") && problems.get(0).contains("nested more than 40 levels deep"), problems.toString());
  }

  @Test
  void aHundredMegabyteArticleIsRefusedBeforeItIsRead() throws IOException {
    TestSite site = TestSite.of(dir, OK);
    // a sparse file: its size is all the loader needs to look at; reading it would take 100 MB of heap
    try (RandomAccessFile file = new RandomAccessFile(site.dir().resolve("content/besar.md").toFile(), "rw")) {
      file.write("---\ntitle: Besar\ndate: 2023-01-01\n---\n".getBytes(StandardCharsets.UTF_8));
      file.setLength(100L * 1024 * 1024);
    }
    assertEquals(List.of("content/besar.md: error: the file is 100 MiB; an article may be at most 16 MiB"),
        site.failingBuild().stream().map(Problem::toString).toList());
  }

  @Test
  void tenThousandTagsAreRefused() {
    String tags = IntStream.range(0, 10_000).mapToObj(i -> "t" + i).collect(Collectors.joining(", ", "[", "]"));
    assertEquals(List.of("content/a.md:4:7: error: an article may have at most 100 tags, this one has 10000"),
        problems("-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\ntags: " + tags + "\n---\nIsi.\n"));
  }

  /**
   * 5,000 tiny articles with one distinct tag each: 5,000 tag pages and feeds. The full-scale
   * figure (100,000 articles) was measured by hand; this keeps the default suite fast, and shows
   * nothing is quadratic in the number of terms at a size where that would already hurt.
   */
  @Test
  void fiveThousandArticlesWithDistinctTags() throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\nrelated: { count: 0 }\nfeeds: { tags: false }\n");
    Path content = Files.createDirectories(site.dir().resolve("content/berita"));
    for (int i = 0; i < 5_000; i++) {
      Files.writeString(content.resolve("a" + i + ".md"),
          "---\ntitle: Berita " + i + "\ndate: 2023-01-01T00:00:00Z\nslug: b" + i + "\ntags: [topik" + i + "]\n---\nIsi berita " + i + ".\n");
    }
    BuildResult result = site.build();
    assertEquals(5_000, result.articles());
    try (Stream<Path> tags = Files.list(site.output().resolve("tag"))) {
      assertEquals(5_000, tags.filter(Files::isDirectory).count());
    }
    assertTrue(site.has("tag/topik4999/index.html"));
  }
}
