package dev.warta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * The file system's share of a build, for {@link Compare}: the files of an earlier output written
 * again into a new folder, in a JVM of its own. {@code WriteAlone FROM TO THREADS}.
 *
 * <p>All files are read into memory first; {@code buildMs} in the result line counts only the
 * creating of folders and the writing of files, as many at a time as a build writes.
 */
public final class WriteAlone {

  private WriteAlone() {}

  private record File(Path relative, byte[] bytes) {}

  /** Copies {@code FROM} to {@code TO}, which must not exist, and prints the result line. */
  public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
    if (args.length != 3) {
      System.err.println("usage: WriteAlone FROM TO THREADS");
      System.exit(2);
    }
    Path from = Path.of(args[0]);
    Path to = Path.of(args[1]);
    if (Files.exists(to)) {
      throw new IllegalArgumentException(to + " exists already");
    }
    List<File> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).sorted().map(p -> new File(from.relativize(p), read(p))).toList();
    }
    long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
    long start = System.nanoTime();
    ForkJoinPool pool = new ForkJoinPool(Integer.parseInt(args[2]));
    pool.submit(() -> files.parallelStream().forEach(f -> {
      try {
        Path target = to.resolve(f.relative());
        Files.createDirectories(target.getParent());
        Files.write(target, f.bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    })).get();
    pool.shutdown();
    System.out.println(BuildOnce.PREFIX + " files=" + files.size() + " bytes=" + bytes
        + " buildMs=" + (System.nanoTime() - start) / 1_000_000);
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
