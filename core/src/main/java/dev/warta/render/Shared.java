package dev.warta.render;

import dev.warta.internal.Fingerprint;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A map of the data model that every page of a language shares (its labels), read-only, which
 * remembers its own fingerprint: hashing a hundred labels again for every page would cost more than
 * the rest of the page's fingerprint.
 */
final class Shared<V> extends AbstractMap<String, V> implements Fingerprint.Part {
  private final Map<String, V> map;
  private volatile byte[] fingerprint;

  Shared(Map<String, V> map) {
    this.map = java.util.Collections.unmodifiableMap(map);
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return map.entrySet();
  }

  @Override
  public V get(Object key) {
    return map.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  /** The fingerprint of the map's content; computed once (two threads may both compute it, alike). */
  @Override
  public byte[] fingerprint() {
    byte[] f = fingerprint;
    if (f == null) {
      f = new Fingerprint().add(map).finish();
      fingerprint = f;
    }
    return f;
  }
}
