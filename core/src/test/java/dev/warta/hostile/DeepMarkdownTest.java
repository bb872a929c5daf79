package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies nested so deeply that flexmark's recursion (or a regular expression) overflows the stack:
 * found by hand after the mutation properties; each escaped {@code build()} as an
 * IllegalStateException wrapping a StackOverflowError. Now each is an error naming its file.
 */
class DeepMarkdownTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"quotes", "emphasis", "lists", "quotesThenParagraphs"})
  void aBodyNestedTooDeeplyIsAnErrorOfItsFile(String kind) {
    String body = switch (kind) {
      case "quotes" -> ">".repeat(20_000) + " x";
      case "emphasis" -> "*".repeat(50_000) + "x" + "*".repeat(50_000);
      case "lists" -> "- ".repeat(20_000) + "x";
      default -> "> ".repeat(3_000) + "x\n\nParagraf dua.\n\nParagraf tiga.";
    };
    TestSite site = TestSite.of(dir, "-- content/ok.md --\n---\ntitle: Baik\ndate: 2023-01-01\n---\nIsi.\n"
        + "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\n" + body + "\n");
    List<Problem> problems = site.failingBuild();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("content/a.md", problems.get(0).file());
    assertEquals("the Markdown is nested too deeply to read (thousands of '>', list markers, '*' or '[' in a row?); flatten it", problems.get(0).message());
  }

  @org.junit.jupiter.api.Test
  void deepIndentationIsRefusedBeforeParsingAtTheLineThatGoesTooDeep() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      body.append("  ".repeat(i)).append("- x\n"); // flexmark needed 14 s for this before failing
    }
    TestSite site = TestSite.of(dir, "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\n" + body);
    List<Problem> problems = site.failingBuild();
    // the body starts on line 5; the item on line 206 is the first indented by more than 400 spaces (402)
    assertEquals(List.of("content/a.md:206:1: error: the Markdown is nested too deeply to read (thousands of '>', list markers, '*' or '[' in a row?); flatten it"),
        problems.stream().map(Problem::toString).toList());
  }
}
