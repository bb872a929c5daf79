package dev.warta.publish;

import dev.warta.shared.Problem;
import dev.warta.shared.SiteConfig;
import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.internal.SitePaths;
import dev.warta.internal.Slugs;
import dev.warta.render.FeedChannel;
import dev.warta.render.Page;
import dev.warta.render.Plan;
import dev.warta.render.SiteRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The files a site has besides its pages and static files: RSS, Atom and JSON feeds for every
 * {@link FeedChannel}, {@code sitemap.xml} (an index past the limit), {@code sitemap-news.xml} and
 * {@code robots.txt}.
 *
 * <p>Everything is a function of the archive, the plan and the settings, so the bytes are the same
 * at every build and with any number of threads. Feeds are made lazily, when the build writes them
 * in parallel; an article's feed item is made once and shared by all feeds that list it.
 */
public final class GeneratedFiles {
  /** The news sitemap holds articles published in the two days up to the build time. */
  public static final Duration NEWS_WINDOW = Duration.ofHours(48);

  private final Archive archive;
  private final SiteConfig config;
  private final SiteRenderer renderer;
  private final String base;
  private final Map<Integer, Feed.Item> items = new ConcurrentHashMap<>();

  private GeneratedFiles(Archive archive, SiteRenderer renderer) {
    this.archive = archive;
    this.config = archive.config();
    this.renderer = renderer;
    this.base = renderer.absolute("/");
  }

  /**
   * The generated files by site-relative URL, in a fixed order, each with a way to make its bytes.
   * A generated file that a static file or a page already takes is an error naming both, except
   * {@code robots.txt} and the share card and logo ({@link SiteConfig#CARD}, {@link
   * SiteConfig#LOGO}): a site's own wins, and none is generated.
   *
   * @param statics the static files by URL: the stylesheet among them gives the card its colours
   */
  public static Map<String, Supplier<byte[]>> of(Archive archive, Plan plan, SiteRenderer renderer, Map<String, Supplier<byte[]>> statics,
      List<Problem> problems) {
    Set<String> taken = statics.keySet();
    GeneratedFiles g = new GeneratedFiles(archive, renderer);
    Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
    for (FeedChannel c : FeedChannel.of(archive)) {
      files.putIfAbsent(c.rss(), () -> RssWriter.write(g.feed(c)));
      files.putIfAbsent(c.atom(), () -> AtomWriter.write(g.feed(c)));
      files.putIfAbsent(c.json(), () -> JsonFeedWriter.write(g.feed(c)));
    }
    // sitemaps are made now: how many files there are depends on their content
    SitemapWriter.write(g.sitemapUrls(plan), g.base, archive.config().sitemapLimit(), SitemapWriter.MAX_BYTES)
        .forEach((url, bytes) -> files.put(url, () -> bytes));
    byte[] news = NewsSitemapWriter.write(g.news(), g.publisher());
    files.put("/sitemap-news.xml", () -> news);

    // who else has each path: a static file, a page, or an article's alias
    Map<String, String[]> owners = new HashMap<>();
    for (String url : taken) {
      owners.put(SitePaths.collisionKey(url), new String[] {"static" + url, "this file has"});
    }
    for (Page page : plan.pages()) {
      owners.putIfAbsent(SitePaths.collisionKey(page.url()), page instanceof Page.RedirectPage r
          ? new String[] {r.target().article().source(), "the alias " + r.url() + " has"}
          : new String[] {"", "the page " + page.url() + " has"});
    }
    // an image for pages without one, and a logo, drawn once from the theme when the site has none
    Supplier<ShareImages.Colours> colours = () -> Optional.ofNullable(statics.get("/css/warta.css"))
        .map(css -> ShareImages.Colours.of(new String(css.get(), StandardCharsets.UTF_8))).orElse(ShareImages.Colours.DEFAULT);
    SiteConfig config = archive.config();
    if (config.image().isEmpty() && !owners.containsKey(SitePaths.collisionKey(SiteConfig.CARD))) {
      files.put(SiteConfig.CARD, () -> ShareImages.cachedCard(config.title(), config.baseUrl().getHost(), colours.get()));
    }
    if (config.publisher().logo().isEmpty() && !owners.containsKey(SitePaths.collisionKey(SiteConfig.LOGO))) {
      files.put(SiteConfig.LOGO, () -> ShareImages.cachedLogo(colours.get()));
    }
    if (!owners.containsKey(SitePaths.collisionKey("/robots.txt"))) {
      byte[] robots = g.robots(files.keySet());
      files.put("/robots.txt", () -> robots);
    }
    Map<String, Supplier<byte[]>> out = new LinkedHashMap<>();
    files.forEach((url, bytes) -> {
      String[] owner = owners.get(SitePaths.collisionKey(url));
      if (owner == null) {
        out.put(url, bytes);
      } else {
        problems.add(Problem.error(owner[0], 0, 0, owner[1] + " the same path as " + url + ", which Warta writes as a feed or sitemap; rename or remove it"));
      }
    });
    return out;
  }

  private String publisher() {
    return config.publisher().name().isEmpty() ? config.title() : config.publisher().name();
  }

