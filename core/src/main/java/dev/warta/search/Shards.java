package dev.warta.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a sorted list of keyed items is cut into shards. A cut depends on the key that starts a
 * shard, not on how much came before (content-defined chunking): an item added or changed moves
 * the cuts around it only, so the other shards keep their bytes, their names and their place in
 * browsers' caches. A cut falls before an item with a probability proportional to its size, so
 * shards average about {@link #TARGET} bytes, never below {@link #MIN} (but the last) nor above
 * {@link #MAX} (but a single larger item).
 */
final class Shards {
  static final int MIN = 4 * 1024;
  static final int TARGET = 16 * 1024;
  static final int MAX = 32 * 1024;

  private Shards() {}

  /** The index of the first item of every shard, given each item's key and size. */
  static List<Integer> starts(List<String> keys, int[] sizes) {
    return starts(keys, sizes, MIN, TARGET, MAX);
  }

  /** As {@link #starts(List, int[])}, with other bounds: postings shards are smaller (see SearchIndex). */
  static List<Integer> starts(List<String> keys, int[] sizes, int min, int target, int max) {
    List<Integer> starts = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < keys.size(); i++) {
      boolean cut = i == 0
          || size + sizes[i] > max
          || (size >= min && (mix(keys.get(i).hashCode()) & 0xFFFFF) < (long) sizes[i] * 0x100000 / (target - min));
      if (cut) {
        starts.add(i);
        size = 0;
      }
      size += sizes[i];
    }
    return starts;
  }

  /** Spreads String.hashCode's bits (which the language fixes, so cuts are the same on every JVM). */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
