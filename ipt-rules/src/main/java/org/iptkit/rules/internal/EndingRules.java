package org.iptkit.rules.internal;

import java.util.List;

/** The E rules of rules.md. */
public final class EndingRules {
  private EndingRules() {}

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of();
  }
}
