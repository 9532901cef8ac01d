package org.iptkit.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The GRIEF problem area: onset or persistence of symptoms linked to the death of a significant
 * person, who should be in the inventory and marked deceased (rules F03, F04). Middle-phase
 * strategies: facilitate mourning, reconstruct the relationship with the deceased.
 */
@Value.Immutable
public abstract non-sealed class Grief implements ProblemArea {
  Grief() {}

  @Override
  public final ProblemAreaType type() {
    return ProblemAreaType.GRIEF;
  }

  @Override
  @Value.Default
  public boolean primary() {
    return false;
  }

  /** The pseudonymous id of the deceased person. */
  @Override
  @Value.Redacted
  public abstract Optional<String> personId();

  /** A builder of a grief focus. */
  public static ImmutableGrief.Builder builder() {
    return ImmutableGrief.builder();
  }
}
