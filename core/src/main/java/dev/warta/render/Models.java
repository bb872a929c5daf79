package dev.warta.render;

import dev.warta.SiteConfig;
import dev.warta.archive.Archive;
import dev.warta.archive.Entry;
import dev.warta.content.Article;
import dev.warta.content.Image;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the data model templates receive: plain maps, lists and strings, so that every name a
 * template can use is listed here and in the README's template reference.
 */
final class Models {
  private final Archive archive;
  private final SiteConfig config;
  private final Labels labels;
  private final String basePath;
  private final Map<String, List<Map<String, Object>>> sectionsByLanguage;

  Models(Archive archive, Labels labels) {
    this.archive = archive;
    this.config = archive.config();
    this.labels = labels;
    String path = config.baseUrl().getRawPath();
    this.basePath = path == null || path.isEmpty() ? "/" : path;
    Map<String, List<Map<String, Object>>> sections = new java.util.HashMap<>();
    for (String lang : archive.languages()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (var t : archive.sections()) {
        // a bilingual site's menu shows the sections that have articles in the page's language
        long count = t.entries().stream().filter(e -> e.article().lang().equals(lang)).count();
        if (count > 0) {
          list.add(Map.of("name", t.name(), "url", href(t.url()), "count", t.entries().size()));
        }
      }
      sections.put(lang, List.copyOf(list));
    }
    this.sectionsByLanguage = Map.copyOf(sections);
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

  Map<String, Object> site(String lang) {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", config.title());
    site.put("description", config.description());
    site.put("baseUrl", config.baseUrl().toString());
    site.put("home", href("/"));
    site.put("language", config.language());
    site.put("params", config.params());
    site.put("publisher", Map.of("name", config.publisher().name().isEmpty() ? config.title() : config.publisher().name(),
        "logo", config.publisher().logo().isEmpty() ? "" : href(config.publisher().logo())));
    site.put("css", href("/css/warta.css"));
    site.put("sections", sectionsByLanguage.getOrDefault(lang, List.of()));
    List<Map<String, Object>> languages = new ArrayList<>();
    for (String l : archive.languages()) {
      languages.add(Map.of("lang", l, "url", href(l.equals(config.language()) ? "/" : "/" + l.toLowerCase(java.util.Locale.ROOT) + "/"),
          "name", labels.of(l).getOrDefault("language.name", l), "current", l.equals(lang)));
    }
    site.put("languages", languages);
    site.put("links", Map.of("sections", href("/section/"), "tags", href("/tag/"), "authors", href("/author/"), "archive", href("/archive/")));
    site.put("year", config.buildTime().atZone(config.timeZone()).getYear());
    site.put("generator", "Warta");
    return site;
  }

  Map<String, Object> page(String kind, String url, String title, String lang, String description) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("kind", kind);
    page.put("url", href(url));
    page.put("permalink", absolute(url));
    page.put("title", title);
    page.put("lang", lang);
    page.put("description", description);
    return page;
  }

  Map<String, Object> date(ZonedDateTime date, String lang) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("iso", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.withNano(0)));
    d.put("long", labels.format(date, lang, "date.long"));
    d.put("short", labels.format(date, lang, "date.short"));
    d.put("month", labels.format(date, lang, "date.month"));
    d.put("year", date.getYear());
    return d;
  }

  /** What lists, related sections and neighbours show of an article. */
  Map<String, Object> summary(Entry e) {
    Article a = e.article();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("title", a.title());
    s.put("url", href(e.url()));
    s.put("permalink", absolute(e.url()));
    s.put("summary", a.summary());
    s.put("lang", a.lang());
    s.put("date", date(a.date(), a.lang()));
    archive.sectionOf(e).ifPresent(t -> s.put("section", Map.of("name", t.name(), "url", href(t.url()))));
    s.put("authors", a.authors().stream().map(n -> Map.of("name", n, "url", href("/author/" + dev.warta.internal.Slugs.termKey(n) + "/"))).toList());
    a.image().ifPresent(i -> s.put("image", image(i)));
    return s;
  }

  Map<String, Object> image(Image i) {
    return Map.of("src", href(i.src()), "alt", i.alt(), "caption", i.caption(), "credit", i.credit());
  }

  /** An article page's own model, with its rendered body. */
  Map<String, Object> article(Entry e, String contentHtml, List<Entry> related) {
    Article a = e.article();
    Map<String, Object> m = summary(e);
    m.put("content", contentHtml);
    m.put("updated", date(a.updated(), a.lang()));
    m.put("isUpdated", a.isUpdated());
    m.put("tags", a.tags().stream().map(t -> Map.of("name", t, "url", href("/tag/" + dev.warta.internal.Slugs.termKey(t) + "/"))).toList());
    m.put("params", a.params());
    m.put("canonical", a.canonical().isEmpty() ? absolute(e.url()) : absolute(a.canonical()));
    m.put("related", related.stream().map(this::summary).toList());
    List<Map<String, Object>> translations = new ArrayList<>();
    for (Entry t : archive.translations(e)) {
      translations.add(Map.of("lang", t.article().lang(), "url", href(t.url()), "permalink", absolute(t.url()), "title", t.article().title(),
          "languageName", labels.of(t.article().lang()).getOrDefault("language.name", t.article().lang())));
    }
    m.put("translations", translations);
    archive.older(e).ifPresent(o -> m.put("older", summary(o)));
    archive.newer(e).ifPresent(o -> m.put("newer", summary(o)));
    archive.olderInSection(e).ifPresent(o -> m.put("olderInSection", summary(o)));
    archive.newerInSection(e).ifPresent(o -> m.put("newerInSection", summary(o)));
    return m;
  }

  /** Page links of a paginated list: first, previous, next, last, and a window of numbers around this one. */
  Map<String, Object> pager(Page.ListPage p) {
    Map<String, Object> pager = new LinkedHashMap<>();
    pager.put("number", p.number());
    pager.put("total", p.pages());
    pager.put("count", p.all().size());
    if (p.number() > 1) {
      pager.put("first", href(pageUrl(p, 1)));
      pager.put("previous", href(pageUrl(p, p.number() - 1)));
    }
    if (p.number() < p.pages()) {
      pager.put("next", href(pageUrl(p, p.number() + 1)));
      pager.put("last", href(pageUrl(p, p.pages())));
    }
    // a window of numbers keeps 500 pages usable: 1 … 48 49 [50] 51 52 … 500
    List<Map<String, Object>> numbers = new ArrayList<>();
    int from = Math.max(1, p.number() - 2);
    int to = Math.min(p.pages(), p.number() + 2);
    if (from > 1) {
      numbers.add(Map.of("number", 1, "url", href(pageUrl(p, 1)), "current", false, "gap", false));
      if (from > 2) {
        numbers.add(Map.of("number", 0, "url", "", "current", false, "gap", true));
      }
    }
    for (int n = from; n <= to; n++) {
      numbers.add(Map.of("number", n, "url", href(pageUrl(p, n)), "current", n == p.number(), "gap", false));
    }
    if (to < p.pages()) {
      if (to < p.pages() - 1) {
        numbers.add(Map.of("number", 0, "url", "", "current", false, "gap", true));
      }
      numbers.add(Map.of("number", p.pages(), "url", href(pageUrl(p, p.pages())), "current", false, "gap", false));
    }
    pager.put("pages", numbers);
    return pager;
  }

  static String pageUrl(Page.ListPage p, int n) {
    return n == 1 ? p.base() : p.base() + "page/" + n + "/";
  }
}
