package org.iptkit.rules;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * The fidelity of one therapist's courses in a cohort report: how many courses, their mean
 * adherence with its interval, how many had an ERROR finding, per rule the share of applicable
 * courses that pass, their outcome over explicit denominators and their observer ratings. Courses without a therapist reference form their own summary, whose
 * {@link #therapistRef()} is empty. The therapist reference is redacted from {@code toString()}.
 */
@Value.Immutable
public abstract class TherapistSummary {
  TherapistSummary() {}

  /** The pseudonymous therapist reference; empty for the courses that name no therapist. */
  @Value.Redacted
  public abstract Optional<String> therapistRef();

  /** The number of the therapist's courses. */
  public abstract long courses();

  /** The mean of the courses' overall adherence ({@link FidelitySummary#adherence()}). */
  public abstract double meanAdherence();

  /**
   * The lower end of the 95 % Student t interval of the mean adherence over the therapist's
   * courses (the course as the unit), clipped to 0; empty for fewer than two courses.
   */
  public abstract OptionalDouble adherenceLower();

  /** The upper end of the same interval, clipped to 1; empty for fewer than two courses. */
  public abstract OptionalDouble adherenceUpper();

  /** The outcome of the therapist's courses over explicit denominators. */
  public abstract OutcomeSummary outcomes();

  /** The observer ratings of the therapist's sessions per scale, by scale id. */
  public abstract List<RatingSummary> ratings();

  /** The number of the therapist's courses with at least one ERROR finding. */
  public abstract long coursesWithErrors();

  /** Per rule, applicable and passed courses, in catalog order. */
  public abstract List<RuleTally> rules();

  /** The tally of one rule, by code. */
  public Optional<RuleTally> rule(String code) {
    for (RuleTally tally : rules()) {
      if (tally.rule().equals(code)) {
        return Optional.of(tally);
      }
    }
    return Optional.empty();
  }

  /** A builder of a therapist summary. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a therapist summary attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  static final class Builder extends ImmutableTherapistSummary.Builder {
    Builder() {}
  }
}
