package org.iptkit.examples.generator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.rules.ProtocolProfile;

/** The shape of one course decided before its sessions are generated. */
final class Plan {
  /** How the primary score develops over the course. */
  enum Trajectory {
    /** A drop of at least half, usually below the cut-off. */
    RESPONDER,
    /** A drop of a quarter to a half. */
    PARTIAL,
    /** Little change. */
    NON_RESPONDER,
    /** Maintenance: stays low and stable. */
    STABLE,
    /** Maintenance: stays low, with a rise along the way. */
    RECURRENCE
  }

  final ProtocolProfile profile;
  final CourseStatus status;
  final boolean acute;
  final boolean group;
  final boolean monthly;
  /** Attended treatment sessions of the full (uncut) course, pre-group sessions not counted. */
  int sessions;
  /** Pre-group sessions (group profiles). */
  int preGroup;
  int initial;
  int middle;
  int termination;
  /** The treatment sessions kept when the course is cut (ONGOING, DISCONTINUED); else all. */
  int kept;
  final List<ProblemAreaType> areas = new ArrayList<>();
  Trajectory trajectory;
  /** A rise above baseline by the deterioration threshold somewhere in the course. */
  boolean deterioration;
  final Set<DeviationKind> planned = EnumSet.noneOf(DeviationKind.class);

  Plan(ProtocolProfile profile, CourseStatus status) {
    this.profile = profile;
    this.status = status;
    this.acute = profile.hasAcutePhases();
    this.group = profile.isGroup();
    this.monthly = !acute;
  }

  boolean has(DeviationKind kind) {
    return planned.contains(kind);
  }

  boolean completed() {
    return status == CourseStatus.COMPLETED;
  }
}
