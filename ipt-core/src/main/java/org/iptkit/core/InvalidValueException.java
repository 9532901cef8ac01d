package org.iptkit.core;

/**
 * Thrown when a core value is built from impossible data: a PHQ-9 item scored 4, a session
 * numbered 0, a total that disagrees with its items. The message names the field and the bad
 * value, never a patient reference or free text; {@link #field()} gives the field as a relative
 * JSON Pointer (for example {@code "items/3"}) so a reader can point at the exact place in a
 * document.
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
