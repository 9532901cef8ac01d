package org.iptkit.json.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of byte arrays eight bytes at a time: finding the end of an NDJSON record's line,
 * checking whether it is plain ASCII, and comparing field and enumeration names in place.
 */
final class Bytes {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private Bytes() {}

  /** The index of the first byte in {@code [from, to)} that is not ASCII, or {@code to}. */
  static int firstNonAscii(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
        break;
      }
    }
    for (; i < to; i++) {
      if (bytes[i] < 0) {
        return i;
      }
    }
    return to;
  }

  /** The index of the first line feed in {@code [from, to)}, or -1. */
  static int indexOfNewline(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
      // A byte of the word is zero exactly where a line feed is; the lowest flagged byte is the
      // first zero byte (a flag above a zero byte may be false, never one below it).
      long zeros = (word - ONES) & ~word & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The first eight bytes of {@code key} (zero-padded) as a little-endian word, for {@link #equalsAt}. */
  static long word(byte[] key) {
    long word = 0;
    for (int k = Math.min(Long.BYTES, key.length) - 1; k >= 0; k--) {
      word = word << 8 | (key[k] & 0xFF);
    }
    return word;
  }

  /**
   * Whether {@code bytes[from, from + key.length)} is {@code key}, a word at a time; {@code word}
   * is {@link #word(byte[]) word(key)}. The caller has checked that the range is within the array.
   */
  static boolean equalsAt(byte[] bytes, int from, byte[] key, long word) {
    int n = key.length;
    if (n <= Long.BYTES && from + Long.BYTES <= bytes.length) {
      long mask = n == Long.BYTES ? -1L : (1L << (n << 3)) - 1;
      return (((long) LONGS.get(bytes, from) ^ word) & mask) == 0;
    }
    if (n < Long.BYTES) {
      for (int k = 0; k < n; k++) {
        if (bytes[from + k] != key[k]) {
          return false;
        }
      }
      return true;
    }
    for (int k = 0; k + Long.BYTES < n; k += Long.BYTES) {
      if ((long) LONGS.get(bytes, from + k) != (long) LONGS.get(key, k)) {
        return false;
      }
    }
    return (long) LONGS.get(bytes, from + n - Long.BYTES) == (long) LONGS.get(key, n - Long.BYTES);
  }

  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  /**
   * The index of the first byte in {@code [from, to)} that ends a plain run of a JSON string (a
   * quote, a backslash, a control character or a byte beyond ASCII), or {@code to}.
   */
  static int stringStop(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      long quote = word ^ QUOTES;
      long backslash = word ^ BACKSLASHES;
      // As in indexOfNewline: the lowest flagged byte is the first that is a quote, a backslash,
      // below a space, or (its own high bit) beyond ASCII.
      long stops = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash
          | (word - SPACES) & ~word | word) & HIGH_BITS;
      if (stops != 0) {
        return i + (Long.numberOfTrailingZeros(stops) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = bytes[i];
      if (c == '"' || c == '\\' || (c >= 0 && c < 0x20) || c < 0) {
        return i;
      }
    }
    return to;
  }
}
