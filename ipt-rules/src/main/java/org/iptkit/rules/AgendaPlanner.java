package org.iptkit.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.internal.CourseFacts;
import org.iptkit.rules.internal.Deviation;
import org.iptkit.rules.internal.Evaluation;
import org.iptkit.rules.internal.RuleDefinition;

/**
 * Derives the {@link Agenda} of an ongoing course from the checker's own rules, which it runs on
 * three versions of the course: as recorded (what is overdue), with the next session held and
 * nothing done in it (what falls due in it), and played on to the end of its plan with nothing
 * done (what a rule's deadline makes due in the next session). Every item's words come from its
 * rule's definition; the planner knows no rule of its own.
 */
final class AgendaPlanner {
  private final FidelityChecker checker;
  private final ProtocolProfile profile;
  private final TreatmentCourse course;
  private final CourseFacts facts;
  private final Map<List<Object>, AgendaItem> items = new LinkedHashMap<>();
  private final Set<List<String>> reported = new HashSet<>();

  private AgendaPlanner(FidelityChecker checker, TreatmentCourse course) {
    this.checker = checker;
    this.profile = checker.profile();
    this.course = course;
    this.facts = new CourseFacts(course, profile);
  }

  static Agenda plan(FidelityChecker checker, TreatmentCourse course) {
    Objects.requireNonNull(checker, "checker");
    Objects.requireNonNull(course, "course");
    return new AgendaPlanner(checker, course).plan();
  }

  /**
   * The course played on from its last recorded session to the end of its plan with nothing done
   * in the sessions added, as a COMPLETED course; empty when the course has no agenda or its end
   * is not known (no planned number of maintenance sessions, or past the end of the calendar).
   * The first session added is the agenda's next session.
   */
  static Optional<TreatmentCourse> playedToTheEnd(FidelityChecker checker,
      TreatmentCourse course) {
    AgendaPlanner planner = new AgendaPlanner(checker, course);
    return planner.hasAgenda() ? planner.rest(planner.nextPhase()) : Optional.empty();
  }

  /**
   * The course with the agenda's next session held and nothing done in it; empty when the course
   * has no agenda or no date can follow its last session.
   */
  static Optional<TreatmentCourse> nextSessionHeld(FidelityChecker checker,
      TreatmentCourse course) {
    AgendaPlanner planner = new AgendaPlanner(checker, course);
    if (!planner.hasAgenda()) {
      return Optional.empty();
    }
    Phase phase = planner.nextPhase();
    Optional<Session> last = course.lastSession();
    return planner.held(phase, last.isPresent() ? last.get().number() + 1 : 1,
        last.isPresent() ? next(last.get().date(), planner.contractInForce(phase))
            : Optional.empty());
  }

