package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SitePathsTest {
  @ParameterizedTest
  @ValueSource(strings = {"/../x/", "/a/../../x", "/%2e%2e/x/", "/%252e%252e/x/", "/a\\..\\x", "/C:/x", "//evil/x",
      "/a/\u0000/x", "relative/x/", "/a/./b/", "/%2E%2E%2Fx/", "/a/b./"})
  void refusesTraversalTricks(String url) {
    assertTrue(SitePaths.whyUnsafe(url).isPresent(), url);
    assertThrows(IllegalArgumentException.class, () -> SitePaths.file(Path.of("/tmp/out"), url));
  }

  @Test
  void folderUrlsAreWrittenAsIndexFiles() {
    assertEquals(Optional.empty(), SitePaths.whyUnsafe("/2023/09/kim-putin/"));
    assertEquals(Path.of("/tmp/out/2023/09/a/index.html"), SitePaths.file(Path.of("/tmp/out"), "/2023/09/a/"));
    assertEquals(Path.of("/tmp/out/index.html"), SitePaths.file(Path.of("/tmp/out"), "/"));
    assertEquals(Path.of("/tmp/out/feed.xml"), SitePaths.file(Path.of("/tmp/out"), "/feed.xml"));
  }

  @Test
  void caseOnlyDifferencesCollide() {
    assertEquals(SitePaths.collisionKey("/Berita/A/"), SitePaths.collisionKey("/berita/a/index.html"));
  }

  @Test
  void aLinkBetweenFilesIsNormalisedTheSameWayOnEveryPlatform() {
    assertEquals("content/b/x.md", SitePaths.normalise("content/a/../b/./x.md"));
    assertEquals("content/x.md", SitePaths.normalise("content//x.md"));
    assertEquals("x.md", SitePaths.normalise("content/../../x.md"), "nothing above the root, as a browser resolves it");
  }
}
