package dev.warta.publish;

import dev.warta.internal.SitePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a build's files go: a staging folder that replaces the output folder only when the whole
 * site was written.
 *
 * <p>How it works. The staging folder {@code .NAME.warta-staging} sits beside the output folder
 * {@code NAME}, on the same disk. Each file is written there; when the previous output holds a file
 * with the same bytes, that file is hard-linked instead (copied with its timestamp where links are
 * not supported), so unchanged files keep their timestamps and rsync or a CDN see nothing new. On
 * {@link #commit()} the output folder is renamed to {@code .NAME.warta-old}, the staging folder is
 * renamed to {@code NAME}, and the old folder is deleted. A build that fails or is killed before
 * the first rename leaves the output untouched; one killed between the two renames leaves the old
 * site in {@code .NAME.warta-old}, which the next build (or {@link #recover}) puts back first.
 *
 * <p>Warta owns its output folder: it carries a marker file, and a non-empty folder without one is
 * never replaced, so a mistaken {@code output} setting cannot delete someone else's files.
 */
public final class Output implements AutoCloseable {
  /** The marker file in every folder Warta writes. */
  public static final String MARKER = ".warta-output";

  private final Path output;
  private final Path staging;
  private final Path old;
  private final boolean discard;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final AtomicInteger changed = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private boolean committed;

  private Output(Path output, boolean discard) {
    this.output = output;
    this.discard = discard;
    String name = output.getFileName() == null ? "site" : output.getFileName().toString();
    this.staging = output.resolveSibling("." + name + ".warta-staging");
    this.old = output.resolveSibling("." + name + ".warta-old");
  }

  /** An output that writes nothing: for checking a site. */
  public static Output discard() {
    return new Output(Path.of("unused"), true);
  }

  /**
   * Prepares to write a new site for {@code output}: puts back an old site that an interrupted
   * swap left aside, refuses a folder Warta did not write, and starts an empty staging folder.
   *
   * @throws ForeignFolderException when the output folder holds files but no marker
   */
  public static Output open(Path output) throws IOException {
    Path dir = output.toAbsolutePath().normalize();
    if (dir.getParent() == null) {
      throw new IOException("the output folder cannot be a file system root: " + dir);
    }
    Output out = new Output(dir, false);
    recover(dir);
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir)) {
        throw new ForeignFolderException(dir, "it is not a plain folder");
      }
      if (!Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
        throw new ForeignFolderException(dir, "it holds files that Warta did not write");
      }
    }
    Files.createDirectories(dir.getParent());
    delete(out.staging);
    Files.createDirectories(out.staging);
    return out;
  }

  /** Puts back a previous site that an interrupted swap left beside the output folder. */
  public static void recover(Path output) throws IOException {
    Path dir = output.toAbsolutePath().normalize();
    Output out = new Output(dir, false);
    if (Files.isDirectory(out.old, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(out.old, dir, StandardCopyOption.ATOMIC_MOVE);
      } else {
        delete(out.old);
      }
    }
  }

  /** Thrown when the output folder belongs to someone else. */
  public static final class ForeignFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    ForeignFolderException(Path dir, String why) {
      super("the output folder " + dir + " is not Warta's (" + why + "); choose a new or empty folder, or delete this one");
    }
  }

  /**
   * Writes a file at a site-relative URL path ({@code /2023/09/a/} is written as {@code
   * 2023/09/a/index.html}). Thread-safe; each path may be written once.
   */
  public void write(String urlPath, byte[] bytes) {
    if (discard) {
      return;
    }
    Path target = SitePaths.file(staging, urlPath);
    String key = staging.relativize(target).toString();
    if (!written.add(key)) {
      throw new IllegalStateException("written twice: " + urlPath);
    }
    Path previous = output.resolve(key);
    try {
      Path parent = target.getParent();
      if (!folders.contains(parent)) {
        // a folder holds many files: create it once rather than ask the disk for each file
        Files.createDirectories(parent);
        folders.add(parent);
      }
      if (sameBytes(previous, bytes)) {
        keep(previous, target);
        unchanged.incrementAndGet();
      } else {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(target,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
          java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
        changed.incrementAndGet();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + key + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameBytes(Path previous, byte[] bytes) throws IOException {
    try {
      if (!Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS) || Files.size(previous) != bytes.length) {
        return false;
      }
      return Arrays.equals(Files.readAllBytes(previous), bytes);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static void keep(Path previous, Path target) throws IOException {
    try {
      Files.createLink(target, previous);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(previous, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Files written with new bytes. */
  public int changed() {
    return changed.get();
  }

  /** Files whose bytes were the same as in the previous output. */
  public int unchanged() {
    return unchanged.get();
  }

  /** The folder the site goes to. */
  public Path folder() {
    return output;
  }

  /** Swaps the staging folder in for the output folder. */
  public void commit() throws IOException {
    if (discard) {
      committed = true;
      return;
    }
    Files.writeString(staging.resolve(MARKER), "This folder is written by Warta and replaced whole at each build.\n");
    delete(old);
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
      move(output, old);
    }
    move(staging, output);
    committed = true;
    deleteInParallel(old);
  }

  /**
   * Deletes the previous site, its top-level folders in parallel: removing 100,000 pages is disk
   * metadata work that two threads finish in about half the time. Whatever is left by a crash here
   * is removed by the next build's {@link #recover}.
   */
  private static void deleteInParallel(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    java.util.List<Path> children;
    try (var list = Files.list(dir)) {
      children = list.toList();
    }
    try {
      children.parallelStream().forEach(child -> {
        try {
          delete(child);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    delete(dir);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Removes the staging folder unless the site was committed; the output stays as it was. */
  @Override
  public void close() throws IOException {
    if (!discard && !committed) {
      delete(staging);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Deletes a folder tree without following links out of it. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        try {
          Files.deleteIfExists(d);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException retry) {
          delete(d);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
