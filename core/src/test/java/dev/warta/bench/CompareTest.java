package dev.warta.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison's own pieces; the timed runs themselves happen only from the command line. */
class CompareTest {

  @Test
  void optionsHaveDefaults() {
    Compare.Options o = Compare.Options.parse(new String[] {"10_000", "--runs", "5", "--jvm", "-XX:TieredStopAtLevel=1 -Xmx1g", "--no-hugo"});
    assertEquals(10_000, o.n());
    assertEquals(5, o.runs());
    assertEquals(Map.of("warta", List.of("-XX:TieredStopAtLevel=1", "-Xmx1g")), o.wartas());
    assertFalse(o.hugo());
    assertTrue(o.floor());

    Compare.Options d = Compare.Options.parse(new String[] {"100"});
    assertEquals(3, d.runs());
    assertEquals(42, d.seed());
    assertTrue(d.hugo());
    assertEquals(Map.of("warta", List.of()), d.wartas());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compare.Options.parse(new String[] {"100", "--runs", "0"}));
    assertTrue(e.getMessage().startsWith("--runs must be a whole number of at least 1, not 0\nusage: Compare N"), e.getMessage());
  }

  @Test
  void namedBuildsCompareJvmSettingsInTheOrderGiven() {
    Compare.Options o = Compare.Options.parse(new String[] {"100", "--warta", "c1=-XX:TieredStopAtLevel=1", "--warta", "default=", "--no-floor"});
    assertEquals(List.of("warta c1", "warta default"), List.copyOf(o.wartas().keySet()));
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), o.wartas().get("warta c1"));
    assertEquals(List.of(), o.wartas().get("warta default"));
    assertFalse(o.floor());
    // --jvm still names the plain build, which comes first
    assertEquals(List.of("warta", "warta b"),
        List.copyOf(Compare.Options.parse(new String[] {"100", "--warta", "b=-Xmx1g", "--jvm", "-Xss1m"}).wartas().keySet()));
    assertThrows(IllegalArgumentException.class, () -> Compare.Options.parse(new String[] {"100", "--warta", "-Xmx1g"}));
    assertThrows(IllegalArgumentException.class, () -> Compare.Options.parse(new String[] {"100", "--warta", "a b=-Xmx1g"}));
    assertThrows(IllegalArgumentException.class, () -> Compare.Options.parse(new String[] {"100", "--warta", "a=-Xmx1g", "--warta", "a=-Xmx2g"}));
  }

  @Test
  void pluginRunsAreMavenCommandsWithoutJvmFlags() {
    Compare.Options o = Compare.Options.parse(new String[] {"200", "--plugin", "--repo", "/tmp/m2", "--warta", "fork=", "--warta", "nofork=-Dwarta.fork=false"});
    assertTrue(o.plugin());
    assertEquals(List.of("warta fork", "warta nofork"), List.copyOf(o.wartas().keySet()));
    assertEquals(List.of("mvn", "-B", "-q", "-o", "-Dmaven.repo.local=/tmp/m2", "dev.warta:warta-maven-plugin:0.1.0-SNAPSHOT:build",
        "-Dwarta.site=/s", "-Dwarta.output=/o", "-Dwarta.cache=/c", "-Dwarta.buildTime=2026-01-01T00:00:00Z", "-Dwarta.fork=false"),
        Compare.pluginCommand(Path.of("mvn"), o, Path.of("/s"), Path.of("/o"), Path.of("/c"), o.wartas().get("warta nofork")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Compare.Options.parse(new String[] {"200", "--plugin", "--jvm", "-Xmx1g"}));
    assertTrue(e.getMessage().startsWith("--jvm does not go with --plugin"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Compare.Options.parse(new String[] {"200", "--repo", "/tmp/m2"}));
  }

  @Test
  void treeMemoryAddsUpAProcessAndItsChildren() throws Exception {
    // a shell whose child sleeps: the sum counts both, so it is more than the shell alone
    Process p = new ProcessBuilder("sh", "-c", "sleep 5 & wait").start();
    try {
      Thread.sleep(300);
      long both = TreeMemory.treeRssKb(p.pid());
      long alone = TreeMemory.treeRssKb(p.children().findFirst().orElseThrow().pid());
      assertTrue(alone > 0 && both > alone, both + " KiB for the tree, " + alone + " KiB for the child");
    } finally {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
  }

  @Test
  void theHugoSiteIsWrittenWhole(@TempDir Path dir) throws Exception {
    Compare.writeHugoSite(dir);
    // every file of the site in the test resources, none forgotten in Compare's list
    Path resources = Path.of(Compare.class.getResource("hugo/hugo.toml").toURI()).getParent();
    assertEquals(files(resources), files(dir));
    assertTrue(Files.readString(dir.resolve("hugo.toml")).contains("paginate = 20"));
    assertTrue(Files.readString(dir.resolve("layouts/_default/single.html")).contains(".Site.RegularPages.Related"));
  }

  private static java.util.Set<String> files(Path root) throws java.io.IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).collect(java.util.stream.Collectors.toSet());
    }
  }

  @Test
  void flexmarkAloneTakesTheBodyAfterTheFrontMatter(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.md"), "---\ntitle: \"A\"\n---\nBody *here*.\n\n---\n\nMore.\n");
    assertEquals("Body *here*.\n\n---\n\nMore.\n", FlexmarkAlone.body(file));
    Path bare = Files.writeString(dir.resolve("b.md"), "No front matter.\n");
    assertEquals("No front matter.\n", FlexmarkAlone.body(bare));
  }

  @Test
  void writingAloneCopiesEveryFileByteForByte(@TempDir Path dir) throws Exception {
    Path from = dir.resolve("from");
    Files.createDirectories(from.resolve("2024/05/slug"));
    Files.writeString(from.resolve("index.html"), "<p>home</p>");
    Files.write(from.resolve("2024/05/slug/index.html"), new byte[] {1, 2, 3});
    Path to = dir.resolve("to");
    WriteAlone.main(new String[] {from.toString(), to.toString(), "2"});
    assertEquals("<p>home</p>", Files.readString(to.resolve("index.html")));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(to.resolve("2024/05/slug/index.html")));
    // a second run must not write over an earlier copy
    assertThrows(IllegalArgumentException.class, () -> WriteAlone.main(new String[] {from.toString(), to.toString(), "2"}));
  }
}
