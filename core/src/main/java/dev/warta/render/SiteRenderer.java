package dev.warta.render;

import dev.warta.shared.Problem;
import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.content.Bodies;
import dev.warta.internal.Fingerprint;
import dev.warta.markdown.MarkdownRenderer;
import dev.warta.markdown.ReadAlsoLine;
import dev.warta.render.Page.ArticlePage;
import dev.warta.render.Page.ListPage;
import dev.warta.render.Page.NotFoundPage;
import dev.warta.search.SearchIndex;
import dev.warta.render.Page.RedirectPage;
import dev.warta.render.Page.TermsPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Renders pages to bytes. One instance per build, shared by the threads that render: it holds only
 * immutable state and thread-safe engines.
 */
public final class SiteRenderer {
  private final Archive archive;
  private final Templates templates;
  private final Labels labels;
  private final Models models;
  private final MarkdownRenderer markdown;
  private final Links links;
  private final Bodies bodies;
  private final RenderCache previous;
  private final RenderCache next;
  /**
   * The articles whose whole body a feed carries, by {@link Entry#index}: the feed and the page take
   * their body from one rendering, kept here for the build (a few dozen articles, the newest of each
   * feed). Empty when feeds carry summaries.
   */
  private final Map<Integer, FeedBody> feedBodies;

  /** An article body rendered once for its page and its feed items; guarded by itself. */
  private static final class FeedBody {
    private Once once;
  }

  /** One rendering of a body, and the questions it asked of the archive on the way. */
  private record Once(MarkdownRenderer.Rendered rendered, List<RenderCache.Question> questions) {}

  /**
   * How an article's related and linked articles are found; supplied by the build, which owns the
   * related index.
   */
  public interface Links {
    /** The related articles shown at the end of an article, best first, none of them in {@code exclude} (URLs). */
    List<Entry> related(Entry entry, java.util.Set<String> exclude);

    /** Related articles to insert between paragraphs, best first, none of them in {@code exclude} (URLs). */
    List<Entry> inserts(Entry entry, java.util.Set<String> exclude, int count);

    /** The article an author's read also line names by title. */
    Optional<Entry> byTitle(String title);
  }

  private SiteRenderer(Archive archive, Templates templates, Labels labels, Links links, Bodies bodies, RenderCache previous, RenderCache next) {
    this.bodies = bodies;
    this.previous = previous;
    this.next = next;
    this.archive = archive;
    this.templates = templates;
    this.labels = labels;
    this.models = new Models(archive, labels);
    this.links = links;
    this.markdown = new MarkdownRenderer(archive.config().rawHtml(), ReadAlsoLine.of(ReadAlsoLine.allLabels(archive.config().readAlsoLabels())),
        archive.config().checks());
    Map<Integer, FeedBody> shared = new java.util.HashMap<>();
    if (archive.config().feeds().fullContent()) {
      FeedChannel.of(archive).forEach(c -> c.entries().forEach(e -> shared.putIfAbsent(e.index(), new FeedBody())));
    }
    this.feedBodies = Map.copyOf(shared);
  }

  /**
   * A renderer for an archive, with the site's templates and labels, that skips the bodies the
   * previous build's cache knows unchanged, and records in {@code next} what this build's bodies
   * were made from. The articles' bodies come from {@code bodies}, as the load read them. Problems
   * with templates or label files are added to {@code problems}.
   */
  public static SiteRenderer create(Path siteDir, Archive archive, Links links, Bodies bodies, List<Problem> problems, RenderCache previous,
      RenderCache next) {
    Templates templates = Templates.create(siteDir);
    problems.addAll(templates.check());
    List<String> languages = new ArrayList<>(archive.languages());
    if (!languages.contains(archive.config().language())) {
      languages.add(archive.config().language());
    }
    Labels labels = Labels.load(siteDir, languages, problems);
    return new SiteRenderer(archive, templates, labels, links, bodies, previous, next);
  }

  /** The site's labels in a language, for feeds and other non-template output. */
  public Map<String, String> labels(String lang) {
    return labels.of(lang);
  }

  /**
   * A page's bytes, or {@code null} when the page was found unchanged since the previous build and
   * not rendered; with the fingerprint of what it is made from.
   */
  public record Rendered(byte[] bytes, byte[] fingerprint) {
    /** Whether the page was left unrendered, its previous file being still right. */
    public boolean kept() {
      return bytes == null;
    }
  }

