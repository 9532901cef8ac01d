package org.iptkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One recorded course of IPT: the aggregate a host builds from its records, checks for protocol
 * fidelity and stores as JSON (docs/format.md, Course). It holds the treatment contracts,
 * interpersonal inventories, chosen problem areas, the formulation, the sessions (in the order
 * recorded), measures taken outside sessions, observer fidelity ratings and the end date, and
 * answers the questions host code asks: attended sessions, sessions in a phase, the inventory as of
 * a date, the primary problem area, baseline and last score.
 *
 * <p>Construction rejects only impossible data (blank course id, repeated session numbers, …).
 * Whether the course follows its protocol is for the rules module. The course id, patient and
 * therapist references never appear in {@code toString()}.
 *
 * <pre>{@code
 * TreatmentCourse course = TreatmentCourse.builder()
 *     .courseId("c-0001").protocol("ipt-acute-16").status(CourseStatus.ONGOING)
 *     .addSession(first)
 *     .build();
 * course.attendedSessions().size();   // 1
 * }</pre>
 */
@Value.Immutable
public abstract class TreatmentCourse implements WithTreatmentCourse {
  TreatmentCourse() {}

  /** The host's identifier of the course (not a patient identifier). */
  @Value.Redacted
  public abstract String courseId();

  /** A pseudonymous reference to the patient. */
  @Value.Redacted
  public abstract Optional<String> patientRef();

  /** A pseudonymous reference to the therapist (used to group cohort reports). */
  @Value.Redacted
  public abstract Optional<String> therapistRef();

  /** The id of the protocol profile the course follows, e.g. {@code "ipt-acute-16"}. */
  public abstract String protocol();

  /** Ongoing, completed or discontinued. */
  public abstract CourseStatus status();

  /** The treatment contracts, in the order recorded. */
  public abstract List<Contract> contracts();

  /** The interpersonal inventories (dated snapshots of the social network). */
  public abstract List<InterpersonalInventory> inventories();

  /** The chosen problem areas. */
  public abstract List<ProblemArea> problemAreas();

  /** The interpersonal formulation, once shared. */
  public abstract Optional<Formulation> formulation();

  /** The sessions, in the order recorded (the JSON array order). */
  public abstract List<Session> sessions();

  /** Measures taken outside sessions (e.g. screening), each with its date. */
  public abstract List<Measure> measures();

  /** Observer ratings of sessions on fidelity scales. */
  public abstract List<FidelityRating> fidelityRatings();

  /** The date treatment ended. */
  public abstract Optional<LocalDate> endedOn();

  /** The sessions ordered by number. */
  @Value.Lazy
  public List<Session> sessionsByNumber() {
    List<Session> sorted = new ArrayList<>(sessions());
    sorted.sort(Comparator.comparingInt(Session::number));
    return List.copyOf(sorted);
  }

  /**
   * The attended sessions ordered by number; a session's position in this list (from 0) is its
   * attended index, the count docs/rules.md uses.
   */
  @Value.Lazy
  public List<Session> attendedSessions() {
    List<Session> attended = new ArrayList<>();
    for (Session session : sessionsByNumber()) {
      if (session.isAttended()) {
        attended.add(session);
      }
    }
    return List.copyOf(attended);
  }

  /** The attended sessions of a phase, ordered by number. */
  public List<Session> sessionsIn(Phase phase) {
    List<Session> result = new ArrayList<>();
    for (Session session : attendedSessions()) {
      if (session.isIn(phase)) {
        result.add(session);
      }
    }
    return result;
  }

  /** The session with the given number. */
  public Optional<Session> session(int number) {
    for (Session session : sessions()) {
      if (session.number() == number) {
        return Optional.of(session);
      }
    }
    return Optional.empty();
  }

