package org.iptkit.examples.generator;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One known protocol deviation the generator put into a course, and the fidelity rule that must
 * report it: the ground truth of a {@link GeneratedCourse}. A deviation kind that necessarily
 * breaks more than one rule (e.g. a course without a middle phase also has too many termination
 * sessions) is listed once per rule, each entry with the same kind.
 *
 * @param kind what was done to the course
 * @param rule the code of the rule that must report it, e.g. {@code "M04"}
 * @param session the number of the session the finding must name, when the deviation sits in one
 *     session; empty for deviations about the course as a whole
 */
public record InjectedDeviation(DeviationKind kind, String rule, OptionalInt session) {
  /** Checks that the fields are present. */
  public InjectedDeviation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(session, "session");
  }

  /** A deviation about the course as a whole. */
  public static InjectedDeviation of(DeviationKind kind, String rule) {
    return new InjectedDeviation(kind, rule, OptionalInt.empty());
  }

  /** A deviation that sits in session {@code session}. */
  public static InjectedDeviation at(DeviationKind kind, String rule, int session) {
    return new InjectedDeviation(kind, rule, OptionalInt.of(session));
  }

  @Override
  public String toString() {
    return kind + "->" + rule + (session.isPresent() ? "@" + session.getAsInt() : "");
  }
}
