package org.iptkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads an NDJSON source line by line as bytes (lines end with LF or CRLF), keeping at most one
 * line, and no more than the length limit of it, in memory.
 */
final class LineReader {
  private final InputStream in;
  private final long maxLength;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int length;
  private boolean tooLong;

  LineReader(InputStream in, long maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() {
    length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any;
      }
      any = true;
      int newline = Bytes.indexOfNewline(buffer, position, limit);
      int end = newline < 0 ? limit : newline;
      append(position, end - position);
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return true;
      }
    }
  }

  private boolean fill() {
    try {
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void append(int from, int count) {
    if (tooLong || count == 0) {
      return;
    }
    if (length + (long) count > maxLength) {
      tooLong = true;
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  /** The bytes of the current line (valid up to {@link #length()}). */
  byte[] bytes() {
    return line;
  }

  /** The length of the current line without its line end. */
  int length() {
    return length;
  }

  /** Whether the current line was longer than the limit (its bytes are then incomplete). */
  boolean tooLong() {
    return tooLong;
  }

  /** Whether the current line holds only white space (or a byte order mark). */
  boolean blank() {
    int start = 0;
    if (length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    for (int i = start; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
