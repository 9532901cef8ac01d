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
   * ({@code ipt-m-monthly}), which has no ACUTE contract, by the CONTINUATION or MAINTENANCE
   * contract in force (the later agreed of the two): the dose that course was planned to get.
   */
  public abstract OptionalInt sessionsPlanned();

  /** Whether the course meets the profile's completer definition; empty if it defines none. */
  public abstract Optional<Boolean> completer();

  /**
   * Whether the course's profile has no acute phases (maintenance IPT, {@code ipt-m-monthly}):
   * such courses are reported on their own in a cohort, never mixed into response and remission.
   */
  @Value.Default
  public boolean maintenanceOnly() {
    return false;
  }

  /**
   * Whether every primary score of the course stayed below the instrument's cut-off (the
   * outcome of maintenance treatment: no return to caseness); empty without a primary score.
   */
  public abstract Optional<Boolean> stayedBelowCutOff();

  /**
   * Whether a later primary score rose by at least the profile's deterioration points above the
   * baseline (as rule M05 counts a deterioration); empty without a score after the baseline.
   */
  public abstract Optional<Boolean> deteriorated();

  /**
   * Whether the baseline is at or above the instrument's cut-off, i.e. the patient was a case
   * at the start (the denominator of response and remission); empty without a baseline.
   */
  public Optional<Boolean> caseAtBaseline() {
    return baseline().isPresent()
        ? Optional.of(instrument().isAtOrAboveCutOff(baseline().getAsInt()))
        : Optional.empty();
  }

  /**
   * The last score with the baseline carried forward when there is no later one (the
   * intention-to-treat convention); empty without a baseline.
   */
  public OptionalInt lastCarried() {
    return last().isPresent() ? last() : baseline();
  }

  /** Response on the last score carried forward (no later score: no response); empty without a baseline. */
  public Optional<Boolean> responseCarried() {
    return baseline().isPresent()
        ? Optional.of(instrument().isResponse(baseline().getAsInt(), lastCarried().getAsInt()))
        : Optional.empty();
  }

  /** Remission on the last score carried forward; empty without a baseline. */
  public Optional<Boolean> remissionCarried() {
    return baseline().isPresent()
        ? Optional.of(instrument().isRemission(lastCarried().getAsInt()))
        : Optional.empty();
  }

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
