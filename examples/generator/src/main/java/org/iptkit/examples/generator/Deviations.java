package org.iptkit.examples.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.ContractKind;
import org.iptkit.core.Grief;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.Technique;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.SickRole;

/**
 * Injects deviations into a generated (and cut) clean course. Each method first looks for a place
 * where the deviation is detectable exactly as documented in {@link DeviationKind}; only if it
 * finds one does it change the course and record the ground truth, else it changes nothing and
 * returns {@code false}.
 */
final class Deviations {
  private final CourseDraft draft;
  private final ProtocolProfile profile;
  private final SplittableRandom rng;

  Deviations(CourseDraft draft, SplittableRandom rng) {
    this.draft = draft;
    this.profile = draft.plan.profile;
    this.rng = rng;
  }

  /** Injects a deviation of {@code kind}; {@code false} when this course offers no place for it. */
  boolean apply(DeviationKind kind) {
    return switch (kind) {
      case CONTRACT_NOT_RESPECTED -> contractNotRespected(kind);
      case DATES_OUT_OF_ORDER -> datesOutOfOrder(kind);
      case LONG_GAP -> longGap(kind);
      case SPAN_TOO_LONG -> spanTooLong(kind);
      case LOW_ATTENDANCE -> lowAttendance(kind);
      case SESSION_TOO_SHORT, SESSION_TOO_LONG -> sessionLength(kind);
      case WRONG_BILLING_CODE -> wrongBillingCode(kind);
      case PHASE_GOES_BACK -> phaseGoesBack(kind);
      case NO_MIDDLE_PHASE -> noMiddlePhase(kind);
      case NO_DIAGNOSIS -> removeInitialTask(kind, EnumSet.of(SessionTask.DIAGNOSIS_NAMED));
      case NO_PSYCHOEDUCATION -> removeInitialTask(kind, EnumSet.of(SessionTask.PSYCHOEDUCATION));
      case NO_MEDICATION_EVALUATION ->
          removeInitialTask(kind, EnumSet.of(SessionTask.MEDICATION_EVALUATED));
      case NO_SICK_ROLE -> removeInitialTask(kind,
          EnumSet.of(SessionTask.SICK_ROLE_GIVEN, SessionTask.LIMITED_SICK_ROLE_GIVEN));
      case WRONG_SICK_ROLE -> wrongSickRole(kind);
      case INVENTORY_LATE -> inventoryLate(kind);
      case NO_INVENTORY -> noInventory(kind);
      case NO_FOCUS -> noFocus(kind);
      case FORMULATION_LATE -> formulationLate(kind);
      case FORMULATION_NOT_AGREED -> formulationNotAgreed(kind);
      case FORMULATION_MISSES_AREA -> formulationMissesArea(kind);
      case NO_CONTRACT -> noContract(kind);
      case NO_CAREGIVER -> noCaregiver(kind);
      case AREA_WITHOUT_DETAILS -> areaWithoutDetails(kind);
      case PERSON_NOT_IN_INVENTORY -> personNotInInventory(kind);
      case MIDDLE_OFF_FOCUS -> middleOffFocus(kind);
      case MISSING_CORE_STRATEGY -> missingCoreStrategy(kind);
      case PROSCRIBED_TECHNIQUE -> proscribedTechnique(kind);
      case NO_INTERIM_REVIEW -> noInterimReview(kind);
      case NO_IPT_TECHNIQUE -> noIptTechnique(kind);
      case NO_BASELINE -> noBaseline(kind);
      case MEASUREMENT_GAP -> measurementGap(kind);
      case NO_FINAL_MEASURE -> noFinalMeasure(kind);
      case SAFETY_ITEM_NOT_FOLLOWED_UP -> safetyItemNotFollowedUp(kind);
      case DETERIORATION_NOT_REVIEWED -> deteriorationNotReviewed(kind);
      case ENDING_DISCUSSED_LATE -> endingDiscussedLate(kind);
      case NO_PROGRESS_REVIEW -> removeEndingTask(kind, SessionTask.PROGRESS_REVIEWED);
      case NO_RELAPSE_PLAN -> removeEndingTask(kind, SessionTask.RELAPSE_PREVENTION_PLAN);
      case NO_FEELINGS_ABOUT_ENDING -> removeEndingTask(kind, SessionTask.FEELINGS_ABOUT_ENDING);
      case MAINTENANCE_BEFORE_CONTRACT -> maintenanceBeforeContract(kind);
      case SMALL_INVENTORY -> smallInventory(kind);
      case PERSON_WITHOUT_CIRCLE -> personWithoutCircle(kind);
      default -> throw new IllegalArgumentException(kind + " is decided when planning");
    };
  }

