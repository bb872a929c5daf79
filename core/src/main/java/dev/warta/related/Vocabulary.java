package dev.warta.related;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interns strings to dense ids while documents are added from several threads. The ids depend on
 * the order of arrival, so {@link #ranks()} renumbers them by the strings' natural order before
 * anything that could reach a result (a tie-break, an order of summation) uses them.
 */
final class Vocabulary {

  private final Map<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  int id(String s) {
    Integer id = ids.get(s);
    return id != null ? id : ids.computeIfAbsent(s, k -> next.getAndIncrement());
  }

  /** The strings by id: each id handed out so far indexes its string. */
  String[] strings() {
    String[] strings = new String[next.get()];
    ids.forEach((s, id) -> strings[id] = s);
    return strings;
  }

  /** For each id handed out so far, the rank of its string in sorted order. */
  int[] ranks() {
    String[] strings = strings();
    Integer[] byString = new Integer[strings.length];
    for (int id = 0; id < strings.length; id++) {
      byString[id] = id;
    }
    // the strings are distinct, so the order is total and a parallel sort gives the one answer
    java.util.Arrays.parallelSort(byString, (a, b) -> strings[a].compareTo(strings[b]));
    int[] ranks = new int[strings.length];
    for (int rank = 0; rank < byString.length; rank++) {
      ranks[byString[rank]] = rank;
    }
    return ranks;
  }
}
