package dev.warta.publish;

import dev.warta.shared.Problem;
import dev.warta.internal.SitePaths;
import dev.warta.render.Page;
import dev.warta.render.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Files copied as they are: the theme's stylesheet and icons, then the site's {@code static/}
 * folder, which wins for a file of the same path. Symbolic links leading out of the site folder are
 * skipped with a warning; names that could not be a safe URL are errors.
 */
public final class StaticFiles {
  private static final String THEME = "/dev/warta/theme/static/";
  /** The theme's static files; listed, because a jar cannot be listed portably. */
  private static final List<String> THEME_FILES = List.of("css/warta.css", "favicon.svg");

  private StaticFiles() {}

  /**
   * The static files that do not take the path of a page of {@code plan}, in the order of {@code
   * statics}; each one that does is an error: the page is Warta's, the file must move.
   */
  public static Map<String, Supplier<byte[]>> besidePages(Map<String, Supplier<byte[]>> statics, Plan plan, List<Problem> problems) {
    Set<String> pageFiles = new HashSet<>();
    for (Page page : plan.pages()) {
      pageFiles.add(SitePaths.collisionKey(page.url()));
    }
    Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
    statics.forEach((url, bytes) -> {
      if (pageFiles.contains(SitePaths.collisionKey(url))) {
        problems.add(Problem.error("static" + url, 0, 0, "this file has the same path as a page Warta writes; rename or remove it"));
      } else {
        files.put(url, bytes);
      }
    });
    return files;
  }

  /** The static files by URL path, sorted, each with a way to read its bytes. */
  public static Map<String, Supplier<byte[]>> of(Path siteDir, List<Problem> problems) {
    Map<String, Supplier<byte[]>> files = new TreeMap<>();
    for (String name : THEME_FILES) {
      files.put("/" + name, () -> theme(name));
    }
    Path root = siteDir.resolve("static");
    if (!Files.isDirectory(root)) {
      return files;
    }
    Path site;
    try {
      site = siteDir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
          String where = "static/" + relative;
          if (attrs.isSymbolicLink()) {
            try {
              Path target = file.toRealPath();
              if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                problems.add(Problem.warning(where, 0, 0, "symbolic link leading outside the site folder is not copied"));
                return FileVisitResult.CONTINUE;
              }
            } catch (IOException e) {
              problems.add(Problem.warning(where, 0, 0, "broken symbolic link is not copied"));
              return FileVisitResult.CONTINUE;
            }
          } else if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          String url = "/" + relative;
          var unsafe = SitePaths.whyUnsafe(url);
          if (unsafe.isPresent()) {
            problems.add(Problem.error(where, 0, 0, "this file name cannot be published safely (" + unsafe.get() + "); rename it"));
            return FileVisitResult.CONTINUE;
          }
          files.put(url, () -> {
            try {
              return Files.readAllBytes(file);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read " + where, e);
            }
          });
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          problems.add(Problem.error("static/" + root.relativize(file), 0, 0, "cannot read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(Problem.error("static", 0, 0, "cannot list the folder: " + e.getMessage()));
    }
    // Linux keeps Logo.png and logo.png (or café in NFC and NFD) apart, but the site would lose one
    // of them on a macOS or Windows disk or behind a case-insensitive server: checked in path order
    Map<String, String> byKey = new java.util.HashMap<>();
    for (String url : files.keySet()) {
      String first = byKey.putIfAbsent(SitePaths.collisionKey(url), url);
      if (first != null) {
        problems.add(Problem.error("static" + url, 0, 0, "this file and static" + first
            + " have paths that differ only in case or Unicode form; they would be one file on macOS and Windows disks, rename one"));
      }
    }
    return files;
  }

  private static byte[] theme(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(THEME + name)) {
      if (in == null) {
        throw new IllegalStateException("theme file missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
