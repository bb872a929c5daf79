package dev.warta.render;

import dev.warta.Problem;
import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.content.ContentLoader;
import dev.warta.markdown.MarkdownRenderer;
import dev.warta.markdown.ReadAlsoLine;
import dev.warta.render.Page.ArticlePage;
import dev.warta.render.Page.ListPage;
import dev.warta.render.Page.NotFoundPage;
import dev.warta.render.Page.RedirectPage;
import dev.warta.render.Page.TermsPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  private SiteRenderer(Archive archive, Templates templates, Labels labels, Links links) {
    this.archive = archive;
    this.templates = templates;
    this.labels = labels;
    this.models = new Models(archive, labels);
    this.links = links;
    this.markdown = new MarkdownRenderer(archive.config().rawHtml(), ReadAlsoLine.of(ReadAlsoLine.allLabels(archive.config().readAlsoLabels())),
        archive.config().checks());
  }

  /**
   * A renderer for an archive, with the site's templates and labels. Problems with templates or
   * label files are added to {@code problems}.
   */
  public static SiteRenderer create(Path siteDir, Archive archive, Links links, List<Problem> problems) {
    Templates templates = Templates.create(siteDir);
    problems.addAll(templates.check());
    List<String> languages = new ArrayList<>(archive.languages());
    if (!languages.contains(archive.config().language())) {
      languages.add(archive.config().language());
    }
    Labels labels = Labels.load(siteDir, languages, problems);
    return new SiteRenderer(archive, templates, labels, links);
  }

  /** The site's labels in a language, for feeds and other non-template output. */
  public Map<String, String> labels(String lang) {
    return labels.of(lang);
  }

  /** The rendered page; problems found on the way are added to {@code problems} (not thread-safe: one list per call). */
  public byte[] render(Page page, List<Problem> problems) {
    Map<String, Object> model = new LinkedHashMap<>();
    String lang = archive.config().language();
    if (page instanceof ArticlePage a) {
        lang = a.entry().article().lang();
        Article article = a.entry().article();
        MarkdownRenderer.Rendered body = body(a.entry(), problems);
        // the related section does not repeat what the body already links to
        java.util.Set<String> linked = new java.util.HashSet<>();
        body.linked().forEach(href -> linked.add(unhref(href)));
        model.put("article", models.article(a.entry(), body.html(), links.related(a.entry(), linked)));
        model.put("page", models.page("article", a.url(), article.title(), lang, article.summary()));
        model.put("feeds", models.feedLinks(lang, archive.sectionOf(a.entry()).flatMap(t -> models.channel(t.url()))));
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
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("kind", l.kind());
        list.put("title", heading);
        list.put("items", l.items().stream().map(models::summary).toList());
        list.put("pager", models.pager(l));
        Optional<FeedChannel> channel = models.channel(l.base()).filter(c -> c.kind().equals(l.kind()));
        list.put("feed", channel.map(c -> models.href(c.rss())).orElse(""));
        model.put("list", list);
        model.put("feeds", models.feedLinks(lang, channel));
        String title = l.kind().equals("home") && l.number() == 1 ? "" : heading;
        if (l.number() > 1) {
          title = heading + " – " + words.get("page") + " " + l.number();
        }
        list.put("jsonLd", models.listJsonLd(l, heading, title));
        model.put("page", models.page(l.kind(), l.url(), title, lang, archive.config().description()));
    } else if (page instanceof TermsPage t) {
        Map<String, String> words = labels.of(lang);
        String title = words.get("all." + t.kind());
        model.put("terms", Map.of("kind", t.kind(), "title", title,
            "items", t.items().stream().map(i -> Map.of("name", i.name(), "url", models.href(i.url()), "count", i.count())).toList()));
        model.put("page", models.page(t.kind(), t.url(), title, lang, ""));
    } else if (page instanceof NotFoundPage n) {
      model.put("page", models.page("404", n.url(), labels.of(lang).get("not.found.title"), lang, ""));
    } else if (page instanceof RedirectPage r) {
        model.put("target", Map.of("url", models.href(r.target().url()), "permalink", models.absolute(r.target().url()), "title", r.target().article().title()));
        model.put("page", models.page("redirect", r.url(), r.target().article().title(), r.target().article().lang(), ""));
    }
    model.putIfAbsent("feeds", models.feedLinks(lang, Optional.empty()));
    model.put("site", models.site(lang));
    model.put("labels", labels.of(lang));
    String html = templates.render(page.template(), model, problems, page.url());
    if (archive.config().relativeUrls() && !(page instanceof NotFoundPage)) {
      // the 404 page is served at any depth, so only root-relative links work there
      html = RelativeUrls.rewrite(html, page.url(), models.href("/"));
    }
    return html.getBytes(StandardCharsets.UTF_8);
  }

  private MarkdownRenderer.Rendered body(Entry entry, List<Problem> problems) {
    Article article = entry.article();
    String markdownSource = ContentLoader.body(article);
    var config = archive.config().related();
    MarkdownRenderer.Resolver resolver = new MarkdownRenderer.Resolver() {
      @Override
      public Optional<MarkdownRenderer.Target> bySource(String source) {
        return archive.bySource(source).map(e -> new MarkdownRenderer.Target(models.href(e.url()), e.article().title()));
      }

      @Override
      public Optional<MarkdownRenderer.Target> byTitle(String title) {
        return links.byTitle(title).filter(e -> e != entry).map(e -> new MarkdownRenderer.Target(models.href(e.url()), e.article().title()));
      }
    };
    String label = labels.of(article.lang()).get("read.also");
    java.util.function.Function<java.util.Set<String>, List<MarkdownRenderer.Target>> inserts = linked -> links
        .inserts(entry, new java.util.HashSet<>(linked.stream().map(this::unhref).toList()), config.insertAfter().size())
        .stream().map(e -> new MarkdownRenderer.Target(models.href(e.url()), e.article().title())).toList();
    MarkdownRenderer.Rendered rendered = markdown.render(new MarkdownRenderer.Request(
        article.source(), article.bodyLine(), markdownSource, label, inserts, config.insertAfter(), config.insertMinParagraphs()), resolver);
    problems.addAll(rendered.problems());
    return rendered;
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
    return body(entry, new ArrayList<>()).html();
  }

  /** The absolute URL of a site-relative URL, for feeds and sitemaps. */
  public String absolute(String url) {
    return models.absolute(url);
  }
}
