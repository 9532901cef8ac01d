package org.iptkit.json;

import java.util.Objects;

/**
 * A JSON document that could not be read: a treatment course (or one record of a batch), a
 * protocol profile or a fidelity report. The JSON is malformed, a field is unknown, missing or of
 * the wrong type, an enumeration value is not one of the allowed ones, a date is impossible, a
 * profile names an unknown rule or parent profile, or the value breaks an invariant of the model
 * (a PHQ-9 item scored 4, a session numbered 0, rule M04 switched off).
 *
 * <p>Every error names the place in the document as an RFC 6901 JSON Pointer ({@link #pointer()},
 * for example {@code /sessions/2/measures/0/items/3}), the line and column, and what was expected
 * (for an enumeration: the allowed values). The message reads
 * {@code /sessions/0/attendance: expected one of ATTENDED, CANCELLED, NO_SHOW, got "MAYBE" (line 7,
 * column 22)}.
 *
 * <p>Messages may quote an offending enumeration value, number, date, rule code or schema version,
 * but never the value of a patient or therapist reference, a course or person id, or any free-text
 * field (goals, what is satisfying or unsatisfying in a relationship, the desired change, roles,
 * rater, finding messages): for those the message says only what type was expected. No cause is
 * attached, so a stack trace cannot leak document content either.
 */
public final class JsonReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem made the document unreadable. */
  public enum Problem {
    /** The input is not well-formed JSON. */
    MALFORMED_JSON,
    /** The input holds no JSON value at all (only white space, or nothing). */
    EMPTY_INPUT,
    /** Something follows the document. */
    TRAILING_CONTENT,
    /** A safety limit was exceeded: nesting depth, string, number or document length. */
    LIMIT_EXCEEDED,
    /** A field the format does not define (or not for this kind of problem area). */
    UNKNOWN_FIELD,
    /** The same field appears twice in one object. */
    DUPLICATE_FIELD,
    /** A field the format requires is absent. */
    MISSING_FIELD,
    /** A value of the wrong JSON type (a string where an integer is expected, 1.5 as minutes). */
    WRONG_TYPE,
    /**
     * An enumeration value that is not one of the allowed ones, a repeated set member, an unknown
     * rule code or an unknown parent profile ({@code basedOn}).
     */
    UNKNOWN_VALUE,
    /** A date that is not an existing calendar date written {@code YYYY-MM-DD}. */
    INVALID_DATE,
    /** A {@code schemaVersion} of a newer major version than this reader supports. */
    UNSUPPORTED_VERSION,
    /**
     * Well-typed data the model rejects as impossible: a core invariant of a course, or a profile
     * parameter out of range (a negative gap, M04 switched off).
     */
    INVALID_VALUE,
    /**
     * A file of a directory being read could not be read at all (no permission, an I/O error):
     * reported as a record of that file, and the directory's other files are still read. A path
     * given directly that cannot be read is an {@link java.io.UncheckedIOException} instead.
     */
    UNREADABLE_FILE
  }

  private final Problem problem;
  private final String pointer;
  private final int line;
  private final int column;
  private final String expected;
  private final String reason;

  /**
   * Creates a read error.
   *
   * @param problem what kind of problem it is
   * @param pointer the JSON Pointer of the offending place ({@code ""} for the whole document)
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param expected what was expected there, in words (e.g. {@code "one of ONGOING, COMPLETED,
   *     DISCONTINUED"})
   * @param reason the description of the problem without pointer and location; it must not
   *     contain patient data
   */
  public JsonReadException(
      Problem problem, String pointer, int line, int column, String expected, String reason) {
    super(compose(pointer, line, column, reason), null, false, true);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.line = line;
    this.column = column;
    this.expected = Objects.requireNonNull(expected, "expected");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private static String compose(String pointer, int line, int column, String reason) {
    StringBuilder message = new StringBuilder();
    if (!pointer.isEmpty()) {
      message.append(pointer).append(": ");
    }
    message.append(reason);
    if (line > 0) {
      message.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    return message.toString();
  }

  /** What kind of problem made the document unreadable. */
  public Problem problem() {
    return problem;
  }

  /**
   * The RFC 6901 JSON Pointer of the offending value, field or object, such as
   * {@code /sessions/2/measures/0/items/3}; {@code ""} for the whole document. In a JSON array
   * batch the pointer starts with the record's index ({@code /3/sessions/0/date}).
   */
  public String pointer() {
    return pointer;
  }

  /** The 1-based line of the offending place (in an NDJSON file: the line of the file), or 0. */
  public int line() {
    return line;
  }

  /** The 1-based column of the offending place, or 0 when unknown. */
  public int column() {
    return column;
  }

  /**
   * What was expected at the offending place, in words: {@code "an integer"}, {@code "a date
   * YYYY-MM-DD"}, {@code "one of ATTENDED, CANCELLED, NO_SHOW"}.
   */
  public String expected() {
    return expected;
  }

  /** The description of the problem, without the pointer and the location. */
  public String reason() {
    return reason;
  }
}
