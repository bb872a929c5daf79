package dev.warta.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of the JVM a forked build runs in, chosen from the size of the archive and the
 * machine rather than left to the JVM's defaults, which suit a long-running server: the
 * optimising compiler on every core and a heap of a quarter of the machine's memory. Measured
 * with {@code Compare} (README, "Benchmark"):
 *
 * <ul>
 *   <li><b>Compiler.</b> A build of a few seconds ends before the optimising compiler (C2) earns
 *       back the CPU it takes from the build's own threads, most of all on a machine with few
 *       cores; the first tier (C1) alone is faster until the archive is large ({@link
 *       #OPTIMISE_FROM} articles per core pair), where the longer render stage pays for C2.
 *   <li><b>Collector.</b> The parallel collector: the build makes much short-lived garbage and
 *       keeps little, which a throughput collector handles with the least CPU.
 *   <li><b>Heap.</b> Sized from the number of article files: what a build keeps per article, with a
 *       margin, plus a base for the theme, the libraries and the pages in flight; never more than
 *       half of the machine's memory. A cap makes the collector work before the heap grows far
 *       past what the build needs, which is what peak memory mostly is.
 * </ul>
 */
record JvmChoice(List<String> options) {

  /** From this many articles per two cores, the optimising compiler pays off. */
  static final int OPTIMISE_FROM = 50_000;

  /** Heap for everything but the articles, in MiB. */
  static final long BASE_HEAP_MB = 256;

  /**
   * Heap per article, in KiB: 100,000 articles of about 620 words built within 2 GiB, 10,000 within
   * 512 MiB (README, "Results").
   */
  static final long HEAP_PER_ARTICLE_KB = 18;

  JvmChoice {
    options = List.copyOf(options);
  }

  /** The heap option chosen, e.g. {@code -Xmx646m}. */
  String heap() {
    return options.stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElse("the JVM's default heap");
  }

  /** The options for {@code articles} article files on a machine of {@code cores} and {@code memoryBytes}. */
  static JvmChoice of(int articles, int cores, long memoryBytes) {
    List<String> options = new ArrayList<>();
    if (articles < OPTIMISE_FROM * Math.max(1, cores / 2)) {
      options.add("-XX:TieredStopAtLevel=1");
    }
    options.add("-XX:+UseParallelGC");
    long heapMb = BASE_HEAP_MB + articles * HEAP_PER_ARTICLE_KB / 1024;
    if (memoryBytes > 0) {
      heapMb = Math.min(heapMb, Math.max(BASE_HEAP_MB, memoryBytes / 2 / (1024 * 1024)));
    }
    options.add("-Xmx" + heapMb + "m");
    return new JvmChoice(options);
  }

  /**
   * Heap for an import, in MiB, besides a quarter of the exports' size: an import streams the
   * posts, keeping per post only what links and aliases need, so its memory grows slowly with the
   * export (100,000 posts, 540 MB of export, converted within 512 MiB: README, "Import benchmark").
   */
  static final long IMPORT_BASE_HEAP_MB = 512;

  /**
   * From this many bytes of export per two cores, the optimising compiler pays off in an import.
   * Measured through the plugin on 2 cores: 10,000 posts (54 MB) in 15.8 s with the first tier
   * alone against 18.5 s with both; 100,000 posts (540 MB) in 168 s against 60 s. The step lies
   * between; it is set low, since a large import loses far more to the quick tier than a small one
   * gains from it.
   */
  static final long IMPORT_OPTIMISE_FROM = 96L << 20;

  /** The options for importing exports of {@code exportBytes} in all on a machine of {@code cores} and {@code memoryBytes}. */
  static JvmChoice forImport(long exportBytes, int cores, long memoryBytes) {
    List<String> options = new ArrayList<>();
    if (exportBytes < IMPORT_OPTIMISE_FROM * Math.max(1, cores / 2)) {
      options.add("-XX:TieredStopAtLevel=1");
    }
    options.add("-XX:+UseParallelGC");
    long heapMb = IMPORT_BASE_HEAP_MB + exportBytes / 4 / (1024 * 1024);
    if (memoryBytes > 0) {
      heapMb = Math.min(heapMb, Math.max(BASE_HEAP_MB, memoryBytes / 2 / (1024 * 1024)));
    }
    options.add("-Xmx" + heapMb + "m");
    return new JvmChoice(options);
  }
}
