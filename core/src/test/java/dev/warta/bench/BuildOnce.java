package dev.warta.bench;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import dev.warta.Site;
import dev.warta.Warta;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One build in a JVM of its own, for {@link Benchmark}: {@code BuildOnce SITE OUT THREADS
 * BUILD_TIME [SETTING=VALUE...]}, with {@code THREADS} 0 for the library's default and settings that
 * win over the site's {@code warta.yml}.
 *
 * <p>Prints one line to standard output, {@value #PREFIX} followed by {@code key=value} pairs
 * without spaces, which the parent parses: counts, milliseconds per stage, and what only the child
 * can see, its peak heap and peak resident memory. Anything else goes to standard error; a failed
 * build exits with status 1 after listing its problems there.
 */
public final class BuildOnce {

  /** The start of the result line. */
  static final String PREFIX = "warta-bench-result";

  private BuildOnce() {}

  /** Where the build cache of an output folder is kept in benchmarks. */
  static Path cacheOf(Path out) {
    return out.resolveSibling(out.getFileName() + ".cache");
  }

  /** Builds {@code SITE} into {@code OUT} and prints the result line. */
  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: BuildOnce SITE OUT THREADS BUILD_TIME [SETTING=VALUE...]");
      System.exit(2);
    }
    Site site =
        Warta.site(Path.of(args[0])).output(Path.of(args[1])).buildTime(Instant.parse(args[3]))
            // beside the output, not in the site folder: the generated archive stays as generated
            .cache(cacheOf(Path.of(args[1])));
    for (int i = 4; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      site = site.set(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    int threads = Integer.parseInt(args[2]);
    if (threads > 0) {
      site = site.threads(threads);
    }
    long start = System.nanoTime();
    BuildResult result;
    try {
      result = site.build();
    } catch (BuildException e) {
      for (Problem p : e.problems()) {
        System.err.println(p);
      }
      System.err.println("build failed: " + e.getMessage());
      System.exit(1);
      return;
    }
    long buildMillis = (System.nanoTime() - start) / 1_000_000;

    Map<String, Object> line = new LinkedHashMap<>();
    line.put("articles", result.articles());
    line.put("written", result.pagesWritten());
    line.put("unchanged", result.pagesUnchanged());
    line.put("rendered", result.pagesRendered());
    line.put("warnings", result.warnings().size());
    line.put("threads", threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    line.put("buildMs", buildMillis);
    result.stageMillis().forEach((stage, ms) -> line.put("stage." + stage, ms));
    // the JVM's own start-up and class loading before main, as seen from inside
    line.put("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
    line.put("gcMs", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum());
    line.put("gcCount", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(t -> t > 0).sum());
    // each pool's own peak, summed: an upper bound of the heap in use at any one time
    line.put("heapPeakBytes", ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(BuildOnce::peak).sum());
    line.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
    line.put("rssPeakKb", vmHwmKb());
    // CPU of every thread of this JVM (GC and JIT included), which the shared machine's load bends less than wall time
    line.put("cpuMs", cpuMillis());
    System.out.println(PREFIX + " " + line.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" ")));
    System.out.flush();
  }

  /** The CPU time this JVM has used so far, in milliseconds, or -1 where the JVM does not say. */
  static long cpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1_000_000 : -1;
  }

  static long peak(MemoryPoolMXBean pool) {
    return pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
  }

  /** Peak resident set size from Linux's {@code /proc/self/status}, or -1 elsewhere. */
  static long vmHwmKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.substring(6).replace("kB", "").strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or a kernel without the field: the number is optional
    }
    return -1;
  }
}
