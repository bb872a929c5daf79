package dev.warta.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoding of the build cache's files: byte arrays and UTF-8 strings with their length first.
 * A length that cannot be right throws, so that a damaged file is read as no cache at all.
 */
public final class CacheData {
  /** No cached value is near this long; a longer length means a damaged file. */
  private static final int MAX_LENGTH = 64 << 20;

  private CacheData() {}

  /** Writes bytes, their length first. */
  public static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /** Reads what {@link #writeBytes} wrote. */
  public static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_LENGTH) {
      throw new IOException("damaged cache");
    }
    byte[] b = in.readNBytes(length);
    if (b.length != length) {
      throw new IOException("damaged cache");
    }
    return b;
  }

  /** Writes a string as UTF-8, its length first. */
  public static void writeText(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads what {@link #writeText} wrote. */
  public static String readText(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  /** Writes strings, their count first. */
  public static void writeTexts(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeText(out, s);
    }
  }

  /** Reads what {@link #writeTexts} wrote. */
  public static List<String> readTexts(DataInputStream in) throws IOException {
    List<String> list = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      list.add(readText(in));
    }
    return list;
  }
}
