package org.iptkit.rules;

import org.immutables.value.Value;

/**
 * The catalog entry of a fidelity rule (docs/rules.md): its stable code, kebab-case name, default
 * severity, domain, what it checks, the rationale and its source. Listed by {@link RuleCatalog}.
 */
@Value.Immutable
public abstract class RuleInfo {
  RuleInfo() {}

  /** The stable code, e.g. {@code "S01"}: never reused, never renumbered. */
  public abstract String code();

  /** The kebab-case name, e.g. {@code "session-count"}. */
  public abstract String name();

  /** The severity of its findings unless configured otherwise. */
  public abstract Severity defaultSeverity();

  /** The domain (the letter of the code). */
  public abstract RuleDomain domain();

  /** What the rule checks, in one or two sentences. */
  public abstract String checks();

  /** Why the protocol asks for it. */
  public abstract String rationale();

  /** The source (docs/clinical.md, Sources, e.g. "W2000 ch.7"). */
  public abstract String source();

  /**
   * Whether the rule is mandatory: a profile, a trial protocol file or a checker's configuration
   * may neither switch it off nor lower its severity below {@link #minimumSeverity()} (M04: a
   * positive safety item is always followed up).
   */
  @Value.Default
  public boolean mandatory() {
    return false;
  }

  /**
   * The lowest severity the rule may be configured to: {@link Severity#INFO} for most rules, the
   * default severity for a mandatory one.
   */
  public Severity minimumSeverity() {
    return mandatory() ? defaultSeverity() : Severity.INFO;
  }

  /**
   * Whether the rule is about the acute phases (INITIAL, MIDDLE, TERMINATION sessions), so that it
   * does not apply under a profile without them (maintenance IPT).
   */
  @Value.Default
  public boolean acutePhasesOnly() {
    return false;
  }

  /**
   * Whether the rule judges acute treatment: in a course whose acute treatment is followed by
   * MAINTENANCE sessions under a continuation or maintenance contract agreed after the acute one,
   * it judges the acute sessions alone, as a completed acute treatment.
   */
  @Value.Default
  public boolean judgesAcuteTreatment() {
    return false;
  }

  /** Whether a profile or a call may switch the rule off (all but the mandatory ones). */
  public boolean canBeSwitchedOff() {
    return !mandatory();
  }

  /** Whether a profile, a protocol file or a call may configure the rule so. */
  public boolean allows(RuleSetting setting) {
    return setting.severity().map(s -> s.atLeast(minimumSeverity())).orElse(canBeSwitchedOff());
  }

  /** The settings a configuration may give this rule, in the order of {@link RuleSetting}. */
  public java.util.List<RuleSetting> allowedSettings() {
    java.util.List<RuleSetting> allowed = new java.util.ArrayList<>();
    for (RuleSetting setting : RuleSetting.values()) {
      if (allows(setting)) {
        allowed.add(setting);
      }
    }
    return allowed;
  }

  /**
   * Why a configuration may not give the rule this setting, e.g. "rule M04
   * (safety-item-followed-up) cannot be lowered to WARNING: it is mandatory at ERROR"; empty when
   * it may.
   */
  public java.util.Optional<String> refusal(RuleSetting setting) {
    if (allows(setting)) {
      return java.util.Optional.empty();
    }
    String rule = "rule " + code() + " (" + name() + ") cannot be "
        + (setting == RuleSetting.OFF ? "switched off" : "lowered to " + setting);
    return java.util.Optional.of(mandatory()
        ? rule + ": it is mandatory at " + minimumSeverity() : rule);
  }

  /** A builder of a catalog entry. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a catalog entry attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableRuleInfo.Builder {
    Builder() {}
  }
}
