package dev.warta.render;

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
}
