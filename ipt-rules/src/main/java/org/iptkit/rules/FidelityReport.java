package org.iptkit.rules;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.iptkit.core.CourseStatus;

/**
 * The fidelity report of one course (docs/rules.md, The report; docs/format.md, Fidelity report):
 * the profile used, the status, every rule's outcome, the findings sorted by path then rule, the
 * fidelity summary and the clinical outcome. The course id and therapist reference are redacted
 * from {@code toString()}.
 */
@Value.Immutable
public abstract class FidelityReport {
  FidelityReport() {}

  /** The id of the course reported on. */
  @Value.Redacted
  public abstract String courseId();

  /** The pseudonymous therapist reference of the course, used to group cohort reports. */
  @Value.Redacted
  public abstract Optional<String> therapistRef();

  /** The id of the profile the course was checked against. */
  public abstract String protocol();

  /**
   * The id of the profile the course itself names, when it was checked against another one (an
   * override such as the tool's {@code --protocol}); empty when the two are the same.
   */
  public abstract Optional<String> courseProtocol();

  /** The course status. */
  public abstract CourseStatus status();

  /** The summary: adherence overall and per domain, counts per severity. */
  public abstract FidelitySummary summary();

  /** The clinical outcome on the primary instrument. */
  public abstract ClinicalOutcome outcome();

  /**
   * The observer fidelity ratings of the course's attended sessions (none when the course has
   * no ratings); they feed the cohort's rating summaries and inter-rater reliability.
   */
  @Value.Default
  public ObserverRatings ratings() {
    return ObserverRatings.none();
  }

  /** Every rule's outcome, in catalog order. */
  public abstract List<RuleResult> results();

  /** All findings, sorted by path, rule and message ({@link Finding#ORDER}). */
  public abstract List<Finding> findings();

  /** The findings at or above a severity. */
  public List<Finding> findingsAtLeast(Severity severity) {
    return findings().stream().filter(f -> f.severity().atLeast(severity)).toList();
  }

  /** Whether the report has a finding at or above a severity. */
  public boolean hasFindingsAtLeast(Severity severity) {
    for (Finding finding : findings()) {
      if (finding.severity().atLeast(severity)) {
        return true;
      }
    }
    return false;
  }

  /** The result of one rule, by code. */
  public Optional<RuleResult> result(String rule) {
    for (RuleResult result : results()) {
      if (result.rule().equals(rule)) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }

  /**
   * A bridge for Vavr users: invalid with the findings at or above {@code threshold}, or valid
   * with this report.
   */
  public Validation<Seq<Finding>, FidelityReport> toValidation(Severity threshold) {
    List<Finding> serious = findingsAtLeast(threshold);
    return serious.isEmpty()
        ? Validation.valid(this)
        : Validation.invalid(io.vavr.collection.List.ofAll(serious));
  }

  /** A builder of a report. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a fidelity report attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableFidelityReport.Builder {
    Builder() {}
  }
}
