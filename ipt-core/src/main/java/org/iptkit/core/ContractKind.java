package org.iptkit.core;

/** The kind of treatment contract: acute IPT, or continuation/maintenance under a new contract. */
public enum ContractKind {
  /** The contract of acute treatment (e.g. 16 weekly sessions); a renegotiation adds another. */
  ACUTE,
  /** Continuation treatment after an acute course, under its own contract. */
  CONTINUATION,
  /** Maintenance treatment (e.g. monthly IPT-M), under its own contract. */
  MAINTENANCE
}
