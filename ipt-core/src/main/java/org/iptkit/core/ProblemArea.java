package org.iptkit.core;

import java.util.Optional;

/**
 * A chosen IPT problem area, the focus of treatment (docs/clinical.md, Problem areas). A closed set
 * of four kinds with different details: {@link Grief} names the deceased person, {@link
 * RoleDispute} the other person and the dispute's stage, {@link RoleTransition} the old and new
 * role, and {@link InterpersonalDeficits} nothing more. Missing details are reported by rule F03,
 * not rejected here.
 *
 * <pre>{@code
 * switch (area.type()) { case GRIEF -> …; case ROLE_DISPUTE -> …; … }
 * if (area instanceof RoleDispute dispute) { dispute.stage(); }
 * }</pre>
 */
public sealed interface ProblemArea
    permits Grief, RoleDispute, RoleTransition, InterpersonalDeficits {

  /** Which of the four problem areas this is. */
  ProblemAreaType type();

  /** Whether this is the primary focus of treatment (one primary, at most two areas). */
  boolean primary();

  /** The pseudonymous id of the person this area is about (GRIEF, ROLE_DISPUTE), if any. */
  default Optional<String> personId() {
    return Optional.empty();
  }

  /** The core middle-phase strategy of this area (rule F06). */
  default java.util.Set<SessionTask> coreTasks() {
    return type().coreTasks();
  }
}
