package org.iptkit.json.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException.Problem;

/**
 * The fast path of course reading: the byte cursor of the one reading walk ({@link CourseWalk})
 * over one course document in UTF-8 bytes. It reads the plain form every writer produces straight
 * from the bytes, without a general JSON parser in between; the walk gives the values to the core
 * builders as it does over the Jackson cursor.
 *
 * <p>It is an optimisation, never an authority. At anything wrong (malformed JSON, an unknown or
 * repeated field, a missing required field, a wrong type, an impossible value the core refuses:
 * every error the walk raises) it gives up, and the caller reads the bytes again with the strict
 * reader ({@link CourseJsonReader}), which says where and why. It also gives up at every form it
 * does not handle itself:
 * <ul>
 *   <li>an escape sequence in an enumeration value, a date or the schema version (free text and
 *       identifiers may have any JSON escape), and a string longer in bytes than the string
 *       limit (the reader counts characters);
 *   <li>{@code null} where a value is required, a negative number, an integer beyond an {@code
 *       int}, a fraction or an exponent;
 *   <li>a byte order mark, and bytes that are not UTF-8 (they are refused by the reader).
 * </ul>
 * Errors are therefore always the reader's, with their JSON Pointer, line and column; the
 * scanner makes no message of its own. That both cursors give equal courses is checked on
 * generated and mutated documents and on the hostile-input corpus.
 *
 * <p>{@link #scan} is thread-safe: each call scans with a cursor of its own; an instance reads
 * one document at a time.
 */
public final class CourseScanner implements CourseWalk.Cursor {
  /** Thrown to give up; made once, without a stack trace, as it is control flow. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** What {@link #stringBounds} found in a string: plain ASCII, UTF-8 beyond it, escapes. */
  private static final int ASCII = 0;
  private static final int UTF8 = 1;
  private static final int ESCAPED = 2;

  private final CourseWalk walk = new CourseWalk(this, false);
  private byte[] b;
  private int end;
  private int maxStringLength;
  private int i;
  // Where the last string or field name read starts and ends (exclusive) in the bytes.
  private int textStart;
  private int textEnd;

  /**
   * A scanner to read many documents with, one after the other, reusing its walk: a batch
   * reader keeps one per source. Not thread-safe.
   */
  public CourseScanner() {}

  /**
   * The course held in {@code bytes[from, from + length)} when the strict reader would read
   * exactly that course; null when the strict reader must decide (an error, or a form this
   * scanner leaves to it).
   *
   * <p>The caller checks the document against the reader's length limit first: the scanner
   * has none of its own.
   *
   * @param maxStringLength the reader's limit for one string value, in characters
   */
  public static TreatmentCourse scan(byte[] bytes, int from, int length, int maxStringLength) {
    return new CourseScanner().read(bytes, from, length, maxStringLength);
  }

  /** As {@link #scan}, with this scanner. */
  public TreatmentCourse read(byte[] bytes, int from, int length, int maxStringLength) {
    if (bytes == null || from < 0 || length <= 0 || from > bytes.length - length) {
      return null;
    }
    this.b = bytes;
    this.i = from;
    this.end = from + length;
    this.maxStringLength = maxStringLength;
    try {
      TreatmentCourse course = (TreatmentCourse) walk.read(CourseWalk.Plan.COURSE);
      skipSpace();
      return i == end ? course : null;
    } catch (RuntimeException e) {
      // GIVE_UP, or a core check refusing a value (a builder's missing attribute, LocalDate's
      // DateTimeException): the reader reads it again and says why.
      return null;
    } finally {
      this.b = null; // the document is the caller's: keep no reference to it
    }
  }

  // ---------------------------------------------------------------- the cursor

  @Override
  public void openObject(String expected) {
    if (next() != '{') {
      throw GIVE_UP;
    }
    i++;
  }

  @Override
  public void openArray(String expected) {
    if (next() != '[') {
      throw GIVE_UP;
    }
    i++;
  }

  @Override
  public boolean nextElement(boolean first) {
    byte c = next();
    if (first) {
      if (c == ']') {
        i++;
        return false;
      }
      return true;
    }
    i++;
    if (c == ',') {
      return true;
    }
    if (c == ']') {
      return false;
    }
    throw GIVE_UP;
  }

  @Override
  public boolean atNull() {
    if (next() == 'n' && i + 4 <= end && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
      i += 4;
      return true;
    }
    return false;
  }

