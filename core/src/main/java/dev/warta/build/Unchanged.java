package dev.warta.build;

import static dev.warta.internal.CacheData.readBytes;
import static dev.warta.internal.CacheData.readText;

import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.internal.CacheData;
import dev.warta.internal.Fingerprint;
import dev.warta.publish.GeneratedFiles;
import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What lets a rebuild in which nothing changed end at once, having read and rendered nothing: a
 * record, in the cache folder, of the last build into an output. It holds a digest of everything
 * that build read (the code, the settings, and every file of the site folder by path, size and
 * time), a digest of the output it left (every file by path, size and time), the build time it
 * counted as now and until when its pages stay true, and what it reported.
 *
 * <p>A build may skip everything when all of these hold: the same digest of what it reads; the
 * output still marked as written by that build and holding the same files; and its "now" not
 * before the last build's and before the first moment a page would change with the clock alone:
 * a future article falling due, an article leaving the news sitemap's 48 hours, a new year in the
 * footer. A build time fixed in the settings is part of the digest, so those builds always agree
 * with the record. Anything else is a full build, which makes the record anew.
 */
final class Unchanged {
  private static final String KIND = "warta-unchanged";
  private static final int VERSION = 1;

  /**
   * The last build into an output.
   *
   * @param sources the digest of what it read ({@link #sources})
   * @param buildId the id in its output's marker
   * @param builtAt the build time it counted as now, in epoch milliseconds
   * @param validUntil the first instant its pages would change with the clock alone, in epoch milliseconds
   * @param output the digest of the output it left ({@link #output})
   */
  record Last(byte[] sources, String buildId, long builtAt, long validUntil, byte[] output, int articles, int files, List<Problem> warnings) {
    Last {
      warnings = List.copyOf(warnings);
    }

    /** Whether a build reading {@code sources} at {@code now} into an output of {@code buildId} may skip everything. */
    boolean holdsFor(byte[] sources, long now, String buildId) {
      return java.util.Arrays.equals(this.sources, sources) && now >= builtAt && now < validUntil && this.buildId.equals(buildId);
    }

    CacheData.Snapshot saved() {
      return new CacheData.Snapshot(KIND, VERSION, out -> {
        CacheData.writeBytes(out, sources);
        CacheData.writeText(out, buildId);
        out.writeLong(builtAt);
        out.writeLong(validUntil);
        CacheData.writeBytes(out, output);
        out.writeInt(articles);
        out.writeInt(files);
        out.writeInt(warnings.size());
        for (Problem p : warnings) {
          CacheData.writeText(out, p.file());
          out.writeInt(p.line());
          out.writeInt(p.column());
          CacheData.writeText(out, p.severity().name());
          CacheData.writeText(out, p.message());
          CacheData.writeText(out, p.page());
        }
      });
    }
  }

  private Unchanged() {}

  /** The record's file for an output, named by a digest of the output's path. */
  static Path fileFor(Path cacheFolder, Path output) {
    String digest = Fingerprint.hex(new Fingerprint().add(output.toAbsolutePath().normalize().toString()).finish());
    return cacheFolder.resolve("unchanged-" + digest.substring(0, 16) + ".bin");
  }

