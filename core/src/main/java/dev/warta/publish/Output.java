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
import java.util.Collection;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * {@code .NAME.releases/N}, and the release before it, {@code M}, is kept beside it. The commit
 * brings {@code M} up to date in place as the next release: it renames it to {@code
 * .NAME.releases/next}, sets every path where it differs from {@code N} to {@code N}'s file (a
 * hard link made aside and renamed over the old file, and only where the two are not already the
 * same file, which keeps its bytes and timestamp: rsync or a CDN see nothing new), renames the
 * staged files in, deletes the files the new site no longer has, renames it to {@code
 * .NAME.releases/N+1}, writes the record of the paths it changed ({@link ReleaseChanges}), makes
 * a new link {@code .NAME.warta-link} to it, and renames that link over {@code NAME}. That rename
 * is the switch: one system call that the kernel makes atomic, so a reader of {@code NAME}, at any
 * instant, whatever is killed when, sees the old release or the new one. The work grows with what
 * this build and the one before it changed, not with the site.
 *
 * <p>The folder being updated is never the one {@code NAME} links to, so a kill may leave it in
 * any state; the next build never trusts it. The paths where {@code M} differs from {@code N} come
 * from the record the build that made {@code N} wrote, used only when it names {@code M} and
 * {@code N}; a folder still called {@code next}, or a missing, damaged or stale record, makes the
 * commit compare both trees whole instead (every entry read, only differences written). Without an
 * older release (the second build of an output), the staged files are completed with hard links to
 * every unchanged file of {@code N} and renamed to {@code N+1}. A reader still inside {@code M}
 * when the next build updates it may see its files change: the README says so.
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
 * journal, link, scratch links and release folders (numbered, or {@code next}).
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
  /** The older release while it is brought up to date: any state, never trusted (see the class comment). */
  private final Path next;
  /** The paths where the current release differs from the one before it, written by the build that made it. */
  private final Path changes;
  /** Where a hard link is made before it is renamed over a file of the release being updated. */
  private final Path linking;
  private final AtomicLong links = new AtomicLong();
  /**
   * When the current release was made (its record's time): a file of it changed later was written
   * by something else than a build (Site.refresh, a hand), so the older release differs there too.
   */
  private java.nio.file.attribute.FileTime switchedAt;
  private final Set<String> touched = ConcurrentHashMap.newKeySet();
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
    this.next = releases.resolve("next");
    this.changes = releases.resolve("changes");
    this.linking = releases.resolve("linking");
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
    if (release.isPresent() && Files.isRegularFile(out.changes, LinkOption.NOFOLLOW_LINKS)) {
      out.switchedAt = Files.getLastModifiedTime(out.changes, LinkOption.NOFOLLOW_LINKS);
    }
    delete(out.staging);
    Files.createDirectories(out.staging);
    return out;
  }

  /**
   * Whether no build left anything beside the output to finish or clean up: a staging folder, a
   * site put aside, a journal, a new link, scratch links, a release being brought up to date. Only
   * then may a build that has nothing to write leave the output alone.
   */
  public static boolean settled(Path output) {
    Output out = new Output(output.toAbsolutePath().normalize(), false);
    for (Path p : List.of(out.staging, out.old, out.journal, out.link, out.linking, out.next)) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Brings the output back to a whole site after an interrupted build: puts back a previous site
   * that a swap left aside, finishes an update in place whose journal was written, and deletes
   * what a killed release build left (its staging folder, its new link, its scratch links, releases
   * other than the current one and the older one the next build updates).
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
    delete(out.linking);
    Files.deleteIfExists(out.changes.resolveSibling(out.changes.getFileName() + ".partial"));
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
   * Deletes the release folders other than the current one and the one the next build updates
   * (see {@link #spare}): two at most, so no build deletes a whole release. Without a current
   * release (the output is a plain folder) every release folder goes, with the record of changes.
   */
  private void pruneReleases(Optional<Path> current) throws IOException {
    Optional<Path> spare = current.isPresent() ? spare(current.get()) : Optional.empty();
    for (long n : releaseNumbers()) {
      Path release = releases.resolve(Long.toString(n));
      if (!Optional.of(release).equals(current) && !Optional.of(release).equals(spare)) {
        deleteInParallel(release);
      }
    }
    if (current.isEmpty()) {
      deleteInParallel(next);
      Files.deleteIfExists(changes);
      if (Files.isDirectory(releases, LinkOption.NOFOLLOW_LINKS) && isEmpty(releases)) {
        Files.delete(releases);
      }
    }
  }

  /**
   * The release folder the next build brings up to date as its own: a half-updated one that a
   * killed build left, else the newest release other than the current one.
   */
  private Optional<Path> spare(Path current) throws IOException {
    if (Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(next);
    }
    long now = releaseNumber(current.getFileName());
    List<Long> numbers = releaseNumbers();
    for (int i = numbers.size() - 1; i >= 0; i--) {
      if (numbers.get(i) != now) {
        return Optional.of(releases.resolve(Long.toString(numbers.get(i))));
      }
    }
    return Optional.empty();
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
        noteIfTouched(key, Files.getLastModifiedTime(previous.resolve(key), LinkOption.NOFOLLOW_LINKS));
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
      noteIfTouched(key, attributes.lastModifiedTime());
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

  /** Records a kept file that was changed in the current release after its switch (see {@link #switchedAt}). */
  private void noteIfTouched(String key, java.nio.file.attribute.FileTime modified) {
    // the same tick counts too: on a disk with coarse times a late file costs one link, not the site
    if (switchedAt != null && modified.compareTo(switchedAt) >= 0) {
      touched.add(key);
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
      switchRelease(present);
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
   * Makes the next release and switches the output's link to it with one rename. The next release
   * is the older of the two kept, brought up to date in place, or, when there is none, the staged
   * site completed with hard links to the current release's unchanged files. See the class comment
   * for why each step is safe to be killed in.
   */
  private void switchRelease(Optional<? extends Collection<String>> present) throws IOException {
    Optional<Path> current = previous.equals(output) ? Optional.empty() : Optional.of(previous);
    // what this build changes against the current release: the files it staged, the marker among
    // them, and the files it no longer has
    Set<String> changedNow = new HashSet<>();
    for (String key : written) {
      if (!kept.contains(key)) {
        changedNow.add(key);
      }
    }
    changedNow.add(MARKER);
    if (current.isPresent()) {
      for (String key : present.isPresent() ? present.get() : filesOf(current.get())) {
        if (!written.contains(key)) {
          changedNow.add(key);
        }
      }
    }
    // read, then removed: a record on disk always describes the newest release, made whole
    Optional<ReleaseChanges> record = ReleaseChanges.read(changes);
    Files.deleteIfExists(changes);
    Optional<Path> spare = current.isPresent() ? spare(current.get()) : Optional.empty();
    List<Long> numbers = releaseNumbers();
    long number = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
    Files.createDirectories(releases);
    Path release = releases.resolve(Long.toString(number));
    if (spare.isPresent()) {
      Path now = current.get();
      Optional<Set<String>> differing = spare.get().equals(next) ? Optional.empty()
          : record.filter(r -> r.describes(releaseNumber(spare.get().getFileName()), releaseNumber(now.getFileName()))).map(ReleaseChanges::paths);
      // the rename marks the folder as being updated: a kill from here on leaves "next", which
      // the next build never trusts
      if (!spare.get().equals(next)) {
        move(spare.get(), next);
      }
      Set<String> update = new HashSet<>(changedNow);
      if (differing.isPresent()) {
        update.addAll(differing.get());
        update.addAll(touched);
      } else {
        matchFully(now);
      }
      updateNext(update, now);
      move(next, release);
    } else {
      linkKeptIntoStaging();
      move(staging, release);
    }
    if (current.isPresent()) {
      ReleaseChanges.write(changes, new ReleaseChanges(releaseNumber(current.get().getFileName()), number, changedNow));
    }
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, releases.getFileName().resolve(release.getFileName()));
    boolean migrating = Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS);
    if (migrating) {
      // once per output, from a Warta before releases: a folder cannot be swapped with a link in
      // one step, so the output is absent between these two renames (see the class comment)
      delete(old);
      move(output, old);
    }
    try {
      Files.move(link, output, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (migrating) {
        move(old, output); // the build failed: the old folder goes back at once, not at the next build
      }
      throw e;
    }
    committed = true;
    try {
      delete(staging);
      deleteInParallel(old);
      pruneReleases(Optional.of(release));
    } catch (IOException e) {
      // the new site is published; what is left of older ones the next build deletes
    }
  }

  /** Hard-links every unchanged file of the current release into the staging folder. */
  private void linkKeptIntoStaging() throws IOException {
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
  }

  /**
   * Brings the release folder {@code next}, equal to {@code current} except at {@code paths}, to
   * the new site: a path this build staged gets the staged file, one it kept gets the current
   * release's file, any other is deleted. Deletions go first, so that no file meets an old one
   * where its folder should be.
   */
  private void updateNext(Set<String> paths, Path current) throws IOException {
    List<String> deletions = new ArrayList<>();
    List<String> puts = new ArrayList<>();
    for (String key : paths) {
      (written.contains(key) || key.equals(MARKER) ? puts : deletions).add(key);
    }
    forEachInParallel(deletions, key -> {
      Path file = next.resolve(key);
      if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        delete(file);
      } else {
        Files.deleteIfExists(file);
      }
      removeEmptyFolders(file.getParent(), next);
    });
    Files.createDirectories(linking);
    forEachInParallel(puts, key -> {
      Path target = next.resolve(key);
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        delete(target); // a folder where the new site has a file: it holds none of the new site's files
      }
      Files.createDirectories(target.getParent());
      if (kept.contains(key)) {
        linkOver(current.resolve(key), target);
      } else {
        Files.move(staging.resolve(key), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    });
    delete(linking);
  }

  /**
   * Makes the folder {@code next} hold exactly the files of {@code current}, as hard links to them,
   * by comparing the two whole trees: for an older release of unknown state, which a killed build
   * or a missing record of changes leaves. It reads every entry of both, but writes only where
   * they differ.
   */
  private void matchFully(Path current) throws IOException {
    Files.createDirectories(linking);
    Files.walkFileTree(next, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(next) && !Files.isDirectory(current.resolve(next.relativize(dir).toString()), LinkOption.NOFOLLOW_LINKS)) {
          delete(dir);
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path source = current.resolve(next.relativize(file).toString());
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(file);
        } else if (!sameFile(source, file)) {
          linkOver(source, file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    Files.walkFileTree(current, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(next.resolve(current.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path target = next.resolve(current.relativize(file).toString());
        if (attrs.isRegularFile() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          Files.createLink(target, file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    delete(linking);
  }

  /**
   * Puts a hard link to {@code source} in the place of {@code target} with one rename, so a reader
   * of that folder sees the old file or the new one, never none; nothing when they already are the
   * same file, which keeps its timestamp either way.
   */
  private void linkOver(Path source, Path target) throws IOException {
    if (sameFile(source, target)) {
      return;
    }
    Path temporary = linking.resolve(Long.toString(links.incrementAndGet()));
    Files.createLink(temporary, source);
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      // a rename between two links to one file leaves both: only then is this one left
      Files.deleteIfExists(temporary);
    }
  }

  /** Whether two paths are links to the same file; false when either is missing. */
  private static boolean sameFile(Path a, Path b) throws IOException {
    try {
      Object first = Files.readAttributes(a, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
      return first != null && first.equals(Files.readAttributes(b, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** An action on a file that may fail. */
  private interface FileAction {
    void run(String key) throws IOException;
  }

  private static void forEachInParallel(List<String> keys, FileAction action) throws IOException {
    try {
      keys.parallelStream().forEach(key -> {
        try {
          action.run(key);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot update " + key + " in the next release: " + e.getMessage(), e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
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
        removeEmptyFolders(file.getParent(), output);
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

  /** Removes a folder under {@code root} that deletions emptied, and its emptied parents. */
  private static void removeEmptyFolders(Path folder, Path root) throws IOException {
    for (Path f = folder; f != null && f.startsWith(root) && !f.equals(root); f = f.getParent()) {
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
