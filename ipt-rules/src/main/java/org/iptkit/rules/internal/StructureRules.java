package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Session;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.Severity;

/**
 * The S rules of docs/rules.md: structure and dose — how many sessions were attended, whether the
 * contract was kept, chronology, cadence, span, session length, billing bands and attendance.
 */
public final class StructureRules {
  private StructureRules() {}

  static final RuleDefinition S01 = define("S01", "session-count", Severity.ERROR,
      "COMPLETED: attended sessions within the profile's range (e.g. 12-16). ONGOING or"
          + " DISCONTINUED: not above the maximum. Pre-group sessions are not counted here but"
          + " against the profile's preGroupSessions.",
      "IPT is time-limited: the number of sessions is fixed at the start.",
      "W2000 ch.7; ISIPT; WHO 2016",
      StructureRules::sessionCount)
      .acuteTreatment()
      .does("hold no more sessions than the protocol allows: end acute treatment, or agree a continuation contract");

  static final RuleDefinition S02 = define("S02", "contract-respected", Severity.WARNING,
      "COMPLETED: attended sessions equal the latest ACUTE contract's planned number (a"
          + " renegotiation is a second ACUTE contract). No contract: not applicable (I08"
          + " reports it). Not applicable either under a profile without acute phases, whose"
          + " sessions no ACUTE contract plans.",
      "The time limit is agreed with the patient; a change of length must be renegotiated"
          + " explicitly.",
      "W2000 ch.7; ISIPT",
      StructureRules::contractRespected)
      .acuteTreatment()
      .does("hold the number of sessions the treatment contract plans, or renegotiate the contract with the patient");

  static final RuleDefinition S03 = define("S03", "chronology", Severity.ERROR,
      "Session dates strictly increase with the session number, over all scheduled sessions"
          + " (attended or not).",
      "A record whose dates run backwards cannot be checked for cadence, phases or measures.",
      "iptkit course format (docs/format.md)",
      StructureRules::chronology)
      .does("record each session with its own date, in the order held");

  static final RuleDefinition S04 = define("S04", "cadence", Severity.WARNING,
      "The gap between consecutive attended sessions is at most the profile's maximum gap"
          + " (weekly profiles: 14 days; monthly: 45). Each longer gap is reported. Maintenance"
          + " sessions held under a continuation or maintenance contract after acute treatment"
          + " are held to the maintenance cadence of 45 days between them.",
      "Acute IPT is weekly; long breaks dilute the time-limited, focused treatment.",
      "W2000 ch.7; Frank 1990",
      StructureRules::cadence)
      .action(p -> "hold the next session within " + p.maxGapDays() + " days of the last one");

  static final RuleDefinition S05 = define("S05", "course-span", Severity.WARNING,
      "The first to the last attended session lie within the profile's maximum span"
          + " (a span of D days fits W weeks when D <= 7W).",
      "The time limit of IPT is a limit in weeks as well as in sessions.",
      "W2000 ch.7; Mufson 2004",
      StructureRules::courseSpan)
      .acuteTreatment()
      .action(p -> "finish acute treatment within the protocol's " + p.maxSpanWeeks() + " weeks");

  static final RuleDefinition S06 = define("S06", "session-length", Severity.WARNING,
      "Each attended session's minutes lie within the profile's sessionMinutes (group"
          + " profiles 60-120). A session without minutes is skipped.",
      "Sessions of the protocol's length deliver the dose the trials tested.",
      "W2000 ch.7; WHO 2016",
      StructureRules::sessionLength)
      .action(p -> "keep the session to " + p.sessionMinutes() + " minutes");

  static final RuleDefinition S07 = define("S07", "billing-band", Severity.INFO,
      "Where an attended session carries the CPT code 90832, 90834 or 90837, its minutes fall"
          + " in 16-37, 38-52 or 53 and more.",
      "A billed psychotherapy code that disagrees with the recorded minutes points to a"
          + " recording or billing error.",
      "CPT psychotherapy time bands",
      StructureRules::billingBand)
      .does("bill the CPT code that matches the session's minutes");

