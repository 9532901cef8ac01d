package org.iptkit.examples.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Formulation;
import org.iptkit.core.Frequency;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Session;
import org.iptkit.core.Contract;
import org.iptkit.core.TreatmentCourse;

/** A course while it is being generated: mutable, confined to one generation. */
final class CourseDraft {
  /** A contract dated relative to a session. */
  static final class ContractDraft {
    ContractKind kind;
    SlotDraft at;
    int offsetDays;
    Integer planned;
    Frequency frequency;
    Integer minutes;
    List<String> goals = new ArrayList<>();
  }

  /** An inventory taken in a session. */
  static final class InventoryDraft {
    SlotDraft at;
    List<Person> people = new ArrayList<>();
  }

  /** The formulation, shared in a session. */
  static final class FormulationDraft {
    SlotDraft at;
    Set<ProblemAreaType> areas;
    boolean agreed = true;
  }

  /** An observer rating of a session. */
  static final class RatingDraft {
    SlotDraft at;
    String scale;
    String rater;
    List<Integer> items = new ArrayList<>();
  }

  /** A deviation whose session is known by its slot until the course is numbered. */
  record Pending(DeviationKind kind, String rule, SlotDraft at) {}

  final Plan plan;
  String courseId;
  String patientRef;
  String therapistRef;
  LocalDate start;
  final List<SlotDraft> slots = new ArrayList<>();
  final List<ContractDraft> contracts = new ArrayList<>();
  final List<InventoryDraft> inventories = new ArrayList<>();
  final List<ProblemArea> areas = new ArrayList<>();
  FormulationDraft formulation;
  Measure screening;
  int screeningDaysBefore;
  final List<RatingDraft> ratings = new ArrayList<>();

  /** The primary score in the first session. */
  int baselineScore;
  /** The primary score the trajectory ends at. */
  int finalScore;
  /** The highest score of the trajectory outside a deterioration. */
  int ceiling;
  /** Noise added to the trend. */
  int noise;
  /** Attended sessions of the full (uncut) course, pre-group included. */
  int fullAttended;
  /** Whether measures are recorded as totals only. */
  boolean totalsOnly;

  /** Sessions whose positive safety item must stay without a risk assessment. */
  final Set<SlotDraft> noRiskAssessment = new HashSet<>();
  /** Sessions that must not record a treatment plan review. */
  final Set<SlotDraft> noPlanReview = new HashSet<>();
  /** Whether further treatment must not be offered in the last two sessions. */
  boolean noFurtherTreatment;
  /** Whether further treatment is offered even after a response (improved but at risk). */
  boolean offerAlways;
  final List<Pending> deviations = new ArrayList<>();

  CourseDraft(Plan plan) {
    this.plan = plan;
  }

  CourseStatus status() {
    return plan.status;
  }

  /** The attended slots in order, pre-group included. */
  List<SlotDraft> attended() {
    List<SlotDraft> result = new ArrayList<>();
    for (SlotDraft slot : slots) {
      if (slot.attended()) {
        result.add(slot);
      }
    }
    return result;
  }

  /** The attended slots without pre-group sessions. */
  List<SlotDraft> treatment() {
    List<SlotDraft> result = new ArrayList<>();
    for (SlotDraft slot : slots) {
      if (slot.attended() && !slot.preGroup()) {
        result.add(slot);
      }
    }
    return result;
  }

  /** The attended slots of a phase. */
  List<SlotDraft> in(Phase phase) {
    List<SlotDraft> result = new ArrayList<>();
    for (SlotDraft slot : slots) {
      if (slot.attended() && slot.phase == phase) {
        result.add(slot);
      }
    }
    return result;
  }

  /** The initial-phase slots as the I-rules see them: pre-group and INITIAL. */
  List<SlotDraft> initialPhase() {
    List<SlotDraft> result = new ArrayList<>();
    for (SlotDraft slot : slots) {
      if (slot.attended() && (slot.phase == Phase.INITIAL || slot.phase == Phase.PRE_GROUP)) {
        result.add(slot);
      }
    }
    return result;
  }

  SlotDraft lastAttended() {
    List<SlotDraft> attended = attended();
    return attended.get(attended.size() - 1);
  }

  /** The dates of the slots, in order. */
  LocalDate[] dates() {
    LocalDate[] dates = new LocalDate[slots.size()];
    LocalDate date = start;
    for (int i = 0; i < slots.size(); i++) {
      if (i > 0) {
        date = date.plusDays(slots.get(i).interval);
      }
      dates[i] = date;
    }
    return dates;
  }

