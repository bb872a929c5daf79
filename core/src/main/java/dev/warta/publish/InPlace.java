package dev.warta.publish;

import dev.warta.internal.SitePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one page straight over its file in a published output, for {@code warta:serve}'s quick
 * refresh, which shows an edit before the full build that follows replaces the site as a whole.
 * Each file is written under a temporary name and renamed over the old one, so a reader sees the
 * old page or the new, never half of one.
 */
public final class InPlace {
  private InPlace() {}

  /** Replaces the file of the page at {@code url} under {@code output} with {@code bytes}. */
  public static void replace(Path output, String url, byte[] bytes) throws IOException {
    Path file = SitePaths.file(output, url);
    Path partial = file.resolveSibling("." + file.getFileName() + ".warta-partial");
    Files.createDirectories(file.getParent());
    Files.write(partial, bytes);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
