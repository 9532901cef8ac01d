package org.iptkit.json;

import java.util.List;
import java.util.Objects;
import org.iptkit.core.TreatmentCourse;

/**
 * A treatment course read from JSON together with the warnings of a lenient reader (the unknown
 * fields it ignored). A strict reader never warns: it rejects instead.
 *
 * @param course the course read
 * @param warnings the ignored fields, in document order; empty for a strict reader
 */
public record ReadResult(TreatmentCourse course, List<ReadWarning> warnings) {
  /** Copies the warnings so the result stays immutable. */
  public ReadResult {
    Objects.requireNonNull(course, "course");
    warnings = List.copyOf(warnings);
  }

  /** Whether the course was read without ignoring anything. */
  public boolean clean() {
    return warnings.isEmpty();
  }
}
