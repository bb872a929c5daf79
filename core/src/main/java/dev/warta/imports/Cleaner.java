package dev.warta.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.nodes.Node;

/**
 * Cleans a post's HTML with jsoup before it is converted: scripts and styles dropped, editor
 * wrappers ({@code span}, {@code font}, layout {@code div}s) unwrapped, attributes reduced to what
 * Markdown and figures keep, block-editor embeds and loose frames turned into embed blocks, media
 * URLs rebased, and the newsroom's "read also" paragraphs turned into Warta's read also blocks.
 *
 * <p>The cleaned tree is what the loss check compares the written Markdown with: everything the
 * cleaner removes on purpose is not counted as lost, everything after it is.
 */
final class Cleaner {
  private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "link", "meta", "base", "param");
  /**
   * Wrappers that only style, unwrapped; and {@code abbr}, {@code acronym}: the converter writes
   * them as abbreviation definitions, which Warta's Markdown does not read, so the word itself
   * would vanish from the text.
   */
  private static final Set<String> UNWRAPPED =
      Set.of("span", "font", "o:p", "center", "section", "article", "main", "header", "footer", "nav", "big", "small", "abbr", "acronym");
  private static final Set<String> EMBEDDED = Set.of("iframe", "video", "audio", "embed", "object");
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "blockquote", "pre", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
      "aside", "iframe", "video", "audio", "object", "embed", "section", "article", "form", "fieldset", "address", "details");
  /** Attributes kept, by element; every other attribute goes ({@code style}, {@code class}, event handlers, data-*). */
  private static final java.util.Map<String, Set<String>> KEPT = java.util.Map.of(
      "a", Set.of("href", "title"),
      "img", Set.of("src", "alt", "title", "width", "height"),
      "iframe", Set.of("src", "title", "width", "height", "loading", "allowfullscreen", "allow"),
      "video", Set.of("src", "controls", "poster", "width", "height"),
      "audio", Set.of("src", "controls"),
      "source", Set.of("src", "type"),
      "embed", Set.of("src", "type", "width", "height"),
      "object", Set.of("data", "type", "width", "height"),
      "figure", Set.of("class"),
      "td", Set.of("colspan", "rowspan"));

  // selectors parsed once: parsing one costs more than running it on a post
  private static final Evaluator SELECT_DROPPED = QueryParser.parse(String.join(",", DROPPED));
  private static final Evaluator SELECT_UNWRAPPED = QueryParser.parse(String.join(",", UNWRAPPED).replace("o:p", "o|p"));
  private static final Evaluator SELECT_ANCHORS = QueryParser.parse("a:not([href])");
  private static final Evaluator SELECT_BLOCK_EMBEDS = QueryParser.parse("figure[class*=wp-block-embed]");
  private static final Evaluator SELECT_DIV = QueryParser.parse("div");
  private static final Evaluator SELECT_P = QueryParser.parse("p");
  private static final Evaluator SELECT_BR = QueryParser.parse("br");
  private static final Evaluator SELECT_EMBEDDED = QueryParser.parse(String.join(",", EMBEDDED));
  private static final Evaluator SELECT_MEDIA = QueryParser.parse("img, iframe, video, audio, embed, object");
  private static final Evaluator SELECT_LINKS = QueryParser.parse("a[href]");

  /** A post of the export that a link may point to. */
  record Target(String file, String url, String title) {}

  /** What the cleaner needs to know of the import. */
  interface Context {
    /** The imported post an (absolute or site-relative) URL points to. */
    Optional<Target> post(String href);

    /** A media URL as the site will show it. */
    String media(String url);
  }

  private final Pattern readAlso;

  /** A cleaner for the site's read also labels (all languages together). */
  Cleaner(List<String> labels) {
    StringBuilder alternatives = new StringBuilder();
    labels.stream().map(String::strip).filter(l -> !l.isEmpty()).distinct()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()))
        .forEach(l -> alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(l).replace(" ", "\\E\\s+\\Q")));
    this.readAlso = Pattern.compile("^\\s*(" + (alternatives.length() == 0 ? "(?!)" : alternatives) + ")\\s*:\\s*(.+?)\\s*$",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  /**
   * The cleaned body of a post.
   *
   * @param file the post's Markdown file, for relative links in read also lines
   */
  Element clean(String html, String file, Context context) {
    org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(html);
    document.outputSettings().prettyPrint(false);
    Element body = document.body();
    body.select(SELECT_DROPPED).remove();
    comments(body);
    blockEditorEmbeds(body);
    for (Element e : reversed(body.select(SELECT_UNWRAPPED))) {
      e.unwrap();
    }
    for (Element a : body.select(SELECT_ANCHORS)) {
      a.unwrap();
    }
    divs(body);
    breaks(body);
    attributes(body, context);
    looseEmbeds(body);
    emptyParagraphs(body);
    readAlso(body, file, context);
    return body;
  }

  /** {@code <!--more-->} becomes a marker the converter writes back; every other comment goes. */
  private static void comments(Element body) {
    List<Comment> comments = new ArrayList<>();
    body.traverse((node, depth) -> {
      if (node instanceof Comment c) {
        comments.add(c);
      }
    });
    for (Comment c : comments) {
      boolean more = c.getData().strip().toLowerCase(Locale.ROOT).startsWith("more");
      Element parent = c.parent();
      if (more && parent != null && parent.normalName().equals("p") && parent.text().isBlank() && parent.childrenSize() == 0) {
        parent.replaceWith(new Element("wp-more"));
      } else if (more && parent != null && parent.normalName().equals("body")) {
        c.replaceWith(new Element("wp-more"));
      } else {
        c.remove();
      }
    }
  }

  /** The block editor's embed: {@code <figure class="wp-block-embed …"><div class="…wrapper">URL</div></figure>}. */
  private static void blockEditorEmbeds(Element body) {
    for (Element figure : body.select(SELECT_BLOCK_EMBEDS)) {
      String text = figure.select(".wp-block-embed__wrapper").text().strip();
      if (text.startsWith("http://") || text.startsWith("https://")) {
        Element caption = figure.selectFirst("figcaption");
        Element embed = Jsoup.parseBodyFragment(Embeds.html(text)).body().child(0);
        if (caption != null && !caption.text().isBlank()) {
          Element into = embed.selectFirst("figcaption");
          into.prependText(" ");
          into.insertChildren(0, caption.childNodesCopy());
        }
        figure.replaceWith(embed);
      }
    }
  }

  /** A {@code div} of text reads as a paragraph; one around blocks is only a wrapper. */
  private static void divs(Element body) {
    for (Element div : reversed(body.select(SELECT_DIV))) {
      boolean hasBlock = div.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
      if (hasBlock || div.parent() != null && "p".equals(div.parent().normalName())) {
        div.unwrap();
      } else if (div.textNodes().stream().allMatch(t -> t.isBlank()) && div.children().isEmpty()) {
        div.remove();
      } else {
        div.tagName("p");
        div.clearAttributes();
      }
    }
    // a paragraph wrapping blocks (from a div that held both) is unwrapped too
    for (Element p : reversed(body.select(SELECT_P))) {
      if (p.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()) && !EMBEDDED.contains(c.normalName()))) {
        p.unwrap();
      }
    }
  }

  /** White space after a line break would start the next line with it: a break ends the line. */
  private static void breaks(Element body) {
    for (Element br : body.select(SELECT_BR)) {
      if (br.nextSibling() instanceof org.jsoup.nodes.TextNode next) {
        next.text(next.getWholeText().stripLeading());
      }
    }
  }

  private static void attributes(Element body, Context context) {
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      Set<String> kept = KEPT.getOrDefault(e.normalName(), Set.of());
      List<String> gone = new ArrayList<>();
      for (Attribute a : e.attributes()) {
        if (!kept.contains(a.getKey().toLowerCase(Locale.ROOT))) {
          gone.add(a.getKey());
        }
      }
      gone.forEach(e::removeAttr);
      if (e.normalName().equals("figure") && e.hasAttr("class")) {
        // only the classes that say what a figure is or how it is aligned
        String classes = java.util.Arrays.stream(e.attr("class").split("\\s+"))
            .filter(c -> c.startsWith("embed") || c.startsWith("align") || c.equals("gallery"))
            .collect(java.util.stream.Collectors.joining(" "));
        if (classes.isEmpty()) {
          e.removeAttr("class");
        } else {
          e.attr("class", classes);
        }
      }
      for (String url : List.of("src", "data", "poster")) {
        if (e.hasAttr(url)) {
          e.attr(url, context.media(e.attr(url)));
        }
      }
      if (e.normalName().equals("a") && isMediaFile(e.attr("href"))) {
        e.attr("href", context.media(e.attr("href")));
      }
    }
  }

  private static boolean isMediaFile(String href) {
    return href.contains("/wp-content/uploads/");
  }

  /** A frame, video or audio outside a figure gets one, so it is a block of its own in the Markdown. */
  private static void looseEmbeds(Element body) {
    for (Element e : body.select(SELECT_EMBEDDED)) {
      if (e.closest("figure") != null) {
        continue;
      }
      Element outer = e;
      // a paragraph that holds only the frame becomes the figure
      if (e.parent() != null && e.parent().normalName().equals("p") && e.parent().text().isBlank() && e.parent().childrenSize() == 1) {
        outer = e.parent();
      }
      Element figure = new Element("figure").attr("class", "embed");
      outer.before(figure);
      figure.appendChild(e);
      if (outer != e) {
        outer.remove();
      }
    }
  }

  private static void emptyParagraphs(Element body) {
    for (Element p : body.select(SELECT_P)) {
      // nothing to read or see: empty, spaces, no-break spaces or line breaks only
      if (!hasText(p) && p.select(SELECT_MEDIA).isEmpty()) {
        p.remove();
      }
    }
  }

  /**
   * Whether a node holds a character that is not white space (nor a no-break space): what {@code
   * text().isBlank()} says, without building the text of every paragraph to find it.
   */
  private static boolean hasText(org.jsoup.nodes.Node node) {
    if (node instanceof TextNode t) {
      String text = t.getWholeText();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '\u00a0' && !Character.isWhitespace(c)) {
          return true;
        }
      }
      return false;
    }
    for (org.jsoup.nodes.Node child : node.childNodes()) {
      if (hasText(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code <p><strong>BACA JUGA: <a href="…">Judul</a></strong></p>}: a paragraph that is a read
   * also label and one link becomes Warta's read also block. A link to an imported post points at
   * its Markdown file (Warta then links the article and shows its title); any other link is kept
   * as it is.
   */
  private void readAlso(Element body, String file, Context context) {
    for (Element p : body.select(SELECT_P)) {
      List<Element> links = p.select(SELECT_LINKS);
      if (links.size() != 1 || !p.select(SELECT_MEDIA).isEmpty()) {
        continue;
      }
      String text = p.text().replace('\u00a0', ' ');
      Matcher m = readAlso.matcher(text);
      Element link = links.get(0);
      if (!m.matches() || !m.group(2).strip().equals(link.text().replace('\u00a0', ' ').strip()) || link.text().isBlank()) {
        continue;
      }
      String label = m.group(1).strip();
      String href = link.attr("href");
      Optional<Target> target = context.post(href);
      String title = target.map(Target::title).orElse(link.text().strip());
      String url = target.map(Target::url).orElse(href);
      String destination = target.map(t -> relative(file, t.file())).orElse(href);
      Element aside = new Element("aside").attr("class", "read-also");
      aside.appendElement("span").attr("class", "read-also-label").text(label);
      aside.appendText(" ");
      aside.appendElement("a").attr("href", url).text(title);
      aside.attr("data-markdown", Markdown.escape(label) + ": [" + Markdown.escape(link.text().strip()) + "](" + Markdown.destination(destination) + ")");
      p.replaceWith(aside);
    }
  }

  /** The path of {@code to} relative to the folder of {@code from}, both relative to the site with {@code /}. */
  static String relative(String from, String to) {
    java.nio.file.Path dir = java.nio.file.Path.of(from).getParent();
    String path = (dir == null ? java.nio.file.Path.of(to) : dir.relativize(java.nio.file.Path.of(to))).toString();
    return path.replace(java.io.File.separatorChar, '/');
  }

  private static List<Element> reversed(List<Element> elements) {
    List<Element> copy = new ArrayList<>(elements);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** Whether a node is a block for the converter's purposes. */
  static boolean isBlock(Node node) {
    return node instanceof Element e && BLOCKS.contains(e.normalName());
  }
}
