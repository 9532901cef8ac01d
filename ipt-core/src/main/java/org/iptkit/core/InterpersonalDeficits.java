package org.iptkit.core;

import org.immutables.value.Value;

/**
 * The INTERPERSONAL_DEFICITS problem area (also "interpersonal sensitivity"): few or
 * unsatisfying relationships and none of the other areas; the area of last resort, so it is not
 * combined with another area (rule F02).
 */
@Value.Immutable
public abstract non-sealed class InterpersonalDeficits implements ProblemArea, WithInterpersonalDeficits {
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

  /** A builder of an interpersonal-deficits focus; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code interpersonalDeficits} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static InterpersonalDeficits copyOf(InterpersonalDeficits interpersonalDeficits) {
    return ImmutableInterpersonalDeficits.copyOf(interpersonalDeficits);
  }

  /**
   * Builds an interpersonal-deficits focus attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code primary(…)}: whether this is the primary focus of treatment (default: not primary).</li>
   * </ul>
   */
  public static final class Builder extends ImmutableInterpersonalDeficits.Builder {
    Builder() {}
  }
}
