package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.List;
import java.util.Optional;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.Severity;

/**
 * The P rules of docs/rules.md: the phases of IPT — they never go back, the initial phase has the
 * protocol's length, a completed course has a middle phase and ends with a termination phase of
 * the protocol's length.
 */
public final class PhaseRules {
  private PhaseRules() {}

  static final RuleDefinition P01 = define("P01", "phase-order", Severity.ERROR,
      "Phases never go back: INITIAL -> MIDDLE -> TERMINATION (pre-group sessions before"
          + " INITIAL, MAINTENANCE only under its own continuation or maintenance contract).",
      "IPT moves through its phases once; each phase builds on the one before.",
      "W2018 ch.2; Stuart & Robertson ch.3",
      PhaseRules::phaseOrder)
      .does("keep the phases in order (initial, middle, termination); hold maintenance sessions only under their own contract");

  static final RuleDefinition P02 = define("P02", "initial-phase-length", Severity.WARNING,
      "The number of INITIAL sessions (pre-group sessions not counted) is within the profile's"
          + " range (e.g. 1-3); an ongoing course is held only to the maximum until its initial"
          + " phase is over.",
      "The initial phase is short so that most sessions work on the chosen problem area.",
      "W2018 ch.2; IPTUK",
      PhaseRules::initialPhaseLength)
      .acutePhasesOnly().acuteTreatment()
      .action(p -> "keep the initial phase to " + p.initialPhase().map(String::valueOf).orElse("") + " sessions");

  static final RuleDefinition P03 = define("P03", "middle-phase-present", Severity.ERROR,
      "A COMPLETED course has at least one MIDDLE session.",
      "The middle phase is where the problem area is worked on; without it there was no IPT.",
      "W2018 ch.2; IPTUK",
      PhaseRules::middlePhasePresent)
      .acutePhasesOnly().acuteTreatment()
      .does("work on the chosen problem area in middle-phase sessions");

