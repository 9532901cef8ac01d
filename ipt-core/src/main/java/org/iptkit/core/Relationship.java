package org.iptkit.core;

/** How a person of the interpersonal inventory is related to the patient. */
public enum Relationship {
  /** Spouse or current partner. */
  PARTNER,
  /** Former spouse or partner. */
  EX_PARTNER,
  /** Mother, father or step-parent. */
  PARENT,
  /** Son or daughter. */
  CHILD,
  /** Brother or sister. */
  SIBLING,
  /** Any other family member. */
  OTHER_RELATIVE,
  /** A friend. */
  FRIEND,
  /** Someone from work or study. */
  COLLEAGUE,
  /** A person who cares for the patient (e.g. the caregiver of an adolescent). */
  CARER,
  /** Anyone else who matters to the patient. */
  OTHER
}
