package dev.warta.shared;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong (or worth a look) in a site, with its position.
 *
 * <p>Printed like a compiler diagnostic, {@code content/2023/09/a.md:4:7: error: message}, so that
 * terminals and IDEs make it clickable. Line and column are 1-based; 0 means unknown.
 *
 * @param file the file relative to the site folder, with {@code /} separators; empty when the
 *     problem concerns no single file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param severity whether the problem fails the build
 * @param message what is wrong and how to fix it
 * @param page the page being rendered when a template met the problem, or empty: one fault of a
 *     template meets every page made with it, and is reported once, for the first page
 */
public record Problem(String file, int line, int column, Severity severity, String message, String page)
    implements Comparable<Problem> {

  /** Whether a problem fails the build. */
  public enum Severity {
    /** Fails the build. */
    ERROR,
    /** Reported; the build goes on. */
    WARNING;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::severity)
          .thenComparing(Problem::message)
          .thenComparing(Problem::page);

  /** Validates the components. */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(page, "page");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  /** A problem met outside the rendering of any one page. */
  public Problem(String file, int line, int column, Severity severity, String message) {
    this(file, line, column, severity, message, "");
  }

  /** This problem, met while rendering the page at {@code url}. */
  public Problem onPage(String url) {
    return new Problem(file, line, column, severity, message, url);
  }

  /**
   * Whether this is the same fault as {@code other}: the same place, severity and message, met on
   * any page.
   */
  public boolean sameFault(Problem other) {
    return file.equals(other.file) && line == other.line && column == other.column && severity == other.severity
        && message.equals(other.message);
  }

  /** An error at a position. */
  public static Problem error(String file, int line, int column, String message) {
    return new Problem(file, line, column, Severity.ERROR, message);
  }

  /** A warning at a position. */
  public static Problem warning(String file, int line, int column, String message) {
    return new Problem(file, line, column, Severity.WARNING, message);
  }

  /** Whether this problem fails the build. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Problems sort by file, line, column, severity, message and page, so reports are stable. */
  @Override
  public int compareTo(Problem other) {
    return ORDER.compare(this, other);
  }

  /** {@code file:line:col: severity: message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!file.isEmpty()) {
      out.append(file);
      if (line > 0) {
        out.append(':').append(line);
        if (column > 0) {
          out.append(':').append(column);
        }
      }
      out.append(": ");
    }
    out.append(severity.label()).append(": ");
    if (!page.isEmpty()) {
      out.append("while rendering ").append(page).append(": ");
    }
    return out.append(message).toString();
  }
}
