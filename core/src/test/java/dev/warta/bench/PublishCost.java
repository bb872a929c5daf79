package dev.warta.bench;

import dev.warta.publish.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times the publish step alone, over an output of N files, for a rebuild with nothing changed and
 * for one with one article edited (its page and five list pages written): what {@link
 * Output#commit} costs per build once the output exists, without rendering. Medians of R runs.
 *
 * <pre>
 * ./mvnw -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.warta.bench.PublishCost -Dexec.args="20000 3 target/bench/publish"
 * </pre>
 */
public final class PublishCost {
  private PublishCost() {}

  /** Arguments: N files, R runs, the work folder (deleted first). */
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]).toAbsolutePath();
    if (java.nio.file.Files.exists(work)) {
      try (var walk = java.nio.file.Files.walk(work)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
    }
    Path output = work.resolve("public");
    List<String> files = List.of();
    // two builds first: the first writes every file, the second is the first over a previous site
    for (int i = 0; i < 2; i++) {
      files = build(output, n, -1, "warm " + i, files).files;
    }
    List<Long> unchanged = new ArrayList<>();
    List<Long> edited = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      Built b = build(output, n, -1, "same " + r, files);
      files = b.files;
      unchanged.add(b.commitMillis);
    }
    for (int r = 0; r < runs; r++) {
      Built b = build(output, n, r, "edit " + r, files);
      files = b.files;
      edited.add(b.commitMillis);
    }
    System.out.printf("PublishCost: %d files, commit ms: no change %s median %d; one edit %s median %d%n", n, unchanged, median(unchanged), edited,
        median(edited));
  }

  private record Built(List<String> files, long commitMillis) {}

  /** A build of n pages; page {@code edit} (and five list pages) get new bytes when edit >= 0. */
  private static Built build(Path output, int n, int edit, String id, List<String> previous) throws IOException {
    try (Output out = Output.open(output)) {
      for (int i = 0; i < n; i++) {
        String url = "/" + (2001 + i % 20) + "/" + String.format("%02d", 1 + i % 12) + "/berita-" + i + "/";
        boolean changed = edit >= 0 && (i == 1000 + edit || i < 5);
        String text = "<p>Berita " + i + "</p>" + (changed ? id : "");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (changed || !out.keep(url, bytes.length)) {
          out.write(url, bytes);
        }
      }
      long start = System.nanoTime();
      out.commit(id, previous.isEmpty() ? Optional.empty() : Optional.of(previous));
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Built(List.copyOf(out.files()), millis);
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
