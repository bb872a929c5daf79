package dev.warta.archive;

import dev.warta.content.Article;
import dev.warta.internal.Slugs;
import java.util.Locale;

/**
 * Expands the permalink pattern of articles: {@code /:year/:month/:slug/}, {@code
 * /:section/:slug/}, {@code /:year/:month/:day/:slug/}, {@code /:lang/:year/:slug/}. A part that
 * is empty for an article (no section) disappears with its slash.
 */
final class Permalinks {
  private Permalinks() {}

  static String expand(String pattern, Article a, String defaultLanguage) {
    String url =
        pattern
            .replace(":year", String.format(Locale.ROOT, "%04d", a.date().getYear()))
            .replace(":month", String.format(Locale.ROOT, "%02d", a.date().getMonthValue()))
            .replace(":day", String.format(Locale.ROOT, "%02d", a.date().getDayOfMonth()))
            .replace(":section", Slugs.slugify(a.section()))
            .replace(":lang", a.lang().equals(defaultLanguage) ? "" : a.lang().toLowerCase(Locale.ROOT))
            .replace(":slug", a.slug());
    while (url.contains("//")) {
      url = url.replace("//", "/");
    }
    return url;
  }
}
