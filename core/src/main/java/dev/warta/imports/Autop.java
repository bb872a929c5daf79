package dev.warta.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's paragraph rules for classic-editor content, which WordPress stores without {@code
 * <p>} and turns into paragraphs only when it shows a post: text separated by a blank line becomes
 * a paragraph, a single line break inside one becomes {@code <br>}, and block elements (lists,
 * quotes, tables, figures, headings) are left as they are. Without this step a converter sees one
 * long line and the whole article collapses into one paragraph.
 *
 * <p>Written from the rules WordPress documents for {@code wpautop}, not from its code: blocks are
 * first set apart by blank lines, then each piece that is not itself a block gets its paragraph.
 */
final class Autop {
  /** Elements that are blocks: a paragraph never wraps them. */
  private static final String BLOCKS =
      "address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form"
          + "|h[1-6]|header|hgroup|hr|legend|li|main|map|math|menu|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul";
  private static final Pattern BLOCK_OPEN = Pattern.compile("(<(?:" + BLOCKS + ")(?=[\\s/>])[^>]*>)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BLOCK_CLOSE = Pattern.compile("(</(?:" + BLOCKS + ")>)", Pattern.CASE_INSENSITIVE);
  /** A block tag, open or close, at the start of a piece. */
  private static final Pattern LEADING_TAG = Pattern.compile("^\\s*(</?)(" + BLOCKS + ")(?=[\\s/>])[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING_TAG = Pattern.compile("</?(?:" + BLOCKS + ")(?=[\\s/>])[^>]*>\\s*$", Pattern.CASE_INSENSITIVE);
  /** Elements left as written: line breaks in them are not {@code <br>}; a figure (from a shortcode) is whole already. */
  private static final Pattern VERBATIM = Pattern.compile("<(pre|script|style|textarea|figure)\\b[^>]*>.*?</\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** Blocks whose text is a paragraph already: text right inside them gets no {@code <p>}. */
  private static final Set<String> TEXT_BLOCKS =
      Set.of("p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "legend", "summary", "address", "pre");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

  private Autop() {}

  /** Whether content was written in the block editor, whose HTML has its paragraphs already. */
  static boolean isBlockEditor(String content) {
    return content.contains("<!-- wp:");
  }

  /** The content with WordPress's paragraphs. */
  static String apply(String content) {
    if (content.isBlank()) {
      return "";
    }
    String text = content.replace("\r\n", "\n").replace('\r', '\n');
    // verbatim elements keep their line breaks: set aside, put back at the end
    List<String> kept = new ArrayList<>();
    Matcher verbatim = VERBATIM.matcher(text);
    StringBuilder protectedText = new StringBuilder();
    while (verbatim.find()) {
      verbatim.appendReplacement(protectedText, "");
      protectedText.append("\n\n\uE010").append(kept.size()).append("\uE011\n\n");
      kept.add(verbatim.group());
    }
    verbatim.appendTail(protectedText);
    text = BLOCK_OPEN.matcher(protectedText).replaceAll("\n\n$1");
    text = BLOCK_CLOSE.matcher(text).replaceAll("$1\n\n");
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (String piece : BLANK_LINES.split(text)) {
      String p = piece.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (p.startsWith("\uE010")) {
        out.append(p).append('\n');
        continue;
      }
      paragraph(p, out);
      out.append('\n');
    }
    String result = out.toString();
    for (int i = 0; i < kept.size(); i++) {
      result = result.replace("\uE010" + i + "\uE011", kept.get(i));
    }
    return result;
  }

  /** One piece: its leading and trailing block tags as they are, the text between as a paragraph. */
  private static void paragraph(String piece, StringBuilder out) {
    String rest = piece;
    String lastOpen = "";
    // the patterns only where a tag can be: most pieces are text that starts and ends with a letter
    while (rest.stripLeading().startsWith("<")) {
      Matcher lead = LEADING_TAG.matcher(rest);
      if (!lead.find()) {
        break;
      }
      out.append(lead.group().strip());
      lastOpen = lead.group(1).equals("<") ? lead.group(2).toLowerCase(java.util.Locale.ROOT) : "";
      rest = rest.substring(lead.end());
    }
    StringBuilder trail = new StringBuilder();
    while (rest.stripTrailing().endsWith(">")) {
      Matcher end = TRAILING_TAG.matcher(rest);
      if (!end.find()) {
        break;
      }
      trail.insert(0, end.group().strip());
      rest = rest.substring(0, end.start());
    }
    String middle = rest.strip();
    if (!middle.isEmpty()) {
      boolean wrap = !TEXT_BLOCKS.contains(lastOpen);
      out.append(wrap ? "<p>" : "").append(breaks(middle)).append(wrap ? "</p>" : "");
    }
    out.append(trail);
  }

  private static final Pattern BREAK_AT_END = Pattern.compile("<br\\s*/?>\\s*$", Pattern.CASE_INSENSITIVE);

  private static boolean endsWithBreak(StringBuilder out) {
    int from = Math.max(0, out.length() - 8);
    return BREAK_AT_END.matcher(out.subSequence(from, out.length())).find();
  }

  /** Line breaks outside tags as {@code <br>}, unless one is there already. */
  private static String breaks(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean inTag = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') {
        inTag = true;
      } else if (c == '>') {
        inTag = false;
      }
      if (c == '\n' && !inTag && !endsWithBreak(out)) {
        out.append("<br>");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
