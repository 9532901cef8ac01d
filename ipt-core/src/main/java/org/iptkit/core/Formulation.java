package org.iptkit.core;

import java.time.LocalDate;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The interpersonal formulation: the link between the chosen problem area(s) and the onset of
 * symptoms, shared with the patient, who should explicitly agree (rule I07).
 */
@Value.Immutable
public abstract class Formulation implements WithFormulation {
  Formulation() {}

  /** The date the formulation was shared with the patient. */
  public abstract LocalDate sharedOn();

  /** The problem areas the formulation names. */
  public abstract Set<ProblemAreaType> areas();

  /** Whether the patient explicitly agreed with the formulation. */
  @Value.Default
  public boolean patientAgreed() {
    return false;
  }

  /** A builder of a formulation; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code formulation} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Formulation copyOf(Formulation formulation) {
    return ImmutableFormulation.copyOf(formulation);
  }

  /**
   * Builds a formulation attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code sharedOn(…)}: the date the formulation was shared with the patient.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code areas(…)} to replace all: the problem areas the formulation names.</li>
   *   <li>{@code patientAgreed(…)}: whether the patient explicitly agreed with the formulation.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableFormulation.Builder {
    Builder() {}
  }
}
