package dev.warta.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;

/** The flexmark options Warta uses, in one place: CommonMark plus GFM tables, strikethrough, autolinks and footnotes. */
final class Flexmark {
  private Flexmark() {}

  static MutableDataSet options() {
    MutableDataSet options = new MutableDataSet();
    List<Extension> extensions =
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            FootnoteExtension.create());
    options.set(Parser.EXTENSIONS, extensions);
    // GFM table behaviour: a header row is required, column counts may differ.
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    return options;
  }

  /** A parser with Warta's options; parsers are thread-safe and meant to be shared. */
  static final Parser PARSER = Parser.builder(options()).build();
}
