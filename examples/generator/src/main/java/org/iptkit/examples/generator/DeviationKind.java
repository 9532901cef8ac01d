package org.iptkit.examples.generator;

import static org.iptkit.examples.generator.Aspect.AREAS;
import static org.iptkit.examples.generator.Aspect.CAREGIVER;
import static org.iptkit.examples.generator.Aspect.CONTRACT;
import static org.iptkit.examples.generator.Aspect.COUNT;
import static org.iptkit.examples.generator.Aspect.DATES;
import static org.iptkit.examples.generator.Aspect.ENDING_TASKS;
import static org.iptkit.examples.generator.Aspect.FOCUS_FIELD;
import static org.iptkit.examples.generator.Aspect.FORMULATION;
import static org.iptkit.examples.generator.Aspect.INITIAL_TASKS;
import static org.iptkit.examples.generator.Aspect.INVENTORY;
import static org.iptkit.examples.generator.Aspect.MEASURES;
import static org.iptkit.examples.generator.Aspect.MIDDLE_TASKS;
import static org.iptkit.examples.generator.Aspect.MINUTES;
import static org.iptkit.examples.generator.Aspect.PHASES;
import static org.iptkit.examples.generator.Aspect.PROSCRIBED;
import static org.iptkit.examples.generator.Aspect.SCHEDULE;
import static org.iptkit.examples.generator.Aspect.TECHNIQUES;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.SickRole;

/**
 * The catalog of protocol deviations the generator can inject, each mapped to the fidelity rule
 * (docs/rules.md) that must report it. Kinds marked "course-level" are reported without a session;
 * the others name the session where the deviation sits.
 *
 * <p>A few kinds necessarily break more than one rule; the generator then lists one
 * {@link InjectedDeviation} per rule (see {@link #alsoTriggers()}). A few others may, depending
 * on how a rule reads an edge the catalog leaves open, also be reported by a neighbouring rule:
 * those rules are documented in {@link #toleratedRules()} and an accuracy check should accept
 * them without requiring them.
 */
