package dev.warta.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The paths where release {@code release} differs from release {@code base}, the one it was made
 * beside: the files its build wrote and those it no longer had. Outside these paths the two
 * releases hold the same files (hard links to one file), so the next build brings {@code base} up
 * to date by touching only these paths and its own changes.
 *
 * <p>Stored as fields each ended by NUL (the one character no file name holds): a header, the two
 * numbers, the count of paths, the paths, and {@code end}. It is written whole beside its place
 * and renamed into it; one that does not read back exactly so counts as none.
 */
record ReleaseChanges(long base, long release, Set<String> paths) {
  private static final String HEADER = "warta release changes 1";
  private static final String END = "end";

  ReleaseChanges {
    paths = Set.copyOf(paths);
  }

  /** Whether this record tells how release {@code release} differs from release {@code base}. */
  boolean describes(long base, long release) {
    return this.base == base && this.release == release;
  }

  /** The record in {@code file}; empty when there is none, or it is damaged. */
  static Optional<ReleaseChanges> read(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      String[] fields = Files.readString(file, StandardCharsets.UTF_8).split("\0", -1);
      // header, base, release, count, paths..., end, and the empty rest after the last NUL
      if (fields.length < 6 || !fields[0].equals(HEADER) || !fields[fields.length - 2].equals(END) || !fields[fields.length - 1].isEmpty()) {
        return Optional.empty();
      }
      int count = Integer.parseInt(fields[3]);
      if (count != fields.length - 6) {
        return Optional.empty();
      }
      List<String> paths = new ArrayList<>(List.of(fields).subList(4, 4 + count));
      return Optional.of(new ReleaseChanges(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Set.copyOf(paths)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: the next build compares the whole releases instead
    }
  }

  /** Writes this record to {@code file}: whole beside it first, then renamed into place. */
  static void write(Path file, ReleaseChanges changes) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\0').append(changes.base).append('\0').append(changes.release).append('\0')
        .append(changes.paths.size()).append('\0');
    for (String path : changes.paths.stream().sorted().toList()) {
      text.append(path).append('\0');
    }
    text.append(END).append('\0');
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
