package dev.warta.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatrixTest {

  /** Rows of 1 to 300 distinct columns out of 2,000, with counts 1 to 5. */
  private static Matrix matrix(Matrix.Weighting weighting) {
    SplittableRandom random = new SplittableRandom(7);
    int n = 200;
    Counts[] rows = new Counts[n];
    float[] lengths = new float[n];
    for (int r = 0; r < n; r++) {
      int[] ids = random.ints(0, 2000).distinct().limit(1 + random.nextInt(300)).sorted().toArray();
      float[] counts = new float[ids.length];
      for (int i = 0; i < ids.length; i++) {
        counts[i] = 1 + random.nextInt(5);
        lengths[r] += counts[i];
      }
      rows[r] = new Counts(ids, counts);
    }
    return Matrix.of(rows, lengths, 2000, weighting, 200, n);
  }

  @Test
  void aHeldRowGivesExactlyTheSimilarityOfTheMergedRows() {
    for (Matrix.Weighting weighting : Matrix.Weighting.values()) {
      Matrix m = matrix(weighting);
      Matrix.Row held = m.new Row();
      int shared = 0;
      for (int s = 0; s < 200; s++) {
        held.load(s);
        for (int c = 0; c < 200; c++) {
          double merged = m.similarity(s, c);
          assertEquals(merged, held.similarity(c), 0, weighting + " " + s + "," + c);
          shared += merged > 0 ? 1 : 0;
        }
      }
      assertTrue(shared > 10_000, weighting + ": most pairs share a column, " + shared);
    }
  }
}
