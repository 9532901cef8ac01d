package org.iptkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One scheduled session of a course: its number, date, length, whether it took place, its IPT
 * phase, setting and modality, the billing code, the protocol tasks and techniques recorded, the
 * problem areas it addressed (focus) and the measures taken in it. A cancelled or no-show session
 * stays in the record (it matters for attendance), with the phase and focus it was planned for,
 * but carries no minutes, tasks, techniques or measures (and no fidelity rating of the course
 * rates it); an attended session has a phase. A CPT code has the form of one: four digits and a digit or a capital letter.
 *
 * <pre>{@code
 * Session first = Session.builder()
 *     .number(1).date(LocalDate.of(2026, 1, 5)).minutes(50)
 *     .attendance(Attendance.ATTENDED).phase(Phase.INITIAL)
 *     .addTasks(SessionTask.DIAGNOSIS_NAMED, SessionTask.PSYCHOEDUCATION)
 *     .addMeasure(Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Session implements WithSession {
  Session() {}

  /** The session number, from 1. */
  public abstract int number();

  /** The date the session was scheduled for or took place. */
  public abstract LocalDate date();

  /** Its length in minutes, when recorded. */
  public abstract OptionalInt minutes();

  /** Whether it took place. */
  public abstract Attendance attendance();

  /** The IPT phase (required when attended). */
  public abstract Optional<Phase> phase();

  /** Individual, group or joint. */
  public abstract Optional<Setting> setting();

  /** In person, video or telephone. */
  public abstract Optional<Modality> modality();

  /** The CPT psychotherapy code billed (90832, 90834, 90837, …), if any. */
  public abstract Optional<String> cpt();

  /** The protocol tasks recorded as done. */
  public abstract Set<SessionTask> tasks();

  /** The techniques recorded as used. */
  public abstract Set<Technique> techniques();

  /** The problem areas the session addressed. */
  public abstract Set<ProblemAreaType> focus();

  /** The symptom measures taken in the session. */
  public abstract List<Measure> measures();

  /** Whether the session took place. */
  public boolean isAttended() {
    return attendance() == Attendance.ATTENDED;
  }

  /** Whether the session took place in the given phase. */
  public boolean isIn(Phase phase) {
    if (!isAttended()) {
      return false;
    }
    Optional<Phase> recorded = phase();
    return recorded.isPresent() && recorded.get() == phase;
  }

  /** Whether the task was recorded. */
  public boolean has(SessionTask task) {
    return tasks().contains(task);
  }

  /** Whether the technique was recorded. */
  public boolean uses(Technique technique) {
    return techniques().contains(technique);
  }

  /** The first measure of the instrument taken in this session. */
  public Optional<Measure> measure(Instrument instrument) {
    for (Measure measure : measures()) {
      if (measure.instrument() == instrument) {
        return Optional.of(measure);
      }
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    if (number() < 1) {
      throw new InvalidValueException("number", "a session number from 1",
          "session number must be >= 1, was " + number());
    }
    // Each optional accessor makes a new OptionalInt: checks run for every session built.
    OptionalInt given = minutes();
    if (given.isPresent()) {
      int minutes = given.getAsInt();
      if (minutes < 1 || minutes > 600) {
        throw new InvalidValueException("minutes", "minutes 1..600",
            "session " + number() + ": minutes must be 1..600, was " + minutes);
      }
    }
    Optional<String> cpt = cpt();
    if (cpt.isPresent() && !isCptCode(cpt.get())) {
      throw new InvalidValueException("cpt",
          "a CPT code: four digits and a digit or capital letter, such as 90834",
          "session " + number() + ": cpt is not a CPT code (four digits and a digit or letter)");
    }
    if (isAttended()) {
      if (phase().isEmpty()) {
        throw new InvalidValueException("phase", "a phase (an ATTENDED session needs its phase)",
            "session " + number() + " is ATTENDED and needs a phase");
      }
    } else {
      // The messages are built only for an invalid session: checks run for every session built.
      if (given.isPresent()) {
        throw new InvalidValueException("minutes",
            "no minutes for a session not ATTENDED",
            "session " + number() + " is " + attendance() + " and cannot record minutes");
      }
      if (!tasks().isEmpty()) {
        throw new InvalidValueException("tasks",
            "no tasks for a session not ATTENDED",
            "session " + number() + " is " + attendance() + " and cannot record tasks");
      }
      if (!techniques().isEmpty()) {
        throw new InvalidValueException("techniques",
            "no techniques for a session not ATTENDED",
            "session " + number() + " is " + attendance() + " and cannot record techniques");
      }
      if (!measures().isEmpty()) {
        throw new InvalidValueException("measures",
            "no measures for a session not ATTENDED",
            "session " + number() + " is " + attendance() + " and cannot record measures");
      }
    }
  }

  /**
   * Whether {@code code} has the form of a CPT code: four digits and a digit or a capital letter
   * (Category I codes such as 90834, Category II and III codes such as 3725F and 0591T).
   */
  static boolean isCptCode(String code) {
    if (code.length() != 5) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    char last = code.charAt(4);
    return (last >= '0' && last <= '9') || (last >= 'A' && last <= 'Z');
  }

  /** A builder of a session; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code session} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Session copyOf(Session session) {
    return ImmutableSession.copyOf(session);
  }

  /**
   * Builds a session attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code number(…)}: the session number, from 1.</li>
   *   <li>{@code date(…)}: the date the session was scheduled for or took place.</li>
   *   <li>{@code minutes(int)}, {@code minutes(OptionalInt)} or {@code minutes(Integer)}, where {@code null} leaves it unrecorded: its length in minutes, when recorded.</li>
   *   <li>{@code attendance(…)}: whether it took place.</li>
   *   <li>{@code phase(value)} or {@code phase(Optional)}: the IPT phase (required when attended).</li>
   *   <li>{@code setting(value)} or {@code setting(Optional)}: individual, group or joint.</li>
   *   <li>{@code modality(value)} or {@code modality(Optional)}: in person, video or telephone.</li>
   *   <li>{@code cpt(value)} or {@code cpt(Optional)}: the CPT psychotherapy code billed (90832, 90834, 90837, …), if any.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code tasks(…)} to replace all: the protocol tasks recorded as done.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code techniques(…)} to replace all: the techniques recorded as used.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code focus(…)} to replace all: the problem areas the session addressed.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code measures(…)} to replace all: the symptom measures taken in the session.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableSession.Builder {
    Builder() {}

    /**
     * Sets {@link Session#minutes() minutes} from a host's nullable number: {@code null} leaves it unrecorded.
     *
     * @param minutes the value, or {@code null} when not recorded
     * @return this builder
     */
    public Builder minutes(Integer minutes) {
      return minutes == null ? minutes(OptionalInt.empty()) : minutes(minutes.intValue());
    }
  }
}
