package dev.warta.archive;

import dev.warta.content.Article;
import dev.warta.internal.Slugs;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Expands the permalink pattern of articles: {@code /:year/:month/:slug/}, {@code
 * /:section/:slug/}, {@code /:year/:month/:day/:slug/}, {@code /:lang/:year/:slug/}. A part that
 * is empty for an article (no section) disappears with its slash.
 */
public final class Permalinks {
  private Permalinks() {}

  static String expand(String pattern, Article a, String defaultLanguage) {
    return expand(pattern, a.date(), a.section(), a.lang(), a.slug(), defaultLanguage);
  }

  /**
   * The URL an article with these values gets; for a tool that writes articles (an importer) and
   * must know their URLs before the archive exists.
   */
  public static String expand(String pattern, ZonedDateTime date, String section, String lang, String slug, String defaultLanguage) {
    String url =
        pattern
            .replace(":year", String.format(Locale.ROOT, "%04d", date.getYear()))
            .replace(":month", String.format(Locale.ROOT, "%02d", date.getMonthValue()))
            .replace(":day", String.format(Locale.ROOT, "%02d", date.getDayOfMonth()))
            .replace(":section", Slugs.slugify(section))
            .replace(":lang", lang.equals(defaultLanguage) ? "" : lang.toLowerCase(Locale.ROOT))
            .replace(":slug", slug);
    while (url.contains("//")) {
      url = url.replace("//", "/");
    }
    return url;
  }
}