  private Feed feed(FeedChannel c) {
    String languageName = renderer.labels(c.lang()).getOrDefault("language.name", c.lang());
    List<Feed.Item> list = c.entries().stream().map(e -> items.computeIfAbsent(e.index(), i -> item(e))).toList();
    ZonedDateTime updated = c.entries().stream().map(e -> e.article().updated()).max(Comparator.comparing(ZonedDateTime::toInstant))
        .orElse(Instant.EPOCH.atZone(config.timeZone()));
    return new Feed(c.title(config.title(), languageName), c.kind().equals("home") ? config.description() : "", c.lang(),
        renderer.absolute(c.base()), renderer.absolute(c.rss()), renderer.absolute(c.atom()), renderer.absolute(c.json()),
        publisher(), updated, list);
  }

  private Feed.Item item(Entry e) {
    Article a = e.article();
    List<Feed.Author> authors = a.authors().stream().map(n -> {
      String key = Slugs.termKey(n);
      return new Feed.Author(n, key.isEmpty() ? "" : renderer.absolute(archive.authorUrl(n)));
    }).toList();
    Set<String> keys = new LinkedHashSet<>();
    List<String> categories = new ArrayList<>();
    archive.sectionOf(e).ifPresent(t -> {
      keys.add(t.slug());
      categories.add(t.name());
    });
    for (String t : a.tags()) {
      if (keys.add(Slugs.termKey(t))) {
        categories.add(t);
      }
    }
    String content = config.feeds().fullContent() ? absoluteLinks(renderer.articleHtml(e)) : "";
    return new Feed.Item(id(a), renderer.absolute(e.url()), a.title(), a.summary(), content, a.date(), a.updated(), authors, categories,
        a.image().map(i -> renderer.absolute(i.src())), a.lang());
  }

  /**
   * A {@code tag:} URI (RFC 4151) that names an article for good: the site's host, the day it was
   * published and its source file. A new title or slug, which change its URL, leave it alone.
   */
  String id(Article a) {
    String host = config.baseUrl().getHost() == null ? "localhost" : config.baseUrl().getHost().toLowerCase(Locale.ROOT);
    String day = DateTimeFormatter.ISO_LOCAL_DATE.format(a.date());
    StringBuilder specific = new StringBuilder();
    for (byte b : a.source().getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        specific.append(c);
      } else {
        specific.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return "tag:" + host + "," + day + ":/" + specific;
  }

  /** Feed readers show content away from the site, where only absolute links work. */
  private String absoluteLinks(String html) {
    Document doc = Jsoup.parseBodyFragment(html, base);
    doc.outputSettings().prettyPrint(false);
    for (Element el : doc.select("[href], [src]")) {
      for (String attr : List.of("href", "src")) {
        if (el.hasAttr(attr)) {
          String abs = el.absUrl(attr);
          if (!abs.isEmpty()) {
            el.attr(attr, abs);
          }
        }
      }
    }
    return doc.body().html();
  }

  /** Every HTML page a search engine should know: not the 404 page, redirects, or articles whose canonical URL is elsewhere. */
  private List<SitemapWriter.Url> sitemapUrls(Plan plan) {
    Optional<ZonedDateTime> newest = newest(archive.entries());
    List<SitemapWriter.Url> urls = new ArrayList<>();
    for (Page page : plan.pages()) {
      if (page instanceof Page.ArticlePage p) {
        if (canonicalElsewhere(p.entry())) {
          continue;
        }
        urls.add(new SitemapWriter.Url(renderer.absolute(p.url()), Optional.of(p.entry().article().updated())));
      } else if (page instanceof Page.ListPage l) {
        urls.add(new SitemapWriter.Url(renderer.absolute(l.url()), newest(l.items())));
      } else if (page instanceof Page.TermsPage t) {
        urls.add(new SitemapWriter.Url(renderer.absolute(t.url()), newest));
      }
    }
    return urls;
  }

  private boolean canonicalElsewhere(Entry e) {
    String canonical = e.article().canonical();
    return !canonical.isEmpty() && !renderer.absolute(canonical).equals(renderer.absolute(e.url()));
  }

  private static Optional<ZonedDateTime> newest(List<Entry> entries) {
    return entries.stream().map(e -> e.article().updated()).max(Comparator.comparing(ZonedDateTime::toInstant));
  }

  /** Articles published in (build time − 48 h, build time], newest first. */
  private List<NewsSitemapWriter.News> news() {
    Instant now = config.buildTime();
    Instant from = now.minus(NEWS_WINDOW);
    List<NewsSitemapWriter.News> news = new ArrayList<>();
    for (Entry e : archive.entries()) {
      Instant published = e.article().date().toInstant();
      if (published.isAfter(from) && !published.isAfter(now) && !canonicalElsewhere(e)) {
        news.add(new NewsSitemapWriter.News(renderer.absolute(e.url()), newsLanguage(e.article().lang()), e.article().date(), e.article().title()));
      }
    }
    return news;
  }

  /** Google News wants ISO 639 codes, except {@code zh-cn} and {@code zh-tw}. */
  private static String newsLanguage(String lang) {
    String l = lang.toLowerCase(Locale.ROOT).replace('_', '-');
    if (l.equals("zh-cn") || l.equals("zh-tw")) {
      return l;
    }
    int dash = l.indexOf('-');
    return dash < 0 ? l : l.substring(0, dash);
  }

  private byte[] robots(Set<String> files) {
    StringBuilder out = new StringBuilder();
    out.append("User-agent: *\n");
    out.append("Allow: /\n\n");
    for (String url : files) {
      if (url.equals("/sitemap.xml") || url.equals("/sitemap-news.xml")) {
        out.append("Sitemap: ").append(renderer.absolute(url)).append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
