package dev.warta.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig.RawHtml;
import dev.warta.internal.Escape;
import dev.warta.internal.SitePaths;
import dev.warta.internal.Urls;
import dev.warta.internal.WorkCounts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.safety.Safelist;

/**
 * Renders an article body to HTML.
 *
 * <p>Built once per build and shared by all threads: flexmark's parser and renderer are
 * thread-safe. Per article it resolves the author's "read also" lines (a title or a link to an
 * {@code .md} file) into link blocks, rewrites relative links to {@code .md} files into their
 * article's URL, neutralises {@code javascript:} and other unsafe URLs, inserts Warta's own read
 * also links after chosen paragraphs, and treats raw HTML as the site says.
 */
public final class MarkdownRenderer {
  private static final Pattern MARKDOWN_LINK = Pattern.compile("^\\[(.+)]\\(\\s*<?([^)>\\s]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)\\s*[.]?$");
  private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[#?].*");

  private final RawHtml rawHtml;
  private final ReadAlsoLine readAlso;
  private final HtmlRenderer renderer;
  private final Safelist safelist;
  private final java.util.Map<String, Problem.Severity> severities;
  private final boolean autolinks;

  /**
   * A renderer for a site's raw HTML policy and read also labels.
   *
   * @param severities the severity of the checks {@code links}, {@code readAlso} and {@code unsafeUrls}
   */
  public MarkdownRenderer(RawHtml rawHtml, ReadAlsoLine readAlso, java.util.Map<String, Problem.Severity> severities) {
    this(rawHtml, readAlso, severities, true);
  }

  /**
   * A renderer as above that may leave bare URLs as text.
   *
   * @param autolinks whether a bare URL or e-mail address becomes a link, as on every page; a tool
   *     that compares only text and the links written as links (the importer's loss check) saves
   *     the search for them, which scans every character
   */
  public MarkdownRenderer(RawHtml rawHtml, ReadAlsoLine readAlso, java.util.Map<String, Problem.Severity> severities, boolean autolinks) {
    this.autolinks = autolinks;
    this.rawHtml = rawHtml;
    this.severities = java.util.Map.copyOf(severities);
    this.readAlso = readAlso;
    MutableDataSet options = Flexmark.options();
    if (rawHtml == RawHtml.ESCAPE) {
      options.set(HtmlRenderer.ESCAPE_HTML_BLOCKS, true);
      options.set(HtmlRenderer.ESCAPE_INLINE_HTML, true);
    }
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    this.renderer = HtmlRenderer.builder(options)
        .nodeRendererFactory(o -> new ReadAlsoRenderer())
        .nodeRendererFactory(o -> new PlainTextRenderer())
        .attributeProviderFactory(new com.vladsch.flexmark.html.IndependentAttributeProviderFactory() {
          @Override
          public com.vladsch.flexmark.html.AttributeProvider apply(com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
            return MarkdownRenderer::alignmentAsClass;
          }
        })
        .build();
    this.safelist =
        Safelist.relaxed()
            .addTags("figure", "figcaption", "mark", "small", "abbr", "time", "aside", "section", "hr", "del", "ins", "s")
            .addAttributes(":all", "class", "id", "lang", "dir", "title")
            .addAttributes("a", "rel", "target")
            .addAttributes("img", "loading", "width", "height")
            .addAttributes("time", "datetime")
            .addProtocols("a", "href", "#", "http", "https", "mailto", "tel")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);
  }

  /** A link to an article: where it is and what it is called. */
  public record Target(String url, String title) {}

  /** How an article's links are resolved; implemented by the caller, who knows the archive. */
  public interface Resolver {
    /** The article whose source path (e.g. {@code content/ekonomi/a.md}) this is. */
    Optional<Target> bySource(String source);

    /** The article an author's read also line names by its title. */
    Optional<Target> byTitle(String title);
  }

