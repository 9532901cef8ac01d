package org.iptkit.examples.cli;

import java.util.Objects;
import java.util.Optional;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchRecord;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.ProtocolRegistry;

/**
 * Which protocol profile checks each course: the one named by {@code --protocol} or read from
 * {@code --protocol-file} for every course, or else the profile each course names in its
 * {@code protocol} field. Checkers are built once per profile and shared between threads
 * ({@link ProtocolRegistry#checkerFor(String)}).
 */
final class CourseChecks {
  private final ProtocolRegistry registry;
  private final FidelityChecker override;

  CourseChecks(ProtocolRegistry registry, Optional<FidelityChecker> override) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.override = override.orElse(null);
  }

  /** The checker of a course, or empty when the course names a profile nobody knows. */
  Optional<FidelityChecker> checkerFor(TreatmentCourse course) {
    if (override != null) {
      return Optional.of(override);
    }
    return registry.contains(course.protocol())
        ? Optional.of(registry.checkerFor(course.protocol()))
        : Optional.empty();
  }

  /** Checks one record; never throws. */
  Checked check(BatchRecord record) {
    if (!record.isCourse()) {
      return Checked.unreadable(record);
    }
    TreatmentCourse course = record.course().orElseThrow();
    try {
      Optional<FidelityChecker> checker = checkerFor(course);
      if (checker.isEmpty()) {
        return Checked.uncheckable(record, course, "/protocol: unknown protocol profile '"
            + course.protocol() + "'; known profiles: " + String.join(", ", registry.ids())
            + " (or give --protocol or --protocol-file)");
      }
      return Checked.ok(record, course, checker.get(), checker.get().check(course));
    } catch (RuntimeException e) {
      return Checked.failed(record, e);
    }
  }
}
