package org.iptkit.core;

/** How a session is delivered. */
public enum Modality {
  /** Face to face. */
  IN_PERSON,
  /** By video call. */
  VIDEO,
  /** By telephone. */
  TELEPHONE
}
