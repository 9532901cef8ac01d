package org.iptkit.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Phase;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.internal.CourseFacts;
import org.iptkit.rules.internal.MeasurementRules;

/** Derives the {@link Agenda} of an ongoing course; see there for what is due and overdue. */
final class AgendaPlanner {
  /** Rules whose findings as of the last session a clinician can act on in the next session. */
  private static final Set<String> ACTIONABLE = Set.of(
      "I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09",
      "F03", "F04", "F06", "M04", "M05", "N01", "N02", "E06");

  /**
   * Rules the planner speaks for itself: the measurement schedule (a past interval is not
   * actionable, the one running now is) and the ending rules (they only run on ended courses).
   */
  private static final Set<String> EXPLICIT_ONLY = Set.of(
      "M01", "M02", "M03", "E01", "E02", "E03", "E04", "E05");

  /** What the clinician does for a task, in the protocol's words. */
  private static final Map<SessionTask, String> ACTIONS = Map.ofEntries(
      Map.entry(SessionTask.DIAGNOSIS_NAMED, "review symptoms and name the diagnosis"),
      Map.entry(SessionTask.PSYCHOEDUCATION,
          "give psychoeducation about depression and its treatment"),
      Map.entry(SessionTask.SICK_ROLE_GIVEN, "give the sick role"),
      Map.entry(SessionTask.LIMITED_SICK_ROLE_GIVEN, "give the limited sick role"),
      Map.entry(SessionTask.MEDICATION_EVALUATED, "evaluate the need for medication"),
      Map.entry(SessionTask.INVENTORY, "take the interpersonal inventory"),
      Map.entry(SessionTask.FORMULATION_SHARED,
          "share the interpersonal formulation and ask for the patient's agreement"),
      Map.entry(SessionTask.CONTRACT_AGREED,
          "agree the treatment contract: number of sessions, frequency, goals"),
      Map.entry(SessionTask.CAREGIVER_INVOLVED, "involve a caregiver"),
      Map.entry(SessionTask.ENDING_DISCUSSED, "discuss the ending"),
      Map.entry(SessionTask.PROGRESS_REVIEWED, "review progress and consolidate gains"),
      Map.entry(SessionTask.FEELINGS_ABOUT_ENDING, "address feelings about the ending"),
      Map.entry(SessionTask.RELAPSE_PREVENTION_PLAN,
          "make a relapse prevention plan: warning signs and a contingency plan"),
      Map.entry(SessionTask.FURTHER_TREATMENT_OFFERED, "offer further treatment"));

  private final FidelityChecker checker;
  private final ProtocolProfile profile;
  private final TreatmentCourse course;
  private final CourseFacts facts;
  private final Instrument instrument;
  private final List<AgendaItem> explicit = new ArrayList<>();

  private AgendaPlanner(FidelityChecker checker, TreatmentCourse course) {
    this.checker = checker;
    this.profile = checker.profile();
    this.course = course;
    this.facts = new CourseFacts(course, profile);
    this.instrument = profile.primaryInstrument();
  }

  static Agenda plan(FidelityChecker checker, TreatmentCourse course) {
    Objects.requireNonNull(checker, "checker");
    Objects.requireNonNull(course, "course");
    return new AgendaPlanner(checker, course).plan();
  }

