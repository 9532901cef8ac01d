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
}
