package org.iptkit.rules;

import org.immutables.value.Value;

/** An inclusive range of whole numbers of a protocol parameter, e.g. 12–16 sessions. */
@Value.Immutable
public abstract class IntRange {
  IntRange() {}

  /** The smallest allowed value. */
  @Value.Parameter
  public abstract int min();

  /** The largest allowed value. */
  @Value.Parameter
  public abstract int max();

  /** Whether {@code value} lies in the range. */
  public boolean contains(int value) {
    return value >= min() && value <= max();
  }

  @Value.Check
  void check() {
    if (min() < 0 || min() > max()) {
      throw new IllegalArgumentException(
          "range needs 0 <= min <= max, was " + min() + ".." + max());
    }
  }

  /** The range {@code min..max}. */
  public static IntRange of(int min, int max) {
    return ImmutableIntRange.of(min, max);
  }

  @Override
  public String toString() {
    return min() == max() ? Integer.toString(min()) : min() + "-" + max();
  }
}
