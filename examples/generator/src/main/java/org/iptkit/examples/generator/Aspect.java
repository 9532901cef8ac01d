package org.iptkit.examples.generator;

/**
 * A part of a course that a deviation kind changes or relies on. Two kinds are injected into
 * the same course only when neither changes what the other changes or relies on, so that each
 * stays detectable exactly as documented.
 */
enum Aspect {
  COUNT,
  CONTRACT,
  DATES,
  SCHEDULE,
  MINUTES,
  PHASES,
  INITIAL_TASKS,
  INVENTORY,
  AREAS,
  FORMULATION,
  FOCUS_FIELD,
  MIDDLE_TASKS,
  TECHNIQUES,
  PROSCRIBED,
  MEASURES,
  ENDING_TASKS,
  CAREGIVER
}
