package org.iptkit.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.ProtocolProfile;

/**
 * The facts about one course that several rules need, computed once per check: the attended
 * sessions in order (all, per phase, and without pre-group ones) with their attended index, each
 * session's JSON Pointer, the initial-phase sessions, whether the initial phase is over
 * (docs/rules.md "Course status matters") and the primary instrument's trajectory.
 */
public final class CourseFacts {
  private static final Phase[] PHASES = Phase.values();

  private final TreatmentCourse course;
  // The course a finding's pointer points into: the course itself, or, for the acute part of a
  // course continued into maintenance, the whole course.
  private final TreatmentCourse whole;
  private final ProtocolProfile profile;
  private final int nextIndex;
  private final List<Session> attended;
  private final List<Session> attendedTreatment;
  private final List<Session> initialSessions;
  private final List<Session>[] byPhase;
  private final boolean initialPhaseOver;
  // Asked for only by some rules, or only when a rule reports a deviation: computed on demand.
  private Map<Session, Integer> attendedIndex;
  private Map<Object, Integer> sessionIndex;
  private CourseFacts acutePart;
  private boolean continuationKnown;
  private LocalDate continuationFrom;
  private Instrument scoresOf;
  private List<Score> scores;

  /** Computes the facts of {@code course} checked against {@code profile}. */
  public CourseFacts(TreatmentCourse course, ProtocolProfile profile) {
    this(course, course, profile, -1);
  }

  /**
   * Computes the facts of {@code course} for the agenda of its session at attended index
   * {@code nextIndex}: the agenda plays the course on past its last recorded session, and the
   * instructions of the rules speak of that session as "this session".
   */
  public CourseFacts(TreatmentCourse course, ProtocolProfile profile, int nextIndex) {
    this(course, course, profile, nextIndex);
  }

  @SuppressWarnings("unchecked")
  private CourseFacts(TreatmentCourse course, TreatmentCourse whole, ProtocolProfile profile,
      int nextIndex) {
    this.course = course;
    this.whole = whole;
    this.profile = profile;
    this.attended = course.attendedSessions();
    this.nextIndex = nextIndex < 0 ? attended.size() : nextIndex;
    List<Session> treatment = new ArrayList<>(attended.size());
    List<Session> initial = new ArrayList<>();
    List<Session>[] phases = new List[PHASES.length];
    boolean nonInitialSeen = false;
    int initialOnly = 0;
    for (int i = 0; i < attended.size(); i++) {
      Session session = attended.get(i);
      Phase phase = session.phase().orElseThrow();
      if (phases[phase.ordinal()] == null) {
        phases[phase.ordinal()] = new ArrayList<>();
      }
      phases[phase.ordinal()].add(session);
      if (phase != Phase.PRE_GROUP) {
        treatment.add(session);
      }
      if (phase == Phase.INITIAL || phase == Phase.PRE_GROUP) {
        initial.add(session);
        if (phase == Phase.INITIAL) {
          initialOnly++;
        }
      } else {
        nonInitialSeen = true;
      }
    }
    for (int i = 0; i < phases.length; i++) {
      phases[i] = phases[i] == null ? List.of() : Collections.unmodifiableList(phases[i]);
    }
    this.byPhase = phases;
    this.attendedTreatment = Collections.unmodifiableList(treatment);
    this.initialSessions = Collections.unmodifiableList(initial);
    int initialMax = profile.initialPhase().map(r -> r.max()).orElse(0);
    this.initialPhaseOver = nonInitialSeen || initialOnly > initialMax;
  }

  /**
   * The days from {@code from} to {@code to} (negative when {@code to} is earlier): the same as
   * {@code ChronoUnit.DAYS.between}, without its generic temporal conversion. The rules that walk
   * every pair of consecutive sessions (S03, S04) subtract epoch days themselves instead, so that
   * each session's date is converted once rather than once for each pair it belongs to.
   */
  public static long daysBetween(LocalDate from, LocalDate to) {
    return to.toEpochDay() - from.toEpochDay();
  }

  /** The course. */
  public TreatmentCourse course() {
    return course;
  }

  /** The profile the course is checked against. */
  public ProtocolProfile profile() {
    return profile;
  }

  /** The course status. */
  public CourseStatus status() {
    return course.status();
  }

  /** Whether the course is COMPLETED (checked in full). */
  public boolean isCompleted() {
    return course.status() == CourseStatus.COMPLETED;
  }

