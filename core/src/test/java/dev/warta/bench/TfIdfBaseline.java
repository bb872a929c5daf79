package dev.warta.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Plain TF-IDF cosine over the whole text, exactly as {@code ../shared/corpus/baseline_tfidf.py}
 * computes it, so that Warta's links are judged beside a reference anyone can reproduce: lower-cased
 * runs of letters and digits, the title counted twice, weights {@code (1 + ln tf) * ln(N / df)},
 * unit vectors, and for each article the five most similar others, ties by slug. Exact: it walks
 * every posting of every term, which is quadratic in the commonest words' frequencies and fine for
 * a corpus of some thousands of articles.
 */
public final class TfIdfBaseline {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern ESCAPE_AT_LINE_START = Pattern.compile("(?m)^\\\\");

  private TfIdfBaseline() {}

  /**
   * The first {@code k} links of every article, by slug, older-only (dated on or before) or
   * unrestricted.
   */
  public static Map<String, List<String>> links(
      LabelledCorpus corpus, boolean allowNewer, int k) {
    List<LabelledCorpus.Article> docs = corpus.articles();
    int n = docs.size();
    Map<String, Integer> vocabulary = new HashMap<>();
    List<Map<Integer, Integer>> counts = new ArrayList<>(n);
    for (LabelledCorpus.Article a : docs) {
      Map<Integer, Integer> c = new HashMap<>();
      count(a.title(), 2, vocabulary, c);
      // the script undoes the converter's Markdown escapes before counting
      String body = ESCAPE_AT_LINE_START.matcher(a.body()).replaceAll("").replace("&lt;", "<");
      count(body, 1, vocabulary, c);
      counts.add(c);
    }
    int[] df = new int[vocabulary.size()];
    counts.forEach(c -> c.keySet().forEach(t -> df[t]++));
    int[][] terms = new int[n][];
    double[][] weights = new double[n][];
    for (int i = 0; i < n; i++) {
      Map<Integer, Integer> c = counts.get(i);
      int[] t = new int[c.size()];
      double[] w = new double[c.size()];
      int m = 0;
      double norm = 0;
      for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(c).entrySet()) {
        double idf = Math.log((double) n / df[e.getKey()]);
        if (idf > 0) {
          t[m] = e.getKey();
          w[m] = (1 + Math.log(e.getValue())) * idf;
          norm += w[m] * w[m];
          m++;
        }
      }
      double scale = norm == 0 ? 1 : 1 / Math.sqrt(norm);
      for (int j = 0; j < m; j++) {
        w[j] *= scale;
      }
      terms[i] = java.util.Arrays.copyOf(t, m);
      weights[i] = java.util.Arrays.copyOf(w, m);
    }
    int[] postStart = new int[df.length + 1];
    for (int[] t : terms) {
      for (int term : t) {
        postStart[term + 1]++;
      }
    }
    for (int t = 0; t < df.length; t++) {
      postStart[t + 1] += postStart[t];
    }
    int[] postDoc = new int[postStart[df.length]];
    double[] postWeight = new double[postDoc.length];
    int[] fill = postStart.clone();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < terms[i].length; j++) {
        int at = fill[terms[i][j]]++;
        postDoc[at] = i;
        postWeight[at] = weights[i][j];
      }
    }
    long[] day = docs.stream().mapToLong(a -> a.date().toEpochDay()).toArray();
    String[][] result = new String[n][];
    IntStream.range(0, n).parallel().forEach(i -> {
      double[] acc = new double[n];
      for (int j = 0; j < terms[i].length; j++) {
        int t = terms[i][j];
        double w = weights[i][j];
        for (int p = postStart[t]; p < postStart[t + 1]; p++) {
          acc[postDoc[p]] += w * postWeight[p];
        }
      }
      // the k best others: similarity descending, then slug (the corpus is in slug order)
      int[] best = new int[k];
      int size = 0;
      for (int c = 0; c < n; c++) {
        if (c == i || (!allowNewer && day[c] > day[i])) {
          continue;
        }
        if (size == k && acc[c] <= acc[best[k - 1]]) {
          continue;
        }
        int at = size < k ? size++ : k - 1;
        while (at > 0 && acc[best[at - 1]] < acc[c]) {
          best[at] = best[at - 1];
          at--;
        }
        best[at] = c;
      }
      String[] slugs = new String[size];
      for (int j = 0; j < size; j++) {
        slugs[j] = docs.get(best[j]).slug();
      }
      result[i] = slugs;
    });
    Map<String, List<String>> links = new HashMap<>();
    for (int i = 0; i < n; i++) {
      links.put(docs.get(i).slug(), List.of(result[i]));
    }
    return links;
  }

  private static void count(
      String text, int weight, Map<String, Integer> vocabulary, Map<Integer, Integer> counts) {
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      Integer id = vocabulary.computeIfAbsent(m.group(), w -> vocabulary.size());
      counts.merge(id, weight, Integer::sum);
    }
  }
}
