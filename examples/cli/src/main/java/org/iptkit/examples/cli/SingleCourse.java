package org.iptkit.examples.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchRecord;

/**
 * Reads the one course of {@code ipt agenda FILE}, {@code ipt show FILE} and
 * {@code ipt fhir export FILE}: a file holding no readable course is reported like any bad record
 * (exit code 2), a file holding more than one course is a usage error.
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
    Optional<Checked> first = readOne(ipt, file, diagnostics, checks::check);
    return first.filter(checked -> checked.reportProblems(diagnostics));
  }

  /**
   * The course of {@code file}, unchecked, or empty when it could not be read (the reason is
   * already on standard error).
   *
   * @throws UserException when the file is missing or holds more than one record
   */
  static Optional<TreatmentCourse> readCourse(Ipt ipt, String file) {
    Diagnostics diagnostics = new Diagnostics(ipt.io().err(), ipt.debug());
    Optional<BatchRecord> first = readOne(ipt, file, diagnostics, record -> record);
    if (first.isPresent() && !first.get().isCourse()) {
      diagnostics.unreadable(first.get());
      return Optional.empty();
    }
    return first.flatMap(BatchRecord::course);
  }

  private static <T> Optional<T> readOne(Ipt ipt, String file, Diagnostics diagnostics,
      Function<BatchRecord, T> use) {
    T first = null;
    try (RecordSource records = RecordSource.of(List.of(file), ipt.io().in(), diagnostics)) {
      if (records.hasNext()) {
        first = use.apply(records.next().read());
        if (records.hasNext()) {
          throw new UserException(Diagnostics.sourceName(file) + " holds more than one course;"
              + " this command takes one (use validate or report for many)");
        }
      }
    }
    if (first == null && !diagnostics.anyUnreadable()) {
      diagnostics.note(Diagnostics.sourceName(file) + ": no course found");
    }
    return Optional.ofNullable(first);
  }
}
