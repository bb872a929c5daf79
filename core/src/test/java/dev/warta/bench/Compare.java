package dev.warta.bench;

import dev.warta.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Puts a cold Warta build beside what the speed issue measures it against, on the same archive and
 * the same machine. Each round runs one process of each kind, one after another in a fixed order,
 * so that a noisy machine weighs on all of them alike:
 *
 * <ul>
 *   <li><b>warta</b>: a cold build in a new JVM, as {@link Benchmark} times it; with {@code --warta
 *       NAME=ARGS}, one per JVM setting, to compare settings side by side. With {@code --plugin},
 *       the build a user runs instead: {@code mvn -B -q dev.warta:warta-maven-plugin:VERSION:build}
 *       started from an empty folder outside any project (so no {@code .mvn/jvm.config} applies),
 *       with {@code MAVEN_OPTS}, {@code MAVEN_ARGS}, {@code JAVA_TOOL_OPTIONS} and {@code
 *       JDK_JAVA_OPTIONS} removed from its environment, and the Maven this program runs in (the
 *       wrapper's); {@code --warta NAME=ARGS} then adds Maven arguments such as {@code
 *       -Dwarta.fork=false};
 *   <li><b>hugo</b>: Hugo ({@code hugo --gc}) building the same articles with the small site in {@code
 *       src/test/resources/dev/warta/bench/hugo} (skipped when no {@code hugo} is on the PATH);
 *   <li><b>flexmark</b>: {@link FlexmarkAlone}, every body turned into HTML and nothing else;
 *   <li><b>writing</b>: {@link WriteAlone}, the files of Warta's output written again.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.Compare -Dexec.args="10000 --runs 3"
 * </pre>
 *
 * <p>Where GNU {@code /usr/bin/time} is installed, every process runs under it, so the CPU time
 * and peak memory of all four are taken the same way: CPU is that of the process and every
 * descendant it waited for. Peak memory is GNU time's (the largest single process), or with {@code
 * --plugin} the peak of the summed resident memory of the whole process tree ({@link
 * TreeMemory}), since Maven and a forked build are two JVMs. Prints a table and, last, a JSON line.
 */
public final class Compare {

  private static final String USAGE =
      """
      usage: Compare N [options]
        --runs R     rounds (default 3)
        --seed S     corpus seed (default 42)
        --jvm ARGS   JVM options of Warta's build, split at spaces (repeatable)
        --warta NAME=ARGS
                     one more Warta build per round, named NAME, with these JVM
                     options (repeatable): compares JVM settings side by side
        --plugin     build as a user does: Maven and the plugin, no JVM flags
                     (then --warta NAME=ARGS gives Maven arguments, not JVM options)
        --repo DIR   Maven's local repository for --plugin (default Maven's own)
        --no-hugo    leave Hugo out
        --no-floor   leave out flexmark alone and the writing alone
        --dir DIR    work folder (default core/target/bench)""";

  /** The files of the Hugo site, below this class's package. */
  private static final List<String> HUGO_FILES = List.of("hugo.toml", "layouts/index.html",
      "layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html",
      "layouts/_default/terms.html", "layouts/partials/items.html", "static/css/site.css");

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private Compare() {}

