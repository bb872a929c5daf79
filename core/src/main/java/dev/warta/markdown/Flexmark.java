package dev.warta.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.ArrayList;
import java.util.List;

/** The flexmark options Warta uses, in one place: CommonMark plus GFM tables, strikethrough, autolinks and footnotes. */
final class Flexmark {
  private Flexmark() {}

  static MutableDataSet options() {
    return options(true, true);
  }

  private static MutableDataSet options(boolean autolinks, boolean tables) {
    MutableDataSet options = new MutableDataSet();
    List<Extension> extensions = new ArrayList<>();
    if (tables) {
      extensions.add(TablesExtension.create());
    }
    extensions.add(StrikethroughExtension.create());
    if (autolinks) {
      extensions.add(AutolinkExtension.create());
    }
    extensions.add(FootnoteExtension.create());
    options.set(Parser.EXTENSIONS, extensions);
    // GFM table behaviour: a header row is required, column counts may differ.
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    return options;
  }

  /** Parsers by the extensions they leave out, indexed by {@link #index}. */
  private static final Parser[] PARSERS = {
    Parser.builder(options(false, false)).build(),
    Parser.builder(options(true, false)).build(),
    Parser.builder(options(false, true)).build(),
    Parser.builder(options(true, true)).build(),
  };

  private static int index(boolean autolinks, boolean tables) {
    return (autolinks ? 1 : 0) | (tables ? 2 : 0);
  }

  /**
   * Parses Markdown with Warta's options. Parsers are thread-safe and shared.
   *
   * <p>Two extensions cost much and change only text that holds a sign of them, so text without
   * that sign is parsed without them, to the same tree:
   *
   * <ul>
   *   <li>the autolink extension scans every character of the text and doubles the parse time
   *       (measured on 10,000 articles: 1.4 s without it, 2.4–4.2 s with it), yet it only changes
   *       text that holds a bare URL or e-mail address: an "@", or a "://" or "www." that is not
   *       the destination of a Markdown link {@code [text](https://…)} or of an angle-bracket link
   *       {@code <https://…>};
   *   <li>the tables extension compiles its patterns for every document and tries every paragraph
   *       as a table, a fifth of the parse time (10,000 articles: 1.65 s with it, 1.33 s without),
   *       yet no table is written without a {@code |}.
   * </ul>
   */
  static Document parse(String markdown) {
    return parse(markdown, true);
  }

  /** Parses as {@link #parse(String)}; without {@code autolinks}, bare URLs stay text. */
  static Document parse(String markdown, boolean autolinks) {
    return PARSERS[index(autolinks && mayHaveBareLink(markdown), markdown.indexOf('|') >= 0)].parse(markdown);
  }

  /**
   * The characters of a node as a string. Flexmark's {@code toString} copies them one {@code
   * charAt} at a time; a plain sub-sequence of the parsed string is copied at once from it.
   */
  static String string(BasedSequence chars) {
    if (chars instanceof SubSequence && chars.getBase() instanceof String source) {
      return source.substring(chars.getStartOffset(), chars.getEndOffset());
    }
    return chars.toString();
  }

  static boolean mayHaveBareLink(String md) {
    if (md.indexOf('@') >= 0) {
      return true;
    }
    for (int i = md.indexOf("://"); i >= 0; i = md.indexOf("://", i + 3)) {
      int start = i;
      while (start > 0 && isSchemeChar(md.charAt(start - 1))) {
        start--;
      }
      char before = start > 0 ? md.charAt(start - 1) : ' ';
      if (before != '(' && before != '<') {
        return true;
      }
    }
    for (int i = md.indexOf("www."); i >= 0; i = md.indexOf("www.", i + 4)) {
      char before = i > 0 ? md.charAt(i - 1) : ' ';
      if (before != '/' && before != '(' && before != '<') {
        return true;
      }
    }
    return false;
  }

  private static boolean isSchemeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }
}