  private Agenda plan() {
    Agenda.Builder agenda = Agenda.builder()
        .protocol(profile.id())
        .status(course.status())
        .sessionsAttended(facts.attendedTreatment().size());
    if (course.status() != CourseStatus.ONGOING) {
      return agenda.reason("an agenda is for an ONGOING course; this course is "
          + course.status()).build();
    }
    Phase nextPhase = nextPhase();
    Optional<Contract> contract = contractInForce(nextPhase);
    List<Session> counted = countedSessions(nextPhase);
    OptionalInt planned = contract.isPresent()
        ? contract.get().plannedSessions() : OptionalInt.empty();
    Optional<Session> last = course.lastSession();
    if (last.isPresent() && last.get().number() == Integer.MAX_VALUE) {
      return agenda.reason("no session can follow session " + Integer.MAX_VALUE
          + ", the largest session number").build();
    }
    int nextNumber = last.isPresent() ? last.get().number() + 1 : 1;
    Optional<LocalDate> nextDate = last.flatMap(s -> next(s.date(), contract));
    agenda.nextSessionNumber(nextNumber).nextPhase(nextPhase);
    nextDate.ifPresent(agenda::nextSessionDate);
    if (planned.isPresent()) {
      agenda.plannedSessions(planned.getAsInt())
          .sessionsRemaining(Math.max(0, planned.getAsInt() - counted.size()));
    }

    FidelityReport now = checker.check(course);
    List<AgendaItem> overdue = new ArrayList<>();
    for (Finding finding : now.findings()) {
      if (ACTIONABLE.contains(finding.rule())) {
        overdue.add(item(AgendaItem.Kind.OVERDUE, finding.rule(), taskFor(finding.rule()),
            Optional.empty(), finding.message(), finding.session()));
      }
    }

    if (nextPhase == Phase.INITIAL || nextPhase == Phase.PRE_GROUP) {
      initialTasks(nextPhase);
    }
    measurement(counted, planned, nextNumber);
    ending(nextPhase, counted, planned);

    List<AgendaItem> hypothetical = new ArrayList<>();
    if (nextDate.isPresent()) {
      hypothetical = hypotheticalSession(now, nextNumber, nextDate.get(), nextPhase);
    }
    return agenda.items(assemble(overdue, hypothetical)).build();
  }

  /** Merges the three sources: no DUE item that is also OVERDUE, explicit items over derived ones. */
  private List<AgendaItem> assemble(List<AgendaItem> overdue, List<AgendaItem> hypothetical) {
    Set<List<Object>> overdueKeys = new HashSet<>();
    Set<String> explicitRules = new HashSet<>();
    List<AgendaItem> all = new ArrayList<>(overdue);
    for (AgendaItem item : overdue) {
      overdueKeys.add(key(item));
    }
    for (AgendaItem item : explicit) {
      item.rule().ifPresent(explicitRules::add);
    }
    for (AgendaItem item : explicit) {
      if (item.kind() == AgendaItem.Kind.OVERDUE || !overdueKeys.contains(key(item))) {
        all.add(item);
      }
    }
    for (AgendaItem item : hypothetical) {
      if (!overdueKeys.contains(key(item)) && !explicitRules.contains(item.rule().orElse(""))) {
        all.add(item);
      }
    }
    List<AgendaItem> items = new ArrayList<>(new LinkedHashSet<>(all));
    items.sort(AgendaItem.ORDER);
    return items;
  }

  private static List<Object> key(AgendaItem item) {
    return List.of(item.rule(), item.task(), item.instrument());
  }

  // --- where the course stands ---------------------------------------------------------------

  /** The expected phase of the next attended session; see {@link Agenda#nextPhase()}. */
  private Phase nextPhase() {
    if (!profile.hasAcutePhases()) {
      return Phase.MAINTENANCE;
    }
    Phase last = facts.lastAttended().flatMap(Session::phase).orElse(null);
    if (last == Phase.MAINTENANCE) {
      return Phase.MAINTENANCE;
    }
    int treatment = facts.attendedTreatment().size();
    int preGroup = facts.attended().size() - treatment;
    if (profile.isGroup() && treatment == 0 && preGroup < profile.preGroupSessions().min()) {
      return Phase.PRE_GROUP;
    }
    int k = treatment + 1;
    OptionalInt acutePlanned = course.plannedSessions();
    int n = acutePlanned.isPresent() ? acutePlanned.getAsInt() : profile.sessions().max();
    int initialMax = profile.initialPhase().orElseThrow().max();
    int terminationMax = profile.terminationPhase().orElseThrow().max();
    Phase byIndex = k <= initialMax ? Phase.INITIAL
        : k > Math.max(initialMax, n - terminationMax) ? Phase.TERMINATION
        : Phase.MIDDLE;
    return last != null && last.compareTo(byIndex) > 0 ? last : byIndex;
  }

