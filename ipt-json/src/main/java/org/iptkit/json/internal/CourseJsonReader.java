package org.iptkit.json.internal;

import java.io.CharConversionException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.ReadWarning;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * The strict reader of the course format (docs/format.md, Course) over one Jackson {@link
 * JsonParser}: the Jackson cursor of the one reading walk ({@link CourseWalk}). It turns every
 * problem into a {@link JsonReadException} naming the JSON Pointer (taken from the parser's own
 * path), the line and column, and what was expected. Values are never quoted from free-text or
 * reference fields; only enumeration values, numbers, dates and schema versions are, and only when
 * they look like one.
 *
 * <p>One instance reads from one parser and is not thread-safe; create one per parser.
 */
public final class CourseJsonReader implements CourseWalk.Cursor {
  /** The newest major version of the format this reader understands. */
  public static final int SUPPORTED_MAJOR = 1;

  static final String DATE = WireFormat.DATE_WORDS;
  private static final String INTEGER = WireFormat.INTEGER;
  private static final String BOOLEAN = WireFormat.BOOLEAN;

  /** Every field name of the format: only these may appear in the pointer of a syntax error. */
  private static final Set<String> FIELD_NAMES = WireFormat.COURSE.allNames();

  private final JsonParser p;
  private final TokenPositions positions;
  private final boolean lenient;
  private final List<ReadWarning> warnings;
  private final int lineOffset;
  private final long recordLimit;
  private final CourseWalk walk = new CourseWalk(this, true);
  private long recordStart;

  /**
   * A reader over {@code parser}.
   *
   * @param parser the parser to read from
   * @param lenient whether unknown fields are ignored (with a warning) instead of rejected
   * @param warnings where warnings go, or null to drop them
   * @param lineOffset added to every reported line (NDJSON: the line of the record minus one)
   * @param recordLimit the largest record in bytes or characters, or 0 for no limit of our own
   */
  public CourseJsonReader(JsonParser parser, boolean lenient, List<ReadWarning> warnings,
      int lineOffset, long recordLimit) {
    this.p = parser;
    this.positions = new TokenPositions(parser);
    this.lenient = lenient;
    this.warnings = warnings;
    this.lineOffset = lineOffset;
    this.recordLimit = recordLimit;
  }

  // ---------------------------------------------------------------- entry points

  /**
   * Reads a whole input holding exactly one course document: fails on empty input and on anything
   * after the document.
   */
  public TreatmentCourse readDocument() {
    try {
      if (p.nextToken() == null) {
        throw emptyInput();
      }
      TreatmentCourse course = readCourseValue();
      JsonToken after;
      try {
        after = p.nextToken();
      } catch (StreamConstraintsException e) {
        throw fromJackson(e);
      } catch (JacksonIOException e) {
        throw ioFailure(e);
      } catch (JacksonException e) {
        throw trailing(location(e));
      }
      if (after != null) {
        throw trailing(p.currentTokenLocation());
      }
      return course;
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw fromJackson(e);
    }
  }

  /** The "empty input" error at the parser's current location. */
  public JsonReadException emptyInput() {
    return error(Problem.EMPTY_INPUT, "", p.currentLocation(), "a course document",
        "empty input, expected a course document");
  }

  private JsonReadException trailing(TokenStreamLocation at) {
    return error(Problem.TRAILING_CONTENT, "", at, "the end of the input",
        "trailing content after the course document, expected the end of the input");
  }

  /**
   * Reads the value of type {@code type} (a course or one of its parts) that starts at the
   * parser's current token, leaving the parser on the value's last token.
   */
  public <T> T readValue(Class<T> type) {
    CourseWalk.Plan plan = CourseWalk.Plan.PARTS.get(type);
    if (plan == null) {
      throw new IllegalArgumentException("not a part of a course: " + type.getName());
    }
    try {
      return type.cast(type == TreatmentCourse.class ? readCourseValue() : walk.read(plan));
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw fromJackson(e);
    }
  }

  /**
   * Skips forward until the parser's nesting depth is {@code depth} again: after a bad record of a
   * batch, this moves to the record's last token so reading can go on with the next one.
   */
  public void skipTo(int depth) {
    try {
      while (p.streamReadContext().getNestingDepth() > depth) {
        if (p.nextToken() == null) {
          return;
        }
      }
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw fromJackson(e);
    }
  }

  // ---------------------------------------------------------------- the course

