package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCacheTest {
  @TempDir Path dir;

  private static final byte[] INPUTS = {1, 2, 3};
  private static final List<String> FILES = List.of("index.html", "2024/03/a/index.html", "feed.xml");

  private Path written() throws IOException {
    RenderCache cache = RenderCache.empty(INPUTS);
    cache.put("/2024/03/a/", new RenderCache.PageEntry(new byte[] {9, 9}, 120, List.of()));
    cache.files(FILES);
    Path file = dir.resolve("cache");
    dev.warta.publish.CacheFiles.write(file, cache.saved("build-1"));
    return file;
  }

  @Test
  void aCacheIsReadBackForTheOutputItDescribes() throws IOException {
    RenderCache read = RenderCache.read(written(), "build-1", INPUTS);
    assertArrayEquals(new byte[] {9, 9}, read.page("/2024/03/a/").orElseThrow().fingerprint());
    assertEquals(Optional.of(FILES), read.files());
  }

  @Test
  void madeWithOtherInputsItKeepsNoPageButStillKnowsTheOutputsFiles() throws IOException {
    // new code, templates or settings: every page is rendered, but the output is still the one
    // whose files the cache lists, so finding what to delete need not walk it
    RenderCache read = RenderCache.read(written(), "build-1", new byte[] {7});
    assertTrue(read.page("/2024/03/a/").isEmpty());
    assertEquals(0, read.size());
    assertEquals(Optional.of(FILES), read.files());
  }

  @Test
  void forAnotherOutputItKnowsNothing() throws IOException {
    RenderCache read = RenderCache.read(written(), "build-2", INPUTS);
    assertEquals(0, read.size());
    assertEquals(Optional.empty(), read.files());
    assertEquals(Optional.empty(), RenderCache.empty(INPUTS).files());
  }
}
