package org.iptkit.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The four IPT problem areas (docs/clinical.md, Problem areas), used where only the name of an area
 * is needed: a session's focus, the areas a formulation names. Each knows its core middle-phase
 * strategies, which rule F06 expects to see recorded at least once.
 */
public enum ProblemAreaType {
  /** Onset or persistence linked to the death of a significant person. */
  GRIEF(
      EnumSet.of(SessionTask.MOURNING_FACILITATED, SessionTask.RELATIONSHIP_RECONSTRUCTED),
      EnumSet.noneOf(Technique.class)),
  /** Non-reciprocal expectations with a significant other, at a given stage. */
  ROLE_DISPUTE(
      EnumSet.of(SessionTask.DISPUTE_STAGE_ASSESSED), EnumSet.of(Technique.COMMUNICATION_ANALYSIS)),
  /** Difficulty with a change of social role. */
  ROLE_TRANSITION(EnumSet.of(SessionTask.OLD_NEW_ROLES_EVALUATED), EnumSet.noneOf(Technique.class)),
  /** Few or unsatisfying relationships and none of the other areas: the area of last resort. */
  INTERPERSONAL_DEFICITS(
      EnumSet.of(SessionTask.PAST_RELATIONSHIPS_REVIEWED), EnumSet.noneOf(Technique.class));

  private final Set<SessionTask> coreTasks;
  private final Set<Technique> coreTechniques;

  ProblemAreaType(Set<SessionTask> coreTasks, Set<Technique> coreTechniques) {
    this.coreTasks = Collections.unmodifiableSet(coreTasks);
    this.coreTechniques = Collections.unmodifiableSet(coreTechniques);
  }

  /** The session tasks that make up this area's core middle-phase strategy (rule F06). */
  public Set<SessionTask> coreTasks() {
    return coreTasks;
  }

  /** The techniques that make up this area's core strategy (ROLE_DISPUTE: communication analysis). */
  public Set<Technique> coreTechniques() {
    return coreTechniques;
  }
}
