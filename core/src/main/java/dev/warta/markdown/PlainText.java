package dev.warta.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/** Markdown turned into plain text, for summaries and descriptions. */
public final class PlainText {
  private PlainText() {}

  /** The text of some Markdown without its markup, white space folded to single spaces. */
  public static String of(String markdown) {
    Document document = Flexmark.PARSER.parse(markdown);
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
