package org.iptkit.rules;

/** The domain of a fidelity rule: the letter of its code (docs/rules.md). */
public enum RuleDomain {
  /** Structure and dose. */
  S("structure and dose"),
  /** Phases. */
  P("phases"),
  /** Initial phase tasks. */
  I("initial phase tasks"),
  /** Focus (problem areas). */
  F("focus"),
  /** Techniques. */
  T("techniques"),
  /** Measurement and safety. */
  M("measurement and safety"),
  /** Ending. */
  E("ending"),
  /** Interpersonal inventory. */
  N("interpersonal inventory");

  private final String title;

  RuleDomain(String title) {
    this.title = title;
  }

  /** The domain's title, e.g. "measurement and safety". */
  public String title() {
    return title;
  }
}