  /**
   * What to render.
   *
   * @param source the article file relative to the site, for problems and relative links
   * @param bodyLine the file line where the body starts
   * @param markdown the body
   * @param label the read also label of the article's language, for inserted links
   * @param inserts Warta's own read also links, best first, chosen once the body's own links are
   *     known (the function receives their URLs, so it can leave them out)
   * @param insertAfter 1-based paragraph numbers after which links are inserted
   * @param insertMinParagraphs articles with fewer paragraphs get none
   */
  public record Request(
      String source, int bodyLine, String markdown, String label, Function<Set<String>, List<Target>> inserts,
      List<Integer> insertAfter, int insertMinParagraphs) {
    /** Copies. */
    public Request {
      insertAfter = List.copyOf(insertAfter);
    }

    /** A request that inserts no links. */
    public static Request plain(String source, int bodyLine, String markdown) {
      return new Request(source, bodyLine, markdown, "", linked -> List.of(), List.of(), 0);
    }
  }

  /**
   * The rendered body.
   *
   * @param html the HTML
   * @param linked URLs of articles the body links to (read also lines and links), in order
   * @param problems what was wrong, with lines
   */
  public record Rendered(String html, List<String> linked, List<Problem> problems) {}

  /** The error for a body nested so deeply that parsing or rendering it overflows the stack. */
  public static final String TOO_DEEP =
      "the Markdown is nested too deeply to read (thousands of '>', list markers, '*' or '[' in a row?); flatten it";

  /** Renders one body; one nested too deeply for flexmark's recursion renders as nothing, with an error. */
  public Rendered render(Request request, Resolver resolver) {
    int deep = deeplyNestedLine(request.markdown());
    if (deep > 0) {
      // flexmark's time grows with the square of the nesting before its stack overflows (3,000
      // nested list items: 14 s); no article nests 200 levels, so such a body is refused at once
      return new Rendered("", List.of(), List.of(Problem.error(request.source(), request.bodyLine() + deep - 1, 1, TOO_DEEP)));
    }
    try {
      return renderTree(request, resolver);
    } catch (StackOverflowError e) {
      return new Rendered("", List.of(), List.of(Problem.error(request.source(), request.bodyLine(), 1, TOO_DEEP)));
    }
  }

  /** Indentation and quote markers that no real article reaches; Markdown nests by them. */
  static final int MAX_NESTING_PREFIX = 400;

