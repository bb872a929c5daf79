package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServeMojoTest {
  private final Path site = Path.of("/arsip/src/site/warta");

  private List<Path> refreshed(String... changed) {
    Set<Path> paths = new LinkedHashSet<>();
    for (String c : changed) {
      paths.add(site.resolve(c));
    }
    return ServeMojo.articlesToRefresh(site, paths);
  }

  @Test
  void articlesAreShownAgainWhateverTemporaryFilesTheEditorWroteBesideThem() {
    assertEquals(List.of(site.resolve("content/ekonomi/cabai.md")), refreshed("content/ekonomi/sedK2a9Qx", "content/ekonomi/cabai.md"));
    assertEquals(List.of(site.resolve("content/ekonomi/cabai.md")), refreshed("content/ekonomi/4913", "content/ekonomi/cabai.md~", "content/ekonomi/cabai.md"));
  }

  @Test
  void aChangeOutsideTheArticlesWaitsForTheFullBuild() {
    assertEquals(List.of(), refreshed("content/ekonomi/cabai.md", "templates/article.ftlh"));
    assertEquals(List.of(), refreshed("warta.yml"));
    assertEquals(List.of(), ServeMojo.articlesToRefresh(site, Set.of()), "events lost: nothing is known");
  }
}
