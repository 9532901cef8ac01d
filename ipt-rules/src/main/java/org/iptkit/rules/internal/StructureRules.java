package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.Severity;

/** The S rules of rules.md: structure and dose. */
public final class StructureRules {
  private StructureRules() {}

  static final RuleDefinition S01 = define("S01", "session-count", Severity.ERROR,
      "COMPLETED: attended sessions within the profile's range (e.g. 12-16). ONGOING or"
          + " DISCONTINUED: not above the maximum.",
      "IPT is time-limited: the number of sessions is fixed at the start.",
      "W2000 ch.7; ISIPT",
      StructureRules::sessionCount);

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(S01);
  }

  private static Evaluation sessionCount(CourseFacts facts) {
    IntRange range = facts.profile().sessions();
    int attended = facts.attendedTreatment().size();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/sessions");
    if (facts.status() == CourseStatus.COMPLETED) {
      if (!range.contains(attended)) {
        found.add("/sessions", attended + " sessions attended; the protocol expects " + range);
      }
    } else if (attended > range.max()) {
      found.add("/sessions", attended + " sessions attended, more than the protocol's maximum of "
          + range.max());
    }
    return found.result();
  }
}
