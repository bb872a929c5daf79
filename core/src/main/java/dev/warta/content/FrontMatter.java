package dev.warta.content;

import java.util.Optional;

/**
 * An article file split into its YAML front matter and its Markdown body.
 *
 * <p>The front matter sits between a first line {@code ---} and the next line {@code ---} (or
 * {@code ...}). CRLF line ends are read as LF; a byte order mark is already gone.
 *
 * @param yaml the YAML text
 * @param yamlLine the 1-based line where the YAML starts (for positions)
 * @param body the Markdown body
 * @param bodyLine the 1-based line where the body starts
 */
record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

  /** Why a file could not be split. */
  enum Failure {
    MISSING,
    NOT_CLOSED
  }

  /** The split file, or a failure. */
  record Split(Optional<FrontMatter> frontMatter, Failure failure) {}

  static Split split(String text) {
    dev.warta.internal.WorkCounts.split();
    String t = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
    if (!(t.startsWith("---\n") || t.equals("---") || t.startsWith("--- \n"))) {
      return new Split(Optional.empty(), Failure.MISSING);
    }
    int start = t.indexOf('\n') + 1;
    if (start == 0) {
      return new Split(Optional.empty(), Failure.NOT_CLOSED);
    }
    int lineStart = start;
    int line = 2;
    while (lineStart <= t.length()) {
      int end = t.indexOf('\n', lineStart);
      String l = end < 0 ? t.substring(lineStart) : t.substring(lineStart, end);
      String stripped = l.stripTrailing();
      if (stripped.equals("---") || stripped.equals("...")) {
        String yaml = t.substring(start, lineStart);
        String body = end < 0 ? "" : t.substring(end + 1);
        return new Split(Optional.of(new FrontMatter(yaml, 2, body, line + 1)), null);
      }
      if (end < 0) {
        break;
      }
      lineStart = end + 1;
      line++;
    }
    return new Split(Optional.empty(), Failure.NOT_CLOSED);
  }
}
