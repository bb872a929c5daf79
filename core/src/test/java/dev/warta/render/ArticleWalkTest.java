package dev.warta.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.TestSite;
import dev.warta.internal.WorkCounts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article's walk from its file to its page, counted: a cold build of three articles, with feeds
 * that carry each article whole, reads each file once, splits its front matter once and parses its
 * body with flexmark once (for its page and its feed items alike). Only a first paragraph that is
 * not plain prose is parsed on its own for the summary.
 */
class ArticleWalkTest {
  @TempDir Path dir;

  private static final String SITE =
      """
      -- warta.yml --
      title: Kabar Kota
      baseUrl: https://kabar.example/
      feeds:
        fullContent: true
      """
          // a first paragraph with emphasis: its summary needs flexmark
          + SitePagesTest.article("content/ekonomi/cabai.md", "Harga Cabai Naik", "2023-09-05T08:30:00+07:00", "tags: [pangan]\n",
              "Harga cabai *rawit* naik tajam.\n\nBaca juga: Inflasi Pangan Mulai Terkendali\n\nLihat [inflasi](inflasi.md).")
          // plain prose: its summary is the paragraph as written
          + SitePagesTest.article("content/ekonomi/inflasi.md", "Inflasi Pangan Mulai Terkendali", "2023-09-01T10:00:00+07:00",
              "tags: [pangan]\n", "Inflasi pangan turun.\n\nHarga cabai ikut **turun**.")
          // a summary in the front matter
          + SitePagesTest.article("content/nasional/banjir.md", "Banjir di Semarang", "2024-01-02T06:00:00+07:00",
              "summary: Air naik di Semarang.\n", "Air naik setinggi *lutut*.");

  @Test
  void eachArticleIsReadSplitAndParsedOnce() {
    TestSite site = TestSite.of(dir, SITE);
    WorkCounts.Counts before = WorkCounts.now();
    site.build();
    WorkCounts.Counts walk = WorkCounts.now().since(before);

    // each file is looked at once, by the listing: reading takes its size from there
    assertEquals(new WorkCounts.Counts(3, 3, 3, 3, 1, 3, walk.keys()), walk);
    // the feeds carry the bodies the pages show
    assertTrue(site.text("feed.xml").contains("naik tajam"), site.text("feed.xml"));
    assertTrue(site.text("ekonomi/feed.xml").contains("ikut &lt;strong&gt;turun&lt;/strong&gt;"), site.text("ekonomi/feed.xml"));
  }

  @Test
  void aCheckRendersEveryPageButMakesNoKeyForANextBuild() {
    TestSite site = TestSite.of(dir, SITE);
    WorkCounts.Counts before = WorkCounts.now();
    dev.warta.BuildResult checked = site.site().check();
    WorkCounts.Counts check = WorkCounts.now().since(before);
    before = WorkCounts.now();
    site.build();
    WorkCounts.Counts build = WorkCounts.now().since(before);

    assertEquals(new WorkCounts.Counts(3, 3, 3, 3, 1, 3, 0), check);
    // a build makes one key per page and one per body: the same pages, the same bodies
    assertEquals(checked.pagesRendered() + 3, build.keys(), build.toString());
  }

  @Test
  void aNoChangeRebuildInANewProcessKeepsNoBodyForRendering(@TempDir Path cache) {
    TestSite site = TestSite.of(dir, SITE.replace("fullContent: true", "fullContent: false"));
    site.site().cache(cache).build();
    // a file beside the articles, so that this is not a build with nothing changed at all
    site.write("-- static/catatan.txt --\nredaksi\n");
    WorkCounts.Counts before = WorkCounts.now();
    // a new Site, as a new process has: it knows the last build from the cache folder only
    dev.warta.BuildResult again = site.site().cache(cache).build();
    WorkCounts.Counts walk = WorkCounts.now().since(before);

    // the front matter is read again, but no body is parsed, nor kept until rendering: the cache
    // says each was rendered from a file of the same size and time
    assertEquals(new WorkCounts.Counts(3, 3, 3, 0, 0, 0, walk.keys()), walk);
    assertEquals(0, again.pagesRendered());
  }

  @Test
  void aRebuildWithNothingChangedLooksAtNoArticle(@TempDir Path cache) {
    TestSite site = TestSite.of(dir, SITE);
    site.site().cache(cache).build();
    WorkCounts.Counts before = WorkCounts.now();
    dev.warta.BuildResult again = site.site().cache(cache).build();
    assertEquals(new WorkCounts.Counts(0, 0, 0, 0, 0, 0, 0), WorkCounts.now().since(before), again.summary());
    assertEquals(0, again.pagesWritten());
  }

  @Test
  void aWarmRebuildLooksAtEachFileOnceAndReadsNone() {
    // feeds of summaries: a feed of whole bodies renders its newest articles' bodies in every build
    TestSite site = TestSite.of(dir, SITE.replace("fullContent: true", "fullContent: false"));
    dev.warta.Site warm = site.site().warm();
    warm.build();
    WorkCounts.Counts before = WorkCounts.now();
    dev.warta.BuildResult again = warm.build();
    WorkCounts.Counts walk = WorkCounts.now().since(before);

    // the listing looks at each file; rendering takes the size and time it found, and nothing is read
    assertEquals(new WorkCounts.Counts(3, 0, 0, 0, 0, 0, walk.keys()), walk);
    assertEquals(0, again.pagesRendered());
  }
}
