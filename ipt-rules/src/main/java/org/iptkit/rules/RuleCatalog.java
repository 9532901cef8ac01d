package org.iptkit.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.iptkit.rules.internal.RuleDefinition;
import org.iptkit.rules.internal.Rules;

/**
 * The fidelity rule catalog of docs/rules.md as data: every rule's code, name, default severity,
 * domain, what it checks, rationale and source, in code order.
 *
 * <pre>{@code
 * for (RuleInfo rule : RuleCatalog.all()) {
 *   System.out.println(rule.code() + " " + rule.name() + " " + rule.defaultSeverity());
 * }
 * }</pre>
 */
public final class RuleCatalog {
  private static final List<RuleInfo> ALL;

  static {
    List<RuleInfo> all = new ArrayList<>();
    for (RuleDefinition rule : Rules.all()) {
      all.add(rule.info());
    }
    ALL = Collections.unmodifiableList(all);
  }

  private RuleCatalog() {}

  /** Every rule, in catalog order (S, P, I, F, T, M, E, N; by number within a domain). */
  public static List<RuleInfo> all() {
    return ALL;
  }

  /** The rule with the given code, e.g. {@code "M04"}. */
  public static Optional<RuleInfo> find(String code) {
    RuleDefinition rule = Rules.byCode(code);
    return rule == null ? Optional.empty() : Optional.of(rule.info());
  }

  /** Whether a rule with this code exists. */
  public static boolean contains(String code) {
    return Rules.byCode(code) != null;
  }

  /**
   * The rule with the given code.
   *
   * @throws IllegalArgumentException for an unknown code, listing the known codes
   */
  public static RuleInfo get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException(
        "unknown rule code " + code + "; known codes: " + codes()));
  }

  /** The codes of all rules, in catalog order. */
  public static List<String> codes() {
    List<String> codes = new ArrayList<>(ALL.size());
    for (RuleInfo rule : ALL) {
      codes.add(rule.code());
    }
    return codes;
  }
}
