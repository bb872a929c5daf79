package dev.warta;

import dev.warta.shared.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A small site written inline in a test, Hugo style:
 *
 * <pre>{@code
 * TestSite site = TestSite.of(dir, """
 *     -- warta.yml --
 *     title: Test
 *     -- content/a.md --
 *     ---
 *     title: A
 *     date: 2023-01-01
 *     ---
 *     Body.
 *     """);
 * }</pre>
 */
public final class TestSite {
  private static final Pattern FILE = Pattern.compile("^-- (.+?) --$", Pattern.MULTILINE);
  /** A fixed build time, so future articles and the news sitemap do not depend on the day. */
  public static final Instant NOW = Instant.parse("2025-06-30T05:00:00Z");

  private final Path dir;

  private TestSite(Path dir) {
    this.dir = dir;
  }

  /** Writes the files of {@code spec} under {@code dir/site}. */
  public static TestSite of(Path dir, String spec) {
    TestSite site = new TestSite(dir.resolve("site"));
    site.write(spec);
    return site;
  }

  /** Writes (or overwrites) the files of {@code spec}. */
  public TestSite write(String spec) {
    Matcher m = FILE.matcher(spec);
    int start = -1;
    String name = null;
    while (m.find()) {
      if (name != null) {
        put(name, spec.substring(start, m.start()));
      }
      name = m.group(1);
      start = m.end() + 1;
    }
    if (name != null) {
      put(name, start >= spec.length() ? "" : spec.substring(start));
    }
    return this;
  }

  /** Writes one file with exactly these bytes. */
  public TestSite put(String name, byte[] bytes) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void put(String name, String text) {
    put(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The site folder. */
  public Path dir() {
    return dir;
  }

  /** The output folder used by {@link #build()}. */
  public Path output() {
    return dir.resolveSibling("public");
  }

  /** The site, with output and build time set. */
  public Site site() {
    return Warta.site(dir).output(output()).buildTime(NOW);
  }

  /** Builds the site. */
  public BuildResult build() {
    return site().build();
  }

  /** The problems of a build that must fail. */
  public java.util.List<Problem> failingBuild() {
    try {
      site().build();
    } catch (BuildException e) {
      return e.problems();
    }
    throw new AssertionError("the build should have failed");
  }

  /** A file of the output as text. */
  public String text(String path) {
    try {
      return Files.readString(output().resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page of the output, parsed; a path ending in {@code /} means its {@code index.html}. */
  public Document page(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.isEmpty() || p.endsWith("/")) {
      p += "index.html";
    }
    return Jsoup.parse(text(p), "https://test.example/");
  }

  /** Whether the output has a file. */
  public boolean has(String path) {
    return Files.exists(output().resolve(path));
  }
}