  /**
   * Renders a page, unless {@code unchanged} says that the previous build wrote a page of the same
   * fingerprint which is still there. Problems found on the way are added to {@code problems} (not
   * thread-safe: one list per call).
   */
  public Rendered render(Page page, List<Problem> problems, Predicate<byte[]> unchanged) {
    return render(page, problems, unchanged, true);
  }

  /**
   * Renders a page for a check, which keeps nothing for a next build: no fingerprint of the page
   * nor keys of its body are made, and the page is always rendered. Problems found on the way are
   * added to {@code problems} (one list per call).
   */
  public byte[] check(Page page, List<Problem> problems) {
    return render(page, problems, fingerprint -> false, false).bytes();
  }

  private Rendered render(Page page, List<Problem> problems, Predicate<byte[]> unchanged, boolean keyed) {
    Views.PageView pageView = null;
    List<Views.FeedLink> feeds = null;
    Views.ListView list = null;
    Views.TermsView terms = null;
    Views.SearchView search = null;
    Views.TargetView target = null;
    String lang = archive.config().language();
    Body body = null;
    Views.ArticleView articleModel = null;
    if (page instanceof ArticlePage a) {
        lang = a.entry().article().lang();
        Article article = a.entry().article();
        body = keyed ? body(a.entry(), problems) : unkeyedBody(a.entry(), problems);
        // the related section does not repeat what the body already links to
        java.util.Set<String> linked = new java.util.HashSet<>();
        body.linked().forEach(href -> linked.add(unhref(href)));
        articleModel = models.article(a.entry(), body.placeholder(), links.related(a.entry(), linked));
        pageView = models.page("article", a.url(), article.title(), lang, article.summary());
        feeds = models.feedLinks(lang, archive.sectionOf(a.entry()).flatMap(t -> models.channel(t.url())));
    } else if (page instanceof ListPage l) {
        lang = l.lang();
        Map<String, String> words = labels.of(lang);
        String heading = switch (l.kind()) {
          case "home" -> words.get("latest");
          case "month" -> labels.format(l.all().isEmpty() ? archive.config().buildTime().atZone(archive.config().timeZone())
              : l.all().get(0).article().date(), lang, "date.month");
          case "year" -> words.get("archive.year") + " " + l.title();
          default -> l.title();
        };
        List<Views.CountedLink> periods = null;
        if (l.kind().equals("year")) {
          // the months of a year are reached from its page: no month archive is an orphan
          periods = archive.months(Integer.parseInt(l.title())).stream().map(m -> new Views.CountedLink(
              labels.format(java.time.LocalDate.of(m.year(), m.month(), 1).atStartOfDay(archive.config().timeZone()), l.lang(), "date.month"),
              models.href(m.url()), m.entries().size())).toList();
        }
        Optional<FeedChannel> channel = models.channel(l.base()).filter(c -> c.kind().equals(l.kind()));
        String title = l.kind().equals("home") && l.number() == 1 ? "" : heading;
        if (l.number() > 1) {
          title = heading + " – " + words.get("page") + " " + l.number();
        }
        list = new Views.ListView(l.kind(), heading, l.items().stream().map(models::summary).toList(), models.pager(l),
            periods, channel.map(c -> models.href(c.rss())).orElse(""), models.listJsonLd(l, heading, title));
        feeds = models.feedLinks(lang, channel);
        pageView = models.page(l.kind(), l.url(), title, lang, archive.config().description());
    } else if (page instanceof TermsPage t) {
        Map<String, String> words = labels.of(lang);
        String title = words.get("all." + t.kind());
        terms = new Views.TermsView(t.kind(), title,
            t.items().stream().map(i -> new Views.CountedLink(i.name(), models.href(i.url()), i.count())).toList());
        pageView = models.page(t.kind(), t.url(), title, lang, "");
    } else if (page instanceof NotFoundPage n) {
      pageView = models.page("404", n.url(), labels.of(lang).get("not.found.title"), lang, "");
    } else if (page instanceof Page.SearchPage s) {
      lang = s.lang();
      search = new Views.SearchView(models.href(s.url()), models.href(SearchIndex.manifestUrl(lang)),
          models.href(SearchIndex.CLIENT), archive.config().relativeUrls());
      pageView = models.page("search", s.url(), labels.of(lang).get("search.title"), lang, labels.of(lang).get("search.description"));
    } else if (page instanceof RedirectPage r) {
        target = new Views.TargetView(models.href(r.target().url()), models.absolute(r.target().url()), r.target().article().title());
        pageView = models.page("redirect", r.url(), r.target().article().title(), r.target().article().lang(), "");
    }
    if (feeds == null) {
      feeds = models.feedLinks(lang, Optional.empty());
    }
    Views.PageModel model = new Views.PageModel(pageView, models.site(lang), labels.of(lang), feeds, articleModel, list, terms,
        search, target);
    byte[] fingerprint = null;
    if (keyed) {
      dev.warta.internal.WorkCounts.key();
      fingerprint = new Fingerprint().add(page.template()).add(page.url()).add(model).finish();
    }
    if (keyed && unchanged.test(fingerprint)) {
      return new Rendered(null, fingerprint);
    }
    if (body != null) {
      model = model.withArticle(articleModel.withContent(body.html(problems)));
    }
    String html = templates.render(page.template(), model, problems, page.url());
    if (archive.config().relativeUrls() && !(page instanceof NotFoundPage)) {
      // the 404 page is served at any depth, so only root-relative links work there
      html = RelativeUrls.rewrite(html, page.url(), models.href("/"));
    }
    return new Rendered(html.getBytes(StandardCharsets.UTF_8), fingerprint);
  }

