package org.iptkit.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The ROLE_DISPUTE problem area: non-reciprocal expectations with a significant other, at a
 * {@link DisputeStage stage}. Middle-phase strategy: assess the dispute and its stage, then
 * change communication or expectations (communication analysis).
 */
@Value.Immutable
public abstract non-sealed class RoleDispute implements ProblemArea {
  RoleDispute() {}

  @Override
  public final ProblemAreaType type() {
    return ProblemAreaType.ROLE_DISPUTE;
  }

  @Override
  @Value.Default
  public boolean primary() {
    return false;
  }

  /** The pseudonymous id of the other person in the dispute. */
  @Override
  @Value.Redacted
  public abstract Optional<String> personId();

  /** The stage of the dispute. */
  public abstract Optional<DisputeStage> stage();

  /** A builder of a role-dispute focus. */
  public static ImmutableRoleDispute.Builder builder() {
    return ImmutableRoleDispute.builder();
  }
}
