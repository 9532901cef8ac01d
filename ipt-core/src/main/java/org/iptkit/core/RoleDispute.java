package org.iptkit.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The ROLE_DISPUTE problem area: non-reciprocal expectations with a significant other, at a
 * {@link DisputeStage stage}. Middle-phase strategy: assess the dispute and its stage, then
 * change communication or expectations (communication analysis).
 */
@Value.Immutable
public abstract non-sealed class RoleDispute implements ProblemArea, WithRoleDispute {
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

  /** A builder of a role-dispute focus; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code roleDispute} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static RoleDispute copyOf(RoleDispute roleDispute) {
    return ImmutableRoleDispute.copyOf(roleDispute);
  }

  /**
   * Builds a role-dispute focus attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code primary(…)}: whether this is the primary focus of treatment (default: not primary).</li>
   *   <li>{@code personId(value)} or {@code personId(Optional)}: the pseudonymous id of the other person in the dispute.</li>
   *   <li>{@code stage(value)} or {@code stage(Optional)}: the stage of the dispute.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableRoleDispute.Builder {
    Builder() {}
  }
}
