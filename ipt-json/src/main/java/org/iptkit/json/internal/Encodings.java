package org.iptkit.json.internal;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;

/**
 * Checks that input bytes are text in an encoding JSON allows before Jackson decodes them. Jackson
 * detects UTF-8, UTF-16 and UTF-32 from the first four bytes, but its UTF-8 decoder accepts some
 * byte sequences that are not UTF-8 (overlong forms such as {@code C0 A2} for a quote, code points
 * above U+10FFFF) and reports four-byte orders it cannot read as an I/O failure. Here UTF-8 input
 * is validated strictly (RFC 3629, Unicode table 3-7), and both problems become read errors that
 * name the line and column of the offending byte.
 */
public final class Encodings {
  static final String EXPECTED = "text in UTF-8 (or UTF-16 or UTF-32)";

  private Encodings() {}

  /** A byte sequence that is not text in a supported encoding, with where it starts (1-based). */
  public static final class InvalidText extends CharConversionException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    InvalidText(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    /** The line of the offending byte. */
    public int line() {
      return line;
    }

    /** The column (in bytes) of the offending byte. */
    public int column() {
      return column;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /**
   * The read error for bytes that are not text in a supported encoding, or null when they are:
   * an unsupported four-byte order, or (for UTF-8) a byte sequence that is not UTF-8.
   *
   * @param lineOffset added to the line reported (NDJSON: the record's line minus one)
   */
  public static JsonReadException problemOf(byte[] bytes, int offset, int length,
      int lineOffset) {
    Kind kind = Kind.of(bytes, offset, length);
    if (kind == Kind.UNSUPPORTED) {
      return unsupported(1 + lineOffset);
    }
    if (kind == Kind.OTHER) {
      return null;
    }
    int end = offset + length;
    if (Bytes.firstNonAscii(bytes, offset, end) == end) {
      return null; // ASCII, the common case: nothing to decode
    }
    int i = offset;
    int line = 1;
    int lineStart = offset;
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        if (b == '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
        continue;
      }
      int size = sequenceLength(bytes, i, end);
      if (size < 0) {
        return invalid(line + lineOffset, i - lineStart + 1);
      }
      i += size;
    }
    return null;
  }

  /** The read error for an {@link InvalidText} or another decoding failure Jackson reported. */
  public static JsonReadException unreadable(CharConversionException e, int line, int column) {
    if (e instanceof InvalidText t) {
      return t.getMessage().startsWith("unsupported") ? unsupported(t.line())
          : invalid(t.line(), t.column());
    }
    return new JsonReadException(Problem.MALFORMED_JSON, "", Math.max(1, line),
        Math.max(1, column), EXPECTED, "malformed JSON: characters that are not valid in the "
            + "document's encoding, expected " + EXPECTED);
  }

  private static JsonReadException invalid(int line, int column) {
    return new JsonReadException(Problem.MALFORMED_JSON, "", line, column, EXPECTED,
        "malformed JSON: a byte sequence that is not UTF-8, expected " + EXPECTED);
  }

  private static JsonReadException unsupported(int line) {
    return new JsonReadException(Problem.MALFORMED_JSON, "", line, 1, EXPECTED,
        "malformed JSON: an unsupported byte order of four-byte characters, expected "
            + EXPECTED);
  }

  /**
   * The length of the well-formed UTF-8 sequence of two to four bytes starting at {@code i}, or
   * -1 if the bytes there do not form one.
   */
  static int sequenceLength(byte[] bytes, int i, int end) {
    int b = bytes[i] & 0xFF;
    int size;
    int min2 = 0x80;
    int max2 = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      size = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      size = 3;
      if (b == 0xE0) {
        min2 = 0xA0;
      } else if (b == 0xED) {
        max2 = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      size = 4;
      if (b == 0xF0) {
        min2 = 0x90;
      } else if (b == 0xF4) {
        max2 = 0x8F;
      }
    } else {
      return -1;
    }
    if (i + size > end) {
      return -1;
    }
    int second = bytes[i + 1] & 0xFF;
    if (second < min2 || second > max2) {
      return -1;
    }
    for (int k = 2; k < size; k++) {
      int next = bytes[i + k] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        return -1;
      }
    }
    return size;
  }

  /**
   * A stream that passes its bytes through unchanged but fails with an {@link InvalidText} (an
   * I/O exception Jackson passes on) at the first byte sequence that is not UTF-8 when the input
   * is UTF-8, or at once when its four-byte order is unsupported.
   */
  public static InputStream checked(InputStream in) {
    return new CheckedStream(in);
  }