  static final RuleDefinition P04 = define("P04", "termination-phase-length", Severity.WARNING,
      "COMPLETED: the number of TERMINATION sessions is within the profile's range (e.g. 1-4)"
          + " and they are the last sessions of acute treatment.",
      "The ending is a phase of its own, at the end of treatment.",
      "W2000 ch.7; Markowitz Pocket Guide",
      PhaseRules::terminationPhaseLength)
      .acutePhasesOnly().acuteTreatment()
      .action(p -> "end acute treatment with " + p.terminationPhase().map(String::valueOf).orElse("") + " termination sessions");

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(P01, P02, P03, P04);
  }

  private static Evaluation phaseOrder(CourseFacts facts) {
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable("no session attended yet");
    }
    Evaluation.Collector found = Evaluation.collect();
    Session previous = null;
    Phase before = null;
    Session firstMaintenance = null;
    int maintenance = 0;
    for (Session session : attended) {
      Phase phase = session.phase().orElseThrow();
      if (phase == Phase.MAINTENANCE) {
        maintenance++;
        if (firstMaintenance == null) {
          firstMaintenance = session;
        }
      }
      if (previous != null) {
        if (rank(phase) < rank(before)) {
          Session earlier = previous;
          Phase earlierPhase = before;
          found.addAt(session, "phase", () -> "session " + session.number()
              + " (" + name(phase) + ") follows session " + earlier.number() + " ("
              + name(earlierPhase) + "): phases never go back");
        }
      }
      previous = session;
      before = phase;
    }
    if (firstMaintenance != null && !hasContinuationContract(facts)) {
      Session first = firstMaintenance;
      int sessions = maintenance;
      found.addAt(first, "phase",
          () -> (sessions == 1 ? "session " + first.number() + " is a maintenance session"
              : sessions + " maintenance sessions from session " + first.number() + " on")
              + " but the course has no continuation or maintenance contract");
    }
    return found.result();
  }

  private static Evaluation initialPhaseLength(CourseFacts facts) {
    Optional<IntRange> configured = facts.profile().initialPhase();
    if (configured.isEmpty()) {
      return Evaluation.notApplicable("the profile has no acute phases");
    }
    if (facts.attended().isEmpty()) {
      return Evaluation.notApplicable("no session attended yet");
    }
    IntRange range = configured.get();
    List<Session> initial = facts.sessionsIn(Phase.INITIAL);
    int count = initial.size();
    boolean fullRange = facts.isCompleted() || facts.initialPhaseOver();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/phases/initial");
    if (count > range.max()) {
      Session first = initial.get(0);
      found.addAt(first, "phase", () -> count + " initial sessions ("
          + numbers(initial) + "); the protocol allows " + range);
    } else if (fullRange && count < range.min()) {
      found.add("/sessions", () -> (count == 0 ? "no initial session"
          : StructureRules.sessions(count, "initial") + " (" + numbers(initial) + ")")
          + "; the protocol expects " + range);
    }
    return found.result();
  }

  private static Evaluation middlePhasePresent(CourseFacts facts) {
    if (!facts.isCompleted()) {
      return Evaluation.notApplicable(StructureRules.notCompletedReason(facts));
    }
    for (Session session : facts.attended()) {
      if (session.isIn(Phase.MIDDLE)) {
        return Evaluation.pass();
      }
    }
    return Evaluation.deviation("/sessions",
        () -> "the completed course has no middle-phase session");
  }

  private static Evaluation terminationPhaseLength(CourseFacts facts) {
    Optional<IntRange> configured = facts.profile().terminationPhase();
    if (configured.isEmpty()) {
      return Evaluation.notApplicable("the profile has no acute phases");
    }
    if (!facts.isCompleted()) {
      return Evaluation.notApplicable(StructureRules.notCompletedReason(facts));
    }
    IntRange range = configured.get();
    List<Session> termination = facts.sessionsIn(Phase.TERMINATION);
    int count = termination.size();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/phases/termination");
    if (count == 0) {
      found.add("/sessions", () -> "no termination session in the completed course; the protocol"
          + " expects " + range);
    } else if (!range.contains(count)) {
      Session first = termination.get(0);
      found.addAt(first, "phase",
          () -> StructureRules.sessions(count, "termination") + " (" + numbers(termination)
              + "); the protocol expects " + range);
    }
    // The termination sessions close acute treatment: after one, only termination sessions (or
    // maintenance under a later contract, which P01 and E06 judge) may follow.
    found.protocolPath(null);
    List<Session> attended = facts.attended();
    Session laterAcute = null;
    for (int i = attended.size() - 1; i >= 0; i--) {
      Session session = attended.get(i);
      Phase phase = session.phase().orElseThrow();
      if (phase == Phase.TERMINATION) {
        if (laterAcute != null) {
          Session later = laterAcute;
          found.addAt(session, "phase", () -> "termination session "
              + session.number() + " is followed by " + name(later.phase().orElseThrow())
              + " session " + later.number() + "; the termination sessions must be the"
              + " last sessions");
        }
      } else if (phase != Phase.MAINTENANCE) {
        laterAcute = session;
      }
    }
    return found.result();
  }

  private static boolean hasContinuationContract(CourseFacts facts) {
    for (Contract contract : facts.course().contracts()) {
      if (contract.kind() == ContractKind.CONTINUATION
          || contract.kind() == ContractKind.MAINTENANCE) {
        return true;
      }
    }
    return false;
  }

  /** The order of the phases: pre-group, initial, middle, termination, then maintenance. */
  private static int rank(Phase phase) {
    return switch (phase) {
      case PRE_GROUP -> 0;
      case INITIAL -> 1;
      case MIDDLE -> 2;
      case TERMINATION -> 3;
      case MAINTENANCE -> 4;
    };
  }

  /** The phase in clinical words: "pre-group", "initial", "middle", … */
  static String name(Phase phase) {
    return switch (phase) {
      case PRE_GROUP -> "pre-group";
      case INITIAL -> "initial";
      case MIDDLE -> "middle";
      case TERMINATION -> "termination";
      case MAINTENANCE -> "maintenance";
    };
  }

  /** "session 4" or "sessions 4, 5, 6" for a list of sessions. */
  static String numbers(List<Session> sessions) {
    StringBuilder text = new StringBuilder(sessions.size() == 1 ? "session " : "sessions ");
    for (int i = 0; i < sessions.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(sessions.get(i).number());
    }
    return text.toString();
  }
}
