package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The eight-bytes-at-a-time scans agree with a plain byte-by-byte loop on any bytes and range. */
class BytesProperties {
  @Property(tries = 2000)
  void newlineSearchAgreesWithALoop(@ForAll @Size(max = 80) byte[] bytes,
      @ForAll @IntRange(max = 80) int from, @ForAll @IntRange(max = 80) int to) {
    int start = Math.min(from, bytes.length);
    int end = Math.max(start, Math.min(to, bytes.length));
    int expected = -1;
    for (int i = start; i < end; i++) {
      if (bytes[i] == '\n') {
        expected = i;
        break;
      }
    }
    assertThat(Bytes.indexOfNewline(bytes, start, end)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void newlineSearchFindsTheFirstOfManyNearOtherSmallBytes(
      @ForAll @Size(max = 40) byte[] noise, @ForAll @IntRange(max = 39) int at) {
    // Bytes 0x00-0x0B around a line feed are where a word-at-a-time search could go wrong.
    byte[] bytes = new byte[noise.length];
    for (int i = 0; i < noise.length; i++) {
      bytes[i] = (byte) (noise[i] & 0x0B);
    }
    if (at < bytes.length) {
      bytes[at] = '\n';
    }
    int expected = -1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        expected = i;
        break;
      }
    }
    assertThat(Bytes.indexOfNewline(bytes, 0, bytes.length)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void asciiScanAgreesWithALoop(@ForAll @Size(max = 80) byte[] bytes,
      @ForAll @IntRange(max = 80) int from, @ForAll boolean ascii) {
    if (ascii) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] &= 0x7F;
      }
    }
    int start = Math.min(from, bytes.length);
    int expected = bytes.length;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        expected = i;
        break;
      }
    }
    assertThat(Bytes.firstNonAscii(bytes, start, bytes.length)).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void stringStopAgreesWithALoop(@ForAll @Size(max = 80) byte[] noise,
      @ForAll @IntRange(max = 80) int from, @ForAll @IntRange(max = 80) int to,
      @ForAll boolean nearStops) {
    // Bytes around the stops (0x1F/0x20, 0x21-0x23, 0x5B-0x5D, 0x7F/0x80) are where a
    // word-at-a-time scan could go wrong.
    byte[] bytes = noise.clone();
    if (nearStops) {
      byte[] near = {0x1F, 0x20, 0x21, '"', 0x23, 0x5B, '\\', 0x5D, 0x7F, (byte) 0x80, 'a'};
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = near[(bytes[i] & 0xFF) % near.length];
      }
    }
    int start = Math.min(from, bytes.length);
    int end = Math.max(start, Math.min(to, bytes.length));
    int expected = end;
    for (int i = start; i < end; i++) {
      byte c = bytes[i];
      if (c == '"' || c == '\\' || (c >= 0 && c < 0x20) || c < 0) {
        expected = i;
        break;
      }
    }
    assertThat(Bytes.stringStop(bytes, start, end)).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void equalsAtAgreesWithArraysEquals(@ForAll @Size(max = 40) byte[] bytes,
      @ForAll @Size(min = 1, max = 24) byte[] key, @ForAll @IntRange(max = 40) int from,
      @ForAll boolean plant, @ForAll @IntRange(max = 23) int flip) {
    int start = Math.min(from, bytes.length);
    if (start + key.length > bytes.length) {
      return; // the caller checks the range first
    }
    if (plant) {
      System.arraycopy(key, 0, bytes, start, key.length);
      if (flip < key.length && flip % 3 == 0) {
        bytes[start + flip] ^= 1; // one byte off
      }
    }
    boolean expected = java.util.Arrays.equals(bytes, start, start + key.length, key, 0,
        key.length);
    assertThat(Bytes.equalsAt(bytes, start, key, Bytes.word(key))).isEqualTo(expected);
  }
}
