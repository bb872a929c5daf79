package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.Warta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed at any moment (SIGKILL: no finally block runs) leaves the output, as a reader sees
 * it right after the kill, with no build or recovery run in between, byte for byte either the old
 * site or the new one, and never absent.
 *
 * <p>CI runs {@value #KILLS} kills; {@code -Dwarta.kills=100} runs more, by hand.
 */
class InterruptionTest {
  @TempDir Path dir;

  private static final int ARTICLES = 120;
  private static final int KILLS = 6;

  /** Version A or B of a site of {@link #ARTICLES} generated articles: B changes, adds and removes some. */
  private static Path site(Path root, char version) throws IOException {
    Path content = Files.createDirectories(root.resolve("content"));
    Files.writeString(root.resolve("warta.yml"), "title: Arsip " + version + "\nbaseUrl: https://news.example.org/\ntimeZone: Asia/Jakarta\n");
    String[] sections = {"ekonomi", "politik", "olahraga", "budaya"};
    for (int i = 0; i < ARTICLES + (version == 'B' ? 20 : 0); i++) {
      if (version == 'B' && i % 50 == 7) {
        continue; // removed in B
      }
      String section = sections[i % sections.length];
      String body = ("Paragraf " + i + " tentang " + section + (version == 'B' && i % 3 == 0 ? " yang diperbarui" : "") + ". ").repeat(5);
      Files.createDirectories(content.resolve(section));
      Files.writeString(content.resolve(section + "/berita-" + i + ".md"), "---\ntitle: Berita " + section + " nomor " + i + "\ndate: 2025-0"
          + (1 + i % 6) + "-" + String.format("%02d", 1 + i % 28) + "T08:00:00+07:00\ntags: [" + section + ", topik" + (i % 17) + "]\n---\n"
          + body + "\n\n" + body + "\n");
    }
    return root;
  }

  private static void build(Path site, Path output) {
    Warta.site(site).output(output).buildTime(Instant.parse("2025-06-30T05:00:00Z")).build();
  }

  /**
   * Puts back the output as builds of B and then A left it: A's release current, B's kept as the
   * older release that the next build updates in place, and the record of what differs between
   * them. Quicker than building both again.
   */
  private static void restore(Path saved, Path outputs) throws IOException {
    Output.delete(outputs);
    copy(saved, outputs);
  }

  /** Copies a folder tree as it is: links stay links, and files linked together stay so. */
  private static void copy(Path from, Path to) throws IOException {
    Map<Object, Path> copies = new java.util.HashMap<>();
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
          Files.createDirectories(target);
        } else if (attributes.isSymbolicLink()) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (copies.containsKey(attributes.fileKey())) {
          Files.createLink(target, copies.get(attributes.fileKey()));
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
          copies.put(attributes.fileKey(), target);
        }
      }
    }
  }

  private Process child(Path site, Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only: a short-lived JVM starts and builds faster so, and the kills cost less time
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), KilledBuildMain.class.getName(), site.toString(), output.toString())
        .redirectErrorStream(true).start();
  }

  /** Waits for the child's "building" line; returns the reader for the rest. */
  private static BufferedReader started(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("building", out.readLine());
    return out;
  }

  @Test
  void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws Exception {
    int kills = Integer.getInteger("warta.kills", KILLS);
    Path a = site(dir.resolve("a"), 'A');
    Path b = site(dir.resolve("b"), 'B');
    Path output = dir.resolve("out/public");

    // the two sites as complete builds make them; and how long a build of B, and its publish stage, take in a child JVM
    Path expectedB = dir.resolve("expected/public");
    // so that the timed build publishes over two releases, as the killed ones do
    build(b, expectedB);
    build(a, expectedB);
    Process full = child(b, expectedB);
    BufferedReader fullOut = started(full);
    long start = System.nanoTime();
    List<String> lines = new ArrayList<>();
    fullOut.lines().forEach(lines::add);
    assertTrue(full.waitFor(120, TimeUnit.SECONDS), "the build finishes");
    long duration = (System.nanoTime() - start) / 1_000_000;
    // the publish stage as the child timed it: the window the aimed kills are spread over
    long publish = Math.max(1, Long.parseLong(lines.get(6).replaceAll("[^0-9]", "")));
    lines.set(6, "published");
    assertEquals(List.of("stage load", "stage index", "stage related", "stage search", "stage render", "stage publish", "published", "built"), lines);
    assertEquals(0, full.exitValue());
    Map<String, String> siteB = OutputTest.snapshot(expectedB);
    build(b, output);
    build(a, output);
    Map<String, String> siteA = OutputTest.snapshot(output);
    Path saved = dir.resolve("saved");
    copy(output.getParent(), saved);
    assertNotEquals(siteA, siteB);

    Random random = new Random(20251127L);
    List<String> outcomes = new ArrayList<>();
    int[] counts = new int[2];
    for (int i = 0; i < kills; i++) {
      Process p = child(b, output);
      BufferedReader out = started(p);
      long delay;
      String when;
      if (i % 3 == 0) {
        delay = (long) (random.nextDouble() * duration);
        when = delay + " ms";
      } else {
        // aimed at the publish stage: the links, the rename and the switch
        for (String line = out.readLine(); line != null && !line.equals("stage publish"); line = out.readLine()) {
          // the earlier stages
        }
        delay = (long) (random.nextDouble() * publish);
        when = "publish+" + delay + " ms";
      }
      Thread.sleep(delay);
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      // no recovery, no build: what a web server serving the output would serve now
      assertTrue(Files.exists(output), "after a kill at " + when + " the output is absent");
      Map<String, String> now = OutputTest.snapshot(output);
      String outcome = now.equals(siteA) ? "A" : now.equals(siteB) ? "B" : "neither";
      outcomes.add(when + ": " + outcome);
      assertTrue(!outcome.equals("neither"), "after a kill at " + when + " (a build takes " + duration + " ms, its publish " + publish
          + " ms) the output is neither site: " + outcomes);
      counts[outcome.equals("A") ? 0 : 1]++;
      if (outcome.equals("B")) {
        restore(saved, output.getParent()); // back to A for the next kill
        assertEquals(siteA, OutputTest.snapshot(output));
      }
    }
    System.out.printf("InterruptionTest: %d kills (build %d ms, publish %d ms): %d left the old site, %d the new one%n", kills, duration, publish, counts[0], counts[1]);
    // and the next builds after a kill complete normally, whatever state it left the older release in
    build(b, output);
    assertEquals(siteB, OutputTest.snapshot(output));
    build(a, output);
    assertEquals(siteA, OutputTest.snapshot(output));
    build(b, output);
    assertEquals(siteB, OutputTest.snapshot(output));
  }
}
