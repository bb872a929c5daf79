package dev.warta.shared;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.warta.shared.RelatedSettings;

/**
 * Every setting of a site, as read from {@code warta.yml} and overridden by the caller.
 *
 * <p>Immutable. {@link #defaults()} gives a working configuration; the site folder's {@code
 * warta.yml} changes it key by key, and {@code Site.set(String, String)} (the Maven plugin's
 * parameters) wins over both. The setting names are the YAML keys, dotted for nested ones: {@code
 * related.count}, {@code feeds.items}.
 *
 * @param title the site's name, shown in every page head and in feeds
 * @param description one sentence about the site, for the home page and feeds
 * @param baseUrl the absolute URL the site is served from, ending with {@code /}
 * @param language the default language of articles ({@code id}, {@code en}, …)
 * @param timeZone the zone for dates written without an offset, and for display
 * @param permalink the URL pattern of articles, e.g. {@code /:year/:month/:slug/}
 * @param termPaths the URL patterns of section, tag and author lists
 * @param paginate articles per list page
 * @param drafts whether articles marked {@code draft: true} are built
 * @param future whether articles dated after {@link #buildTime} are built
 * @param buildTime the time the build counts as "now" (future articles, the news sitemap); fix it
 *     for reproducible builds
 * @param publisher the organisation named in news metadata
 * @param image the site's own image for pages without one (share previews, NewsArticle
 *     metadata): a site path or an http(s) URL; empty for the card Warta draws, {@link #CARD}
 * @param related how related articles are chosen and shown
 * @param feeds what the feeds hold
 * @param rawHtml what happens to HTML written inside Markdown
 * @param readAlsoLabels per language, the labels that start an author's "read also" line
 * @param sitemapLimit URLs per sitemap file before it is split (at most 50,000)
 * @param checks the severity of checks that a site may relax or tighten: {@code links} (a link to
 *     an {@code .md} file that is not in the archive; error by default), {@code readAlso} (a read
 *     also line that names no article; warning by default), {@code unsafeUrls} (a {@code
 *     javascript:} or other unsafe link, removed; warning by default)
 * @param relativeUrls whether links inside the site are written relative to each page, with
 *     {@code index.html} spelled out, so the site also works opened from disk ({@code file://})
 * @param search whether the site gets its static search index, search page and search box
 * @param params any other values, passed to templates as {@code site.params}
 */
