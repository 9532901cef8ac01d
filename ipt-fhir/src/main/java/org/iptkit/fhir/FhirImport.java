package org.iptkit.fhir;

import java.util.List;
import java.util.Objects;
import org.iptkit.core.TreatmentCourse;

/**
 * The course a FHIR Bundle records, with the warnings about what the Bundle held that did not
 * become part of it ({@link FhirImportWarning}): a host shows or counts them, so that nothing
 * is dropped silently.
 *
 * @param course the course read
 * @param warnings what was left out, in Bundle order
 */
public record FhirImport(TreatmentCourse course, List<FhirImportWarning> warnings) {
  /** A result; the warnings are copied. */
  public FhirImport {
    Objects.requireNonNull(course, "course");
    warnings = List.copyOf(warnings);
  }

  /** How many warnings are of the given kind (e.g. how many resources were entered in error). */
  public long count(FhirImportWarning.Kind kind) {
    return warnings.stream().filter(w -> w.kind() == kind).count();
  }
}
