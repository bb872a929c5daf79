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
            .replace(":year", pad(date.getYear(), 4))
            .replace(":month", pad(date.getMonthValue(), 2))
            .replace(":day", pad(date.getDayOfMonth(), 2))
            .replace(":section", Slugs.slugify(section))
            .replace(":lang", lang.equals(defaultLanguage) ? "" : lang.toLowerCase(Locale.ROOT))
            .replace(":slug", slug);
    while (url.contains("//")) {
      url = url.replace("//", "/");
    }
    return url;
  }

  /**
   * A number with leading zeros to {@code width} digits, as {@code %04d} formats it; without the
   * formatter, which parses its pattern with a regular expression at every call (every article of
   * a build, every post of an import).
   */
  static String pad(int n, int width) {
    String digits = Integer.toString(Math.abs(n));
    StringBuilder out = new StringBuilder(width + 1);
    if (n < 0) {
      out.append('-');
      width--;
    }
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }
}
