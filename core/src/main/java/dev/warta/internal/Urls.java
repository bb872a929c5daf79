package dev.warta.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The one policy for URLs written by authors: which scheme a URL has, read as a browser reads it,
 * and which schemes may land where. A link may go to the web, to mail or to a phone; an image or a
 * page's canonical URL only to the web. A relative URL (a path, a query, a fragment) is always
 * allowed: it stays on the site.
 */
public final class Urls {
  /** The schemes a link may use: none of them runs code. */
  public static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel", "ftp");

  /** The schemes an image may use: it is fetched, so only the web's. */
  public static final Set<String> WEB_SCHEMES = Set.of("http", "https");

  private Urls() {}

  /**
   * The scheme of {@code url} in lower case, empty for a relative URL, or {@code "?"} for text
   * before a colon that is no scheme at all. Blanks and control characters are ignored, as browsers
   * ignore them ({@code java\tscript:} is {@code javascript:}); a colon after the first {@code /},
   * {@code ?} or {@code #} belongs to the path, query or fragment.
   */
  public static String scheme(String url) {
    StringBuilder compact = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c > 0x20 && !Escape.isControl(c)) {
        compact.append(c);
      }
    }
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return "";
      }
      if (c == ':') {
        String scheme = compact.substring(0, i);
        return isSchemeName(scheme) ? scheme.toLowerCase(Locale.ROOT) : "?";
      }
    }
    return "";
  }

  /** Whether {@code url} is relative or uses one of {@code schemes}. */
  public static boolean allows(String url, Set<String> schemes) {
    String scheme = scheme(url);
    return scheme.isEmpty() || schemes.contains(scheme);
  }

  /** RFC 3986: a letter, then letters, digits, '+', '-' or '.'. */
  private static boolean isSchemeName(String s) {
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
