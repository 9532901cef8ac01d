package org.iptkit.examples.cli;

import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.internal.EncodedReport;
import org.iptkit.json.internal.SplitRecord;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;

/**
 * One record of the input after checking: the course with its fidelity report and the checker
 * (profile) it was checked against; or why it could not be read or checked.
 *
 * @param record the record as read, or null when reading it failed unexpectedly
 * @param course the course, when the record was readable
 * @param checker the checker of the course's profile, when there was one
 * @param report the fidelity report, when the course was checked
 * @param problem why the course could not be checked (e.g. an unknown profile), or null
 * @param failure an unexpected failure of the read or check (a defect of the tool), or null
 * @param unread the record as split from the input, when reading it failed unexpectedly, or null
 * @param encoded the report encoded for the output on the thread that checked it, or null
 */
record Checked(BatchRecord record, TreatmentCourse course, FidelityChecker checker,
    FidelityReport report, String problem, RuntimeException failure, SplitRecord unread,
    EncodedReport encoded) {

  /** A course checked against {@code checker}. */
  static Checked ok(BatchRecord record, TreatmentCourse course, FidelityChecker checker,
      FidelityReport report) {
    return new Checked(record, course, checker, report, null, null, null, null);
  }

  /** A record the reader could not read. */
  static Checked unreadable(BatchRecord record) {
    return new Checked(record, null, null, null, null, null, null, null);
  }

  /** A course that cannot be checked, with the reason. */
  static Checked uncheckable(BatchRecord record, TreatmentCourse course, String problem) {
    return new Checked(record, course, null, null, problem, null, null, null);
  }

  /** A check that failed unexpectedly. */
  static Checked failed(BatchRecord record, RuntimeException failure) {
    return new Checked(record, null, null, null, null, failure, null, null);
  }

  /**
   * A record whose reading failed unexpectedly: not a read error of the input, which the reader
   * returns as a record, but a defect, reported like a failed check.
   */
  static Checked failedToRead(SplitRecord unread, RuntimeException failure) {
    return new Checked(null, null, null, null, null, failure, unread, null);
  }

  /** This result with its report encoded for the output ({@code encoded} may be null). */
  Checked withEncoded(EncodedReport encoded) {
    return new Checked(record, course, checker, report, problem, failure, unread, encoded);
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
      diagnostics.failed(record != null ? record.source() : unread.source(),
          record != null ? Diagnostics.where(record) : Diagnostics.where(unread), failure);
    } else if (problem != null) {
      diagnostics.unreadable(record, problem);
    } else {
      diagnostics.unreadable(record);
    }
    return false;
  }
}
