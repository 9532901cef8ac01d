package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.Formulation;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.rules.Severity;
import org.iptkit.rules.SickRole;

/**
 * The I rules of docs/rules.md: the tasks of the initial phase — diagnosis, psychoeducation, sick
 * role, medication, inventory, focus, formulation and contract, and the caregiver of IPT-A. They
 * are due once the initial phase is over (or the course is completed); pre-group sessions of
 * group IPT count as part of the initial phase.
 */
public final class InitialPhaseRules {
  private InitialPhaseRules() {}

  private static final String NOT_OVER = "initial phase not over";

  static final RuleDefinition I01 = define("I01", "diagnosis-named", Severity.ERROR,
      "Task DIAGNOSIS_NAMED (symptoms reviewed, diagnosis given) recorded in an initial-phase"
          + " session.",
      "Naming the diagnosis against standard criteria opens IPT and frames the sick role.",
      "W2018 ch.2; Markowitz Pocket Guide; IPTUK",
      facts -> initialTask(facts, SessionTask.DIAGNOSIS_NAMED, "the diagnosis was not named"))
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.DIAGNOSIS_NAMED)
      .does("review symptoms and name the diagnosis");

  static final RuleDefinition I02 = define("I02", "psychoeducation", Severity.WARNING,
      "Task PSYCHOEDUCATION recorded in an initial-phase session.",
      "Psychoeducation about depression and its treatment is an initial-phase task.",
      "W2018 ch.2; Markowitz Pocket Guide; IPTUK",
      facts -> initialTask(facts, SessionTask.PSYCHOEDUCATION, "no psychoeducation was given"))
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.PSYCHOEDUCATION)
      .does("give psychoeducation about depression and its treatment");

  static final RuleDefinition I03 = define("I03", "sick-role", Severity.WARNING,
      "The task matching the profile's sickRole (FULL: SICK_ROLE_GIVEN, LIMITED:"
          + " LIMITED_SICK_ROLE_GIVEN) recorded in an initial-phase session; the other kind is a"
          + " finding of its own; NONE: not applicable.",
      "The sick role relieves the patient of blame while obliging them to work on recovery.",
      "W2018 ch.2; Mufson 2004",
      InitialPhaseRules::sickRole)
      .acutePhasesOnly().acuteTreatment().dueBy().task(InitialPhaseRules::sickRoleTask)
      .action(p -> p.sickRole() == SickRole.LIMITED ? "give the limited sick role" : "give the sick role");

  static final RuleDefinition I04 = define("I04", "medication-evaluated", Severity.WARNING,
      "Task MEDICATION_EVALUATED recorded in an initial-phase session.",
      "The need for medication is evaluated before psychotherapy alone is relied on.",
      "W2018 ch.2; Markowitz Pocket Guide",
      facts -> initialTask(facts, SessionTask.MEDICATION_EVALUATED,
          "the need for medication was not evaluated"))
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.MEDICATION_EVALUATED)
      .does("evaluate the need for medication");

  static final RuleDefinition I05 = define("I05", "inventory-taken", Severity.ERROR,
      "An interpersonal inventory with at least one person is dated on or before the last"
          + " initial-phase session, and task INVENTORY is recorded in an initial-phase session.",
      "The inventory of the patient's relationships is where the focus is found.",
      "W2018 ch.2; ISIPT; Stuart & Robertson ch.3",
      InitialPhaseRules::inventoryTaken)
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.INVENTORY)
      .does("take the interpersonal inventory");

  static final RuleDefinition I06 = define("I06", "focus-chosen", Severity.ERROR,
      "problemAreas is not empty and, when there is a formulation, it was shared on or before"
          + " the last initial-phase session's date. Session focus lists are not read.",
      "IPT works on one or two chosen problem areas from the end of the initial phase.",
      "W2018 ch.2, ch.5; ISIPT",
      InitialPhaseRules::focusChosen)
      .acutePhasesOnly().acuteTreatment().dueBy()
      .action(p -> "choose the focus: one primary problem area, at most " + p.maxAreas());

  static final RuleDefinition I07 = define("I07", "formulation-shared", Severity.WARNING,
      "Task FORMULATION_SHARED recorded in an initial-phase session, the formulation names every"
          + " chosen problem area, and the patient agreed with it; one finding per failed part.",
      "The formulation links the focus to the onset of symptoms, with the patient's explicit"
          + " agreement.",
      "W2018 ch.2; Stuart & Robertson ch.3; Markowitz Pocket Guide",
      InitialPhaseRules::formulationShared)
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.FORMULATION_SHARED)
      .does("share the interpersonal formulation naming the chosen problem areas and ask for the patient's agreement");

  static final RuleDefinition I08 = define("I08", "contract-agreed", Severity.ERROR,
      "A treatment contract (an ACUTE one for profiles with acute phases) with planned sessions"
          + " and frequency is agreed on or before the last initial-phase session's date.",
      "The time limit is agreed at the start: IPT is a time-limited treatment.",
      "W2000 ch.7; W2018 ch.2; Stuart & Robertson ch.3",
      InitialPhaseRules::contractAgreed)
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.CONTRACT_AGREED)
      .does("agree the treatment contract: the number of sessions and their frequency");

  static final RuleDefinition I09 = define("I09", "caregiver-involved", Severity.WARNING,
      "Profiles that require it (IPT-A): task CAREGIVER_INVOLVED in the initial phase (due once"
          + " it is over) and in the termination phase (COMPLETED only).",
      "IPT-A involves a parent or caregiver at the start and at the end of treatment.",
      "Mufson 1999; Mufson 2004",
      InitialPhaseRules::caregiverInvolved)
      .acutePhasesOnly().acuteTreatment().dueBy().task(SessionTask.CAREGIVER_INVOLVED)
      .does("involve a caregiver");

  /** The sick-role task a profile asks for (rule I03), none for a profile without one. */
  static Optional<SessionTask> sickRoleTask(org.iptkit.rules.ProtocolProfile profile) {
    return switch (profile.sickRole()) {
      case FULL -> Optional.of(SessionTask.SICK_ROLE_GIVEN);
      case LIMITED -> Optional.of(SessionTask.LIMITED_SICK_ROLE_GIVEN);
      case NONE -> Optional.empty();
    };
  }

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(I01, I02, I03, I04, I05, I06, I07, I08, I09);
  }

  /** Whether the initial-phase tasks are due: the initial phase is over or the course completed. */
  private static boolean due(CourseFacts facts) {
    return facts.initialPhaseOver() || facts.isCompleted();
  }

  private static Evaluation initialTask(CourseFacts facts, SessionTask task, String missing) {
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    Evaluation.Collector found = Evaluation.collect();
    requireInitialTask(facts, found, task, missing);
    return found.instructEach(() -> initialReason(facts)).result();
  }

  private static Evaluation sickRole(CourseFacts facts) {
    SickRole role = facts.profile().sickRole();
    if (role == SickRole.NONE) {
      return Evaluation.notApplicable("the profile gives no sick role");
    }
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    boolean full = role == SickRole.FULL;
    SessionTask expected = full ? SessionTask.SICK_ROLE_GIVEN : SessionTask.LIMITED_SICK_ROLE_GIVEN;
    SessionTask other = full ? SessionTask.LIMITED_SICK_ROLE_GIVEN : SessionTask.SICK_ROLE_GIVEN;
    Evaluation.Collector found = Evaluation.collect().protocolPath("/sickRole");
    if (firstInitialWith(facts, expected) != null) {
      return found.instructEach(() -> initialReason(facts)).result();
    }
    Session wrong = firstInitialWith(facts, other);
    if (wrong != null) {
      found.addAt(wrong, "tasks", () -> "session " + wrong.number()
          + " gave the " + (full ? "limited" : "full") + " sick role (" + other
          + "); the protocol gives the " + (full ? "full" : "limited") + " sick role (" + expected
          + ")");
    } else {
      requireInitialTask(facts, found, expected,
          "the " + (full ? "full" : "limited") + " sick role was not given");
    }
    return found.instructEach(() -> initialReason(facts)).result();
  }

  private static Evaluation inventoryTaken(CourseFacts facts) {
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    Evaluation.Collector found = Evaluation.collect();
    List<InterpersonalInventory> inventories = facts.course().inventories();
    Session deadline = deadlineSession(facts);
    if (inventories.isEmpty()) {
      found.add("/inventories", () -> "no interpersonal inventory was recorded");
    } else {
      int earliest = -1;
      boolean onTime = false;
      for (int i = 0; i < inventories.size(); i++) {
        InterpersonalInventory inventory = inventories.get(i);
        if (inventory.people().isEmpty()) {
          continue;
        }
        if (deadline == null || !inventory.takenOn().isAfter(deadline.date())) {
          onTime = true;
          break;
        }
        if (earliest < 0 || inventory.takenOn().isBefore(inventories.get(earliest).takenOn())) {
          earliest = i;
        }
      }
      if (!onTime) {
        if (earliest < 0) {
          found.add(inventories.size() == 1 ? "/inventories/0/people" : "/inventories",
              () -> inventories.size() == 1 ? "the interpersonal inventory lists no person"
                  : "none of the " + inventories.size()
                      + " interpersonal inventories lists a person");
        } else {
          LocalDate takenOn = inventories.get(earliest).takenOn();
          int at = earliest;
          found.add(() -> "/inventories/" + at + "/takenOn", () -> "the interpersonal inventory"
              + " was taken " + daysAfter(takenOn, deadline)
              + " after " + deadlineLabel(facts, deadline));
        }
      }
    }
    requireInitialTask(facts, found, SessionTask.INVENTORY,
        "taking the interpersonal inventory was not recorded");
    return found.instructEach(() -> initialReason(facts)).result();
  }

  private static Evaluation focusChosen(CourseFacts facts) {
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    Evaluation.Collector found = Evaluation.collect();
    if (facts.course().problemAreas().isEmpty()) {
      found.add("/problemAreas", () -> "no problem area was chosen");
    }
    Session deadline = deadlineSession(facts);
    if (facts.course().formulation().isPresent() && deadline != null) {
      LocalDate sharedOn = facts.course().formulation().get().sharedOn();
      if (sharedOn.isAfter(deadline.date())) {
        found.add("/formulation/sharedOn", () -> "the formulation naming the focus was shared "
            + daysAfter(sharedOn, deadline) + " after " + deadlineLabel(facts, deadline));
      }
    }
    return found.instructEach(() -> initialReason(facts)).result();
  }

  private static Evaluation formulationShared(CourseFacts facts) {
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    Evaluation.Collector found = Evaluation.collect();
    requireInitialTask(facts, found, SessionTask.FORMULATION_SHARED,
        "sharing the interpersonal formulation was not recorded");
    if (facts.course().formulation().isEmpty()) {
      found.add("/formulation", () -> "no interpersonal formulation was recorded");
      return found.instructEach(() -> initialReason(facts)).result();
    }
    Formulation formulation = facts.course().formulation().get();
    Set<ProblemAreaType> unnamed = EnumSet.noneOf(ProblemAreaType.class);
    for (ProblemArea area : facts.course().problemAreas()) {
      if (!formulation.areas().contains(area.type())) {
        unnamed.add(area.type());
      }
    }
    if (!unnamed.isEmpty()) {
      found.add("/formulation/areas", () -> "the formulation does not name the chosen problem "
          + (unnamed.size() == 1 ? "area " : "areas ") + wordsOf(unnamed));
    }
    if (!formulation.patientAgreed()) {
      found.add("/formulation/patientAgreed",
          () -> "the patient's agreement with the formulation was not recorded");
    }
    return found.instructEach(() -> initialReason(facts)).result();
  }

  /** The problem areas as words, joined with commas and a last "and". */
  private static String wordsOf(Set<ProblemAreaType> types) {
    StringBuilder areas = new StringBuilder();
    int i = 0;
    for (ProblemAreaType type : types) {
      areas.append(i == 0 ? "" : i == types.size() - 1 ? " and " : ", ").append(words(type));
      i++;
    }
    return areas.toString();
  }

  private static Evaluation contractAgreed(CourseFacts facts) {
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    boolean acuteOnly = facts.profile().hasAcutePhases();
    Session deadline = deadlineSession(facts);
    List<Contract> contracts = facts.course().contracts();
    // The contract in force at the end of the initial phase (the latest agreed by then), or
    // else the first one agreed afterwards.
    int inForce = -1;
    int firstLate = -1;
    for (int i = 0; i < contracts.size(); i++) {
      Contract contract = contracts.get(i);
      if (acuteOnly && contract.kind() != ContractKind.ACUTE) {
        continue;
      }
      boolean onTime = deadline == null || !contract.agreedOn().isAfter(deadline.date());
      if (onTime) {
        if (isComplete(contract)) {
          return Evaluation.pass();
        }
        if (inForce < 0 || !contract.agreedOn().isBefore(contracts.get(inForce).agreedOn())) {
          inForce = i;
        }
      } else if (firstLate < 0
          || contract.agreedOn().isBefore(contracts.get(firstLate).agreedOn())) {
        firstLate = i;
      }
    }
    Evaluation.Collector found = Evaluation.collect();
    int chosen = inForce >= 0 ? inForce : firstLate;
    if (chosen < 0) {
      found.add("/contracts", () -> acuteOnly ? "no acute treatment contract was recorded"
          : "no treatment contract was recorded");
      return found.instructEach(() -> initialReason(facts)).result();
    }
    Contract contract = contracts.get(chosen);
    if (chosen == firstLate) {
      found.add(() -> facts.pointer(contract) + "/agreedOn", () -> "the treatment contract was agreed "
          + daysAfter(contract.agreedOn(), deadline) + " after " + deadlineLabel(facts, deadline));
    }
    if (contract.plannedSessions().isEmpty()) {
      found.add(() -> facts.pointer(contract),
          () -> "the treatment contract does not state the number of sessions");
    }
    if (contract.frequency().isEmpty()) {
      found.add(() -> facts.pointer(contract),
          () -> "the treatment contract does not state the frequency of sessions");
    }
    return found.instructEach(() -> initialReason(facts)).result();
  }

  private static Evaluation caregiverInvolved(CourseFacts facts) {
    if (!facts.profile().caregiverInvolvement()) {
      return Evaluation.notApplicable("profile does not require caregiver involvement");
    }
    if (!due(facts)) {
      return Evaluation.notApplicable(NOT_OVER);
    }
    Evaluation.Collector found = Evaluation.collect().protocolPath("/caregiverInvolvement");
    requireInitialTask(facts, found, SessionTask.CAREGIVER_INVOLVED,
        "no caregiver was involved");
    found.instructEach(() -> initialReason(facts));
    if (facts.isCompleted()) {
      List<Session> termination = facts.sessionsIn(Phase.TERMINATION);
      boolean involved = false;
      for (Session session : termination) {
        if (session.has(SessionTask.CAREGIVER_INVOLVED)) {
          involved = true;
          break;
        }
      }
      if (termination.isEmpty()) {
        found.add("/sessions", () -> "no caregiver was involved (CAREGIVER_INVOLVED) in the"
            + " termination phase: the course has no termination session");
      } else if (!involved) {
        Session last = termination.get(termination.size() - 1);
        found.addAt(last, "tasks", () -> "no caregiver was involved"
            + " (CAREGIVER_INVOLVED) in the termination phase ("
            + PhaseRules.numbers(termination) + ")");
      }
    }
    return found.instructEach(() -> "the termination phase ends with this session").result();
  }

  /**
   * Adds a finding unless {@code task} is recorded in an initial-phase session (INITIAL, and
   * PRE_GROUP for group IPT). The finding points at the tasks of the last initial-phase session
   * and says where the task was recorded instead, if it was recorded later (not for the
   * caregiver, who is expected again at the end).
   */
  private static void requireInitialTask(CourseFacts facts, Evaluation.Collector found,
      SessionTask task, String missing) {
    if (firstInitialWith(facts, task) != null) {
      return;
    }
    // A caregiver is expected again in the termination phase: that is no late initial task.
    Session later = task == SessionTask.CAREGIVER_INVOLVED ? null : firstAttendedWith(facts, task);
    List<Session> initial = facts.initialSessions();
    if (initial.isEmpty()) {
      found.add("/sessions", () -> missing + " (" + task
          + "): the course has no initial-phase session" + laterNote(later));
    } else {
      Session last = initial.get(initial.size() - 1);
      found.addAt(last, "tasks", () -> missing + " (" + task
          + ") in the initial phase (" + PhaseRules.numbers(initial) + ")" + laterNote(later));
    }
  }

  /** Where a task missing from the initial phase was recorded later, if it was. */
  private static String laterNote(Session later) {
    return later == null ? ""
        : "; it was first recorded in session " + later.number() + ", after the initial phase";
  }

  /** The first attended session recording {@code task}, or {@code null}. */
  private static Session firstAttendedWith(CourseFacts facts, SessionTask task) {
    for (Session session : facts.attended()) {
      if (session.has(task)) {
        return session;
      }
    }
    return null;
  }

  /** The first initial-phase session recording {@code task}, or {@code null}. */
  private static Session firstInitialWith(CourseFacts facts, SessionTask task) {
    for (Session session : facts.initialSessions()) {
      if (session.has(task)) {
        return session;
      }
    }
    return null;
  }

  /**
   * The session by whose date the initial-phase artefacts are due: the last initial-phase
   * session, or, in a course without one, the first attended session; {@code null} when no
   * session was attended (no date to judge against).
   */
  private static Session deadlineSession(CourseFacts facts) {
    if (facts.lastInitialSession().isPresent()) {
      return facts.lastInitialSession().get();
    }
    return facts.attended().isEmpty() ? null : facts.attended().get(0);
  }

  /**
   * Why an initial-phase task is due in the next session: the initial phase ends with it, or it
   * has ended without the task.
   */
  private static String initialReason(CourseFacts facts) {
    Session deadline = deadlineSession(facts);
    if (deadline != null && facts.attendedIndex(deadline) == facts.nextIndex()) {
      return "the initial phase ends with this session";
    }
    List<Session> initial = facts.initialSessions();
    return initial.isEmpty() ? "it was due by the end of the initial phase"
        : "it was due by the end of the initial phase (" + PhaseRules.numbers(initial) + ")";
  }

  private static String deadlineLabel(CourseFacts facts, Session deadline) {
    return facts.lastInitialSession().isPresent()
        ? "the last initial-phase session (session " + deadline.number() + ")"
        : "the first session (session " + deadline.number() + "), there being no initial phase";
  }

  private static String daysAfter(LocalDate date, Session deadline) {
    return StructureRules.days(CourseFacts.daysBetween(deadline.date(), date));
  }

  private static boolean isComplete(Contract contract) {
    return contract.plannedSessions().isPresent() && contract.frequency().isPresent();
  }

  /** A problem area in clinical words: "role dispute", "interpersonal deficits", … */
  private static String words(ProblemAreaType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