public enum DeviationKind {
  /** COMPLETED with one or two attended sessions more than the profile's maximum (course-level). */
  EXTRA_SESSIONS("S01", "sessions beyond the profile's maximum", w(COUNT), r()),
  /** COMPLETED with one or two attended sessions fewer than the profile's minimum (course-level). */
  TOO_FEW_SESSIONS("S01", "fewer sessions than the profile's minimum", w(COUNT), r()),
  /** The latest ACUTE contract plans another number of sessions than were attended (course-level). */
  CONTRACT_NOT_RESPECTED("S02", "attended sessions differ from the contract", w(CONTRACT), r(COUNT)),
  /** A session carries the same date as the one before it. */
  DATES_OUT_OF_ORDER("S03", "a session dated the same day as the previous one", w(DATES),
      r(SCHEDULE)),
  /** A gap between two attended sessions longer than the profile's maximum gap. */
  LONG_GAP("S04", "a gap longer than the profile's maximum", w(DATES), r(SCHEDULE)),
  /** The course stretched (with gaps that are each allowed) beyond the maximum span (course-level). */
  SPAN_TOO_LONG("S05", "first to last session longer than the maximum span", w(DATES),
      r(SCHEDULE)),
  /** An attended session shorter than the profile's session length (billing code kept right). */
  SESSION_TOO_SHORT("S06", "a session shorter than the protocol's length", w(MINUTES), r()),
  /** An attended session longer than the profile's session length (billing code kept right). */
  SESSION_TOO_LONG("S06", "a session longer than the protocol's length", w(MINUTES), r()),
  /** A CPT code whose time band does not contain the session's minutes. */
  WRONG_BILLING_CODE("S07", "a CPT code outside its time band", w(MINUTES), r()),
  /**
   * COMPLETED with so many cancelled and missed appointments (each rebooked in the same week)
   * that attendance falls below the profile's minimum (course-level).
   */
  LOW_ATTENDANCE("S08", "attendance below the profile's minimum", w(SCHEDULE), r(DATES)),
  /** The last initial session and the first middle session swapped phases: INITIAL after MIDDLE. */
  PHASE_GOES_BACK("P01", "an INITIAL session after a MIDDLE one", w(PHASES), r()),
  /** One INITIAL session more than the profile allows (course-level). */
  INITIAL_PHASE_TOO_LONG("P02", "too many initial sessions", w(PHASES), r()),
  /**
   * COMPLETED with every middle session recorded as TERMINATION (course-level); this also makes
   * the termination phase too long (P04). F05 and F06 may call themselves not applicable (no
   * middle phase, "P03 reports it") or report the missing middle work: both are tolerated.
   */
  NO_MIDDLE_PHASE("P03", "no middle phase", w(PHASES), r(), "P04"),
  /** COMPLETED with one TERMINATION session more than the profile allows (course-level). */
  TERMINATION_PHASE_TOO_LONG("P04", "too many termination sessions", w(PHASES), r()),
  /** No DIAGNOSIS_NAMED task in the initial phase (course-level). */
  NO_DIAGNOSIS("I01", "diagnosis not named", w(INITIAL_TASKS), r(PHASES)),
  /** No PSYCHOEDUCATION task in the initial phase (course-level). */
  NO_PSYCHOEDUCATION("I02", "no psychoeducation", w(INITIAL_TASKS), r(PHASES)),
  /** No sick-role task in the initial phase (course-level). */
  NO_SICK_ROLE("I03", "sick role not given", w(INITIAL_TASKS), r(PHASES)),
  /** The other kind of sick role given (full instead of limited or back) (course-level). */
  WRONG_SICK_ROLE("I03", "the wrong kind of sick role", w(INITIAL_TASKS), r(PHASES)),
  /** No MEDICATION_EVALUATED task in the initial phase (course-level). */
  NO_MEDICATION_EVALUATION("I04", "need for medication not evaluated", w(INITIAL_TASKS),
      r(PHASES)),
  /** The inventory taken only in the first middle session (course-level). */
  INVENTORY_LATE("I05", "inventory taken after the initial phase", w(INVENTORY), r(PHASES)),
  /**
   * No inventory at all (course-level); F04 also reports each person a problem area names (listed
   * when an area names one); N01/N02 may report the missing first inventory.
   */
  NO_INVENTORY("I05", "no interpersonal inventory", w(INVENTORY), r(AREAS, PHASES)),
  /** No problem area chosen (course-level); F05 may report the middle sessions as off focus. */
  NO_FOCUS("I06", "no problem area chosen", w(AREAS), r(PHASES, FOCUS_FIELD, FORMULATION)),
  /**
   * The formulation shared (and recorded) only in the first middle session (course-level); I07
   * also reports the task missing from the initial phase.
   */
  FORMULATION_LATE("I06", "formulation shared after the initial phase", w(FORMULATION),
      r(PHASES), "I07"),
  /** The patient did not agree with the formulation (course-level). */
  FORMULATION_NOT_AGREED("I07", "formulation without the patient's agreement", w(FORMULATION),
      r()),
  /** The formulation does not name every chosen area (course-level). */
  FORMULATION_MISSES_AREA("I07", "formulation misses a chosen area", w(FORMULATION), r(AREAS)),
  /** No treatment contract at all (course-level). */
  NO_CONTRACT("I08", "no treatment contract", w(CONTRACT), r(PHASES)),
  /** IPT-A: no caregiver involved in the initial phase (course-level). */
  NO_CAREGIVER("I09", "caregiver not involved at the start", w(CAREGIVER), r(PHASES)),
  /** One problem area more than the profile allows (course-level). */
  TOO_MANY_AREAS("F01", "more problem areas than allowed", w(AREAS), r()),
  /** Interpersonal deficits combined with another area (course-level). */
  DEFICITS_COMBINED("F02", "interpersonal deficits combined with another area", w(AREAS), r()),
  /**
   * A problem area without its details: a dispute without stage, grief without the deceased, a
   * transition without the new role (course-level).
   */
  AREA_WITHOUT_DETAILS("F03", "a problem area without its details", w(AREAS), r()),
  /**
   * A problem area names a person who is not in the inventory, or a grief area names a person not
   * marked deceased (course-level).
   */
  PERSON_NOT_IN_INVENTORY("F04", "a focus person missing from the inventory", w(AREAS),
      r(INVENTORY)),
  /** COMPLETED with more than a quarter of the middle sessions off focus (course-level). */
  MIDDLE_OFF_FOCUS("F05", "middle sessions off focus", w(FOCUS_FIELD), r(PHASES, AREAS)),
  /** COMPLETED without one core strategy of a chosen area in the middle phase (course-level). */
  MISSING_CORE_STRATEGY("F06", "a core strategy of an area never used", w(MIDDLE_TASKS, TECHNIQUES),
      r(PHASES, AREAS)),
  /** A proscribed (non-IPT) technique recorded in a session. */
  PROSCRIBED_TECHNIQUE("T01", "a non-IPT technique", w(PROSCRIBED), r()),
  /** A middle session without the interim review. */
  NO_INTERIM_REVIEW("T02", "a middle session without interim review", w(MIDDLE_TASKS), r(PHASES)),
  /** A middle session without any IPT technique. */
  NO_IPT_TECHNIQUE("T03", "a middle session without an IPT technique", w(TECHNIQUES),
      r(PHASES, AREAS)),
  /** No primary measure in the first session nor in the 14 days before it (course-level). */
  NO_BASELINE("M01", "no baseline measure", w(MEASURES), r()),
  /** More attended sessions between two primary measures than the profile allows (course-level). */
  MEASUREMENT_GAP("M02", "a gap between measures", w(MEASURES), r()),
  /** COMPLETED without the primary measure in the last two sessions (course-level). */
  NO_FINAL_MEASURE("M03", "no final measure", w(MEASURES), r()),
  /** A positive safety item without a risk assessment in that session. */
  SAFETY_ITEM_NOT_FOLLOWED_UP("M04", "a positive safety item without risk assessment",
      w(MEASURES), r()),
  /** A rise above baseline by the deterioration threshold without a treatment plan review. */
  DETERIORATION_NOT_REVIEWED("M05", "deterioration without plan review", w(MEASURES), r()),
  /** COMPLETED with the ending first discussed too close to the last session (course-level). */
  ENDING_DISCUSSED_LATE("E01", "ending discussed too late", w(ENDING_TASKS), r(COUNT)),
  /** COMPLETED without PROGRESS_REVIEWED in the termination phase (course-level). */
  NO_PROGRESS_REVIEW("E02", "progress not reviewed", w(ENDING_TASKS), r(PHASES)),
  /** COMPLETED without a relapse prevention plan in the termination phase (course-level). */
  NO_RELAPSE_PLAN("E03", "no relapse prevention plan", w(ENDING_TASKS), r(PHASES)),
  /** COMPLETED without feelings about ending addressed (course-level). */
  NO_FEELINGS_ABOUT_ENDING("E04", "feelings about ending not addressed", w(ENDING_TASKS),
      r(PHASES)),
  /**
   * COMPLETED or DISCONTINUED without response (or still above the cut-off) and no further
   * treatment offered in the last two sessions (course-level).
   */
  NON_RESPONSE_WITHOUT_OFFER("E05", "non-response without further treatment offered",
      w(MEASURES, ENDING_TASKS), r()),
  /**
   * Maintenance sessions before the MAINTENANCE contract was agreed (reported at the first
   * session); P01 may also report them as maintenance without its own contract.
   */
  MAINTENANCE_BEFORE_CONTRACT("E06", "maintenance sessions before their contract", w(CONTRACT),
      r(DATES)),
  /** A first inventory of only two people (course-level). */
  SMALL_INVENTORY("N01", "an inventory of two people", w(INVENTORY), r(AREAS)),
  /** A person of the first inventory without closeness circle, contact or relationship. */
  PERSON_WITHOUT_CIRCLE("N02", "an incomplete person in the inventory", w(INVENTORY), r());

