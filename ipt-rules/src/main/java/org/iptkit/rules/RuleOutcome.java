package org.iptkit.rules;

/** The outcome of one rule for one course. */
public enum RuleOutcome {
  /** The rule applied and the course keeps it. */
  PASS,
  /** The rule applied and found one or more deviations. */
  FINDINGS,
  /** The rule does not apply to this course (with a reason), or the profile switched it off. */
  NOT_APPLICABLE
}
