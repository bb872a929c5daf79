package dev.warta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The peak resident memory of a process and all its descendants together, sampled from {@code
 * /proc} every 50 ms. A build through Maven is a Maven JVM and, when Warta forks, a second JVM:
 * GNU time reports only the largest of them, the issue counts their sum.
 *
 * <p>A sample can miss a peak shorter than the interval; for builds of seconds that is noise
 * below the figures' other spread. On a system without {@code /proc}, the peak is -1.
 */
final class TreeMemory implements AutoCloseable {
  private static final Path PROC = Path.of("/proc");
  private final long root;
  private final Thread sampler;
  private volatile long peakKb = -1;
  private volatile boolean running = true;

  private TreeMemory(long root) {
    this.root = root;
    this.sampler = new Thread(this::sample, "tree-memory-" + root);
    sampler.setDaemon(true);
  }

  /** Starts sampling the tree below {@code process}, itself included. */
  static TreeMemory of(Process process) {
    TreeMemory m = new TreeMemory(process.pid());
    if (Files.isDirectory(PROC.resolve(Long.toString(process.pid())))) {
      m.sampler.start();
    }
    return m;
  }

  /** The largest sum seen, in KiB; -1 when nothing could be read. */
  long peakKb() {
    return peakKb;
  }

  private void sample() {
    while (running) {
      long sum = treeRssKb(root);
      if (sum > peakKb) {
        peakKb = sum;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling, after one last sample. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
  }

  /** The summed VmRSS of {@code root} and every descendant alive now, in KiB; -1 when none. */
  static long treeRssKb(long root) {
    Map<Long, List<Long>> children = new HashMap<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path p : pids) {
        long pid = Long.parseLong(p.getFileName().toString());
        long parent = parent(p);
        if (parent >= 0) {
          children.computeIfAbsent(parent, k -> new ArrayList<>()).add(pid);
        }
      }
    } catch (IOException e) {
      return -1;
    }
    long sum = -1;
    Deque<Long> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      long pid = todo.pop();
      long rss = rssKb(pid);
      if (rss >= 0) {
        sum = Math.max(sum, 0) + rss;
      }
      todo.addAll(children.getOrDefault(pid, List.of()));
    }
    return sum;
  }

  /** The parent's id from {@code /proc/PID/stat}, whose second field (the name) may hold spaces and parentheses. */
  private static long parent(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(after[1]);
    } catch (IOException | RuntimeException e) {
      // the process ended between the listing and the read
      return -1;
    }
  }

  private static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(PROC.resolve(pid + "/status"), StandardCharsets.ISO_8859_1)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).strip().split("\\s+")[0]);
        }
      }
      // a zombie has no VmRSS line: it holds no memory any more
      return 0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
