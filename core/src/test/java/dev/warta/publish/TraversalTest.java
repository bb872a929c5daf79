package dev.warta.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildException;
import dev.warta.shared.Problem;
import dev.warta.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a slug, alias, permalink or section says, nothing is written outside the output folder. */
class TraversalTest {
  @TempDir Path dir;

  private static final List<String> TRICKS = List.of("../../escaped/", "/../../escaped/", "/%2e%2e/%2e%2e/escaped/",
      "/%252e%252e/escaped/", "/a/..\\\\..\\\\escaped/", "/C:/escaped/", "//escaped/", "/a/\\u0000/escaped/", "/~/../escaped/");

  /** The output's releases, which the output links to: inside it, as far as a site's paths go. */
  static final java.util.regex.Pattern RELEASE = java.util.regex.Pattern.compile("\\.public\\.releases(/[0-9]+(/.*)?)?");

  private List<String> everythingOutsideOutput() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.isEmpty() && !p.startsWith("site") && !p.startsWith("public") && !RELEASE.matcher(p).matches())
          .sorted().toList();
    }
  }

  private void assertRefused(String spec, String file) throws IOException {
    TestSite site = TestSite.of(dir, spec);
    try {
      site.build();
      throw new AssertionError("the build should fail for " + spec);
    } catch (BuildException e) {
      List<Problem> errors = e.errors();
      assertTrue(errors.stream().anyMatch(p -> p.file().equals(file)), errors.toString());
    }
    assertEquals(List.of(), everythingOutsideOutput());
    assertTrue(!Files.exists(site.output()) || Files.exists(site.output().resolve(Output.MARKER)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void aliases(int trick) throws IOException {
    assertRefused("-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\naliases: [\"" + TRICKS.get(trick) + "\"]\n---\nIsi.\n", "content/a.md");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void slugs(int trick) throws IOException {
    assertRefused("-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\nslug: \"" + TRICKS.get(trick) + "\"\n---\nIsi.\n", "content/a.md");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void permalinks(int trick) throws IOException {
    assertRefused("-- warta.yml --\npermalink: \"" + TRICKS.get(trick) + ":slug/\"\n-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nIsi.\n", "warta.yml");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void sectionsAreSluggedSoTheyStayInside(int trick) throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\npermalink: /:section/:slug/\n-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\nsection: \""
        + TRICKS.get(trick) + "\"\n---\nIsi.\n");
    site.build();
    assertEquals(List.of(), everythingOutsideOutput());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "...", "a:b", "x?y"})
  void staticFileNamesThatCannotBePublishedAreErrors(String name) throws IOException {
    TestSite site = TestSite.of(dir, "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nIsi.\n");
    Files.createDirectories(site.dir().resolve("static/d"));
    Files.writeString(site.dir().resolve("static/d").resolve(name + ".txt"), "x");
    if (!name.endsWith(".")) {
      assertRefused("", "static/d/" + name + ".txt");
    } else {
      site.build(); // "...txt" and "..txt" are ordinary names
      assertEquals(List.of(), everythingOutsideOutput());
    }
  }
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void jekyllRedirectFrom(int trick) throws IOException {
    assertRefused("-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\nredirect_from: \"" + TRICKS.get(trick) + "\"\n---\nIsi.\n", "content/a.md");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void frontMatterPermalinkAndUrlKeysAreNotPaths(int trick) throws IOException {
    // Hugo's url and Jekyll's permalink are read as params only: the page stays at the site's permalink
    TestSite site = TestSite.of(dir, "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\npermalink: \"" + TRICKS.get(trick) + "\"\nurl: \""
        + TRICKS.get(trick) + "\"\n---\nIsi.\n");
    site.build();
    assertTrue(site.has("2023/01/a/index.html"));
    assertEquals(List.of(), everythingOutsideOutput());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
  void categoriesAndTagsAreSluggedSoTheyStayInside(int trick) throws IOException {
    TestSite site = TestSite.of(dir, "-- warta.yml --\npermalink: /:section/:slug/\nfeeds: { tags: true, sections: true }\n-- content/a.md --\n---\ntitle: A\n"
        + "date: 2023-01-01\ncategories: [\"" + TRICKS.get(trick) + "\"]\ntags: [\"" + TRICKS.get(trick) + "\"]\nauthors: [\"" + TRICKS.get(trick) + "\"]\n---\nIsi.\n");
    site.build();
    assertEquals(List.of(), everythingOutsideOutput());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%2e%2e", "%252e%252e", "a%5c..%5c..", "%00"})
  void staticFolderNamesThatDecodeToTricksAreErrors(String folder) throws IOException {
    TestSite site = TestSite.of(dir, "-- content/a.md --\n---\ntitle: A\ndate: 2023-01-01\n---\nIsi.\n");
    Files.createDirectories(site.dir().resolve("static").resolve(folder));
    Files.writeString(site.dir().resolve("static").resolve(folder).resolve("x.txt"), "x");
    assertRefused("", "static/" + folder + "/x.txt");
  }
}
