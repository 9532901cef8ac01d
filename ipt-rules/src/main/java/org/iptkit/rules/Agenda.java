package org.iptkit.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Phase;
import org.iptkit.core.TreatmentCourse;

/**
 * The next-session agenda of an ONGOING course: what is overdue, what is due in the next
 * session, and where the course stands — the number, expected date and expected phase of the
 * next session, and the sessions remaining per the contract. Derived from the same rules and
 * profile as the fidelity report, so a clinician can prevent the deviations a report would show
 * later.
 *
 * <pre>{@code
 * Agenda agenda = checker.agenda(course);
 * agenda.nextPhase();                                     // e.g. MIDDLE
 * agenda.items().forEach(i -> System.out.println(i.kind() + " " + i.message()));
 * }</pre>
 *
 * <p>How the items come about: the agenda is derived from the checker's own rules, which it
 * runs on three versions of the course, and every item is worded by its rule as an instruction
 * for the therapist ("record a PHQ-9 in this session: the last one was session 5, 4 sessions
 * ago; …").
 * <ul>
 *   <li><b>Overdue</b>: the deviations the rules report for the course as recorded that the
 *       clinician can still act on in the next session — an initial-phase task missing once the
 *       initial phase is over, a primary measure past its interval, a missing baseline, a positive
 *       safety item without risk assessment, an unreviewed deterioration, the problem areas'
 *       details and people, the inventory, a missing continuation contract — and the deadlines
 *       that have already passed, such as an ending not discussed in time.
 *   <li><b>Due</b>: the deviations that holding the next session with nothing done in it would
 *       newly add (number = last + 1; date = last session's date plus the contract's frequency,
 *       7 days without one; the expected phase) — e.g. the interim review of a middle session;
 *       and the deviations whose deadline is the next session when the course is played on to
 *       the end of its plan with nothing done — the initial-phase tasks in the last initial
 *       session, the primary measure in the last session its interval allows, the ending
 *       discussion in the last session far enough ahead of the end, the termination tasks, the
 *       final measure and further treatment after non-response in the last planned session.
 * </ul>
 * A rule switched off by the profile or the call yields no item. Items are sorted by
 * {@link AgendaItem#ORDER}.
 *
 * <p>Only ONGOING courses have an agenda. For a COMPLETED or DISCONTINUED course
 * {@link #of(FidelityChecker, TreatmentCourse)} does not throw: it returns an agenda without items
 * or next session whose {@link #reason()} says why, so a host can run agendas over a whole
 * caseload.
 */
@Value.Immutable
public abstract class Agenda {
  Agenda() {}

  /** The id of the profile the agenda was derived from. */
  public abstract String protocol();

  /** The status of the course. */
  public abstract CourseStatus status();

  /**
   * Why the course has no agenda (it is not ONGOING, or its last session already has the largest
   * possible number); empty when it has one.
   */
  public abstract Optional<String> reason();

  /** The number the next session would carry: the highest recorded session number plus one. */
  public abstract OptionalInt nextSessionNumber();

  /**
   * The expected date of the next session: the last recorded session's date plus the
   * contract's frequency (twice weekly 3 days, weekly 7, fortnightly 14, monthly one month; 7
   * days without a contract frequency); empty before the first session (or past the end of the
   * calendar).
   */
  public abstract Optional<LocalDate> nextSessionDate();

  /**
   * The expected phase of the next session: MAINTENANCE for a profile without acute phases;
   * PRE_GROUP until a group profile's minimum of pre-group sessions is reached; otherwise, for
   * the next attended session k of N planned (the contract's number, else the profile's
   * maximum), INITIAL for k ≤ {@code initial.max}, TERMINATION for the last
   * {@code termination.max} sessions, MIDDLE between — and never a phase before the last
   * attended session's phase (phases never go back).
   */
  public abstract Optional<Phase> nextPhase();

  /** The attended sessions so far, pre-group sessions not counted. */
  public abstract int sessionsAttended();

  /**
   * The sessions planned by the contract in force: the latest ACUTE contract, or for a next
   * session in the MAINTENANCE phase the latest CONTINUATION or MAINTENANCE contract.
   */
  public abstract OptionalInt plannedSessions();

  /**
   * Planned sessions not yet attended, the next one included (never below 0); empty without a
   * contract that plans a number of sessions.
   */
  public abstract OptionalInt sessionsRemaining();

  /** The items, overdue first, sorted by {@link AgendaItem#ORDER}. */
  public abstract List<AgendaItem> items();

  /** The items that are overdue. */
  public List<AgendaItem> overdue() {
    return itemsOf(AgendaItem.Kind.OVERDUE);
  }

  /** The items that are due in the next session. */
  public List<AgendaItem> due() {
    return itemsOf(AgendaItem.Kind.DUE);
  }

  private List<AgendaItem> itemsOf(AgendaItem.Kind kind) {
    List<AgendaItem> result = new ArrayList<>();
    for (AgendaItem item : items()) {
      if (item.kind() == kind) {
        result.add(item);
      }
    }
    return result;
  }

  /**
   * The agenda of the next session of {@code course}, derived from {@code checker}'s rules and
   * profile. A course that is not ONGOING gets an empty agenda with a {@link #reason()}.
   */
  public static Agenda of(FidelityChecker checker, TreatmentCourse course) {
    return AgendaPlanner.plan(checker, course);
  }

  /** A builder of an agenda. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an agenda attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  static final class Builder extends ImmutableAgenda.Builder {
    Builder() {}
  }
}
