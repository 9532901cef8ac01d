package org.iptkit.core;

/**
 * The one exception a core value's construction throws: for impossible data (a PHQ-9 item scored
 * 4, a session numbered 0, a total that disagrees with its items, a no-show session with minutes),
 * for a required value left out (a session without its date) and for a {@code null} given where
 * a value or a list element is needed. The message names the field and says what was expected;
 * it may quote a bad number, date or code but never a patient reference or free text.
 * {@link #field()} gives the field as a relative JSON Pointer (for example {@code "items/3"} or
 * {@code "sessions/3/number"}) so a reader can point at the exact place in a document.
 */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String expected;

  /**
   * Creates an exception about {@code field} (a relative JSON Pointer, without leading slash)
   * that does not say what was expected.
   */
  public InvalidValueException(String field, String message) {
    this(field, null, message);
  }

  /**
   * Creates an exception about {@code field} (a relative JSON Pointer, without leading slash)
   * saying what a possible value is, for example {@code "an item score 0..3"}.
   */
  public InvalidValueException(String field, String expected, String message) {
    super(message);
    this.field = field;
    this.expected = expected;
  }

  /**
   * Creates an exception about required values left out of a builder, given their names (the
   * builders generated for the core types call this); the field is the first of them.
   */
  public InvalidValueException(String[] missing) {
    this(missing.length == 0 ? "" : missing[0],
        "a value for " + String.join(", ", missing),
        "required value missing: " + String.join(", ", missing));
  }

  /**
   * Creates an exception about a {@code null} given for the value or list named (the builders
   * generated for the core types call this with {@code "date"} or {@code "measures element"}).
   */
  public InvalidValueException(String name) {
    this(fieldOf(name), name.endsWith(ELEMENT) ? "no null elements" : "a value, not null",
        name.endsWith(ELEMENT)
            ? fieldOf(name) + " must not contain null"
            : name + " must not be null");
  }

  private static final String ELEMENT = "element";

  private static String fieldOf(String name) {
    if (name.endsWith(" " + ELEMENT)) {
      return name.substring(0, name.length() - ELEMENT.length() - 1);
    }
    return name.equals(ELEMENT) ? "" : name;
  }

  /** The field the bad value was given for, as a relative JSON Pointer such as {@code "items/3"}. */
  public String field() {
    return field;
  }

  /**
   * What a possible value of the field is, in words (e.g. {@code "an item score 0..3"}), when
   * the check that failed says; a reader reports it as what was expected.
   */
  public java.util.Optional<String> expected() {
    return java.util.Optional.ofNullable(expected);
  }

  // The value types' checks run for every value built (millions when a cohort is read), so they
  // test first and build the message only when they throw.
  static void requireNotBlank(String value, String field) {
    if (value.isBlank()) {
      throw new InvalidValueException(field, "a non-blank string", field + " must not be blank");
    }
  }
}
