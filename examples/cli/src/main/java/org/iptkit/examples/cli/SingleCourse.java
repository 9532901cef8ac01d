package org.iptkit.examples.cli;

import java.util.List;
import java.util.Optional;

/**
 * Reads the one course of {@code ipt agenda FILE} and {@code ipt show FILE} and checks it: a
 * file holding no readable course is reported like any bad record (exit code 2), a file holding
 * more than one course is a usage error.
 */
final class SingleCourse {
  private SingleCourse() {}

  /**
   * The checked course of {@code file}, or empty when it could not be read or checked (the
   * reason is already on standard error).
   *
   * @throws UserException when the file is missing or holds more than one record
   */
  static Optional<Checked> read(Ipt ipt, CourseChecks checks, String file) {
    Diagnostics diagnostics = new Diagnostics(ipt.io().err(), ipt.debug());
    Checked first = null;
    try (RecordSource records = RecordSource.of(List.of(file), ipt.io().in(), diagnostics)) {
      if (records.hasNext()) {
        first = checks.check(records.next());
        if (records.hasNext()) {
          throw new UserException(Diagnostics.sourceName(file) + " holds more than one course;"
              + " this command takes one (use validate or report for many)");
        }
      }
    }
    if (first == null) {
      if (!diagnostics.anyUnreadable()) {
        diagnostics.note(Diagnostics.sourceName(file) + ": no course found");
      }
      return Optional.empty();
    }
    return first.reportProblems(diagnostics) ? Optional.of(first) : Optional.empty();
  }
}