  // ---------------------------------------------------------------------------------------
  // Helpers

  private <T> T any(List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  /** Whether the initial phase is over, as docs/rules.md defines it: the I-rules are due. */
  private boolean initialPhaseOver() {
    int initial = 0;
    for (SlotDraft slot : draft.attended()) {
      if (slot.phase == Phase.INITIAL) {
        initial++;
      } else if (slot.phase != Phase.PRE_GROUP) {
        return true;
      }
    }
    return profile.initialPhase().isPresent() && initial > profile.initialPhase().get().max();
  }

  /** The first attended session after the initial phase (the first MIDDLE one). */
  private Optional<SlotDraft> firstMiddle() {
    List<SlotDraft> middle = draft.in(Phase.MIDDLE);
    return middle.isEmpty() ? Optional.empty() : Optional.of(middle.get(0));
  }

  /** The index into {@code slots} from which sessions may be moved without touching the start. */
  private int firstMovable() {
    if (!draft.plan.acute) {
      return 1;
    }
    Optional<SlotDraft> middle = firstMiddle();
    return middle.isPresent() ? draft.slots.indexOf(middle.get()) : draft.slots.size();
  }

  private void removeEverywhere(Set<SessionTask> tasks) {
    for (SlotDraft slot : draft.slots) {
      slot.tasks.removeAll(tasks);
    }
  }

  // ---------------------------------------------------------------------------------------
  // S

  private boolean contractNotRespected(DeviationKind kind) {
    CourseDraft.ContractDraft latest = null;
    for (CourseDraft.ContractDraft contract : draft.contracts) {
      if (contract.kind == ContractKind.ACUTE) {
        latest = contract;
      }
    }
    if (latest == null) {
      return false;
    }
    int attended = draft.treatment().size();
    int planned = rng.nextBoolean() || attended <= 2
        ? attended + Scores.between(rng, 1, 2) : attended - Scores.between(rng, 1, 2);
    latest.planned = planned;
    draft.deviation(kind);
    return true;
  }

  private boolean datesOutOfOrder(DeviationKind kind) {
    List<Integer> candidates = new ArrayList<>();
    List<SlotDraft> slots = draft.slots;
    for (int k = firstMovable(); k + 2 < slots.size(); k++) {
      if (slots.get(k).attended() && slots.get(k + 1).attended() && slots.get(k + 2).attended()
          && slots.get(k + 1).interval + slots.get(k + 2).interval <= profile.maxGapDays()) {
        candidates.add(k);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int k = any(candidates);
    slots.get(k + 2).interval += slots.get(k + 1).interval;
    slots.get(k + 1).interval = 0;
    draft.deviation(kind, slots.get(k + 1));
    return true;
  }

  private boolean longGap(DeviationKind kind) {
    List<Integer> candidates = new ArrayList<>();
    List<SlotDraft> slots = draft.slots;
    long room = CleanCourses.spanLimit(profile) - draft.spanDays();
    for (int j = Math.max(2, firstMovable() + 1); j < slots.size(); j++) {
      int extra = profile.maxGapDays() + 1 - slots.get(j).interval;
      if (slots.get(j).attended() && slots.get(j - 1).attended() && extra <= room) {
        candidates.add(j);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int j = any(candidates);
    SlotDraft slot = slots.get(j);
    int extra = profile.maxGapDays() + 1 - slot.interval;
    int weeks = (extra + 6) / 7 * 7;
    if (weeks <= room) {
      extra = weeks;
    }
    slot.interval += extra;
    draft.deviation(kind, slot);
    return true;
  }

  private boolean spanTooLong(DeviationKind kind) {
    long target = 7L * profile.maxSpanWeeks() + Scores.between(rng, 1, 10) - draft.spanDays();
    List<SlotDraft> candidates = new ArrayList<>();
    long capacity = 0;
    List<SlotDraft> slots = draft.slots;
    for (int j = 1; j < slots.size(); j++) {
      SlotDraft slot = slots.get(j);
      if (slot.attended() && slots.get(j - 1).attended() && slot.interval >= 1
          && slot.interval + 7 <= profile.maxGapDays()) {
        candidates.add(slot);
        capacity += (profile.maxGapDays() - slot.interval) / 7 * 7;
      }
    }
    if (target <= 0 || capacity < target) {
      return false;
    }
    // Whole weeks added to allowed gaps (holidays), none beyond the maximum gap.
    Collections.shuffle(candidates, new java.util.Random(rng.nextLong()));
    long remaining = target;
    for (SlotDraft slot : candidates) {
      int add = (profile.maxGapDays() - slot.interval) / 7 * 7;
      slot.interval += add;
      remaining -= add;
      if (remaining <= 0) {
        break;
      }
    }
    draft.deviation(kind);
    return true;
  }

  private boolean lowAttendance(DeviationKind kind) {
    double limit = profile.minAttendance() - 0.03;
    if (limit <= 0.1) {
      return false;
    }
    int attended = draft.attended().size();
    int missed = draft.slots.size() - attended;
    int needed = 0;
    while ((double) attended / (attended + missed + needed) >= limit) {
      needed++;
    }
    List<Integer> candidates = new ArrayList<>();
    List<SlotDraft> slots = draft.slots;
    for (int j = 1; j < slots.size(); j++) {
      SlotDraft slot = slots.get(j);
      if (slot.attended() && !slot.preGroup() && slots.get(j - 1).attended()
          && slot.interval >= 2) {
        candidates.add(j);
      }
    }
    if (candidates.size() < needed) {
      return false;
    }
    java.time.LocalDate[] dates = draft.dates();
    candidates.removeIf(j -> CleanCourses.rebookDays(dates[j], slots.get(j).interval - 1, rng) < 0);
    if (candidates.size() < needed) {
      return false;
    }
    Collections.shuffle(candidates, new java.util.Random(rng.nextLong()));
    List<Integer> chosen = new ArrayList<>(candidates.subList(0, needed));
    chosen.sort(Collections.reverseOrder());
    for (int j : chosen) {
      SlotDraft slot = slots.get(j);
      SlotDraft miss = SlotDraft.missed(
          rng.nextBoolean() ? Attendance.NO_SHOW : Attendance.CANCELLED);
      int rebooked = CleanCourses.rebookDays(dates[j], slot.interval - 1, rng);
      miss.interval = slot.interval - rebooked;
      slot.interval = rebooked;
      slots.add(j, miss);
    }
    draft.deviation(kind);
    return true;
  }

  private boolean sessionLength(DeviationKind kind) {
    List<SlotDraft> attended = draft.attended();
    SlotDraft slot = any(attended);
    IntRange range = profile.sessionMinutes();
    int minutes = kind == DeviationKind.SESSION_TOO_SHORT
        ? range.min() - Scores.between(rng, 5, 15)
        : range.max() + Scores.between(rng, 10, 30);
    if (minutes < 5 || minutes > 600) {
      return false;
    }
    slot.minutes = minutes;
    if (slot.cpt != null && !slot.cpt.equals("90853")) {
      slot.cpt = CleanCourses.cptFor(minutes);
    }
    draft.deviation(kind, slot);
    return true;
  }

  private boolean wrongBillingCode(DeviationKind kind) {
    SlotDraft slot = any(draft.attended());
    int minutes = slot.minutes;
    List<String> wrong = new ArrayList<>();
    for (String code : List.of("90832", "90834", "90837")) {
      if (!code.equals(CleanCourses.cptFor(minutes))) {
        wrong.add(code);
      }
    }
    slot.cpt = any(wrong);
    draft.deviation(kind, slot);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // P

  private boolean phaseGoesBack(DeviationKind kind) {
    List<SlotDraft> initial = draft.in(Phase.INITIAL);
    Optional<SlotDraft> middle = firstMiddle();
    if (initial.isEmpty() || middle.isEmpty()) {
      return false;
    }
    SlotDraft last = initial.get(initial.size() - 1);
    SlotDraft first = middle.get();
    last.swapContent(first);
    for (CourseDraft.ContractDraft contract : draft.contracts) {
      contract.at = swap(contract.at, last, first);
    }
    for (CourseDraft.InventoryDraft inventory : draft.inventories) {
      inventory.at = swap(inventory.at, last, first);
    }
    if (draft.formulation != null) {
      draft.formulation.at = swap(draft.formulation.at, last, first);
    }
    draft.deviation(kind, first);
    return true;
  }

  private static SlotDraft swap(SlotDraft at, SlotDraft a, SlotDraft b) {
    return at == a ? b : at == b ? a : at;
  }

  private boolean noMiddlePhase(DeviationKind kind) {
    List<SlotDraft> middle = draft.in(Phase.MIDDLE);
    if (middle.isEmpty() || draft.areas.isEmpty()) {
      return false;
    }
    for (SlotDraft slot : middle) {
      slot.phase = Phase.TERMINATION;
    }
    draft.deviation(kind);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // I

  private boolean removeInitialTask(DeviationKind kind, Set<SessionTask> tasks) {
    if (!initialPhaseOver()) {
      return false;
    }
    removeEverywhere(tasks);
    draft.deviation(kind);
    return true;
  }

  private boolean wrongSickRole(DeviationKind kind) {
    if (!initialPhaseOver()) {
      return false;
    }
    SessionTask right = profile.sickRole() == SickRole.LIMITED
        ? SessionTask.LIMITED_SICK_ROLE_GIVEN : SessionTask.SICK_ROLE_GIVEN;
    SessionTask wrong = right == SessionTask.SICK_ROLE_GIVEN
        ? SessionTask.LIMITED_SICK_ROLE_GIVEN : SessionTask.SICK_ROLE_GIVEN;
    for (SlotDraft slot : draft.slots) {
      if (slot.tasks.remove(right)) {
        slot.tasks.add(wrong);
      }
    }
    draft.deviation(kind);
    return true;
  }

  private boolean inventoryLate(DeviationKind kind) {
    Optional<SlotDraft> middle = firstMiddle();
    if (!initialPhaseOver() || middle.isEmpty() || draft.inventories.isEmpty()) {
      return false;
    }
    removeEverywhere(EnumSet.of(SessionTask.INVENTORY));
    middle.get().tasks.add(SessionTask.INVENTORY);
    draft.inventories.get(0).at = middle.get();
    draft.deviation(kind);
    return true;
  }

  private boolean noInventory(DeviationKind kind) {
    if (!initialPhaseOver() || draft.inventories.isEmpty()) {
      return false;
    }
    draft.inventories.clear();
    removeEverywhere(EnumSet.of(SessionTask.INVENTORY));
    draft.deviation(kind);
    for (ProblemArea area : draft.areas) {
      if (area.personId().isPresent()) {
        draft.deviationAlso(kind, "F04");
        break;
      }
    }
    return true;
  }

  private boolean noFocus(DeviationKind kind) {
    if (!initialPhaseOver() || draft.areas.isEmpty()) {
      return false;
    }
    draft.areas.clear();
    draft.deviation(kind);
    return true;
  }

  private boolean formulationLate(DeviationKind kind) {
    Optional<SlotDraft> middle = firstMiddle();
    if (!initialPhaseOver() || middle.isEmpty() || draft.formulation == null) {
      return false;
    }
    removeEverywhere(EnumSet.of(SessionTask.FORMULATION_SHARED));
    middle.get().tasks.add(SessionTask.FORMULATION_SHARED);
    draft.formulation.at = middle.get();
    draft.deviation(kind);
    return true;
  }

  private boolean formulationNotAgreed(DeviationKind kind) {
    if (!initialPhaseOver() || draft.formulation == null) {
      return false;
    }
    draft.formulation.agreed = false;
    draft.deviation(kind);
    return true;
  }

  private boolean formulationMissesArea(DeviationKind kind) {
    if (!initialPhaseOver() || draft.formulation == null || draft.areas.isEmpty()) {
      return false;
    }
    Set<ProblemAreaType> named = EnumSet.noneOf(ProblemAreaType.class);
    for (ProblemArea area : draft.areas) {
      named.add(area.type());
    }
    if (named.size() >= 2) {
      named.remove(draft.areas.get(1 + rng.nextInt(draft.areas.size() - 1)).type());
    } else {
      ProblemAreaType chosen = named.iterator().next();
      List<ProblemAreaType> others = new ArrayList<>(EnumSet.complementOf(EnumSet.of(chosen)));
      named = EnumSet.of(any(others));
    }
    draft.formulation.areas = named;
    draft.deviation(kind);
    return true;
  }

  private boolean noContract(DeviationKind kind) {
    if (!initialPhaseOver() || draft.contracts.isEmpty()) {
      return false;
    }
    draft.contracts.clear();
    removeEverywhere(EnumSet.of(SessionTask.CONTRACT_AGREED));
    draft.deviation(kind);
    return true;
  }

  private boolean noCaregiver(DeviationKind kind) {
    if (!initialPhaseOver()) {
      return false;
    }
    for (SlotDraft slot : draft.initialPhase()) {
      slot.tasks.remove(SessionTask.CAREGIVER_INVOLVED);
      if (slot.setting == Setting.JOINT) {
        slot.setting = Setting.INDIVIDUAL;
      }
    }
    draft.deviation(kind);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // F

  private boolean areaWithoutDetails(DeviationKind kind) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < draft.areas.size(); i++) {
      if (draft.areas.get(i).type() != ProblemAreaType.INTERPERSONAL_DEFICITS) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int i = any(candidates);
    ProblemArea area = draft.areas.get(i);
    ProblemArea changed;
    if (area instanceof RoleDispute dispute) {
      changed = rng.nextDouble() < 0.7
          ? RoleDispute.copyOf(dispute).withStage(Optional.empty())
          : RoleDispute.copyOf(dispute).withPersonId(Optional.empty());
    } else if (area instanceof Grief grief) {
      changed = Grief.copyOf(grief).withPersonId(Optional.empty());
    } else {
      RoleTransition transition = (RoleTransition) area;
      changed = rng.nextBoolean()
          ? RoleTransition.copyOf(transition).withToRole(Optional.empty())
          : RoleTransition.copyOf(transition).withFromRole(Optional.empty());
    }
    draft.areas.set(i, changed);
    draft.deviation(kind);
    return true;
  }

  private boolean personNotInInventory(DeviationKind kind) {
    if (draft.inventories.isEmpty()) {
      return false;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < draft.areas.size(); i++) {
      if (draft.areas.get(i).personId().isPresent()) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int i = any(candidates);
    ProblemArea area = draft.areas.get(i);
    if (area instanceof Grief grief && rng.nextBoolean()) {
      String id = grief.personId().get();
      for (CourseDraft.InventoryDraft inventory : draft.inventories) {
        for (int p = 0; p < inventory.people.size(); p++) {
          Person person = inventory.people.get(p);
          if (person.id().equals(id)) {
            inventory.people.set(p, Person.copyOf(person).withDiedOn(Optional.empty())
                .withDeceased(false).withContact(ContactFrequency.RARELY));
          }
        }
      }
    } else if (area instanceof Grief grief) {
      draft.areas.set(i, Grief.copyOf(grief).withPersonId("unlisted-1"));
    } else {
      draft.areas.set(i, RoleDispute.copyOf((RoleDispute) area)
          .withPersonId("unlisted-1"));
    }
    draft.deviation(kind);
    return true;
  }

  private Set<ProblemAreaType> chosenTypes() {
    Set<ProblemAreaType> types = EnumSet.noneOf(ProblemAreaType.class);
    for (ProblemArea area : draft.areas) {
      types.add(area.type());
    }
    return types;
  }

  private boolean middleOffFocus(DeviationKind kind) {
    List<SlotDraft> middle = draft.in(Phase.MIDDLE);
    Set<ProblemAreaType> chosen = chosenTypes();
    if (middle.isEmpty() || chosen.isEmpty()) {
      return false;
    }
    List<SlotDraft> onFocus = new ArrayList<>();
    for (SlotDraft slot : middle) {
      if (!Collections.disjoint(slot.focus, chosen)) {
        onFocus.add(slot);
      }
    }
    Collections.shuffle(onFocus, new java.util.Random(rng.nextLong()));
    double share = profile.middleOnFocusShare();
    int on = onFocus.size();
    int k = 0;
    while ((double) on / middle.size() >= share - 0.01 && k < onFocus.size()) {
      onFocus.get(k++).focus.clear();
      on--;
    }
    if ((double) on / middle.size() >= share - 0.01) {
      return false;
    }
    draft.deviation(kind);
    return true;
  }

  private boolean missingCoreStrategy(DeviationKind kind) {
    List<SlotDraft> middle = draft.in(Phase.MIDDLE);
    if (middle.isEmpty() || draft.areas.isEmpty()) {
      return false;
    }
    ProblemAreaType area = any(draft.areas).type();
    List<Object> elements = new ArrayList<>(area.coreTasks());
    elements.addAll(area.coreTechniques());
    Object element = any(elements);
    for (SlotDraft slot : middle) {
      if (element instanceof SessionTask task) {
        slot.tasks.remove(task);
      } else {
        slot.techniques.remove((Technique) element);
        if (!hasIptTechnique(slot)) {
          slot.techniques.add(Technique.CLARIFICATION);
        }
      }
    }
    draft.deviation(kind);
    return true;
  }

  private static boolean hasIptTechnique(SlotDraft slot) {
    for (Technique technique : slot.techniques) {
      if (technique.isIpt()) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------
  // T

  private boolean proscribedTechnique(DeviationKind kind) {
    List<Technique> proscribed = new ArrayList<>();
    for (Technique technique : Technique.values()) {
      if (!technique.isIpt() && !profile.allowedTechniques().contains(technique)) {
        proscribed.add(technique);
      }
    }
    if (proscribed.isEmpty()) {
      return false;
    }
    SlotDraft slot = any(draft.attended());
    slot.techniques.add(any(proscribed));
    draft.deviation(kind, slot);
    return true;
  }

  private boolean noInterimReview(DeviationKind kind) {
    List<SlotDraft> middle = draft.in(Phase.MIDDLE);
    if (middle.isEmpty()) {
      return false;
    }
    SlotDraft slot = any(middle);
    slot.tasks.remove(SessionTask.INTERIM_REVIEW);
    draft.deviation(kind, slot);
    return true;
  }

  private boolean noIptTechnique(DeviationKind kind) {
    List<SlotDraft> middle = draft.in(Phase.MIDDLE);
    if (middle.size() < 2) {
      return false;
    }
    SlotDraft slot = middle.get(1 + rng.nextInt(middle.size() - 1));
    slot.techniques.removeIf(Technique::isIpt);
    if (chosenTypes().contains(ProblemAreaType.ROLE_DISPUTE)) {
      boolean kept = false;
      for (SlotDraft other : middle) {
        kept |= other.techniques.contains(Technique.COMMUNICATION_ANALYSIS);
      }
      if (!kept) {
        middle.get(0).techniques.add(Technique.COMMUNICATION_ANALYSIS);
      }
    }
    draft.deviation(kind, slot);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // M

  private boolean noBaseline(DeviationKind kind) {
    SlotDraft first = draft.attended().get(0);
    if (first.primary == null) {
      return false;
    }
    first.primary = null;
    draft.screening = null;
    draft.deviation(kind);
    return true;
  }

  private List<Integer> measuredPositions(List<SlotDraft> attended) {
    List<Integer> positions = new ArrayList<>();
    for (int p = 0; p < attended.size(); p++) {
      if (attended.get(p).primary != null) {
        positions.add(p);
      }
    }
    return positions;
  }

  private boolean measurementGap(DeviationKind kind) {
    List<SlotDraft> attended = draft.attended();
    List<Integer> measured = measuredPositions(attended);
    int end = attended.size() - 1;
    int interval = profile.maxMeasureInterval();
    boolean completed = draft.plan.completed();
    int preGroup = draft.plan.preGroup;
    List<int[]> runs = new ArrayList<>();
    for (int j = 1; j < measured.size(); j++) {
      if (measured.get(j - 1) < preGroup) {
        continue;
      }
      for (int k = j; k < measured.size(); k++) {
        if (completed && measured.get(k) >= end - 1) {
          break;
        }
        int next = k + 1 < measured.size() ? measured.get(k + 1) : end;
        if (next - measured.get(j - 1) > interval) {
          runs.add(new int[] {j, k});
          break;
        }
      }
    }
    if (runs.isEmpty()) {
      return false;
    }
    int[] run = any(runs);
    for (int k = run[0]; k <= run[1]; k++) {
      attended.get(measured.get(k)).primary = null;
    }
    draft.deviation(kind);
    return true;
  }

  private boolean noFinalMeasure(DeviationKind kind) {
    List<SlotDraft> attended = draft.attended();
    int end = attended.size() - 1;
    int interval = profile.maxMeasureInterval();
    if (interval < 2 || end < 3) {
      return false;
    }
    attended.get(end).primary = null;
    attended.get(end - 1).primary = null;
    boolean covered = false;
    for (int p = Math.max(0, end - interval); p <= end - 2; p++) {
      covered |= attended.get(p).primary != null;
    }
    if (!covered) {
      int total = CleanCourses.scoreAt(draft, end - 2, rng);
      attended.get(end - 2).primary = Scores.measure(profile.primaryInstrument(), total, 0,
          draft.totalsOnly, rng);
    }
    draft.deviation(kind);
    return true;
  }

  private boolean safetyItemNotFollowedUp(DeviationKind kind) {
    List<SlotDraft> candidates = new ArrayList<>();
    for (SlotDraft slot : draft.attended()) {
      if (safetyCandidate(slot.primary) != null) {
        candidates.add(slot);
      } else {
        for (Measure measure : slot.secondary) {
          if (safetyCandidate(measure) != null) {
            candidates.add(slot);
            break;
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    SlotDraft slot = any(candidates);
    if (safetyCandidate(slot.primary) != null) {
      slot.primary = withPositiveSafety(slot.primary);
    } else {
      for (int i = 0; i < slot.secondary.size(); i++) {
        if (safetyCandidate(slot.secondary.get(i)) != null) {
          slot.secondary.set(i, withPositiveSafety(slot.secondary.get(i)));
          break;
        }
      }
    }
    draft.noRiskAssessment.add(slot);
    draft.deviation(kind, slot);
    return true;
  }

  private static Measure safetyCandidate(Measure measure) {
    if (measure == null || measure.items().isEmpty()
        || measure.instrument().safetyItem().isEmpty()) {
      return null;
    }
    return measure;
  }

  /** The measure with its safety item raised to 1 or 2, taking the points from other items. */
  private Measure withPositiveSafety(Measure measure) {
    Instrument instrument = measure.instrument();
    int safety = instrument.safetyItem().getAsInt() - 1;
    List<Integer> items = new ArrayList<>(measure.items());
    int target = Math.max(items.get(safety), rng.nextDouble() < 0.7 ? 1 : 2);
    while (items.get(safety) < target) {
      List<Integer> donors = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (i != safety && items.get(i) > 0) {
          donors.add(i);
        }
      }
      if (!donors.isEmpty()) {
        int donor = any(donors);
        items.set(donor, items.get(donor) - 1);
      }
      items.set(safety, items.get(safety) + 1);
    }
    return Measure.copyOf(measure).withItems(items);
  }

  private static int lowestWith(int lowest, Measure measure) {
    return measure == null ? lowest : Math.min(lowest, measure.totalScore());
  }

  private boolean deteriorationNotReviewed(DeviationKind kind) {
    List<SlotDraft> attended = draft.attended();
    if (attended.get(0).primary == null) {
      return false;
    }
    Instrument instrument = profile.primaryInstrument();
    int baseline = draft.screening != null ? draft.screening.totalScore()
        : attended.get(0).primary.totalScore();
    int threshold = profile.deteriorationThreshold();
    if (baseline + threshold > instrument.maxTotal()) {
      return false;
    }
    List<Integer> candidates = new ArrayList<>();
    // Rule M05 measures a rise from the lowest earlier total: the spike rises from the lowest
    // total before it, and the two sessions after it must not rise as far themselves.
    int lowest = baseline;
    for (int p = 1; p < Math.max(1, draft.plan.preGroup); p++) {
      lowest = lowestWith(lowest, attended.get(p).primary);
    }
    for (int p = Math.max(1, draft.plan.preGroup); p + 2 < attended.size(); p++) {
      boolean quiet = true;
      int before = lowest;
      for (int q = p + 1; q <= p + 2; q++) {
        Measure later = attended.get(q).primary;
        quiet &= later == null || later.totalScore() < before + threshold;
        before = lowestWith(before, later);
      }
      lowest = lowestWith(lowest, attended.get(p).primary);
      if (quiet) {
        candidates.add(p);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int p = any(candidates);
    int spike = Math.min(baseline + threshold + Scores.between(rng, 0, 2), instrument.maxTotal());
    attended.get(p).primary = Scores.measure(instrument, spike, 0, draft.totalsOnly, rng);
    for (int q = p; q <= p + 2; q++) {
      draft.noPlanReview.add(attended.get(q));
    }
    draft.deviation(kind, attended.get(p));
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // E

  private boolean endingDiscussedLate(DeviationKind kind) {
    List<SlotDraft> treatment = draft.treatment();
    int last = treatment.size() - 1;
    int lead = profile.endingLeadSessions();
    if (lead < 1) {
      return false;
    }
    removeEverywhere(EnumSet.of(SessionTask.ENDING_DISCUSSED));
    int at = Scores.between(rng, Math.max(0, last - lead + 1), last);
    treatment.get(at).tasks.add(SessionTask.ENDING_DISCUSSED);
    draft.deviation(kind);
    return true;
  }

  private boolean removeEndingTask(DeviationKind kind, SessionTask task) {
    if (draft.in(Phase.TERMINATION).isEmpty()) {
      return false;
    }
    removeEverywhere(EnumSet.of(task));
    draft.deviation(kind);
    return true;
  }

  private boolean maintenanceBeforeContract(DeviationKind kind) {
    List<SlotDraft> attended = draft.attended();
    CourseDraft.ContractDraft maintenance = null;
    for (CourseDraft.ContractDraft contract : draft.contracts) {
      if (contract.kind == ContractKind.MAINTENANCE) {
        maintenance = contract;
      }
    }
    if (maintenance == null || attended.size() < 2) {
      return false;
    }
    int at = Scores.between(rng, 1, Math.min(2, attended.size() - 1));
    maintenance.at = attended.get(at);
    maintenance.offsetDays = 0;
    draft.deviation(kind, attended.get(0));
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // N

  private boolean smallInventory(DeviationKind kind) {
    if (draft.inventories.isEmpty()) {
      return false;
    }
    CourseDraft.InventoryDraft first = draft.inventories.get(0);
    List<String> named = new ArrayList<>();
    for (ProblemArea area : draft.areas) {
      area.personId().ifPresent(named::add);
    }
    if (named.size() > 2) {
      return false;
    }
    List<Person> kept = new ArrayList<>();
    List<Person> others = new ArrayList<>();
    for (Person person : first.people) {
      (named.contains(person.id()) ? kept : others).add(person);
    }
    Collections.shuffle(others, new java.util.Random(rng.nextLong()));
    for (Person person : others) {
      if (kept.size() >= 2) {
        break;
      }
      kept.add(person);
    }
    first.people.clear();
    first.people.addAll(kept);
    draft.deviation(kind);
    return true;
  }

  private boolean personWithoutCircle(DeviationKind kind) {
    if (draft.inventories.isEmpty()) {
      return false;
    }
    List<Person> people = draft.inventories.get(0).people;
    int i = rng.nextInt(people.size());
    Person person = people.get(i);
    double roll = rng.nextDouble();
    Person changed;
    if (roll < 0.5) {
      changed = Person.copyOf(person).withCircle(java.util.OptionalInt.empty());
    } else if (roll < 0.7) {
      changed = Person.copyOf(person).withCircle(profile.circles() + 1);
    } else if (roll < 0.85) {
      changed = Person.copyOf(person).withContact(Optional.empty());
    } else {
      changed = Person.copyOf(person).withRelationship(Optional.empty());
    }
    people.set(i, changed);
    draft.deviation(kind);
    return true;
  }
}
