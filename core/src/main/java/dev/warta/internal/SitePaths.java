package dev.warta.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks site-relative URL paths before anything is written for them.
 *
 * <p>A URL path from a user (an alias, a permalink setting, a slug) must stay inside the output
 * folder whatever it says: {@code ../}, absolute file paths, drive letters, backslashes, percent
 * encoded dots and NUL bytes are refused. The check is done on the decoded text and again on the
 * resolved file path, so a path that slips past one still fails the other.
 */
public final class SitePaths {
  private SitePaths() {}

  /**
   * Why a URL path is unsafe, or empty when it is fine. A safe path starts with {@code /}, and each
   * of its segments is a plain name (no {@code .} or {@code ..}, no {@code \}, {@code :}, NUL or
   * control characters), also after percent-decoding.
   */
  public static Optional<String> whyUnsafe(String urlPath) {
    if (!urlPath.startsWith("/")) {
      return Optional.of("it must start with '/'");
    }
    String decoded = urlPath;
    try {
      for (int i = 0; i < 3 && decoded.indexOf('%') >= 0; i++) {
        decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("it has a broken percent escape");
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.of("it contains a control character");
      }
      if (c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
        return Optional.of("it contains '" + c + "'");
      }
    }
    if (decoded.startsWith("//")) {
      return Optional.of("it starts with '//'");
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("it contains a '" + segment + "' segment");
      }
      if (!segment.isEmpty() && (segment.endsWith(".") || segment.endsWith(" "))) {
        return Optional.of("a segment ends with a dot or space");
      }
    }
    return Optional.empty();
  }

  /**
   * The file for a URL path inside {@code root}: a path ending in {@code /} gets {@code
   * index.html}. Throws when the result would leave {@code root}; callers check {@link
   * #whyUnsafe} first and report a problem, so this is the second fence.
   */
  public static Path file(Path root, String urlPath) {
    if (whyUnsafe(urlPath).isPresent()) {
      throw new IllegalArgumentException("unsafe output path: " + urlPath);
    }
    String relative = urlPath.substring(1);
    if (relative.isEmpty() || relative.endsWith("/")) {
      relative += "index.html";
    }
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root.normalize()) || file.equals(root.normalize())) {
      throw new IllegalArgumentException("output path leaves the output folder: " + urlPath);
    }
    return file;
  }

  /** The key under which two URL paths collide on a case-insensitive disk. */
  public static String collisionKey(String urlPath) {
    String path = urlPath.endsWith("/") ? urlPath + "index.html" : urlPath;
    return java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * A relative path with {@code .}, {@code ..} and empty segments resolved, as a link between two
   * files of the site means it: {@code content/a/../b/x.md} is {@code content/b/x.md}. A {@code ..}
   * above the first segment is dropped, as a browser drops it above the site's root. The one way
   * Warta normalises a link to a file, whatever the platform's separator.
   */
  public static String normalise(String path) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
