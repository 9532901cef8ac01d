package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
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
      MeasurementRules::baselineMeasure)
      .dueBy().primaryMeasure()
      .action(p -> "record the " + p.primaryInstrument().displayName() + " baseline in this session");

  static final RuleDefinition M02 = define("M02", "measure-interval", Severity.WARNING,
      "From one session with the primary instrument to the next, and from the last one to the"
          + " course's last session, is at most the profile's maxInterval attended sessions"
          + " (ongoing courses: the trailing stretch only once it is overdue).",
      "Regular measurement shows whether the patient is improving while there is time to act.",
      "IPT Institute certification; Mufson 1999; O'Hara 2000",
      MeasurementRules::measureInterval)
      .acuteTreatment().dueBy().primaryMeasure()
      .action(p -> "record a " + p.primaryInstrument().displayName() + " in this session");

  static final RuleDefinition M03 = define("M03", "final-measure", Severity.ERROR,
      "COMPLETED: the primary instrument is recorded in one of the last two sessions.",
      "The outcome of treatment (response, remission) needs a score at the end.",
      "Kroenke 2001; IPT Institute certification",
      MeasurementRules::finalMeasure)
      .acuteTreatment().dueBy().primaryMeasure()
      .action(p -> "record the final " + p.primaryInstrument().displayName() + " in this session");

  static final RuleDefinition M04 = define("M04", "safety-item-followed-up", Severity.ERROR,
      "Whenever a safety item is positive (PHQ-9 item 9, EPDS item 10, HAM-D item 3, BDI-II"
          + " item 9 >= 1), the same session records RISK_ASSESSED; for a measure taken outside a"
          + " session (a screening), the first attended session on or after its date does (none"
          + " yet in an ongoing course: due, not a finding). A form whose safety item is left"
          + " unanswered while other items are answered is a finding too: the question was"
          + " skipped.",
      "A positive suicide item calls for a suicide risk assessment at the next contact.",
      "Kroenke 2001; Cox 1987; Hamilton 1960; Beck 1996",
      MeasurementRules::safetyItemFollowedUp)
      .mandatory().dueBy().task(SessionTask.RISK_ASSESSED)
      .does("assess suicide risk in this session");

  static final RuleDefinition M05 = define("M05", "deterioration", Severity.WARNING,
      "A primary-instrument total at least the profile's deteriorationPoints (PHQ-9 6, GAD-7 4:"
          + " reliable change) above the lowest earlier total of the course, baseline included, is"
          + " followed, in the same or one of the next two sessions, by TREATMENT_PLAN_REVIEWED.",
      "Worsening symptoms, also a relapse after an early response, call for a review of the"
          + " treatment plan, not more of the same.",
      "NHS Talking Therapies reliable change; the threshold is configurable",
      MeasurementRules::deterioration)
      .dueBy().task(SessionTask.TREATMENT_PLAN_REVIEWED)
      .does("review the treatment plan in this session");

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
        .instruct(() -> facts.nextIndex() == 0 ? "this is the first session"
            : "no baseline was taken in the first session (" + first.number() + ") or the "
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
      }).instruct(() -> (facts.nextIndex() == previous + max
          ? "the last one was " + whereIn(attended, previous, screening) + ", "
              + facts.sessionsAgo(previous) + " sessions ago"
          : "it was due by session " + due.number() + "; the last one was "
              + whereIn(attended, previous, screening))
          + (max == 1 ? "; the protocol asks for it in every session" : interval(max)));
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
        .instruct(() -> "it is the last planned session" + (end == 0 ? ""
            : " and none was recorded in the one before"))
        .result();
  }

  private static Evaluation safetyItemFollowedUp(CourseFacts facts) {
    Evaluation.Collector found = Evaluation.collect();
    boolean scored = false;
    List<Session> attended = facts.attended();
    for (Session session : attended) {
      List<Measure> measures = session.measures();
      for (int i = 0; i < measures.size(); i++) {
        Measure measure = measures.get(i);
        scored |= measure.safetyItemScore().isPresent();
        if (skippedSafetyItem(measure)) {
          scored = true;
          int item = measure.instrument().safetyItem().getAsInt();
          int index = i;
          found.add(() -> facts.pointer(session, "measures", index) + "/items/" + (item - 1),
              session, () -> skipped(measure) + " in session " + session.number()
              + " while other items were answered: the safety question was skipped")
              .instruct(() -> skipped(measure) + " in session " + session.number());
        }
        if (measure.safetyItemPositive() && !session.has(SessionTask.RISK_ASSESSED)) {
          int item = measure.instrument().safetyItem().getAsInt();
          found.addAt(session, "measures", i,
              () -> measure.instrument().displayName() + " item " + item + " scored "
                  + measure.safetyItemScore().getAsInt() + " in session " + session.number()
                  + " but no risk assessment was recorded")
              .instruct(() -> measure.instrument().displayName() + " item " + item + " scored "
                  + measure.safetyItemScore().getAsInt() + " in session " + session.number()
                  + " and no risk assessment was recorded");
        }
      }
    }
    // A measure taken outside a session (a screening): the first attended session on or after
    // its date follows the positive safety item up.
    List<Measure> outside = facts.course().measures();
    for (int k = 0; k < outside.size(); k++) {
      Measure measure = outside.get(k);
      scored |= measure.safetyItemScore().isPresent();
      int index = k;
      if (skippedSafetyItem(measure)) {
        scored = true;
        int item = measure.instrument().safetyItem().getAsInt();
        found.add(() -> "/measures/" + index + "/items/" + (item - 1), null,
            () -> skipped(measure) + " in a measure taken outside a session while other items"
                + " were answered: the safety question was skipped")
            .instruct(() -> skipped(measure) + " in a measure taken outside a session");
      }
      if (!measure.safetyItemPositive()) {
        continue;
      }
      Session next = firstOnOrAfter(attended, measure.date().orElse(LocalDate.MIN));
      if (next == null ? facts.status() == CourseStatus.ONGOING
          : next.has(SessionTask.RISK_ASSESSED)) {
        continue;
      }
      int at = k;
      int item = measure.instrument().safetyItem().getAsInt();
      int score = measure.safetyItemScore().getAsInt();
      String what = measure.instrument().displayName() + " item " + item + " scored " + score
          + " in a measure taken outside a session";
      found.add(() -> "/measures/" + at, next, () -> what + (next == null
          ? " and no session followed in which to assess the risk"
          : " but no risk assessment was recorded in the next session (" + next.number() + ")"))
          .instruct(() -> what
              + (next == null ? "" : " and no risk assessment has been recorded since"));
    }
    if (!scored) {
      return Evaluation.notApplicable("no safety item was scored");
    }
    return found.result();
  }

  /**
   * Whether a form's safety item was left unanswered while other items were answered: the
   * safety question was skipped (a form recorded as a total only has no items to judge).
   */
  static boolean skippedSafetyItem(Measure measure) {
    java.util.OptionalInt safety = measure.instrument().safetyItem();
    if (safety.isEmpty() || measure.items().isEmpty()
        || measure.item(safety.getAsInt()).isPresent()) {
      return false;
    }
    for (int number = 1; number <= measure.items().size(); number++) {
      if (measure.item(number).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** "PHQ-9 item 9 was left unanswered", for a skipped safety question. */
  private static String skipped(Measure measure) {
    return measure.instrument().displayName() + " item "
        + measure.instrument().safetyItem().getAsInt() + " was left unanswered";
  }

  /** The first session of {@code sessions} (in date order) dated on or after {@code date}. */
  private static Session firstOnOrAfter(List<Session> sessions, LocalDate date) {
    for (Session session : sessions) {
      if (!session.date().isBefore(date)) {
        return session;
      }
    }
    return null;
  }

  /** One primary-instrument total of the trajectory, where it was recorded. */
  private record Point(LocalDate date, int sessionNumber, int total, boolean prorated,
      int attendedIndex, Session session, int measure) {
    boolean outside() {
      return session == null;
    }

    /** The total as a message quotes it: {@code 21}, or {@code 21 (prorated)}. */
    String quoted() {
      return prorated ? total + " (prorated)" : Integer.toString(total);
    }
  }

  private static Evaluation deterioration(CourseFacts facts) {
    Instrument primary = facts.profile().primaryInstrument();
    List<Score> scores = facts.scores(primary);
    if (scores.isEmpty()) {
      return Evaluation.notApplicable("no primary measure recorded");
    }
    if (scores.size() < 2) {
      return Evaluation.notApplicable("no primary measure after baseline");
    }
    int threshold = facts.profile().deteriorationThreshold();
    List<Session> attended = facts.attended();
    String name = primary.displayName();
    // The trajectory in the order of the course's scores: by date, a measure outside a session
    // before the sessions of its day.
    List<Point> points = new java.util.ArrayList<>(scores.size());
    List<Measure> outside = facts.course().measures();
    for (int k = 0; k < outside.size(); k++) {
      Measure measure = outside.get(k);
      if (measure.instrument() == primary && measure.date().isPresent() && measure.hasTotal()) {
        points.add(new Point(measure.date().get(), 0, measure.totalScore(),
            measure.isProrated(), -1, null, k));
      }
    }
    for (int i = 0; i < attended.size(); i++) {
      Session session = attended.get(i);
      List<Measure> measures = session.measures();
      for (int k = 0; k < measures.size(); k++) {
        if (measures.get(k).instrument() == primary && measures.get(k).hasTotal()) {
          points.add(new Point(session.date(), session.number(), measures.get(k).totalScore(),
              measures.get(k).isProrated(), i, session, k));
        }
      }
    }
    points.sort(java.util.Comparator.comparing(Point::date)
        .thenComparingInt(Point::sessionNumber));
    Evaluation.Collector found =
        Evaluation.collect().protocolPath("/measurement/deteriorationPoints");
    Point lowest = points.get(0);
    for (int p = 1; p < points.size(); p++) {
      Point point = points.get(p);
      Point low = lowest;
      if (point.total() < lowest.total()) {
        lowest = point;
      }
      if (point.total() < low.total() + threshold) {
        continue;
      }
      String rise = (point.total() - low.total()) + " points above the lowest earlier total of "
          + low.total();
      Supplier<String> from = () -> (low.outside() ? " (taken outside a session"
          : " (session " + low.sessionNumber()) + (low.prorated() ? ", prorated)" : ")");
      if (point.outside()) {
        int start = attended.size();
        for (int j = 0; j < attended.size(); j++) {
          if (!attended.get(j).date().isBefore(point.date())) {
            start = j;
            break;
          }
        }
        // A session on the measure's day is its "same" session (then the next two follow it);
        // a measure between sessions has no same session, only the next two.
        boolean sameDay = start < attended.size() && attended.get(start).date().equals(point.date());
        if (needsReview(facts, attended, start, sameDay ? 2 : 1)) {
          int at = point.measure();
          found.add(() -> "/measures/" + at, () -> name + " total of " + point.quoted()
              + " recorded outside a session is " + rise + from.get() + ", but no treatment plan"
              + " review was recorded in " + (sameDay ? "the session of that day or the next two"
                  : "the next two sessions"))
              .instruct(() -> "the " + name
                  + " total of " + point.quoted() + " taken outside a session is " + rise
                  + from.get());
        }
      } else if (needsReview(facts, attended, point.attendedIndex(), 2)) {
        found.addAt(point.session(), "measures", point.measure(), () -> name + " total of "
            + point.quoted() + " in session " + point.sessionNumber() + " is " + rise + from.get()
            + ", but no treatment plan review was recorded in that session or the next two")
            .instruct(() -> "the " + name + " total of "
                + point.quoted() + " in session " + point.sessionNumber() + " is " + rise
                + from.get());
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

  /** "in session 5", or "the screening before session 1", for the agenda. */
  private static String whereIn(List<Session> attended, int index, boolean screening) {
    return index == 0 && screening ? where(attended, index, screening)
        : "in " + where(attended, index, screening);
  }

  private static String where(List<Session> attended, int index, boolean screening) {
    return index == 0 && screening
        ? "the screening before session " + attended.get(0).number()
        : "session " + attended.get(index).number();
  }
}
