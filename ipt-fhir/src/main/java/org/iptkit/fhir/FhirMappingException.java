package org.iptkit.fhir;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a FHIR Bundle cannot be read back as an IPT course: the JSON is not a valid FHIR R4
 * resource, or a resource lacks what the course needs (a session without its number, an unknown
 * phase code, a PHQ-9 item scored 4). The message names the resource (its type and entry index)
 * and a FHIRPath-like {@link #location()}, for example
 * {@code Bundle.entry[4].resource.ofType(Encounter).extension('…/phase')} (or, for a problem
 * of the JSON itself, a JSON Pointer with line and column), and says what was expected. It
 * quotes no value found in the input: no code, URL, number or date, no patient, therapist or
 * person reference and no free text (goals, roles, satisfying aspects), and no Java exception
 * name. A resource of another patient and a contradiction (a cancelled Encounter recorded as
 * attended) are such errors too.
 */
public final class FhirMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String resourceType;
  private final int entry;
  private final String problem;

  /**
   * Creates an exception about {@code location} in entry {@code entry} (−1: the Bundle itself or
   * no entry) of a resource of type {@code resourceType} (null when unknown).
   */
  public FhirMappingException(String location, String resourceType, int entry, String problem) {
    super(location.isEmpty() ? problem : location + ": " + problem);
    this.location = location;
    this.resourceType = resourceType;
    this.entry = entry;
    this.problem = problem;
  }

  /** The FHIRPath-like location of the problem, e.g. {@code Bundle.entry[4].resource…}. */
  public String location() {
    return location;
  }

  /** The type of the resource the problem is in, when it is in one. */
  public Optional<String> resourceType() {
    return Optional.ofNullable(resourceType);
  }

  /** The index of the Bundle entry the problem is in, when it is in one. */
  public OptionalInt entry() {
    return entry < 0 ? OptionalInt.empty() : OptionalInt.of(entry);
  }

  /** What is wrong and what was expected, without the location. */
  public String problem() {
    return problem;
  }
}