  /** Days from the first to the last slot. */
  long spanDays() {
    LocalDate[] dates = dates();
    return ChronoUnit.DAYS.between(dates[0], dates[dates.length - 1]);
  }

  /** The 1-based session number of a slot. */
  int number(SlotDraft slot) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i) == slot) {
        return i + 1;
      }
    }
    throw new IllegalStateException("slot is not part of the course");
  }

  /** Whether the slot is still part of the course. */
  boolean contains(SlotDraft slot) {
    for (SlotDraft s : slots) {
      if (s == slot) {
        return true;
      }
    }
    return false;
  }

  /** Records a deviation about the course as a whole. */
  void deviation(DeviationKind kind) {
    deviations.add(new Pending(kind, kind.rule(), null));
    for (String also : kind.alsoTriggers()) {
      deviations.add(new Pending(kind, also, null));
    }
  }

  /** Records a deviation that sits in a session. */
  void deviation(DeviationKind kind, SlotDraft at) {
    deviations.add(new Pending(kind, kind.rule(), at));
  }

  /** Records that a deviation also triggers another rule, about the course as a whole. */
  void deviationAlso(DeviationKind kind, String rule) {
    deviations.add(new Pending(kind, rule, null));
  }

  /** The ground truth, with session numbers. */
  List<InjectedDeviation> injected() {
    List<InjectedDeviation> result = new ArrayList<>();
    for (Pending pending : deviations) {
      result.add(new InjectedDeviation(pending.kind(), pending.rule(),
          pending.at() == null ? OptionalInt.empty() : OptionalInt.of(number(pending.at()))));
    }
    return result;
  }

  /** Builds the immutable course. */
  TreatmentCourse build() {
    LocalDate[] dates = dates();
    Map<SlotDraft, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      index.put(slots.get(i), i);
    }
    TreatmentCourse.Builder course = TreatmentCourse.builder()
        .courseId(courseId)
        .patientRef(patientRef)
        .therapistRef(therapistRef)
        .protocol(plan.profile.id())
        .status(plan.status);
    for (ContractDraft draft : contracts) {
      Contract.Builder contract = Contract.builder()
          .kind(draft.kind)
          .agreedOn(dates[index.get(draft.at)].plusDays(draft.offsetDays))
          .addAllGoals(draft.goals);
      if (draft.planned != null) {
        contract.plannedSessions(draft.planned);
      }
      if (draft.frequency != null) {
        contract.frequency(draft.frequency);
      }
      if (draft.minutes != null) {
        contract.sessionMinutes(draft.minutes);
      }
      course.addContract(contract.build());
    }
    for (InventoryDraft draft : inventories) {
      course.addInventory(InterpersonalInventory.builder()
          .takenOn(dates[index.get(draft.at)])
          .addAllPeople(draft.people)
          .build());
    }
    course.addAllProblemAreas(areas);
    if (formulation != null) {
      course.formulation(Formulation.builder()
          .sharedOn(dates[index.get(formulation.at)])
          .addAllAreas(formulation.areas)
          .patientAgreed(formulation.agreed)
          .build());
    }
    for (int i = 0; i < slots.size(); i++) {
      course.addSession(session(slots.get(i), i + 1, dates[i]));
    }
    if (screening != null) {
      course.addMeasure(Measure.copyOf(screening)
          .withDate(dates[0].minusDays(screeningDaysBefore)));
    }
    for (RatingDraft draft : ratings) {
      course.addFidelityRating(FidelityRating.builder()
          .session(index.get(draft.at) + 1)
          .scale(draft.scale)
          .rater(draft.rater)
          .addAllItems(draft.items)
          .build());
    }
    if (plan.status != CourseStatus.ONGOING) {
      course.endedOn(dates[dates.length - 1]);
    }
    return course.build();
  }

  private static Session session(SlotDraft slot, int number, LocalDate date) {
    Session.Builder session = Session.builder()
        .number(number)
        .date(date)
        .attendance(slot.attendance);
    if (slot.phase != null) {
      session.phase(slot.phase);
    }
    if (slot.setting != null) {
      session.setting(slot.setting);
    }
    if (slot.modality != null) {
      session.modality(slot.modality);
    }
    if (slot.minutes != null) {
      session.minutes(slot.minutes);
    }
    if (slot.cpt != null) {
      session.cpt(slot.cpt);
    }
    session.addAllTasks(slot.tasks).addAllTechniques(slot.techniques).addAllFocus(slot.focus);
    if (slot.primary != null) {
      session.addMeasure(slot.primary);
    }
    session.addAllMeasures(slot.secondary);
    return session.build();
  }
}