  /** The record in {@code file}; empty when there is none, or it is damaged. */
  static Optional<Last> read(Path file) {
    try (DataInputStream in = CacheData.open(file, KIND, VERSION)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] sources = readBytes(in);
      String buildId = readText(in);
      long builtAt = in.readLong();
      long validUntil = in.readLong();
      byte[] output = readBytes(in);
      int articles = in.readInt();
      int files = in.readInt();
      List<Problem> warnings = new ArrayList<>();
      for (int n = CacheData.readCount(in); n > 0; n--) {
        warnings.add(new Problem(readText(in), in.readInt(), in.readInt(), Problem.Severity.valueOf(readText(in)), readText(in), readText(in)));
      }
      return Optional.of(new Last(sources, buildId, builtAt, validUntil, output, articles, files, warnings));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The digest of what a build reads: {@code rendering} (the code, settings and templates: {@code
   * Inputs.rendering}) and every file under the site folder by path, size and modification time,
   * leaving out the output, the folders Warta keeps beside it, and the cache folder, should they lie
   * inside the site folder.
   */
  static byte[] sources(byte[] rendering, Path siteDir, Path output, Optional<Path> cacheFolder, ForkJoinPool pool) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    String beside = "." + (out.getFileName() == null ? "" : out.getFileName().toString()) + ".";
    Path cache = cacheFolder.map(c -> c.toAbsolutePath().normalize()).orElse(null);
    Path site = siteDir.toAbsolutePath().normalize();
    Predicate<Path> left = p -> p.equals(cache) || p.equals(out) || out.getParent() != null && out.getParent().equals(p.getParent())
        && p.getFileName().toString().startsWith(beside);
    return new Fingerprint().add(rendering).add(Files.isDirectory(site) ? listing(site, left, pool) : List.of()).finish();
  }

  /** The digest of the files an output holds, by path, size and modification time (through its link to the release). */
  static byte[] output(Path output, ForkJoinPool pool) throws IOException {
    return new Fingerprint().add(listing(output.toRealPath(), p -> false, pool)).finish();
  }

  /**
   * Every file under {@code root} but those {@code left} out, as its path, size and modification
   * time, sorted by path: the folders are listed in parallel, since at 100,000 articles (a folder
   * each) listing them one after the other takes seconds.
   */
  private static List<String> listing(Path root, Predicate<Path> left, ForkJoinPool pool) throws IOException {
    try {
      List<String> files = pool.submit(() -> new Listing(root, root, left).invoke()).get();
      files.sort(null);
      return files;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while listing " + root, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
    }
  }

  /** The files of one folder and, in tasks of their own, of its folders. */
  private static final class Listing extends RecursiveTask<List<String>> {
    private final Path root;
    private final Path folder;
    private final Predicate<Path> left;

    Listing(Path root, Path folder, Predicate<Path> left) {
      this.root = root;
      this.folder = folder;
      this.left = left;
    }

    @Override
    protected List<String> compute() {
      List<String> files = new ArrayList<>();
      List<Listing> folders = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        for (Path p : entries) {
          if (left.test(p)) {
            continue;
          }
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isDirectory()) {
            folders.add(new Listing(root, p, left));
          } else {
            files.add(root.relativize(p) + "\t" + a.size() + "\t" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + (a.isSymbolicLink() ? "\tlink" : ""));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      invokeAll(folders);
      for (Listing l : folders) {
        files.addAll(l.join());
      }
      return files;
    }
  }

  /**
   * The first instant after {@code config}'s build time at which a page of {@code archive} would
   * change with the clock alone: the first future article falling due, the first article leaving
   * the news sitemap, the next new year in the site's zone. With a build time fixed in the
   * settings, the clock changes nothing, since that time is read with them.
   */
  static long validUntil(SiteConfig config, Archive archive, Optional<Instant> firstFuture) {
    Instant now = config.buildTime();
    ZonedDateTime local = now.atZone(config.timeZone());
    Instant until = local.toLocalDate().withDayOfYear(1).plusYears(1).atStartOfDay(config.timeZone()).toInstant();
    if (firstFuture.isPresent() && firstFuture.get().isBefore(until)) {
      until = firstFuture.get();
    }
    Instant from = now.minus(GeneratedFiles.NEWS_WINDOW);
    for (Entry e : archive.entries()) {
      Instant published = e.article().date().toInstant();
      if (published.isAfter(from) && !published.isAfter(now)) {
        Instant leaves = published.plus(GeneratedFiles.NEWS_WINDOW);
        if (leaves.isBefore(until)) {
          until = leaves;
        }
      } else if (published.isAfter(now) && published.isBefore(until)) {
        until = published; // a future article built anyway (future: true) enters the news window then
      }
    }
    return until.toEpochMilli();
  }
}
