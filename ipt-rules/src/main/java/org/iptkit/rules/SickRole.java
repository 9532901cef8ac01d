package org.iptkit.rules;

/** The kind of sick role a protocol gives in the initial phase (rule I03). */
public enum SickRole {
  /** The full sick role of adult IPT (task SICK_ROLE_GIVEN). */
  FULL,
  /** The limited sick role of IPT-A (task LIMITED_SICK_ROLE_GIVEN). */
  LIMITED,
  /** No sick role (e.g. maintenance IPT): rule I03 does not apply. */
  NONE
}