  /** The encoding Jackson will detect from the first bytes, as far as checking is concerned. */
  private enum Kind {
    UTF8, OTHER, UNSUPPORTED;

    static Kind of(byte[] b, int offset, int length) {
      int n = Math.min(length, 4);
      if (n < 2) {
        return length == 1 && b[offset] == 0 ? OTHER : UTF8;
      }
      int b0 = b[offset] & 0xFF;
      int b1 = b[offset + 1] & 0xFF;
      if (n == 4) {
        int quad = (b0 << 24) | (b1 << 16) | ((b[offset + 2] & 0xFF) << 8)
            | (b[offset + 3] & 0xFF);
        if (quad == 0x0000FFFE || quad == 0xFEFF0000 || (quad & 0xFF00FFFF) == 0
            || (quad & 0xFFFF00FF) == 0) {
          if (quad != 0) {
            return UNSUPPORTED;
          }
        }
      }
      if (b0 == 0 || b1 == 0 || (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
        return OTHER;
      }
      return UTF8;
    }
  }

  /**
   * The validating stream: looks at the first four bytes, then checks UTF-8 sequence by sequence.
   * A read returns the bytes before a bad sequence, so everything before it can still be parsed;
   * the next read fails.
   */
  private static final class CheckedStream extends FilterInputStream {
    private final byte[] head = new byte[4];
    private int headLength = -1;
    private int headPosition;
    private boolean utf8;
    /** The lead byte of an unfinished sequence, how many of its bytes were seen, and its size. */
    private int lead;
    private int seen;
    private int size;
    private final byte[] sequence = new byte[4];
    private int line = 1;
    private long column;
    private int sequenceLine;
    private long sequenceColumn;
    private InvalidText failure;

    CheckedStream(InputStream in) {
      super(in);
    }

    private void start() throws IOException {
      if (headLength >= 0) {
        return;
      }
      headLength = 0;
      while (headLength < 4) {
        int n = in.read(head, headLength, 4 - headLength);
        if (n < 0) {
          break;
        }
        headLength += n;
      }
      Kind kind = Kind.of(head, 0, headLength);
      if (kind == Kind.UNSUPPORTED) {
        failure = new InvalidText("unsupported byte order", 1, 1);
        throw failure;
      }
      utf8 = kind == Kind.UTF8;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n;
      do {
        n = read(one, 0, 1);
      } while (n == 0);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (failure != null) {
        throw failure;
      }
      start();
      if (length == 0) {
        return 0;
      }
      int n;
      if (headPosition < headLength) {
        n = Math.min(length, headLength - headPosition);
        System.arraycopy(head, headPosition, buffer, offset, n);
        headPosition += n;
      } else {
        n = in.read(buffer, offset, length);
      }
      if (!utf8) {
        return n;
      }
      if (n < 0) {
        if (seen > 0) {
          throw fail();
        }
        return n;
      }
      int valid = check(buffer, offset, n);
      if (failure == null) {
        return n;
      }
      if (valid > 0) {
        return valid;
      }
      throw failure;
    }

    /**
     * Checks {@code n} bytes; returns how many come before the first bad sequence that starts in
     * them (all of them when there is none), having set {@link #failure} if there is one.
     */
    private int check(byte[] buffer, int offset, int n) {
      int sequenceStart = -1;
      for (int i = offset; i < offset + n; i++) {
        byte b = buffer[i];
        column++;
        if (seen == 0) {
          if (b == '\n') {
            line++;
            column = 0;
            continue;
          }
          if ((b & 0x80) == 0) {
            continue;
          }
          lead = b & 0xFF;
          size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
          sequenceStart = i;
          sequenceLine = line;
          sequenceColumn = column;
        }
        sequence[seen++] = b;
        boolean bad = seen == 1 && (lead < 0xC2 || lead > 0xF4);
        if (!bad && seen == size) {
          bad = sequenceLength(sequence, 0, size) < 0;
          seen = 0;
        }
        if (bad) {
          fail();
          return sequenceStart < 0 ? 0 : sequenceStart - offset;
        }
      }
      return n;
    }

    private InvalidText fail() {
      failure = new InvalidText("not UTF-8", sequenceLine,
          (int) Math.min(sequenceColumn, Integer.MAX_VALUE));
      return failure;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] skipped = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int read = read(skipped, 0, skipped.length);
      return Math.max(read, 0);
    }
  }
}