  /** The latest ACUTE contract, or for maintenance the latest CONTINUATION or MAINTENANCE one. */
  private Optional<Contract> contractInForce(Phase nextPhase) {
    return nextPhase != Phase.MAINTENANCE
        ? course.latestContract(ContractKind.ACUTE) : facts.maintenanceContract();
  }

  /** The attended sessions the contract in force counts: acute-phase ones, or maintenance ones. */
  private List<Session> countedSessions(Phase nextPhase) {
    List<Session> counted = new ArrayList<>();
    for (Session session : facts.attended()) {
      Phase phase = session.phase().orElseThrow();
      if (nextPhase == Phase.MAINTENANCE ? phase == Phase.MAINTENANCE : phase.isAcute()) {
        counted.add(session);
      }
    }
    return counted;
  }

  /** The expected date after {@code last}; empty only at the end of the calendar. */
  private static Optional<LocalDate> next(LocalDate last, Optional<Contract> contract) {
    Frequency frequency = contract.flatMap(Contract::frequency).orElse(Frequency.WEEKLY);
    try {
      return Optional.of(switch (frequency) {
        case TWICE_WEEKLY -> last.plusDays(3);
        case WEEKLY -> last.plusDays(7);
        case FORTNIGHTLY -> last.plusDays(14);
        case MONTHLY -> last.plusMonths(1);
      });
    } catch (DateTimeException beyondTheCalendar) {
      return Optional.empty();
    }
  }

  // --- explicit items --------------------------------------------------------------------------

  /** The initial-phase tasks not yet recorded, while the next session is in the initial phase. */
  private void initialTasks(Phase nextPhase) {
    LocalDate asOf = course.lastSession().map(Session::date).orElse(LocalDate.MAX);
    String when;
    if (nextPhase == Phase.PRE_GROUP) {
      when = "due by the end of the initial phase";
    } else {
      int remaining = profile.initialPhase().orElseThrow().max()
          - facts.sessionsIn(Phase.INITIAL).size();
      when = remaining <= 1
          ? "due by the end of the initial phase, and the next session is its last"
          : "due by the end of the initial phase (at most " + remaining
              + " initial sessions remain)";
    }
    initialTask("I01", SessionTask.DIAGNOSIS_NAMED, false, when);
    initialTask("I02", SessionTask.PSYCHOEDUCATION, false, when);
    switch (profile.sickRole()) {
      case FULL -> initialTask("I03", SessionTask.SICK_ROLE_GIVEN, false, when);
      case LIMITED -> initialTask("I03", SessionTask.LIMITED_SICK_ROLE_GIVEN, false, when);
      default -> { }
    }
    initialTask("I04", SessionTask.MEDICATION_EVALUATED, false, when);
    initialTask("I05", SessionTask.INVENTORY, hasInventory(asOf), when);
    if (course.problemAreas().isEmpty()) {
      add(AgendaItem.Kind.DUE, "I06", Optional.empty(), Optional.empty(),
          "choose the focus: one primary problem area, at most " + profile.maxAreas()
              + "; " + when, OptionalInt.empty());
    }
    initialTask("I07", SessionTask.FORMULATION_SHARED,
        course.formulation().isPresent() && !course.formulation().get().sharedOn().isAfter(asOf),
        when);
    initialTask("I08", SessionTask.CONTRACT_AGREED, hasContract(asOf), when);
    if (profile.caregiverInvolvement()) {
      initialTask("I09", SessionTask.CAREGIVER_INVOLVED, false, when);
    }
  }

