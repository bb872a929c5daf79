package dev.warta.publish;

import dev.warta.internal.SitePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a build's files go: a staging folder whose content reaches the output only when the whole
 * site was written, and then in one atomic step.
 *
 * <p>How it works. The staging folder {@code .NAME.warta-staging} sits beside the output {@code
 * NAME}, on the same disk. A file whose bytes equal the previous output's is not written there: it
 * is only recorded as unchanged. {@link #commit()} then takes one of two ways.
 *
 * <p><b>Releases</b>, wherever the file system has symbolic and hard links (Linux, macOS, and
 * Windows with the right to create symbolic links). The output {@code NAME} is a symbolic link to
 * {@code .NAME.releases/N}. The commit hard-links every unchanged file of release {@code N} into the
 * staging folder (the same file: its bytes and timestamp stay, and rsync or a CDN see nothing new),
 * renames the staging folder to {@code .NAME.releases/N+1}, makes a new link {@code
 * .NAME.warta-link} to it, and renames that link over {@code NAME}. That rename is the switch: one
 * system call that the kernel makes atomic, so a reader of {@code NAME}, at any instant, whatever
 * is killed when, sees the old release or the new one. Releases beyond the current one and the one
 * before it are deleted afterwards (a reader that opened the old release while the switch happened
 * can still finish); a kill during that clean-up leaves folders that the next build deletes.
 *
 * <p>An output that is still a plain folder, from a Warta before releases, becomes a link at its
 * first such commit: the folder is renamed aside to {@code .NAME.warta-old} and the link renamed
 * into its place. Linux offers no way to exchange a folder and a link in one step from Java (that
 * takes {@code renameat2} with {@code RENAME_EXCHANGE}), so for the microseconds between these two
 * renames, once per output, {@code NAME} is absent; a kill there leaves the old folder aside, and
 * the next build (or {@link #recover}) puts it back. From then on every switch is atomic.
 *
 * <p><b>Journal</b>, where links cannot be made (some network and FAT-style disks, Windows without
 * the right): when no file was unchanged, the output folder is renamed aside and the staging folder
 * renamed into its place (absent for a moment, as above); otherwise the list of files to delete is
 * written to the journal {@code .NAME.warta-commit} (written whole, then renamed into place), the
 * files it names are deleted, each staged file is renamed over its old version, and the journal is
 * removed last. A kill once the journal exists leaves a mix of old and new files until the next
 * build (or {@link #recover}) finishes the journal: this way's guarantee is weaker, and says so in
 * the README.
 *
 * <p>Either way, a build that fails, or is killed before its commit starts, leaves the output
 * untouched.
 *
 * <p>Warta owns its output: it carries a marker file, and a non-empty folder without one, or a link
 * that is not to one of Warta's releases, is never replaced, so a mistaken {@code output} setting
 * cannot delete someone else's files. Warta deletes only its own staging folder, old folder,
 * journal, link and numbered release folders.
 */
public final class Output implements AutoCloseable {
  /** The marker file in every folder Warta writes. */
  public static final String MARKER = ".warta-output";

  private static final String MARKER_TEXT = "This folder is written by Warta; each build replaces what it holds.\n";
  private static final String BUILD = "build: ";

  private final Path output;
  private final Path staging;
  private final Path old;
  private final Path journal;
  /** The folder of numbered releases, and the new link made beside the output before the switch. */
  private final Path releases;
  private final Path link;
  private final boolean discard;
  /** Whether this build publishes a release and switches the link; otherwise it uses the journal. */
  private boolean releaseLayout;
  /** The folder that holds the previous site: the current release, or the plain output folder. */
  private Path previous;
  /** Site-relative paths of the files whose previous version is kept: linked into a new release. */
  private final Set<String> kept = ConcurrentHashMap.newKeySet();
  private final String separator;
  /** Site-relative paths of every file of the new site, changed or not. */
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  /** Site-relative paths of the folders those files are in, to refuse a file where a folder is. */
  private final Set<String> parents = ConcurrentHashMap.newKeySet();
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final AtomicInteger changed = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private boolean committed;
  /** Whether there is a previous site to compare with: a first build need not ask the disk for each file. */
  private boolean hasPrevious;

  private Output(Path output, boolean discard) {
    this.output = output;
    this.discard = discard;
    this.separator = output.getFileSystem().getSeparator();
    String name = output.getFileName() == null ? "site" : output.getFileName().toString();
    this.staging = output.resolveSibling("." + name + ".warta-staging");
    this.old = output.resolveSibling("." + name + ".warta-old");
    this.journal = output.resolveSibling("." + name + ".warta-commit");
    this.releases = output.resolveSibling("." + name + ".releases");
    this.link = output.resolveSibling("." + name + ".warta-link");
    this.previous = output;
  }

  /**
   * The id of the build that wrote the site in {@code output}, from its marker file; empty when
   * there is none, or when an interrupted build left the folder to be recovered.
   */
  public static String builtBy(Path output) {
    Output out = new Output(output.toAbsolutePath().normalize(), false);
    if (Files.exists(out.old, LinkOption.NOFOLLOW_LINKS) || Files.exists(out.journal, LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    try {
      for (String line : Files.readAllLines(out.output.resolve(MARKER), StandardCharsets.UTF_8)) {
        if (line.startsWith(BUILD)) {
          return line.substring(BUILD.length()).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // no marker, or not one Warta can read: no known build
    }
    return "";
  }


  /** An output that writes nothing: for checking a site. */
  public static Output discard() {
    return new Output(Path.of("unused"), true);
  }

  /**
   * Prepares to write a new site for {@code output}: finishes or undoes what an interrupted build
   * left, refuses a folder Warta did not write, and starts an empty staging folder.
   *
   * @throws ForeignFolderException when the output folder holds files but no marker
   */
  public static Output open(Path output) throws IOException {
    return open(output, true);
  }

  /**
   * As {@link #open(Path)}; {@code releases} false keeps the journal even where links work (for
   * tests of the way a disk without links takes).
   */
  static Output open(Path output, boolean releases) throws IOException {
    Path dir = output.toAbsolutePath().normalize();
    if (dir.getParent() == null) {
      throw new IOException("the output folder cannot be a file system root: " + dir);
    }
    Output out = new Output(dir, false);
    recover(dir);
    Optional<Path> release = out.currentRelease();
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && release.isEmpty()) {
      if (Files.isSymbolicLink(dir)) {
        throw new ForeignFolderException(dir, "it is a link that Warta did not make");
      }
      if (!Files.isDirectory(dir)) {
        throw new ForeignFolderException(dir, "it is not a folder");
      }
      if (!Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
        throw new ForeignFolderException(dir, "it holds files that Warta did not write");
      }
    }
    Files.createDirectories(dir.getParent());
    out.releaseLayout = release.isPresent() || releases && out.linksWork();
    out.previous = release.orElse(dir);
    out.hasPrevious = Files.isDirectory(out.previous) && !isEmpty(out.previous);
    delete(out.staging);
    Files.createDirectories(out.staging);
    return out;
  }

  /**
   * Brings the output back to a whole site after an interrupted build: puts back a previous site
   * that a swap left aside, finishes an update in place whose journal was written, and deletes
   * what a killed release build left (its staging folder, its new link, releases other than the
   * current one and the one before it).
   */
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
    if (Files.isRegularFile(out.journal, LinkOption.NOFOLLOW_LINKS)) {
      out.applyJournal();
    }
    Files.deleteIfExists(out.link);
    out.pruneReleases(out.currentRelease());
  }

  /**
   * The release folder the output links to, when the output is such a link: to {@code
   * .NAME.releases/N} beside it, with Warta's marker.
   */
  private Optional<Path> currentRelease() throws IOException {
    if (!Files.isSymbolicLink(output)) {
      return Optional.empty();
    }
    Path target = Files.readSymbolicLink(output);
    if (target.getNameCount() != 2 || target.isAbsolute() || !target.getName(0).toString().equals(releases.getFileName().toString())
        || releaseNumber(target.getFileName()) < 0) {
      return Optional.empty();
    }
    Path release = releases.resolve(target.getFileName().toString());
    return Files.isDirectory(release, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(release.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(release) : Optional.empty();
  }

  /** A release folder's number, or -1 for any other name. */
  private static long releaseNumber(Path name) {
    String n = name.toString();
    if (n.isEmpty() || n.length() > 18 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(n);
  }

  /** The numbers of the release folders there are, ascending. */
  private List<Long> releaseNumbers() throws IOException {
    if (!Files.isDirectory(releases, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (var list = Files.list(releases)) {
      return list.map(p -> releaseNumber(p.getFileName())).filter(n -> n >= 0).sorted().toList();
    }
  }

  /**
   * Deletes the release folders other than the current one and the newest before it: a reader
   * that followed the link just before a switch still finds its files. Without a current release
   * (the output is a plain folder) every release folder goes.
   */
  private void pruneReleases(Optional<Path> current) throws IOException {
    long now = current.map(p -> releaseNumber(p.getFileName())).orElse(-1L);
    long before = -1;
    for (long n : releaseNumbers()) {
      if (n < now) {
        before = n;
      }
    }
    for (long n : releaseNumbers()) {
      if (n != now && n != before) {
        deleteInParallel(releases.resolve(Long.toString(n)));
      }
    }
    if (current.isEmpty() && Files.isDirectory(releases, LinkOption.NOFOLLOW_LINKS) && isEmpty(releases)) {
      Files.delete(releases);
    }
  }

  /**
   * Whether this disk takes symbolic and hard links: tried once, on a scratch file in the
   * releases folder.
   */
  private boolean linksWork() {
    boolean made = !Files.exists(releases, LinkOption.NOFOLLOW_LINKS);
    Path probe = releases.resolve(".probe");
    Path hard = releases.resolve(".probe-hard");
    Path soft = releases.resolve(".probe-soft");
    try {
      Files.createDirectories(releases);
      Files.deleteIfExists(probe);
      Files.deleteIfExists(hard);
      Files.deleteIfExists(soft);
      Files.writeString(probe, "");
      Files.createLink(hard, probe);
      Files.createSymbolicLink(soft, probe.getFileName());
      return Files.isSymbolicLink(soft);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(soft);
        Files.deleteIfExists(hard);
        Files.deleteIfExists(probe);
        if (made && Files.isDirectory(releases, LinkOption.NOFOLLOW_LINKS) && isEmpty(releases)) {
          Files.delete(releases);
        }
      } catch (IOException e) {
        // a scratch file left in Warta's own folder; the next probe removes it
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
    try {
      claim(key);
      if (hasPrevious && sameBytes(previous.resolve(key), bytes)) {
        kept.add(key);
        unchanged.incrementAndGet();
        return;
      }
      Path parent = target.getParent();
      if (!folders.contains(parent)) {
        // a folder holds many files: create it once rather than ask the disk for each file
        Files.createDirectories(parent);
        folders.add(parent);
      }
      try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      changed.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Keeps the previous build's file at a URL path as this build's, without reading it, when it is
   * still there with the given size; returns whether it was kept. For pages known unchanged from
   * what they are made of.
   */
  public boolean keep(String urlPath, long size) {
    if (discard) {
      return false;
    }
    Path target = SitePaths.file(staging, urlPath);
    String key = staging.relativize(target).toString();
    try {
      BasicFileAttributes attributes = Files.readAttributes(previous.resolve(key), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile() || attributes.size() != size) {
        return false;
      }
      claim(key);
      kept.add(key);
      unchanged.incrementAndGet();
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records a path of the new site, refusing one that is also the folder of another: unchanged files
   * are not staged, so the staging folder alone cannot show such a clash, and the commit must not
   * meet it halfway.
   */
  private void claim(String key) throws IOException {
    int first = key.indexOf(separator);
    if ((first < 0 ? key : key.substring(0, first)).equals(MARKER)) {
      throw new IOException(MARKER + " is the name of the marker of Warta's output folder; rename this file or folder");
    }
    if (!written.add(key)) {
      throw new IllegalStateException("written twice: " + key);
    }
    // each path is recorded before the other set is checked: of two threads writing clashing
    // paths at once, at least one sees the other's
    if (parents.contains(key)) {
      throw new IOException("other files of the site are in a folder of this name; rename one of them");
    }
    for (int end = first; end >= 0; end = key.indexOf(separator, end + 1)) {
      String f = key.substring(0, end);
      parents.add(f);
      if (written.contains(f)) {
        throw new IOException(f + " is a file of the site, so it cannot be a folder; rename one of them");
      }
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

  /** Every file of the new site, written or kept, by its path in the output folder; not the marker. */
  public Set<String> files() {
    return Set.copyOf(written);
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

  /** Makes the staged site the output, with no build id. */
  public void commit() throws IOException {
    commit("", java.util.Optional.empty());
  }

  /**
   * Makes the staged site the output: by replacing the folder, or by updating it in place. The
   * marker file records {@code buildId}, which {@link #builtBy} returns until the next commit.
   * {@code present} are the files the output holds, those the build named by the output's marker
   * wrote ({@link #files()}), so that finding what to delete does not walk a folder of 100,000
   * pages; without them the output folder is walked.
   */
  public void commit(String buildId, java.util.Optional<? extends java.util.Collection<String>> present) throws IOException {
    if (discard) {
      committed = true;
      return;
    }
    // the marker is staged like any file, so it changes together with the site it describes
    Files.writeString(staging.resolve(MARKER), MARKER_TEXT + (buildId.isEmpty() ? "" : BUILD + buildId + "\n"));
    if (releaseLayout) {
      switchRelease();
      return;
    }
    if (unchanged.get() == 0 || !Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
      delete(old);
      if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
        move(output, old);
      }
      move(staging, output);
      committed = true;
      deleteInParallel(old);
      return;
    }
    StringBuilder removed = new StringBuilder();
    for (String key : present.isPresent() ? present.get() : filesOf(output)) {
      if (!written.contains(key) && !key.equals(MARKER)) {
        // NUL is the one character no file name holds
        removed.append(key).append('\0');
      }
    }
    Path partial = journal.resolveSibling(journal.getFileName() + ".partial");
    Files.writeString(partial, removed, StandardCharsets.UTF_8);
    move(partial, journal);
    committed = true;
    try {
      applyJournal();
    } catch (IOException e) {
      throw new UnfinishedCommitException(e);
    }
  }

  /**
   * Completes the staged site with hard links to the unchanged files of the current release, makes
   * it the next release, and switches the output's link to it with one rename; then deletes the
   * releases no longer kept. See the class comment for why each step is safe to be killed in.
   */
  private void switchRelease() throws IOException {
    try {
      kept.parallelStream().forEach(key -> {
        Path target = staging.resolve(key);
        try {
          Files.createDirectories(target.getParent());
          Files.createLink(target, previous.resolve(key));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot link " + key + " into the new release: " + e.getMessage(), e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<Long> numbers = releaseNumbers();
    long number = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
    Files.createDirectories(releases);
    Path release = releases.resolve(Long.toString(number));
    move(staging, release);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, releases.getFileName().resolve(release.getFileName()));
    if (Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
      // once per output, from a Warta before releases: a folder cannot be swapped with a link in
      // one step, so the output is absent between these two renames (see the class comment)
      delete(old);
      move(output, old);
    }
    Files.move(link, output, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
    try {
      deleteInParallel(old);
      pruneReleases(Optional.of(release));
    } catch (IOException e) {
      // the new site is published; what is left of older ones the next build deletes
    }
  }

  /** Thrown when an update in place stopped halfway: the next build, or {@link #recover}, finishes it. */
  public static final class UnfinishedCommitException extends IOException {
    private static final long serialVersionUID = 1L;

    UnfinishedCommitException(IOException cause) {
      super(cause.getMessage() + "; the output is partly updated, and the next build finishes the update", cause);
    }
  }

  /**
   * Carries out a written journal: deletes the files it names, moves every staged file over its old
   * version, then removes the staging folder and, last, the journal. Deleting first means no staged
   * file meets an old one where its folder should be.
   */
  private void applyJournal() throws IOException {
    String names = Files.readString(journal, StandardCharsets.UTF_8);
    for (String key : names.split("\0")) {
      if (!key.isEmpty()) {
        Path file = output.resolve(key);
        Files.deleteIfExists(file);
        removeEmptyFolders(file.getParent());
      }
    }
    if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
      List<String> staged = filesOf(staging);
      try {
        staged.parallelStream().forEach(key -> {
          try {
            Path target = output.resolve(key);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
              delete(target); // an empty folder left where the new site has a file: it holds none of the new site's files
            }
            Files.createDirectories(target.getParent());
            Files.move(staging.resolve(key), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    delete(staging);
    Files.deleteIfExists(journal);
  }

  /** Removes a folder of the output that deletions emptied, and its emptied parents. */
  private void removeEmptyFolders(Path folder) throws IOException {
    for (Path f = folder; f != null && f.startsWith(output) && !f.equals(output); f = f.getParent()) {
      try {
        Files.deleteIfExists(f);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  /** The paths of all files under a folder, relative to it, without following links. */
  private static List<String> filesOf(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        files.add(root.relativize(file).toString());
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
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
    List<Path> children;
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
