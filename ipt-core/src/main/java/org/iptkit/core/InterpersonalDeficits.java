package org.iptkit.core;

import org.immutables.value.Value;

/**
 * The INTERPERSONAL_DEFICITS problem area (also "interpersonal sensitivity"): few or
 * unsatisfying relationships and none of the other areas; the area of last resort, so it is not
 * combined with another area (rule F02).
 */
@Value.Immutable
public abstract non-sealed class InterpersonalDeficits implements ProblemArea {
  InterpersonalDeficits() {}

  @Override
  public final ProblemAreaType type() {
    return ProblemAreaType.INTERPERSONAL_DEFICITS;
  }

  @Override
  @Value.Default
  public boolean primary() {
    return false;
  }

  /** A builder of an interpersonal-deficits focus. */
  public static ImmutableInterpersonalDeficits.Builder builder() {
    return ImmutableInterpersonalDeficits.builder();
  }
}
