package dev.warta.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a page's site-relative links ({@code /2023/09/a/}) to links relative to the page
 * ({@code ../../../2023/09/a/index.html}), so the site works when opened from disk, where a
 * leading {@code /} means the disk's root and folders do not open their {@code index.html}.
 */
final class RelativeUrls {
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\s(?:href|src|poster|action)=\"|;\\s*url=)(/(?!/)[^\"]*)\"");

  private RelativeUrls() {}

  static String rewrite(String html, String pageUrl, String basePath) {
    String file = pageUrl.endsWith("/") ? pageUrl + "index.html" : pageUrl;
    int depth = (int) file.chars().filter(c -> c == '/').count() - 1;
    String up = "../".repeat(depth);
    Matcher m = ATTRIBUTE.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    while (m.find()) {
      String url = m.group(2);
      if (!url.startsWith(basePath)) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      String path = url.substring(basePath.length());
      int cut = indexOfAny(path);
      String rest = cut < 0 ? "" : path.substring(cut);
      path = cut < 0 ? path : path.substring(0, cut);
      if (path.isEmpty() || path.endsWith("/")) {
        path += "index.html";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + up + path + rest + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int indexOfAny(String path) {
    int q = path.indexOf('?');
    int h = path.indexOf('#');
    if (q < 0) {
      return h;
    }
    return h < 0 ? q : Math.min(q, h);
  }
}
