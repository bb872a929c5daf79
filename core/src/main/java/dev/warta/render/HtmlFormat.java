package dev.warta.render;

import dev.warta.internal.Escape;
import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker's HTML output format, escaping with {@link Escape#html}: besides {@code <}, {@code >},
 * {@code &}, quotes and apostrophes, it drops the control characters HTML forbids, so a title with a
 * stray {@code U+0001} (pasted from a word processor) shows the same on the page as in the feeds
 * and JSON-LD, which drop them too. FreeMarker's own format passes them through.
 */
final class HtmlFormat extends CommonMarkupOutputFormat<HtmlFormat.Markup> {
  static final HtmlFormat INSTANCE = new HtmlFormat();

  private HtmlFormat() {}

  @Override
  public String getName() {
    return "WartaHTML";
  }

  @Override
  public String getMimeType() {
    return "text/html";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(Escape.html(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return Escape.html(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    // ?html and the like would escape twice
    return builtInName.equals("html") || builtInName.equals("xml") || builtInName.equals("xhtml");
  }

  @Override
  protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markup(plainTextContent, markupContent);
  }

  /** Markup in this format, as FreeMarker's output models need one class per format. */
  static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
    Markup(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public HtmlFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
