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
    Document document = Flexmark.parse(FOOTNOTE_REFERENCE.matcher(markdown).replaceAll(""));
    StringBuilder out = new StringBuilder();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(new TextCollectingVisitor().collectAndGetText(block));
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }
}
