package dev.warta.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for values built from maps, lists, strings, integers and booleans: JSON Feed
 * and schema.org JSON-LD.
 *
 * <p>Its output is safe inside an HTML {@code <script>} element as well as in a {@code .json}
 * file: besides quotes, backslashes and control characters, it writes {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 as {@code \}{@code u} escapes, so neither {@code </script>} nor
 * {@code <!--} can appear in it, and JavaScript parsers that predate ES2019 read it too. Control
 * characters that HTML and XML forbid (see {@link Escape#isControl}) and lone surrogates are
 * dropped, so JSON and the page and feed showing the same text agree.
 *
 * <p>Maps are written in their iteration order: callers pass {@code LinkedHashMap}s, so the output
 * is the same at every build. {@code null} is refused rather than written, as no caller means it.
 */
public final class Json {
  private Json() {}

  /** The value as compact JSON. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    value(out, value, 0, false);
    return out.toString();
  }

  /** The value as JSON indented by two spaces, ending with a line break. */
  public static String pretty(Object value) {
    StringBuilder out = new StringBuilder(1024);
    value(out, value, 0, true);
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, Object value, int depth, boolean pretty) {
    if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map, depth, pretty);
    } else if (value instanceof List<?> list) {
      array(out, list, depth, pretty);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(((Number) value).longValue());
    } else if (value instanceof java.math.BigDecimal d) {
      out.append(d.toPlainString()); // exact and locale-free, unlike a double's text
    } else {
      // doubles and the like would need a locale-free, exact format; nothing needs them yet
      throw new IllegalArgumentException("cannot write as JSON: " + (value == null ? "null" : value.getClass().getName()));
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, int depth, boolean pretty) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    // a map with an order of its own keeps it; any other (Map.of's order changes from run to run)
    // is written sorted by key, so the same value always gives the same bytes
    Map<?, ?> ordered = map instanceof java.util.LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>
        ? map : new java.util.TreeMap<>(map);
    Iterator<? extends Map.Entry<?, ?>> it = ordered.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      newline(out, depth + 1, pretty);
      string(out, (String) e.getKey());
      out.append(pretty ? ": " : ":");
      value(out, e.getValue(), depth + 1, pretty);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    newline(out, depth, pretty);
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> list, int depth, boolean pretty) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      newline(out, depth + 1, pretty);
      value(out, list.get(i), depth + 1, pretty);
      if (i < list.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth, pretty);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth, boolean pretty) {
    if (pretty) {
      out.append('\n');
      out.append("  ".repeat(depth));
    }
  }

  /** A JSON string literal of {@code text}. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    string(out, text);
    return out.toString();
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(out, c);
        default -> {
          if (Escape.isControl(c)) {
            continue;
          }
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (!Character.isSurrogate(c)) {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    out.append("0".repeat(4 - hex.length())).append(hex);
  }
}
