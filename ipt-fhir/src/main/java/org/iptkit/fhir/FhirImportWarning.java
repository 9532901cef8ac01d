package org.iptkit.fhir;

import java.util.OptionalInt;

/**
 * Something a FHIR Bundle held that did not become part of the course, said so that nothing is
 * dropped without a word: a resource marked {@code entered-in-error} (left out, as the record
 * asks), a planned encounter that is not a session yet, a resource that is not part of an IPT
 * course (a blood pressure, a Practitioner), an answer the course has no place for (the PHQ-9
 * difficulty question). Like {@link FhirMappingException} it names the entry and a FHIRPath-like
 * location and quotes no value.
 *
 * @param kind what was left out and why
 * @param location the FHIRPath-like location, e.g. {@code Bundle.entry[3].resource.ofType(Observation)}
 * @param resourceType the type of the resource left out (or holding what was left out)
 * @param entry the index of the Bundle entry, −1 for the Bundle itself
 * @param message what was left out and why, in words
 */
public record FhirImportWarning(Kind kind, String location, String resourceType, int entry,
    String message) {

  /** Why something was left out of the course. */
  public enum Kind {
    /** The resource is marked {@code entered-in-error}: recorded by mistake, so not read. */
    ENTERED_IN_ERROR,
    /** An encounter still planned: not a session of the course yet. */
    PLANNED,
    /** A resource that is not part of an IPT course (another observation, a Practitioner…). */
    NOT_PART_OF_COURSE,
    /** A part of a measure the course does not store (the PHQ-9 difficulty question…). */
    NOT_STORED
  }

  /** The Bundle entry the warning is about, when it is about one. */
  public OptionalInt entryIndex() {
    return entry < 0 ? OptionalInt.empty() : OptionalInt.of(entry);
  }

  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