  /** All attended sessions in number order, pre-group ones included. */
  public List<Session> attended() {
    return attended;
  }

  /** Attended sessions in number order without pre-group sessions (counted by S01, S02, P02). */
  public List<Session> attendedTreatment() {
    return attendedTreatment;
  }

  /** Attended INITIAL sessions, and PRE_GROUP ones (part of the initial phase for I-rules, M01). */
  public List<Session> initialSessions() {
    return initialSessions;
  }

  /** The last attended session of the initial phase (INITIAL or PRE_GROUP), if any. */
  public Optional<Session> lastInitialSession() {
    return initialSessions.isEmpty()
        ? Optional.empty()
        : Optional.of(initialSessions.get(initialSessions.size() - 1));
  }

  /**
   * Whether the initial phase is over: the course has a non-INITIAL attended session, or more
   * attended INITIAL sessions than the profile's {@code initial.max}. I-rules are due from then.
   */
  public boolean initialPhaseOver() {
    return initialPhaseOver;
  }

  /** The attended sessions of a phase, in number order (unmodifiable). */
  public List<Session> sessionsIn(Phase phase) {
    return byPhase[phase.ordinal()];
  }

  /**
   * The trajectory of an instrument ({@link TreatmentCourse#scores(Instrument)}, unmodifiable),
   * computed once per check for the instrument asked for last: several rules and the clinical
   * outcome read the primary instrument's.
   */
  public List<Score> scores(Instrument instrument) {
    if (scoresOf != instrument) {
      scores = Collections.unmodifiableList(course.scores(instrument));
      scoresOf = instrument;
    }
    return scores;
  }

  /** The attended index of a session (0-based), or -1 when it was not attended. */
  public int attendedIndex(Session session) {
    if (attendedIndex == null) {
      Map<Session, Integer> index = new IdentityHashMap<>(attended.size() * 2);
      for (int i = 0; i < attended.size(); i++) {
        index.put(attended.get(i), i);
      }
      attendedIndex = index;
    }
    Integer index = attendedIndex.get(session);
    return index == null ? -1 : index;
  }

  /** The last attended session, if any. */
  public Optional<Session> lastAttended() {
    return attended.isEmpty() ? Optional.empty() : Optional.of(attended.get(attended.size() - 1));
  }

  /**
   * The contract in force for maintenance sessions: the later-agreed of the latest CONTINUATION
   * and the latest MAINTENANCE contract (MAINTENANCE when both were agreed on the same day).
   */
  public Optional<Contract> maintenanceContract() {
    Optional<Contract> continuation = course.latestContract(ContractKind.CONTINUATION);
    Optional<Contract> maintenance = course.latestContract(ContractKind.MAINTENANCE);
    if (continuation.isEmpty()) {
      return maintenance;
    }
    if (maintenance.isEmpty()
        || continuation.get().agreedOn().isAfter(maintenance.get().agreedOn())) {
      return continuation;
    }
    return maintenance;
  }

  /**
   * The sessions planned for the course as a whole: by the latest ACUTE contract
   * ({@link TreatmentCourse#plannedSessions()}), or, under a profile without acute phases
   * ({@code ipt-m-monthly}), by the maintenance contract in force ({@link #maintenanceContract()}).
   */
  public OptionalInt plannedSessions() {
    if (profile.hasAcutePhases()) {
      return course.plannedSessions();
    }
    Optional<Contract> contract = maintenanceContract();
    return contract.isPresent() ? contract.get().plannedSessions() : OptionalInt.empty();
  }

  /**
   * The attended index of the session a therapist holds next, the one the agenda's instructions
   * call "this session": one past the last attended session when the facts are those of the
   * course as recorded.
   */
  public int nextIndex() {
    return nextIndex;
  }

  /**
   * How many attended sessions lie between the session at attended index {@code index} and the
   * next session ({@link #nextIndex()}): "the last one was 4 sessions ago".
   */
  public int sessionsAgo(int index) {
    return nextIndex - index;
  }

  /**
   * Whether a MAINTENANCE session is held under a CONTINUATION or MAINTENANCE contract agreed on
   * or before its date and, in a course that also has an ACUTE contract, after the latest ACUTE
   * one (rule E06; docs/rules.md "Course status matters").
   */
  public boolean heldUnderContinuation(Session session) {
    if (!session.isIn(Phase.MAINTENANCE)) {
      return false;
    }
    LocalDate from = continuationFrom();
    return from != null && !session.date().isBefore(from);
  }

