package org.iptkit.rules.internal;

import java.util.List;

/** The P rules of rules.md. */
public final class PhaseRules {
  private PhaseRules() {}

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of();
  }
}