  /**
   * An article's body, rendered or not yet: when the previous build's answers to its questions
   * still hold, its digest and links are known without rendering, and it is rendered only if the
   * page must be.
   */
  private final class Body {
    private final Entry entry;
    private final byte[] key;
    private final List<String> linked;
    private String html;

    Body(Entry entry, byte[] key, List<String> linked, String html) {
      this.entry = entry;
      this.key = key;
      this.linked = linked;
      this.html = html;
    }

    List<String> linked() {
      return linked;
    }

    /** What stands for the HTML in the fingerprint: the body's key (none when nothing is keyed). */
    String placeholder() {
      return key == null ? "" : "body " + Fingerprint.hex(key);
    }

    String html(List<Problem> problems) {
      if (html == null) {
        MarkdownRenderer.Rendered rendered = renderOnce(entry, null).rendered();
        problems.addAll(rendered.problems());
        html = rendered.html();
      }
      return html;
    }
  }

  private Body body(Entry entry, List<Problem> problems) {
    Article article = entry.article();
    String source = article.source();
    Optional<RenderCache.BodyEntry> before = previous.body(source);
    Bodies.Stamp stamp = bodies.stamp(article);
    long size = stamp.size();
    long modified = stamp.modified();
    Optional<byte[]> unchanged = before.filter(b -> b.size() == size && b.modified() == modified).map(RenderCache.BodyEntry::markdown);
    // a changed file is read once, for its digest and its rendering
    String text = unchanged.isPresent() ? null : bodies.text(article);
    byte[] markdown = unchanged.orElseGet(() -> new Fingerprint().add(text).finish());
    dev.warta.internal.WorkCounts.key();
    byte[] digest = sourceDigest(article, markdown);
    Optional<RenderCache.BodyEntry> known = before.filter(b -> Arrays.equals(b.source(), digest));
    RecordingLinks asking = new RecordingLinks(entry, false);
    if (known.isPresent() && known.get().questions().stream().allMatch(q -> q.answer().equals(answer(asking, q)))) {
      RenderCache.BodyEntry b = known.get();
      next.putBody(source, new RenderCache.BodyEntry(size, modified, markdown, digest, b.questions(), b.linked()));
      return new Body(entry, bodyKey(b), b.linked(), null);
    }
    Once once = renderOnce(entry, text);
    MarkdownRenderer.Rendered rendered = once.rendered();
    problems.addAll(rendered.problems());
    RenderCache.BodyEntry b = new RenderCache.BodyEntry(size, modified, markdown, digest, once.questions(), rendered.linked());
    next.putBody(source, b);
    return new Body(entry, bodyKey(b), rendered.linked(), rendered.html());
  }

  /** An article's body rendered for a check: no stamp, digest or key, since no next build asks for them. */
  private Body unkeyedBody(Entry entry, List<Problem> problems) {
    MarkdownRenderer.Rendered rendered = renderOnce(entry, null).rendered();
    problems.addAll(rendered.problems());
    return new Body(entry, null, rendered.linked(), rendered.html());
  }

  private static byte[] bodyKey(RenderCache.BodyEntry b) {
    Fingerprint f = new Fingerprint().add(b.source());
    for (RenderCache.Question q : b.questions()) {
      f.add(String.valueOf(q.kind())).add(q.asked());
      q.answer().forEach(t -> f.add(t.url()).add(t.title()));
    }
    return f.finish();
  }

