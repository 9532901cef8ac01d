package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.Severity;

/**
 * The E rules of docs/rules.md: the ending of acute treatment (discussed ahead, progress, relapse
 * prevention, feelings about ending), the plan after non-response, and the separate contract of
 * continuation or maintenance treatment.
 */
public final class EndingRules {
  private EndingRules() {}

  private static final String NOT_COMPLETED = "course is not completed";
  private static final String NO_SESSIONS = "no attended sessions";

  static final RuleDefinition E01 = define("E01", "ending-discussed-early", Severity.ERROR,
      "COMPLETED: ENDING_DISCUSSED recorded in a session whose attended index is at most the last"
          + " index minus the profile's endingLeadSessions (lead 2, 16 sessions: by session 14).",
      "Discussing the ending well ahead lets the patient prepare for it as a planned transition.",
      "W2000 ch.7; Markowitz Pocket Guide",
      EndingRules::endingDiscussedEarly)
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.ENDING_DISCUSSED)
      .does("discuss the ending in this session");

  static final RuleDefinition E02 = define("E02", "progress-reviewed", Severity.WARNING,
      "COMPLETED: PROGRESS_REVIEWED recorded in a TERMINATION session.",
      "Reviewing progress consolidates the gains and attributes them to the patient.",
      "W2000 ch.7; Markowitz Pocket Guide",
      facts -> terminationTask(facts, SessionTask.PROGRESS_REVIEWED, "no progress review"))
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.PROGRESS_REVIEWED)
      .does("review progress and consolidate gains in this session");

  static final RuleDefinition E03 = define("E03", "relapse-prevention", Severity.WARNING,
      "COMPLETED: RELAPSE_PREVENTION_PLAN (warning signs, contingency plan) recorded in a"
          + " TERMINATION session.",
      "Knowing the warning signs and what to do protects against relapse after treatment ends.",
      "W2000 ch.7; Markowitz Pocket Guide",
      facts -> terminationTask(facts, SessionTask.RELAPSE_PREVENTION_PLAN,
          "no relapse prevention plan (warning signs, contingency plan)"))
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.RELAPSE_PREVENTION_PLAN)
      .does("make a relapse prevention plan in this session: warning signs and a contingency plan");

  static final RuleDefinition E04 = define("E04", "feelings-about-ending", Severity.INFO,
      "COMPLETED: FEELINGS_ABOUT_ENDING recorded in a TERMINATION session.",
      "The ending is itself a loss or role transition whose feelings are worked on in IPT.",
      "W2000 ch.7; Markowitz Pocket Guide",
      facts -> terminationTask(facts, SessionTask.FEELINGS_ABOUT_ENDING,
          "no work on feelings about the ending"))
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.FEELINGS_ABOUT_ENDING)
      .does("address feelings about the ending in this session");

  static final RuleDefinition E05 = define("E05", "non-response-plan", Severity.ERROR,
      "COMPLETED or DISCONTINUED, where the last primary score is not a response or is still at"
          + " or above the instrument's cut-off: FURTHER_TREATMENT_OFFERED recorded in one of the"
          + " last two sessions. Under a maintenance profile only the cut-off counts (a patient who"
          + " stays below it is well). No baseline or no later score: not applicable.",
      "After non-response the treatment, not the patient, failed: an alternative is offered.",
      "W2000 ch.7; Markowitz Pocket Guide",
      EndingRules::nonResponsePlan)
      .acuteTreatment().dueBy().task(SessionTask.FURTHER_TREATMENT_OFFERED)
      .does("offer further treatment in this session");

  static final RuleDefinition E06 = define("E06", "continuation-contract", Severity.ERROR,
      "Every MAINTENANCE session is dated on or after the agreement of a CONTINUATION or"
          + " MAINTENANCE contract, which, in a course that also has an ACUTE contract, was agreed"
          + " after the ACUTE one.",
      "Continuation or maintenance treatment follows acute IPT under a separate, new contract.",
      "W2018 ch.2; Stuart & Robertson",
      EndingRules::continuationContract)
      .does("agree a continuation or maintenance contract before holding maintenance sessions");

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(E01, E02, E03, E04, E05, E06);
  }

  private static Evaluation endingDiscussedEarly(CourseFacts facts) {
    if (!facts.isCompleted()) {
      return Evaluation.notApplicable(NOT_COMPLETED);
    }
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable(NO_SESSIONS);
    }
    int lead = facts.profile().endingLeadSessions();
    int end = attended.size() - 1;
    int due = end - lead;
    int first = -1;
    for (int i = 0; i < attended.size(); i++) {
      if (attended.get(i).has(SessionTask.ENDING_DISCUSSED)) {
        first = i;
        break;
      }
    }
    if (first >= 0 && first <= due) {
      return Evaluation.pass();
    }
    Evaluation.Collector found = Evaluation.collect().protocolPath("/phases/endingLeadSessions");
    Session lastSession = attended.get(end);
    if (due < 0) {
      return found.add("/sessions", () -> "a course of " + attended.size() + " attended session"
          + (attended.size() == 1 ? "" : "s") + " leaves no session in which to discuss the"
          + " ending " + lead + " sessions before the last session " + lastSession.number())
          .result();
    }
    Session dueSession = attended.get(due);
    Session discussed = first < 0 ? null : attended.get(first);
    return found.addAt(dueSession, "tasks", () -> (discussed == null
        ? "the ending was never discussed"
        : "the ending was first discussed in session " + discussed.number())
        + "; the protocol expects it by session " + dueSession.number() + ", " + lead
        + " sessions before the last session " + lastSession.number())
        .instruct(() -> (facts.nextIndex() == due ? "this is the last session"
            : "it was due by session " + dueSession.number() + ", the last session") + " at least "
            + lead + (lead == 1 ? " session" : " sessions") + " before the planned last session "
            + lastSession.number())
        .result();
  }

  private static Evaluation terminationTask(CourseFacts facts, SessionTask task, String what) {
    if (!facts.isCompleted()) {
      return Evaluation.notApplicable(NOT_COMPLETED);
    }
    Optional<Session> lastAttended = facts.lastAttended();
    if (lastAttended.isEmpty()) {
      return Evaluation.notApplicable(NO_SESSIONS);
    }
    List<Session> termination = facts.sessionsIn(Phase.TERMINATION);
    for (Session session : termination) {
      if (session.has(task)) {
        return Evaluation.pass();
      }
    }
    if (termination.isEmpty()) {
      Session last = lastAttended.get();
      return Evaluation.collect().addAt(last, "tasks", () -> what
          + " was recorded: the course has no termination-phase session")
          .instruct(() -> "the course ends with this session").result();
    }
    Session last = termination.get(termination.size() - 1);
    return Evaluation.collect().addAt(last, "tasks", () -> what
        + " was recorded in the termination phase (" + (termination.size() == 1
            ? "session " + last.number()
            : "sessions " + termination.get(0).number() + "-" + last.number()) + ")")
        .instruct(() -> "the termination phase ends with this session").result();
  }

  private static Evaluation nonResponsePlan(CourseFacts facts) {
    if (facts.status() == CourseStatus.ONGOING) {
      return Evaluation.notApplicable("course is ongoing");
    }
    Instrument primary = facts.profile().primaryInstrument();
    List<Score> scores = facts.scores(primary);
    if (scores.isEmpty()) {
      return Evaluation.notApplicable("no primary measure recorded");
    }
    if (scores.size() < 2) {
      return Evaluation.notApplicable("no primary measure after baseline");
    }
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable(NO_SESSIONS);
    }
    int baseline = scores.get(0).total();
    int last = scores.get(scores.size() - 1).total();
    // Under a profile without acute phases (maintenance) only the cut-off counts: a patient who
    // stays below it is well, not a non-responder.
    boolean maintenance = !facts.profile().hasAcutePhases();
    boolean response = maintenance || primary.isResponse(baseline, last);
    boolean aboveCutOff = primary.isAtOrAboveCutOff(last);
    if (response && !aboveCutOff) {
      return Evaluation.pass();
    }
    int end = attended.size() - 1;
    for (int i = Math.max(0, end - 1); i <= end; i++) {
      if (attended.get(i).has(SessionTask.FURTHER_TREATMENT_OFFERED)) {
        return Evaluation.pass();
      }
    }
    // What the message quotes: "9 (baseline 16)", a prorated total said to be one.
    String quoted = last + " (" + (scores.get(scores.size() - 1).prorated() ? "prorated; " : "")
        + "baseline " + baseline + (scores.get(0).prorated() ? ", prorated)" : ")");
    Session lastSession = attended.get(end);
    return Evaluation.collect().protocolPath("/measurement/primary")
        .addAt(lastSession, "tasks", () -> {
          String why;
          if (!response && aboveCutOff) {
            why = "is not a response and is at or above the cut-off of " + primary.cutOff();
          } else if (!response) {
            why = "is not a response";
          } else {
            why = "is still at or above the cut-off of " + primary.cutOff();
          }
          String sessions = end == 0
              ? "the only session (" + lastSession.number() + ")"
              : "the last two sessions (" + attended.get(end - 1).number() + " and "
                  + lastSession.number() + ")";
          return "the last " + primary.displayName() + " score of " + quoted + " " + why
              + ", but no further treatment was offered in " + sessions;
        })
        .instruct(() -> "the last " + primary.displayName() + " score of " + quoted + " "
            + (response ? "is still at or above the cut-off of "
                + primary.cutOff() : "is not a response") + ", and the course ends with this"
            + " session")
        .result();
  }

  private static Evaluation continuationContract(CourseFacts facts) {
    List<Session> maintenance = facts.sessionsIn(Phase.MAINTENANCE);
    if (maintenance.isEmpty()) {
      return Evaluation.notApplicable("no maintenance sessions");
    }
    TreatmentCourse course = facts.course();
    // The acute contract in force: a renegotiation (a later ACUTE contract) supersedes.
    Optional<Contract> acute = course.latestContract(ContractKind.ACUTE);
    // Why a session is not covered, from the contracts once: whether there is any continuation
    // or maintenance contract, and the earliest one not agreed after the acute contract.
    boolean any = false;
    LocalDate earliestNotAfterAcute = null;
    for (Contract contract : course.contracts()) {
      if (contract.kind() == ContractKind.ACUTE) {
        continue;
      }
      any = true;
      if (acute.isPresent() && !contract.agreedOn().isAfter(acute.get().agreedOn())
          && (earliestNotAfterAcute == null
              || contract.agreedOn().isBefore(earliestNotAfterAcute))) {
        earliestNotAfterAcute = contract.agreedOn();
      }
    }
    Evaluation.Collector found = Evaluation.collect();
    for (Session session : maintenance) {
      if (facts.heldUnderContinuation(session)) {
        continue;
      }
      boolean notAfterAcute = earliestNotAfterAcute != null
          && !earliestNotAfterAcute.isAfter(session.date());
      boolean anyContract = any;
      boolean beforeAcute = notAfterAcute;
      found.addAt(session, () -> {
        String which = "maintenance session " + session.number();
        if (!anyContract) {
          return which + " took place without a continuation or maintenance contract";
        } else if (beforeAcute) {
          return which + " falls under a continuation or maintenance contract that was not"
              + " agreed after the acute contract";
        }
        return which + " took place before a continuation or maintenance contract was agreed";
      });
    }
    return found.actionable().result();
  }
}
