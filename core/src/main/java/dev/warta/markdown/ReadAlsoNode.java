package dev.warta.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A resolved "read also" link, rendered as a block of its own between paragraphs. */
final class ReadAlsoNode extends Block {
  final String label;
  final String url;
  final String title;
  final boolean inserted;

  ReadAlsoNode(String label, String url, String title, boolean inserted) {
    this.label = label;
    this.url = url;
    this.title = title;
    this.inserted = inserted;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