  @Override
  public String text() {
    return string();
  }

  @Override
  public int whole() {
    return integer();
  }

  @Override
  public boolean flag() {
    return bool();
  }

  @Override
  public <E extends Enum<E>> E choice(EnumCodec<E> codec) {
    return enumValue(codec);
  }

  /** A schema version the reader accepts: "1." and one to eleven digits. */
  @Override
  public void version() {
    stringBounds();
    int from = textStart;
    int length = textEnd - from;
    if (length < 3 || length > 13 || b[from] != '1' || b[from + 1] != '.') {
      throw GIVE_UP;
    }
    for (int k = from + 2; k < textEnd; k++) {
      if (b[k] < '0' || b[k] > '9') {
        throw GIVE_UP;
      }
    }
  }

  /** No place is kept: an error gives up, and the reader finds the place again. */
  @Override
  public long mark() {
    return TokenPositions.NONE;
  }

  @Override
  public String pointer() {
    return "";
  }

  @Override
  public boolean lenient() {
    return false;
  }

  @Override
  public void warn(String pointer, long at, String message) {
    throw GIVE_UP;
  }

  @Override
  public RuntimeException error(Problem problem, String pointer, long at, String expected,
      String reason) {
    throw GIVE_UP;
  }

  // ---------------------------------------------------------------- structure

  private void skipSpace() {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  /** The next significant byte, the cursor on it; gives up at the end of the bytes. */
  private byte next() {
    skipSpace();
    if (i >= end) {
      throw GIVE_UP;
    }
    return b[i];
  }

  /**
   * Moves past the next field name and its colon, and returns the field's number, or -1 past the
   * end of the object. The successor of {@code previous} is tried first, as fields mostly come
   * in their order; a repeated field gives up, as does an unknown one.
   */
  @Override
  public int nextField(CourseWalk.Scope object, int previous) {
    byte[][] names = object.plan.nameBytes;
    long[] words = object.plan.nameWords;
    long seen = object.seen;
    byte c = next();
    if (previous >= 0) {
      if (c == '}') {
        i++;
        return -1;
      }
      if (c != ',') {
        throw GIVE_UP;
      }
      i++;
      c = next();
    } else if (c == '}') {
      i++;
      return -1;
    }
    if (c != '"') {
      throw GIVE_UP;
    }
    int from = ++i;
    // Fields mostly come in their order: try the one after the previous in place first.
    int index = previous + 1;
    if (index >= names.length || !nameAt(names[index], words[index], from)) {
      index = -1;
      for (int k = 0; k < names.length; k++) {
        if (nameAt(names[k], words[k], from)) {
          index = k;
          break;
        }
      }
    }
    if (index < 0 || (seen & (1L << index)) != 0) {
      throw GIVE_UP;
    }
    i = from + names[index].length;
    if (i < end && b[i] == ':') {
      i++; // the compact form
      return index;
    }
    if (next() != ':') {
      throw GIVE_UP;
    }
    i++;
    return index;
  }

  /** Whether the bytes at {@code from} are {@code name} (with its closing quote). */
  private boolean nameAt(byte[] name, long word, int from) {
    return from + name.length <= end && Bytes.equalsAt(b, from, name, word);
  }

  // ---------------------------------------------------------------- values

  /**
   * Moves past a string without escapes and notes its bytes in {@code textStart, textEnd}; see
   * {@link #stringBounds(boolean)}.
   */
  private int stringBounds() {
    return stringBounds(false);
  }

  /**
   * Moves past a string and notes its bytes, without the quotes, in {@code textStart, textEnd};
   * returns {@link #ASCII}, {@link #UTF8} or {@link #ESCAPED}. Bytes beyond ASCII must form UTF-8
   * the reader accepts; control characters give up, as the reader refuses them. Escape sequences
   * give up unless {@code escapes} (free text and identifiers, where writers escape quotes, line
   * breaks and control characters); then only the ones JSON defines are taken ({@code \" \\
   * \/ \b \f \n \r \t} and a backslash, {@code u} and four hexadecimal digits), as the reader takes
   * only those.
   */
  private int stringBounds(boolean escapes) {
    if (next() != '"') {
      throw GIVE_UP;
    }
    int from = ++i;
    int kind = ASCII;
    while (true) {
      i = Bytes.stringStop(b, i, end);
      if (i >= end) {
        throw GIVE_UP;
      }
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (!escapes || i + 1 >= end) {
          throw GIVE_UP;
        }
        byte e = b[i + 1];
        if (e == 'u') {
          if (i + 6 > end || hex(b[i + 2]) < 0 || hex(b[i + 3]) < 0 || hex(b[i + 4]) < 0
              || hex(b[i + 5]) < 0) {
            throw GIVE_UP;
          }
          i += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n'
            || e == 'r' || e == 't') {
          i += 2;
        } else {
          throw GIVE_UP;
        }
        kind = ESCAPED;
      } else if (c >= 0 && c < 0x20) {
        throw GIVE_UP;
      } else if (c < 0) {
        int size = Encodings.sequenceLength(b, i, end);
        if (size < 0) {
          throw GIVE_UP;
        }
        kind = Math.max(kind, UTF8);
        i += size;
      } else {
        i++;
      }
    }
    textStart = from;
    textEnd = i;
    i++;
    // Every character takes at least one byte (an escape more), so within the limit in bytes is
    // within it in characters; longer strings are left to the reader, which counts characters.
    if (textEnd - textStart > maxStringLength) {
      throw GIVE_UP;
    }
    return kind;
  }

