package dev.warta.render;

import dev.warta.shared.SiteConfig;
import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.content.Image;
import dev.warta.internal.Json;
import dev.warta.internal.Slugs;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the data model templates receive: the records of {@link Views}, lists and strings,
 * so that every name a template can use is listed here and in the README's template reference.
 */
final class Models {
  private final Archive archive;
  private final SiteConfig config;
  private final Labels labels;
  private final String basePath;
  private final Map<String, List<Views.CountedLink>> sectionsByLanguage;
  private final Map<String, Views.SiteView> sites = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicReferenceArray<Views.SummaryView> summaries;
  /** Feed channels by the base URL of the list they follow. */
  private final Map<String, FeedChannel> channels;

  Models(Archive archive, Labels labels) {
    this.summaries = new java.util.concurrent.atomic.AtomicReferenceArray<>(archive.entries().size());
    this.archive = archive;
    this.config = archive.config();
    this.labels = labels;
    String path = config.baseUrl().getRawPath();
    this.basePath = path == null || path.isEmpty() ? "/" : path;
    Map<String, List<Views.CountedLink>> sections = new java.util.HashMap<>();
    for (String lang : archive.languages()) {
      List<Views.CountedLink> list = new ArrayList<>();
      for (var t : archive.sections()) {
        // a bilingual site's menu shows the sections that have articles in the page's language
        long count = t.entries().stream().filter(e -> e.article().lang().equals(lang)).count();
        if (count > 0) {
          list.add(new Views.CountedLink(t.name(), href(t.url()), t.entries().size()));
        }
      }
      sections.put(lang, List.copyOf(list));
    }
    this.sectionsByLanguage = Map.copyOf(sections);
    Map<String, FeedChannel> byBase = new java.util.HashMap<>();
    for (FeedChannel c : FeedChannel.of(archive)) {
      byBase.putIfAbsent(c.base(), c);
    }
    this.channels = Map.copyOf(byBase);
  }

  /** A site-relative URL as the href to write: the base URL's path comes first. */
  String href(String url) {
    if (!url.startsWith("/")) {
      return url;
    }
    return basePath + url.substring(1);
  }

  /** The absolute URL of a site-relative URL. */
  String absolute(String url) {
    if (!url.startsWith("/")) {
      return url;
    }
    String base = config.baseUrl().toString();
    return base + url.substring(1);
  }

  /** The site model of a language: the same for every page, so built once. */
  Views.SiteView site(String lang) {
    return sites.computeIfAbsent(lang, this::buildSite);
  }

  private Views.SiteView buildSite(String lang) {
    List<Views.LanguageView> languages = new ArrayList<>();
    for (String l : archive.languages()) {
      languages.add(new Views.LanguageView(l, href(l.equals(config.language()) ? "/" : "/" + l.toLowerCase(java.util.Locale.ROOT) + "/"),
          labels.of(l).getOrDefault("language.name", l), l.equals(lang)));
    }
    return new Views.SiteView(config.title(), config.description(), config.baseUrl().toString(), href("/"), config.language(),
        config.params(),
        new Views.PublisherView(publisherName(), config.publisher().logo().isEmpty() ? "" : href(config.publisher().logo())),
        href("/css/warta.css"), sectionsByLanguage.getOrDefault(lang, List.of()), List.copyOf(languages),
        new Views.SiteLinks(href(archive.indexUrl("sections")), href(archive.indexUrl("tags")), href(archive.indexUrl("authors")),
            href(archive.indexUrl("years"))),
        config.search() ? href(dev.warta.search.SearchIndex.pageUrl(lang, config.language())) : "",
        config.buildTime().atZone(config.timeZone()).getYear(), "Warta",
        archive.entries().stream().anyMatch(e -> e.article().wordpressId().isPresent()) ? oldPostScript(basePath) : "");
  }

