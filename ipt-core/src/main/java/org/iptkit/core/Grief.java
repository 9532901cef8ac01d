package org.iptkit.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The GRIEF problem area: onset or persistence of symptoms linked to the death of a significant
 * person, who should be in the inventory and marked deceased (rules F03, F04). Middle-phase
 * strategies: facilitate mourning, reconstruct the relationship with the deceased.
 */
@Value.Immutable
public abstract non-sealed class Grief implements ProblemArea, WithGrief {
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

  /** A builder of a grief focus; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code grief} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Grief copyOf(Grief grief) {
    return ImmutableGrief.copyOf(grief);
  }

  /**
   * Builds a grief focus attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code primary(…)}: whether this is the primary focus of treatment (default: not primary).</li>
   *   <li>{@code personId(value)} or {@code personId(Optional)}: the pseudonymous id of the deceased person.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableGrief.Builder {
    Builder() {}
  }
}
