package org.iptkit.rules.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule definition of the catalog, in code order (S, P, I, F, T, M, E, N). */
public final class Rules {
  private static final List<RuleDefinition> ALL;
  private static final Map<String, RuleDefinition> BY_CODE;

  static {
    List<RuleDefinition> all = new ArrayList<>();
    all.addAll(StructureRules.rules());
    all.addAll(PhaseRules.rules());
    all.addAll(InitialPhaseRules.rules());
    all.addAll(FocusRules.rules());
    all.addAll(TechniqueRules.rules());
    all.addAll(MeasurementRules.rules());
    all.addAll(EndingRules.rules());
    all.addAll(InventoryRules.rules());
    Map<String, RuleDefinition> byCode = new LinkedHashMap<>();
    for (RuleDefinition rule : all) {
      if (byCode.put(rule.code(), rule) != null) {
        throw new IllegalStateException("rule code defined twice: " + rule.code());
      }
    }
    ALL = Collections.unmodifiableList(all);
    BY_CODE = Collections.unmodifiableMap(byCode);
  }

  private Rules() {}

  /** All rules in catalog order. */
  public static List<RuleDefinition> all() {
    return ALL;
  }

  /** The rule with a code, or {@code null}. */
  public static RuleDefinition byCode(String code) {
    return BY_CODE.get(code);
  }
}
