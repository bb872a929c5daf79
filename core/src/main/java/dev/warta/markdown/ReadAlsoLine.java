package dev.warta.markdown;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognises an author's "read also" line: a paragraph of its own that starts with a label such as
 * {@code Baca juga:} or {@code Read also:} (optionally bold or italic), followed by a title, or by a
 * Markdown link to the article.
 *
 * <pre>
 * Baca juga: Harga Cabai Rawit Tembus Rp100.000 per Kilogram
 * **Baca juga:** [Harga Cabai Naik](../ekonomi/harga-cabai.md)
 * _Read also_: Monsoon Floods Close Schools in Three Provinces
 * </pre>
 */
public final class ReadAlsoLine {
  private final Pattern pattern;

  private ReadAlsoLine(Pattern pattern) {
    this.pattern = pattern;
  }

  /** A matcher for the given labels (all languages of a site together). */
  public static ReadAlsoLine of(Collection<String> labels) {
    String alternatives =
        labels.stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(l -> Pattern.quote(l).replace(" ", "\\E\\s+\\Q"))
            .collect(Collectors.joining("|"));
    if (alternatives.isEmpty()) {
      alternatives = "(?!)";
    }
    // label, optionally wrapped in ** or _ or *, the colon inside or outside the emphasis
    String regex = "^\\s*([*_]{0,2})(" + alternatives + ")\\s*(:?)\\s*\\1\\s*(:?)\\s*(.+?)\\s*$";
    return new ReadAlsoLine(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
  }

  /** A recognised line: the label as written and the rest (a title, or Markdown with a link). */
  public record Match(String label, String target) {}

  /** The label and target of a paragraph's Markdown source, or empty when it is no read also line. */
  public Optional<Match> match(String paragraphSource) {
    if (paragraphSource.strip().indexOf('\n') >= 0) {
      return Optional.empty(); // a read also line is one line; a longer paragraph is prose
    }
    Matcher m = pattern.matcher(paragraphSource);
    if (!m.matches() || (m.group(3).isEmpty() && m.group(4).isEmpty())) {
      return Optional.empty();
    }
    String target = m.group(5).strip();
    if (target.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Match(m.group(2), target));
  }

  /** Whether the text is a read also line. */
  public boolean matches(String paragraphSource) {
    return match(paragraphSource).isPresent();
  }

  /** All labels of a site's languages, for {@link #of}. */
  public static List<String> allLabels(java.util.Map<String, List<String>> byLanguage) {
    return byLanguage.values().stream().flatMap(List::stream).distinct().sorted().toList();
  }
}
