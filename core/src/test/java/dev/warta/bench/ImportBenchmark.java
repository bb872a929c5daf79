package dev.warta.bench;

import dev.warta.Warta;
import dev.warta.imports.ImportException;
import dev.warta.imports.ImportReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the WordPress import of a generated export ({@link WxrGenerator}), each run in a new JVM
 * as a user's {@code warta:import} runs, into an empty site folder.
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.ImportBenchmark -Dexec.args="10000 --runs 3"
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.ImportBenchmark -Dexec.args="100000 --runs 1 --xmx 512m"
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.ImportBenchmark -Dexec.args="10000 --runs 5 --plugin"
 * </pre>
 *
 * <p>With {@code --plugin}, each run is the import a user types instead, {@code mvn -B -q -o
 * dev.warta:warta-maven-plugin:VERSION:import -Dwarta.wxr=... -Dwarta.site=...} from an empty
 * folder with {@code MAVEN_OPTS} and the like removed (the plugin installed in Maven's local
 * repository, or the one {@code --repo DIR} names): Maven's start, the forked JVM the goal starts
 * with the options it chooses, and the class-data archive its first run makes, all included. It
 * prints the wall time, the CPU time of the process tree and the peak of its summed resident
 * memory, and the articles written and lost from the import's report.
 *
 * <p>The export is written once to {@code core/target/bench/wxr-N-SEED.xml} and reused. Each run
 * prints the wall time of the child process (JVM start included), the import's own time, the
 * CPU time of the whole child (all threads, JIT compiler and collector included), the articles
 * written and lost, the peak heap (each heap pool's peak, summed: an upper bound) and the
 * peak resident memory, and the CPU seconds by kind of thread: the JIT compilers, the garbage
 * collector, the application (the main thread reading the XML and the workers converting posts:
 * the process's CPU time less the others, as the workers have ended when it is read, and Linux
 * lists live threads only; a compiler thread the JVM stopped early counts here too), and the
 * JVM's other threads; then the median of each.
 */
public final class ImportBenchmark {
  private static final String PREFIX = "warta-import-result";

  private ImportBenchmark() {}

  /** {@code N [--runs R] [--xmx SIZE] [--jvm "ARGS"] [--seed S] [--plugin [--repo DIR]]}, or {@code --child WXR SITE} in the child JVM. */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--child")) {
      child(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    String usage = "usage: ImportBenchmark N [--runs R] [--xmx SIZE] [--jvm \"ARGS\"] [--seed S] [--plugin [--repo DIR]]";
    if (args.length < 1) {
      System.err.println(usage);
      System.exit(2);
    }
    int n = Benchmark.positive(args[0], "N", usage);
    int runs = 3;
    long seed = 42;
    List<String> jvm = new ArrayList<>();
    boolean plugin = false;
    Path repo = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Benchmark.positive(Benchmark.value(args, ++i, "--runs", usage), "--runs", usage);
        case "--xmx" -> jvm.add("-Xmx" + Benchmark.value(args, ++i, "--xmx", usage));
        case "--seed" -> seed = Long.parseLong(Benchmark.value(args, ++i, "--seed", usage));
        case "--jvm" -> jvm.addAll(Benchmark.jvmOptions(Benchmark.value(args, ++i, "--jvm", usage)));
        case "--plugin" -> plugin = true;
        case "--repo" -> repo = Path.of(Benchmark.value(args, ++i, "--repo", usage)).toAbsolutePath();
        default -> {
          System.err.println(usage);
          System.exit(2);
        }
      }
    }
    Path dir = Benchmark.defaultDir();
    Path wxr = dir.resolve("wxr-" + n + "-" + seed + ".xml");
    Path complete = dir.resolve("wxr-" + n + "-" + seed + ".complete");
    if (!Files.exists(complete)) {
      System.out.printf(Locale.ROOT, "writing %,d posts to %s%n", n, wxr);
      WxrGenerator.write(n, seed, wxr);
      Files.writeString(complete, "");
    }
    if (plugin) {
      if (!jvm.isEmpty()) {
        System.err.println("--plugin takes no JVM options: the point is the import a user runs\n" + usage);
        System.exit(2);
      }
      throughPlugin(n, runs, wxr, dir, repo);
      return;
    }
    System.out.printf(Locale.ROOT, "export: %s, %,d MB; JVM options: %s; load average %s%n", wxr, Files.size(wxr) >> 20, jvm, Benchmark.loadAverage());
    System.out.printf(Locale.ROOT, "%4s %9s %9s %9s %9s %6s %10s %10s %7s %7s %7s %7s%n", "run", "wall s", "import s", "CPU s", "articles", "lost",
        "heap MB", "RSS MB", "JIT s", "GC s", "app s", "VM s");
    List<long[]> results = new ArrayList<>();
    Path site = dir.resolve("import-" + n);
    for (int r = 1; r <= runs; r++) {
      delete(site);
      List<String> command = Benchmark.javaCommand(jvm, ImportBenchmark.class, "--child", wxr.toString(), site.toString());
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = p.waitFor();
      long wall = (System.nanoTime() - start) / 1_000_000;
      if (status != 0) {
        System.err.println(out);
        System.exit(status);
      }
      String line = out.lines().filter(l -> l.startsWith(PREFIX)).findFirst().orElseThrow();
      String[] v = line.substring(PREFIX.length()).strip().split(" ");
      long[] row = {wall, Long.parseLong(v[0]), Long.parseLong(v[5]), Long.parseLong(v[1]), Long.parseLong(v[2]), Long.parseLong(v[3]),
          Long.parseLong(v[4]), Long.parseLong(v[6]), Long.parseLong(v[7]), Long.parseLong(v[8]), Long.parseLong(v[9])};
      results.add(row);
      print(Integer.toString(r), row);
    }
    long[] median = new long[11];
    for (int c = 0; c < median.length; c++) {
      int col = c;
      median[c] = results.stream().mapToLong(row -> row[col]).sorted().toArray()[(results.size() - 1) / 2];
    }
    print("med", median);
  }

  /** Runs the plugin's import goal {@code runs} times; see the class comment. */
  private static void throughPlugin(int n, int runs, Path wxr, Path dir, Path repo) throws IOException, InterruptedException {
    Path mvn = Compare.mavenCommand();
    System.out.printf(Locale.ROOT, "export: %s, %,d MB; through the plugin with %s; load average %s, commit %s%n", wxr, Files.size(wxr) >> 20,
        mvn, Benchmark.loadAverage(), Benchmark.commit());
    System.out.printf(Locale.ROOT, "%4s %9s %9s %10s %9s %6s%n", "run", "wall s", "CPU s", "RSS MB", "articles", "lost");
    Path site = dir.resolve("import-plugin-" + n);
    Path round = dir.resolve("import-plugin-logs");
    List<long[]> results = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      delete(site);
      List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-o"));
      if (repo != null) {
        command.add("-Dmaven.repo.local=" + repo);
      }
      command.addAll(List.of("dev.warta:warta-maven-plugin:" + Compare.PLUGIN_VERSION + ":import", "-Dwarta.wxr=" + wxr, "-Dwarta.site=" + site));
      Compare.Measure m = Compare.run(command, round, "import-" + r, false, true);
      String report = Files.readString(site.resolve("import/report.json"), StandardCharsets.UTF_8);
      long[] row = {m.wallMs(), m.cpuMs(), m.rssKb(), count(report, "articles"), count(report, "lostText")};
      results.add(row);
      System.out.printf(Locale.ROOT, "%4d %9.2f %9.2f %10d %,9d %6d%n", r, row[0] / 1000.0, row[1] / 1000.0, row[2] >> 10, row[3], row[4]);
    }
    long[] median = new long[5];
    for (int c = 0; c < median.length; c++) {
      int col = c;
      median[c] = results.stream().mapToLong(row -> row[col]).sorted().toArray()[(results.size() - 1) / 2];
    }
    System.out.printf(Locale.ROOT, "%4s %9.2f %9.2f %10d %,9d %6d%n", "med", median[0] / 1000.0, median[1] / 1000.0, median[2] >> 10, median[3],
        median[4]);
    System.out.println("wall: Maven's start, the goal and its forked JVM; CPU: the whole process tree (GNU time); RSS: the peak of the tree's sum");
  }

  /** The number a report's JSON gives for {@code "name": N}. */
  private static long count(String json, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\": (\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("the import report has no " + name + ":\n" + json);
    }
    return Long.parseLong(m.group(1));
  }

  private static void print(String label, long[] row) {
    System.out.printf(Locale.ROOT, "%4s %9.2f %9.2f %9.2f %,9d %6d %10d %10d %7.2f %7.2f %7.2f %7.2f%n", label, row[0] / 1000.0, row[1] / 1000.0,
        row[2] / 1000.0, row[3], row[4], row[5] >> 20, row[6] >> 10, row[7] / 1000.0, row[8] / 1000.0, row[9] / 1000.0, row[10] / 1000.0);
  }

  private static void child(Path wxr, Path site) {
    long start = System.nanoTime();
    ImportReport report;
    try {
      report = Warta.importWordPress(List.of(wxr), site);
    } catch (ImportException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).mapToLong(BuildOnce::peak).sum();
    // all threads' CPU, the JIT compiler's and the collector's too: on a shared machine the wall time
    // says how busy the others were, the CPU time what the import cost
    long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    long[] kinds = cpuByThreadKind();
    // the import's own threads have ended by now, and /proc lists live threads only: theirs is what is left
    kinds[2] = Math.max(0, cpu - kinds[0] - kinds[1] - kinds[3]);
    System.out.println(PREFIX + " " + millis + " " + report.articles() + " " + report.lostText() + " " + heap + " " + BuildOnce.vmHwmKb() + " " + cpu
        + " " + kinds[0] + " " + kinds[1] + " " + kinds[2] + " " + kinds[3]);
  }

  /**
   * CPU milliseconds of this JVM's live threads by kind, from Linux's {@code /proc/self/task/ID/stat}
   * (user and system ticks of each thread, named by the JVM): the JIT compilers, the garbage
   * collector, (unused), the JVM's other threads; zeros elsewhere.
   */
  private static long[] cpuByThreadKind() {
    long[] ms = new long[4];
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return ms;
    }
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15 of the line
        if (name.contains("Compiler")) {
          ms[0] += ticks * 10; // USER_HZ is 100 on Linux
        } else if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
          ms[1] += ticks * 10;
        } else if (!name.equals("java") && !name.equals("main") && !name.startsWith("warta-import")) {
          ms[3] += ticks * 10; // JFR, signal dispatcher, sweeper …
        }
      }
    } catch (IOException e) {
      return ms;
    }
    return ms;
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
