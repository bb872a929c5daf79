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
 * the process CPU and wall seconds of each run and their medians, then a digest of every list. The articles are analysed once,
 * before the first run, and that analysis is not timed: a build does it while loading.
 * Usage: {@code RelatedSpeed [N [R]]}.
 */
public final class RelatedSpeed {

  private RelatedSpeed() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    RelatedSettings settings = RelatedSettings.defaults();
    RelatedIndex.Builder builder = RelatedIndex.builder(settings);
    java.util.List<String> keys = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    new CorpusGenerator().stream(n, 42).parallel().forEach(a -> {
      RelatedDocument d = RelatedQuality.document(a);
      keys.add(d.key());
      builder.add(d);
    });
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] cpu = new double[runs];
    double[] wall = new double[runs];
    RelatedIndex last = null;
    for (int r = 0; r < runs; r++) {
      System.gc();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      RelatedIndex index = builder.rebuild();
      last = index;
      wall[r] = (System.nanoTime() - start) / 1e9;
      cpu[r] = (os.getProcessCpuTime() - cpuStart) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: %d articles, related stage %.2f s CPU, %.2f s wall%n",
          r + 1, index.size(), cpu[r], wall[r]);
    }
    System.out.printf(Locale.ROOT, "median of %d: %.2f s CPU, %.2f s wall, %d cores, load %.2f%n", runs,
        median(cpu), median(wall), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
    // every list and score, to show that a change meant only to be faster changed no result
    System.out.println("lists sha-256 " + ListDigest.digest(last, keys));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
