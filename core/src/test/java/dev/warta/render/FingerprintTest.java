package dev.warta.render;

import dev.warta.internal.Fingerprint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static byte[] page(String url, Map<String, Object> shared) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "Banjir rob");
    model.put("summary", shared);
    return new Fingerprint().add("article.ftlh").add(url).add(model).finish();
  }

  @Test
  void aSharedPartHashedMidwayLeavesThePageFingerprintAsIfItWereKnown() {
    byte[] first = page("/a/", new Shared<>(Map.of("title", "Rob", "url", "/rob/")));
    Shared<Object> known = new Shared<>(Map.of("title", "Rob", "url", "/rob/"));
    known.fingerprint();
    assertArrayEquals(first, page("/a/", known));
    assertFalse(Arrays.equals(first, page("/b/", new Shared<>(Map.of("title", "Rob", "url", "/rob/")))), "the URL counts");
  }

  @Test
  void mapsAreHashedInKeyOrderAndValuesByTypeAndLength() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", "x");
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", "x");
    ba.put("a", 1);
    assertArrayEquals(new Fingerprint().add(ab).finish(), new Fingerprint().add(ba).finish());
    assertFalse(Arrays.equals(new Fingerprint().add(List.of("ab", "c")).finish(), new Fingerprint().add(List.of("a", "bc")).finish()));
    assertFalse(Arrays.equals(new Fingerprint().add(1).finish(), new Fingerprint().add("1").finish()));
  }

  @Test
  void everyByteCountsWhereverItIsInALongValue() {
    byte[] bytes = new byte[20_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    byte[] base = new Fingerprint().add(bytes).finish();
    assertArrayEquals(base, new Fingerprint().add(bytes.clone()).finish());
    java.util.Set<String> seen = new java.util.HashSet<>();
    seen.add(Fingerprint.hex(base));
    // a bit flipped in the first block, across the buffer's end, and in the last partial block
    for (int at : new int[] {0, 7, 8191, 8192, 8200, 19_999}) {
      byte[] changed = bytes.clone();
      changed[at] ^= 1;
      assertTrue(seen.add(Fingerprint.hex(new Fingerprint().add(changed).finish())), "byte " + at);
    }
    // a trailing zero is not the padding of the last block
    assertTrue(seen.add(Fingerprint.hex(new Fingerprint().add(java.util.Arrays.copyOf(bytes, bytes.length + 1)).finish())));
    assertTrue(seen.add(Fingerprint.hex(new Fingerprint().finish())));
    assertTrue(seen.add(Fingerprint.hex(new Fingerprint().add("").finish())));
  }
}
