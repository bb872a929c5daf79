package dev.warta.related;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Weighted article vectors (rows, columns ascending) and their postings (columns to rows, rows
 * ascending), both as flat primitive arrays: a 100,000-article archive has millions of entries,
 * and boxed maps would cost ten times the memory.
 */
final class Matrix {

  /** How counts become weights. */
  enum Weighting {
    /** (1 + ln tf) * ln(1 + N / df), unit length. */
    LOG_TF_IDF,
    /** ln(1 + N / df) for any count, unit length: for tags, present or not. */
    IDF,
    /** BM25 term weights, raw; a row is compared as a query scaled by its self-score. */
    BM25,
    /** BM25 term weights (saturated, length-normalised tf times idf), unit length: a cosine. */
    BM25_COSINE
  }

  private static final float K1 = 1.2f;
  private static final float B = 0.75f;

  final int[] rowStart;
  final int[] col;
  final float[] val;
  /** Per row, its positions ordered by weight descending, then column ascending. */
  final int[] byWeight;
  /** Per row, the factor that makes its similarity to itself 1. */
  final float[] scale;
  private final boolean binaryQuery;
  final int[] postStart;
  final int[] postDoc;
  final float[] postValue;
  /** Per row position, where that row is in its column's postings: a query's own place, found without a search. */
  final int[] postOf;

