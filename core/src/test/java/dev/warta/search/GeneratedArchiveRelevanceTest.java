package dev.warta.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.Warta;
import dev.warta.bench.CorpusGenerator;
import dev.warta.bench.GeneratedArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries with known answers on the benchmark's generated archive, built as a user builds it: the
 * answers come from the articles' text, counted here without the index.
 */
class GeneratedArchiveRelevanceTest {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  @TempDir static Path dir;
  private static List<GeneratedArticle> articles;
  private static Path out;
  /** Per article (by its path), the lower-cased words of its title and body. */
  private static final Map<String, Set<String>> words = new HashMap<>();
  /** Per word, the articles that have it. */
  private static final Map<String, Integer> df = new HashMap<>();

  @BeforeAll
  static void build() {
    articles = new CorpusGenerator().generate(300, 7);
    new CorpusGenerator().writeSite(dir.resolve("site"), articles);
    out = dir.resolve("out");
    Warta.site(dir.resolve("site")).output(out).buildTime(Instant.parse("2030-01-01T00:00:00Z")).build();
    for (GeneratedArticle a : articles) {
      Set<String> own = words(a.title() + " " + a.body());
      words.put(a.relativePath(), own);
      own.forEach(w -> df.merge(w, 1, Integer::sum));
    }
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void aTitlesTwoRarestWordsFindThatArticleFirst() {
    int asked = 0;
    List<String> misses = new ArrayList<>();
    List<String> far = new ArrayList<>();
    for (GeneratedArticle a : articles) {
      // the two rarest words of the title (letters only, three or more), if no other title has both
      // (another article's body may: the title's weight must win)
      List<String> title = new ArrayList<>(words(a.title()).stream().filter(w -> w.length() > 2 && w.chars().allMatch(Character::isLetter)).toList());
      title.sort(java.util.Comparator.comparingInt((String w) -> df.get(w)).thenComparing(w -> w));
      if (title.size() < 2) {
        continue;
      }
      String first = title.get(0);
      String second = title.get(1);
      long both = articles.stream().map(o -> words(o.title())).filter(w -> w.contains(first) && w.contains(second)).count();
      // rare: each in at most one article in twenty (the generated words are a topic's vocabulary)
      if (both != 1 || df.get(second) > articles.size() / 20) {
        continue;
      }
      asked++;
      List<String> found = new StaticSearch(out).search(a.lang(), first + " " + second, 10).stream().map(StaticSearch.Result::title).toList();
      int rank = found.indexOf(a.title());
      if (rank != 0) {
        misses.add(first + " " + second + ": rank " + (rank + 1) + ", first " + (found.isEmpty() ? "nothing" : found.get(0)) + " (wanted " + a.title() + ")");
      }
      if (rank < 0 || rank > 2) {
        far.add(misses.get(misses.size() - 1));
      }
    }
    assertTrue(asked >= 20, "enough titles with a rare pair: " + asked);
    // the generated words are a topic's vocabulary, none truly rare: an article with one of the
    // words twice in its title and the other all through its body may come first, by BM25, but
    // never push the article out of the first three
    assertEquals(List.of(), far, "out of the first three");
    assertTrue(misses.size() * 100 <= 15 * asked, misses.size() + " of " + asked + " not first: " + misses);
  }

  @Test
  void anIndonesianInflectedFormFindsTheArticlesWithTheOtherForms() {
    // "penangkapan" (an arrest) and "tangkap" (in "operasi tangkap tangan") share the stem tangkap
    Set<String> withOther = new HashSet<>();
    Set<String> withQuery = new HashSet<>();
    for (GeneratedArticle a : articles) {
      if (!a.lang().equals("id")) {
        continue;
      }
      Set<String> own = words.get(a.relativePath());
      if (own.contains("tangkap") && !own.contains("penangkapan")) {
        withOther.add(a.title());
      }
      if (own.contains("penangkapan")) {
        withQuery.add(a.title());
      }
    }
    assertTrue(!withOther.isEmpty() && !withQuery.isEmpty(), withOther + " " + withQuery);
    Set<String> found = new HashSet<>(new StaticSearch(out).search("id", "penangkapan", 1000).stream().map(StaticSearch.Result::title).toList());
    assertTrue(found.containsAll(withOther), "articles with only 'tangkap': " + withOther.size() + ", found " + found.size());
    assertTrue(found.containsAll(withQuery));
  }
}
