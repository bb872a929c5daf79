package dev.warta.maven;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * A hint for a build that spent much of the machine on the JIT compiler. On a machine with few
 * cores, the optimising compiler competes with the build's own threads, and a build of a few
 * thousand articles ends before it earns that back: on 2 cores, 10,000 articles build in 12 s with
 * the compiler's first tier alone and in 17 s with the JVM's defaults (README, "Benchmark").
 *
 * <p>Measured, not guessed from the archive's size: the hint appears only when compilation took at
 * least half of all the CPU the machine had during the build, which larger archives and machines
 * with more cores do not reach.
 */
final class JitAdvice {
  /** Below this, the flags would save a second or so: not worth a line in every build's log. */
  static final long MIN_BUILD_MILLIS = 5_000;

  private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
  private final long startMillis = System.nanoTime() / 1_000_000;
  private final long compiledAtStart = compiledMillis();

  /** The hint for the build since this object was made, if the compiler's share calls for one. */
  Optional<String> now() {
    long compiled = compiledMillis();
    if (compiled < 0 || compiledAtStart < 0) {
      return Optional.empty();
    }
    return of(compiled - compiledAtStart, System.nanoTime() / 1_000_000 - startMillis, Runtime.getRuntime().availableProcessors());
  }

  private long compiledMillis() {
    return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : -1;
  }

  /**
   * The hint for a build of {@code buildMillis} during which the JIT compiled for {@code
   * compileMillis} (summed over its threads) on {@code cores} cores.
   */
  static Optional<String> of(long compileMillis, long buildMillis, int cores) {
    if (buildMillis < MIN_BUILD_MILLIS || compileMillis * 2 < buildMillis * cores) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "Warta: the JIT compiler took %.1f s of CPU during this %.1f s build, half or more of what %d core%s had;"
            + " an archive of this size builds faster in a JVM of its own (warta.fork=true, the default), or with"
            + " -XX:TieredStopAtLevel=1 -XX:+UseParallelGC in .mvn/jvm.config or MAVEN_OPTS (Warta's README, \"Benchmark\")",
        compileMillis / 1000.0, buildMillis / 1000.0, cores, cores == 1 ? "" : "s"));
  }
}
