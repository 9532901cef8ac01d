package org.iptkit.rules;

/** How serious a finding is (docs/rules.md). */
public enum Severity {
  /** The protocol was not followed, or the patient may be unsafe. */
  ERROR,
  /** Questionable or incomplete. */
  WARNING,
  /** Worth knowing. */
  INFO;

  /** Whether this severity is at least as serious as {@code other} (ERROR ≥ WARNING ≥ INFO). */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