  private void initialTask(String rule, SessionTask task, boolean doneOtherwise, String when) {
    if (!doneOtherwise && !recorded(facts.initialSessions(), task)) {
      add(AgendaItem.Kind.DUE, rule, Optional.of(task), Optional.empty(),
          ACTIONS.get(task) + ": " + when, OptionalInt.empty());
    }
  }

  private boolean hasInventory(LocalDate asOf) {
    for (InterpersonalInventory inventory : course.inventories()) {
      if (!inventory.people().isEmpty() && !inventory.takenOn().isAfter(asOf)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasContract(LocalDate asOf) {
    for (Contract contract : course.contracts()) {
      if (!contract.agreedOn().isAfter(asOf)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The primary measure: a baseline before anything else (M01); the interval running since the
   * last session with the primary instrument (M02; an out-of-session baseline counts as taken
   * just before the first session); a final measure in the last two planned sessions (M03).
   */
  private void measurement(List<Session> counted, OptionalInt planned, int nextNumber) {
    String name = instrument.displayName();
    List<Session> attended = facts.attended();
    List<Score> scores = course.scores(instrument);
    if (scores.isEmpty()) {
      if (attended.isEmpty()) {
        add(AgendaItem.Kind.DUE, "M01", Optional.empty(), Optional.of(instrument),
            "take the " + name + " baseline in the first session", OptionalInt.empty());
      } else {
        add(AgendaItem.Kind.OVERDUE, "M01", Optional.empty(), Optional.of(instrument),
            "no " + name + " score recorded yet: take it in the next session",
            OptionalInt.of(attended.get(0).number()));
      }
      return;
    }
    int lastMeasured = -1;
    for (int i = attended.size() - 1; i >= 0; i--) {
      if (attended.get(i).measure(instrument).isPresent()) {
        lastMeasured = i;
        break;
      }
    }
    int interval = profile.maxMeasureInterval();
    // Counted as M02 counts: a screening baseline (M01) stands for a measure in the first session.
    boolean screening = lastMeasured < 0 && !attended.isEmpty()
        && MeasurementRules.hasScreeningBaseline(course, instrument, attended.get(0).date());
    int sinceNow = attended.size() - 1 - (screening ? 0 : lastMeasured);
    String taken = lastMeasured < 0 ? "last taken before the first session"
        : "last taken in session " + attended.get(lastMeasured).number();
    String every = interval == 1 ? "the protocol asks for it in every session"
        : "the protocol asks for it at least every " + interval + " sessions";
    OptionalInt since = lastMeasured < 0
        ? OptionalInt.empty() : OptionalInt.of(attended.get(lastMeasured).number());
    // M02 allows at most `interval` attended sessions from one measure to the next: once that
    // many have passed without it, the next session is already too late.
    if (sinceNow >= interval) {
      add(AgendaItem.Kind.OVERDUE, "M02", Optional.empty(), Optional.of(instrument),
          name + " overdue: " + taken + ", " + sinceNow + " sessions ago; " + every, since);
    } else if (sinceNow + 1 >= interval) {
      add(AgendaItem.Kind.DUE, "M02", Optional.empty(), Optional.of(instrument),
          name + " due in session " + nextNumber + ": " + taken
              + (lastMeasured < 0 ? "" : ", " + (sinceNow + 1) + " sessions earlier") + "; "
              + every, since);
    }
    if (planned.isPresent() && counted.size() + 1 >= planned.getAsInt() - 1
        && !recordedFrom(counted, planned.getAsInt() - 2, null)) {
      add(AgendaItem.Kind.DUE, "M03", Optional.empty(), Optional.of(instrument),
          "final " + name + " due: the protocol asks for it in one of the last two sessions ("
              + planned.getAsInt() + " planned)", OptionalInt.empty());
    }
  }

  /**
   * The ending: the discussion when at most {@code endingLeadSessions + 1} planned sessions
   * remain (E01), the termination tasks in the termination phase (E02–E04, I09), further
   * treatment after non-response in the last two planned sessions (E05).
   */
  private void ending(Phase nextPhase, List<Session> counted, OptionalInt planned) {
    String remaining = "";
    if (planned.isPresent()) {
      int left = planned.getAsInt() - counted.size();
      remaining = (left <= 0 ? "no planned session remains"
          : left == 1 ? "1 session remains" : left + " sessions remain")
          + " of " + planned.getAsInt() + " planned";
      int lead = profile.endingLeadSessions();
      if (nextPhase.isAcute() && left <= lead + 1
          && !recorded(facts.attended(), SessionTask.ENDING_DISCUSSED)) {
        String ahead = "the protocol asks for it at least " + lead
            + (lead == 1 ? " session" : " sessions") + " before the last";
        if (left == lead + 1) {
          add(AgendaItem.Kind.DUE, "E01", Optional.of(SessionTask.ENDING_DISCUSSED),
              Optional.empty(), "discuss the ending: " + remaining + "; " + ahead,
              OptionalInt.empty());
        } else {
          add(AgendaItem.Kind.OVERDUE, "E01", Optional.of(SessionTask.ENDING_DISCUSSED),
              Optional.empty(), "discuss the ending now: " + remaining + "; " + ahead,
              OptionalInt.empty());
        }
      }
    }
    if (nextPhase == Phase.TERMINATION) {
      List<Session> termination = facts.sessionsIn(Phase.TERMINATION);
      String when = "due in the termination phase" + (remaining.isEmpty() ? "" : ", " + remaining);
      terminationTask("E02", SessionTask.PROGRESS_REVIEWED, termination, when);
      terminationTask("E03", SessionTask.RELAPSE_PREVENTION_PLAN, termination, when);
      terminationTask("E04", SessionTask.FEELINGS_ABOUT_ENDING, termination, when);
      if (profile.caregiverInvolvement()) {
        terminationTask("I09", SessionTask.CAREGIVER_INVOLVED, termination, when);
      }
    }
    if (planned.isPresent() && counted.size() + 1 >= planned.getAsInt() - 1
        && !recordedFrom(counted, planned.getAsInt() - 2, SessionTask.FURTHER_TREATMENT_OFFERED)) {
      List<Score> scores = course.scores(instrument);
      if (scores.size() >= 2) {
        int baseline = scores.get(0).total();
        int last = scores.get(scores.size() - 1).total();
        String name = instrument.displayName();
        String why = null;
        if (!instrument.isResponse(baseline, last)) {
          why = "the last " + name + " total of " + last + " is not a response to the baseline of "
              + baseline;
        } else if (instrument.isAtOrAboveCutOff(last)) {
          why = "the last " + name + " total of " + last + " is still at or above the cut-off of "
              + instrument.cutOff();
        }
        if (why != null) {
          add(AgendaItem.Kind.DUE, "E05", Optional.of(SessionTask.FURTHER_TREATMENT_OFFERED),
              Optional.empty(), ACTIONS.get(SessionTask.FURTHER_TREATMENT_OFFERED) + ": " + why
                  + "; due in one of the last two sessions", OptionalInt.empty());
        }
      }
    }
  }

  private void terminationTask(String rule, SessionTask task, List<Session> termination,
      String when) {
    if (!recorded(termination, task)) {
      add(AgendaItem.Kind.DUE, rule, Optional.of(task), Optional.empty(),
          ACTIONS.get(task) + ": " + when, OptionalInt.empty());
    }
  }

  /** Adds an explicit item unless the checker never reports its rule (switched off, no phases). */
  private void add(AgendaItem.Kind kind, String rule, Optional<SessionTask> task,
      Optional<Instrument> suggested, String message, OptionalInt since) {
    if (!checker.isOff(rule)) {
      explicit.add(item(kind, rule, task, suggested, message, since));
    }
  }

  private static boolean recorded(List<Session> sessions, SessionTask task) {
    for (Session session : sessions) {
      if (session.has(task)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a session at {@code from} (0-based) or later in {@code sessions} records the task,
   * or, for a {@code null} task, the primary instrument.
   */
  private boolean recordedFrom(List<Session> sessions, int from, SessionTask task) {
    for (int i = Math.max(0, from); i < sessions.size(); i++) {
      Session session = sessions.get(i);
      if (task == null ? session.measure(instrument).isPresent() : session.has(task)) {
        return true;
      }
    }
    return false;
  }

  // --- the hypothetical next session ---------------------------------------------------------

  /** The findings a bare next session would newly trigger, as DUE items. */
  private List<AgendaItem> hypotheticalSession(FidelityReport now, int number, LocalDate date,
      Phase phase) {
    Set<List<String>> known = new HashSet<>();
    for (Finding finding : now.findings()) {
      known.add(List.of(finding.rule(), finding.path()));
    }
    List<Session> sessions = new ArrayList<>(course.sessions());
    sessions.add(Session.builder()
        .number(number)
        .date(date)
        .attendance(Attendance.ATTENDED)
        .phase(phase)
        .build());
    TreatmentCourse hypothetical = TreatmentCourse.copyOf(course).withSessions(sessions);
    List<AgendaItem> items = new ArrayList<>();
    for (Finding finding : checker.check(hypothetical).findings()) {
      if (EXPLICIT_ONLY.contains(finding.rule())
          || known.contains(List.of(finding.rule(), finding.path()))) {
        continue;
      }
      OptionalInt since = finding.session().isPresent() && finding.session().getAsInt() != number
          ? finding.session() : OptionalInt.empty();
      items.add(item(AgendaItem.Kind.DUE, finding.rule(), taskFor(finding.rule()),
          instrumentFor(finding.rule()),
          "would be reported after session " + number + ": " + finding.message(), since));
    }
    return items;
  }

  // --- mapping rules to what to do -----------------------------------------------------------

  private Optional<SessionTask> taskFor(String rule) {
    SessionTask task = switch (rule) {
      case "I01" -> SessionTask.DIAGNOSIS_NAMED;
      case "I02" -> SessionTask.PSYCHOEDUCATION;
      case "I03" -> switch (profile.sickRole()) {
        case FULL -> SessionTask.SICK_ROLE_GIVEN;
        case LIMITED -> SessionTask.LIMITED_SICK_ROLE_GIVEN;
        case NONE -> null;
      };
      case "I04" -> SessionTask.MEDICATION_EVALUATED;
      case "I05", "N01", "N02" -> SessionTask.INVENTORY;
      case "I07" -> SessionTask.FORMULATION_SHARED;
      case "I08" -> SessionTask.CONTRACT_AGREED;
      case "I09" -> SessionTask.CAREGIVER_INVOLVED;
      case "T02" -> SessionTask.INTERIM_REVIEW;
      case "M04" -> SessionTask.RISK_ASSESSED;
      case "M05" -> SessionTask.TREATMENT_PLAN_REVIEWED;
      case "E01" -> SessionTask.ENDING_DISCUSSED;
      case "E02" -> SessionTask.PROGRESS_REVIEWED;
      case "E03" -> SessionTask.RELAPSE_PREVENTION_PLAN;
      case "E04" -> SessionTask.FEELINGS_ABOUT_ENDING;
      case "E05" -> SessionTask.FURTHER_TREATMENT_OFFERED;
      default -> null;
    };
    return Optional.ofNullable(task);
  }

  private Optional<Instrument> instrumentFor(String rule) {
    return switch (rule) {
      case "M01", "M02", "M03" -> Optional.of(instrument);
      default -> Optional.empty();
    };
  }

  private static AgendaItem item(AgendaItem.Kind kind, String rule, Optional<SessionTask> task,
      Optional<Instrument> instrument, String message, OptionalInt since) {
    return AgendaItem.builder()
        .kind(kind)
        .rule(rule)
        .task(task)
        .instrument(instrument)
        .message(message)
        .sinceSession(since)
        .build();
  }
}
