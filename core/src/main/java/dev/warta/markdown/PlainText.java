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
