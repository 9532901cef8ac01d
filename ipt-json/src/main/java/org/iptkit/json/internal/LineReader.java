package org.iptkit.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads an NDJSON source line by line as bytes (lines end with LF or CRLF), keeping at most one
 * line, and no more than the length limit of it, in memory. A line that lies within the read
 * buffer is not copied until {@link #copy()} asks for it; only a line that spans buffer fills is
 * gathered in a line buffer.
 */
final class LineReader {
  private final InputStream in;
  private final long maxLength;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  // The current line: buffer[start, start + length) when inBuffer, else line[0, length).
  private boolean inBuffer;
  private int start;
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
    inBuffer = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any;
      }
      int newline = Bytes.indexOfNewline(buffer, position, limit);
      if (!any && newline >= 0) {
        // the whole line is in the buffer: note where it is
        // (as for a gathered line, the limit counts a CR before the LF)
        any = true;
        inBuffer = true;
        start = position;
        length = newline - position;
        position = newline + 1;
        if (length > maxLength) {
          tooLong = true;
          length = 0;
        } else if (length > 0 && buffer[start + length - 1] == '\r') {
          length--;
        }
        return true;
      }
      any = true;
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

  /** A copy of the current line without its line end (complete unless {@link #tooLong()}). */
  byte[] copy() {
    return inBuffer ? Arrays.copyOfRange(buffer, start, start + length)
        : Arrays.copyOf(line, length);
  }

  /** The array holding the current line from {@link #offset()} (not a copy: do not keep it). */
  byte[] bytes() {
    return inBuffer ? buffer : line;
  }

  /** Where the current line starts in {@link #bytes()}. */
  int offset() {
    return inBuffer ? start : 0;
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
    byte[] bytes = bytes();
    int from = offset();
    int end = from + length;
    if (length >= 3 && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB
        && (bytes[from + 2] & 0xFF) == 0xBF) {
      from += 3;
    }
    for (int i = from; i < end; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
