package org.iptkit.rules.internal;

import java.util.List;

/** The N rules of rules.md. */
public final class InventoryRules {
  private InventoryRules() {}

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of();
  }
}
