package dev.warta.bench;

import dev.warta.search.SearchDocument;
import dev.warta.search.SearchIndex;
import dev.warta.search.StaticSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the search index costs and what a reader downloads: {@code SearchBenchmark N [--runs R]
 * [--seed S] [--dir DIR] [--xmx SIZE] [--no-builds]}; {@code --no-builds} makes one build for the
 * queries and times none.
 *
 * <p>On {@link Benchmark}'s synthetic archive of N articles: (1) R pairs of cold builds, each in a
 * new JVM, with {@code search: false} then {@code search: true}, reporting the median build time,
 * search stage time, peak heap and peak RSS of each and the added share; (2) on the last output,
 * cold queries of one and two words, each with an empty cache as the browser client runs them
 * (see {@link StaticSearch}): files, round trips, bytes raw and gzipped, with the client script
 * and the manifest counted; (3) the manifest's size. Results are noisy on a shared machine.
 */
public final class SearchBenchmark {
  private SearchBenchmark() {}

  /** Cold queries: common and rare words, one and two at a time, Indonesian and English. */
  static final List<String[]> QUERIES = List.of(
      new String[] {"id", "pemerintah"}, new String[] {"id", "rudal"}, new String[] {"id", "nuklir rudal"},
      new String[] {"id", "pemerintah harga"}, new String[] {"id", "pembangunan"}, new String[] {"en", "government"},
      new String[] {"en", "missile nuclear"});

  public static void main(String[] args) throws Exception {
    int n = Benchmark.positive(args.length > 0 ? args[0] : "", "N", "usage: SearchBenchmark N [--runs R] [--seed S] [--dir DIR] [--xmx SIZE] [--no-builds]");
    int runs = 3;
    long seed = 42;
    Path dir = Path.of("core/target/bench");
    List<String> jvm = new ArrayList<>();
    boolean builds = true;
    boolean indexOnly = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--xmx" -> jvm.add("-Xmx" + args[++i]);
        case "--no-builds" -> builds = false;
        case "--index-only" -> indexOnly = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (indexOnly) {
      indexOnly(n, seed, dir);
      return;
    }
    Path site = dir.resolve("site-" + n + "-" + seed);
    Path out = dir.resolve("search-out-" + n);
    Path stderr = dir.resolve("search-out-" + n + ".stderr.log");
    Benchmark.ensureCorpus(site, n, seed);
    System.out.printf(Locale.ROOT, "Search benchmark: %,d articles (seed %d), %d cores, load average %s, commit %s%n", n, seed,
        Runtime.getRuntime().availableProcessors(), Benchmark.loadAverage(), Benchmark.commit());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("articles", n);
    if (!builds) {
      // one build for the queries, in a child JVM as a user's; untimed
      List<Path> aside = new ArrayList<>(Benchmark.leftAside(out));
      Benchmark.moveAside(out, aside);
      Benchmark.moveAside(BuildOnce.cacheOf(out), aside);
      Benchmark.build("search=true", Benchmark.javaCommand(jvm, BuildOnce.class, site.toString(), out.toString(), "0",
          Benchmark.BUILD_TIME.toString(), "search=true"), stderr);
      for (Path p : aside) {
        Benchmark.deleteTree(p);
      }
    } else {
      List<Path> aside = new ArrayList<>(Benchmark.leftAside(out));
      Map<Boolean, List<Benchmark.Run>> byMode = new LinkedHashMap<>();
      for (int r = 1; r <= runs; r++) {
        for (boolean search : new boolean[] {false, true}) {
          Benchmark.moveAside(out, aside);
          Benchmark.moveAside(BuildOnce.cacheOf(out), aside);
          List<String> command = Benchmark.javaCommand(jvm, BuildOnce.class, site.toString(), out.toString(), "0",
              Benchmark.BUILD_TIME.toString(), "search=" + search);
          Benchmark.Run run = Benchmark.build("search=" + search + " " + r, command, stderr);
          byMode.computeIfAbsent(search, k -> new ArrayList<>()).add(run);
          System.out.printf(Locale.ROOT, "  run %d search=%-5s build %,7d ms  CPU %,7d ms  search stage %,6d ms  heap peak %,6d MB  RSS peak %,6d MB%n", r, search,
              run.get("buildMs"), run.values().getOrDefault("cpuMs", -1L), run.values().getOrDefault("stage.search", 0L), run.get("heapPeakBytes") >> 20, run.get("rssPeakKb") >> 10);
        }
      }
      for (Path p : aside) {
        Benchmark.deleteTree(p);
      }
      for (String key : List.of("buildMs", "cpuMs", "heapPeakBytes", "rssPeakKb")) {
        long off = median(byMode.get(false), key);
        long on = median(byMode.get(true), key);
        System.out.printf(Locale.ROOT, "median %-14s off %,14d  on %,14d  added %+.1f %%%n", key, off, on, 100.0 * (on - off) / off);
        summary.put(key + ".off", off);
        summary.put(key + ".on", on);
      }
      summary.put("stage.search.ms", median(byMode.get(true), "stage.search"));
    }
    queries(out, summary);
  }

