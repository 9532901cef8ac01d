package org.iptkit.core;

/** Where a course of treatment stands; it decides which fidelity rules are due (docs/rules.md). */
public enum CourseStatus {
  /** Treatment is under way: the course is checked as of its last recorded session. */
  ONGOING,
  /** Treatment ended as planned: the course is checked in full. */
  COMPLETED,
  /** The patient left early: checked like an ongoing course, plus the non-response plan. */
  DISCONTINUED
}
