package org.iptkit.rules.internal;

import java.util.List;

/** The I rules of rules.md. */
public final class InitialPhaseRules {
  private InitialPhaseRules() {}

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of();
  }
}
