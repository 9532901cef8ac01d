package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.time.LocalDate;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.Severity;

/** The M rules of docs/rules.md: measurement and safety. */
public final class MeasurementRules {
  private MeasurementRules() {}

  /** How many days before the first session a dated screening measure still counts as baseline. */
  static final int BASELINE_WINDOW_DAYS = 14;

  static final String NO_SESSIONS = "no attended sessions";
  static final String NOT_COMPLETED = "course is not completed";

  static final RuleDefinition M01 = define("M01", "baseline-measure", Severity.ERROR,
      "The profile's primary instrument is recorded in the first session (pre-group sessions"
          + " included) or in a dated measure within 14 days before it.",
      "Without a baseline, symptom change and response cannot be judged.",
      "Kroenke 2001; IPT Institute certification",
      MeasurementRules::baselineMeasure);

  static final RuleDefinition M02 = define("M02", "measure-interval", Severity.WARNING,
      "From one session with the primary instrument to the next, and from the last one to the"
          + " course's last session, is at most the profile's maxInterval attended sessions"
          + " (ongoing courses: the trailing stretch only once it is overdue).",
      "Regular measurement shows whether the patient is improving while there is time to act.",
      "IPT Institute certification; Mufson 1999; O'Hara 2000",
      MeasurementRules::measureInterval);

  static final RuleDefinition M03 = define("M03", "final-measure", Severity.ERROR,
      "COMPLETED: the primary instrument is recorded in one of the last two sessions.",
      "The outcome of treatment (response, remission) needs a score at the end.",
      "Kroenke 2001; IPT Institute certification",
      MeasurementRules::finalMeasure);

  static final RuleDefinition M04 = define("M04", "safety-item-followed-up", Severity.ERROR,
      "Whenever a safety item is positive (PHQ-9 item 9, EPDS item 10, HAM-D item 3, BDI-II"
          + " item 9 >= 1), the same session records RISK_ASSESSED. Never switched off.",
      "A positive suicide item calls for a suicide risk assessment in the same session.",
      "Kroenke 2001; Cox 1987; Hamilton 1960; Beck 1996",
      MeasurementRules::safetyItemFollowedUp);

