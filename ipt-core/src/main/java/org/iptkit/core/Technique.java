package org.iptkit.core;

/**
 * A therapeutic technique recorded in a session (docs/clinical.md, Techniques). IPT techniques are
 * expected in the middle phase (rule T03); the non-IPT ones are proscribed by adherence scales
 * (rule T01) unless a protocol profile allows them.
 */
public enum Technique {
  /** Nondirective exploration. */
  EXPLORATION(true),
  /** Direct elicitation of material. */
  DIRECT_ELICITATION(true),
  /** Encouragement of affect. */
  ENCOURAGEMENT_OF_AFFECT(true),
  /** Clarification. */
  CLARIFICATION(true),
  /** Communication analysis. */
  COMMUNICATION_ANALYSIS(true),
  /** Use of the therapeutic relationship. */
  THERAPEUTIC_RELATIONSHIP(true),
  /** Decision analysis. */
  DECISION_ANALYSIS(true),
  /** Role play. */
  ROLE_PLAY(true),
  /** Interpersonal incidents (Stuart &amp; Robertson). */
  INTERPERSONAL_INCIDENT(true),
  /** Not IPT: transference interpretation. */
  TRANSFERENCE_INTERPRETATION(false),
  /** Not IPT: dream interpretation. */
  DREAM_INTERPRETATION(false),
  /** Not IPT: genetic (childhood-origin) interpretation. */
  GENETIC_INTERPRETATION(false),
  /** Not IPT: free association. */
  FREE_ASSOCIATION(false),
  /** Not IPT: cognitive restructuring of automatic thoughts as the primary target. */
  COGNITIVE_RESTRUCTURING(false),
  /** Not IPT: formally assigned CBT-style homework (some manuals allow judicious homework). */
  ASSIGNED_HOMEWORK(false);

  private final boolean ipt;

  Technique(boolean ipt) {
    this.ipt = ipt;
  }

  /** Whether this is an IPT technique; {@code false} for the techniques adherence scales proscribe. */
  public boolean isIpt() {
    return ipt;
  }
}
