package dev.warta.bench;

import dev.warta.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Times whole builds of a synthetic archive as a user would see them: each build in a fresh JVM,
 * so start-up, class loading and JIT warm-up are counted.
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.Benchmark -Dexec.args="10000 --runs 5"
 * </pre>
 *
 * <p>Steps:
 *
 * <ol>
 *   <li>The archive of N articles is written once by {@link CorpusGenerator} into {@code
 *       target/bench/site-N-SEED} and reused while its marker file, written last, says it is
 *       complete and the number of files still matches.
 *   <li>R cold builds: the output folder {@code target/bench/out-N} and its build cache {@code
 *       out-N.cache} are moved aside (and deleted at the end), then {@link
 *       BuildOnce} runs in a child {@code java} with the classpath of this process. Wall time is
 *       taken here, from just before the child is started to its exit.
 *   <li>A build with nothing changed, over the last cold build's output: it must write no file.
 *   <li>One article edited (a sentence appended to the middle file in path order) and built again;
 *       the file is then put back byte for byte, so the archive stays reusable.
 * </ol>
 *
 * <p>Prints a table, then a one-line JSON summary as the last line. The build time is fixed, so
 * the output depends on nothing but the archive and the code.
 */
public final class Benchmark {

  private static final String USAGE =
      """
      usage: Benchmark N [options]
        --runs R         cold builds to time (default 5)
        --seed S         corpus seed (default 42)
        --threads T      build threads (default: the library's, one per core)
        --xmx SIZE       child heap limit, e.g. 2g (default: the JVM's)
        --jvm ARGS       more child JVM options, split at spaces (repeatable)
        --dir DIR        work folder (default core/target/bench)
        --no-incremental skip the unchanged and one-edit rebuilds
        --verbose        print the child command line""";

  /** Fixed "now" for every build: after the last generated article, so none is in the future. */
  static final Instant BUILD_TIME = Instant.parse("2026-01-01T00:00:00Z");

  private static final String MARKER_SUFFIX = ".complete";

  private Benchmark() {}