public record SiteConfig(
    String title,
    String description,
    URI baseUrl,
    String language,
    ZoneId timeZone,
    String permalink,
    TermPaths termPaths,
    int paginate,
    boolean drafts,
    boolean future,
    Instant buildTime,
    Publisher publisher,
    String image,
    Related related,
    Feeds feeds,
    RawHtml rawHtml,
    Map<String, List<String>> readAlsoLabels,
    int sitemapLimit,
    Map<String, Problem.Severity> checks,
    boolean relativeUrls,
    boolean search,
    Map<String, Object> params) {

  /** Where the card Warta draws from the theme is published, for a site without {@code image}. */
  public static final String CARD = "/warta-card.png";
  /** Where the logo Warta draws from the theme is published, for a publisher without {@code logo}. */
  public static final String LOGO = "/warta-logo.png";

  /** Validates and copies. */
  public SiteConfig {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(permalink, "permalink");
    Objects.requireNonNull(termPaths, "termPaths");
    Objects.requireNonNull(buildTime, "buildTime");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(related, "related");
    Objects.requireNonNull(feeds, "feeds");
    Objects.requireNonNull(rawHtml, "rawHtml");
    if (paginate < 1) {
      throw new IllegalArgumentException("paginate must be at least 1");
    }
    if (!baseUrl.toString().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
    readAlsoLabels = Map.copyOf(readAlsoLabels);
    checks = Map.copyOf(checks);
    params = Map.copyOf(params);
  }

  /** The checks a site may make errors or warnings, with their default severity. */
  public static final Map<String, Problem.Severity> DEFAULT_CHECKS =
      Map.of("links", Problem.Severity.ERROR, "readAlso", Problem.Severity.WARNING, "unsafeUrls", Problem.Severity.WARNING);

  /** The severity of a check. */
  public Problem.Severity severity(String check) {
    Problem.Severity s = checks.get(check);
    if (s == null) {
      throw new IllegalArgumentException("unknown check " + check);
    }
    return s;
  }

  /** The settings of a site with no {@code warta.yml}. */
  public static SiteConfig defaults() {
    return new SiteConfig(
        "Warta",
        "",
        URI.create("http://localhost:8080/"),
        "id",
        ZoneId.of("Asia/Jakarta"),
        "/:year/:month/:slug/",
        TermPaths.defaults(),
        20,
        false,
        false,
        Instant.EPOCH,
        new Publisher("", ""),
        "",
        Related.defaults(),
        new Feeds(20, false, false),
        RawHtml.SANITIZE,
        Map.of(
            "id", List.of("Baca juga", "Lihat juga", "Simak juga", "Baca pula"),
            "en", List.of("Read also", "See also", "Read more", "Also read")),
        50_000,
        DEFAULT_CHECKS,
        false,
        true,
        Map.of());
  }

  /**
   * The URL patterns of term lists, each with {@code :slug}: settings {@code paths.section},
   * {@code paths.tag}, {@code paths.author}.
   *
   * @param section default {@code /:slug/}, so a section lives at {@code /ekonomi/}
   * @param tag default {@code /tag/:slug/}
   * @param author default {@code /author/:slug/}
   */
  public record TermPaths(String section, String tag, String author) {
    /** Validates. */
    public TermPaths {
      for (String p : List.of(section, tag, author)) {
        if (!p.startsWith("/") || !p.endsWith("/") || !p.contains(":slug")) {
          throw new IllegalArgumentException("a term path starts and ends with '/' and contains :slug: " + p);
        }
      }
    }

    /** Warta's defaults. */
    public static TermPaths defaults() {
      return new TermPaths("/:slug/", "/tag/:slug/", "/author/:slug/");
    }

    /** The URL of the list of a term with this slug under a pattern. */
    public static String expand(String pattern, String slug) {
      return pattern.replace(":slug", slug);
    }

    /**
     * The URL of the index of all terms of a pattern: the part before {@code :slug}, or {@code
     * fallback} when that part is the site root.
     */
    public static String index(String pattern, String fallback) {
      String prefix = pattern.substring(0, pattern.indexOf(":slug"));
      return prefix.equals("/") ? fallback : prefix;
    }
  }

  /** The image of a page that has none of its own: the site's {@code image}, else Warta's card. */
  public String pageImage() {
    return image.isEmpty() ? CARD : image;
  }

  /** The publisher's logo: its {@code logo}, else the one Warta draws. */
  public String logo() {
    return publisher.logo().isEmpty() ? LOGO : publisher.logo();
  }

  /** The organisation publishing the archive, for news metadata. */
  public record Publisher(String name, String logo) {
    /** Validates. */
    public Publisher {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(logo, "logo");
    }
  }

  /**
   * How related articles are chosen and shown.
   *
   * @param scoring how the related index scores and filters links (count, minScore, allowNewer,
   *     weights, halfLifeDays)
   * @param report whether the build writes {@code related.json}, explaining every link
   * @param insertAfter paragraphs after which a "read also" link is inserted (empty: none)
   * @param insertMinParagraphs articles with fewer paragraphs get no inserted links
   */
  public record Related(RelatedSettings scoring, boolean report, List<Integer> insertAfter, int insertMinParagraphs) {

    /** Validates and copies. */
    public Related {
      Objects.requireNonNull(scoring, "scoring");
      insertAfter = List.copyOf(insertAfter);
    }

    /** Defaults that work without tuning: the related index's measured defaults, no report, no inserted links. */
    public static Related defaults() {
      return new Related(RelatedSettings.defaults(), false, List.of(), 6);
    }
  }


  /**
   * What the feeds hold.
   *
   * @param items newest articles per feed
   * @param fullContent whether items carry the whole article or only its summary
   * @param tags whether each tag gets feeds too
   */
  public record Feeds(int items, boolean fullContent, boolean tags) {}

  /** What happens to HTML written inside Markdown. */
  public enum RawHtml {
    /** Shown as text: nothing of it reaches the page as markup. */
    ESCAPE,
    /** Kept, minus scripts, styles, frames, event handlers and {@code javascript:} URLs. */
    SANITIZE,
    /** Kept as written: only for archives whose every author is trusted. */
    ALLOW
  }
}
