package dev.warta.content;

import dev.warta.internal.CacheData;
import dev.warta.internal.Fingerprint;
import dev.warta.internal.WorkCounts;
import dev.warta.markdown.PlainText;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  private static final String KIND = "warta-summaries";
  private static final int VERSION = 2;

  private final Map<String, String> known;
  /** The summaries of this build: those taken from {@link #known} and those made. */
  private final Map<String, String> used = new ConcurrentHashMap<>();
  private final AtomicInteger made = new AtomicInteger();

  /** Whether {@link #known} was read from a file of the same key. */
  private final boolean read;

  private SummaryCache(Map<String, String> known, boolean read) {
    this.known = known;
    this.read = read;
  }

  /** A cache that knows nothing and is not saved. */
  public static SummaryCache none() {
    return new SummaryCache(Map.of(), false);
  }

  /** The summaries saved in a file under this key; none if it is missing, damaged or of another key. */
  public static SummaryCache read(Path file, byte[] key) {
    try (DataInputStream in = CacheData.open(file, KIND, VERSION)) {
      if (in == null || !Arrays.equals(CacheData.readBytes(in), key)) {
        return none();
      }
      Map<String, String> known = new ConcurrentHashMap<>();
      for (int n = CacheData.readCount(in); n > 0; n--) {
        known.put(new String(CacheData.readBytes(in), StandardCharsets.ISO_8859_1), CacheData.readText(in));
      }
      return new SummaryCache(known, true);
    } catch (IOException | RuntimeException e) {
      return none(); // damaged: making the summaries again only costs time
    }
  }

  /**
   * {@link PlainText#of} for a summary's Markdown, taken from the cache when it knows it. Plain
   * prose, which needs no parser, is neither looked up nor kept: its digest would cost more.
   */
  String plainText(String markdown) {
    return PlainText.of(markdown, this::parsed);
  }

  /** {@link PlainText#parsed}, from the cache when it knows the Markdown's digest. */
  private String parsed(String markdown) {
    String digest = digest(markdown);
    String text = known.get(digest);
    if (text == null) {
      text = PlainText.parsed(markdown);
      WorkCounts.summaryParse();
      made.incrementAndGet();
    }
    used.put(digest, text);
    return text;
  }

  /** Whether saving would write something other than what was read, or nothing was read. */
  public boolean changed() {
    return !read || made.get() > 0 || used.size() != known.size();
  }

  /** The summaries of this build, for the cache file that the next build reads with {@code key}. */
  public CacheData.Snapshot saved(byte[] key) {
    Map<String, String> snapshot = Map.copyOf(used);
    return new CacheData.Snapshot(KIND, VERSION, out -> {
      CacheData.writeBytes(out, key);
      out.writeInt(snapshot.size());
      for (Map.Entry<String, String> e : snapshot.entrySet()) {
        CacheData.writeBytes(out, e.getKey().getBytes(StandardCharsets.ISO_8859_1));
        CacheData.writeText(out, e.getValue());
      }
    });
  }

  /** The fingerprint of the Markdown, one character per byte, as a map key. */
  private static String digest(String markdown) {
    return new String(new Fingerprint().add(markdown).finish(), StandardCharsets.ISO_8859_1);
  }
}