  /** The session with the highest number, attended or not. */
  public Optional<Session> lastSession() {
    List<Session> sorted = sessionsByNumber();
    return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1));
  }

  /** The attended session with the highest number. */
  public Optional<Session> lastAttendedSession() {
    List<Session> attended = attendedSessions();
    return attended.isEmpty() ? Optional.empty() : Optional.of(attended.get(attended.size() - 1));
  }

  /** The attended session with the lowest number. */
  public Optional<Session> firstAttendedSession() {
    List<Session> attended = attendedSessions();
    return attended.isEmpty() ? Optional.empty() : Optional.of(attended.get(0));
  }

  /** The earliest inventory by date. */
  public Optional<InterpersonalInventory> firstInventory() {
    return inventories().stream().min(Comparator.comparing(InterpersonalInventory::takenOn));
  }

  /** The latest inventory by date (the last recorded one among equal dates). */
  public Optional<InterpersonalInventory> lastInventory() {
    InterpersonalInventory latest = null;
    for (InterpersonalInventory inventory : inventories()) {
      if (latest == null || !inventory.takenOn().isBefore(latest.takenOn())) {
        latest = inventory;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The inventory in force on {@code date}: the latest taken on or before it. */
  public Optional<InterpersonalInventory> inventoryAsOf(LocalDate date) {
    InterpersonalInventory latest = null;
    for (InterpersonalInventory inventory : inventories()) {
      if (!inventory.takenOn().isAfter(date)
          && (latest == null || !inventory.takenOn().isBefore(latest.takenOn()))) {
        latest = inventory;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * The change of the social network from the first to the last inventory, when the course has
   * two inventories or more on different dates.
   */
  public Optional<NetworkComparison> networkChange() {
    Optional<InterpersonalInventory> first = firstInventory();
    Optional<InterpersonalInventory> last = lastInventory();
    if (first.isEmpty() || !first.get().takenOn().isBefore(last.get().takenOn())) {
      return Optional.empty();
    }
    return Optional.of(first.get().compareWith(last.get()));
  }

  /** The problem area marked primary, or else the first one chosen. */
  public Optional<ProblemArea> primaryProblemArea() {
    for (ProblemArea area : problemAreas()) {
      if (area.primary()) {
        return Optional.of(area);
      }
    }
    return problemAreas().isEmpty() ? Optional.empty() : Optional.of(problemAreas().get(0));
  }

  /** The kinds of the chosen problem areas. */
  public Set<ProblemAreaType> problemAreaTypes() {
    Set<ProblemAreaType> types = EnumSet.noneOf(ProblemAreaType.class);
    for (ProblemArea area : problemAreas()) {
      types.add(area.type());
    }
    return types;
  }

  /** The latest contract of a kind by agreement date (a renegotiation supersedes). */
  public Optional<Contract> latestContract(ContractKind kind) {
    Contract latest = null;
    for (Contract contract : contracts()) {
      if (contract.kind() == kind
          && (latest == null || !contract.agreedOn().isBefore(latest.agreedOn()))) {
        latest = contract;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * The number of sessions planned: that of the latest ACUTE contract which gives a number (a
   * renegotiated contract that leaves the number out keeps the one agreed before).
   */
  public OptionalInt plannedSessions() {
    Contract latest = null;
    for (Contract contract : contracts()) {
      if (contract.kind() == ContractKind.ACUTE && contract.plannedSessions().isPresent()
          && (latest == null || !contract.agreedOn().isBefore(latest.agreedOn()))) {
        latest = contract;
      }
    }
    return latest == null ? OptionalInt.empty() : latest.plannedSessions();
  }

  /**
   * The trajectory of an instrument: the totals from attended sessions (dated by the session) and
   * from dated measures taken outside sessions, in date order (session number breaks ties).
   * Out-of-session measures without a date cannot be placed in time and are left out, as are
   * forms with too many unanswered items to have a total; a prorated total is marked so.
   */
  public List<Score> scores(Instrument instrument) {
    List<Score> scores = new ArrayList<>();
    for (Measure measure : measures()) {
      if (measure.instrument() == instrument && measure.date().isPresent()
          && measure.hasTotal()) {
        scores.add(Score.builder().instrument(instrument).date(measure.date().get())
            .total(measure.totalScore()).prorated(measure.isProrated()).build());
      }
    }
    for (Session session : attendedSessions()) {
      for (Measure measure : session.measures()) {
        if (measure.instrument() == instrument && measure.hasTotal()) {
          scores.add(Score.builder().instrument(instrument).date(session.date())
              .sessionNumber(session.number()).total(measure.totalScore())
              .prorated(measure.isProrated()).build());
        }
      }
    }
    scores.sort(Comparator.comparing(Score::date)
        .thenComparingInt(s -> s.sessionNumber().isPresent() ? s.sessionNumber().getAsInt() : 0));
    return scores;
  }

  /** The first score of an instrument (the baseline). */
  public Optional<Score> baseline(Instrument instrument) {
    List<Score> scores = scores(instrument);
    return scores.isEmpty() ? Optional.empty() : Optional.of(scores.get(0));
  }

  /** The last score of an instrument. */
  public Optional<Score> lastScore(Instrument instrument) {
    List<Score> scores = scores(instrument);
    return scores.isEmpty() ? Optional.empty() : Optional.of(scores.get(scores.size() - 1));
  }

  /**
   * The change of an instrument from baseline to the last score, when there are at least two
   * scores.
   */
  public Optional<SymptomChange> symptomChange(Instrument instrument) {
    List<Score> scores = scores(instrument);
    if (scores.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(SymptomChange.of(
        instrument, scores.get(0).total(), scores.get(scores.size() - 1).total()));
  }

  @Value.Check
  void check() {
    InvalidValueException.requireNotBlank(courseId(), "courseId");
    InvalidValueException.requireNotBlank(protocol(), "protocol");
    checkUniqueNumbers();
    checkEnd();
    checkRatedSessions();
  }

  /** An ONGOING course has not ended; an ended one did not end before its last session. */
  private void checkEnd() {
    Optional<LocalDate> ended = endedOn();
    if (ended.isEmpty()) {
      return;
    }
    if (status() == CourseStatus.ONGOING) {
      throw new InvalidValueException("endedOn", "no end date for an ONGOING course",
          "an ONGOING course has no endedOn");
    }
    LocalDate end = ended.get();
    List<Session> sessions = sessions();
    for (int i = 0; i < sessions.size(); i++) {
      if (sessions.get(i).date().isAfter(end)) {
        throw new InvalidValueException("endedOn",
            "a date on or after the last session, " + lastSessionDate(),
            "endedOn " + end + " is before session " + sessions.get(i).number()
                + " on " + sessions.get(i).date());
      }
    }
  }

  private LocalDate lastSessionDate() {
    LocalDate last = null;
    for (Session session : sessions()) {
      if (last == null || session.date().isAfter(last)) {
        last = session.date();
      }
    }
    return last;
  }

  /** A fidelity rating rates a session that took place, never a cancelled or missed one. */
  private void checkRatedSessions() {
    List<FidelityRating> ratings = fidelityRatings();
    for (int r = 0; r < ratings.size(); r++) {
      int number = ratings.get(r).session();
      for (Session session : sessions()) {
        if (session.number() == number && !session.isAttended()) {
          throw new InvalidValueException("fidelityRatings/" + r + "/session",
              "the number of an ATTENDED session",
              "rating " + (r + 1) + " rates session " + number + ", which is "
                  + session.attendance() + " and cannot be rated");
        }
      }
    }
  }

  private void checkUniqueNumbers() {
    List<Session> sessions = sessions();
    // Sessions are nearly always listed in increasing order of number: then none repeats.
    int previous = Integer.MIN_VALUE;
    boolean increasing = true;
    for (int i = 0; i < sessions.size() && increasing; i++) {
      int number = sessions.get(i).number();
      increasing = number > previous;
      previous = number;
    }
    if (increasing) {
      return;
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < sessions.size(); i++) {
      int number = sessions.get(i).number();
      if (!numbers.add(number)) {
        throw new InvalidValueException("sessions/" + i + "/number",
            "a session number not used by another session",
            "session number " + number + " is used more than once");
      }
    }
  }

  /** A builder of a course; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code treatmentCourse} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static TreatmentCourse copyOf(TreatmentCourse treatmentCourse) {
    return ImmutableTreatmentCourse.copyOf(treatmentCourse);
  }

  /**
   * Builds a course attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code courseId(…)}: the host's identifier of the course (not a patient identifier).</li>
   *   <li>{@code patientRef(value)} or {@code patientRef(Optional)}: a pseudonymous reference to the patient.</li>
   *   <li>{@code therapistRef(value)} or {@code therapistRef(Optional)}: a pseudonymous reference to the therapist (used to group cohort reports).</li>
   *   <li>{@code protocol(…)}: the id of the protocol profile the course follows, e.g. {@code "ipt-acute-16"}.</li>
   *   <li>{@code status(…)}: ongoing, completed or discontinued.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code contracts(…)} to replace all: the treatment contracts, in the order recorded.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code inventories(…)} to replace all: the interpersonal inventories (dated snapshots of the social network).</li>
   *   <li>{@code add…}, {@code addAll…} or {@code problemAreas(…)} to replace all: the chosen problem areas.</li>
   *   <li>{@code formulation(value)} or {@code formulation(Optional)}: the interpersonal formulation, once shared.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code sessions(…)} to replace all: the sessions, in the order recorded (the JSON array order).</li>
   *   <li>{@code add…}, {@code addAll…} or {@code measures(…)} to replace all: measures taken outside sessions (e.g. screening), each with its date.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code fidelityRatings(…)} to replace all: observer ratings of sessions on fidelity scales.</li>
   *   <li>{@code endedOn(value)} or {@code endedOn(Optional)}: the date treatment ended.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableTreatmentCourse.Builder {
    Builder() {}
  }
}
