package dev.warta.imports;

import com.vladsch.flexmark.html2md.converter.ExtensionConversion;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.nodes.TextNode;

/**
 * Cleaned HTML to Markdown with flexmark's converter: ATX headings, no typographic substitution
 * (the text must not change), no attribute syntax Warta does not read. Figures, embeds and read
 * also blocks are not converted: each is set aside before and written back after as a block of its
 * own line, raw HTML for figures and embeds (the site's {@code rawHtml} setting decides what
 * shows), a read also line for the others.
 */
final class Markdown {
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';
  /** Stand-ins for {@code *} and {@code **}, put back after conversion. */
  private static final String EMPHASIS = "\uE002";
  private static final String STRONG = "\uE003";
  private static final Evaluator SET_ASIDE = QueryParser.parse("figure, aside.read-also, wp-more");
  private static final Evaluator EMPHASIS_ELEMENTS = QueryParser.parse("em, i, strong, b");
  private static final Evaluator IMAGES = QueryParser.parse("img");
  private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*\\n\\s*");
  private static final java.util.regex.Pattern NEEDS_BRACKETS = java.util.regex.Pattern.compile("[\\s()<>]");

  private final FlexmarkHtmlConverter converter;

  Markdown() {
    MutableDataSet options = new MutableDataSet();
    options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
    options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false);
    options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false);
    options.set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false);
    options.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);
    options.set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true);
    options.set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false);
    options.set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false);
    options.set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1);
    options.set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0);
    // Warta's Markdown has no syntax for these: kept as inline HTML, which CommonMark passes through
    options.set(FlexmarkHtmlConverter.EXT_INLINE_INS, ExtensionConversion.HTML);
    options.set(FlexmarkHtmlConverter.EXT_INLINE_SUB, ExtensionConversion.HTML);
    options.set(FlexmarkHtmlConverter.EXT_INLINE_SUP, ExtensionConversion.HTML);
    options.set(FlexmarkHtmlConverter.EXT_MATH, ExtensionConversion.HTML);
    this.converter = FlexmarkHtmlConverter.builder(options).build();
  }

  /** The Markdown of a cleaned body; the body is changed on the way (the caller is done with it). */
  String convert(Element body) {
    List<String> blocks = new ArrayList<>();
    for (Element e : body.select(SET_ASIDE)) {
      if (e.parents().stream().anyMatch(p -> p.normalName().equals("figure") || p.hasClass("read-also"))) {
        continue; // inside a block that is set aside whole
      }
      String markdown;
      if (e.normalName().equals("wp-more")) {
        markdown = "<!--more-->";
      } else if (e.hasClass("read-also")) {
        markdown = e.attr("data-markdown");
      } else {
        // one line: a blank line would end CommonMark's HTML block
        markdown = LINE_BREAKS.matcher(e.outerHtml()).replaceAll(" ");
      }
      Element token = new Element("p").text(OPEN + Integer.toString(blocks.size()) + CLOSE);
      e.replaceWith(token);
      blocks.add(markdown);
    }
    emphasis(body);
    String markdown = converter.convert(body).strip().replace(STRONG, "**").replace(EMPHASIS, "*");
    StringBuilder out = new StringBuilder(markdown);
    for (int i = blocks.size() - 1; i >= 0; i--) {
      String token = OPEN + Integer.toString(i) + CLOSE;
      int at = out.indexOf(token);
      if (at < 0) {
        continue;
      }
      int end = at + token.length();
      // a block at the start of a line (not inside a quote or list) gets a blank line after it: the
      // converter puts none between a paragraph and a following quote
      if (at == 0 || out.charAt(at - 1) == '\n') {
        if (end < out.length() - 1 && out.charAt(end) == '\n' && out.charAt(end + 1) != '\n') {
          out.insert(end, '\n');
        }
      }
      out.replace(at, end, blocks.get(i));
    }
    return out.append('\n').toString();
  }

  /**
   * Emphasis written by hand rather than by the converter, which puts a space after {@code *…*}
   * before punctuation when another emphasis follows in the paragraph ("*Gunung Salak* .": the
   * text changes). White space at the edges of an emphasis goes outside its markers, where
   * CommonMark needs it to read them as emphasis.
   */
  private static void emphasis(Element body) {
    for (Element e : body.select(EMPHASIS_ELEMENTS)) {
      if (e.closest("pre, code") != null || e.parent() == null) {
        continue;
      }
      if (e.text().isBlank() && e.select(IMAGES).isEmpty()) {
        e.unwrap();
        continue;
      }
      String marker = e.normalName().equals("strong") || e.normalName().equals("b") ? STRONG : EMPHASIS;
      String before = "";
      String after = "";
      if (e.childNode(0) instanceof TextNode first && first.getWholeText().startsWith(" ")) {
        first.text(first.getWholeText().stripLeading());
        before = " ";
      }
      if (e.childNode(e.childNodeSize() - 1) instanceof TextNode last && last.getWholeText().endsWith(" ")) {
        last.text(last.getWholeText().stripTrailing());
        after = " ";
      }
      e.before(new TextNode(before + marker));
      e.after(new TextNode(marker + after));
      e.unwrap();
    }
  }

  /** Text as Markdown that reads as that text: the characters that could open markup escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\[]*_`<>&!#|~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c == '\n' ? ' ' : c);
    }
    return out.toString();
  }

  /** A link destination, in angle brackets when it holds spaces or parentheses. */
  static String destination(String url) {
    if (NEEDS_BRACKETS.matcher(url).find()) {
      return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">";
    }
    return url;
  }
}