  /**
   * The earliest agreement of a CONTINUATION or MAINTENANCE contract agreed after the latest
   * ACUTE one (any, without an ACUTE contract), or {@code null}: the day from which MAINTENANCE
   * sessions are held under continuation. Computed once, so that judging every session costs
   * no walk over the contracts.
   */
  private LocalDate continuationFrom() {
    if (!continuationKnown) {
      Optional<Contract> acute = course.latestContract(ContractKind.ACUTE);
      for (Contract contract : course.contracts()) {
        if (contract.kind() != ContractKind.ACUTE
            && (acute.isEmpty() || contract.agreedOn().isAfter(acute.get().agreedOn()))
            && (continuationFrom == null || contract.agreedOn().isBefore(continuationFrom))) {
          continuationFrom = contract.agreedOn();
        }
      }
      continuationKnown = true;
    }
    return continuationFrom;
  }

  /**
   * The facts of the acute part of the course, which the acute rules judge: for a course under a
   * profile with acute phases, with an ACUTE contract, whose MAINTENANCE sessions are held under a later continuation or
   * maintenance contract ({@link #heldUnderContinuation(Session)}), the course without those
   * sessions (and without the sessions scheduled from the first of them on that were not
   * attended), as a COMPLETED course: the acute part was completed. Otherwise these facts.
   * Pointers of the acute part's findings point into the whole course.
   */
  public CourseFacts acutePart() {
    if (acutePart == null) {
      acutePart = this;
      List<Session> maintenance = sessionsIn(Phase.MAINTENANCE);
      if (profile.hasAcutePhases() && !maintenance.isEmpty() && course == whole
          && course.latestContract(ContractKind.ACUTE).isPresent()) {
        LocalDate from = null;
        for (Session session : maintenance) {
          if (heldUnderContinuation(session)) {
            from = from == null || session.date().isBefore(from) ? session.date() : from;
          }
        }
        if (from != null) {
          List<Session> acute = new ArrayList<>(course.sessions().size());
          for (Session session : course.sessions()) {
            boolean continued = session.attendance() == org.iptkit.core.Attendance.ATTENDED
                ? heldUnderContinuation(session)
                : session.isIn(Phase.MAINTENANCE) || !session.date().isBefore(from);
            if (!continued) {
              acute.add(session);
            }
          }
          TreatmentCourse acuteCourse = TreatmentCourse.builder().from(course)
              .sessions(acute).status(CourseStatus.COMPLETED).build();
          acutePart = new CourseFacts(acuteCourse, course, profile, -1);
        }
      }
    }
    return acutePart;
  }

  /** The JSON Pointer of a session of this course, e.g. {@code "/sessions/6"}. */
  public String pointer(Session session) {
    if (sessionIndex == null) {
      // Built once, on the first finding about a session: a scan per finding would make a
      // course with a finding in most of its sessions quadratic to report.
      List<Session> sessions = whole.sessions();
      Map<Object, Integer> index = new IdentityHashMap<>(sessions.size() * 2);
      for (int i = 0; i < sessions.size(); i++) {
        index.putIfAbsent(sessions.get(i), i);
      }
      sessionIndex = index;
    }
    Integer index = sessionIndex.get(session);
    if (index == null) {
      throw new IllegalArgumentException("session is not part of this course");
    }
    return "/sessions/" + index;
  }

  /** The JSON Pointer of a treatment contract of this course, e.g. {@code "/contracts/1"}. */
  public String pointer(Contract contract) {
    return pointer(whole.contracts(), contract, "/contracts/", "contract");
  }

  /** {@code prefix} and the index of {@code item} (the same instance) in {@code items}. */
  private static String pointer(List<?> items, Object item, String prefix, String what) {
    // Only asked for when a rule reports a deviation: a scan beats building an index per check.
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == item) {
        return prefix + i;
      }
    }
    throw new IllegalArgumentException(what + " is not part of this course");
  }

  /** The JSON Pointer of a field of a session, e.g. {@code pointer(s, "tasks")}. */
  public String pointer(Session session, String field) {
    return pointer(session) + "/" + field;
  }

  /**
   * The JSON Pointer of an element of a session's array field, e.g.
   * {@code "/sessions/6/measures/0"}.
   */
  public String pointer(Session session, String field, int index) {
    return pointer(session) + "/" + field + "/" + index;
  }
}
