package org.iptkit.core;

/** The phase of IPT a session belongs to (docs/clinical.md, Phases). Phases never go back (rule
 * P01). */
public enum Phase {
  /** An individual session before group IPT starts (WHO Group IPT). */
  PRE_GROUP,
  /** Initial phase: diagnosis, psychoeducation, sick role, inventory, focus, formulation, contract. */
  INITIAL,
  /** Middle phase: work on the chosen problem area(s) with IPT strategies and techniques. */
  MIDDLE,
  /** Ending (termination, conclusion): progress, feelings about ending, relapse prevention. */
  TERMINATION,
  /** Continuation or maintenance treatment under its own contract. */
  MAINTENANCE;

  /** Whether this phase belongs to acute treatment (initial, middle or termination). */
  public boolean isAcute() {
    return this == INITIAL || this == MIDDLE || this == TERMINATION;
  }
}
