package org.iptkit.examples.cli;

import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchRecord;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;

/**
 * One record of the input after checking: the course with its fidelity report and the checker
 * (profile) it was checked against; or why it could not be read or checked.
 *
 * @param record the record as read
 * @param course the course, when the record was readable
 * @param checker the checker of the course's profile, when there was one
 * @param report the fidelity report, when the course was checked
 * @param problem why the course could not be checked (e.g. an unknown profile), or null
 * @param failure an unexpected failure of the check (a defect of the tool), or null
 */
record Checked(BatchRecord record, TreatmentCourse course, FidelityChecker checker,
    FidelityReport report, String problem, RuntimeException failure) {

  /** A course checked against {@code checker}. */
  static Checked ok(BatchRecord record, TreatmentCourse course, FidelityChecker checker,
      FidelityReport report) {
    return new Checked(record, course, checker, report, null, null);
  }

  /** A record the reader could not read. */
  static Checked unreadable(BatchRecord record) {
    return new Checked(record, null, null, null, null, null);
  }

  /** A course that cannot be checked, with the reason. */
  static Checked uncheckable(BatchRecord record, TreatmentCourse course, String problem) {
    return new Checked(record, course, null, null, problem, null);
  }

  /** A check that failed unexpectedly. */
  static Checked failed(BatchRecord record, RuntimeException failure) {
    return new Checked(record, null, null, null, null, failure);
  }

  /**
   * Reports the record on standard error unless it was checked.
   *
   * @return whether the record was checked (and has a report)
   */
  boolean reportProblems(Diagnostics diagnostics) {
    if (report != null) {
      return true;
    }
    if (failure != null) {
      diagnostics.failed(record, failure);
    } else if (problem != null) {
      diagnostics.unreadable(record, problem);
    } else {
      diagnostics.unreadable(record);
    }
    return false;
  }
}
