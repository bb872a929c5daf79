package dev.warta.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build cache's files: each starts with its kind and version, is written whole under another
 * name and then renamed into place, and holds byte arrays and UTF-8 strings with their length
 * first. A length that cannot be right throws, so that a damaged file is read as no cache at all.
 */
public final class CacheData {
  /** No cached value is near this long; a longer length means a damaged file. */
  private static final int MAX_LENGTH = 64 << 20;
  /** No cache file holds this many items of one list; more means a damaged file. */
  private static final int MAX_COUNT = 1 << 24;

  private CacheData() {}

  /** What writes a cache file's content, after its kind and version. */
  public interface Content {
    /** Writes the content. */
    void write(DataOutputStream out) throws IOException;
  }

  /**
   * What a cache file is to hold: its kind and version, then its content. The stage that owns the
   * data makes it; {@code publish}, the one writer, writes it (whole under a temporary name, then
   * renamed into place, so none is ever half there).
   *
   * @param kind the file's kind, checked by {@link #open}
   * @param version the version of its layout, checked by {@link #open}
   * @param content writes the content after the kind and version
   */
  public record Snapshot(String kind, int version, Content content) {
    /** Writes the whole file to {@code out}: kind, version, content. */
    public void writeTo(DataOutputStream out) throws IOException {
      writeText(out, kind);
      out.writeInt(version);
      content.write(out);
    }
  }

  /**
   * A cache file opened past its kind and version, for the caller to close; null when there is no
   * such file, or it is of another kind or version.
   */
  public static DataInputStream open(Path file, String kind, int version) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    try {
      if (readText(in).equals(kind) && in.readInt() == version) {
        return in;
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    in.close();
    return null;
  }

  /** Reads a count written with {@code writeInt}, refusing one that no cache file holds. */
  public static int readCount(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("damaged cache");
    }
    return n;
  }

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
    for (int n = readCount(in); n > 0; n--) {
      list.add(readText(in));
    }
    return list;
  }
}
