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
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

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
    /**
     * One walk over the body: the text as jsoup's {@code text()} reads it (a space where a block or
     * line break starts, and after a block that text follows), white space folded; and the
     * addresses of links, images and embeds, in order.
     */
    static Seen of(Element body) {
      StringBuilder text = new StringBuilder();
      List<String> links = new ArrayList<>();
      List<String> images = new ArrayList<>();
      List<String> embeds = new ArrayList<>();
      NodeTraversor.traverse(new NodeVisitor() {
        @Override
        public void head(Node node, int depth) {
          if (node instanceof TextNode t) {
            text.append(t.getWholeText());
          } else if (node instanceof Element e && depth > 0) {
            if (e.isBlock() || e.nameIs("br")) {
              text.append(' ');
            }
            switch (e.normalName()) {
              case "a" -> addIf(e, "href", links);
              case "img" -> addIf(e, "src", images);
              case "iframe", "video", "audio", "source", "embed" -> addIf(e, "src", embeds);
              case "object" -> addIf(e, "data", embeds);
              default -> {
                // no address a reader follows or sees
              }
            }
          }
        }

        @Override
        public void tail(Node node, int depth) {
          if (node instanceof Element e && depth > 0 && e.isBlock() && node.nextSibling() instanceof TextNode) {
            text.append(' ');
          }
        }
      }, body);
      return new Seen(fold(text), links, images, embeds);
    }

    private static void addIf(Element e, String attribute, List<String> to) {
      if (e.hasAttr(attribute)) {
        to.add(e.attr(attribute));
      }
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
  static String fold(CharSequence text) {
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
