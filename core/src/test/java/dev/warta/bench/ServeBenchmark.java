package dev.warta.bench;

import dev.warta.BuildResult;
import dev.warta.Site;
import dev.warta.Warta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times what {@code warta:serve} does after an edit: one JVM keeps a {@link Site#warm() warm} site,
 * builds it once, then R times edits the first paragraph of one article (or puts it back), shows
 * it again with {@link Site#refresh} (the time until the browser shows the edit on the article's
 * page and on the pages that show it), and builds in full (the time until every page, related
 * lists included, is exact again).
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.ServeBenchmark -Dexec.args="10000 --runs 6"
 * </pre>
 *
 * <p>The archive is {@link Benchmark}'s ({@code core/target/bench/site-N-42}); the output goes to
 * {@code core/target/bench/serve-N}. Run it with {@code MAVEN_OPTS=-Xmx2g} to cap the heap.
 */
public final class ServeBenchmark {
  private ServeBenchmark() {}

  /** Runs the benchmark: {@code N [--runs R]}. */
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    int runs = args.length > 2 && args[1].equals("--runs") ? Integer.parseInt(args[2]) : 6;
    Path dir = Benchmark.defaultDir();
    Path site = dir.resolve("site-" + n + "-42");
    Benchmark.ensureCorpus(site, n, 42);
    Path out = dir.resolve("serve-" + n);
    Benchmark.deleteTree(out);
    Benchmark.deleteTree(BuildOnce.cacheOf(out));
    Site warm = Warta.site(site).output(out).buildTime(Instant.parse("2026-01-01T00:00:00Z")).cache(BuildOnce.cacheOf(out)).warm();

    long start = System.nanoTime();
    BuildResult first = warm.build();
    System.out.printf(Locale.ROOT, "first build: %.2f s, %s%n", (System.nanoTime() - start) / 1e9, first.summary());

    Path file = Benchmark.middleArticle(site);
    byte[] original = Files.readAllBytes(file);
    List<Long> times = new ArrayList<>();
    List<Long> refreshes = new ArrayList<>();
    try {
      for (int r = 1; r <= runs; r++) {
        boolean edit = r % 2 == 1;
        Files.write(file, edit ? ledeEdit(new String(original, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : original);
        start = System.nanoTime();
        List<String> shown = warm.refresh(List.of(file));
        long refreshMs = (System.nanoTime() - start) / 1_000_000;
        refreshes.add(refreshMs);
        start = System.nanoTime();
        BuildResult result = warm.build();
        long ms = (System.nanoTime() - start) / 1_000_000;
        times.add(ms);
        System.out.printf(Locale.ROOT, "run %d (%s): shown again in %.3f s (%d pages: %s), full rebuild %.2f s, %s%n", r, edit ? "edited" : "put back",
            refreshMs / 1000.0, shown.size(), shown.size() > 4 ? String.join(", ", shown.subList(0, 4)) + ", …" : String.join(", ", shown), ms / 1000.0, result.summary());
      }
    } finally {
      Files.write(file, original);
    }
    System.out.println("edited " + site.relativize(file));
    report("edit shown again (its page and the pages that show it)", refreshes, runs);
    report("full rebuild after it", times, runs);
  }

  /**
   * The article with a sentence put first in its body: the edit that shows most widely, as it
   * changes the summary that lists and related sections show, and the text the related index
   * ranks by.
   */
  public static String ledeEdit(String article) {
    int body = article.indexOf("\n---\n", 4) + 5;
    String sentence = article.contains("\nlang: en\n") ? "This story was updated this morning." : "Berita ini diperbarui pagi ini.";
    return article.substring(0, body) + sentence + " " + article.substring(body);
  }

  private static void report(String what, List<Long> times, int runs) {
    List<Long> sorted = times.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "%s, %d runs: median %.3f s, min %.3f s, max %.3f s%n", what, runs,
        sorted.get(sorted.size() / 2) / 1000.0, sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
  }
}