  /** The value of a hexadecimal digit, or -1. */
  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** A string of free text or an identifier, escapes decoded as the reader decodes them. */
  private String string() {
    int kind = stringBounds(true);
    if (kind != ESCAPED) {
      return new String(b, textStart, textEnd - textStart,
          kind == ASCII ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
    // Runs between escapes are decoded as UTF-8 (checked above); each escape is one character,
    // a backslash-u escape its UTF-16 unit as it is, a surrogate too, as the reader does.
    StringBuilder text = new StringBuilder(textEnd - textStart);
    int run = textStart;
    int k = textStart;
    while (k < textEnd) {
      if (b[k] != '\\') {
        k++;
        continue;
      }
      if (k > run) {
        text.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      }
      byte e = b[k + 1];
      if (e == 'u') {
        text.append((char) (hex(b[k + 2]) << 12 | hex(b[k + 3]) << 8 | hex(b[k + 4]) << 4
            | hex(b[k + 5])));
        k += 6;
      } else {
        text.append(switch (e) {
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> (char) e; // the quote, the backslash and the slash stand for themselves
        });
        k += 2;
      }
      run = k;
    }
    if (textEnd > run) {
      text.append(new String(b, run, textEnd - run, StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private <E extends Enum<E>> E enumValue(EnumCodec<E> codec) {
    stringBounds();
    E value = codec.lookup(b, textStart, textEnd - textStart);
    if (value == null) {
      throw GIVE_UP;
    }
    return value;
  }

  /** A date YYYY-MM-DD; one that is not in the calendar gives up through LocalDate. */
  @Override
  public LocalDate date() {
    stringBounds();
    int o = textStart;
    if (textEnd - o != 10 || b[o + 4] != '-' || b[o + 7] != '-') {
      throw GIVE_UP;
    }
    return LocalDate.of(digits(o, o + 4), digits(o + 5, o + 7), digits(o + 8, o + 10));
  }

  private int digits(int from, int to) {
    int value = 0;
    for (int k = from; k < to; k++) {
      int d = b[k] - '0';
      if (d < 0 || d > 9) {
        throw GIVE_UP;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /**
   * A non-negative integer without leading zeros that fits an {@code int}. What follows it is
   * checked by the caller, which expects a ',' or the end of its object or array, so a
   * fraction, an exponent or an eleventh digit gives up there.
   */
  private int integer() {
    byte c = next();
    if (c == '0') {
      i++;
      return 0;
    }
    if (c < '1' || c > '9') {
      throw GIVE_UP;
    }
    long value = c - '0';
    int limit = Math.min(end, i + 10);
    i++;
    while (i < limit) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      value = value * 10 + d;
      i++;
    }
    if (value > Integer.MAX_VALUE) {
      throw GIVE_UP;
    }
    return (int) value;
  }

  private boolean bool() {
    byte c = next();
    if (c == 't' && i + 4 <= end && b[i + 1] == 'r' && b[i + 2] == 'u' && b[i + 3] == 'e') {
      i += 4;
      return true;
    }
    if (c == 'f' && i + 5 <= end && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's'
        && b[i + 4] == 'e') {
      i += 5;
      return false;
    }
    throw GIVE_UP;
  }
}
