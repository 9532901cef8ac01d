package org.iptkit.rules;

/** How a profile or a call configures one rule: off, or on at a chosen severity. */
public enum RuleSetting {
  /** The rule is switched off: its outcome is NOT_APPLICABLE. Not allowed for M04. */
  OFF,
  /** On, reporting at ERROR. */
  ERROR,
  /** On, reporting at WARNING. */
  WARNING,
  /** On, reporting at INFO. */
  INFO;

  /** The severity this setting reports at; OFF has none. */
  public java.util.Optional<Severity> severity() {
    return this == OFF ? java.util.Optional.empty() : java.util.Optional.of(Severity.valueOf(name()));
  }
}
