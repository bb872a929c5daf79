package dev.warta.related;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Cheap text clean-up shared by the index and the title matcher. */
final class PlainText {
  // compiled once: String.replaceAll and split compile their pattern on every call
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  /** What separates words: anything but letters and digits. */
  static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private PlainText() {}

  /**
   * Turns Markdown source into plain prose in one pass: link and image targets, bare URLs, HTML
   * tags and Markdown punctuation go; link texts, sentence punctuation and line breaks stay, since
   * name extraction needs sentence boundaries. Not a Markdown parser, and it need not be: the
   * result only feeds word statistics.
   */
  static String stripMarkdown(String md) {
    StringBuilder out = new StringBuilder(md.length());
    int n = md.length();
    int i = 0;
    while (i < n) {
      char c = md.charAt(i);
      if (c == ']' && i + 1 < n && md.charAt(i + 1) == '(') {
        // the target of [text](target): skip to the closing parenthesis on the same line
        int close = indexOfOnLine(md, ')', i + 2);
        if (close > 0) {
          out.append(' ');
          i = close + 1;
          continue;
        }
      }
      if (c == '<') {
        int close = indexOfOnLine(md, '>', i + 1);
        if (close > 0) {
          out.append(' ');
          i = close + 1;
          continue;
        }
      }
      if ((c == 'h' || c == 'w') && startsUrl(md, i)) {
        while (i < n && !Character.isWhitespace(md.charAt(i))) {
          i++;
        }
        out.append(' ');
        continue;
      }
      switch (c) {
        case '*', '_', '`', '#', '>', '|', '~', '[', ']', '=' -> out.append(' ');
        case '!' -> out.append(i + 1 < n && md.charAt(i + 1) == '[' ? ' ' : '!');
        default -> out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  private static int indexOfOnLine(String s, char wanted, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == wanted) {
        return i;
      }
      if (c == '\n') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean startsUrl(String s, int i) {
    return (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
        && (s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i));
  }

  /**
   * Lower case without diacritics, so that "Café" and "cafe" compare equal. ASCII, by far the
   * common case, skips the costly decomposition.
   */
  static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 0x80) {
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
      }
    }
    return lower;
  }

  /** A tag or section as compared: folded, trimmed, inner whitespace collapsed. */
  static String label(String s) {
    return WHITE_SPACE.matcher(fold(s).strip()).replaceAll(" ");
  }
}
