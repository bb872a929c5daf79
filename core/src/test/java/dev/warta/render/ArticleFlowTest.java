package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.BuildListener;
import dev.warta.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article flows once: its file is read by the load, and every later stage (pages, lists, feeds
 * with full content) works from what the load kept. Checked by taking the content folder away as
 * rendering starts: a stage that read an article file again would fail the build.
 */
class ArticleFlowTest {
  @TempDir Path dir;

  private static final String SITE =
      """
      -- warta.yml --
      title: Kabar Kota
      baseUrl: https://kabar.example/
      feeds:
        fullContent: true
      related:
        report: true
      """
          + SitePagesTest.article("content/ekonomi/cabai.md", "Harga Cabai Naik", "2023-09-05T08:30:00+07:00", "tags: [pangan]\n",
              "Harga cabai rawit naik tajam.\n\nBaca juga: Inflasi Pangan Mulai Terkendali\n\nLihat [inflasi](inflasi.md).")
          + SitePagesTest.article("content/ekonomi/inflasi.md", "Inflasi Pangan Mulai Terkendali", "2023-09-01T10:00:00+07:00",
              "tags: [pangan]\n", "Inflasi pangan turun.\n\nHarga cabai ikut turun.")
          + SitePagesTest.article("content/nasional/banjir.md", "Banjir di Semarang", "2024-01-02T06:00:00+07:00", "",
              "Air naik setinggi lutut.");

  @Test
  void afterTheLoadNoStageReadsAnArticleFileAgain() throws IOException {
    TestSite reference = TestSite.of(dir.resolve("reference"), SITE);
    reference.build();

    TestSite site = TestSite.of(dir.resolve("flowing"), SITE);
    Path content = site.dir().resolve("content");
    Path away = site.dir().resolve("content-away");
    site.site().listener(new BuildListener() {
      @Override
      public void stageStarted(String stage) {
        if (stage.equals("render")) {
          try {
            Files.move(content, away);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }).build();

    assertTrue(Files.isDirectory(away), "the content folder was taken away during the build");
    assertEquals(IncrementalBuildTest.snapshot(reference.output()), IncrementalBuildTest.snapshot(site.output()));
  }
}
