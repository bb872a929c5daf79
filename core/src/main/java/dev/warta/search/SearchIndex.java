package dev.warta.search;

import dev.warta.internal.Fingerprint;
import dev.warta.internal.Json;
import dev.warta.related.Analysis;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static search index of an archive: per language, a manifest, vocabulary shards, postings
 * shards and blocks of result metadata, all plain JSON files that a browser fetches on demand.
 *
 * <p>How a query runs in the browser, one round trip per step: (1) the manifest {@code
 * /search/<lang>/manifest.json} names every vocabulary shard by its first word; (2) the shard of
 * each query word maps that word, as written, to its stem (the related index's analysis, so the
 * browser needs no stemmer and agrees with the build exactly) and the stem to its document
 * frequency and postings shard; (3) a postings shard holds, per stem, the documents with their
 * quantised BM25 term weight, and the names of the metadata blocks those documents are in; (4) the
 * blocks of the best results give their title, URL, date, section and lede.
 *
 * <p>Why this shape: only the manifest grows with the archive, by one short line per vocabulary
 * shard; everything else is fetched by name, and a name is a hash of the content, so files can be
 * cached for ever and a rebuild keeps every shard whose content did not change (see {@link
 * Shards} for cuts that do not shift). Documents are numbered by date, oldest first, so a new
 * article takes the next number and leaves the others' postings as they were. A stem found in
 * very many articles keeps only its {@link #TOP} highest weights: a reader never pages that far,
 * and the postings stay a few kilobytes. Weights are BM25's term part, quantised to a byte with
 * the average document length rounded to two digits, so one edited article does not change every
 * other article's weights; the browser multiplies by the IDF from the vocabulary.
 *
 * <p>A {@link Builder} is filled while articles are read (each analysed once, from several
 * threads) and may be kept between builds of a warm site; {@link Builder#files} is a function of
 * the articles alone: the same articles give the same bytes, whatever the thread count.
 */
public final class SearchIndex {
  /** The longest lede a result shows, in characters. */
  public static final int LEDE_CHARS = 160;
  /**
   * Documents per metadata block. Results are spread over the archive, so a page of ten results
   * fetches about ten blocks: smaller blocks cost fewer bytes per result, larger ones fewer names
   * in the postings' block tables; at 8, both stay within a cold query's budget at 100k.
   */
  static final int BLOCK = 8;
  /** The most documents a stem's postings keep. */
  static final int TOP = 2000;
  /** BM25's parameters. */
  static final double K1 = 1.2;
  static final double B = 0.75;
  /** How many times a title word counts compared with a body word. */
  static final int TITLE_WEIGHT = 3;
  /** The version of the files' format, which the client checks. */
  static final int FORMAT = 1;

  /** Where the browser client is published. */
  public static final String CLIENT = "/search/search.js";

  private SearchIndex() {}

  /** The browser client that reads these files: plain JavaScript, no dependencies. */
  static byte[] client() {
    try (java.io.InputStream in = SearchIndex.class.getResourceAsStream("/dev/warta/search/search.js")) {
      if (in == null) {
        throw new IllegalStateException("search.js missing from the jar");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The URL of the search page of a language: {@code /search/} for the site's own, else under the language's folder. */
  public static String pageUrl(String lang, String siteLanguage) {
    return lang.equals(siteLanguage) ? "/search/" : "/" + lang.toLowerCase(Locale.ROOT) + "/search/";
  }

  /** The URL of the manifest of a language's index. */
  public static String manifestUrl(String lang) {
    return "/search/" + primary(lang) + "/manifest.json";
  }

  /** A builder with no article yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** The words of one article: each surface form with its weighted count. */
  private record Words(String lang, String[] words, int[] counts) {}

  /** Collects the analysed words of every article; see the class comment. */
  public static final class Builder {
    private final Map<String, Words> docs = new ConcurrentHashMap<>();
    /** The stem of a word per analysis family ({@code "id\0word"}); "" for a word not indexed. */
    private final Map<String, String> stems = new ConcurrentHashMap<>();
    /**
     * One copy of each word: every article's list holds the shared one, so an archive keeps its
     * vocabulary once rather than a string per word per article (15 million at 100,000 articles).
     */
    private final Map<String, String> canonical = new ConcurrentHashMap<>();

    private Builder() {}

    /** Analyses an article and keeps its words, replacing any it had. Thread-safe. */
    public void put(String key, String lang, String title, String markdownBody) {
      String primary = primary(lang);
      String family = Analysis.family(primary);
      Map<String, int[]> counts = new HashMap<>();
      Analysis.words(title, w -> count(counts, family, primary, w, TITLE_WEIGHT));
      Analysis.words(Analysis.plainText(markdownBody), w -> count(counts, family, primary, w, 1));
      String[] words = counts.keySet().toArray(new String[0]);
      Arrays.sort(words);
      int[] n = new int[words.length];
      for (int i = 0; i < words.length; i++) {
        n[i] = counts.get(words[i])[0];
      }
      docs.put(key, new Words(primary, words, n));
    }

    private void count(Map<String, int[]> counts, String family, String lang, String word, int weight) {
      if (stem(family, lang, word).isEmpty()) {
        return;
      }
      counts.computeIfAbsent(canonical.computeIfAbsent(word, w -> w), w -> new int[1])[0] += weight;
    }

    private String stem(String family, String lang, String word) {
      return stems.computeIfAbsent(family + '\0' + word, k -> Analysis.stem(lang, word).orElse(""));
    }

    /** Whether an article of this key was put. */
    public boolean contains(String key) {
      return docs.containsKey(key);
    }

    /** Drops every article whose key is not in {@code keys}. */
    public void retain(Set<String> keys) {
      docs.keySet().retainAll(keys);
    }

    /**
     * The index files of {@code documents}, by site-relative URL; every one must have been {@link
     * #put}. Sorted by URL.
     *
     * @throws IllegalStateException if a document was not put
     */
    public Map<String, byte[]> files(List<SearchDocument> documents) {
      Map<String, List<SearchDocument>> byLang = new TreeMap<>();
      for (SearchDocument d : documents) {
        Words w = docs.get(d.key());
        if (w == null) {
          throw new IllegalStateException("the search index has no words for " + d.key());
        }
        byLang.computeIfAbsent(w.lang(), l -> new ArrayList<>()).add(d);
      }
      Map<String, byte[]> files = new TreeMap<>();
      byLang.forEach((lang, list) -> language(lang, list, files));
      files.put(CLIENT, client());
      return files;
    }

    private void language(String lang, List<SearchDocument> list, Map<String, byte[]> files) {
      String folder = "/search/" + lang + "/";
      List<SearchDocument> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(SearchDocument::date).thenComparing(SearchDocument::key));
      int n = sorted.size();
      String family = Analysis.family(lang);

      // postings by stem, documents in number order; surface forms with their stem
      Map<String, Postings> postings = new HashMap<>();
      Map<String, String> surfaces = new HashMap<>();
      int[] lengths = new int[n];
      long total = 0;
      for (int id = 0; id < n; id++) {
        Words w = docs.get(sorted.get(id).key());
        Map<String, Integer> byStem = new TreeMap<>();
        for (int i = 0; i < w.words().length; i++) {
          String word = w.words()[i];
          String stem = stem(family, lang, word);
          surfaces.putIfAbsent(word, stem);
          byStem.merge(stem, w.counts()[i], Integer::sum);
          lengths[id] += w.counts()[i];
        }
        total += lengths[id];
        for (Map.Entry<String, Integer> e : byStem.entrySet()) {
          postings.computeIfAbsent(e.getKey(), s -> new Postings()).add(id, e.getValue());
        }
      }
      double average = roundTwoDigits(n == 0 ? 1 : Math.max(1, (double) total / n));

      // metadata blocks first: postings name the blocks their documents are in
      List<String> blockNames = new ArrayList<>();
      byte[][] blockHashes = new byte[(n + BLOCK - 1) / BLOCK][];
      for (int b = 0; b * BLOCK < n; b++) {
        List<Object> rows = new ArrayList<>();
        for (SearchDocument d : sorted.subList(b * BLOCK, Math.min(n, (b + 1) * BLOCK))) {
          rows.add(List.of(d.title(), d.url(), d.date().toString(), d.section(), lede(d.lede())));
        }
        byte[] bytes = Json.write(rows).getBytes(StandardCharsets.UTF_8);
        blockHashes[b] = Arrays.copyOf(sha256(bytes), 3);
        String name = b + "-" + hex(blockHashes[b]);
        blockNames.add(name);
        files.put(folder + "m/" + name + ".json", bytes);
      }

      // postings shards
      List<String> stemList = new ArrayList<>(postings.keySet());
      stemList.sort(null);
      Map<String, String> encoded = new HashMap<>();
      int[] sizes = new int[stemList.size()];
      for (int i = 0; i < stemList.size(); i++) {
        String stem = stemList.get(i);
        String e = postings.get(stem).encode(lengths, average);
        encoded.put(stem, e);
        sizes[i] = e.length() + stem.length() + 6 + postings.get(stem).kept.length * 6; // with its share of the block table
      }
      Map<String, Integer> shardOfStem = new HashMap<>();
      List<String> postingNames = new ArrayList<>();
      // postings shards are small: a query fetches a whole shard per word, and a common stem's
      // postings with their block table are ~16 KB alone; a stem past the bound has its own shard
      List<Integer> starts = Shards.starts(stemList, sizes, 2 * 1024, 6 * 1024, 12 * 1024);
      for (int s = 0; s < starts.size(); s++) {
        int from = starts.get(s);
        int to = s + 1 < starts.size() ? starts.get(s + 1) : stemList.size();
        Map<String, Object> terms = new LinkedHashMap<>();
        java.util.TreeSet<Integer> blocks = new java.util.TreeSet<>();
        for (String stem : stemList.subList(from, to)) {
          terms.put(stem, encoded.get(stem));
          shardOfStem.put(stem, s);
          postings.get(stem).blocks(blocks);
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int previous = -1;
        for (int b : blocks) {
          varint(table, b - previous);
          table.write(blockHashes[b], 0, 3);
          previous = b;
        }
        Map<String, Object> shard = new LinkedHashMap<>();
        shard.put("b", Base64.getEncoder().withoutPadding().encodeToString(table.toByteArray()));
        shard.put("t", terms);
        byte[] bytes = Json.write(shard).getBytes(StandardCharsets.UTF_8);
        String name = hex(Arrays.copyOf(sha256(bytes), 6));
        postingNames.add(name);
        files.put(folder + "p/" + name + ".json", bytes);
      }

      // vocabulary shards: each word as written, its stem, the stem's frequency and postings shard
      List<String> words = new ArrayList<>(surfaces.keySet());
      words.sort(null);
      int[] wordSizes = new int[words.size()];
      for (int i = 0; i < words.size(); i++) {
        String stem = surfaces.get(words.get(i));
        wordSizes[i] = words.get(i).length() + 4 + (stem.equals(words.get(i)) ? stem.length() + 24 : stem.length() / 2);
      }
      List<Object> vocabulary = new ArrayList<>();
      List<Integer> wordStarts = Shards.starts(words, wordSizes);
      for (int s = 0; s < wordStarts.size(); s++) {
        int from = wordStarts.get(s);
        int to = s + 1 < wordStarts.size() ? wordStarts.get(s + 1) : words.size();
        List<String> shardWords = words.subList(from, to);
        List<String> shardStems = shardWords.stream().map(surfaces::get).distinct().sorted().toList();
        List<Integer> shardPostings = shardStems.stream().map(shardOfStem::get).distinct().sorted().toList();
        Map<String, Integer> stemIndex = new HashMap<>();
        List<Object> stemRows = new ArrayList<>();
        for (String stem : shardStems) {
          stemIndex.put(stem, stemRows.size());
          stemRows.add(List.of(stem, shardPostings.indexOf(shardOfStem.get(stem)), postings.get(stem).size));
        }
        List<Object> wordRows = new ArrayList<>();
        for (String word : shardWords) {
          wordRows.add(List.of(word, stemIndex.get(surfaces.get(word))));
        }
        Map<String, Object> shard = new LinkedHashMap<>();
        shard.put("p", shardPostings.stream().map(postingNames::get).toList());
        shard.put("s", stemRows);
        shard.put("w", wordRows);
        byte[] bytes = Json.write(shard).getBytes(StandardCharsets.UTF_8);
        String name = hex(Arrays.copyOf(sha256(bytes), 6));
        files.put(folder + "v/" + name + ".json", bytes);
        vocabulary.add(List.of(s == 0 ? "" : separator(words.get(from - 1), words.get(from)), name));
      }

      // the manifest: what the browser needs before any shard
      List<Object> years = new ArrayList<>();
      List<String> sections = new ArrayList<>();
      for (int id = 0; id < n; id++) {
        int year = sorted.get(id).date().getYear();
        if (id == 0 || sorted.get(id - 1).date().getYear() != year) {
          years.add(List.of(year, id));
        }
        String section = sorted.get(id).section();
        if (!section.isEmpty()) {
          sections.add(section);
        }
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format", FORMAT);
      manifest.put("lang", lang);
      manifest.put("docs", n);
      manifest.put("avgdl", BigDecimal.valueOf(average).stripTrailingZeros());
      manifest.put("k1", BigDecimal.valueOf(K1));
      manifest.put("block", BLOCK);
      manifest.put("years", years);
      manifest.put("sections", sections.stream().distinct().sorted(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
          .thenComparing(Comparator.naturalOrder())).toList());
      manifest.put("vocab", vocabulary);
      files.put(folder + "manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The stem-frequency postings of one stem while the index is made. */
  private static final class Postings {
    int[] ids = new int[4];
    int[] counts = new int[4];
    int size;

    void add(int id, int count) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      ids[size] = id;
      counts[size] = count;
      size++;
    }

    private int[] kept;
    private int[] weights;

    /**
     * Base64 of each kept document as the gap from the previous one (a varint; the first counts
     * from -1) and its weight: BM25's term part scaled to 1..255.
     */
    String encode(int[] lengths, double average) {
      int[] weight = new int[size];
      for (int i = 0; i < size; i++) {
        double tf = counts[i];
        double norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[ids[i]] / average));
        weight[i] = (int) Math.max(1, Math.min(255, Math.round(255 * norm / (K1 + 1))));
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      if (size > TOP) {
        // the highest weights, the newer article first among equals; then back in number order
        Arrays.sort(order, (a, b) -> weight[a] != weight[b] ? Integer.compare(weight[b], weight[a]) : Integer.compare(ids[b], ids[a]));
        order = Arrays.copyOf(order, TOP);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i]));
      }
      kept = new int[order.length];
      weights = new int[order.length];
      ByteArrayOutputStream out = new ByteArrayOutputStream(order.length * 3);
      int previous = -1;
      for (int k = 0; k < order.length; k++) {
        kept[k] = ids[order[k]];
        weights[k] = weight[order[k]];
        varint(out, kept[k] - previous);
        out.write(weights[k]);
        previous = kept[k];
      }
      return Base64.getEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    void blocks(java.util.Collection<Integer> into) {
      for (int id : kept) {
        into.add(id / BLOCK);
      }
    }
  }

  /**
   * The shortest start of {@code next} that sorts after {@code previous}: all the manifest needs to
   * send a word to its shard, since no word of the archive lies between the two.
   */
  static String separator(String previous, String next) {
    for (int i = 1; i < next.length(); i++) {
      String prefix = next.substring(0, Character.isHighSurrogate(next.charAt(i - 1)) ? Math.min(next.length(), i + 1) : i);
      if (prefix.compareTo(previous) > 0) {
        return prefix;
      }
    }
    return next;
  }

  /** The primary language subtag, lower-cased; Java's old {@code in} is {@code id}. */
  static String primary(String lang) {
    String p = lang.strip().toLowerCase(Locale.ROOT);
    int dash = p.indexOf('-');
    p = dash >= 0 ? p.substring(0, dash) : p;
    return p.equals("in") ? "id" : p.isEmpty() ? "und" : p;
  }

  /** A summary cut at a word to at most {@link #LEDE_CHARS} characters, an ellipsis marking a cut. */
  static String lede(String summary) {
    String s = summary.strip().replaceAll("\\s+", " ");
    if (s.length() <= LEDE_CHARS) {
      return s;
    }
    int cut = s.lastIndexOf(' ', LEDE_CHARS - 1);
    if (cut < LEDE_CHARS / 2) {
      cut = LEDE_CHARS - 1;
    }
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }

  private static double roundTwoDigits(double x) {
    return new BigDecimal(x).round(new java.math.MathContext(2, RoundingMode.HALF_EVEN)).doubleValue();
  }

  private static void varint(ByteArrayOutputStream out, int value) {
    while (value >= 0x80) {
      out.write((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return Fingerprint.hex(bytes);
  }
}
