package dev.warta.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The class-data-sharing (AppCDS) archive of a forked build: the classes of Warta and its
 * libraries, parsed and laid out once, mapped by every later JVM instead of being loaded again.
 *
 * <p>The first build on a machine runs with {@code -XX:ArchiveClassesAtExit} into a file of its
 * own; once it ended well, that file is renamed into place in one step, so no JVM ever maps a half
 * written archive and two builds making one at the same time do not disturb each other. Later
 * builds run with {@code -XX:SharedArchiveFile}. An archive holds for one JVM and one class path
 * exactly, so its name is a hash of the JVM (home, version), the main class and every class path
 * entry with its size and time: a new Warta version, a rebuilt snapshot or another JDK makes a new archive. An
 * archive the JVM still finds unusable is ignored by the JVM itself ({@code -Xshare:auto}, the
 * default): the build is then only as slow as without one. A folder keeps the {@link #KEEP}
 * archives last used.
 */
final class ClassDataArchive {
  /**
   * Silences the JVM's notes on classes it leaves out of the archive (JFR events, classes of
   * Java 5 and older, a class of a library's optional Jython support that fails verification) and
   * on an archive it does not map: none needs the user's attention.
   */
  static final String QUIET = "-Xlog:cds*=off";

  private final Path file;
  /** Whether the class path is all jars: the JVM archives no classes from a folder, and fails at exit if asked to. */
  private final boolean jars;
  private Path dumping;

  private ClassDataArchive(Path file, boolean jars) {
    this.file = file;
    this.jars = jars;
  }

  /**
   * The archive for running {@code main} (its name) from {@code classpath} by the JVM in {@code
   * javaHome}, kept in {@code folder}: each task loads classes of its own, so each has an archive.
   */
  static ClassDataArchive in(Path folder, String javaHome, String javaVersion, List<File> classpath, String main) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    StringBuilder key = new StringBuilder(javaHome).append('\n').append(javaVersion).append('\n').append(main).append('\n');
    for (File f : classpath) {
      key.append(f.getAbsolutePath()).append('\t').append(f.length()).append('\t').append(f.lastModified()).append('\n');
    }
    byte[] hash = digest.digest(key.toString().getBytes(StandardCharsets.UTF_8));
    return new ClassDataArchive(folder.resolve("warta-" + HexFormat.of().formatHex(hash, 0, 12) + ".jsa"),
        classpath.stream().allMatch(File::isFile));
  }

  /** The archive's file once made. */
  Path file() {
    return file;
  }

  /**
   * The JVM options that use the archive, or that make it when there is none yet; none when the
   * class path has a folder, when the folder cannot be made, or when making it failed before
   * (the build then runs without).
   */
  List<String> options() {
    if (!jars || Files.exists(unusable())) {
      return List.of();
    }
    if (Files.isRegularFile(file)) {
      try {
        // its time is when it was last used, so that pruning keeps the archives in use
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
      } catch (IOException e) {
        // a read-only cache still serves
      }
      return List.of(QUIET, "-XX:SharedArchiveFile=" + file);
    }
    try {
      Files.createDirectories(file.getParent());
      dumping = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      // the JVM writes the archive itself, and will not write over a file
      Files.delete(dumping);
    } catch (IOException e) {
      dumping = null;
      return List.of();
    }
    return List.of(QUIET, "-XX:ArchiveClassesAtExit=" + dumping);
  }

  /** How many archives a cache folder keeps: each rebuilt snapshot of Warta makes one. */
  static final int KEEP = 4;

  /** Deletes all but the {@link #KEEP} archives last used in {@code folder}. */
  static void prune(Path folder) throws IOException {
    List<Path> archives;
    try (var files = Files.list(folder)) {
      archives = files.filter(f -> f.getFileName().toString().matches("warta-[0-9a-f]+\\.jsa")).collect(java.util.stream.Collectors.toList());
    }
    java.util.Map<Path, Long> used = new java.util.HashMap<>();
    for (Path a : archives) {
      used.put(a, Files.getLastModifiedTime(a).toMillis());
    }
    archives.sort(java.util.Comparator.comparing((Path a) -> used.get(a)).reversed().thenComparing(Path::toString));
    for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
      Files.deleteIfExists(old);
    }
  }

  /** Whether this run makes the archive. */
  boolean making() {
    return dumping != null;
  }

  /** The mark that making this archive failed once: later builds run without one. */
  private Path unusable() {
    return file.resolveSibling(file.getFileName() + ".unusable");
  }

  /**
   * After the build, whose JVM ended with {@code status} having done its work ({@code done}): an
   * archive made by a JVM that also ended well goes into place; any other is deleted, and when the
   * JVM failed only in making it, so are later attempts. Failing to do any of this costs the next
   * build time, nothing else.
   */
  void finish(boolean done, boolean ok) {
    if (dumping == null) {
      return;
    }
    try {
      if (ok && Files.isRegularFile(dumping) && Files.size(dumping) > 0) {
        Files.move(dumping, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune(file.getParent());
      } else if (done && !ok) {
        Files.writeString(unusable(), "making this archive failed; delete this file to try again\n", StandardCharsets.UTF_8);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // another build may have put its archive there first; either serves
    } finally {
      try {
        Files.deleteIfExists(dumping);
      } catch (IOException e) {
        // a stray temporary file in a cache folder: harmless
      }
      dumping = null;
    }
  }
}
