package dev.warta.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildResult;
import dev.warta.TestSite;
import dev.warta.Warta;
import dev.warta.archive.Archive;
import dev.warta.shared.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild in which nothing changed reads and renders nothing; anything a build reads, the
 * output it left, or the clock reaching a page's next change makes it a full build again.
 */
class UnchangedRebuildTest {
  @TempDir Path dir;

  private static final String SITE = """
      -- warta.yml --
      title: Kabar Pesisir
      baseUrl: https://pesisir.example.id/
      -- content/laut/nelayan.md --
      ---
      title: Nelayan kembali melaut setelah badai reda
      date: 2025-06-29T06:00:00+07:00
      tags: [nelayan, cuaca]
      ---
      Ratusan perahu meninggalkan dermaga sejak subuh setelah tiga hari tertahan angin kencang.

      Harga ikan di pelelangan diperkirakan turun pekan depan.
      -- content/laut/mangrove.md --
      ---
      title: Pelajar menanam seribu bibit mangrove
      date: 2025-05-02T09:00:00+07:00
      updated: 2025-05-01T09:00:00+07:00
      tags: [mangrove]
      ---
      Siswa dari empat sekolah menanam bibit di pesisir utara yang terkikis abrasi.
      """;

  private BuildResult build(TestSite site) {
    return site.build();
  }

  @Test
  void aRebuildWithNothingChangedReadsNothingAndReportsTheSameWarnings() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    BuildResult first = build(site);
    assertTrue(first.stageMillis().containsKey("load"));
    assertEquals(1, first.warnings().size(), "the update before the publication: " + first.warnings());
    byte[] page = Files.readAllBytes(site.output().resolve("index.html"));

    BuildResult again = build(site);
    assertEquals(List.of("unchanged"), List.copyOf(again.stageMillis().keySet()), again.summary());
    assertEquals(0, again.pagesWritten());
    assertEquals(0, again.pagesRendered());
    assertEquals(first.pagesWritten() + first.pagesUnchanged(), again.pagesUnchanged());
    assertEquals(first.articles(), again.articles());
    assertEquals(first.warnings(), again.warnings(), "a build reports every warning, every time");
    assertArrayEquals(page, Files.readAllBytes(site.output().resolve("index.html")));
  }

  @Test
  void anEditedArticleATemplateOrASettingMakesAFullBuild() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    build(site);
    Path article = site.dir().resolve("content/laut/mangrove.md");
    Files.writeString(article, Files.readString(article) + "\nBibit disumbang dinas kehutanan.\n");
    BuildResult edited = build(site);
    assertTrue(edited.stageMillis().containsKey("load"), edited.summary());
    assertTrue(site.text("2025/05/pelajar-menanam-seribu-bibit-mangrove/index.html").contains("dinas kehutanan"));
    assertFalse(build(site).stageMillis().containsKey("load"), "then unchanged again");

    // the same bytes, written again: only its time changed, and that is enough to look again
    Files.setLastModifiedTime(article, FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
    assertTrue(build(site).stageMillis().containsKey("load"));

    site.write("""
        -- templates/partials/footer.ftlh --
        <footer>Redaksi Kabar Pesisir</footer>
        """);
    assertTrue(build(site).stageMillis().containsKey("load"), "a template of the site");
    assertTrue(site.site().set("title", "Kabar Pesisir Utara").build().stageMillis().containsKey("load"), "a setting from outside");
    assertTrue(site.site().set("title", "Kabar Pesisir Utara").build().stageMillis().containsKey("unchanged"));
    assertTrue(build(site).stageMillis().containsKey("load"), "the setting taken away again");
  }

  @Test
  void anOutputTouchedSinceMakesAFullBuildThatRepairsIt() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    build(site);
    Path home = site.output().resolve("index.html");
    byte[] page = Files.readAllBytes(home);
    Files.delete(site.output().resolve("tag/index.html"));
    Files.writeString(home, "damaged");

    BuildResult repaired = build(site);
    assertTrue(repaired.stageMillis().containsKey("load"), repaired.summary());
    assertArrayEquals(page, Files.readAllBytes(home));
    assertTrue(site.has("tag/index.html"));
  }

  @Test
  void anotherOutputFolderIsAFullBuild() {
    TestSite site = TestSite.of(dir, SITE);
    build(site);
    BuildResult elsewhere = site.site().output(dir.resolve("elsewhere")).build();
    assertTrue(elsewhere.stageMillis().containsKey("load"));
    assertTrue(Files.isRegularFile(dir.resolve("elsewhere/index.html")));
  }

  @Test
  void pagesHoldUntilAFutureArticleFallsDueAnArticleLeavesTheNewsSitemapOrTheYearTurns() {
    TestSite site = TestSite.of(dir, SITE + """
        -- content/laut/festival.md --
        ---
        title: Festival perahu hias digelar bulan depan
        date: 2025-07-20T19:00:00+07:00
        ---
        Panitia mengundang nelayan dari enam desa.
        """);
    Instant now = Instant.parse("2025-06-30T05:00:00Z");
    SiteConfig config = Warta.site(site.dir()).buildTime(now).config();
    Archive archive = Warta.site(site.dir()).buildTime(now).load();
    Instant due = Instant.parse("2025-07-20T12:00:00Z");
    // the news sitemap holds the fishermen's story (published 2025-06-28T23:00Z) for 48 hours
    assertEquals(Instant.parse("2025-06-30T23:00:00Z").toEpochMilli(), Unchanged.validUntil(config, archive, Optional.of(due)),
        "the news sitemap's window closes first");
    SiteConfig later = Warta.site(site.dir()).buildTime(Instant.parse("2025-07-02T00:00:00Z")).config();
    Archive laterArchive = Warta.site(site.dir()).buildTime(Instant.parse("2025-07-02T00:00:00Z")).load();
    assertEquals(due.toEpochMilli(), Unchanged.validUntil(later, laterArchive, Optional.of(due)), "then the future article");
    SiteConfig december = Warta.site(site.dir()).buildTime(Instant.parse("2025-12-30T00:00:00Z")).config();
    Archive decemberArchive = Warta.site(site.dir()).buildTime(Instant.parse("2025-12-30T00:00:00Z")).load();
    assertEquals(Instant.parse("2025-12-31T17:00:00Z").toEpochMilli(), Unchanged.validUntil(december, decemberArchive, Optional.empty()),
        "the new year in the site's zone (Asia/Jakarta by default) changes the footer");
  }

  @Test
  void theRecordIsTakenOnlyForItsOwnSourcesTimeAndOutput() {
    Unchanged.Last last = new Unchanged.Last(new byte[] {1, 2}, "b7", 1_000, 2_000, new byte[] {3}, 2, 30, List.of());
    assertTrue(last.holdsFor(new byte[] {1, 2}, 1_000, "b7"));
    assertTrue(last.holdsFor(new byte[] {1, 2}, 1_999, "b7"));
    assertFalse(last.holdsFor(new byte[] {1, 2}, 2_000, "b7"), "the first change by the clock");
    assertFalse(last.holdsFor(new byte[] {1, 2}, 999, "b7"), "a clock set back");
    assertFalse(last.holdsFor(new byte[] {1, 3}, 1_500, "b7"));
    assertFalse(last.holdsFor(new byte[] {1, 2}, 1_500, "b8"), "an output another build wrote");
  }
}
