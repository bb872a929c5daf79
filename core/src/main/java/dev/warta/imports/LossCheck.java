package dev.warta.imports;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig.RawHtml;
import dev.warta.markdown.MarkdownRenderer;
import dev.warta.markdown.ReadAlsoLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The importer's quality gate: the written Markdown is rendered back through Warta's own Markdown
 * renderer and compared with the cleaned HTML it came from. The visible text must be the same
 * (white space folded); links, images and embeds are compared one by one, in order.
 *
 * <p>Raw HTML is kept when rendering here ({@code allow}), whatever the site says: what is checked is
 * whether the Markdown holds everything, not what a site chooses to show of it.
 */
final class LossCheck {
  private static final int CONTEXT = 40;
  private static final Evaluator LINKS = QueryParser.parse("a[href]");
  private static final Evaluator IMAGES = QueryParser.parse("img[src]");
  private static final Evaluator EMBEDS = QueryParser.parse("iframe[src], video[src], audio[src], source[src], embed[src], object[data]");

  /** What an article lost; each list empty when nothing was. */
  record Loss(List<String> text, List<String> links, List<String> images, List<String> embeds) {
    Loss {
      text = List.copyOf(text);
      links = List.copyOf(links);
      images = List.copyOf(images);
      embeds = List.copyOf(embeds);
    }

    boolean isEmpty() {
      return text.isEmpty() && links.isEmpty() && images.isEmpty() && embeds.isEmpty();
    }
  }

  /** What a reader sees of a body: its text and the addresses it links and shows. */
  record Seen(String text, List<String> links, List<String> images, List<String> embeds) {
    static Seen of(Element body) {
      return new Seen(
          fold(body.text()),
          body.select(LINKS).eachAttr("href"),
          body.select(IMAGES).eachAttr("src"),
          embeds(body));
    }

    private static List<String> embeds(Element body) {
      List<String> out = new ArrayList<>();
      for (Element e : body.select(EMBEDS)) {
        out.add(e.hasAttr("src") ? e.attr("src") : e.attr("data"));
      }
      return out;
    }
  }

  private final MarkdownRenderer renderer;
  private final Function<String, Optional<Cleaner.Target>> byFile;

  /**
   * @param labels the read also labels of every language
   * @param byFile an imported post by its Markdown file, for read also lines
   */
  LossCheck(List<String> labels, Function<String, Optional<Cleaner.Target>> byFile) {
    Map<String, Problem.Severity> severities = new HashMap<>();
    for (String check : List.of("links", "readAlso", "unsafeUrls")) {
      severities.put(check, Problem.Severity.WARNING);
    }
    // no search for bare URLs: a link it would add is none the source lost, and it changes no text;
    // on imported bodies (figures' href="https://…") it was a sixth of the check
    this.renderer = new MarkdownRenderer(RawHtml.ALLOW, ReadAlsoLine.of(labels), severities, false);
    this.byFile = byFile;
  }

  /** What the Markdown of {@code file} lost against what the cleaned HTML showed. */
  Loss check(String file, Seen expected, String markdown) {
    MarkdownRenderer.Rendered rendered = renderer.render(MarkdownRenderer.Request.plain(file, 1, markdown), new MarkdownRenderer.Resolver() {
      @Override
      public Optional<MarkdownRenderer.Target> bySource(String source) {
        return byFile.apply(source).map(t -> new MarkdownRenderer.Target(t.url(), t.title()));
      }

      @Override
      public Optional<MarkdownRenderer.Target> byTitle(String title) {
        return Optional.empty();
      }
    });
    Seen actual = Seen.of(Jsoup.parseBodyFragment(rendered.html()).body());
    List<String> text = new ArrayList<>();
    if (!expected.text().equals(actual.text())) {
      text.add(difference(expected.text(), actual.text()));
    }
    return new Loss(text, missing(expected.links(), actual.links()), missing(expected.images(), actual.images()),
        missing(expected.embeds(), actual.embeds()));
  }

  /** Each address of {@code expected} that {@code actual} does not hold as often. */
  private static List<String> missing(List<String> expected, List<String> actual) {
    List<String> left = new ArrayList<>(actual);
    List<String> out = new ArrayList<>();
    for (String e : expected) {
      if (!left.remove(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Where two texts part: the expected words and the ones shown instead, with a little context. */
  static String difference(String expected, String actual) {
    int start = 0;
    int max = Math.min(expected.length(), actual.length());
    while (start < max && expected.charAt(start) == actual.charAt(start)) {
      start++;
    }
    int from = Math.max(0, start - CONTEXT);
    return "at character " + (start + 1) + ": expected \"" + excerpt(expected, from, start) + "\", the Markdown shows \""
        + excerpt(actual, from, start) + "\"";
  }

  private static String excerpt(String text, int from, int at) {
    int to = Math.min(text.length(), at + CONTEXT);
    return (from > 0 ? "…" : "") + text.substring(Math.min(from, text.length()), to) + (to < text.length() ? "…" : "");
  }

  /** White space (no-break spaces too) folded to single spaces, as a reader sees it. */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\u00a0' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
