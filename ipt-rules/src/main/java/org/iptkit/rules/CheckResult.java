package org.iptkit.rules;

import java.util.List;
import java.util.Objects;
import org.iptkit.core.TreatmentCourse;

/**
 * The result of checking one course that may name a protocol profile the host does not know:
 * either its {@link Checked fidelity report}, or the {@link UnknownProtocol unknown profile id}
 * with the ids that are known. Returned by {@link ProtocolRegistry#tryCheck(TreatmentCourse)} and
 * {@link FidelityChecker#tryCheck(TreatmentCourse)}, which never throw for such a course, so that
 * one bad record cannot stop a host's stream of courses.
 *
 * <pre>{@code
 * CheckResult result = registry.tryCheck(course);
 * if (result instanceof CheckResult.Checked checked) {
 *   store(checked.report());
 * } else if (result instanceof CheckResult.UnknownProtocol unknown) {
 *   setAside(course, unknown.message());   // names the unknown id and the known ones
 * }
 * }</pre>
 */
public sealed interface CheckResult {
  /**
   * The course was checked.
   *
   * @param report the course's fidelity report
   */
  record Checked(FidelityReport report) implements CheckResult {
    /** A checked course and its report. */
    public Checked {
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * The course names a protocol profile that is not known.
   *
   * @param protocol the profile id the course names
   * @param knownIds the ids of the profiles that are known, in their registry's order
   */
  record UnknownProtocol(String protocol, List<String> knownIds) implements CheckResult {
    /** An unknown profile id and the known ones. */
    public UnknownProtocol {
      Objects.requireNonNull(protocol, "protocol");
      knownIds = List.copyOf(knownIds);
    }

    /** A message for a log or a user: the unknown id and the known ones. */
    public String message() {
      return "unknown protocol profile '" + protocol + "'; known profiles: "
          + String.join(", ", knownIds);
    }
  }
}
