package org.iptkit.core;

import java.time.LocalDate;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The interpersonal formulation: the link between the chosen problem area(s) and the onset of
 * symptoms, shared with the patient, who should explicitly agree (rule I07).
 */
@Value.Immutable
public abstract class Formulation {
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

  /** A builder of a formulation. */
  public static ImmutableFormulation.Builder builder() {
    return ImmutableFormulation.builder();
  }
}
