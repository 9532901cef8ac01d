package org.iptkit.rules.internal;

import java.util.List;

/** The F rules of rules.md. */
public final class FocusRules {
  private FocusRules() {}

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of();
  }
}