  static final RuleDefinition M05 = define("M05", "deterioration", Severity.WARNING,
      "A primary-instrument total at least the profile's deteriorationPoints above baseline is"
          + " followed, in the same or one of the next two sessions, by TREATMENT_PLAN_REVIEWED.",
      "Worsening symptoms call for a review of the treatment plan, not more of the same.",
      "NHS Talking Therapies reliable change; the threshold is configurable",
      MeasurementRules::deterioration);

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(M01, M02, M03, M04, M05);
  }

  private static Evaluation baselineMeasure(CourseFacts facts) {
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable(NO_SESSIONS);
    }
    Instrument primary = facts.profile().primaryInstrument();
    Session first = attended.get(0);
    if (first.measure(primary).isPresent()
        || hasScreeningBaseline(facts.course(), primary, first.date())) {
      return Evaluation.pass();
    }
    return Evaluation.collect().protocolPath("/measurement/primary")
        .addAt(first, "measures", () -> primary.displayName()
            + " was not recorded in the first session (" + first.number() + ") nor within "
            + BASELINE_WINDOW_DAYS + " days before it")
        .result();
  }

  private static Evaluation measureInterval(CourseFacts facts) {
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable(NO_SESSIONS);
    }
    Instrument primary = facts.profile().primaryInstrument();
    int max = facts.profile().maxMeasureInterval();
    String name = primary.displayName();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/measurement/maxInterval");
    // A screening measure that M01 accepts as the baseline stands for a measure in session 1.
    boolean screening = attended.get(0).measure(primary).isEmpty()
        && hasScreeningBaseline(facts.course(), primary, attended.get(0).date());
    int last = screening ? 0 : -1;
    for (int i = 0; i < attended.size(); i++) {
      if (attended.get(i).measure(primary).isEmpty()) {
        continue;
      }
      if (last >= 0 && i - last > max) {
        Session due = attended.get(last + max);
        int previous = last;
        int gap = i - last;
        Session next = attended.get(i);
        found.addAt(due, "measures", () -> name + " was due by session "
            + due.number() + " but after " + where(attended, previous, screening)
            + " it was next recorded in session " + next.number() + ", "
            + gap + " attended sessions later" + interval(max));
      }
      last = i;
    }
    if (last < 0) {
      return Evaluation.notApplicable(name + " was never recorded in a session");
    }
    int end = attended.size() - 1;
    if (end - last > max) {
      Session due = attended.get(last + max);
      int previous = last;
      found.addAt(due, "measures", () -> {
        String lastNumber = Integer.toString(attended.get(end).number());
        String text = facts.isCompleted()
            ? name + " was due by session " + due.number() + " but its last record was "
                + where(attended, previous, screening) + ", " + (end - previous)
                + " attended sessions before the last session " + lastNumber
            : name + " is overdue since session " + due.number() + ": its last record was "
                + where(attended, previous, screening) + ", " + (end - previous)
                + " attended sessions before the latest session " + lastNumber;
        return text + interval(max);
      });
    }
    return found.result();
  }

  /** The end of an M02 message: the protocol's interval (built only for a finding). */
  private static String interval(int max) {
    return "; the protocol asks for it at least every " + max + " attended sessions";
  }

  private static Evaluation finalMeasure(CourseFacts facts) {
    if (!facts.isCompleted()) {
      return Evaluation.notApplicable(NOT_COMPLETED);
    }
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable(NO_SESSIONS);
    }
    Instrument primary = facts.profile().primaryInstrument();
    int end = attended.size() - 1;
    for (int i = Math.max(0, end - 1); i <= end; i++) {
      if (attended.get(i).measure(primary).isPresent()) {
        return Evaluation.pass();
      }
    }
    Session last = attended.get(end);
    return Evaluation.collect().protocolPath("/measurement/primary")
        .addAt(last, "measures", () -> primary.displayName()
            + " was not recorded in " + (end == 0
                ? "the only session (" + last.number() + ")"
                : "either of the last two sessions (" + attended.get(end - 1).number() + " and "
                    + last.number() + ")"))
        .result();
  }

  private static Evaluation safetyItemFollowedUp(CourseFacts facts) {
    Evaluation.Collector found = Evaluation.collect();
    boolean scored = false;
    for (Session session : facts.attended()) {
      List<Measure> measures = session.measures();
      for (int i = 0; i < measures.size(); i++) {
        Measure measure = measures.get(i);
        scored |= measure.safetyItemScore().isPresent();
        if (measure.safetyItemPositive() && !session.has(SessionTask.RISK_ASSESSED)) {
          int item = measure.instrument().safetyItem().getAsInt();
          found.addAt(session, "measures", i,
              () -> measure.instrument().displayName() + " item " + item + " scored "
                  + measure.safetyItemScore().getAsInt() + " in session " + session.number()
                  + " but no risk assessment was recorded");
        }
      }
    }
    if (!scored) {
      return Evaluation.notApplicable("no safety item was scored in a session");
    }
    return found.result();
  }

  private static Evaluation deterioration(CourseFacts facts) {
    TreatmentCourse course = facts.course();
    Instrument primary = facts.profile().primaryInstrument();
    List<Score> scores = facts.scores(primary);
    if (scores.isEmpty()) {
      return Evaluation.notApplicable("no primary measure recorded");
    }
    if (scores.size() < 2) {
      return Evaluation.notApplicable("no primary measure after baseline");
    }
    int baseline = scores.get(0).total();
    int threshold = facts.profile().deteriorationThreshold();
    int limit = baseline + threshold;
    List<Session> attended = facts.attended();
    String name = primary.displayName();
    Evaluation.Collector found =
        Evaluation.collect().protocolPath("/measurement/deteriorationPoints");
    List<Measure> outside = course.measures();
    for (int k = 0; k < outside.size(); k++) {
      Measure measure = outside.get(k);
      if (measure.instrument() != primary || measure.date().isEmpty() || !measure.hasTotal()
          || measure.totalScore() < limit) {
        continue;
      }
      LocalDate date = measure.date().get();
      int start = attended.size();
      for (int j = 0; j < attended.size(); j++) {
        if (!attended.get(j).date().isBefore(date)) {
          start = j;
          break;
        }
      }
      // A session on the measure's day is its "same" session (then the next two follow it);
      // a measure between sessions has no same session, only the next two.
      boolean sameDay = start < attended.size() && attended.get(start).date().equals(date);
      if (needsReview(facts, attended, start, sameDay ? 2 : 1)) {
        int at = k;
        found.add(() -> "/measures/" + at, () -> name + " total of " + measure.totalScore()
            + " recorded outside a session is " + (measure.totalScore() - baseline)
            + " points above the baseline of " + baseline + ", but no treatment plan review was"
            + " recorded in " + (sameDay ? "the session of that day or the next two"
                : "the next two sessions"));
      }
    }
    for (int i = 0; i < attended.size(); i++) {
      Session session = attended.get(i);
      List<Measure> measures = session.measures();
      for (int k = 0; k < measures.size(); k++) {
        Measure measure = measures.get(k);
        if (measure.instrument() != primary || !measure.hasTotal()
            || measure.totalScore() < limit) {
          continue;
        }
        if (needsReview(facts, attended, i, 2)) {
          found.addAt(session, "measures", k, () -> name + " total of "
              + measure.totalScore() + " in session " + session.number() + " is "
              + (measure.totalScore() - baseline) + " points above the baseline of " + baseline
              + ", but no treatment plan review was recorded in that session or the next two");
        }
      }
    }
    return found.result();
  }

  /**
   * Whether a deterioration lacks the treatment plan review due in the attended sessions
   * {@code start} to {@code start + after} (the same session and the next two: {@code after} 2;
   * the next two after a measure taken between sessions: 1). For a course that is not completed
   * the review is not yet due while those sessions have not all taken place.
   */
  private static boolean needsReview(CourseFacts facts, List<Session> attended, int start,
      int after) {
    int end = Math.min(start + after, attended.size() - 1);
    for (int j = start; j <= end; j++) {
      if (attended.get(j).has(SessionTask.TREATMENT_PLAN_REVIEWED)) {
        return false;
      }
    }
    return facts.status() == CourseStatus.COMPLETED || start + after < attended.size();
  }

  /**
   * Whether a dated out-of-session measure of the instrument was taken on the day of the first
   * session or within {@link #BASELINE_WINDOW_DAYS} days before it.
   */
  /**
   * Whether {@code course} has an out-of-session measure of {@code primary} that M01 accepts as
   * the baseline: dated on the day of the first session or within the baseline window before it.
   * M02 counts such a measure as one in the first session; so does the agenda.
   */
  public static boolean hasScreeningBaseline(TreatmentCourse course, Instrument primary,
      LocalDate firstSession) {
    LocalDate earliest = firstSession.minusDays(BASELINE_WINDOW_DAYS);
    for (Measure measure : course.measures()) {
      if (measure.instrument() == primary && measure.date().isPresent()) {
        LocalDate date = measure.date().get();
        if (!date.isAfter(firstSession) && !date.isBefore(earliest)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String where(List<Session> attended, int index, boolean screening) {
    return index == 0 && screening
        ? "the screening before session " + attended.get(0).number()
        : "session " + attended.get(index).number();
  }
}
