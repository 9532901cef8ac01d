package org.iptkit.rules;

import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * How one rule fared across the courses of a cohort (or of one therapist): for how many courses
 * it applied (PASS or FINDINGS) and how many of those passed.
 */
@Value.Immutable
public abstract class RuleTally {
  RuleTally() {}

  /** The rule's code, e.g. {@code "M04"}. */
  @Value.Parameter
  public abstract String rule();

  /** Courses for which the rule applied: outcome PASS or FINDINGS. */
  @Value.Parameter
  public abstract long applicable();

  /** Courses for which the rule applied and passed. */
  @Value.Parameter
  public abstract long passed();

  /** {@code passed / applicable}: the share of applicable courses that keep the rule; empty when none applied. */
  public OptionalDouble share() {
    return applicable() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) passed() / applicable());
  }

  /** Passed out of applicable courses as a proportion, with its 95 % Wilson interval. */
  public Proportion proportion() {
    return Proportion.of(passed(), applicable());
  }

  @Value.Check
  void check() {
    if (passed() < 0 || passed() > applicable()) {
      throw new IllegalArgumentException("rule " + rule()
          + ": a tally needs 0 <= passed <= applicable, was " + passed() + " of " + applicable());
    }
  }

  /** The tally of {@code rule}: {@code passed} of {@code applicable} courses. */
  public static RuleTally of(String rule, long applicable, long passed) {
    return ImmutableRuleTally.of(rule, applicable, passed);
  }
}
