package org.iptkit.rules.internal;

import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.Severity;

/**
 * A fidelity rule: its catalog entry and a pure function from the facts of a course (checked
 * against a profile) to an {@link Evaluation}. Rules never throw for a deviation.
 */
public final class RuleDefinition {
  /** The pure check of a rule. */
  @FunctionalInterface
  public interface Check {
    /** Evaluates the rule for one course. */
    Evaluation evaluate(CourseFacts facts);
  }

  private final RuleInfo info;
  private final Check check;

  private RuleDefinition(RuleInfo info, Check check) {
    this.info = info;
    this.check = check;
  }

  /** Defines a rule. */
  public static RuleDefinition define(String code, String name, Severity severity,
      String checks, String rationale, String source, Check check) {
    RuleInfo info = RuleInfo.builder()
        .code(code)
        .name(name)
        .defaultSeverity(severity)
        .domain(RuleDomain.valueOf(code.substring(0, 1)))
        .checks(checks)
        .rationale(rationale)
        .source(source)
        .build();
    return new RuleDefinition(info, check);
  }

  /** The catalog entry. */
  public RuleInfo info() {
    return info;
  }

  /** The rule's code. */
  public String code() {
    return info.code();
  }

  /** Evaluates the rule for one course. */
  public Evaluation evaluate(CourseFacts facts) {
    return check.evaluate(facts);
  }
}
