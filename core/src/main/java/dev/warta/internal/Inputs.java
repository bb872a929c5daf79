package dev.warta.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Digests of what a build's output depends on besides the articles: the code, the settings and the
 * templates. They key the build cache's files, so a cache made by other code or settings is never
 * trusted.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * A digest of what reading the articles depends on: the code that reads and analyses them (Warta,
   * flexmark, Lucene's core and analysers; found where their classes were loaded from) and the
   * site's settings ({@code warta.yml} and those set from outside it). It keys what a build saves
   * of its reading, the related analyses and the summaries, which a template edit leaves right.
   */
  public static byte[] reading(Path siteDir, Map<String, String> settings) {
    Fingerprint f = new Fingerprint();
    for (Class<?> c : List.of(Inputs.class, com.vladsch.flexmark.parser.Parser.class,
        org.apache.lucene.analysis.Analyzer.class, org.apache.lucene.analysis.id.IndonesianStemFilter.class)) {
      f.add(codeOf(c));
    }
    f.add(settings);
    try {
      Path config = siteDir.resolve("warta.yml");
      f.add(Files.isRegularFile(config) ? Files.readAllBytes(config) : new byte[0]);
    } catch (IOException e) {
      unreadable(f, e);
    }
    return f.finish();
  }

  /**
   * A digest of what every page depends on besides its own model: what reading depends on (given
   * as {@link #reading}), and the code and files that render pages (FreeMarker, jsoup, the
   * site's templates).
   */
  public static byte[] rendering(byte[] reading, Path siteDir) {
    Fingerprint f = new Fingerprint().add(reading);
    for (Class<?> c : List.of(freemarker.template.Configuration.class, org.jsoup.Jsoup.class)) {
      f.add(codeOf(c));
    }
    try {
      f.add(folder(siteDir.resolve("templates"), true));
    } catch (IOException e) {
      unreadable(f, e);
    }
    return f.finish();
  }

  /** A key for inputs that could not be read: the build reports the problem, and the key is never found again. */
  private static void unreadable(Fingerprint f, IOException e) {
    f.add("unreadable: " + e.getMessage());
    f.add(Double.toString(Math.random()));
  }

  /** Where a class was loaded from, with the size and time of each file there. */
  private static List<Object> codeOf(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return List.of(c.getName(), Math.random()); // unknown code: never trusted twice
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      List<Object> parts = new ArrayList<>(folder(path, false));
      parts.add(0, path.toString());
      return parts;
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return List.of(c.getName(), Math.random());
    }
  }

  /**
   * The files of a folder (or one file) by path, with their size and time, or their bytes when
   * {@code contents}; sorted, so that the order the disk lists them in does not matter.
   */
  private static List<Object> folder(Path root, boolean contents) throws IOException {
    java.util.TreeMap<String, Object> files = new java.util.TreeMap<>();
    if (!Files.exists(root)) {
      return List.of();
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        files.put(root.relativize(file) + " " + attrs.size(), contents ? Files.readAllBytes(file) : attrs.lastModifiedTime().toMillis());
        return FileVisitResult.CONTINUE;
      }
    });
    List<Object> flat = new ArrayList<>();
    files.forEach((name, what) -> {
      flat.add(name);
      flat.add(what);
    });
    return flat;
  }

}