  private TreatmentCourse readCourseValue() {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType("a course object");
    }
    recordStart = positions.currentOffset();
    int containerDepth = p.streamReadContext().getNestingDepth() - 1;
    try {
      return (TreatmentCourse) walk.read(CourseWalk.Plan.COURSE);
    } catch (JsonReadException e) {
      if (!walk.versionSeen() && e.problem() != Problem.MALFORMED_JSON
          && e.problem() != Problem.LIMIT_EXCEEDED) {
        JsonReadException newer = newerVersionLater(containerDepth);
        if (newer != null) {
          throw newer;
        }
      }
      throw e;
    }
  }

  @Override
  public void version() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType("a schema version such as \"1.0\"");
    }
    JsonReadException problem = checkVersion(p.getString(), p.currentTokenLocation());
    if (problem != null) {
      throw problem;
    }
  }

  private JsonReadException checkVersion(String version, TokenStreamLocation at) {
    int dot = version.indexOf('.');
    // As the schema's pattern: a major without leading zeros, a minor of at most 11 digits.
    boolean wellFormed = dot > 0 && dot < version.length() - 1 && dot <= 6
        && version.length() <= dot + 12 && (dot == 1 || version.charAt(0) != '0')
        && digits(version, 0, dot)
        && digits(version, dot + 1, version.length());
    String expected = "a schema version " + SUPPORTED_MAJOR + ".x such as \"1.0\"";
    if (!wellFormed) {
      return error(Problem.UNKNOWN_VALUE, here(), at, expected,
          "expected " + expected + ", got " + JsonErrors.describeString(version, JsonErrors.Quote.VERSION));
    }
    int major = Integer.parseInt(version.substring(0, dot));
    if (major > SUPPORTED_MAJOR) {
      return error(Problem.UNSUPPORTED_VERSION, here(), at, expected,
          "schema version " + version + " is newer than this reader supports, expected "
              + expected + "; read it with a newer iptkit");
    }
    if (major < SUPPORTED_MAJOR) {
      return error(Problem.UNKNOWN_VALUE, here(), at, expected,
          "expected " + expected + ", got \"" + version + "\"");
    }
    return null;
  }

  /** The value of the decimal digits {@code c[from, to)}, already checked to be digits. */
  private static int number(char[] c, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (c[i] - '0');
    }
    return value;
  }

  private static boolean digits(char[] c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * After an error found before {@code schemaVersion} was read: looks for it in the rest of the
   * course object, so a document of a newer major version is refused for its version rather than
   * for its first unfamiliar field.
   */
  private JsonReadException newerVersionLater(int containerDepth) {
    try {
      while (p.streamReadContext().getNestingDepth() > containerDepth) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return null;
        }
        if (t == JsonToken.PROPERTY_NAME
            && p.streamReadContext().getNestingDepth() == containerDepth + 1
            && "schemaVersion".equals(p.currentName())
            && p.nextToken() == JsonToken.VALUE_STRING) {
          JsonReadException problem = checkVersion(p.getString(), p.currentTokenLocation());
          if (problem != null && problem.problem() == Problem.UNSUPPORTED_VERSION) {
            return problem;
          }
        }
      }
    } catch (JacksonException e) {
      return null;
    }
    return null;
  }

  // ---------------------------------------------------------------- the cursor

  @Override
  public void openObject(String expected) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(expected);
    }
    if (recordLimit > 0 && positions.currentOffset() - recordStart > recordLimit) {
      throw error(Problem.LIMIT_EXCEEDED, here(), positions.current(), "a record of at most "
          + recordLimit + " bytes", "record longer than the maximum of " + recordLimit + " bytes");
    }
  }

  /**
   * Field names are matched by Jackson from the bytes of the name, without a String per name;
   * unknown fields are rejected (or skipped with a warning when lenient), repeated ones rejected.
   */
  @Override
  public int nextField(CourseWalk.Scope object, int previous) {
    CourseWalk.Plan plan = object.plan;
    while (true) {
      int index = p.nextNameMatch(plan.matcher);
      if (index < 0) {
        if (index == PropertyNameMatcher.MATCH_END_OBJECT) {
          return -1;
        }
        if (p.currentToken() != JsonToken.PROPERTY_NAME) {
          throw new IllegalStateException("expected a field name or the end of an object");
        }
        index = plan.indexOf(p.currentName());
        if (index < 0) {
          if (lenient) {
            object.unknownNames = noteName(object.unknownNames, p.currentName());
          }
          unknownField(CourseWalk.list(plan.names, ~0L), "unknown field");
          continue;
        }
      }
      if ((object.seen & (1L << index)) != 0) {
        throw error(Problem.DUPLICATE_FIELD, here(), p.currentTokenLocation(),
            "each field at most once", "duplicate field, expected each field at most once");
      }
      p.nextToken();
      return index;
    }
  }

  @Override
  public void openArray(String expected) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(expected);
    }
  }

  @Override
  public boolean nextElement(boolean first) {
    return p.nextToken() != JsonToken.END_ARRAY;
  }

  @Override
  public boolean atNull() {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  @Override
  public String text() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(WireFormat.STRING);
    }
    return p.getString();
  }

  @Override
  public boolean flag() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongType(BOOLEAN);
  }

  @Override
  public int whole() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.INT) {
        return p.getIntValue();
      }
      throw error(Problem.WRONG_TYPE, here(), p.currentTokenLocation(), INTEGER,
          "expected " + INTEGER + ", got " + numberText() + ", which is out of range");
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(Problem.WRONG_TYPE, here(), p.currentTokenLocation(), INTEGER,
          "expected " + INTEGER + ", got " + numberText());
    }
    throw wrongType(INTEGER);
  }

  private String numberText() {
    String text = p.getString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  @Override
  public LocalDate date() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(DATE);
    }
    // From the parser's characters: a course holds dozens of dates, none needs a String.
    char[] c = p.getStringCharacters();
    int o = p.getStringOffset();
    if (p.getStringLength() == 10 && c[o + 4] == '-' && c[o + 7] == '-'
        && digits(c, o, o + 4) && digits(c, o + 5, o + 7) && digits(c, o + 8, o + 10)) {
      try {
        return LocalDate.of(number(c, o, o + 4), number(c, o + 5, o + 7),
            number(c, o + 8, o + 10));
      } catch (DateTimeException e) {
        throw error(Problem.INVALID_DATE, here(), p.currentTokenLocation(), DATE,
            "expected " + DATE + ", got \"" + p.getString() + "\", which is not a calendar date");
      }
    }
    String text = p.getString();
    throw error(Problem.INVALID_DATE, here(), p.currentTokenLocation(), DATE,
        "expected " + DATE + ", got " + JsonErrors.describeString(text, JsonErrors.Quote.DATE));
  }

  @Override
  public <E extends Enum<E>> E choice(EnumCodec<E> codec) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(codec.oneOf());
    }
    E value = codec.lookup(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    if (value == null) {
      String text = p.getString();
      throw error(Problem.UNKNOWN_VALUE, here(), p.currentTokenLocation(), codec.oneOf(),
          "expected " + codec.oneOf() + ", got "
              + JsonErrors.describeString(text, JsonErrors.Quote.NAME));
    }
    return value;
  }

  @Override
  public long mark() {
    return positions.current();
  }

  @Override
  public String pointer() {
    return here();
  }

  @Override
  public boolean lenient() {
    return lenient;
  }

  @Override
  public JsonReadException error(Problem problem, String pointer, long at, String expected,
      String reason) {
    return new JsonReadException(problem, pointer, line(at), column(at), expected, reason);
  }

  /** At a field name that is not known: reject it, or warn and skip its value when lenient. */
  private void unknownField(String known, String reason) {
    String pointer = here();
    TokenStreamLocation at = p.currentTokenLocation();
    p.nextToken();
    if (lenient) {
      skipUnknownValue();
      warn(pointer, at, reason + ", ignored");
      return;
    }
    JsonReadException e = error(Problem.UNKNOWN_FIELD, pointer, at, "one of " + known,
        reason + ", expected one of " + known);
    throw skipThen(e);
  }

  /**
   * Skips the value of an unknown field, as {@link JsonParser#skipChildren()} does, but rejects
   * a field given twice in any object within it: a duplicate key is an error in lenient reading
   * too (docs/format.md, Course), and the parser's own detection would leave the parser unusable,
   * so a batch could not go on with its next record.
   */
  private void skipUnknownValue() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Set<String> seenNames = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        seenNames = noteName(seenNames, p.currentName());
        p.nextToken();
        skipUnknownValue();
      }
    } else if (t == JsonToken.START_ARRAY) {
      for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY && next != null;
          next = p.nextToken()) {
        skipUnknownValue();
      }
    }
  }

  /**
   * Adds the field name at the parser to {@code names} (made when null) and returns the set;
   * rejects a name already in it as a duplicate field.
   */
  private Set<String> noteName(Set<String> names, String name) {
    Set<String> set = names == null ? new HashSet<>(4) : names;
    if (!set.add(name)) {
      throw error(Problem.DUPLICATE_FIELD, here(), p.currentTokenLocation(),
          "each field at most once", "duplicate field, expected each field at most once");
    }
    return set;
  }

  private void warn(String pointer, TokenStreamLocation at, String message) {
    warn(pointer, TokenPositions.of(at), message);
  }

  @Override
  public void warn(String pointer, long at, String message) {
    if (warnings != null) {
      warnings.add(new ReadWarning(pointer, line(at), column(at), message));
    }
  }

  private JsonReadException wrongType(String expected) {
    JsonReadException e = error(Problem.WRONG_TYPE, here(), p.currentTokenLocation(), expected,
        "expected " + expected + ", got " + describe(p.currentToken()));
    return skipThen(e);
  }

  /**
   * Before reporting a problem found at the start of an object or array, skips over it: if the
   * structure itself is too deep or malformed, that is the more fundamental problem to report.
   */
  private JsonReadException skipThen(JsonReadException e) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      try {
        p.skipChildren();
      } catch (JacksonIOException io) {
        throw ioFailure(io);
      } catch (JacksonException j) {
        return fromJackson(j);
      }
    }
    return e;
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  // ---------------------------------------------------------------- errors

  private String here() {
    return p.streamReadContext().pathAsPointer().toString();
  }

  private int line(TokenStreamLocation at) {
    return JsonErrors.line(at, lineOffset);
  }

  private static int column(TokenStreamLocation at) {
    return JsonErrors.column(at);
  }

  private int line(long at) {
    int line = TokenPositions.line(at);
    return line <= 0 ? 0 : line + lineOffset;
  }

  private static int column(long at) {
    int column = TokenPositions.column(at);
    return column <= 0 ? 0 : column;
  }

  private JsonReadException error(Problem problem, String pointer, TokenStreamLocation at,
      String expected, String reason) {
    return new JsonReadException(problem, pointer, line(at), column(at), expected, reason);
  }


  private TokenStreamLocation location(JacksonException e) {
    return JsonErrors.location(p, e);
  }

  /**
   * An I/O failure Jackson reports while reading: bytes that are not text in the document's
   * encoding are a read error at the parser's location; anything else is a failing source.
   */
  public RuntimeException ioFailure(JacksonIOException e) {
    if (e.getCause() instanceof CharConversionException decoding) {
      TokenStreamLocation at = p.currentLocation();
      return Encodings.unreadable(decoding, line(at), column(at));
    }
    return new UncheckedIOException(e.getCause());
  }

  /**
   * A Jackson failure before any token was read (creating the parser looks at the first bytes):
   * a read error at the start of the input, or an {@link UncheckedIOException} for a failing
   * source.
   *
   * @param lineOffset added to the line reported (NDJSON: the record's line minus one)
   */
  public static RuntimeException unreadable(JacksonException e, int lineOffset) {
    if (e instanceof JacksonIOException io) {
      if (io.getCause() instanceof CharConversionException decoding) {
        return Encodings.unreadable(decoding, 1 + lineOffset, 1);
      }
      return new UncheckedIOException(io.getCause());
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Problem problem = e instanceof StreamConstraintsException ? Problem.LIMIT_EXCEEDED
        : Problem.MALFORMED_JSON;
    return new JsonReadException(problem, "", 1 + lineOffset, 1, "well-formed JSON within the "
        + "reader's limits", "unreadable input: " + JsonMessages.withoutContent(original));
  }

  /**
   * The read error for a document of more than {@code max} bytes (characters for text), located
   * at the first one past the limit, or null when the document is short enough.
   */
  public static JsonReadException tooLong(CharSequence text, byte[] bytes, int length,
      long max) {
    if (length <= max) {
      return null;
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < max; i++) {
      int c = text != null ? text.charAt(i) : bytes[i];
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    String unit = text != null ? " characters" : " bytes";
    return new JsonReadException(Problem.LIMIT_EXCEEDED, "", line, column,
        "a document of at most " + max + unit, "document longer than the maximum of " + max
            + unit);
  }

  /** A Jackson streaming error as a read error, its message cleared of document content. */
  public JsonReadException fromJackson(JacksonException e) {
    return JsonErrors.fromJackson(p, e, FIELD_NAMES, lineOffset);
  }
}
