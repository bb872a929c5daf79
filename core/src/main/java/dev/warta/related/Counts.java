package dev.warta.related;

import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/** Sparse counts of one article: ids ascending, with their (possibly boosted) counts. */
record Counts(int[] ids, float[] values) {

  static Counts of(Map<String, float[]> counts, Vocabulary vocabulary) {
    int[] ids = new int[counts.size()];
    float[] values = new float[counts.size()];
    int i = 0;
    for (Map.Entry<String, float[]> e : counts.entrySet()) {
      ids[i] = vocabulary.id(e.getKey());
      values[i] = e.getValue()[0];
      i++;
    }
    return new Counts(ids, values);
  }

  /** Counts kept by term text, as {@link Terms#count} keeps them. */
  static Counts of(CharArrayMap<float[]> counts, Vocabulary vocabulary) {
    int[] ids = new int[counts.size()];
    float[] values = new float[counts.size()];
    int i = 0;
    for (CharArrayMap<float[]>.EntryIterator it = counts.entrySet().iterator(); it.hasNext(); i++) {
      ids[i] = vocabulary.id(it.nextKeyString());
      values[i] = it.currentValue()[0];
    }
    return new Counts(ids, values);
  }

  /** Whether both hold the same ids with the same counts, in the same order. */
  boolean sameAs(Counts o) {
    return Arrays.equals(ids, o.ids) && Arrays.equals(values, o.values);
  }

  /** The same counts under new ids, sorted by them. */
  Counts renumbered(int[] ranks) {
    long[] packed = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      packed[i] = ((long) ranks[ids[i]] << 32) | i;
    }
    Arrays.sort(packed);
    int[] newIds = new int[ids.length];
    float[] newValues = new float[ids.length];
    for (int i = 0; i < packed.length; i++) {
      newIds[i] = (int) (packed[i] >>> 32);
      newValues[i] = values[(int) packed[i]];
    }
    return new Counts(newIds, newValues);
  }
}
