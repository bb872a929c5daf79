package dev.warta.maven;

import dev.warta.internal.Escape;
import dev.warta.shared.Problem;
import java.util.List;

/** The page {@code warta:serve} shows while the site has errors: every problem, escaped, and the live-reload script. */
final class ErrorPage {
  private ErrorPage() {}

  /** The page for {@code problems} found in the site folder {@code site}. */
  static String html(String site, List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    StringBuilder out = new StringBuilder(1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Warta: ").append(errors).append(errors == 1 ? " error" : " errors").append("</title>\n")
        .append("<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}")
        .append("li{font-family:ui-monospace,monospace;white-space:pre-wrap;margin:.5rem 0}")
        .append(".error{color:#b00020}.warning{color:#8a5a00}")
        .append("@media(prefers-color-scheme:dark){body{background:#121212;color:#eee}.error{color:#ff7b8a}.warning{color:#ffc46b}}</style>\n")
        .append("</head>\n<body>\n<h1>The site has ").append(errors).append(errors == 1 ? " error" : " errors").append("</h1>\n")
        .append("<p>In ").append(escape(site)).append(". Fix the files and save: this page reloads by itself.</p>\n<ul>\n");
    for (Problem p : problems) {
      out.append("<li class=\"").append(p.isError() ? "error" : "warning").append("\">")
          .append(escape(p.toString())).append("</li>\n");
    }
    return out.append("</ul>\n").append(DevServer.SCRIPT).append("\n</body>\n</html>\n").toString();
  }

  /** Text made safe for HTML content and attribute values: core's escaping, the one policy. */
  static String escape(String text) {
    return Escape.html(text);
  }
}
