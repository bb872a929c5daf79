package dev.warta.publish;

import dev.warta.internal.CacheData;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the files of the build cache (render cache, related analyses, summaries), which the stages
 * that own them describe as {@link CacheData.Snapshot}s: publish is the one writer.
 */
public final class CacheFiles {
  private CacheFiles() {}

  /**
   * Writes {@code snapshot} to {@code file}, creating its folder: whole under a temporary name, then
   * renamed into place, so that no reader ever finds half a file.
   */
  public static void write(Path file, CacheData.Snapshot snapshot) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
      snapshot.writeTo(out);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