  /** The manifests, the index's size and the cold queries on the index in {@code out}; prints the summary. */
  static void queries(Path out, Map<String, Object> summary) throws IOException {
    byte[] client = Files.readAllBytes(Path.of("core/src/main/resources/dev/warta/search/search.js"));
    int clientGzip = StaticSearch.gzip(client);
    System.out.printf(Locale.ROOT, "client search.js: %,d bytes, %,d gzip%n", client.length, clientGzip);
    for (String lang : List.of("id", "en")) {
      byte[] manifest = Files.readAllBytes(out.resolve("search/" + lang + "/manifest.json"));
      System.out.printf(Locale.ROOT, "manifest %s: %,d bytes, %,d gzip%n", lang, manifest.length, StaticSearch.gzip(manifest));
      summary.put("manifest." + lang + ".gzip", StaticSearch.gzip(manifest));
    }
    try (Stream<Path> files = Files.walk(out.resolve("search"))) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      long bytes = 0;
      for (Path f : all) {
        bytes += Files.size(f);
      }
      System.out.printf(Locale.ROOT, "index: %,d files, %,d bytes%n", all.size(), bytes);
      summary.put("index.files", all.size());
      summary.put("index.bytes", bytes);
    }
    System.out.println("cold query (10 results)            results  trips  files   raw bytes  gzip bytes (+ client)");
    List<Object> queries = new ArrayList<>();
    for (String[] q : QUERIES) {
      StaticSearch search = new StaticSearch(out);
      int found = search.search(q[0], q[1], 10).size();
      int trips = search.fetches().stream().mapToInt(StaticSearch.Fetch::trip).max().orElse(0); // the script loads with the manifest
      int raw = search.fetches().stream().mapToInt(StaticSearch.Fetch::raw).sum();
      int gzip = search.fetches().stream().mapToInt(StaticSearch.Fetch::gzip).sum();
      System.out.printf(Locale.ROOT, "  %-3s %-28s %7d %6d %6d %11d %11d  %,d%n", q[0], q[1], found, trips, search.fetches().size(),
          raw, gzip, gzip + clientGzip);
      queries.add(Map.of("lang", q[0], "query", q[1], "results", found, "trips", trips, "gzip", gzip + clientGzip));
    }
    System.out.println("trips: (1) the client script and the manifest, which the page preloads; (2) vocabulary; (3) postings;"
        + " (4) metadata. gzip bytes: the index files fetched; + client: with search.js");
    summary.put("queries", queries);
    System.out.println(dev.warta.internal.Json.write(summary));
  }

  /**
   * The index alone, in this JVM, from the generated articles in memory: no site is written or
   * built, so the bytes of cold queries can be measured at sizes a shared machine cannot build in
   * reasonable time. URLs and ledes are made as the build makes them (permalink, first paragraph).
   */
  private static void indexOnly(int n, long seed, Path dir) throws IOException {
    long start = System.nanoTime();
    SearchIndex.Builder builder = SearchIndex.builder();
    List<SearchDocument> docs = java.util.Collections.synchronizedList(new ArrayList<>());
    new CorpusGenerator().stream(n, seed).parallel().forEach(a -> {
      builder.put(a.relativePath(), a.lang(), a.title(), a.body());
      String slug = a.relativePath().substring(a.relativePath().lastIndexOf('/') + 1).replace(".md", "");
      String lede = a.body().strip().split("\\n\\s*\\n", 2)[0];
      docs.add(new SearchDocument(a.relativePath(), String.format(Locale.ROOT, "/%04d/%02d/%s/", a.date().getYear(), a.date().getMonthValue(), slug),
          a.title(), a.date().toLocalDate(), a.section(), lede));
    });
    long analysed = System.nanoTime();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    Map<String, byte[]> files = builder.files(docs);
    long done = System.nanoTime();
    System.out.printf(Locale.ROOT, "files made in %,d ms of CPU (one thread)%n", (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
    Path out = dir.resolve("search-index-" + n + "-" + seed);
    Benchmark.deleteTree(out);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path file = out.resolve(f.getKey().substring(1));
      Files.createDirectories(file.getParent());
      Files.write(file, f.getValue());
    }
    System.out.printf(Locale.ROOT, "index only: %,d articles analysed in %,d ms, files made in %,d ms (this JVM, %d cores, load %s)%n", n,
        (analysed - start) / 1_000_000, (done - analysed) / 1_000_000, Runtime.getRuntime().availableProcessors(), Benchmark.loadAverage());
    queries(out, new LinkedHashMap<>());
  }

  private static long median(List<Benchmark.Run> runs, String key) {
    long[] v = runs.stream().mapToLong(r -> r.values().getOrDefault(key, 0L)).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
