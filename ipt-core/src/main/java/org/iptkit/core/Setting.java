package org.iptkit.core;

/** Who takes part in a session. */
public enum Setting {
  /** The patient alone with the therapist. */
  INDIVIDUAL,
  /** A group session (Group IPT). */
  GROUP,
  /** The patient with a caregiver or partner (e.g. IPT-A with a parent). */
  JOINT
}