  /** The course with a bare session {@code number} on {@code date} (the first: see below). */
  private Optional<TreatmentCourse> held(Phase phase, int number, Optional<LocalDate> date) {
    if (date.isEmpty() && course.lastSession().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(withSessions(course,
        List.of(bare(number, date.orElseGet(this::firstDate), phase))));
  }

  private boolean hasAgenda() {
    return course.status() == CourseStatus.ONGOING && course.lastSession()
        .map(s -> s.number() != Integer.MAX_VALUE).orElse(true);
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
    if (!hasAgenda()) {
      return agenda.reason("no session can follow session " + Integer.MAX_VALUE
          + ", the largest session number").build();
    }
    Phase nextPhase = nextPhase();
    Optional<Contract> contract = contractInForce(nextPhase);
    OptionalInt planned = contract.isPresent()
        ? contract.get().plannedSessions() : OptionalInt.empty();
    Optional<Session> last = course.lastSession();
    int nextNumber = last.isPresent() ? last.get().number() + 1 : 1;
    Optional<LocalDate> nextDate = last.isPresent()
        ? next(last.get().date(), contract) : Optional.empty();
    agenda.nextSessionNumber(nextNumber).nextPhase(nextPhase);
    nextDate.ifPresent(agenda::nextSessionDate);
    if (planned.isPresent()) {
      agenda.plannedSessions(planned.getAsInt())
          .sessionsRemaining(Math.max(0, planned.getAsInt() - counted(nextPhase)));
    }

    // Overdue: what the rules report as of the last session and the clinician can still act on.
    RuleDefinition[] rules = checker.rules();
    Evaluation[] now = checker.evaluate(facts);
    for (int i = 0; i < rules.length; i++) {
      for (Deviation deviation : deviations(now[i])) {
        reported.add(List.of(rules[i].code(), deviation.path().apply(facts)));
        if (deviation.instructionFor().isPresent()) {
          add(AgendaItem.Kind.OVERDUE, rules[i], deviation, nextNumber);
        }
      }
    }
    int nextIndex = facts.attended().size();
    Optional<TreatmentCourse> next = held(nextPhase, nextNumber, nextDate);
    if (next.isPresent()) {
      // Due: what the next session, held with nothing done in it, would newly make a deviation.
      CourseFacts heldFacts = new CourseFacts(next.get(), profile, nextIndex);
      Evaluation[] after = checker.evaluate(heldFacts);
      for (int i = 0; i < rules.length; i++) {
        for (Deviation deviation : deviations(after[i])) {
          if (reported.add(List.of(rules[i].code(), deviation.path().apply(heldFacts)))) {
            add(kind(rules[i], deviation, nextNumber), rules[i], deviation, nextNumber);
          }
        }
      }
    }
    // A deadline: what the rules would report at the end of the plan, due by the next session
    // (or by a session already past).
    Optional<TreatmentCourse> rest = rest(nextPhase);
    if (rest.isPresent()) {
      CourseFacts restFacts = new CourseFacts(rest.get(), profile, nextIndex);
      Evaluation[] atEnd = checker.evaluate(restFacts);
      for (int i = 0; i < rules.length; i++) {
        if (!rules[i].hasDeadline()) {
          continue;
        }
        for (Deviation deviation : deviations(atEnd[i])) {
          OptionalInt session = deviation.session();
          if (session.isEmpty() || session.getAsInt() > nextNumber
              || !reported.add(List.of(rules[i].code(), deviation.path().apply(restFacts)))) {
            continue;
          }
          add(kind(rules[i], deviation, nextNumber), rules[i], deviation, nextNumber);
        }
      }
    }
    List<AgendaItem> sorted = new ArrayList<>(items.values());
    sorted.sort(AgendaItem.ORDER);
    return agenda.items(sorted).build();
  }

  /**
   * DUE, or OVERDUE for a deviation of a rule with a deadline that lies before the next session:
   * the next session is already too late for it, and the sooner it is done the better.
   */
  private static AgendaItem.Kind kind(RuleDefinition rule, Deviation deviation, int nextNumber) {
    OptionalInt session = deviation.session();
    return rule.hasDeadline() && session.isPresent() && session.getAsInt() < nextNumber
        ? AgendaItem.Kind.OVERDUE : AgendaItem.Kind.DUE;
  }

  private static Iterable<Deviation> deviations(Evaluation evaluation) {
    return evaluation == null ? List.of() : evaluation.deviations();
  }

  /**
   * Adds the item for one deviation of a rule, in the rule's words: its action, then why now.
   * Deviations that read alike (a rule reporting several sessions for one cause) are one item.
   */
  private void add(AgendaItem.Kind kind, RuleDefinition rule, Deviation deviation,
      int nextNumber) {
    String action = rule.action(profile);
    String message = deviation.instructionFor().map(why -> action + ": " + why.get())
        .orElse(action);
    OptionalInt session = deviation.session();
    List<Object> key = List.of(rule.code(), message);
    if (items.containsKey(key) && items.get(key).kind() == AgendaItem.Kind.OVERDUE) {
      return;
    }
    items.put(key, AgendaItem.builder()
        .kind(kind)
        .rule(rule.code())
        .task(rule.task(profile))
        .instrument(rule.instrument(profile))
        .message(message)
        .sinceSession(session.isPresent() && session.getAsInt() != nextNumber
            ? session : OptionalInt.empty())
        .build());
  }

  // --- where the course stands ---------------------------------------------------------------

  /** The expected phase of the next attended session; see {@link Agenda#nextPhase()}. */
  private Phase nextPhase() {
    Phase last = facts.lastAttended().flatMap(Session::phase).orElse(null);
    int treatment = facts.attendedTreatment().size();
    return phaseOf(treatment + 1, facts.attended().size() - treatment, last);
  }

  /**
   * The expected phase of attended treatment session {@code k} (1-based, pre-group sessions not
   * counted) after {@code preGroup} pre-group sessions and a session in phase {@code last}.
   */
  private Phase phaseOf(int k, int preGroup, Phase last) {
    if (!profile.hasAcutePhases() || last == Phase.MAINTENANCE) {
      return Phase.MAINTENANCE;
    }
    if (profile.isGroup() && k == 1 && preGroup < profile.preGroupSessions().min()) {
      return Phase.PRE_GROUP;
    }
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
  private int counted(Phase nextPhase) {
    int counted = 0;
    for (Session session : facts.attended()) {
      Phase phase = session.phase().orElseThrow();
      if (nextPhase == Phase.MAINTENANCE ? phase == Phase.MAINTENANCE : phase.isAcute()) {
        counted++;
      }
    }
    return counted;
  }

  /**
   * The course with its plan played on, nothing done: the sessions the contract in force still
   * plans (the profile's maximum without a number, for acute treatment; at least the next one),
   * at the contract's frequency, in their expected phases, the course then COMPLETED.
   */
  private Optional<TreatmentCourse> rest(Phase nextPhase) {
    Optional<Contract> contract = contractInForce(nextPhase);
    OptionalInt planned = contract.isPresent()
        ? contract.get().plannedSessions() : OptionalInt.empty();
    if (planned.isEmpty() && nextPhase == Phase.MAINTENANCE) {
      return Optional.empty();
    }
    int total = planned.isPresent() ? planned.getAsInt() : profile.sessions().max();
    // At most the profile's maximum more sessions: a plan beyond it is S01's business.
    int remaining = Math.min(Math.max(1, total - counted(nextPhase)),
        Math.max(1, profile.sessions().max() + profile.preGroupSessions().max()));
    Optional<Session> last = course.lastSession();
    int number = last.isPresent() ? last.get().number() : 0;
    Optional<LocalDate> date = last.map(Session::date);
    Phase phase = facts.lastAttended().flatMap(Session::phase).orElse(null);
    int treatment = facts.attendedTreatment().size();
    int preGroup = facts.attended().size() - treatment;
    List<Session> added = new ArrayList<>(remaining);
    for (int i = 0; i < remaining; i++) {
      date = date.isEmpty() ? Optional.of(firstDate()) : next(date.get(), contract);
      if (date.isEmpty() || number == Integer.MAX_VALUE) {
        return Optional.empty();
      }
      Phase expected = phaseOf(treatment + 1, preGroup, phase);
      added.add(bare(++number, date.get(), expected));
      if (expected == Phase.PRE_GROUP) {
        preGroup++;
      } else {
        treatment++;
      }
      phase = expected;
    }
    return Optional.of(TreatmentCourse.builder().from(withSessions(course, added))
        .status(CourseStatus.COMPLETED).build());
  }

  /**
   * The date the first session of a course without sessions is taken to fall on: the latest
   * date the course records (a screening, a contract, an inventory, the formulation), so that
   * what was recorded before treatment is before it.
   */
  private LocalDate firstDate() {
    LocalDate latest = LocalDate.EPOCH;
    for (var measure : course.measures()) {
      latest = later(latest, measure.date().orElse(latest));
    }
    for (Contract contract : course.contracts()) {
      latest = later(latest, contract.agreedOn());
    }
    for (var inventory : course.inventories()) {
      latest = later(latest, inventory.takenOn());
    }
    if (course.formulation().isPresent()) {
      latest = later(latest, course.formulation().get().sharedOn());
    }
    return latest;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b.isAfter(a) ? b : a;
  }

  private static Session bare(int number, LocalDate date, Phase phase) {
    return Session.builder()
        .number(number)
        .date(date)
        .attendance(Attendance.ATTENDED)
        .phase(phase)
        .build();
  }

  private static TreatmentCourse withSessions(TreatmentCourse course, List<Session> added) {
    List<Session> sessions = new ArrayList<>(course.sessions().size() + added.size());
    sessions.addAll(course.sessions());
    sessions.addAll(added);
    return TreatmentCourse.builder().from(course).sessions(sessions).build();
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
}
