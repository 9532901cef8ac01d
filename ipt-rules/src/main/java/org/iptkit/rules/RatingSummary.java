package org.iptkit.rules;

import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The observer ratings of one scale over a group of courses (a cohort or one therapist's
 * courses): the share of attended sessions rated on it, the mean session score with its range,
 * and the share of rated sessions at or above the scale's pass mark.
 *
 * <p>Pass marks: IPT-QAS (1–5) passes at a mean of 3.0, as the IPT Institute certifies; CSPRS
 * scales (any id beginning {@code CSPRS}, items 1–7) have no published pass mark, and this
 * library takes the scale's midpoint, 4.0; other scales have none, so no pass share.
 */
@Value.Immutable
public abstract class RatingSummary {
  RatingSummary() {}

  /** The scale's identifier. */
  public abstract String scale();

  /** Attended sessions rated on the scale, out of all attended sessions of the group. */
  public abstract Proportion rated();

  /** The mean session score over the rated sessions. */
  public abstract double mean();

  /** The lowest session score. */
  public abstract double min();

  /** The highest session score. */
  public abstract double max();

  /** The scale's pass mark, if it has one. */
  public OptionalDouble passMark() {
    return passMark(scale());
  }

  /** Rated sessions scoring at or above the pass mark, out of the rated sessions; empty without one. */
  public abstract Optional<Proportion> passed();

  /** The pass mark of a scale by its id: 3.0 for IPT-QAS, 4.0 for CSPRS scales, else none. */
  public static OptionalDouble passMark(String scale) {
    if (scale.equals("IPT-QAS")) {
      return OptionalDouble.of(3.0);
    }
    if (scale.startsWith("CSPRS")) {
      return OptionalDouble.of(4.0);
    }
    return OptionalDouble.empty();
  }

  /** A builder of {@code RatingSummary} values. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the value attribute by attribute (each setter is named after the accessor it sets,
   * whose Javadoc says what it means); {@code build()} checks the whole.
   */
  static final class Builder extends ImmutableRatingSummary.Builder {
    Builder() {}
  }
}
