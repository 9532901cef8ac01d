package org.iptkit.rules;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;
import org.iptkit.core.Instrument;
import org.iptkit.core.SeverityBand;

/**
 * The clinical outcome of a course on the profile's primary instrument: baseline and last
 * score, change, severity bands, response and remission (docs/clinical.md, Measures), whether
 * a score among them is prorated from a partly answered form, sessions attended and planned, and
 * whether the patient is a completer by the profile's definition.
 */
@Value.Immutable
public abstract class ClinicalOutcome {
  ClinicalOutcome() {}

  /** The primary instrument of the profile. */
  public abstract Instrument instrument();

  /** The first score (baseline), if any. */
  public abstract OptionalInt baseline();

  /** The last score, when there is one after the baseline. */
  public abstract OptionalInt last();

  /** Last minus baseline. */
  public abstract OptionalInt change();

  /** The band of the baseline. */
  public abstract Optional<SeverityBand> baselineBand();

  /** The band of the last score. */
  public abstract Optional<SeverityBand> lastBand();

  /** Whether the change is a response; empty without baseline and later score. */
  public abstract Optional<Boolean> response();

  /** Whether the last score is a remission; empty without baseline and later score. */
  public abstract Optional<Boolean> remission();

  /**
   * Whether the baseline or the last score is a prorated total of a partly answered form (so are
   * the bands, change, response and remission computed from it).
   */
  @Value.Default
  public boolean prorated() {
    return false;
  }

  /** Attended sessions (pre-group sessions not counted). */
  public abstract int sessionsAttended();

  /**
   * Sessions planned by the latest ACUTE contract; under a profile without acute phases
   * ({@code ipt-m-monthly}), by the CONTINUATION or MAINTENANCE contract in force (the later
   * agreed of the two).
   */
  public abstract OptionalInt sessionsPlanned();

  /** Whether the course meets the profile's completer definition; empty if it defines none. */
  public abstract Optional<Boolean> completer();

  /** A builder of an outcome. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a clinical outcome attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableClinicalOutcome.Builder {
    Builder() {}
  }
}
