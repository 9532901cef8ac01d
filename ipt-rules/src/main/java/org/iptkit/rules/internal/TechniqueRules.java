package org.iptkit.rules.internal;

import java.util.List;

/** The T rules of rules.md. */
public final class TechniqueRules {
  private TechniqueRules() {}

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of();
  }
}
