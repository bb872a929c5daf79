package dev.warta.content;

import dev.warta.internal.CacheData;
import dev.warta.internal.Fingerprint;
import dev.warta.markdown.PlainText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Summaries made before, by the fingerprint of the Markdown they were made from, saved for the next
 * process: parsing each article's first paragraph was half the time of reading an archive whose
 * analyses were saved. A summary is a function of its Markdown and of the code (the caller's key
 * covers it), so a summary of the same digest is the one parsing would give.
 */
public final class SummaryCache {
  private static final String MAGIC = "warta-summaries";
  private static final int VERSION = 2;

  private final Map<String, String> known;
  /** The summaries of this build: those taken from {@link #known} and those made. */
  private final Map<String, String> used = new ConcurrentHashMap<>();
  private final AtomicInteger made = new AtomicInteger();

  private SummaryCache(Map<String, String> known) {
    this.known = known;
  }

  /** A cache that knows nothing and is not saved. */
  public static SummaryCache none() {
    return new SummaryCache(Map.of());
  }

  /** The summaries saved in a file under this key; none if it is missing, damaged or of another key. */
  public static SummaryCache read(Path file, byte[] key) {
    if (!Files.isRegularFile(file)) {
      return none();
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!in.readUTF().equals(MAGIC) || in.readInt() != VERSION || !Arrays.equals(CacheData.readBytes(in), key)) {
        return none();
      }
      Map<String, String> known = new ConcurrentHashMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        known.put(new String(CacheData.readBytes(in), StandardCharsets.ISO_8859_1), new String(CacheData.readBytes(in), StandardCharsets.UTF_8));
      }
      return new SummaryCache(known);
    } catch (IOException | RuntimeException e) {
      return none(); // damaged: making the summaries again only costs time
    }
  }

  /** {@link PlainText#of} for a summary's Markdown, taken from the cache when it knows it. */
  String plainText(String markdown) {
    String digest = digest(markdown);
    String text = known.get(digest);
    if (text == null) {
      text = PlainText.of(markdown);
      made.incrementAndGet();
    }
    used.put(digest, text);
    return text;
  }

  /** Whether saving would write something other than what was read. */
  public boolean changed() {
    return made.get() > 0 || used.size() != known.size();
  }

  /** Saves the summaries of this build, whole, then renamed into place. */
  public void write(Path file, byte[] key) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
      out.writeUTF(MAGIC);
      out.writeInt(VERSION);
      CacheData.writeBytes(out, key);
      Map<String, String> snapshot = Map.copyOf(used);
      out.writeInt(snapshot.size());
      for (Map.Entry<String, String> e : snapshot.entrySet()) {
        CacheData.writeBytes(out, e.getKey().getBytes(StandardCharsets.ISO_8859_1));
        CacheData.writeBytes(out, e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The fingerprint of the Markdown, one character per byte, as a map key. */
  private static String digest(String markdown) {
    return new String(new Fingerprint().add(markdown).finish(), StandardCharsets.ISO_8859_1);
  }
}
