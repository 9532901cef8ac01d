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

  /** Whether a profile or a call may switch the rule off (all but M04). */
  public boolean canBeSwitchedOff() {
    return !"M04".equals(code());
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