  private final String rule;
  private final String description;
  private final Set<Aspect> writes;
  private final Set<Aspect> reads;
  private final Set<String> alsoTriggers;

  DeviationKind(String rule, String description, Set<Aspect> writes, Set<Aspect> reads,
      String... alsoTriggers) {
    this.rule = rule;
    this.description = description;
    this.writes = writes;
    this.reads = reads;
    this.alsoTriggers = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(alsoTriggers)));
  }

  private static Set<Aspect> w(Aspect... aspects) {
    return aspects.length == 0 ? EnumSet.noneOf(Aspect.class) : EnumSet.copyOf(List.of(aspects));
  }

  private static Set<Aspect> r(Aspect... aspects) {
    return w(aspects);
  }

  /** The code of the rule this deviation must trigger, e.g. {@code "S04"}. */
  public String rule() {
    return rule;
  }

  /** A short description of the deviation, for reports and test output. */
  public String description() {
    return description;
  }

  /** The other rules this kind always triggers too (each is listed as its own deviation). */
  public Set<String> alsoTriggers() {
    return alsoTriggers;
  }

  /**
   * Rules that may, but need not, also report this kind, because the rule catalog leaves the
   * edge open (e.g. whether a missing first inventory is an N01 finding or not applicable).
   */
  public Set<String> toleratedRules() {
    return switch (this) {
      case NO_INVENTORY -> Set.of("F04", "N01", "N02");
      case NO_FOCUS -> Set.of("F05");
      case NO_MIDDLE_PHASE -> Set.of("F05", "F06");
      case MAINTENANCE_BEFORE_CONTRACT -> Set.of("P01");
      default -> Set.of();
    };
  }

  /** Whether the generator can inject this kind into a course of the profile with the status. */
  public boolean appliesTo(ProtocolProfile profile, CourseStatus status) {
    boolean completed = status == CourseStatus.COMPLETED;
    boolean acute = profile.hasAcutePhases();
    return switch (this) {
      case EXTRA_SESSIONS -> completed;
      case TOO_FEW_SESSIONS -> completed && profile.sessions().min() - 1 >= minimalSessions(profile);
      case CONTRACT_NOT_RESPECTED, NO_MIDDLE_PHASE, MIDDLE_OFF_FOCUS, MISSING_CORE_STRATEGY,
          ENDING_DISCUSSED_LATE, NO_PROGRESS_REVIEW, NO_RELAPSE_PLAN, NO_FEELINGS_ABOUT_ENDING ->
          completed && acute;
      case LOW_ATTENDANCE -> completed;
      case PHASE_GOES_BACK, NO_DIAGNOSIS, NO_PSYCHOEDUCATION, NO_MEDICATION_EVALUATION,
          INVENTORY_LATE, NO_INVENTORY, NO_FOCUS, FORMULATION_LATE, FORMULATION_NOT_AGREED,
          FORMULATION_MISSES_AREA, NO_CONTRACT, NO_INTERIM_REVIEW, NO_IPT_TECHNIQUE -> acute;
      case INITIAL_PHASE_TOO_LONG -> acute && profile.sessions().max()
          - (profile.initialPhase().get().max() + 1) - profile.terminationPhase().get().min() >= 1;
      case TERMINATION_PHASE_TOO_LONG -> completed && acute && profile.sessions().max()
          - profile.initialPhase().get().min() - (profile.terminationPhase().get().max() + 1)
          >= 1;
      case NO_SICK_ROLE, WRONG_SICK_ROLE -> acute && profile.sickRole() != SickRole.NONE;
      case NO_CAREGIVER -> acute && profile.caregiverInvolvement();
      case DEFICITS_COMBINED -> profile.maxAreas() >= 2;
      case TOO_MANY_AREAS -> profile.maxAreas() < 3;
      case NO_FINAL_MEASURE -> completed && profile.maxMeasureInterval() >= 2;
      case NON_RESPONSE_WITHOUT_OFFER -> status != CourseStatus.ONGOING;
      case MAINTENANCE_BEFORE_CONTRACT -> !acute;
      default -> true;
    };
  }

  /** The fewest attended sessions a course of the profile can have and still hold its phases. */
  static int minimalSessions(ProtocolProfile profile) {
    if (!profile.hasAcutePhases()) {
      return 1;
    }
    return profile.initialPhase().get().min() + profile.terminationPhase().get().min() + 1;
  }

  /** Whether this kind and {@code other} may be injected into the same course. */
  boolean compatibleWith(DeviationKind other) {
    if (this == other || rule.equals(other.rule)) {
      return false;
    }
    return disjoint(writes, other.writes) && disjoint(writes, other.reads)
        && disjoint(other.writes, reads);
  }

  private static boolean disjoint(Set<Aspect> a, Set<Aspect> b) {
    return Collections.disjoint(a, b);
  }

  /** Whether the kind is decided when the course is planned (not applied to a generated course). */
  boolean isPlanned() {
    return switch (this) {
      case EXTRA_SESSIONS, TOO_FEW_SESSIONS, INITIAL_PHASE_TOO_LONG, TERMINATION_PHASE_TOO_LONG,
          TOO_MANY_AREAS, DEFICITS_COMBINED, NON_RESPONSE_WITHOUT_OFFER -> true;
      default -> false;
    };
  }
}
