package org.iptkit.core;

/**
 * A task of the IPT protocol recorded as done in a session (docs/clinical.md, Phases and Problem
 * areas): the initial-phase tasks, the middle-phase strategies of each problem area, and the ending
 * tasks.
 */
public enum SessionTask {
  /** Symptoms reviewed and the diagnosis named against standard criteria (initial phase). */
  DIAGNOSIS_NAMED(Phase.INITIAL),
  /** Psychoeducation about depression and its treatment (initial phase). */
  PSYCHOEDUCATION(Phase.INITIAL),
  /** The sick role given (initial phase). */
  SICK_ROLE_GIVEN(Phase.INITIAL),
  /** The limited sick role of IPT-A given (initial phase). */
  LIMITED_SICK_ROLE_GIVEN(Phase.INITIAL),
  /** The need for medication evaluated (initial phase). */
  MEDICATION_EVALUATED(Phase.INITIAL),
  /** The interpersonal inventory taken (initial phase). */
  INVENTORY(Phase.INITIAL),
  /** The interpersonal formulation shared with the patient (initial phase). */
  FORMULATION_SHARED(Phase.INITIAL),
  /** The treatment contract agreed: number of sessions, frequency, goals (initial phase). */
  CONTRACT_AGREED(Phase.INITIAL),
  /** A caregiver involved in the session (IPT-A: initial and termination phases). */
  CAREGIVER_INVOLVED(null),
  /** The interim review that opens a middle-phase session: mood linked to the week's events. */
  INTERIM_REVIEW(Phase.MIDDLE),
  /** Grief: mourning facilitated. */
  MOURNING_FACILITATED(Phase.MIDDLE),
  /** Grief: the relationship with the deceased reconstructed. */
  RELATIONSHIP_RECONSTRUCTED(Phase.MIDDLE),
  /** Role dispute: the dispute and its stage assessed. */
  DISPUTE_STAGE_ASSESSED(Phase.MIDDLE),
  /** Role transition: old and new roles evaluated (positives and negatives). */
  OLD_NEW_ROLES_EVALUATED(Phase.MIDDLE),
  /** Interpersonal deficits: past significant relationships and their patterns reviewed. */
  PAST_RELATIONSHIPS_REVIEWED(Phase.MIDDLE),
  /** Interpersonal deficits: new relationships encouraged, isolation reduced. */
  NEW_RELATIONSHIPS_ENCOURAGED(Phase.MIDDLE),
  /** The treatment plan reviewed (e.g. after symptoms worsened). */
  TREATMENT_PLAN_REVIEWED(null),
  /** A suicide risk assessment done (required after a positive safety item). */
  RISK_ASSESSED(null),
  /** The ending of treatment discussed explicitly, ahead of the last session. */
  ENDING_DISCUSSED(null),
  /** Progress reviewed and gains consolidated (ending). */
  PROGRESS_REVIEWED(Phase.TERMINATION),
  /** Feelings about the ending addressed (ending). */
  FEELINGS_ABOUT_ENDING(Phase.TERMINATION),
  /** A relapse prevention plan made: warning signs and a contingency plan (ending). */
  RELAPSE_PREVENTION_PLAN(Phase.TERMINATION),
  /** Further treatment offered: an alternative after non-response, or continuation/maintenance. */
  FURTHER_TREATMENT_OFFERED(Phase.TERMINATION);

  private final Phase usualPhase;

  SessionTask(Phase usualPhase) {
    this.usualPhase = usualPhase;
  }

  /**
   * The phase in which the protocol places this task, or {@code null} for a task that may be due
   * in any phase (risk assessment, treatment plan review, ending discussion, caregiver).
   */
  public Phase usualPhase() {
    return usualPhase;
  }
}
