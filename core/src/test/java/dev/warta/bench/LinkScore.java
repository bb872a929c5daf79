package dev.warta.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict precision@k of related lists on a labelled corpus: links to an article of the same topic
 * over {@code k * articles}, so that a missing link counts as a miss, as {@code
 * ../shared/corpus/README.md} defines it.
 *
 * @param k links scored per article
 * @param articles articles scored
 * @param hits links (among each article's first k) to an article of its topic
 * @param full articles with all k links
 * @param byTopic the same counts per topic of the source article
 */
public record LinkScore(int k, int articles, long hits, int full, Map<String, LinkScore> byTopic) {

  /** Scores the first {@code k} links of every article (by slug; a missing list is empty). */
  public static LinkScore of(LabelledCorpus corpus, Map<String, List<String>> links, int k) {
    Map<String, String> label = new java.util.HashMap<>();
    corpus.articles().forEach(a -> label.put(a.slug(), a.label()));
    Map<String, long[]> topics = new TreeMap<>();
    for (LabelledCorpus.Article a : corpus.articles()) {
      List<String> list = links.getOrDefault(a.slug(), List.of());
      list = list.subList(0, Math.min(k, list.size()));
      long hit = list.stream().filter(slug -> a.label().equals(label.get(slug))).count();
      long[] t = topics.computeIfAbsent(a.label(), x -> new long[3]);
      t[0]++;
      t[1] += hit;
      t[2] += list.size() == k ? 1 : 0;
    }
    Map<String, LinkScore> byTopic = new TreeMap<>();
    long articles = 0;
    long hits = 0;
    long full = 0;
    for (Map.Entry<String, long[]> e : topics.entrySet()) {
      long[] t = e.getValue();
      byTopic.put(e.getKey(), new LinkScore(k, (int) t[0], t[1], (int) t[2], Map.of()));
      articles += t[0];
      hits += t[1];
      full += t[2];
    }
    return new LinkScore(k, (int) articles, hits, (int) full, byTopic);
  }

  /** Copies the per-topic scores, by topic ascending. */
  public LinkScore {
    byTopic = java.util.Collections.unmodifiableMap(new TreeMap<>(byTopic));
  }

  /** Same-topic links over {@code k * articles}. */
  public double precision() {
    return articles == 0 ? 0 : (double) hits / ((double) k * articles);
  }

  /** The share of articles that got all k links. */
  public double fullShare() {
    return articles == 0 ? 0 : (double) full / articles;
  }
}
