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
public abstract non-sealed class RoleTransition implements ProblemArea, WithRoleTransition {
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

  /** A builder of a role-transition focus; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code roleTransition} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static RoleTransition copyOf(RoleTransition roleTransition) {
    return ImmutableRoleTransition.copyOf(roleTransition);
  }

  /**
   * Builds a role-transition focus attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code primary(…)}: whether this is the primary focus of treatment (default: not primary).</li>
   *   <li>{@code fromRole(value)} or {@code fromRole(Optional)}: the old role, in the patient's words (free text).</li>
   *   <li>{@code toRole(value)} or {@code toRole(Optional)}: the new role, in the patient's words (free text).</li>
   *   <li>{@code transition(value)} or {@code transition(Optional)}: the kind of life change.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableRoleTransition.Builder {
    Builder() {}
  }
}
