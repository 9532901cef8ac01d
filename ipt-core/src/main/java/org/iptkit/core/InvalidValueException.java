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

  /** Creates an exception about {@code field} (a relative JSON Pointer, without leading slash). */
  public InvalidValueException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field the bad value was given for, as a relative JSON Pointer such as {@code "items/3"}. */
  public String field() {
    return field;
  }

  // The value types' checks run for every value built (millions when a cohort is read), so they
  // test first and build the message only when they throw.
  static void requireNotBlank(String value, String field) {
    if (value.isBlank()) {
      throw new InvalidValueException(field, field + " must not be blank");
    }
  }
}
