package dev.warta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own pieces; the timed builds themselves run only from the command line. */
class BenchmarkTest {

  @Test
  void optionsHaveDefaultsAndTakeJvmArguments() {
    Benchmark.Options o = Benchmark.Options.parse(
        new String[] {"10_000", "--runs", "3", "--xmx", "2g", "--jvm", " -XX:+UseSerialGC  -Xss1m", "--threads", "1"});
    assertEquals(10_000, o.n());
    assertEquals(3, o.runs());
    assertEquals(42, o.seed());
    assertEquals(1, o.threads());
    assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC", "-Xss1m"), o.jvmArgs());
    assertTrue(o.incremental());

    Benchmark.Options d = Benchmark.Options.parse(new String[] {"500"});
    assertEquals(5, d.runs());
    assertEquals(0, d.threads());
    assertEquals(List.of(), d.jvmArgs());
  }

  @Test
  void badOptionsExplainThemselves() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Benchmark.Options.parse(new String[] {"100", "--runs"}));
    assertTrue(e.getMessage().startsWith("--runs needs a value\nusage: Benchmark N"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse(new String[] {"0"}));
    assertThrows(IllegalArgumentException.class, () -> Benchmark.Options.parse(new String[] {"10", "--fast"}));
  }

  @Test
  void theSentenceGoesAtTheEndOfTheBodyInTheArticlesLanguage() {
    assertEquals("---\nlang: en\n---\nLast words. This article was updated to measure an incremental build.\n",
        Benchmark.appendSentence("---\nlang: en\n---\nLast words.\n"));
    assertTrue(Benchmark.appendSentence("---\nlang: id\n---\nKata.\n\n")
        .endsWith("Kata. Artikel ini diperbarui untuk mengukur pembangunan bertahap.\n"));
  }

  @Test
  void theCorpusIsWrittenOnceAndTheEditedArticleIsTheSameEachTime(@TempDir Path dir) throws IOException {
    Path site = dir.resolve("site-40-7");
    Benchmark.ensureCorpus(site, 40, 7);
    Path marker = dir.resolve("site-40-7.complete");
    assertEquals("n=40 seed=7 files=41\n", Files.readString(marker));
    Path middle = Benchmark.middleArticle(site);
    long written = Files.getLastModifiedTime(middle).toMillis();

    Benchmark.ensureCorpus(site, 40, 7); // reused: nothing rewritten
    assertEquals(written, Files.getLastModifiedTime(middle).toMillis());
    assertEquals(middle, Benchmark.middleArticle(site));

    Files.delete(middle); // an incomplete archive is written again
    Benchmark.ensureCorpus(site, 40, 7);
    assertTrue(Files.isRegularFile(middle));

    Files.delete(marker); // so is one whose marker is missing
    Benchmark.ensureCorpus(site, 40, 7);
    assertTrue(Files.isRegularFile(marker));
    assertFalse(Files.exists(site.resolve("public")));
  }
}
