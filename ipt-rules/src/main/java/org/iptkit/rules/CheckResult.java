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
 * switch (registry.tryCheck(course)) {
 *   case CheckResult.Checked checked -> store(checked.report());
 *   case CheckResult.UnknownProtocol unknown -> reject(unknown.protocol(), unknown.knownIds());
 * }
 * }</pre>
 */
public sealed interface CheckResult {
  /** The course was checked; {@link #report()} is its fidelity report. */
  record Checked(FidelityReport report) implements CheckResult {
    /** A checked course and its report. */
    public Checked {
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * The course names a protocol profile that is not known: {@link #protocol()} is the id it
   * names, {@link #knownIds()} the ids that are.
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