  static final RuleDefinition S08 = define("S08", "attendance", Severity.WARNING,
      "ATTENDED / (ATTENDED + NO_SHOW + CANCELLED) is at least the profile's minAttendance;"
          + " the finding lists the no-shows.",
      "The dose received, sessions attended out of sessions scheduled, is a core fidelity"
          + " measure.",
      "Markowitz 2015; Elkin 1989",
      StructureRules::attendance)
      .acuteTreatment()
      .does("follow up missed sessions with the patient to keep attendance up");

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(S01, S02, S03, S04, S05, S06, S07, S08);
  }

  private static Evaluation sessionCount(CourseFacts facts) {
    boolean completed = facts.status() == CourseStatus.COMPLETED;
    if (!completed && facts.attended().isEmpty()) {
      return Evaluation.notApplicable("no session attended yet");
    }
    IntRange range = facts.profile().sessions();
    int attended = facts.attendedTreatment().size();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/sessions");
    if (completed) {
      if (!range.contains(attended)) {
        found.add("/sessions",
            () -> sessions(attended, "") + " attended; the protocol expects " + range);
      }
    } else if (attended > range.max()) {
      found.add("/sessions", () -> sessions(attended, "") + " attended, more than the protocol's"
          + " maximum of " + range.max());
    }
    // Pre-group sessions (group IPT) are counted against their own range; a profile without
    // pre-group sessions has the range 0-0.
    IntRange preGroup = facts.profile().preGroupSessions();
    int preGroupAttended = facts.attended().size() - attended;
    found.protocolPath("/preGroupSessions");
    if (completed) {
      if (!preGroup.contains(preGroupAttended)) {
        found.add("/sessions", () -> sessions(preGroupAttended, "individual pre-group")
            + " attended; the protocol expects " + preGroup);
      }
    } else if (preGroupAttended > preGroup.max()) {
      found.add("/sessions", () -> sessions(preGroupAttended, "individual pre-group")
          + " attended, more than the protocol's maximum of " + preGroup.max());
    }
    return found.result();
  }

  private static Evaluation contractRespected(CourseFacts facts) {
    if (!facts.isCompleted()) {
      return Evaluation.notApplicable(notCompletedReason(facts));
    }
    if (!facts.profile().hasAcutePhases()) {
      return Evaluation.notApplicable("the profile has no acute phases");
    }
    Optional<Contract> latest = facts.course().latestContract(ContractKind.ACUTE);
    if (latest.isEmpty()) {
      return Evaluation.notApplicable("no treatment contract (I08 reports it)");
    }
    Contract contract = latest.get();
    if (contract.plannedSessions().isEmpty()) {
      return Evaluation.notApplicable(
          "the treatment contract names no number of sessions (I08 reports it)");
    }
    int planned = contract.plannedSessions().getAsInt();
    int attended = facts.attendedTreatment().size();
    if (attended == planned) {
      return Evaluation.pass();
    }
    return Evaluation.collect().add(() -> facts.pointer(contract) + "/plannedSessions",
        () -> sessions(attended, "") + " attended; the treatment contract planned " + planned)
        .result();
  }

  private static Evaluation chronology(CourseFacts facts) {
    List<Session> sessions = facts.course().sessionsByNumber();
    if (sessions.size() < 2) {
      return Evaluation.notApplicable("fewer than two sessions recorded");
    }
    Evaluation.Collector found = Evaluation.collect();
    Session previous = sessions.get(0);
    // Each date's epoch day is computed once, not once as each end of a pair.
    long previousDay = previous.date().toEpochDay();
    for (int i = 1; i < sessions.size(); i++) {
      Session session = sessions.get(i);
      long day = session.date().toEpochDay();
      long days = day - previousDay;
      previousDay = day;
      Session earlier = previous;
      if (days == 0) {
        found.addAt(session, "date", () -> "session " + session.number()
            + " has the same date as session " + earlier.number());
      } else if (days < 0) {
        found.addAt(session, "date", () -> "session " + session.number()
            + " is dated " + days(-days) + " before session " + earlier.number());
      }
      previous = session;
    }
    return found.result();
  }

  private static Evaluation cadence(CourseFacts facts) {
    List<Session> attended = facts.attended();
    if (attended.size() < 2) {
      return Evaluation.notApplicable("fewer than two sessions attended");
    }
    int maxGap = facts.profile().maxGapDays();
    // After acute treatment, maintenance sessions under their own contract keep the maintenance
    // cadence; the step from the last acute session to the first of them is not a gap of either.
    boolean continued = facts.acutePart() != facts;
    int maintenanceGap = org.iptkit.rules.Protocols.IPT_M_MONTHLY.maxGapDays();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/maxGapDays");
    Session previous = attended.get(0);
    long previousDay = previous.date().toEpochDay();
    boolean previousContinued = continued && facts.heldUnderContinuation(previous);
    for (int i = 1; i < attended.size(); i++) {
      Session session = attended.get(i);
      long day = session.date().toEpochDay();
      long gap = day - previousDay;
      previousDay = day;
      boolean sessionContinued = continued && facts.heldUnderContinuation(session);
      Session earlier = previous;
      if (sessionContinued && previousContinued) {
        if (gap > maintenanceGap) {
          found.protocolPath(null).addAt(session, "date", () -> "gap of " + gap
              + " days between maintenance sessions " + earlier.number() + " and "
              + session.number() + "; the maintenance cadence allows " + maintenanceGap)
              .protocolPath("/maxGapDays");
        }
      } else if (sessionContinued == previousContinued && gap > maxGap) {
        found.addAt(session, "date", () -> "gap of " + gap
            + " days between sessions " + earlier.number() + " and " + session.number()
            + "; the protocol allows " + maxGap);
      }
      previous = session;
      previousContinued = sessionContinued;
    }
    return found.result();
  }

  private static Evaluation courseSpan(CourseFacts facts) {
    List<Session> attended = facts.attended();
    if (attended.size() < 2) {
      return Evaluation.notApplicable("fewer than two sessions attended");
    }
    Session first = attended.get(0);
    Session last = attended.get(attended.size() - 1);
    long span = CourseFacts.daysBetween(first.date(), last.date());
    int weeks = facts.profile().maxSpanWeeks();
    if (span <= 7L * weeks) {
      return Evaluation.pass();
    }
    return Evaluation.collect().protocolPath("/maxSpanWeeks")
        .addAt(last, "date", () -> "sessions " + first.number() + " to "
            + last.number() + " span " + span + " days; the protocol allows " + weeks
            + " weeks (" + 7L * weeks + " days)")
        .result();
  }

  private static Evaluation sessionLength(CourseFacts facts) {
    IntRange range = facts.profile().sessionMinutes();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/sessionMinutes");
    boolean anyMinutes = false;
    for (Session session : facts.attended()) {
      // Each optional accessor of a session makes a new wrapper: ask once.
      OptionalInt recorded = session.minutes();
      if (recorded.isEmpty()) {
        continue;
      }
      anyMinutes = true;
      int minutes = recorded.getAsInt();
      if (!range.contains(minutes)) {
        found.addAt(session, "minutes", () -> "session " + session.number()
            + " lasted " + minutes + " minutes; the protocol expects " + range);
      }
    }
    return anyMinutes ? found.result()
        : Evaluation.notApplicable("no attended session records its minutes");
  }

  private static Evaluation billingBand(CourseFacts facts) {
    Evaluation.Collector found = Evaluation.collect();
    boolean anyBilled = false;
    for (Session session : facts.attended()) {
      Optional<String> cpt = session.cpt();
      if (cpt.isEmpty()) {
        continue;
      }
      OptionalInt recorded = session.minutes();
      if (recorded.isEmpty()) {
        continue;
      }
      String code = cpt.get().strip();
      int min;
      int max;
      switch (code) {
        case "90832" -> {
          min = 16;
          max = 37;
        }
        case "90834" -> {
          min = 38;
          max = 52;
        }
        case "90837" -> {
          min = 53;
          max = Integer.MAX_VALUE;
        }
        default -> {
          continue;
        }
      }
      anyBilled = true;
      int minutes = recorded.getAsInt();
      if (minutes < min || minutes > max) {
        int low = min;
        int high = max;
        found.addAt(session, "cpt", () -> "session " + session.number()
            + " is billed as CPT " + code + " (" + (high == Integer.MAX_VALUE
                ? low + " minutes or more" : low + "-" + high + " minutes") + ") but lasted "
            + minutes + " minutes");
      }
    }
    return anyBilled ? found.result() : Evaluation.notApplicable(
        "no attended session carries CPT code 90832, 90834 or 90837 with its minutes");
  }

  private static Evaluation attendance(CourseFacts facts) {
    List<Session> scheduled = facts.course().sessionsByNumber();
    if (scheduled.isEmpty()) {
      return Evaluation.notApplicable("no session scheduled yet");
    }
    int attended = facts.attended().size();
    double share = (double) attended / scheduled.size();
    double minimum = facts.profile().minAttendance();
    if (share >= minimum) {
      return Evaluation.pass();
    }
    return Evaluation.collect().protocolPath("/minAttendance")
        .add("/sessions", () -> attendanceMessage(scheduled, attended, share, minimum))
        .result();
  }

  /** The S-rule message on attendance: the share attended, the no-shows and cancellations. */
  private static String attendanceMessage(List<Session> scheduled, int attended, double share,
      double minimum) {
    StringBuilder noShows = new StringBuilder();
    int noShowCount = 0;
    int cancelled = 0;
    for (Session session : scheduled) {
      if (session.attendance() == Attendance.NO_SHOW) {
        noShows.append(noShowCount == 0 ? "" : ", ").append(session.number());
        noShowCount++;
      } else if (session.attendance() == Attendance.CANCELLED) {
        cancelled++;
      }
    }
    StringBuilder message = new StringBuilder()
        .append(attended).append(" of ").append(scheduled.size())
        .append(" scheduled sessions attended (").append(percent(share))
        .append("); the protocol expects at least ").append(percent(minimum)).append("; ");
    if (noShowCount == 0) {
      message.append("no no-shows");
    } else {
      message.append(noShowCount == 1 ? "no-show: session " : "no-shows: sessions ")
          .append(noShows);
    }
    message.append(cancelled == 1 ? "; 1 session cancelled"
        : cancelled > 1 ? "; " + cancelled + " sessions cancelled" : "");
    return message.toString();
  }

  /** The NOT_APPLICABLE reason of a rule due only for COMPLETED courses. */
  static String notCompletedReason(CourseFacts facts) {
    return facts.status() == CourseStatus.DISCONTINUED
        ? "course was discontinued" : "course is ongoing";
  }

  /** "1 day" or "n days". */
  static String days(long days) {
    return days == 1 ? "1 day" : days + " days";
  }

  /** A share as a percentage, rounded down so that a share below the minimum never reads equal. */
  private static String percent(double share) {
    double tenths = Math.floor(share * 1000 + 1e-9) / 10;
    return tenths == Math.rint(tenths)
        ? (long) tenths + "%" : String.format(java.util.Locale.ROOT, "%.1f%%", tenths);
  }

  /** "1 session" or "n sessions", with an optional adjective: "2 pre-group sessions". */
  static String sessions(int count, String kind) {
    return count + (kind.isEmpty() ? "" : " " + kind) + (count == 1 ? " session" : " sessions");
  }
}
