package org.iptkit.core;

/** Whether a scheduled session took place. Only attended sessions count as sessions
 * (docs/rules.md). */
public enum Attendance {
  /** The session took place. */
  ATTENDED,
  /** The session was cancelled in advance (by either side). */
  CANCELLED,
  /** The patient did not come. */
  NO_SHOW;

  /** Whether the session took place. */
  public boolean attended() {
    return this == ATTENDED;
  }
}