  /** The command-line options. */
  record Options(
      int n, int runs, long seed, int threads, List<String> jvmArgs, Path dir, boolean incremental,
      boolean verbose) {

    static Options parse(String[] args) {
      if (args.length == 0) {
        throw new IllegalArgumentException(USAGE);
      }
      int n = positive(args[0], "N", USAGE);
      int runs = 5;
      long seed = 42;
      int threads = 0;
      List<String> jvm = new ArrayList<>();
      Path dir = defaultDir();
      boolean incremental = true;
      boolean verbose = false;
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--runs" -> runs = positive(value(args, ++i, a, USAGE), a, USAGE);
          case "--seed" -> seed = Long.parseLong(value(args, ++i, a, USAGE));
          case "--threads" -> threads = positive(value(args, ++i, a, USAGE), a, USAGE);
          case "--xmx" -> jvm.add("-Xmx" + value(args, ++i, a, USAGE));
          case "--jvm" -> jvm.addAll(jvmOptions(value(args, ++i, a, USAGE)));
          case "--dir" -> dir = Path.of(value(args, ++i, a, USAGE));
          case "--no-incremental" -> incremental = false;
          case "--verbose" -> verbose = true;
          default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
        }
      }
      return new Options(n, runs, seed, threads, List.copyOf(jvm), dir.toAbsolutePath().normalize(), incremental,
          verbose);
    }
  }

  /** The value after an option, or an error naming the option, with {@code usage}. */
  static String value(String[] args, int i, String option, String usage) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + usage);
    }
    return args[i];
  }

  /** A whole number of at least 1 (written with {@code _} or {@code ,} if wished), or an error, with {@code usage}. */
  static int positive(String s, String what, String usage) {
    try {
      int v = Integer.parseInt(s.replace("_", "").replace(",", ""));
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new IllegalArgumentException(what + " must be a whole number of at least 1, not " + s + "\n" + usage);
  }

  /** JVM options given as one argument, split at spaces. */
  static List<String> jvmOptions(String options) {
    return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
  }

  /** One child build: wall time seen from here, and the child's own numbers in its order. */
  record Run(String label, long wallMs, Map<String, Long> values) {
    long get(String key) {
      return values.getOrDefault(key, -1L);
    }
  }

  /** Runs the benchmark; see the class comment. Failures are thrown, never {@code System.exit}. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path site = o.dir().resolve("site-" + o.n() + "-" + o.seed());
    Path out = o.dir().resolve("out-" + o.n());
    Path stderr = o.dir().resolve("out-" + o.n() + ".stderr.log");
    String loadBefore = loadAverage();
    ensureCorpus(site, o.n(), o.seed());
    List<String> command = childCommand(o, site, out);

    System.out.printf(Locale.ROOT, "Warta benchmark: %,d articles (seed %d), %d cold run%s, threads %s,"
            + " child JVM %s%n", o.n(), o.seed(), o.runs(), o.runs() == 1 ? "" : "s",
        o.threads() > 0 ? o.threads() : "default", o.jvmArgs().isEmpty() ? "defaults" : String.join(" ", o.jvmArgs()));
    System.out.printf(Locale.ROOT, "java %s, %d cores, load average %s, commit %s, %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore,
        commit(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    System.out.println("site " + site);
    System.out.println("out  " + out);
    if (o.verbose()) {
      System.out.println("child " + String.join(" ", command));
    }
    System.out.println();

    List<Run> cold = new ArrayList<>();
    List<String> stages = null;
    // Deleting a tree just before building one slows the build: for a minute or more after a
    // delete, ext4 without a journal skips the freed inodes while looking for free ones, and a cold
    // build creates 23,500 at 10k. Earlier outputs are moved aside instead, and deleted when the
    // timing is over.
    List<Path> aside = new ArrayList<>(leftAside(out));
    for (int r = 1; r <= o.runs(); r++) {
      moveAside(out, aside);
      moveAside(BuildOnce.cacheOf(out), aside);
      Run run = build("cold " + r, command, stderr);
      if (stages == null) {
        stages = run.values().keySet().stream().filter(k -> k.startsWith("stage."))
            .map(k -> k.substring(6)).toList();
        header(stages);
      }
      row(run, stages);
      cold.add(run);
    }
    System.out.println("-".repeat(width(stages)));
    for (String stat : List.of("median", "min", "max")) {
      summaryRow(stat, cold, stages);
    }
    checkCold(cold, o.n());

    Run same = null;
    Run edited = null;
    String editedFile = null;
    if (o.incremental()) {
      System.out.println();
      same = build("unchanged", command, stderr);
      row(same, stages);
      if (same.get("written") != 0) {
        System.out.println("  !! a build with nothing changed wrote " + same.get("written") + " files; it should write none");
      }
      Path file = middleArticle(site);
      editedFile = site.resolve("content").relativize(file).toString().replace('\\', '/');
      byte[] original = Files.readAllBytes(file);
      Path marker = marker(site);
      String markerText = Files.readString(marker, StandardCharsets.UTF_8);
      // without the marker, an edit left behind by a killed run makes the next run regenerate
      Files.delete(marker);
      try {
        Files.write(file, appendSentence(new String(original, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
        edited = build("1 edited", command, stderr);
        row(edited, stages);
      } finally {
        Files.write(file, original);
        if (Arrays.equals(Files.readAllBytes(file), original)) {
          Files.writeString(marker, markerText, StandardCharsets.UTF_8);
        }
      }
      System.out.println("  edited: content/" + editedFile + " (put back afterwards)");
    }
    String loadAfter = loadAverage();
    for (Path p : aside) {
      deleteTree(p);
    }
    System.out.println();
    System.out.println("wall: from starting the child java to its exit. build: the build() call. heap: sum of"
        + " heap pools' peaks; RSS: VmHWM. load average before/after: " + loadBefore + " / " + loadAfter);
    System.out.println(Json.write(summary(o, stages, cold, same, edited, editedFile, loadBefore, loadAfter)));
  }

  // ---- corpus -------------------------------------------------------------------------------

  private static Path marker(Path site) {
    return site.resolveSibling(site.getFileName() + MARKER_SUFFIX);
  }

  /** Writes the archive unless a complete one is there: the marker is written last. */
  static void ensureCorpus(Path site, int n, long seed) throws IOException {
    Path marker = marker(site);
    String expected = "n=" + n + " seed=" + seed + " files=" + (n + 1) + "\n";
    if (Files.isRegularFile(marker)) {
      String text = Files.readString(marker, StandardCharsets.UTF_8);
      if (text.equals(expected) && countFiles(site) == n + 1) {
        System.out.println("reusing " + site);
        return;
      }
      System.out.println("the archive in " + site + " does not match its marker; writing it again");
      Files.delete(marker);
    }
    deleteTree(site);
    Files.createDirectories(site.getParent());
    CorpusGenerator.main(new String[] {Integer.toString(n), site.toString(), Long.toString(seed)});
    long files = countFiles(site);
    if (files != n + 1) {
      throw new IllegalStateException("expected " + (n + 1) + " files in " + site + ", found " + files);
    }
    Files.writeString(marker, expected, StandardCharsets.UTF_8);
  }

  /** The files in a folder and below it (for an archive: warta.yml and the articles); -1 without the folder. */
  static long countFiles(Path site) throws IOException {
    if (!Files.isDirectory(site)) {
      return -1;
    }
    try (Stream<Path> files = Files.walk(site)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  /** The middle article in path order: the same file for the same archive, wherever it lies. */
  public static Path middleArticle(Path site) throws IOException {
    Path content = site.resolve("content");
    List<Path> articles;
    try (Stream<Path> files = Files.walk(content)) {
      articles = files.filter(p -> p.toString().endsWith(".md"))
          .sorted(Comparator.comparing(p -> content.relativize(p).toString().replace('\\', '/')))
          .toList();
    }
    return articles.get(articles.size() / 2);
  }

  /** The article with one sentence added to its last paragraph, in its own language. */
  static String appendSentence(String article) {
    String sentence = article.contains("\nlang: en\n")
        ? "This article was updated to measure an incremental build."
        : "Artikel ini diperbarui untuk mengukur pembangunan bertahap.";
    return article.stripTrailing() + " " + sentence + "\n";
  }

  // ---- child JVM ------------------------------------------------------------------------------

  private static List<String> childCommand(Options o, Path site, Path out) {
    return javaCommand(o.jvmArgs(), BuildOnce.class,
        site.toString(), out.toString(), Integer.toString(o.threads()), BUILD_TIME.toString());
  }

  /** A {@code java} command running {@code main} with this process's classpath. */
  static List<String> javaCommand(List<String> jvmArgs, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath());
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /**
   * The classpath this class was loaded from. Under {@code exec:java} it is held by the plugin's
   * URLClassLoader, not in {@code java.class.path} (which names Maven's own launcher), so it is
   * collected from the loader chain up to, not including, Maven's class realms and the JDK's
   * loaders; run with plain {@code java -cp}, the application loader gives {@code java.class.path}.
   */
  static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    ClassLoader app = ClassLoader.getSystemClassLoader();
    for (ClassLoader l = Benchmark.class.getClassLoader(); l != null && l != app; l = l.getParent()) {
      if (!(l instanceof URLClassLoader urls) || l.getClass().getName().startsWith("org.codehaus.plexus.classworlds")) {
        break;
      }
      for (URL url : urls.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new IllegalStateException("not a file on the classpath: " + url, e);
        }
      }
    }
    if (entries.isEmpty()) {
      return System.getProperty("java.class.path");
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Runs one child build; a failed child is an exception carrying the end of its error output. */
  static Run build(String label, List<String> command, Path stderr) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] stdout = p.getInputStream().readAllBytes();
    int status = p.waitFor();
    long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String text = new String(stdout, StandardCharsets.UTF_8);
    if (status != 0) {
      throw new IllegalStateException("build '" + label + "' failed with exit status " + status
          + "\n" + tail(text, stderr) + "\ncommand: " + String.join(" ", command));
    }
    String line = text.lines().filter(l -> l.startsWith(BuildOnce.PREFIX + " ")).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("build '" + label + "' printed no result line\n" + tail(text, stderr)));
    Map<String, Long> values = new LinkedHashMap<>();
    for (String pair : line.substring(BuildOnce.PREFIX.length() + 1).split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
    }
    return new Run(label, wallMs, values);
  }

  private static String tail(String stdout, Path stderr) {
    List<String> lines = new ArrayList<>();
    try {
      lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      lines.add("(could not read " + stderr + ": " + e.getMessage() + ")");
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - 60), lines.size());
    return "--- stdout ---\n" + stdout.strip() + "\n--- stderr (" + stderr + ", last " + last.size()
        + " of " + lines.size() + " lines) ---\n" + String.join("\n", last);
  }

  // ---- checks and output ----------------------------------------------------------------------

  /** Every cold build must be the same build: a difference means the harness or the code is off. */
  private static void checkCold(List<Run> cold, int n) {
    Set<String> counts = cold.stream().map(r -> r.get("written") + "/" + r.get("unchanged") + "/" + r.get("articles"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (counts.size() > 1) {
      System.out.println("  !! cold builds differ in written/unchanged/articles: " + counts);
    }
    if (cold.get(0).get("articles") != n) {
      System.out.println("  !! " + cold.get(0).get("articles") + " articles built, " + n + " generated");
    }
    if (cold.get(0).get("warnings") > 0) {
      System.out.println("  note: " + cold.get(0).get("warnings") + " build warnings");
    }
  }

  private static final String ROW = "%-10s %8s %8s";

  private static int width(List<String> stages) {
    return 10 + 9 + 9 + 8 * stages.size() + 9 + 10 + 9 + 9 + 8 + 7;
  }

  private static void header(List<String> stages) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, ROW, "run", "wall s", "build s"));
    for (String s : stages) {
      sb.append(String.format(Locale.ROOT, " %7s", s.length() > 7 ? s.substring(0, 7) : s));
    }
    sb.append(String.format(Locale.ROOT, " %8s %9s %8s %8s %7s %6s", "written", "unchanged", "rendered", "heap MB", "RSS MB", "GC s"));
    System.out.println(sb);
  }

  private static void row(Run r, List<String> stages) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, ROW, r.label(), sec(r.wallMs()), sec(r.get("buildMs"))));
    for (String s : stages) {
      sb.append(String.format(Locale.ROOT, " %7s", sec(r.get("stage." + s))));
    }
    sb.append(String.format(Locale.ROOT, " %8d %9d %8d %8d %7s %6s", r.get("written"), r.get("unchanged"), r.get("rendered"),
        r.get("heapPeakBytes") >> 20, r.get("rssPeakKb") < 0 ? "n/a" : Long.toString(r.get("rssPeakKb") >> 10),
        sec(r.get("gcMs"))));
    System.out.println(sb);
  }

  private static void summaryRow(String stat, List<Run> runs, List<String> stages) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, ROW, stat,
        sec(stat(stat, runs, Run::wallMs)), sec(stat(stat, runs, r -> r.get("buildMs")))));
    for (String s : stages) {
      sb.append(String.format(Locale.ROOT, " %7s", sec(stat(stat, runs, r -> r.get("stage." + s)))));
    }
    long rss = stat(stat, runs, r -> r.get("rssPeakKb"));
    sb.append(String.format(Locale.ROOT, " %8s %9s %8d %7s %6s", "", "",
        stat(stat, runs, r -> r.get("heapPeakBytes")) >> 20, rss < 0 ? "n/a" : Long.toString(rss >> 10),
        sec(stat(stat, runs, r -> r.get("gcMs")))));
    System.out.println(sb);
  }

  static <T> long stat(String stat, List<T> runs, ToLongFunction<T> f) {
    long[] v = runs.stream().mapToLong(f).sorted().toArray();
    return switch (stat) {
      case "min" -> v[0];
      case "max" -> v[v.length - 1];
      default -> v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    };
  }

  static String sec(long ms) {
    return ms < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", ms / 1000.0);
  }

  private static Map<String, Object> summary(Options o, List<String> stages, List<Run> cold, Run same, Run edited,
      String editedFile, String loadBefore, String loadAfter) {
    Map<String, Object> m = jsonHeader("warta-build", loadBefore, loadAfter);
    m.put("articles", o.n());
    m.put("seed", o.seed());
    m.put("runs", o.runs());
    m.put("threads", cold.get(0).get("threads"));
    m.put("jvmArgs", o.jvmArgs());
    m.put("wallMs", stats(cold, Run::wallMs));
    m.put("buildMs", stats(cold, r -> r.get("buildMs")));
    Map<String, Object> stageMedians = new LinkedHashMap<>();
    for (String s : stages) {
      stageMedians.put(s, stat("median", cold, r -> r.get("stage." + s)));
    }
    m.put("stageMsMedian", stageMedians);
    m.put("written", cold.get(0).get("written"));
    m.put("heapPeakMb", stats(cold, r -> r.get("heapPeakBytes") >> 20));
    m.put("rssPeakMb", stats(cold, r -> r.get("rssPeakKb") < 0 ? -1 : r.get("rssPeakKb") >> 10));
    m.put("wallMsRuns", cold.stream().map(Run::wallMs).toList());
    if (same != null) {
      m.put("unchanged", incremental(same, null));
    }
    if (edited != null) {
      m.put("oneEdit", incremental(edited, editedFile));
    }
    return m;
  }

  /** The start of a benchmark's JSON line: what was measured, when, on what, and how busy the machine was. */
  static Map<String, Object> jsonHeader(String bench, String loadBefore, String loadAfter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bench", bench);
    m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    m.put("commit", commit());
    m.put("java", System.getProperty("java.version"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("load", loadBefore + " / " + loadAfter);
    return m;
  }

  private static Map<String, Object> stats(List<Run> runs, ToLongFunction<Run> f) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String stat : List.of("median", "min", "max")) {
      m.put(stat, stat(stat, runs, f));
    }
    return m;
  }

  private static Map<String, Object> incremental(Run r, String file) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (file != null) {
      m.put("file", file);
    }
    m.put("wallMs", r.wallMs());
    m.put("buildMs", r.get("buildMs"));
    m.put("written", r.get("written"));
    m.put("unchanged", r.get("unchanged"));
    m.put("rendered", r.get("rendered"));
    return m;
  }

  // ---- small helpers --------------------------------------------------------------------------

  /** {@code core/target/bench}: next to the compiled test classes, so {@code mvn clean} removes it. */
  static Path defaultDir() {
    try {
      Path classes = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(classes) && classes.getParent() != null) {
        return classes.getParent().resolve("bench");
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working folder
    }
    return Path.of("target", "bench");
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  static String commit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String rev = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0 || rev.isEmpty() || rev.contains(" ")) {
        return "unknown";
      }
      Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
      boolean dirty = !new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
      d.waitFor();
      return dirty ? rev + "-dirty" : rev;
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  /** Renames a folder to a free name beside it, to be deleted later; nothing when it is absent. */
  static void moveAside(Path dir, List<Path> aside) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    for (int i = 1; ; i++) {
      Path target = dir.resolveSibling(dir.getFileName() + ".old-" + i);
      if (!Files.exists(target)) {
        Files.move(dir, target);
        aside.add(target);
        return;
      }
    }
  }

  /**
   * What a run that was stopped before its end left aside, to be deleted with this run's own
   * leftovers once the timing is over.
   */
  static List<Path> leftAside(Path out) throws IOException {
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().matches(
          java.util.regex.Pattern.quote(out.getFileName().toString()) + "(\\.cache)?\\.old-\\d+")).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of(); // no work folder yet
    }
  }

  /** Deletes a folder and everything in it; nothing when it is absent. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
