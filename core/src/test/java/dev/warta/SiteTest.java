package dev.warta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.shared.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the facade promises beyond building: warm copies, refresh problems, a load without related lists. */
class SiteTest {
  @TempDir Path dir;

  private static final String SITE =
      """
      -- warta.yml --
      title: Kabar Kota
      baseUrl: https://kabar.example.org/
      -- content/kota/pasar.md --
      ---
      title: Pasar Baru Dibuka Kembali
      date: 2024-03-01T08:00:00+07:00
      tags: [pasar]
      ---
      Pasar Baru di pusat kota dibuka kembali setelah direnovasi selama delapan bulan.
      -- content/kota/taman.md --
      ---
      title: Taman Kota Ditanami Seribu Pohon
      date: 2024-03-02T08:00:00+07:00
      tags: [taman]
      ---
      Seribu pohon peneduh ditanam di taman kota oleh warga dan pelajar.
      """;

  /** Records what a build tells its listener. */
  private static final class Heard implements BuildListener {
    final List<String> stages = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    @Override
    public void stageStarted(String stage) {
      stages.add(stage);
    }

    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }
  }

  @Test
  void aCopyOfAWarmSiteKeepsItsOwnMemory() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Site warm = site.site().warm();
    warm.build();
    Path pasar = site.dir().resolve("content/kota/pasar.md");
    Files.writeString(pasar, Files.readString(pasar).replace("delapan bulan", "sembilan bulan"));
    Site copy = warm.listener(new Heard());
    assertEquals(List.of(), copy.refresh(List.of(pasar)), "the copy has not built: it has no last build to refresh");
    assertFalse(warm.refresh(List.of(pasar)).isEmpty(), "the warm site itself still refreshes");
  }

  @Test
  void aRefreshTellsTheListenerWhatIsWrongWithAnEdit() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Heard heard = new Heard();
    Site warm = site.site().listener(heard).warm();
    warm.build();
    Path taman = site.dir().resolve("content/kota/taman.md");
    Files.writeString(taman, Files.readString(taman).replace("tags: [taman]", "tags: [taman"));
    assertEquals(List.of(), warm.refresh(List.of(taman)));
    assertTrue(heard.problems.stream().anyMatch(p -> p.isError() && p.file().equals("content/kota/taman.md")), heard.problems.toString());
  }

  @Test
  void loadIndexesTheArchiveWithoutRelatedListsAndFailsOnContentErrors() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Heard heard = new Heard();
    assertEquals(2, site.site().listener(heard).load().entries().size());
    assertEquals(List.of("load", "index"), heard.stages, "no related index is built for a tool that only loads");

    Path taman = site.dir().resolve("content/kota/taman.md");
    Files.writeString(taman, Files.readString(taman).replace("title: Taman Kota Ditanami Seribu Pohon\n", ""));
    BuildException e = assertThrows(BuildException.class, () -> site.site().load());
    assertTrue(e.errors().stream().anyMatch(p -> p.file().equals("content/kota/taman.md")), e.getMessage());
  }
}
