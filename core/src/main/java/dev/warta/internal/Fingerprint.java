package dev.warta.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 digest of data-model values, in an encoding where each value is tagged with its type
 * and length, so that no two different models give the same bytes to hash ("ab","c" is not
 * "a","bc"). Maps are hashed in key order whatever their iteration order, since {@code Map.of}
 * iterates differently in each JVM and a fingerprint must not change from one build to the next.
 */
public final class Fingerprint {
  /** The length of a fingerprint in bytes: half of SHA-256, still far from any chance collision. */
  public static final int BYTES = 16;

  /**
   * A value that knows its own fingerprint, hashed once and then added by it: a part of many
   * pages' models, say.
   */
  public interface Part {
    /** The fingerprint of this value's content. */
    byte[] fingerprint();
  }

  private final MessageDigest digest;
  private final byte[] buffer = new byte[8192];
  private int used;

  /**
   * Free digests of this thread: looking up a provider for every page costs more than hashing it.
   * A stack, since a fingerprint is taken while another is in progress (a {@link Part} of a
   * page's model).
   */
  private static final ThreadLocal<java.util.ArrayDeque<MessageDigest>> FREE = ThreadLocal.withInitial(java.util.ArrayDeque::new);

  /** A new fingerprint, of nothing yet. */
  public Fingerprint() {
    MessageDigest free = FREE.get().poll();
    if (free == null) {
      try {
        free = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
    digest = free;
  }

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
      flush();
      digest.update(bytes);
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
    byte[] full = digest.digest(); // digest() also resets it for its next use
    FREE.get().push(digest);
    return Arrays.copyOf(full, BYTES);
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
    if (bytes.length > buffer.length - used) {
      flush();
      digest.update(bytes);
    } else {
      System.arraycopy(bytes, 0, buffer, used, bytes.length);
      used += bytes.length;
    }
  }

  private void room(int bytes) {
    if (used + bytes > buffer.length) {
      flush();
    }
  }

  private void flush() {
    digest.update(buffer, 0, used);
    used = 0;
  }
}
