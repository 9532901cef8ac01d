package org.iptkit.json.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans of byte arrays eight bytes at a time, for the two scans every NDJSON record goes through
 * before it is parsed: finding the end of its line and checking whether it is plain ASCII.
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
}
