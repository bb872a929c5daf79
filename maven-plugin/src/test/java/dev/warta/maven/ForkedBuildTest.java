package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What passes between the Maven JVM and a forked build ({@link ForkProtocol}, {@link ForkedBuild}). */
class ForkedBuildTest {

  @Test
  void fieldsSurviveTabsLineBreaksAndBackslashes() {
    String line = ForkProtocol.line("problem", "ERROR", "content/a b.md", "4", "7", "bad\tvalue\nC:\\path\\n");
    assertTrue(line.startsWith(ForkProtocol.TAG));
    assertEquals(1, line.lines().count(), "one line");
    assertEquals(List.of("problem", "ERROR", "content/a b.md", "4", "7", "bad\tvalue\nC:\\path\\n"), ForkProtocol.fields(line));
    assertEquals(List.of(), ForkProtocol.fields("a line some library printed"));
  }

  @Test
  void aProblemComesBackWithItsPosition() {
    Problem p = Problem.error("content/2024/banjir.md", 3, 7, "date: not a date");
    List<String> f = ForkProtocol.fields(ForkProtocol.problem(p));
    assertEquals(p, ForkProtocol.problem(f.subList(1, f.size())));
  }

  @Test
  void buildsFromTheRequestAndReportsErrorsWithTheirPositions(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site.resolve("content"));
    Files.writeString(site.resolve("warta.yml"), "title: Kabar\nbaseUrl: https://kabar.example.org/\n");
    Files.writeString(site.resolve("content/a.md"), "---\ntitle: A\ndate: 2024-01-02\n---\nText.\n");
    Files.writeString(site.resolve("content/b.md"), "---\ntitle: B\ndate: 2024-13-45\n---\nText.\n");
    Path file = dir.resolve("request.properties");
    ForkProtocol.write(file, ForkedBuild.request(site, dir.resolve("out"), dir.resolve("cache"), 1, Map.of("title", "Kabar Lembah")));
    Properties request = ForkProtocol.read(file);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = ForkedBuild.run(request, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(ForkProtocol.PROBLEMS, status);
    List<List<String>> problems = bytes.toString(StandardCharsets.UTF_8).lines().map(ForkProtocol::fields)
        .filter(f -> !f.isEmpty() && f.get(0).equals("problem")).toList();
    assertEquals(1, problems.size(), problems.toString());
    Problem p = ForkProtocol.problem(problems.get(0).subList(1, problems.get(0).size()));
    assertEquals("content/b.md", p.file());
    assertEquals(3, p.line());
    assertTrue(p.column() > 0);
    assertTrue(p.isError());

    Files.writeString(site.resolve("content/b.md"), "---\ntitle: B\ndate: 2024-01-03\n---\nText.\n");
    bytes.reset();
    assertEquals(0, ForkedBuild.run(request, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    List<List<String>> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(ForkProtocol::fields).toList();
    assertTrue(lines.stream().anyMatch(f -> f.equals(List.of("finished", "load", "2", f.get(f.size() - 1)))), lines.toString());
    assertTrue(lines.get(lines.size() - 1).get(1).startsWith("2 articles, "), lines.toString());
    // the settings of the request win over warta.yml, as in process
    assertTrue(Files.readString(dir.resolve("out/index.html")).contains("Kabar Lembah"));
  }
}
