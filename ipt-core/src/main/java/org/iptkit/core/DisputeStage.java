package org.iptkit.core;

/** The stage of an interpersonal role dispute, which guides the middle-phase plan. */
public enum DisputeStage {
  /** Both parties are still actively trying to resolve their differences. */
  RENEGOTIATION,
  /** Discussion has stopped; resentment persists. */
  IMPASSE,
  /** The relationship is ending or ended; the work is to mourn and move on. */
  DISSOLUTION
}
