package dev.warta.search;

import dev.warta.internal.Fingerprint;
import dev.warta.internal.Json;
import dev.warta.related.Analysis;
import org.apache.lucene.analysis.CharArrayMap;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
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

  /** The words of one article: each surface form, sorted, with its weighted count. */
  private record Words(String lang, String[] words, int[] counts) {}

  /** Collects the analysed words of every article; see the class comment. */
  public static final class Builder {
    private final Map<String, Words> docs = new ConcurrentHashMap<>();
    /**
     * Per analysis family ({@link Analysis#family}), each word as written to its stem. The key is
     * also the one copy of the word that every article's list holds: an archive keeps its
     * vocabulary once rather than a string per word per article (15 million at 100,000 articles).
     */
    private final Map<String, Map<String, Stemmed>> families = new ConcurrentHashMap<>();

    private Builder() {}

    /**
     * Analyses an article alone and keeps its words, replacing any it had: for an article the
     * related index did not analyse now (see {@link #words}). Thread-safe.
     */
    public void put(String key, String lang, String title, String markdownBody) {
      Analysis.analyse(lang, title, Analysis.plainText(markdownBody), words(key, lang));
    }

    /**
     * A receiver of an article's words from the related index's analysis ({@link
     * dev.warta.related.RelatedIndex.Builder#put(dev.warta.related.RelatedDocument, Analysis.Words)}),
     * so each article is analysed once for both; at its {@link Analysis.Words#end} the article's
     * words replace any it had. Use it for one article, from one thread.
     */
    public Analysis.Words words(String key, String lang) {
      return new Article(key, primary(lang));
    }

    /** One article's words while it is analysed. */
    private final class Article implements Analysis.Words {
      private final String key;
      private final String lang;
      /** Per word as written (lower-cased), its weighted count and, from its first sight, its stem. */
      private final CharArrayMap<Count> counts = new CharArrayMap<>(256, false);
      private char[] lower = new char[32];

      Article(String key, String lang) {
        this.key = key;
        this.lang = lang;
      }

      @Override
      public void word(String text, int start, int end, char[] stem, int stemLength, boolean title) {
        int length = end - start;
        char[] word = lowerCase(text, start, end);
        if (word != lower) {
          length = word.length;
        }
        Count c = counts.get(word, 0, length);
        if (c == null) {
          c = new Count(Arrays.copyOf(stem, stemLength));
          counts.put(Arrays.copyOf(word, length), c);
        }
        c.n += title ? TITLE_WEIGHT : 1;
      }

      /**
       * The word lower-cased as {@link String#toLowerCase(Locale)} with the root locale does it,
       * as the browser's client does: in a reused buffer for the common ASCII word, else in a new
       * array of its own length.
       */
      private char[] lowerCase(String text, int start, int end) {
        if (lower.length < end - start) {
          lower = new char[Math.max(end - start, 2 * lower.length)];
        }
        for (int i = start; i < end; i++) {
          char ch = text.charAt(i);
          if (ch >= 0x80) {
            return text.substring(start, end).toLowerCase(Locale.ROOT).toCharArray();
          }
          lower[i - start] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        return lower;
      }

      @Override
      public void end() {
        Map<String, Stemmed> stems = families.computeIfAbsent(Analysis.family(lang), f -> new ConcurrentHashMap<>());
        String[] words = new String[counts.size()];
        int[] n = new int[words.length];
        int i = 0;
        for (CharArrayMap<Count>.EntryIterator it = counts.entrySet().iterator(); it.hasNext(); i++) {
          char[] chars = it.nextKey();
          Count c = it.currentValue();
          String word = new String(chars);
          Stemmed known = stems.get(word);
          if (known == null) {
            Stemmed made = new Stemmed(word, new String(c.stem));
            known = stems.putIfAbsent(word, made);
            known = known == null ? made : known;
          }
          words[i] = known.word();
          n[i] = c.n;
        }
        // in the map's order: the files add the counts up by stem, in which the order does not matter
        docs.put(key, new Words(lang, words, n));
      }
    }

    /** A word's count in one article, and its stem. */
    private static final class Count {
      final char[] stem;
      int n;

      Count(char[] stem) {
        this.stem = stem;
      }
    }

    /** A word as written and its stem. */
    private record Stemmed(String word, String stem) {}

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

      // postings by stem, documents in number order; surface forms with their stem
      Map<String, Stemmed> stems = families.getOrDefault(Analysis.family(lang), Map.of());
      Map<String, Postings> postings = new HashMap<>();
      Map<String, String> surfaces = new HashMap<>();
      int[] lengths = new int[n];
      long total = 0;
      for (int id = 0; id < n; id++) {
        Words w = docs.get(sorted.get(id).key());
        for (int i = 0; i < w.words().length; i++) {
          String word = w.words()[i];
          String stem = stems.get(word).stem();
          surfaces.putIfAbsent(word, stem);
          postings.computeIfAbsent(stem, x -> new Postings()).add(id, w.counts()[i]);
          lengths[id] += w.counts()[i];
        }
        total += lengths[id];
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
        BitSet blocks = new BitSet();
        for (String stem : stemList.subList(from, to)) {
          terms.put(stem, encoded.get(stem));
          shardOfStem.put(stem, s);
          postings.get(stem).blocks(blocks);
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = blocks.nextSetBit(0); b >= 0; b = blocks.nextSetBit(b + 1)) {
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

    /** Adds a document's count; documents come in number order, and a second word of the same stem adds to the first's. */
    void add(int id, int count) {
      if (size > 0 && ids[size - 1] == id) {
        counts[size - 1] += count;
        return;
      }
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
      // positions in number order; past TOP, the highest weights, the newer article first among
      // equals (weight and number in one long, sorted), then back in number order
      int[] order = new int[Math.min(size, TOP)];
      if (size > TOP) {
        long[] ranked = new long[size];
        for (int i = 0; i < size; i++) {
          ranked[i] = (long) weight[i] << 32 | i; // i grows with the number
        }
        Arrays.sort(ranked);
        for (int k = 0; k < TOP; k++) {
          order[k] = (int) ranked[size - 1 - k];
        }
        Arrays.sort(order);
      } else {
        for (int i = 0; i < size; i++) {
          order[i] = i;
        }
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

    void blocks(BitSet into) {
      for (int id : kept) {
        into.set(id / BLOCK);
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
