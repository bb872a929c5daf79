package dev.warta.related;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The articles' text vectors seen through a truncated SVD of the term matrix (latent semantic
 * analysis): two articles about one subject in different words come close, where a cosine of
 * shared words sees nothing. Blended with that cosine, it lifts real-text precision.
 *
 * <p><b>How.</b> A randomized range finder (Halko, Martinsson and Tropp, 2011) with one power
 * iteration fits the top singular vectors on at most {@code maxFitRows} articles (every k-th by
 * date, so the fit costs the same past that size), then every article is projected onto them and
 * made unit length. The random matrix comes from a fixed seed and every sum runs in a fixed order,
 * so the vectors are the same whatever the thread count. The cost is linear: the fit is bounded,
 * the projection is {@code dims} multiply-adds per stored term.
 */
final class Latent {

  /** Fixed, so that the same archive always gets the same vectors. */
  private static final long SEED = 0x5741_5254_4131L;

  private static final int OVERSAMPLING = 10;

  /** No latent view: every similarity 0. */
  static final Latent NONE = new Latent(0, new float[0]);

  private final int dims;
  private final float[] vectors;

  private Latent(int dims, float[] vectors) {
    this.dims = dims;
    this.vectors = vectors;
  }

  /** The cosine of two articles' latent vectors, at least 0. */
  double similarity(int s, int c) {
    if (dims == 0) {
      return 0;
    }
    // four running sums, so that each multiply-add need not wait for the one before it; always
    // the same four in the same order, so the result does not vary either
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int a = s * dims;
    int b = c * dims;
    int i = 0;
    for (; i + 3 < dims; i += 4) {
      s0 += (double) vectors[a + i] * vectors[b + i];
      s1 += (double) vectors[a + i + 1] * vectors[b + i + 1];
      s2 += (double) vectors[a + i + 2] * vectors[b + i + 2];
      s3 += (double) vectors[a + i + 3] * vectors[b + i + 3];
    }
    for (; i < dims; i++) {
      s0 += (double) vectors[a + i] * vectors[b + i];
    }
    return Math.max(0, Math.min(1, (s0 + s1) + (s2 + s3)));
  }