  /**
   * The script of the home and 404 pages of an archive imported from WordPress: it sends an old
   * {@code /?p=ID}, {@code /?page_id=ID} or {@code /index.php?p=ID} link to {@code /p/ID/}, the
   * article's redirect page. Only digits are taken from the address, and the path it goes to starts
   * with the site's own base path, written here as a string literal whose every character outside
   * a small safe set is a JavaScript &#92;u escape: no address can put code or another host into it.
   */
  static String oldPostScript(String basePath) {
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < basePath.length(); i++) {
      char c = basePath.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
        base.append(c);
      } else {
        base.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return "(function(){var b=\"" + base + "\",l=location,m=/^\\?(?:.*&)?(?:p|page_id)=([1-9][0-9]{0,17})(?:&|$)/.exec(l.search);"
        + "if(m&&(l.pathname===b||l.pathname===b+\"index.php\"))l.replace(b+\"p/\"+m[1]+\"/\")})();";
  }

  Views.PageView page(String kind, String url, String title, String lang, String description) {
    return new Views.PageView(kind, href(url), absolute(url), title, lang, description);
  }

  Views.DateView date(ZonedDateTime date, String lang) {
    return new Views.DateView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withNano(0)), labels.format(date, lang, "date.long"),
        labels.format(date, lang, "date.short"), labels.format(date, lang, "date.month"), date.getYear());
  }

  /**
   * What lists, related sections and neighbours show of an article. An article appears on a
   * dozen pages (lists, related sections, neighbours), so its summary is built once and shared;
   * it is small metadata, never the body.
   */
  Views.SummaryView summary(Entry e) {
    Views.SummaryView s = summaries.get(e.index());
    if (s == null) {
      s = buildSummary(e);
      summaries.compareAndSet(e.index(), null, s);
    }
    return s;
  }

  private Views.SummaryView buildSummary(Entry e) {
    Article a = e.article();
    return new Views.SummaryView(a.title(), href(e.url()), absolute(e.url()), a.summary(), a.lang(), date(a.date(), a.lang()),
        archive.sectionOf(e).map(t -> new Views.NamedLink(t.name(), href(t.url()))).orElse(null),
        a.authors().stream().map(n -> new Views.NamedLink(n, href(archive.authorUrl(n)))).toList(),
        a.image().map(this::image).orElse(null));
  }

  Views.ImageView image(Image i) {
    return new Views.ImageView(href(i.src()), i.alt(), i.caption(), i.credit());
  }

  /** An article page's own model, with its rendered body. */
  Views.ArticleView article(Entry e, String contentHtml, List<Entry> related) {
    Article a = e.article();
    Views.SummaryView s = summary(e);
    String canonical = a.canonical().isEmpty() ? absolute(e.url()) : absolute(a.canonical());
    List<Views.Translation> translations = new ArrayList<>();
    for (Entry t : archive.translations(e)) {
      translations.add(new Views.Translation(t.article().lang(), href(t.url()), absolute(t.url()), t.article().title(),
          labels.of(t.article().lang()).getOrDefault("language.name", t.article().lang()), ogLocale(t.article().lang())));
    }
    return new Views.ArticleView(s.title(), s.url(), s.permalink(), s.summary(), s.lang(), s.date(), s.section(), s.authors(),
        s.image(), contentHtml, date(a.updated(), a.lang()), a.isUpdated(),
        a.tags().stream().map(t -> new Views.NamedLink(t, href(archive.tagUrl(t)))).toList(), a.params(), canonical,
        absolute(e.url()), ogLocale(a.lang()),
        // every article page has an image to share: its own, else the site's, else Warta's card
        absolute(a.image().map(Image::src).orElse(config.pageImage())), articleJsonLd(e, canonical),
        related.stream().map(this::summary).toList(), List.copyOf(translations),
        archive.older(e).map(this::summary).orElse(null), archive.newer(e).map(this::summary).orElse(null),
        archive.olderInSection(e).map(this::summary).orElse(null), archive.newerInSection(e).map(this::summary).orElse(null));
  }

  /** Page links of a paginated list: first, previous, next, last, and a window of numbers around this one. */
  Views.PagerView pager(Page.ListPage p) {
    // a window of numbers keeps 500 pages usable: 1 … 48 49 [50] 51 52 … 500
    List<Views.PageNumber> numbers = new ArrayList<>();
    int from = Math.max(1, p.number() - 2);
    int to = Math.min(p.pages(), p.number() + 2);
    Views.PageNumber gap = new Views.PageNumber(0, "", false, true);
    if (from > 1) {
      numbers.add(new Views.PageNumber(1, href(pageUrl(p, 1)), false, false));
      if (from > 2) {
        numbers.add(gap);
      }
    }
    for (int n = from; n <= to; n++) {
      numbers.add(new Views.PageNumber(n, href(pageUrl(p, n)), n == p.number(), false));
    }
    if (to < p.pages()) {
      if (to < p.pages() - 1) {
        numbers.add(gap);
      }
      numbers.add(new Views.PageNumber(p.pages(), href(pageUrl(p, p.pages())), false, false));
    }
    boolean first = p.number() <= 1;
    boolean last = p.number() >= p.pages();
    return new Views.PagerView(p.number(), p.pages(), p.all().size(), first ? null : href(pageUrl(p, 1)),
        first ? null : href(pageUrl(p, p.number() - 1)), last ? null : href(pageUrl(p, p.number() + 1)),
        last ? null : href(pageUrl(p, p.pages())), List.copyOf(numbers));
  }

  static String pageUrl(Page.ListPage p, int n) {
    return n == 1 ? p.base() : p.base() + "page/" + n + "/";
  }

  /** The feed channel of the list whose first page is at {@code base}, if that list has feeds. */
  Optional<FeedChannel> channel(String base) {
    return Optional.ofNullable(channels.get(base));
  }

  /** The title of a channel's feeds, as feed readers list them. */
  String feedTitle(FeedChannel c) {
    return c.title(config.title(), labels.of(c.lang()).getOrDefault("language.name", c.lang()));
  }

  /**
   * The {@code <link rel="alternate">} elements of a page: the feeds of the list it shows (when it
   * has any), then the site feed of its language, each as RSS, Atom and JSON Feed.
   */
  List<Views.FeedLink> feedLinks(String lang, Optional<FeedChannel> own) {
    List<FeedChannel> shown = new ArrayList<>();
    own.ifPresent(shown::add);
    channel(FeedChannel.homeBase(lang, config.language())).or(() -> channel("/"))
        .filter(c -> !shown.contains(c)).ifPresent(shown::add);
    List<Views.FeedLink> links = new ArrayList<>();
    for (FeedChannel c : shown) {
      String title = feedTitle(c);
      links.add(new Views.FeedLink("application/rss+xml", href(c.rss()), title + " (RSS)"));
      links.add(new Views.FeedLink("application/atom+xml", href(c.atom()), title + " (Atom)"));
      links.add(new Views.FeedLink("application/feed+json", href(c.json()), title + " (JSON Feed)"));
    }
    return links;
  }

  /**
   * The Open Graph locale of a language tag: {@code en-GB} gives {@code en_GB}; a bare language
   * gets the country where most of its readers are, as Open Graph wants {@code ll_CC}.
   */
  static String ogLocale(String lang) {
    Locale locale = Locale.forLanguageTag(lang);
    String language = locale.getLanguage().isEmpty() ? lang : locale.getLanguage();
    if (!locale.getCountry().isEmpty()) {
      return language + "_" + locale.getCountry();
    }
    return switch (language) {
      case "id" -> "id_ID";
      case "en" -> "en_US";
      case "ms" -> "ms_MY";
      case "jv" -> "jv_ID";
      default -> language;
    };
  }

  private String publisherName() {
    return config.publisher().name().isEmpty() ? config.title() : config.publisher().name();
  }

  private Map<String, Object> publisherLd() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("@type", "Organization");
    p.put("name", publisherName());
    p.put("url", absolute("/"));
    p.put("logo", Map.of("@type", "ImageObject", "url", absolute(config.logo())));
    return p;
  }

  /** The absolute URL of an author's page, or empty when the name makes no page. */
  private Optional<String> authorUrl(String name) {
    String key = Slugs.termKey(name);
    return key.isEmpty() ? Optional.empty() : Optional.of(absolute(archive.authorUrl(name)));
  }

  /**
   * An article's schema.org {@code NewsArticle} as JSON-LD. Written by {@link Json}, which escapes
   * {@code <}, so the text can go into a {@code <script>} element unescaped.
   */
  String articleJsonLd(Entry e, String canonical) {
    Article a = e.article();
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("headline", a.title());
    if (!a.summary().isEmpty()) {
      ld.put("description", a.summary());
    }
    ld.put("datePublished", iso(a.date()));
    ld.put("dateModified", iso(a.updated()));
    List<Map<String, Object>> authors = new ArrayList<>();
    for (String name : a.authors()) {
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("@type", "Person");
      person.put("name", name);
      authorUrl(name).ifPresent(u -> person.put("url", u));
      authors.add(person);
    }
    if (!authors.isEmpty()) {
      ld.put("author", authors);
    }
    ld.put("image", List.of(absolute(a.image().map(Image::src).orElse(config.pageImage()))));
    ld.put("publisher", publisherLd());
    ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonical));
    ld.put("url", canonical);
    ld.put("inLanguage", a.lang());
    archive.sectionOf(e).ifPresent(t -> ld.put("articleSection", t.name()));
    if (!a.tags().isEmpty()) {
      ld.put("keywords", a.tags());
    }
    return Json.write(ld);
  }

  /**
   * A list page's JSON-LD: the home page's first page is the {@code WebSite}; other list pages are
   * a {@code CollectionPage} with a {@code BreadcrumbList} from the home page down to this page.
   */
  List<String> listJsonLd(Page.ListPage l, String heading, String title) {
    String home = absolute(FeedChannel.homeBase(l.lang(), config.language()));
    if (l.kind().equals("home") && l.number() == 1) {
      Map<String, Object> site = new LinkedHashMap<>();
      site.put("@context", "https://schema.org");
      site.put("@type", "WebSite");
      site.put("name", config.title());
      if (!config.description().isEmpty()) {
        site.put("description", config.description());
      }
      site.put("url", home);
      site.put("inLanguage", l.lang());
      site.put("publisher", publisherLd());
      return List.of(Json.write(site));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("@context", "https://schema.org");
    page.put("@type", "CollectionPage");
    page.put("name", title.isEmpty() ? config.title() : title);
    page.put("url", absolute(l.url()));
    page.put("inLanguage", l.lang());
    page.put("isPartOf", Map.of("@type", "WebSite", "name", config.title(), "url", home));
    List<Map<String, Object>> crumbs = new ArrayList<>();
    crumbs.add(crumb(1, labels.of(l.lang()).getOrDefault("home", "Home"), home));
    if (!l.kind().equals("home")) {
      crumbs.add(crumb(crumbs.size() + 1, heading, absolute(l.base())));
    }
    if (l.number() > 1) {
      crumbs.add(crumb(crumbs.size() + 1, labels.of(l.lang()).getOrDefault("page", "Page") + " " + l.number(), absolute(l.url())));
    }
    Map<String, Object> breadcrumbs = new LinkedHashMap<>();
    breadcrumbs.put("@context", "https://schema.org");
    breadcrumbs.put("@type", "BreadcrumbList");
    breadcrumbs.put("itemListElement", crumbs);
    return List.of(Json.write(page), Json.write(breadcrumbs));
  }

  private static Map<String, Object> crumb(int position, String name, String url) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("@type", "ListItem");
    c.put("position", position);
    c.put("name", name);
    c.put("item", url);
    return c;
  }

  private static String iso(ZonedDateTime date) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withNano(0));
  }
}
