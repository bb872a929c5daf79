package dev.warta.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class LatentTest {

  private static final int WORDS_PER_TOPIC = 40;

  /**
   * 600 articles in two topics, each with 8 words of its topic's 40 (columns 0-39 and 40-79), and
   * two more: article 600 with words 0-3, article 601 with words 4-7 (no word in common).
   */
  private static Matrix matrix() {
    Random random = new Random(3);
    int n = 602;
    Counts[] rows = new Counts[n];
    float[] lengths = new float[n];
    for (int r = 0; r < n; r++) {
      int[] ids;
      if (r >= 600) {
        int from = (r - 600) * 4;
        ids = new int[] {from, from + 1, from + 2, from + 3};
      } else {
        int topic = r % 2;
        ids = random.ints(0, WORDS_PER_TOPIC).distinct().limit(8).map(w -> w + topic * WORDS_PER_TOPIC).sorted().toArray();
      }
      float[] counts = new float[ids.length];
      Arrays.fill(counts, 1);
      rows[r] = new Counts(ids, counts);
      lengths[r] = ids.length;
    }
    return Matrix.of(rows, lengths, 2 * WORDS_PER_TOPIC, Matrix.Weighting.BM25_COSINE, 128, n);
  }

  @Test
  void articlesOfOneSubjectComeCloseWithoutAWordInCommon() {
    Matrix m = matrix();
    Latent latent = Latent.of(m, 2 * WORDS_PER_TOPIC, 20, 10_000);
    assertEquals(0, m.similarity(600, 601), "no shared word");
    assertTrue(latent.similarity(600, 601) > 0.5, "same topic: " + latent.similarity(600, 601));
    assertTrue(latent.similarity(600, 1) < 0.2, "other topic: " + latent.similarity(600, 1));
    assertEquals(1, latent.similarity(5, 5), 1e-6);
  }

  @Test
  void theSameMatrixGivesTheSameVectorsWhateverTheThreads() throws Exception {
    Matrix m = matrix();
    Latent many = Latent.of(m, 2 * WORDS_PER_TOPIC, 20, 10_000);
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      Latent single = one.submit(() -> Latent.of(m, 2 * WORDS_PER_TOPIC, 20, 10_000)).get();
      assertNotSame(many, single);
      for (int s = 0; s < 602; s += 37) {
        for (int c = 0; c < 602; c += 41) {
          assertEquals(many.similarity(s, c), single.similarity(s, c), 0, s + "," + c);
        }
      }
    } finally {
      one.shutdown();
    }
  }

  @Test
  void tooFewArticlesForTheDimensionsGiveNoLatentView() {
    assertSame(Latent.NONE, Latent.of(matrix(), 2 * WORDS_PER_TOPIC, 100, 10_000));
  }
}
