package dev.warta.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/** Markdown turned into plain text, for summaries and descriptions. */
public final class PlainText {
  private static final java.util.regex.Pattern FOOTNOTE_REFERENCE = java.util.regex.Pattern.compile("\\[\\^[^\\]\\s]+]");

  private PlainText() {}

  /** The text of some Markdown without its markup, white space folded to single spaces. */
  public static String of(String markdown) {
    return of(markdown, PlainText::parsed);
  }

  /**
   * {@link #of}, with Markdown that is not plain prose turned into text by {@code parse}: {@link
   * #parsed}, or a cache of what it gave.
   */
  public static String of(String markdown, java.util.function.UnaryOperator<String> parse) {
    if (isProse(markdown)) {
      // most summaries are a paragraph of plain sentences: parsing one cost a tenth of loading
      return foldWhiteSpace(markdown).strip();
    }
    return parse.apply(markdown);
  }

  /** {@link #of} by way of flexmark's tree, for any Markdown. */
  public static String parsed(String markdown) {
    if (MarkdownRenderer.deeplyNestedLine(markdown) > 0) {
      return ""; // the body itself is reported when rendered
    }
    // footnote references ([^1]) are markers for readers of the page, not words of the text
    // (looked for only when there may be one: the search costs a pass over every character)
    String text = markdown.contains("[^") ? FOOTNOTE_REFERENCE.matcher(markdown).replaceAll("") : markdown;
    Document document = Flexmark.parse(text);
    StringBuilder out = new StringBuilder();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(new TextCollectingVisitor().collectAndGetText(block));
    }
    return foldWhiteSpace(out).strip();
  }

  /**
   * Whether Markdown is prose that no parser would change but for its white space: no character
   * that can open inline markup, an entity, an escape or a bare link anywhere, and no line that
   * could open a block other than a paragraph (a heading, quote, list, rule, setext underline,
   * fence or indented code). Conservative: any doubt leaves the text to flexmark.
   */
  public static boolean isProse(String text) {
    boolean lineStart = true;
    int indent = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|', '#', '@', '\t' -> {
          return false;
        }
        case '\n', '\r' -> {
          lineStart = true;
          indent = 0;
          continue;
        }
        case ' ' -> {
          if (lineStart && ++indent >= 4) {
            return false;
          }
          continue;
        }
        default -> {
          if (c < ' ') {
            return false; // NUL becomes U+FFFD, and the rest are rare enough to leave to the parser
          }
        }
      }
      if (lineStart) {
        lineStart = false;
        if (c == '-' || c == '+' || c == '=' || (c >= '0' && c <= '9' && startsOrderedItem(text, i))) {
          return false;
        }
      }
      if ((c == ':' && text.startsWith("//", i + 1)) || ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4))) {
        return false;
      }
    }
    return true;
  }

  /** Whether digits at a line's start are followed by {@code .} or {@code )}, as a list item's are. */
  private static boolean startsOrderedItem(String text, int start) {
    int i = start;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ')');
  }

  /**
   * Each run of white space ({@code \s}: space, tab, line ends, vertical tab, form feed) as one
   * space, as {@code replaceAll("\\s+", " ")} does: the regular expression tries itself at every
   * character and cost a fifth of a summary's time.
   */
  static String foldWhiteSpace(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        inRun = true;
      } else {
        if (inRun) {
          out.append(' ');
          inRun = false;
        }
        out.append(c);
      }
    }
    if (inRun) {
      out.append(' ');
    }
    return out.toString();
  }
}