  /**
   * @param wartas each Warta build of a round by its name ({@code warta}, or {@code warta NAME}
   *     for {@code --warta NAME=ARGS}), with its JVM options
   */
  record Options(int n, int runs, long seed, Map<String, List<String>> wartas, boolean hugo, boolean floor, Path dir,
      boolean plugin, Optional<Path> repo) {
    static Options parse(String[] args) {
      if (args.length == 0) {
        throw new IllegalArgumentException(USAGE);
      }
      int n = Benchmark.positive(args[0], "N", USAGE);
      int runs = 3;
      long seed = 42;
      List<String> jvm = new ArrayList<>();
      Map<String, List<String>> named = new LinkedHashMap<>();
      boolean hugo = true;
      boolean floor = true;
      Path dir = Benchmark.defaultDir();
      boolean plugin = false;
      Optional<Path> repo = Optional.empty();
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--runs" -> runs = Benchmark.positive(Benchmark.value(args, ++i, a, USAGE), a, USAGE);
          case "--seed" -> seed = Long.parseLong(Benchmark.value(args, ++i, a, USAGE));
          case "--jvm" -> jvm.addAll(Benchmark.jvmOptions(Benchmark.value(args, ++i, a, USAGE)));
          case "--warta" -> {
            String v = Benchmark.value(args, ++i, a, USAGE);
            int eq = v.indexOf('=');
            if (eq < 1 || !v.substring(0, eq).matches("[A-Za-z0-9_.-]+")) {
              throw new IllegalArgumentException("--warta takes NAME=ARGS, with a name of letters, digits, '.', '_' or '-', not " + v + "\n" + USAGE);
            }
            if (named.put("warta " + v.substring(0, eq), Benchmark.jvmOptions(v.substring(eq + 1))) != null) {
              throw new IllegalArgumentException("--warta " + v.substring(0, eq) + " is given twice\n" + USAGE);
            }
          }
          case "--plugin" -> plugin = true;
          case "--repo" -> repo = Optional.of(Path.of(Benchmark.value(args, ++i, a, USAGE)).toAbsolutePath().normalize());
          case "--no-hugo" -> hugo = false;
          case "--no-floor" -> floor = false;
          case "--dir" -> dir = Path.of(Benchmark.value(args, ++i, a, USAGE));
          default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
        }
      }
      if (plugin && !jvm.isEmpty()) {
        throw new IllegalArgumentException("--jvm does not go with --plugin: the point of --plugin is a build without JVM flags\n" + USAGE);
      }
      if (repo.isPresent() && !plugin) {
        throw new IllegalArgumentException("--repo is for --plugin only\n" + USAGE);
      }
      Map<String, List<String>> wartas = new LinkedHashMap<>();
      if (named.isEmpty() || !jvm.isEmpty()) {
        wartas.put("warta", List.copyOf(jvm));
      }
      wartas.putAll(named);
      return new Options(n, runs, seed, wartas, hugo, floor, dir.toAbsolutePath().normalize(), plugin, repo);
    }
  }

  /**
   * One timed process: wall time seen from here; CPU seconds and peak RSS from GNU time (-1 without
   * it); the process's own timed part ({@code buildMs} of its result line, -1 for Hugo).
   */
  record Measure(long wallMs, long cpuMs, long rssKb, long ownMs) {}

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path site = o.dir().resolve("site-" + o.n() + "-" + o.seed());
    Path work = o.dir().resolve("compare-" + o.n());
    // what earlier runs left is moved aside now and deleted after the timing: deleting a tree makes
    // ext4 without a journal slow to create files for a minute or more
    List<Path> aside = new ArrayList<>(Benchmark.leftAside(work));
    Benchmark.moveAside(work, aside);
    Files.createDirectories(work);
    Benchmark.ensureCorpus(site, o.n(), o.seed());
    Optional<String> hugoVersion = o.hugo() ? hugoVersion() : Optional.empty();
    if (o.hugo() && hugoVersion.isEmpty()) {
      System.out.println("no hugo on the PATH: Hugo is left out (on Debian 12, `apt-get install hugo` gives 0.111.3)");
    }
    Path hugoSite = work.resolve("hugo-site");
    writeHugoSite(hugoSite);
    String threads = Integer.toString(Runtime.getRuntime().availableProcessors());
    boolean timed = Files.isExecutable(GNU_TIME);
    String loadBefore = Benchmark.loadAverage();
    System.out.printf(Locale.ROOT, "Compare: %,d articles (seed %d), %d round%s%n", o.n(), o.seed(), o.runs(), o.runs() == 1 ? "" : "s");
    Optional<Path> mvn = o.plugin() ? Optional.of(mavenCommand()) : Optional.empty();
    String what = o.plugin() ? "Maven arguments" : "JVM options";
    o.wartas().forEach((name, args2) -> System.out.printf(Locale.ROOT, "%s: %s %s%n", name, what, args2.isEmpty() ? "none" : String.join(" ", args2)));
    mvn.ifPresent(m -> System.out.println("through the plugin: " + String.join(" ", pluginCommand(m, o, site, Path.of("OUT"), Path.of("CACHE"), List.of()))));
    System.out.printf(Locale.ROOT, "java %s, %s, %s cores, load average %s, commit %s%s%n", System.getProperty("java.version"),
        hugoVersion.orElse("no hugo"), threads, loadBefore, Benchmark.commit(), timed ? "" : "; no /usr/bin/time: no CPU or RSS figures");
    System.out.println();

    Map<String, List<Measure>> measures = new LinkedHashMap<>();
    Map<String, Long> files = new LinkedHashMap<>();
    for (int r = 1; r <= o.runs(); r++) {
      Path round = work.resolve("round-" + r);
      Path warta = null;
      for (Map.Entry<String, List<String>> w : o.wartas().entrySet()) {
        String folder = w.getKey().replace(' ', '-');
        Path out = round.resolve(folder);
        if (mvn.isPresent()) {
          List<String> command = pluginCommand(mvn.get(), o, site, out, round.resolve(folder + "-cache"), w.getValue());
          record(measures, w.getKey(), r, run(command, round, folder, false, true));
        } else {
          record(measures, w.getKey(), r, run(Benchmark.javaCommand(w.getValue(), BuildOnce.class, site.toString(), out.toString(),
              "0", Benchmark.BUILD_TIME.toString()), round, folder, true, false));
        }
        // the output is a link to its release folder
        out = out.toRealPath();
        files.put(w.getKey(), Benchmark.countFiles(out));
        warta = warta == null ? out : warta;
      }
      if (hugoVersion.isPresent()) {
        Path out = round.resolve("hugo");
        record(measures, "hugo", r, run(List.of("hugo", "--gc", "--quiet", "--source", hugoSite.toString(), "--contentDir",
            site.resolve("content").toString(), "--destination", out.toString()), round, "hugo", false, o.plugin()));
        files.put("hugo", Benchmark.countFiles(out));
      }
      if (o.floor()) {
        record(measures, "flexmark", r, run(Benchmark.javaCommand(List.of(), FlexmarkAlone.class, site.toString(), threads),
            round, "flexmark", true, o.plugin()));
        Path copy = round.resolve("writing");
        record(measures, "writing", r, run(Benchmark.javaCommand(List.of(), WriteAlone.class, warta.toString(), copy.toString(),
            threads), round, "writing", true, o.plugin()));
        files.put("writing", Benchmark.countFiles(copy));
      }
      // each round's files stay until the end, for the same reason
    }
    String loadAfter = Benchmark.loadAverage();
    Benchmark.deleteTree(work);
    for (Path p : aside) {
      Benchmark.deleteTree(p);
    }

    System.out.println();
    System.out.printf(Locale.ROOT, "%-15s %22s %8s %8s %8s %8s%n", "", "wall s: median (range)", "own s", "CPU s", "RSS MB", "files");
    Map<String, Object> json = Benchmark.jsonHeader("warta-compare", loadBefore, loadAfter);
    json.put("hugoVersion", hugoVersion.orElse("none"));
    json.put("articles", o.n());
    json.put("runs", o.runs());
    json.put(o.plugin() ? "wartaMavenArgs" : "wartaJvmArgs", o.wartas());
    json.put("through", o.plugin() ? "maven-plugin" : "java");
    json.put("rss", o.plugin() ? "peak of the process tree's sum" : "peak of the largest process");
    Map<String, Long> medians = new LinkedHashMap<>();
    measures.forEach((name, list) -> {
      long wall = median(list, Measure::wallMs);
      medians.put(name, wall);
      long own = median(list, Measure::ownMs);
      long cpu = median(list, Measure::cpuMs);
      long rss = median(list, Measure::rssKb);
      String range = Benchmark.sec(list.stream().mapToLong(Measure::wallMs).min().orElseThrow()) + "–"
          + Benchmark.sec(list.stream().mapToLong(Measure::wallMs).max().orElseThrow());
      System.out.printf(Locale.ROOT, "%-15s %8s (%11s) %8s %8s %8s %8s%n", name, Benchmark.sec(wall), range,
          Benchmark.sec(own), Benchmark.sec(cpu), rss < 0 ? "n/a" : Long.toString(rss >> 10),
          files.containsKey(name) ? files.get(name).toString() : "");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("wallMsRuns", list.stream().map(Measure::wallMs).toList());
      m.put("wallMsMedian", wall);
      m.put("ownMsMedian", own);
      m.put("cpuMsMedian", cpu);
      m.put("rssMbMedian", rss < 0 ? -1 : rss >> 10);
      if (files.containsKey(name)) {
        m.put("files", files.get(name));
      }
      json.put(name, m);
    });
    System.out.println();
    System.out.println("wall: the whole process, JVM start included" + (o.plugin() ? " (for Warta: Maven's start too)" : "")
        + ". own: the part the process times itself (flexmark:"
        + " from listing the files to the last HTML; writing: creating folders and writing files only). CPU: user +"
        + " system, children included. RSS: " + (o.plugin() ? "peak of the summed resident memory of the process tree" : "GNU time's peak")
        + ". load average before/after: " + loadBefore + " / " + loadAfter);
    for (String name : o.wartas().keySet()) {
      List<String> ratios = new ArrayList<>();
      if (o.floor()) {
        long floor = medians.get("flexmark") + median(measures.get("writing"), Measure::ownMs);
        ratios.add(String.format(Locale.ROOT, "%s / (flexmark + writing's own time) = %.2f", name, medians.get(name) / (double) floor));
      }
      if (medians.containsKey("hugo")) {
        ratios.add(String.format(Locale.ROOT, "%s / hugo = %.2f", name, medians.get(name) / (double) medians.get("hugo")));
      }
      if (!ratios.isEmpty()) {
        System.out.println(String.join("; ", ratios));
      }
    }
    System.out.println(Json.write(json));
  }

  private static void record(Map<String, List<Measure>> measures, String name, int round, Measure m) {
    measures.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
    System.out.printf(Locale.ROOT, "round %d %-15s wall %6s s   own %6s s   CPU %6s s   RSS %s MB%n", round, name,
        Benchmark.sec(m.wallMs()), Benchmark.sec(m.ownMs()), Benchmark.sec(m.cpuMs()), m.rssKb() < 0 ? "n/a" : m.rssKb() >> 10);
  }

  /**
   * The Maven that runs this program (the wrapper's, under {@code ./mvnw ... exec:java}); from any
   * other launcher, the {@code mvn} on the PATH.
   */
  static Path mavenCommand() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn");
    }
    return Path.of("mvn");
  }

  /** What a user types to build the site with the plugin, offline so that no download is timed. */
  static List<String> pluginCommand(Path mvn, Options o, Path site, Path out, Path cache, List<String> extra) {
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-o"));
    o.repo().ifPresent(r -> command.add("-Dmaven.repo.local=" + r));
    command.add("dev.warta:warta-maven-plugin:" + PLUGIN_VERSION + ":build");
    command.add("-Dwarta.site=" + site);
    command.add("-Dwarta.output=" + out);
    // a cache of its own per build: a cache an earlier round left would make this one warm
    command.add("-Dwarta.cache=" + cache);
    command.add("-Dwarta.buildTime=" + Benchmark.BUILD_TIME);
    command.addAll(extra);
    return command;
  }

  /** The plugin's version: this build's own. */
  static final String PLUGIN_VERSION = "0.1.0-SNAPSHOT";

  /** Runs one process to its end; a failure is an exception with the end of its error output. */
  static Measure run(List<String> command, Path round, String name, boolean resultLine, boolean tree)
      throws IOException, InterruptedException {
    Files.createDirectories(round);
    Path stderr = round.resolve(name + ".stderr.log");
    Path times = round.resolve(name + ".time");
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(GNU_TIME)) {
      full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", times.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectError(stderr.toFile());
    Path empty = null;
    if (tree) {
      // a user's plain build: no flags from the environment, and a folder with no .mvn above it
      for (String v : List.of("MAVEN_OPTS", "MAVEN_ARGS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
        builder.environment().remove(v);
      }
      empty = Files.createTempDirectory("warta-compare-");
      builder.directory(empty.toFile());
    }
    long start = System.nanoTime();
    Process p = builder.start();
    TreeMemory memory = tree ? TreeMemory.of(p) : null;
    p.getOutputStream().close();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = p.waitFor();
    long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (memory != null) {
      memory.close();
    }
    if (empty != null) {
      Benchmark.deleteTree(empty);
    }
    if (status != 0) {
      throw new IllegalStateException(name + " failed with exit status " + status + ": " + String.join(" ", command)
          + "\n" + stdout + "\n" + String.join("\n", lastLines(stderr, 40)));
    }
    long own = -1;
    if (resultLine) {
      String line = stdout.lines().filter(l -> l.startsWith(BuildOnce.PREFIX + " ")).reduce((a, b) -> b)
          .orElseThrow(() -> new IllegalStateException(name + " printed no result line:\n" + stdout));
      own = Arrays.stream(line.split(" ")).filter(kv -> kv.startsWith("buildMs="))
          .mapToLong(kv -> Long.parseLong(kv.substring(8))).findFirst().orElse(-1);
    }
    long cpu = -1;
    long rss = -1;
    if (Files.isRegularFile(times)) {
      // GNU time writes its line last, after anything the process's own exit status made it say
      List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        throw new IllegalStateException(GNU_TIME + " wrote nothing to " + times + " for " + name);
      }
      String[] f = lines.get(lines.size() - 1).strip().split(" ");
      cpu = Math.round((Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000);
      rss = Long.parseLong(f[3]);
    }
    if (memory != null) {
      rss = memory.peakKb();
    }
    return new Measure(wallMs, cpu, rss, own);
  }

  private static List<String> lastLines(Path file, int n) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  private static long median(List<Measure> list, java.util.function.ToLongFunction<Measure> f) {
    return Benchmark.stat("median", list, f);
  }

  /** {@code hugo version}'s first words, or empty when there is no such program. */
  private static Optional<String> hugoVersion() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("hugo", "version").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0 || !text.startsWith("hugo v")) {
        return Optional.empty();
      }
      String[] words = text.split(" ");
      return Optional.of("hugo " + words[1].substring(1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Copies the Hugo site from the test resources into {@code dir}. */
  static void writeHugoSite(Path dir) throws IOException {
    for (String name : HUGO_FILES) {
      try (InputStream in = Compare.class.getResourceAsStream("hugo/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the test resource " + name + " of the Hugo site is missing");
        }
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
  }
}
