package dev.warta.search;

import dev.warta.related.Analysis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * A query run on a built site's search files the way the browser's client runs it (same files,
 * same order of fetches, same scoring), for tests and the benchmark: it records every file fetched,
 * its gzip size and the round trip it belongs to.
 */
public final class StaticSearch {
  /** One result: the metadata a page shows, and how many query words it has. */
  public record Result(String title, String url, String date, String section, String lede, int words, double score) {}

  /** One file fetched: its URL, bytes raw and gzipped, and its round trip (from 1). */
  public record Fetch(String url, int raw, int gzip, int trip) {}

  private final Path site;
  private final List<Fetch> fetches = new ArrayList<>();
  private final Set<String> fetched = new LinkedHashSet<>();

  /** A reader of the site in {@code site}, with an empty cache. */
  public StaticSearch(Path site) {
    this.site = site;
  }

  /** Every file fetched so far. */
  public List<Fetch> fetches() {
    return List.copyOf(fetches);
  }

  /** The results of {@code query} in language {@code lang}, best first, at most {@code count}. */
  public List<Result> search(String lang, String query, int count) {
    String folder = "search/" + lang + "/";
    Map<String, Object> manifest = object(fetch(folder + "manifest.json", 1));
    int n = ((Number) manifest.get("docs")).intValue();
    double avgK1 = ((Number) manifest.get("k1")).doubleValue();
    int block = ((Number) manifest.get("block")).intValue();
    List<String> words = new ArrayList<>();
    Analysis.words(query, w -> {
      if (!words.contains(w)) {
        words.add(w);
      }
    });
    List<List<Object>> vocab = list(manifest.get("vocab"));
    // round trip 2: the vocabulary shard of each word; a word no article has stands for the words
    // it begins (five for the last, two for the others, most frequent first), else for the longest
    // word it begins with of half its length or more, all from its own shard
    Map<String, Object[]> stems = new LinkedHashMap<>(); // stem -> {postings shard, df, slots}
    for (int slot = 0; slot < words.size(); slot++) {
      String w = words.get(slot);
      String shard = null;
      for (List<Object> v : vocab) {
        if (((String) v.get(0)).compareTo(w) <= 0) {
          shard = (String) v.get(1);
        }
      }
      if (shard == null) {
        continue;
      }
      Map<String, Object> v = object(fetch(folder + "v/" + shard + ".json", 2));
      List<List<Object>> exact = new ArrayList<>();
      List<List<Object>> longer = new ArrayList<>();
      List<Object> shorter = null;
      for (List<Object> row : this.<Object>list(v.get("w"))) {
        String known = (String) row.get(0);
        List<Object> stem = list(v.get("s")).get(((Number) row.get(1)).intValue());
        if (known.equals(w)) {
          exact.add(stem);
        } else if (w.length() > 2 && known.startsWith(w)) {
          longer.add(stem);
        } else if (2 * known.length() >= w.length() && w.startsWith(known)
            && (shorter == null || known.length() > ((String) shorter.get(3)).length())) {
          shorter = new ArrayList<>(stem);
          shorter.add(known);
        }
      }
      List<List<Object>> found = exact;
      if (found.isEmpty()) {
        longer.sort(Comparator.comparingInt(stem -> -((Number) stem.get(2)).intValue()));
        found = longer.subList(0, Math.min(longer.size(), slot == words.size() - 1 ? 5 : 2));
      }
      if (found.isEmpty() && shorter != null) {
        found = List.of(shorter);
      }
      for (List<Object> stem : found) {
        String postings = (String) ((List<?>) v.get("p")).get(((Number) stem.get(1)).intValue());
        Object[] entry = stems.computeIfAbsent((String) stem.get(0), k -> new Object[] {postings, String.valueOf(stem.get(2)), new java.util.TreeSet<Integer>()});
        @SuppressWarnings("unchecked")
        Set<Integer> slots = (Set<Integer>) entry[2];
        slots.add(slot);
      }
    }
    // round trip 3: postings
    Map<Integer, double[]> scores = new HashMap<>(); // id -> {score}
    Map<Integer, Set<Integer>> slotsOf = new HashMap<>(); // id -> the query words it has
    Map<Integer, String> blockHash = new HashMap<>();
    for (Map.Entry<String, Object[]> e : stems.entrySet()) {
      Map<String, Object> p = object(fetch(folder + "p/" + e.getValue()[0] + ".json", 3));
      byte[] table = Base64.getDecoder().decode((String) p.get("b"));
      int[] pos = {0};
      int b = -1;
      while (pos[0] < table.length) {
        b += varint(table, pos);
        blockHash.put(b, String.format("%02x%02x%02x", table[pos[0]] & 255, table[pos[0] + 1] & 255, table[pos[0] + 2] & 255));
        pos[0] += 3;
      }
      int df = Integer.parseInt((String) e.getValue()[1]);
      double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      @SuppressWarnings("unchecked")
      Set<Integer> slots = (Set<Integer>) e.getValue()[2];
      byte[] postings = Base64.getDecoder().decode((String) this.<Object>object(p.get("t")).get(e.getKey()));
      int[] at = {0};
      int id = -1;
      while (at[0] < postings.length) {
        id += varint(postings, at);
        int weight = postings[at[0]++] & 255;
        double[] s = scores.computeIfAbsent(id, k -> new double[2]);
        s[0] += idf * weight / 255.0 * (avgK1 + 1);
        Set<Integer> has = slotsOf.computeIfAbsent(id, k -> new java.util.TreeSet<>());
        has.addAll(slots);
        s[1] = has.size();
      }
    }
    List<Integer> ids = new ArrayList<>(scores.keySet());
    ids.sort(Comparator.<Integer>comparingDouble(i -> -scores.get(i)[1])
        .thenComparingDouble(i -> -(scores.get(i)[0] + 0.5 * (i + 1) / n)).thenComparing(i -> -i));
    List<Result> results = new ArrayList<>();
    // round trip 4: metadata blocks
    for (int id : ids.subList(0, Math.min(count, ids.size()))) {
      int b = id / block;
      List<List<Object>> rows = list(array(fetch(folder + "m/" + b + "-" + blockHash.get(b) + ".json", 4)));
      List<Object> r = rows.get(id % block);
      results.add(new Result((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3), (String) r.get(4),
          (int) scores.get(id)[1], scores.get(id)[0]));
    }
    return results;
  }

  private static int varint(byte[] bytes, int[] at) {
    int value = 0;
    int shift = 0;
    while (true) {
      int b = bytes[at[0]++] & 255;
      value |= (b & 0x7F) << shift;
      if (b < 0x80) {
        return value;
      }
      shift += 7;
    }
  }

  private String fetch(String path, int trip) {
    try {
      byte[] bytes = Files.readAllBytes(site.resolve(path));
      if (fetched.add(path)) {
        fetches.add(new Fetch(path, bytes.length, gzip(bytes), trip));
      }
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The size of {@code bytes} gzipped at the default level, as a web server sends them. */
  public static int gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Map<String, T> object(Object json) {
    return (Map<String, T>) (json instanceof String s ? parse(s) : json);
  }

  private Object array(String json) {
    return parse(json);
  }

  @SuppressWarnings("unchecked")
  private <T> List<List<T>> list(Object json) {
    return (List<List<T>>) json;
  }
}
