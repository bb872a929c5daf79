package dev.warta.content;

import dev.warta.internal.TextFiles;
import dev.warta.internal.WorkCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Markdown bodies of one build's articles, and the size and time of their files, as the load
 * read them: rendering takes an article's body from here instead of reading its file again. An
 * article the load did not read (one a warm build knew unchanged, or an article edited since, for
 * {@code warta:serve}'s refresh) is read from its file, once, when asked for.
 *
 * <p>Held for one build only: the bodies of an archive's articles are its text, a few hundred bytes
 * to some kilobytes each. Thread-safe.
 */
public final class Bodies {
  /** The size and modification time (nanoseconds) of an article's file. */
  public record Stamp(long size, long modified) {}

  private record Kept(Stamp stamp, String text) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  /** The size and time of the files of articles whose body was not kept, as the load's listing found them. */
  private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

  /** Bodies that nothing was kept of: each is read from its file. */
  public static Bodies fromFiles() {
    return new Bodies();
  }

  Bodies() {}

  void keep(Article article, BasicFileAttributes file, String text) {
    WorkCounts.keep();
    kept.put(article.source(), new Kept(stamp(file), text));
  }

  void stamped(Article article, BasicFileAttributes file) {
    stamps.put(article.source(), stamp(file));
  }

  /** The size and time of the article's file when it was read (or listed, when its body was not read). */
  public Stamp stamp(Article article) {
    Kept k = kept.get(article.source());
    if (k != null) {
      return k.stamp();
    }
    // a warm build asks this of every article, and renders only those whose file changed: no read
    // here, and no second look at a file the load's listing looked at
    Stamp listed = stamps.get(article.source());
    return listed != null ? listed : fileStamp(article);
  }

  private static Stamp fileStamp(Article article) {
    try {
      WorkCounts.stat();
      return stamp(Files.readAttributes(article.file(), BasicFileAttributes.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + article.source(), e);
    }
  }

  /** The article's Markdown body, without its front matter. */
  public String text(Article article) {
    Kept k = kept.get(article.source());
    return k != null ? k.text() : read(article).text();
  }

  /** Reads an article the load did not keep, and keeps it: each file is read once per build. */
  private Kept read(Article article) {
    return kept.computeIfAbsent(article.source(), source -> {
      // the listing's stamp, taken before this read: a file changed in between looks changed next time
      Stamp stamp = stamps.containsKey(source) ? stamps.get(source) : fileStamp(article);
      try {
        String text = TextFiles.readUtf8(article.file());
        WorkCounts.read();
        return new Kept(stamp, FrontMatter.split(text).frontMatter().map(FrontMatter::body).orElse(""));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source, e);
      }
    });
  }

  static Stamp stamp(BasicFileAttributes file) {
    return new Stamp(file.size(), file.lastModifiedTime().to(TimeUnit.NANOSECONDS));
  }
}
