package dev.warta.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A 128-bit hash of data-model values, in an encoding where each value is tagged with its type
 * and length, so that no two different models give the same bytes to hash ("ab","c" is not
 * "a","bc"). Maps are hashed in key order whatever their iteration order, since {@code Map.of}
 * iterates differently in each JVM and a fingerprint must not change from one build to the next.
 *
 * <p>The hash is not cryptographic: a fingerprint only tells whether a page's inputs changed since
 * the last build, which nobody forges, and a chance collision of 128 bits is out of reach. It
 * reads the bytes eight at a time into two 64-bit lanes, each word scrambled by multiplying with
 * an odd constant and rotating, each lane feeding the other, and ends with a finaliser that makes
 * every output bit depend on every input bit. SHA-256 was several per cent of a cold build's CPU;
 * this hash takes a sixth of that for page models with the JIT's first tier alone (which has no
 * SHA intrinsic), half with the full compiler, and far less for long byte arrays.
 */
public final class Fingerprint {
  /** The length of a fingerprint in bytes. */
  public static final int BYTES = 16;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M1 = 0x87c37b91114253d5L;
  private static final long M2 = 0x4cf5ad432745937fL;

  /**
   * A value that knows its own fingerprint, hashed once and then added by it: a part of many
   * pages' models, say.
   */
  public interface Part {
    /** The fingerprint of this value's content. */
    byte[] fingerprint();
  }

  /** Bytes not hashed yet; a multiple of 16 long, so that whole blocks are hashed from it. */
  private final byte[] buffer = new byte[8192];
  private int used;
  private long h1 = 0x243f6a8885a308d3L;
  private long h2 = 0x13198a2e03707344L;
  private long length;

  /** A new fingerprint, of nothing yet. */
  public Fingerprint() {}

  /** The accessors of a record class's components, in declaration order, looked up once per class. */
  private static final ClassValue<java.lang.reflect.Method[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected java.lang.reflect.Method[] computeValue(Class<?> type) {
      return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getAccessor)
          .toArray(java.lang.reflect.Method[]::new);
    }
  };

  /**
   * Adds a model value: a string, number, boolean, map, list, record (its class and components),
   * byte array, {@link Part} or null.
   */
  public Fingerprint add(Object value) {
    if (value == null) {
      tag('0');
    } else if (value instanceof CharSequence s) {
      tag('s');
      string(s);
    } else if (value instanceof Part part) {
      // stands for the part's content, which is hashed once for all pages that show it
      tag('h');
      add(part.fingerprint());
    } else if (value instanceof Map<?, ?> map) {
      tag('m');
      integer(map.size());
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
      for (Map.Entry<?, ?> e : entries) {
        add(String.valueOf(e.getKey()));
        add(e.getValue());
      }
    } else if (value instanceof Collection<?> list) {
      tag('l');
      integer(list.size());
      for (Object o : list) {
        add(o);
      }
    } else if (value instanceof Record record) {
      tag('r');
      string(record.getClass().getName());
      for (java.lang.reflect.Method accessor : COMPONENTS.get(record.getClass())) {
        try {
          add(accessor.invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + accessor + " for a fingerprint", e);
        }
      }
    } else if (value instanceof byte[] bytes) {
      tag('b');
      integer(bytes.length);
      bytes(bytes);
    } else {
      // numbers, booleans, dates from front matter: their class and text name them exactly
      tag('o');
      string(value.getClass().getName());
      string(value.toString());
    }
    return this;
  }

  /** The fingerprint of everything added; the hasher must not be used after. */
  public byte[] finish() {
    flush();
    // the last bytes, fewer than 16, zero-padded; the length tells them from real zeros
    length += used;
    Arrays.fill(buffer, used, 16, (byte) 0);
    block(buffer, 0);
    long a = h1 ^ length;
    long b = h2 ^ Long.rotateLeft(length, 32);
    a += b;
    b += a;
    a = avalanche(a);
    b = avalanche(b);
    a += b;
    b += a;
    byte[] out = new byte[BYTES];
    LONGS.set(out, 0, a);
    LONGS.set(out, 8, b);
    return out;
  }

  /** Hashes the 16 bytes at {@code at}. */
  private void block(byte[] bytes, int at) {
    long k1 = (long) LONGS.get(bytes, at);
    long k2 = (long) LONGS.get(bytes, at + 8);
    h1 ^= Long.rotateLeft(k1 * M1, 31) * M2;
    h1 = Long.rotateLeft(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= Long.rotateLeft(k2 * M2, 33) * M1;
    h2 = Long.rotateLeft(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  /** Spreads every bit of {@code x} over all bits of the result. */
  private static long avalanche(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    return x ^ (x >>> 33);
  }

  /** Bytes as lower-case hexadecimal. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private void tag(char c) {
    room(1);
    buffer[used++] = (byte) c;
  }

  private void integer(int n) {
    room(4);
    buffer[used++] = (byte) (n >>> 24);
    buffer[used++] = (byte) (n >>> 16);
    buffer[used++] = (byte) (n >>> 8);
    buffer[used++] = (byte) n;
  }

  private void string(CharSequence s) {
    // UTF-8 with its length first: as exact as the characters, and half the bytes to hash for
    // the mostly ASCII text of a page
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    integer(bytes.length);
    bytes(bytes);
  }

  private void bytes(byte[] bytes) {
    int at = 0;
    while (at < bytes.length) {
      if (used == buffer.length) {
        flush();
      }
      int n = Math.min(bytes.length - at, buffer.length - used);
      System.arraycopy(bytes, at, buffer, used, n);
      used += n;
      at += n;
    }
  }

  private void room(int bytes) {
    if (used + bytes > buffer.length) {
      flush();
    }
  }

  /** Hashes the whole blocks in the buffer and moves what is left, fewer than 16 bytes, to its start. */
  private void flush() {
    int whole = used & ~15;
    for (int at = 0; at < whole; at += 16) {
      block(buffer, at);
    }
    length += whole;
    System.arraycopy(buffer, whole, buffer, 0, used - whole);
    used -= whole;
  }
}
