package org.iptkit.rules;

import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * A count out of a number of courses (or sessions) in a cohort report, e.g. 12 responders out of
 * the 20 completed courses that were a case at baseline; {@link #rate()} is their ratio, and
 * {@link #lower()} and {@link #upper()} bound it with the 95 % Wilson score interval (Wilson
 * 1927), which stays inside 0..1 and keeps its coverage for small n and for shares near 0 or 1.
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

  /** The lower end of the 95 % Wilson score interval of the rate; empty when n is 0. */
  public OptionalDouble lower() {
    double[] interval = Statistics.wilson(count(), n());
    return interval == null ? OptionalDouble.empty() : OptionalDouble.of(interval[0]);
  }

  /** The upper end of the 95 % Wilson score interval of the rate; empty when n is 0. */
  public OptionalDouble upper() {
    double[] interval = Statistics.wilson(count(), n());
    return interval == null ? OptionalDouble.empty() : OptionalDouble.of(interval[1]);
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
