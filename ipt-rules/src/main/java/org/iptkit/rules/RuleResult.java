package org.iptkit.rules;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The outcome of one rule for one course: PASS, FINDINGS (with them) or NOT_APPLICABLE (with why). */
@Value.Immutable
public abstract class RuleResult {
  RuleResult() {}

  /** The rule's code. */
  public abstract String rule();

  /** Pass, findings or not applicable. */
  public abstract RuleOutcome outcome();

  /** Why the rule did not apply (NOT_APPLICABLE only). */
  public abstract Optional<String> reason();

  /** The rule's findings (FINDINGS only), in report order. */
  public abstract List<Finding> findings();

  @Value.Check
  void check() {
    if ((outcome() == RuleOutcome.FINDINGS) == findings().isEmpty()) {
      throw new IllegalArgumentException(
          "rule " + rule() + ": outcome FINDINGS needs findings and only it may carry them");
    }
    if (reason().isPresent() != (outcome() == RuleOutcome.NOT_APPLICABLE)) {
      throw new IllegalArgumentException(
          "rule " + rule() + ": a reason goes with NOT_APPLICABLE only");
    }
  }

  /** A builder of a rule result. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a rule result attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableRuleResult.Builder {
    Builder() {}
  }
}