  /**
   * Fits {@code dims} latent dimensions on the rows of {@code m} (unit rows, columns ascending).
   * Too few rows or columns for that many dimensions give {@link #NONE}.
   */
  static Latent of(Matrix m, int columns, int dims, int maxFitRows) {
    int n = m.rowStart.length - 1;
    int l = dims + OVERSAMPLING;
    int step = Math.max(1, (n + maxFitRows - 1) / maxFitRows);
    int[] fit = IntStream.iterate(0, r -> r < n, r -> r + step).filter(r -> !m.isEmpty(r)).toArray();
    // the columns of the fitted articles that link two articles (the rest only add noise), renumbered
    // densely: memory then grows with the fitted articles' vocabulary, not the archive's
    boolean[] fitted = new boolean[columns];
    for (int r : fit) {
      for (int p = m.rowStart[r]; p < m.rowStart[r + 1]; p++) {
        int c = m.col[p];
        fitted[c] = m.postStart[c + 1] - m.postStart[c] >= 2;
      }
    }
    int[] dense = new int[columns];
    int used = 0;
    for (int c = 0; c < columns; c++) {
      dense[c] = fitted[c] ? used++ : -1;
    }
    if (dims <= 0 || fit.length < 2 * l || used < 2 * l) {
      return NONE;
    }
    double[] omega = new double[used * l];
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < omega.length; i++) {
      omega[i] = random.nextDouble() * 2 - 1;
    }
    double[] q = orthonormal(times(m, fit, dense, omega, l), fit.length, l);
    double[] z0 = transposeTimes(m, fit, dense, q, used, l);
    q = orthonormal(times(m, fit, dense, z0, l), fit.length, l); // one power iteration
    double[] z = transposeTimes(m, fit, dense, q, used, l);
    // B = Q^T X has B B^T = Z^T Z; its eigenvectors W and values s^2 give the right singular
    // vectors V = Z W / s, onto which every article is projected
    // Z^T Z = Q^T (X Z): l x l sums over the fit rows rather than over every column
    double[] xz = times(m, fit, dense, z, l);
    double[] gram = new double[l * l];
    for (int r = 0; r < fit.length; r++) {
      for (int i = 0; i < l; i++) {
        double qi = q[r * l + i];
        for (int j = 0; j < l; j++) {
          gram[i * l + j] += qi * xz[r * l + j];
        }
      }
    }
    for (int i = 0; i < l; i++) {
      for (int j = i + 1; j < l; j++) {
        double mean = (gram[i * l + j] + gram[j * l + i]) / 2;
        gram[i * l + j] = mean;
        gram[j * l + i] = mean;
      }
    }
    double[] w = new double[l * l];
    double[] eigen = Jacobi.eigen(gram, w, l);
    int k = dims;
    int[] order = Jacobi.descending(eigen);
    double[] basis = new double[used * k];
    // each column's numbers apart from the others', so in parallel: the same whatever the threads
    IntStream.range(0, used).parallel().forEach(c -> {
      for (int d = 0; d < k; d++) {
        int e = order[d];
        double sigma = Math.sqrt(Math.max(eigen[e], 0));
        if (sigma > 1e-12) {
          double sum = 0;
          for (int i = 0; i < l; i++) {
            sum += z[c * l + i] * w[i * l + e];
          }
          basis[c * k + d] = sum / sigma;
        }
      }
    });
    float[] vectors = new float[n * k];
    IntStream.range(0, n).parallel().forEach(r -> {
      double[] v = new double[k];
      for (int p = m.rowStart[r]; p < m.rowStart[r + 1]; p++) {
        int c = dense[m.col[p]];
        if (c >= 0) {
          for (int d = 0; d < k; d++) {
            v[d] += m.val[p] * basis[c * k + d];
          }
        }
      }
      double norm = 0;
      for (double x : v) {
        norm += x * x;
      }
      if (norm > 0) {
        double scale = 1 / Math.sqrt(norm);
        for (int d = 0; d < k; d++) {
          vectors[r * k + d] = (float) (v[d] * scale);
        }
      }
    });
    return new Latent(k, vectors);
  }

  /** {@code X[fit] * b} for a {@code used x l} matrix b: rows in parallel, each in a fixed order. */
  private static double[] times(Matrix m, int[] fit, int[] dense, double[] b, int l) {
    double[] y = new double[fit.length * l];
    IntStream.range(0, fit.length).parallel().forEach(i -> {
      int r = fit[i];
      for (int p = m.rowStart[r]; p < m.rowStart[r + 1]; p++) {
        int c = dense[m.col[p]];
        if (c >= 0) {
          double v = m.val[p];
          for (int j = 0; j < l; j++) {
            y[i * l + j] += v * b[c * l + j];
          }
        }
      }
    });
    return y;
  }

  /**
   * {@code X[fit]^T * q}: each of a few blocks of q's columns in parallel, each block one pass over
   * the rows in order, so every sum runs in the same order whatever the thread count.
   */
  private static double[] transposeTimes(Matrix m, int[] fit, int[] dense, double[] q, int used, int l) {
    double[] z = new double[used * l];
    int blocks = 8;
    IntStream.range(0, blocks).parallel().forEach(block -> {
      int from = block * l / blocks;
      int to = (block + 1) * l / blocks;
      for (int i = 0; i < fit.length; i++) {
        int r = fit[i];
        for (int p = m.rowStart[r]; p < m.rowStart[r + 1]; p++) {
          int c = dense[m.col[p]];
          if (c >= 0) {
            double v = m.val[p];
            for (int j = from; j < to; j++) {
              z[c * l + j] += v * q[i * l + j];
            }
          }
        }
      }
    });
    return z;
  }

  /**
   * The columns of the {@code rows x l} matrix y made orthonormal in place (modified Gram-Schmidt,
   * twice for accuracy); a column that depends on the earlier ones becomes 0. The work runs on a
   * column-major copy, so each dot product reads memory in sequence; the sums are the same, in the
   * same order, as on y itself.
   */
  private static double[] orthonormal(double[] y, int rows, int l) {
    double[] cols = new double[y.length];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < l; j++) {
        cols[j * rows + r] = y[r * l + j];
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < l; j++) {
        int cj = j * rows;
        for (int i = 0; i < j; i++) {
          int ci = i * rows;
          double dot = 0;
          for (int r = 0; r < rows; r++) {
            dot += cols[ci + r] * cols[cj + r];
          }
          for (int r = 0; r < rows; r++) {
            cols[cj + r] -= dot * cols[ci + r];
          }
        }
        double norm = 0;
        for (int r = 0; r < rows; r++) {
          norm += cols[cj + r] * cols[cj + r];
        }
        double scale = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
        for (int r = 0; r < rows; r++) {
          cols[cj + r] *= scale;
        }
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < l; j++) {
        y[r * l + j] = cols[j * rows + r];
      }
    }
    return y;
  }

  /** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. */
  static final class Jacobi {
    private Jacobi() {}

    /**
     * The eigenvalues of the symmetric {@code l x l} matrix a (destroyed), with the eigenvectors
     * as the columns of {@code vectors}.
     */
    static double[] eigen(double[] a, double[] vectors, int l) {
      for (int i = 0; i < l; i++) {
        vectors[i * l + i] = 1;
      }
      for (int sweep = 0; sweep < 50; sweep++) {
        double off = 0;
        for (int i = 0; i < l; i++) {
          for (int j = i + 1; j < l; j++) {
            off += a[i * l + j] * a[i * l + j];
          }
        }
        if (off < 1e-22) {
          break;
        }
        for (int p = 0; p < l; p++) {
          for (int q = p + 1; q < l; q++) {
            double apq = a[p * l + q];
            if (Math.abs(apq) < 1e-300) {
              continue;
            }
            double theta = (a[q * l + q] - a[p * l + p]) / (2 * apq);
            double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
            if (theta == 0) {
              t = 1;
            }
            double c = 1 / Math.sqrt(t * t + 1);
            double s = t * c;
            for (int k = 0; k < l; k++) {
              double akp = a[k * l + p];
              double akq = a[k * l + q];
              a[k * l + p] = c * akp - s * akq;
              a[k * l + q] = s * akp + c * akq;
            }
            for (int k = 0; k < l; k++) {
              double apk = a[p * l + k];
              double aqk = a[q * l + k];
              a[p * l + k] = c * apk - s * aqk;
              a[q * l + k] = s * apk + c * aqk;
            }
            for (int k = 0; k < l; k++) {
              double vkp = vectors[k * l + p];
              double vkq = vectors[k * l + q];
              vectors[k * l + p] = c * vkp - s * vkq;
              vectors[k * l + q] = s * vkp + c * vkq;
            }
          }
        }
      }
      double[] values = new double[l];
      for (int i = 0; i < l; i++) {
        values[i] = a[i * l + i];
      }
      return values;
    }

    /** The indexes of the values, largest first (ties by index). */
    static int[] descending(double[] values) {
      return IntStream.range(0, values.length).boxed()
          .sorted((x, y) -> values[y] != values[x] ? Double.compare(values[y], values[x]) : Integer.compare(x, y))
          .mapToInt(Integer::intValue).toArray();
    }
  }
}