  private Matrix(
      int[] rowStart, int[] col, float[] val, int[] byWeight, float[] scale, boolean binaryQuery,
      int columns) {
    this.rowStart = rowStart;
    this.col = col;
    this.val = val;
    this.byWeight = byWeight;
    this.scale = scale;
    this.binaryQuery = binaryQuery;
    this.postStart = new int[columns + 1];
    for (int c : col) {
      postStart[c + 1]++;
    }
    for (int c = 0; c < columns; c++) {
      postStart[c + 1] += postStart[c];
    }
    this.postDoc = new int[col.length];
    this.postValue = new float[col.length];
    this.postOf = new int[col.length];
    int[] fill = new int[columns];
    for (int row = 0; row + 1 < rowStart.length; row++) {
      for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
        int at = postStart[col[p]] + fill[col[p]]++;
        postDoc[at] = row;
        postValue[at] = val[p];
        postOf[p] = at;
      }
    }
  }

  /**
   * Weighs the rows, drops columns found in more than {@code maxDf} rows and keeps each row's
   * {@code maxPerRow} heaviest columns.
   */
  static Matrix of(
      Counts[] rows, float[] lengths, int columns, Weighting weighting, int maxPerRow, int maxDf) {
    int n = rows.length;
    int[] df = new int[columns];
    double lengthSum = 0;
    for (int r = 0; r < n; r++) {
      for (int c : rows[r].ids()) {
        df[c]++;
      }
      lengthSum += lengths[r];
    }
    double avgLength = n == 0 ? 1 : Math.max(1e-9, lengthSum / n);
    float[] idf = new float[columns];
    for (int c = 0; c < columns; c++) {
      if (df[c] > 0 && df[c] <= maxDf) {
        idf[c] =
            (float)
                (weighting == Weighting.BM25 || weighting == Weighting.BM25_COSINE
                    ? Math.log(1 + (n - df[c] + 0.5) / (df[c] + 0.5))
                    : Math.log(1 + (double) n / df[c]));
      }
    }
    int[][] rowCols = new int[n][];
    float[][] rowVals = new float[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            r -> {
              Counts counts = rows[r];
              int k = 0;
              int[] ids = new int[counts.ids().length];
              float[] w = new float[ids.length];
              for (int i = 0; i < ids.length; i++) {
                int c = counts.ids()[i];
                if (idf[c] > 0) {
                  ids[k] = c;
                  w[k] = weight(weighting, counts.values()[i], idf[c], lengths[r], avgLength);
                  k++;
                }
              }
              int keep = Math.min(k, maxPerRow);
              int[] order = heaviestFirst(w, k);
              int[] kept = new int[keep];
              System.arraycopy(order, 0, kept, 0, keep);
              Arrays.sort(kept); // positions ascend with the column ids
              rowCols[r] = new int[keep];
              rowVals[r] = new float[keep];
              for (int i = 0; i < keep; i++) {
                rowCols[r][i] = ids[kept[i]];
                rowVals[r][i] = w[kept[i]];
              }
            });
    int[] rowStart = new int[n + 1];
    for (int r = 0; r < n; r++) {
      rowStart[r + 1] = rowStart[r] + rowCols[r].length;
    }
    int[] col = new int[rowStart[n]];
    float[] val = new float[rowStart[n]];
    int[] byWeight = new int[rowStart[n]];
    float[] scale = new float[n];
    // each row into its own range, so in parallel: the same arrays whatever the threads
    IntStream.range(0, n).parallel().forEach(r -> {
      int start = rowStart[r];
      System.arraycopy(rowCols[r], 0, col, start, rowCols[r].length);
      double norm = 0;
      for (float v : rowVals[r]) {
        norm += weighting == Weighting.BM25 ? v : (double) v * v;
      }
      float factor = weighting == Weighting.BM25 || norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < rowVals[r].length; i++) {
        val[start + i] = rowVals[r][i] * factor;
      }
      scale[r] = weighting == Weighting.BM25 && norm > 0 ? (float) (1 / norm) : 1f;
      int[] order = heaviestFirst(rowVals[r], rowVals[r].length);
      for (int i = 0; i < order.length; i++) {
        byWeight[start + i] = start + order[i];
      }
      rowCols[r] = null;
      rowVals[r] = null;
    });
    return new Matrix(rowStart, col, val, byWeight, scale, weighting == Weighting.BM25, columns);
  }

  private static float weight(
      Weighting weighting, float tf, float idf, float length, double avgLength) {
    return switch (weighting) {
      case LOG_TF_IDF -> (float) ((1 + Math.log(Math.max(1, tf))) * idf);
      case IDF -> idf;
      case BM25, BM25_COSINE ->
          (float) (idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength)));
    };
  }

  /**
   * Indexes 0..k-1 ordered by weight descending, then index ascending; callers keep columns in
   * ascending order, so ties fall to the smaller column: a total order.
   */
  private static int[] heaviestFirst(float[] w, int k) {
    long[] packed = new long[k];
    for (int i = 0; i < k; i++) {
      // weights are positive, so their bits order like the floats; subtract for descending
      long weightBits = Integer.MAX_VALUE - Float.floatToIntBits(w[i]);
      packed[i] = (weightBits << 32) | i;
    }
    Arrays.sort(packed);
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[i] = (int) packed[i];
    }
    return order;
  }

  boolean isEmpty(int row) {
    return rowStart[row] == rowStart[row + 1];
  }

  int rowLength(int row) {
    return rowStart[row + 1] - rowStart[row];
  }

  float queryWeight(int position) {
    return binaryQuery ? 1f : val[position];
  }

  /** The similarity of row {@code c} to row {@code s} over all stored columns, at most 1. */
  double similarity(int s, int c) {
    int i = rowStart[s];
    int iEnd = rowStart[s + 1];
    int j = rowStart[c];
    int jEnd = rowStart[c + 1];
    double sum = 0;
    while (i < iEnd && j < jEnd) {
      int a = col[i];
      int b = col[j];
      if (a == b) {
        sum += queryWeight(i) * val[j];
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1, sum * scale[s]);
  }
  /**
   * One row spread over an array indexed by column, to compare it with many others: each of the
   * other row's columns is one load, without a branch, where walking both sorted rows side by side
   * or probing a hash table costs a mispredicted branch at each shared column. A column the row
   * lacks reads 0 and adds +0.0, which changes no sum of products of positive weights, and the sum
   * runs over the other row's columns in ascending order, as {@link #similarity} does: the result
   * is the same, bit for bit.
   */
  final class Row {
    private final float[] weights = new float[postStart.length - 1];
    private int row = -1;

    /** Holds row {@code s}. */
    Row load(int s) {
      if (row >= 0) {
        for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
          weights[col[p]] = 0;
        }
      }
      row = s;
      for (int p = rowStart[s]; p < rowStart[s + 1]; p++) {
        weights[col[p]] = queryWeight(p);
      }
      return this;
    }

    /** {@link Matrix#similarity}{@code (s, c)} for the row {@code s} held. */
    double similarity(int c) {
      double sum = 0;
      for (int j = rowStart[c], end = rowStart[c + 1]; j < end; j++) {
        sum += weights[col[j]] * val[j];
      }
      return Math.min(1, sum * scale[row]);
    }
  }
}