  /** A digest of an article's Markdown (given as a digest) and of everything its rendering is asked with, but for links. */
  private byte[] sourceDigest(Article article, byte[] markdown) {
    var config = archive.config().related();
    return new Fingerprint().add(article.source()).add(article.bodyLine()).add(markdown)
        .add(labels.of(article.lang()).get("read.also")).add(config.insertAfter()).add(config.insertMinParagraphs()).finish();
  }

  /** The answer the archive gives now to a question a body asked in the previous build. */
  private static List<MarkdownRenderer.Target> answer(RecordingLinks live, RenderCache.Question q) {
    return switch (q.kind()) {
      case 'S' -> live.bySource(q.asked().get(0)).stream().toList();
      case 'T' -> live.byTitle(q.asked().get(0)).stream().toList();
      case 'I' -> live.apply(new java.util.HashSet<>(q.asked()));
      default -> List.of(new MarkdownRenderer.Target("?", "?")); // never equal: render again
    };
  }

  /**
   * Answers a body's questions from the archive, and writes them down when {@code recording}: a
   * rendering keeps them for the next build; asking the previous build's questions again keeps
   * nothing.
   */
  private final class RecordingLinks implements MarkdownRenderer.Resolver, java.util.function.Function<java.util.Set<String>, List<MarkdownRenderer.Target>> {
    private final Entry entry;
    private final List<RenderCache.Question> questions;

    RecordingLinks(Entry entry, boolean recording) {
      this.entry = entry;
      this.questions = recording ? new ArrayList<>() : null;
    }

    private void note(char kind, List<String> asked, List<MarkdownRenderer.Target> answer) {
      if (questions != null) {
        questions.add(new RenderCache.Question(kind, asked, answer));
      }
    }

    @Override
    public Optional<MarkdownRenderer.Target> bySource(String source) {
      Optional<MarkdownRenderer.Target> t = archive.bySource(source).map(e -> new MarkdownRenderer.Target(models.href(e.url()), e.article().title()));
      note('S', List.of(source), t.stream().toList());
      return t;
    }

    @Override
    public Optional<MarkdownRenderer.Target> byTitle(String title) {
      Optional<MarkdownRenderer.Target> t = links.byTitle(title).filter(e -> e != entry)
          .map(e -> new MarkdownRenderer.Target(models.href(e.url()), e.article().title()));
      note('T', List.of(title), t.stream().toList());
      return t;
    }

    /** The related articles to insert, none of them already linked. */
    @Override
    public List<MarkdownRenderer.Target> apply(java.util.Set<String> linked) {
      List<MarkdownRenderer.Target> t = links.inserts(entry, new java.util.HashSet<>(linked.stream().map(SiteRenderer.this::unhref).toList()),
              archive.config().related().insertAfter().size())
          .stream().map(e -> new MarkdownRenderer.Target(models.href(e.url()), e.article().title())).toList();
      if (questions != null) {
        note('I', linked.stream().sorted().toList(), t);
      }
      return t;
    }
  }

  /**
   * Renders an article's body ({@code text}, or as the load kept it when null), with its problems
   * and the questions it asked; a body that a feed carries whole is rendered once for both.
   */
  private Once renderOnce(Entry entry, String text) {
    FeedBody shared = feedBodies.get(entry.index());
    if (shared == null) {
      return render(entry, text);
    }
    synchronized (shared) {
      if (shared.once == null) {
        shared.once = render(entry, text);
      }
      return shared.once;
    }
  }

  private Once render(Entry entry, String text) {
    Article article = entry.article();
    var config = archive.config().related();
    String label = labels.of(article.lang()).get("read.also");
    RecordingLinks links = new RecordingLinks(entry, true);
    MarkdownRenderer.Rendered rendered = markdown.render(new MarkdownRenderer.Request(article.source(), article.bodyLine(),
        text != null ? text : bodies.text(article), label, links, config.insertAfter(), config.insertMinParagraphs()), links);
    return new Once(rendered, List.copyOf(links.questions));
  }

  private String unhref(String href) {
    String base = models.href("/");
    return href.startsWith(base) ? "/" + href.substring(base.length()) : href;
  }

  /**
   * An article's body as HTML, as its page shows it, for feeds with full content. Problems are not
   * reported here: rendering the article's page reports the same ones.
   */
  public String articleHtml(Entry entry) {
    return renderOnce(entry, null).rendered().html();
  }

  /** The absolute URL of a site-relative URL, for feeds and sitemaps. */
  public String absolute(String url) {
    return models.absolute(url);
  }
}
