package dev.warta.related;

import com.sun.management.OperatingSystemMXBean;
import dev.warta.bench.CorpusGenerator;
import dev.warta.bench.RelatedQuality;
import dev.warta.shared.RelatedSettings;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the related stage alone (weights, postings, latent view and every related list, as {@code
 * RelatedIndex.Builder#build} does in a site build) on N generated articles, R times, and prints
 * the process CPU and wall seconds of each run and their medians. The articles are analysed once,
 * before the first run, and that analysis is not timed: a build does it while loading.
 * Usage: {@code RelatedSpeed [N [R]]}.
 */
public final class RelatedSpeed {

  private RelatedSpeed() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    RelatedSettings settings = RelatedSettings.defaults();
    RelatedIndex.Builder builder = RelatedIndex.builder(settings);
    new CorpusGenerator().stream(n, 42).parallel().forEach(a -> builder.add(RelatedQuality.document(a)));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] cpu = new double[runs];
    double[] wall = new double[runs];
    for (int r = 0; r < runs; r++) {
      System.gc();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      RelatedIndex index = builder.rebuild();
      wall[r] = (System.nanoTime() - start) / 1e9;
      cpu[r] = (os.getProcessCpuTime() - cpuStart) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: %d articles, related stage %.2f s CPU, %.2f s wall%n",
          r + 1, index.size(), cpu[r], wall[r]);
    }
    System.out.printf(Locale.ROOT, "median of %d: %.2f s CPU, %.2f s wall, %d cores, load %.2f%n", runs,
        median(cpu), median(wall), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