  /** The 1-based line whose indentation and quote markers pass {@link #MAX_NESTING_PREFIX}, or 0. */
  static int deeplyNestedLine(String markdown) {
    int line = 1;
    int prefix = 0;
    boolean atStart = true;
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\n') {
        line++;
        prefix = 0;
        atStart = true;
      } else if (atStart && (c == ' ' || c == '\t' || c == '>')) {
        if (++prefix > MAX_NESTING_PREFIX) {
          return line;
        }
      } else {
        atStart = false;
      }
    }
    return 0;
  }

  private Rendered renderTree(Request request, Resolver resolver) {
    List<Problem> problems = new ArrayList<>();
    Set<String> linked = new LinkedHashSet<>();
    Document document = Flexmark.parse(request.markdown(), autolinks);
    WorkCounts.bodyParse();
    Article article = new Article(request, resolver, problems, linked);
    article.resolveReadAlso(document);
    article.rewriteLinks(document);
    article.insert(document, request);
    String html = renderer.render(document);
    if (rawHtml == RawHtml.SANITIZE && hasRawHtml(document)) {
      OutputSettings settings = new OutputSettings().prettyPrint(false).charset("UTF-8");
      // a base URI lets jsoup resolve relative links to check their scheme; preserveRelativeLinks
      // then keeps them as written (with "" every relative href and src was dropped)
      html = Jsoup.clean(html, "https://relative.invalid/", safelist, settings);
    }
    return new Rendered(html, List.copyOf(linked), List.copyOf(problems));
  }

  private static boolean hasRawHtml(Document document) {
    for (Node node : document.getDescendants()) {
      if (node instanceof HtmlBlock || node instanceof HtmlInline) {
        return true;
      }
    }
    return false;
  }

  /** The work on one article's tree. */
  private final class Article {
    private final Request request;
    private final Resolver resolver;
    private final List<Problem> problems;
    private final Set<String> linked;

    Article(Request request, Resolver resolver, List<Problem> problems, Set<String> linked) {
      this.request = request;
      this.resolver = resolver;
      this.problems = problems;
      this.linked = linked;
    }

    private int line(Node node) {
      return request.bodyLine() + node.getStartLineNumber();
    }

    private int column(Node node) {
      return node.getChars().getBaseSequence().getColumnAtIndex(node.getStartOffset()) + 1;
    }

    void resolveReadAlso(Document document) {
      for (Node node = document.getFirstChild(); node != null; ) {
        Node next = node.getNext();
        if (node instanceof Paragraph paragraph) {
          readAlso.match(Flexmark.string(paragraph.getChars())).ifPresent(match -> {
            Optional<Target> target = resolve(match.target(), paragraph);
            if (target.isPresent()) {
              linked.add(target.get().url());
              paragraph.insertBefore(new ReadAlsoNode(match.label(), target.get().url(), target.get().title(), false));
              paragraph.unlink();
            }
          });
        }
        node = next;
      }
    }

    private Optional<Target> resolve(String target, Node node) {
      Matcher link = MARKDOWN_LINK.matcher(target);
      if (link.matches()) {
        String url = link.group(2);
        if (isMarkdownFile(url)) {
          Optional<Target> bySource = resolver.bySource(sourceOf(url));
          if (bySource.isEmpty()) {
            missingFile(url, node);
          }
          return bySource;
        }
        if (!isSafe(url)) {
          report("unsafeUrls", node, "the read also link has an unsafe URL (" + url + "); it is kept as text");
          return Optional.empty();
        }
        return Optional.of(new Target(url, PlainText.of(link.group(1))));
      }
      String title = PlainText.of(target);
      Optional<Target> byTitle = resolver.byTitle(title);
      if (byTitle.isEmpty()) {
        report("readAlso", node,
            "the read also line names no article of this archive: '" + title + "'; fix the title or link the file, e.g. [Title](../section/file.md); it is kept as text");
      }
      return byTitle;
    }

    void rewriteLinks(Document document) {
      for (Node node : document.getDescendants()) {
        if (node instanceof Link link) {
          String url = link.getUrl().toString();
          if (isMarkdownFile(url)) {
            int hash = url.indexOf('#');
            String fragment = hash >= 0 ? url.substring(hash) : "";
            Optional<Target> target = resolver.bySource(sourceOf(hash >= 0 ? url.substring(0, hash) : url));
            if (target.isPresent()) {
              linked.add(target.get().url());
              link.setUrl(BasedSequence.of(target.get().url() + fragment));
            } else {
              missingFile(url, link);
            }
          } else if (!isSafe(url)) {
            unsafe(link, url);
            link.setUrl(BasedSequence.of("#"));
          }
        } else if (node instanceof Image image && !isSafe(image.getUrl().toString())) {
          unsafe(image, image.getUrl().toString());
          image.setUrl(BasedSequence.of(""));
        } else if (node instanceof AutoLink autoLink && !isSafe(autoLink.getUrl().toString())) {
          unsafe(autoLink, autoLink.getUrl().toString());
        }
      }
    }

    void insert(Document document, Request request) {
      if (request.insertAfter().isEmpty()) {
        return;
      }
      List<Node> paragraphs = new ArrayList<>();
      for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
        if (node instanceof Paragraph) {
          paragraphs.add(node);
        }
      }
      if (paragraphs.size() < request.insertMinParagraphs()) {
        return;
      }
      // chosen after the author's links are resolved, in the same pass, so none is repeated
      List<Target> insert = request.inserts().apply(Set.copyOf(linked));
      int next = 0;
      for (int after : request.insertAfter()) {
        // never after the last paragraph: a read also link ends no article, the related list does
        if (after >= paragraphs.size() || next >= insert.size()) {
          break;
        }
        Node paragraph = paragraphs.get(after - 1);
        if (paragraph.getNext() instanceof ReadAlsoNode) {
          continue; // the author put one here already
        }
        Target target = insert.get(next++);
        paragraph.insertAfter(new ReadAlsoNode(request.label(), target.url(), target.title(), true));
        linked.add(target.url());
      }
    }

    private void missingFile(String url, Node node) {
      report("links", node,
          "the link to " + url + " names no article of this archive (looked for " + sourceOf(url.replaceAll("#.*", "")) + "); fix the path, or the article is a draft or dated in the future");
    }

    private void unsafe(Node node, String url) {
      report("unsafeUrls", node, "the URL '" + url + "' uses an unsafe scheme and was removed; links may use http, https, mailto, tel or ftp");
    }

    private void report(String check, Node node, String message) {
      problems.add(new Problem(request.source(), line(node), column(node), severities.get(check), message));
    }

    private String sourceOf(String url) {
      String dir = request.source().contains("/") ? request.source().substring(0, request.source().lastIndexOf('/') + 1) : "";
      String path = url.startsWith("/") ? "content" + url : dir + url;
      try {
        path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // keep the path as written
      }
      return SitePaths.normalise(java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC));
    }
  }

  private static boolean isMarkdownFile(String url) {
    String path = QUERY_OR_FRAGMENT.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
    return !path.contains(":") && (path.endsWith(".md") || path.endsWith(".markdown"));
  }

  /** Whether a URL is relative, or uses a scheme that cannot run code (see {@link Urls}). */
  static boolean isSafe(String url) {
    return Urls.allows(url, Urls.LINK_SCHEMES);
  }


  /**
   * Table cells say their alignment with a class ({@code align-right}) instead of the {@code
   * align} attribute that flexmark writes, which HTML5 made obsolete; a class also survives the
   * sanitiser, which drops {@code style}.
   */
  private static void alignmentAsClass(Node node, com.vladsch.flexmark.html.renderer.AttributablePart part,
      com.vladsch.flexmark.util.html.MutableAttributes attributes) {
    if (node instanceof com.vladsch.flexmark.ext.tables.TableCell && attributes.contains("align")) {
      String align = attributes.getValue("align");
      attributes.remove("align");
      attributes.addValue("class", "align-" + align);
    }
  }

  /**
   * Writes text as flexmark would, without its regular expressions. Flexmark's own text rendering
   * unescapes, normalises line ends and escapes every text node with regular expressions, a tenth
   * of a build's CPU time, although most news prose holds none of the characters the first two
   * change; text with a quotation mark ({@code "}, in most news paragraphs) or an angle bracket
   * only needs those written as entities, which {@link Escape#htmlText} does as flexmark does. Only
   * text with a backslash, an ampersand (an escape or entity to decode), a CR or a control
   * character goes to flexmark's renderer.
   */
  private static final class PlainTextRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(Text.class, PlainTextRenderer::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
      String text = Flexmark.string(node.getChars());
      switch (kind(text)) {
        case VERBATIM -> html.raw(text);
        case ESCAPED -> html.raw(Escape.htmlText(text));
        default -> context.delegateRender();
      }
    }

    private static final int VERBATIM = 0;
    private static final int ESCAPED = 1;
    private static final int FLEXMARK = 2;

    /** What a text needs: nothing, entities for {@code < > "}, or flexmark's decoding first. */
    static int kind(String text) {
      int kind = VERBATIM;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\' || c == '&' || c == '\r' || Escape.isControl(c)) {
          return FLEXMARK;
        } else if (c == '<' || c == '>' || c == '"') {
          kind = ESCAPED;
        }
      }
      return kind;
    }
  }

  /** Renders read also blocks. */
  private static final class ReadAlsoRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(ReadAlsoNode.class, ReadAlsoRenderer::render));
    }

    private static void render(ReadAlsoNode node, NodeRendererContext context, HtmlWriter html) {
      html.line();
      html.raw("<aside class=\"read-also" + (node.inserted ? " read-also-auto" : "") + "\" data-pagefind-ignore><span class=\"read-also-label\">"
          + Escape.html(node.label) + "</span> <a href=\"" + Escape.html(node.url) + "\">" + Escape.html(node.title) + "</a></aside>");
      html.line();
    }
  }
}
