package dev.warta.render;

import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import java.util.List;
import java.util.Map;

/**
 * Typed parts of the data model that templates receive: records, whose components FreeMarker (since
 * 2.3.33, with the object wrapper's incompatible improvements at that version or later) shows under
 * their names, so {@code page.title} reads {@code title()}. Each name here is a name templates use;
 * the README's template reference lists them. Fingerprinted by their components ({@code
 * internal.Fingerprint}).
 */
public final class Views {
  private Views() {}

  /** What every page says of itself: {@code page} in templates. */
  public record PageView(String kind, String url, String permalink, String title, String lang, String description) {}

  /** A named link: a section, tag or author of an article. */
  public record NamedLink(String name, String url) {}

  /** A named link with a count of articles: a term of the terms pages, a month of a year page. */
  public record CountedLink(String name, String url, int count) {}

  /** An article's image, its URL as pages link it. */
  public record ImageView(String src, String alt, String caption, String credit) {}

  /** A {@code <link rel="alternate">} to a feed. */
  public record FeedLink(String type, String href, String title) {}

  /** A link of a list's pager: a page number, or a gap ({@code …}) between numbers. */
  public record PageNumber(int number, String url, boolean current, boolean gap) {}

  /** The same article in another language. */
  public record Translation(String lang, String url, String permalink, String title, String languageName, String ogLocale) {}

  /**
   * A date as templates show it: {@code iso}, {@code long}, {@code short}, {@code month}, {@code
   * year}. {@code long} and {@code short} are Java keywords, so they cannot name record components;
   * the record answers templates itself, as a hash of those five names (FreeMarker's object wrapper
   * passes a {@link TemplateModel} through as it is), and is fingerprinted by its components.
   */
  public record DateView(String iso, String longForm, String shortForm, String month, int year) implements TemplateHashModel {
    @Override
    public TemplateModel get(String key) {
      return switch (key) {
        case "iso" -> new SimpleScalar(iso);
        case "long" -> new SimpleScalar(longForm);
        case "short" -> new SimpleScalar(shortForm);
        case "month" -> new SimpleScalar(month);
        case "year" -> new SimpleNumber(year);
        default -> null;
      };
    }

    @Override
    public boolean isEmpty() {
      return false;
    }
  }

  /**
   * What lists, related sections and neighbours show of an article. {@code section} and {@code
   * image} are null when the article has none: templates see them as missing ({@code ??}).
   */
  public record SummaryView(String title, String url, String permalink, String summary, String lang, DateView date,
      NamedLink section, List<NamedLink> authors, ImageView image) {}

  /**
   * An article page's own model: its summary's names, then the page's own. {@code content} is the
   * body's HTML (a stand-in for it while the page's fingerprint is taken); the neighbours are null
   * when there is none. {@code isUpdated} is a {@code Boolean}: a primitive {@code boolean
   * isUpdated()} is a JavaBeans getter of a property {@code updated}, and FreeMarker then shows
   * {@code article.isUpdated} as a method, not a value.
   */
  public record ArticleView(String title, String url, String permalink, String summary, String lang, DateView date,
      NamedLink section, List<NamedLink> authors, ImageView image,
      String content, DateView updated, Boolean isUpdated, List<NamedLink> tags, Map<String, Object> params,
      String canonical, String permalinkSelf, String ogLocale, String imageUrl, String jsonLd,
      List<SummaryView> related, List<Translation> translations,
      SummaryView older, SummaryView newer, SummaryView olderInSection, SummaryView newerInSection) {

    /** The same article with its body's HTML. */
    public ArticleView withContent(String html) {
      return new ArticleView(title, url, permalink, summary, lang, date, section, authors, image, html, updated, isUpdated, tags,
          params, canonical, permalinkSelf, ogLocale, imageUrl, jsonLd, related, translations, older, newer, olderInSection,
          newerInSection);
    }
  }

  /** Page links of a paginated list; {@code first}, {@code previous}, {@code next}, {@code last} are null at the ends. */
  public record PagerView(int number, int total, int count, String first, String previous, String next, String last,
      List<PageNumber> pages) {}

  /** A list page: {@code list} in templates; {@code periods} (the months of a year page) is null on other lists. */
  public record ListView(String kind, String title, List<SummaryView> items, PagerView pager, List<CountedLink> periods,
      String feed, List<String> jsonLd) {}

  /** A page of all sections, tags, authors or years: {@code terms} in templates. */
  public record TermsView(String kind, String title, List<CountedLink> items) {}

  /** The search page's links: {@code search} in templates. */
  public record SearchView(String page, String manifest, String script, boolean relative) {}

  /** Where a redirect page sends the reader: {@code target} in templates. */
  public record TargetView(String url, String permalink, String title) {}

  /** The site's publisher, as pages name it. */
  public record PublisherView(String name, String logo) {}

  /** A language of the site, for the language menu. */
  public record LanguageView(String lang, String url, String name, boolean current) {}

  /** The links of the site's index pages. */
  public record SiteLinks(String sections, String tags, String authors, String archive) {}

  /** What every page of a language knows of the site: {@code site} in templates. */
  public record SiteView(String title, String description, String baseUrl, String home, String language,
      Map<String, Object> params, PublisherView publisher, String css, List<CountedLink> sections,
      List<LanguageView> languages, SiteLinks links, String search, int year, String generator, String oldPostScript) {}

  /**
   * What a template receives: {@code page}, {@code site}, {@code labels} and {@code feeds} on every
   * page, and the part of its kind ({@code article}, {@code list}, {@code terms}, {@code search} or
   * {@code target}); the parts of other kinds are null, missing to templates.
   */
  public record PageModel(PageView page, SiteView site, Map<String, String> labels, List<FeedLink> feeds, ArticleView article,
      ListView list, TermsView terms, SearchView search, TargetView target) {

    /** The same model with another article part. */
    public PageModel withArticle(ArticleView other) {
      return new PageModel(page, site, labels, feeds, other, list, terms, search, target);
    }
  }
}
