package dev.warta.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Resolves the text of an author's "Baca juga: &lt;title&gt;" line to the article with that title.
 * Immutable and thread-safe.
 *
 * <p>Titles are compared as words, folded to lower case without diacritics or punctuation. Beyond
 * an exact match it forgives a typo (one edit in a word of five letters or more, titles of three
 * words or more) and one dropped or added word in a long title (six words or more; up to two
 * differences from eight words), but never a replaced word: "Dua Rudal" and "Tiga Rudal" are
 * different news, and so are titles that differ by a negation or a number, which are never
 * forgiven. On ties the exact match wins, then the closest title, then the smallest key.
 *
 * <p>Candidates come from an inverted index of title words: a title within the tolerance shares
 * at least one of the four rarest words of the text, so only their postings are read.
 */
public final class TitleMatcher {

  private static final double TYPO = 0.5;
  private static final double INDEL = 1;
  private static final double REPLACE = 2;
  private static final Set<String> NEVER_DROPPED =
      Set.of("tidak", "tak", "bukan", "belum", "jangan", "tanpa", "not", "no", "never", "without");
  private static final List<String> PREFIXES =
      List.of("baca juga ", "lihat juga ", "simak juga ", "read also ", "see also ", "read more ");

  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`]");

  private final String[] keys;
  private final String[][] words;
  private final Map<String, Integer> exact;
  private final Map<String, int[]> postings;

  private TitleMatcher(Map<String, String> titlesByKey) {
    TreeMap<String, String> sorted = new TreeMap<>(titlesByKey);
    keys = sorted.keySet().toArray(String[]::new);
    words = new String[keys.length][];
    exact = new HashMap<>();
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      words[i] = words(sorted.get(keys[i]));
      exact.putIfAbsent(String.join(" ", words[i]), i); // keys ascend: the smallest key stays
      for (String w : new java.util.LinkedHashSet<>(java.util.Arrays.asList(words[i]))) { // a title may repeat a word
        lists.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
      }
    }
    postings = new HashMap<>();
    lists.forEach((w, l) -> postings.put(w, l.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** A matcher over the given titles, by article key. */
  public static TitleMatcher of(Map<String, String> titlesByKey) {
    return new TitleMatcher(titlesByKey);
  }

  /** The key of the article whose title the text names, or empty when none is close enough. */
  public Optional<String> match(String text) {
    String[] query = words(text);
    String joined = String.join(" ", query);
    for (String prefix : PREFIXES) {
      if ((joined + " ").startsWith(prefix) && !exact.containsKey(joined)) {
        // "Baca juga: ..." passed whole: match the title after the label
        joined = joined.substring(Math.min(joined.length(), prefix.length()));
        query = joined.isEmpty() ? new String[0] : joined.split(" ");
        break;
      }
    }
    if (query.length == 0) {
      return Optional.empty();
    }
    Integer hit = exact.get(joined);
    if (hit != null) {
      return Optional.of(keys[hit]);
    }
    int best = -1;
    double bestCost = Double.MAX_VALUE;
    for (int candidate : candidates(query)) {
      double cost = distance(query, words[candidate]);
      if (cost <= budget(Math.max(query.length, words[candidate].length))
          && cost < bestCost) { // candidates ascend, so the smallest key wins a tie
        best = candidate;
        bestCost = cost;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(keys[best]);
  }

  /** Titles sharing one of the rarest query words, ascending. */
  private int[] candidates(String[] query) {
    String[] distinct = Arrays.stream(query).distinct().toArray(String[]::new);
    Arrays.sort(
        distinct,
        Comparator.comparingInt((String w) -> postings.getOrDefault(w, new int[0]).length)
            .thenComparing(Comparator.naturalOrder()));
    // at most three query words can differ within the budget, so four rare ones suffice
    return Arrays.stream(distinct)
        .limit(4)
        .flatMapToInt(w -> Arrays.stream(postings.getOrDefault(w, new int[0])))
        .filter(c -> Math.abs(words[c].length - query.length) <= 2)
        .distinct()
        .sorted()
        .toArray();
  }

  /** How much difference a title of {@code n} words tolerates. */
  private static double budget(int n) {
    if (n >= 8) {
      return 1.5;
    }
    if (n >= 6) {
      return 1;
    }
    return n >= 3 ? TYPO : 0;
  }

  /** Word-level edit distance: a typo costs 0.5, a dropped or added word 1, a replaced word 2. */
  static double distance(String[] a, String[] b) {
    double[] prev = new double[b.length + 1];
    double[] cur = new double[b.length + 1];
    for (int j = 1; j <= b.length; j++) {
      prev[j] = prev[j - 1] + indel(b[j - 1]);
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = prev[0] + indel(a[i - 1]);
      for (int j = 1; j <= b.length; j++) {
        double replace = prev[j - 1] + substitution(a[i - 1], b[j - 1]);
        cur[j] = Math.min(replace, Math.min(prev[j] + indel(a[i - 1]), cur[j - 1] + indel(b[j - 1])));
      }
      double[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  private static double indel(String w) {
    return NEVER_DROPPED.contains(w) || hasDigit(w) ? Double.POSITIVE_INFINITY : INDEL;
  }

  private static double substitution(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (Math.min(a.length(), b.length()) >= 5 && !hasDigit(a) && !hasDigit(b) && oneEdit(a, b)) {
      return TYPO;
    }
    return REPLACE;
  }

  /** One insertion, deletion, substitution or swap of neighbours. */
  private static boolean oneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true; // substitution
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    return la > lb
        ? a.regionMatches(i + 1, b, i, lb - i)
        : b.regionMatches(i + 1, a, i, la - i);
  }

  private static boolean hasDigit(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Folded words: "Jum'at, 5 Mei" gives [jumat, 5, mei]. */
  static String[] words(String text) {
    String folded = APOSTROPHES.matcher(PlainText.fold(text)).replaceAll("");
    String[] parts = PlainText.NON_WORD.split(folded);
    return Arrays.stream(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
  }
}
