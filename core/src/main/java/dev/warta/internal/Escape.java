package dev.warta.internal;

/** Escaping for the places text lands: HTML text and attributes, XML, JSON. */
public final class Escape {
  private Escape() {}

  /**
   * Text safe inside HTML text and quoted attribute values. Control characters other than tab and
   * line ends are dropped: they are invalid in HTML and XML alike.
   */
  public static String html(String text) {
    return escape(text, true);
  }

  /**
   * Text safe inside HTML text and double-quoted attribute values, escaped as CommonMark renderers
   * (flexmark) write it: {@code & < > "} as entities, apostrophes as they are. Control characters
   * other than tab and line ends are dropped.
   */
  public static String htmlText(String text) {
    return escape(text, false);
  }

  private static String escape(String text, boolean apostrophe) {
    StringBuilder out = null;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (out == null && (c > '>' && c < 0x7f || c == ' ')) {
        continue; // letters and spaces, most of every title and summary, need no switch
      }
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> apostrophe ? "&#39;" : null;
            default -> isControl(c) ? "" : null;
          };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether a character is a control character not allowed in XML 1.0 or HTML text. */
  public static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff;
  }

  /** Text without the control characters that XML 1.0 forbids. */
  public static String stripControls(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        StringBuilder out = new StringBuilder(text.length());
        for (int j = 0; j < text.length(); j++) {
          if (!isControl(text.charAt(j))) {
            out.append(text.charAt(j));
          }
        }
        return out.toString();
      }
    }
    return text;
  }
}
