package org.iptkit.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The ROLE_TRANSITION problem area: difficulty with a change of social role (a move, a new job,
 * parenthood, illness, retirement). Middle-phase strategy: mourn the old role, evaluate old and
 * new roles, build skills and supports for the new one. The roles are free text and are
 * redacted from {@code toString()}.
 */
@Value.Immutable
public abstract non-sealed class RoleTransition implements ProblemArea {
  RoleTransition() {}

  @Override
  public final ProblemAreaType type() {
    return ProblemAreaType.ROLE_TRANSITION;
  }

  @Override
  @Value.Default
  public boolean primary() {
    return false;
  }

  /** The old role, in the patient's words (free text). */
  @Value.Redacted
  public abstract Optional<String> fromRole();

  /** The new role, in the patient's words (free text). */
  @Value.Redacted
  public abstract Optional<String> toRole();

  /** The kind of life change. */
  public abstract Optional<TransitionKind> transition();

  /** A builder of a role-transition focus. */
  public static ImmutableRoleTransition.Builder builder() {
    return ImmutableRoleTransition.builder();
  }
}
