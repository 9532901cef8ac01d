package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions about the {@link InvalidValueException} a builder throws for impossible data. */
final class Rejections {

  private Rejections() {}

  /**
   * Asserts that {@code build} throws an {@link InvalidValueException} for {@code field} whose
   * message names the field (or the part of it a reader knows it by) and contains every one of
   * {@code messageParts} (typically the bad value, as in {@code "was 0"}), and that it says what
   * a possible value is ({@link InvalidValueException#expected()}).
   */
  static InvalidValueException assertRejected(ThrowingCallable build, String field,
      String... messageParts) {
    InvalidValueException[] thrown = new InvalidValueException[1];
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(InvalidValueException.class, e -> thrown[0] = e)
        .hasMessageContainingAll(messageParts)
        .satisfies(e -> org.assertj.core.api.Assertions
            .assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    org.assertj.core.api.Assertions.assertThat(thrown[0].expected())
        .as("what a possible value is").hasValueSatisfying(
            expected -> org.assertj.core.api.Assertions.assertThat(expected).isNotBlank());
    return thrown[0];
  }
}
