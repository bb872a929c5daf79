package dev.warta.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns titles and names into URL path segments: lower-case ASCII letters, digits and hyphens.
 *
 * <p>"Presiden Jokowi: Ekonomi Tumbuh 5%" becomes {@code presiden-jokowi-ekonomi-tumbuh-5};
 * "Korea Utara" becomes {@code korea-utara}; accents are dropped ("Café" → {@code cafe}).
 */
public final class Slugs {
  /** Long slugs are cut at a hyphen below this length: URLs stay readable. */
  public static final int MAX_LENGTH = 80;

  /** Letters that decomposition does not reduce to ASCII. */
  private static final Map<Character, String> SPECIAL =
      Map.ofEntries(
          Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"), Map.entry('ø', "o"),
          Map.entry('Ø', "o"), Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ł', "l"),
          Map.entry('Ł', "l"), Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('ð', "d"),
          Map.entry('þ', "th"), Map.entry('ı', "i"), Map.entry('&', " dan "));

  private Slugs() {}

  /** The slug of a text; empty when the text has no letter or digit that maps to ASCII. */
  public static String slugify(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean hyphen = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      String special = SPECIAL.get(c);
      if (special != null) {
        for (char s : special.toCharArray()) {
          hyphen = append(out, s, hyphen);
        }
        continue;
      }
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a decomposed letter
      }
      if (c == '\'' || c == '’') {
        continue; // "Jum'at" → jumat, "Don't" → dont
      }
      hyphen = append(out, c, hyphen);
    }
    String slug = out.toString();
    if (slug.endsWith("-")) {
      slug = slug.substring(0, slug.length() - 1);
    }
    if (slug.length() > MAX_LENGTH) {
      int cut = slug.lastIndexOf('-', MAX_LENGTH);
      slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
    }
    return slug;
  }

  private static boolean append(StringBuilder out, char c, boolean hyphen) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.append(c);
      return false;
    }
    if (c >= 'A' && c <= 'Z') {
      out.append((char) (c + ('a' - 'A')));
      return false;
    }
    if (!hyphen && out.length() > 0) {
      out.append('-');
    }
    return true;
  }

  /**
   * Whether a slug written by hand can be used as one URL path segment as it is: ASCII letters,
   * digits, {@code -}, {@code _} and {@code .}, not starting with a dot.
   */
  public static boolean isSafeSegment(String slug) {
    if (slug.isEmpty() || slug.length() > 200 || slug.charAt(0) == '.') {
      return false;
    }
    for (int i = 0; i < slug.length(); i++) {
      char c = slug.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key under which two names count as the same term, usable as a URL segment: its slug, or
   * for a name without a single ASCII letter or digit (such as "北京"), a stable code made from it.
   */
  public static String termKey(String name) {
    String slug = slugify(name);
    if (!slug.isEmpty()) {
      return slug;
    }
    String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    if (folded.isEmpty()) {
      return "";
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(folded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "t-%08x", crc.getValue());
  }
}
