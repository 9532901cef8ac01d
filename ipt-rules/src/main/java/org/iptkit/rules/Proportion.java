package org.iptkit.rules;

import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A count out of a number of courses in a cohort report, e.g. 12 responders out of the 20
 * courses with a baseline and a later primary score; {@link #rate()} is their ratio.
 */
@Value.Immutable
public abstract class Proportion {
  Proportion() {}

  /** How many courses have the property (responders, completers, …). */
  @Value.Parameter
  public abstract long count();

  /** How many courses could have it (the denominator, the n). */
  @Value.Parameter
  public abstract long n();

  /** {@code count / n}; empty when n is 0. */
  public OptionalDouble rate() {
    return n() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count() / n());
  }

  @Value.Check
  void check() {
    if (count() < 0 || count() > n()) {
      throw new IllegalArgumentException(
          "a proportion needs 0 <= count <= n, was " + count() + " of " + n());
    }
  }

  /** {@code count} out of {@code n}. */
  public static Proportion of(long count, long n) {
    return ImmutableProportion.of(count, n);
  }
}
