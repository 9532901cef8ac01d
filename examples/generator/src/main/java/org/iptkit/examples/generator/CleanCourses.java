package org.iptkit.examples.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContractKind;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Modality;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.Technique;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.SickRole;

/**
 * Generates a clean course from its plan: the schedule (weekly or monthly, holiday weeks, a few
 * missed appointments), the phase content of every session, the measures and the artefacts of
 * the initial phase; then cuts ONGOING and DISCONTINUED courses. Every choice keeps the rules of
 * the plan's profile; deviations are injected afterwards by {@link Deviations}.
 */
final class CleanCourses {
  private static final LocalDate FIRST_START = LocalDate.of(2023, 1, 2);
  private static final List<String> GOALS = List.of("reduce depressive symptoms",
      "work on the chosen problem area", "strengthen social support",
      "return to usual activities");

  private final Plan plan;
  private final ProtocolProfile profile;
  private final SplittableRandom rng;
  private final CourseDraft draft;
  private final Network network;
  private final int base;

  private CleanCourses(Plan plan, SplittableRandom rng) {
    this.plan = plan;
    this.profile = plan.profile;
    this.rng = rng;
    this.draft = new CourseDraft(plan);
    LocalDate start = FIRST_START.plusDays(rng.nextInt(3 * 365));
    if (start.getDayOfWeek() == DayOfWeek.SATURDAY) {
      start = start.plusDays(2);
    } else if (start.getDayOfWeek() == DayOfWeek.SUNDAY) {
      start = start.plusDays(1);
    }
    draft.start = start;
    this.network = Network.of(profile, plan.areas, start, rng);
    this.base = plan.monthly ? 28 : 7;
  }

  /** The full, uncut clean course of the plan. */
  static CourseDraft generate(Plan plan, SplittableRandom rng) {
    CleanCourses courses = new CleanCourses(plan, rng);
    courses.schedule();
    courses.content();
    courses.measures();
    courses.artefacts();
    return courses.draft;
  }

  /** The shortest possible span in days of the plan's course (no holidays, no missed weeks). */
  static int minimalSpan(Plan plan) {
    int base = plan.monthly ? 28 : 7;
    return (plan.preGroup + plan.sessions - 1) * base;
  }

  /** The largest span the generator aims for: the profile's maximum less a margin. */
  static int spanLimit(ProtocolProfile profile) {
    return 7 * profile.maxSpanWeeks() - 3;
  }

  // ---------------------------------------------------------------------------------------
  // Schedule

  private void schedule() {
    List<SlotDraft> attended = new ArrayList<>();
    for (int k = 0; k < plan.preGroup; k++) {
      SlotDraft slot = new SlotDraft();
      slot.phase = Phase.PRE_GROUP;
      slot.setting = Setting.INDIVIDUAL;
      attended.add(slot);
    }
    for (int t = 0; t < plan.sessions; t++) {
      SlotDraft slot = new SlotDraft();
      if (!plan.acute) {
        slot.phase = Phase.MAINTENANCE;
      } else if (t < plan.initial) {
        slot.phase = Phase.INITIAL;
      } else if (t < plan.initial + plan.middle) {
        slot.phase = Phase.MIDDLE;
      } else {
        slot.phase = Phase.TERMINATION;
      }
      slot.setting = plan.group ? Setting.GROUP : Setting.INDIVIDUAL;
      attended.add(slot);
    }
    // Gaps between attended sessions.
    int maxGap = profile.maxGapDays();
    DayOfWeek weekday = draft.start.getDayOfWeek();
    boolean twiceWeeklyStart = plan.acute && !plan.group && rng.nextDouble() < 0.1
        && (weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.TUESDAY);
    int firstShortGap = weekday == DayOfWeek.MONDAY && rng.nextBoolean() ? 4 : 3;
    long budget = spanLimit(profile);
    for (int j = 1; j < attended.size(); j++) {
      SlotDraft slot = attended.get(j);
      int gap = base;
      if (twiceWeeklyStart && j <= 2) {
        // Twice weekly early on: two short gaps that add up to a week keep the weekday.
        gap = j == 1 ? firstShortGap : 7 - firstShortGap;
      }
      slot.interval = Math.min(gap, maxGap);
      budget -= slot.interval;
    }
    if (budget < 0) {
      throw new IllegalStateException("profile " + profile.id() + " cannot hold "
          + plan.sessions + " sessions in " + profile.maxSpanWeeks() + " weeks");
    }
    double holiday = plan.monthly ? 0.12 : 0.06;
    for (int j = 2; j < attended.size(); j++) {
      SlotDraft slot = attended.get(j);
      if (slot.preGroup() || attended.get(j - 1).preGroup()) {
        continue;
      }
      if (rng.nextDouble() < holiday && slot.interval + 7 <= maxGap && budget >= 7) {
        slot.interval += 7;
        budget -= 7;
      }
    }
    // Missed appointments, never so many that attendance so far falls near the minimum.
    int attendedSoFar = 0;
    int scheduledSoFar = 0;
    LocalDate date = draft.start;
    double missRate = plan.monthly ? 0.05 : 0.07;
    for (int j = 0; j < attended.size(); j++) {
      SlotDraft slot = attended.get(j);
      if (j > 0) {
        date = date.plusDays(slot.interval);
      }
      boolean candidate = j >= 2 && !slot.preGroup() && !attended.get(j - 1).preGroup();
      if (candidate && rng.nextDouble() < missRate
          && (double) attendedSoFar / (scheduledSoFar + 1) >= profile.minAttendance() + 0.05) {
        SlotDraft missed = SlotDraft.missed(
            rng.nextDouble() < 0.55 ? Attendance.CANCELLED : Attendance.NO_SHOW);
        boolean skipWeek = !plan.monthly && slot.interval + base <= maxGap && budget >= base
            && rng.nextBoolean();
        if (skipWeek) {
          missed.interval = slot.interval;
          slot.interval = base;
          budget -= base;
          draft.slots.add(missed);
          scheduledSoFar++;
        } else if (rebookDays(date, slot.interval - 1, rng) > 0) {
          int rebooked = rebookDays(date, slot.interval - 1, rng);
          missed.interval = slot.interval - rebooked;
          slot.interval = rebooked;
          draft.slots.add(missed);
          scheduledSoFar++;
        }
      }
      draft.slots.add(slot);
      attendedSoFar++;
      scheduledSoFar++;
    }
    draft.slots.get(0).interval = 0;
  }

  /**
   * How many days before an attended session on {@code date} a missed appointment was, so that
   * it falls on a weekday (the session was rebooked in the same week); -1 when none fits in
   * {@code maxDays}.
   */
  static int rebookDays(LocalDate date, int maxDays, SplittableRandom rng) {
    List<Integer> options = new ArrayList<>();
    for (int days = 1; days <= Math.min(4, maxDays); days++) {
      DayOfWeek day = date.minusDays(days).getDayOfWeek();
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        options.add(days);
      }
    }
    return options.isEmpty() ? -1 : options.get(rng.nextInt(options.size()));
  }

  // ---------------------------------------------------------------------------------------
  // Session content

  private SlotDraft inventorySlot;
  private SlotDraft formulationSlot;
  private SlotDraft contractSlot;
  private SlotDraft renegotiationSlot;

  private void content() {
    List<SlotDraft> treatment = draft.treatment();
    Modality main = plan.group ? Modality.IN_PERSON
        : pick(new Modality[] {Modality.IN_PERSON, Modality.IN_PERSON, Modality.IN_PERSON,
            Modality.IN_PERSON, Modality.IN_PERSON, Modality.IN_PERSON, Modality.VIDEO,
            Modality.VIDEO, Modality.TELEPHONE});
    boolean billing = !profile.id().equals("ipt-uk-16") && rng.nextDouble() < 0.6;
    for (SlotDraft slot : draft.attended()) {
      slot.modality = !plan.group && rng.nextDouble() < 0.08 ? Modality.VIDEO : main;
    }
    if (plan.acute) {
      initialContent(treatment);
      middleContent(treatment);
      terminationContent(treatment);
      endingDiscussion(treatment);
    } else {
      maintenanceContent(treatment);
    }
    boolean first = true;
    for (SlotDraft slot : draft.attended()) {
      slot.minutes = minutes(slot, first);
      first = false;
      if (billing) {
        slot.cpt = slot.setting == Setting.GROUP ? "90853" : cptFor(slot.minutes);
      }
    }
  }

  private void initialContent(List<SlotDraft> treatment) {
    List<SlotDraft> initial = treatment.subList(0, plan.initial);
    SessionTask sickRole = profile.sickRole() == SickRole.LIMITED
        ? SessionTask.LIMITED_SICK_ROLE_GIVEN
        : profile.sickRole() == SickRole.FULL ? SessionTask.SICK_ROLE_GIVEN : null;
    if (plan.group) {
      List<SlotDraft> pre = draft.in(Phase.PRE_GROUP);
      SlotDraft first = pre.get(0);
      SlotDraft last = pre.get(pre.size() - 1);
      first.tasks.addAll(EnumSet.of(SessionTask.DIAGNOSIS_NAMED, SessionTask.PSYCHOEDUCATION,
          SessionTask.MEDICATION_EVALUATED));
      first.techniques.add(Technique.EXPLORATION);
      first.techniques.add(Technique.DIRECT_ELICITATION);
      last.tasks.add(SessionTask.INVENTORY);
      last.tasks.add(SessionTask.FORMULATION_SHARED);
      last.techniques.add(Technique.CLARIFICATION);
      inventorySlot = last;
      formulationSlot = last;
      SlotDraft group = initial.get(0);
      group.tasks.add(SessionTask.PSYCHOEDUCATION);
      if (sickRole != null) {
        group.tasks.add(sickRole);
      }
      group.tasks.add(SessionTask.CONTRACT_AGREED);
      group.techniques.add(Technique.EXPLORATION);
      contractSlot = group;
      for (int k = 1; k < initial.size(); k++) {
        initial.get(k).tasks.add(SessionTask.PSYCHOEDUCATION);
        initial.get(k).techniques.add(Technique.CLARIFICATION);
      }
      return;
    }
    int i = initial.size();
    SlotDraft first = initial.get(0);
    SlotDraft second = initial.get(Math.min(1, i - 1));
    SlotDraft last = initial.get(i - 1);
    first.tasks.add(SessionTask.DIAGNOSIS_NAMED);
    first.tasks.add(SessionTask.PSYCHOEDUCATION);
    if (sickRole != null) {
      (rng.nextDouble() < 0.3 ? second : first).tasks.add(sickRole);
    }
    (rng.nextDouble() < 0.3 ? second : first).tasks.add(SessionTask.MEDICATION_EVALUATED);
    if (i >= 2 && rng.nextDouble() < 0.4) {
      second.tasks.add(SessionTask.PSYCHOEDUCATION);
    }
    second.tasks.add(SessionTask.INVENTORY);
    inventorySlot = second;
    if (i >= 3 && rng.nextDouble() < 0.4) {
      initial.get(2).tasks.add(SessionTask.INVENTORY);
    }
    last.tasks.add(SessionTask.FORMULATION_SHARED);
    last.tasks.add(SessionTask.CONTRACT_AGREED);
    formulationSlot = last;
    contractSlot = last;
    if (profile.caregiverInvolvement()) {
      first.tasks.add(SessionTask.CAREGIVER_INVOLVED);
      first.setting = Setting.JOINT;
      if (i >= 2 && rng.nextDouble() < 0.3) {
        last.tasks.add(SessionTask.CAREGIVER_INVOLVED);
        last.setting = Setting.JOINT;
      }
    }
    first.techniques.add(Technique.EXPLORATION);
    if (rng.nextBoolean()) {
      first.techniques.add(Technique.DIRECT_ELICITATION);
    }
    second.techniques.add(Technique.DIRECT_ELICITATION);
    last.techniques.add(Technique.CLARIFICATION);
  }

  private void middleContent(List<SlotDraft> treatment) {
    List<SlotDraft> middle = treatment.subList(plan.initial, plan.initial + plan.middle);
    List<ProblemAreaType> areas = plan.areas;
    int offFocus = middle.size() >= 5 && rng.nextDouble() < 0.1
        ? Scores.between(rng, 4, middle.size() - 1) : -1;
    for (int k = 0; k < middle.size(); k++) {
      SlotDraft slot = middle.get(k);
      slot.tasks.add(SessionTask.INTERIM_REVIEW);
      if (k == 0) {
        for (ProblemAreaType area : areas) {
          slot.focus.add(area);
          slot.tasks.addAll(area.coreTasks());
          slot.techniques.addAll(area.coreTechniques());
          slot.techniques.add(pick(techniquesOf(area)));
        }
        continue;
      }
      if (k == offFocus) {
        slot.techniques.add(Technique.EXPLORATION);
        slot.techniques.add(Technique.CLARIFICATION);
        continue;
      }
      ProblemAreaType primary = areas.get(0);
      if (areas.size() > 1) {
        double roll = rng.nextDouble();
        if (roll < 0.15) {
          slot.focus.add(areas.get(1 + rng.nextInt(areas.size() - 1)));
        } else {
          slot.focus.add(primary);
          if (roll < 0.5) {
            slot.focus.add(areas.get(1 + rng.nextInt(areas.size() - 1)));
          }
        }
      } else {
        slot.focus.add(primary);
      }
      for (ProblemAreaType area : slot.focus) {
        List<SessionTask> strategies = strategiesOf(area);
        slot.tasks.add(strategies.get(rng.nextInt(strategies.size())));
        if (rng.nextDouble() < 0.3) {
          slot.tasks.add(strategies.get(rng.nextInt(strategies.size())));
        }
        Technique[] pool = techniquesOf(area);
        slot.techniques.add(pick(pool));
        if (rng.nextDouble() < 0.5) {
          slot.techniques.add(pick(pool));
        }
        if (area == ProblemAreaType.ROLE_DISPUTE && rng.nextDouble() < 0.7) {
          slot.techniques.add(Technique.COMMUNICATION_ANALYSIS);
        }
      }
    }
    if (middle.size() >= 3 && rng.nextDouble() < 0.06
        && profile.sessions().min() < profile.sessions().max()) {
      renegotiationSlot = middle.get(Scores.between(rng, 1, 2));
      renegotiationSlot.tasks.add(SessionTask.CONTRACT_AGREED);
    }
  }

  private void terminationContent(List<SlotDraft> treatment) {
    List<SlotDraft> ending = treatment.subList(plan.initial + plan.middle, treatment.size());
    for (SessionTask task : List.of(SessionTask.PROGRESS_REVIEWED,
        SessionTask.FEELINGS_ABOUT_ENDING, SessionTask.RELAPSE_PREVENTION_PLAN)) {
      ending.get(rng.nextInt(ending.size())).tasks.add(task);
    }
    for (SlotDraft slot : ending) {
      if (slot.tasks.isEmpty()) {
        slot.tasks.add(rng.nextBoolean() ? SessionTask.PROGRESS_REVIEWED
            : SessionTask.RELAPSE_PREVENTION_PLAN);
      }
      slot.techniques.add(rng.nextBoolean() ? Technique.EXPLORATION : Technique.CLARIFICATION);
      if (rng.nextDouble() < 0.3) {
        slot.techniques.add(Technique.ENCOURAGEMENT_OF_AFFECT);
      }
      if (rng.nextBoolean()) {
        slot.focus.add(plan.areas.get(0));
      }
    }
    if (profile.caregiverInvolvement()) {
      SlotDraft first = ending.get(0);
      first.tasks.add(SessionTask.CAREGIVER_INVOLVED);
      first.setting = Setting.JOINT;
      SlotDraft last = ending.get(ending.size() - 1);
      if (last != first && rng.nextBoolean()) {
        last.tasks.add(SessionTask.CAREGIVER_INVOLVED);
        last.setting = Setting.JOINT;
      }
    }
  }

  private void endingDiscussion(List<SlotDraft> treatment) {
    int last = treatment.size() - 1;
    int latest = last - profile.endingLeadSessions();
    if (latest < 0) {
      return;
    }
    int earliest = Math.max(Math.min(plan.initial, latest), latest - 2);
    int at = Scores.between(rng, earliest, latest);
    treatment.get(at).tasks.add(SessionTask.ENDING_DISCUSSED);
    if (at + 1 <= last && rng.nextDouble() < 0.4) {
      treatment.get(at + 1).tasks.add(SessionTask.ENDING_DISCUSSED);
    }
  }

  private void maintenanceContent(List<SlotDraft> treatment) {
    for (int k = 0; k < treatment.size(); k++) {
      SlotDraft slot = treatment.get(k);
      slot.tasks.add(SessionTask.INTERIM_REVIEW);
      ProblemAreaType area = plan.areas.get(rng.nextInt(plan.areas.size()));
      slot.focus.add(area);
      List<SessionTask> strategies = strategiesOf(area);
      slot.tasks.add(strategies.get(rng.nextInt(strategies.size())));
      slot.techniques.add(pick(techniquesOf(area)));
      if (rng.nextBoolean()) {
        slot.techniques.add(Technique.CLARIFICATION);
      }
      if (k % 4 == 3 && rng.nextBoolean()) {
        slot.tasks.add(SessionTask.RELAPSE_PREVENTION_PLAN);
      }
    }
    SlotDraft first = treatment.get(0);
    first.tasks.add(SessionTask.INVENTORY);
    first.tasks.add(SessionTask.CONTRACT_AGREED);
    inventorySlot = first;
    formulationSlot = first;
    contractSlot = first;
    if (treatment.size() >= 3) {
      treatment.get(treatment.size() - 2).tasks.add(SessionTask.ENDING_DISCUSSED);
      treatment.get(treatment.size() - 1).tasks.add(SessionTask.PROGRESS_REVIEWED);
    }
  }

  private static List<SessionTask> strategiesOf(ProblemAreaType area) {
    return switch (area) {
      case GRIEF -> List.of(SessionTask.MOURNING_FACILITATED,
          SessionTask.RELATIONSHIP_RECONSTRUCTED);
      case ROLE_DISPUTE -> List.of(SessionTask.DISPUTE_STAGE_ASSESSED);
      case ROLE_TRANSITION -> List.of(SessionTask.OLD_NEW_ROLES_EVALUATED);
      case INTERPERSONAL_DEFICITS -> List.of(SessionTask.PAST_RELATIONSHIPS_REVIEWED,
          SessionTask.NEW_RELATIONSHIPS_ENCOURAGED);
    };
  }

  private static Technique[] techniquesOf(ProblemAreaType area) {
    return switch (area) {
      case GRIEF -> new Technique[] {Technique.ENCOURAGEMENT_OF_AFFECT, Technique.EXPLORATION,
          Technique.CLARIFICATION, Technique.INTERPERSONAL_INCIDENT};
      case ROLE_DISPUTE -> new Technique[] {Technique.COMMUNICATION_ANALYSIS,
          Technique.ROLE_PLAY, Technique.DECISION_ANALYSIS, Technique.CLARIFICATION};
      case ROLE_TRANSITION -> new Technique[] {Technique.DECISION_ANALYSIS, Technique.ROLE_PLAY,
          Technique.ENCOURAGEMENT_OF_AFFECT, Technique.EXPLORATION};
      case INTERPERSONAL_DEFICITS -> new Technique[] {Technique.THERAPEUTIC_RELATIONSHIP,
          Technique.ROLE_PLAY, Technique.COMMUNICATION_ANALYSIS,
          Technique.INTERPERSONAL_INCIDENT};
    };
  }

  private int minutes(SlotDraft slot, boolean first) {
    IntRange range = profile.sessionMinutes();
    int value;
    if (slot.setting == Setting.GROUP) {
      value = Scores.between(rng, 80, 100);
    } else if (slot.preGroup()) {
      value = Scores.between(rng, 60, 75);
    } else if (range.min() < 30) {
      value = first ? Scores.between(rng, 40, 50) : Scores.between(rng, 25, 35);
    } else if (range.min() < 45) {
      value = Scores.between(rng, 40, 55);
    } else {
      value = rng.nextDouble() < 0.15 ? Scores.between(rng, 53, 60) : Scores.between(rng, 45, 55);
    }
    return Math.max(range.min(), Math.min(range.max(), value));
  }

  /** The CPT psychotherapy code whose time band holds {@code minutes}, or null below 16. */
  static String cptFor(int minutes) {
    if (minutes < 16) {
      return null;
    }
    return minutes <= 37 ? "90832" : minutes <= 52 ? "90834" : "90837";
  }

  // ---------------------------------------------------------------------------------------
  // Measures

  private void measures() {
    Instrument instrument = profile.primaryInstrument();
    List<SlotDraft> attended = draft.attended();
    int count = attended.size();
    draft.fullAttended = count;
    int interval = profile.maxMeasureInterval();
    boolean everySession = interval == 1 || profile.id().equals("ipt-uk-16")
        || rng.nextDouble() < 0.2;
    List<Integer> measured = new ArrayList<>();
    measured.add(0);
    int position = 0;
    while (true) {
      int step = everySession ? 1
          : rng.nextDouble() < 0.6 ? interval : Scores.between(rng, Math.min(2, interval), interval);
      if (position + step >= count) {
        break;
      }
      position += step;
      measured.add(position);
    }
    if (position < count - 2) {
      measured.add(rng.nextDouble() < 0.7 ? count - 1 : count - 2);
    }

    int[] range = plan.acute ? Scores.acuteBaseline(instrument)
        : Scores.maintenanceBaseline(instrument);
    int baseline = Scores.between(rng, range[0], range[1]);
    int threshold = profile.deteriorationThreshold();
    draft.baselineScore = baseline;
    draft.ceiling = Math.min(baseline + threshold - 1, Scores.maxWithoutSafety(instrument));
    draft.finalScore = Math.min(draft.ceiling,
        Scores.finalTotal(instrument, plan.trajectory, baseline, rng));
    draft.noise = instrument.maxTotal() > 40 ? 4 : 2;
    draft.totalsOnly = rng.nextDouble() < 0.1;
    int first = baseline;
    if (rng.nextDouble() < 0.15) {
      first = Math.min(baseline + Scores.between(rng, 0, 2), Scores.maxWithoutSafety(instrument));
      draft.screening = Scores.measure(instrument, first, 0, draft.totalsOnly, rng);
      draft.screeningDaysBefore = Scores.between(rng, 1, 14);
    }
    int spikeAt = -1;
    if (plan.deterioration && measured.size() >= 3) {
      spikeAt = measured.get(Scores.between(rng, 1, measured.size() - 2));
    }
    boolean secondaryGad = instrument != Instrument.GAD7 && instrument != Instrument.PCL5
        && rng.nextDouble() < 0.3;
    boolean secondaryPhq = instrument == Instrument.PCL5 && rng.nextDouble() < 0.5;
    for (int k = 0; k < measured.size(); k++) {
      int at = measured.get(k);
      int total = scoreAt(at);
      if (at == spikeAt) {
        total = Math.min(first + threshold + Scores.between(rng, 0, 2), instrument.maxTotal());
      }
      SlotDraft slot = attended.get(at);
      slot.primary = measure(instrument, total);
      boolean firstOrLast = k == 0 || k == measured.size() - 1;
      if (secondaryGad && (firstOrLast || rng.nextDouble() < 0.3)) {
        slot.secondary.add(secondary(Instrument.GAD7, total, instrument));
      }
      if (secondaryPhq && (firstOrLast || rng.nextDouble() < 0.4)) {
        slot.secondary.add(secondary(Instrument.PHQ9, total, instrument));
      }
    }
  }

  /** The primary score of the clean trajectory at attended position {@code position}. */
  int scoreAt(int position) {
    return scoreAt(draft, position, rng);
  }

  static int scoreAt(CourseDraft draft, int position, SplittableRandom rng) {
    if (position == 0) {
      return draft.baselineScore;
    }
    double progress = draft.fullAttended <= 1 ? 1.0
        : Math.min(1.0, (double) position / (draft.fullAttended - 1));
    return Scores.trendAt(draft.baselineScore, draft.finalScore, progress, draft.noise,
        draft.ceiling, rng);
  }

  private Measure measure(Instrument instrument, int total) {
    return Scores.measure(instrument, total, Scores.safetyScore(instrument, total, rng),
        draft.totalsOnly, rng);
  }

  private Measure secondary(Instrument secondary, int primaryTotal, Instrument primary) {
    double share = (double) primaryTotal / primary.maxTotal();
    int total = (int) Math.round(share * secondary.maxTotal() * (0.75 + 0.35 * rng.nextDouble()));
    total = Math.max(0, Math.min(total, Scores.maxWithoutSafety(secondary)));
    return measure(secondary, total);
  }

  // ---------------------------------------------------------------------------------------
  // Inventory, areas, formulation, contracts, ratings

  private void artefacts() {
    draft.areas.addAll(network.areas);
    CourseDraft.InventoryDraft inventory = new CourseDraft.InventoryDraft();
    inventory.at = inventorySlot;
    inventory.people.addAll(network.people);
    draft.inventories.add(inventory);

    CourseDraft.FormulationDraft formulation = new CourseDraft.FormulationDraft();
    formulation.at = formulationSlot;
    Set<ProblemAreaType> types = EnumSet.noneOf(ProblemAreaType.class);
    for (ProblemArea area : network.areas) {
      types.add(area.type());
    }
    formulation.areas = types;
    draft.formulation = formulation;

    int sessions = plan.sessions;
    CourseDraft.ContractDraft contract = new CourseDraft.ContractDraft();
    contract.at = contractSlot;
    if (plan.acute) {
      contract.kind = ContractKind.ACUTE;
      contract.frequency = Frequency.WEEKLY;
      contract.minutes = plan.group ? 90 : profile.sessionMinutes().min() < 30 ? 30
          : profile.sessionMinutes().min() < 45 ? 45 : 50;
      contract.planned = sessions;
      if (renegotiationSlot != null) {
        IntRange range = profile.sessions();
        int first = sessions + (rng.nextBoolean() ? 2 : -2);
        if (first < range.min() || first > range.max()) {
          first = sessions == range.max() ? sessions - 1 : sessions + 1;
        }
        contract.planned = first;
      }
    } else {
      contract.kind = ContractKind.MAINTENANCE;
      contract.offsetDays = -7 * Scores.between(rng, 0, 2);
      contract.frequency = Frequency.MONTHLY;
      contract.minutes = 50;
      contract.planned = sessions;
    }
    contract.goals.add(plan.acute ? GOALS.get(0) : "prevent recurrence");
    if (rng.nextBoolean()) {
      contract.goals.add(GOALS.get(1 + rng.nextInt(GOALS.size() - 1)));
    }
    draft.contracts.add(contract);
    if (renegotiationSlot != null) {
      CourseDraft.ContractDraft renegotiated = new CourseDraft.ContractDraft();
      renegotiated.kind = ContractKind.ACUTE;
      renegotiated.at = renegotiationSlot;
      renegotiated.planned = sessions;
      renegotiated.frequency = Frequency.WEEKLY;
      renegotiated.minutes = contract.minutes;
      renegotiated.goals.addAll(contract.goals);
      draft.contracts.add(renegotiated);
    }

    SlotDraft last = draft.lastAttended();
    if (plan.completed()) {
      if (rng.nextDouble() < 0.35) {
        CourseDraft.InventoryDraft end = new CourseDraft.InventoryDraft();
        end.at = last;
        end.people.addAll(network.endSnapshot(network.people));
        draft.inventories.add(end);
      }
      if (plan.acute && !plan.has(DeviationKind.NON_RESPONSE_WITHOUT_OFFER)
          && rng.nextDouble() < 0.12) {
        CourseDraft.ContractDraft continuation = new CourseDraft.ContractDraft();
        continuation.kind = ContractKind.CONTINUATION;
        continuation.at = last;
        continuation.planned = Scores.between(rng, 4, 8);
        continuation.frequency = Frequency.MONTHLY;
        continuation.minutes = 50;
        continuation.goals.add("prevent relapse");
        draft.contracts.add(continuation);
        draft.offerAlways = true;
      }
    }
    if (rng.nextDouble() < 0.15) {
      List<SlotDraft> rated = draft.treatment();
      int ratings = Scores.between(rng, 1, 3);
      int raterNumber = 1 + rng.nextInt(4);
      String rater = String.format("rater-%02d", raterNumber);
      List<SlotDraft> chosen = new ArrayList<>();
      for (int k = 0; k < ratings; k++) {
        SlotDraft slot = rated.get(rng.nextInt(rated.size()));
        if (chosen.contains(slot)) {
          continue;
        }
        chosen.add(slot);
        // Eight draws from the course's stream, as the generator has always made here, seed the
        // rating's own stream: the rest of every course stays as it was.
        long seed = raterNumber * 31L + k;
        for (int item = 0; item < RatingModel.ITEMS; item++) {
          seed = seed * 8 + Scores.between(rng, 2, 5);
        }
        SplittableRandom ratingRng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
        int level = RatingModel.level(ratingRng);
        List<String> raters = ratingRng.nextDouble() < RatingModel.DOUBLE_RATED
            ? RatingModel.RELIABILITY_RATERS : List.of(rater);
        for (String by : raters) {
          CourseDraft.RatingDraft rating = new CourseDraft.RatingDraft();
          rating.at = slot;
          rating.scale = RatingModel.SCALE;
          rating.rater = by;
          RatingModel.items(ratingRng, level, rating.items);
          draft.ratings.add(rating);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Cut

  /**
   * Cuts the course after its {@code kept}-th attended treatment session (ONGOING and
   * DISCONTINUED courses) and drops what was recorded after that session.
   */
  static void cut(CourseDraft draft, int kept) {
    int seen = 0;
    int end = draft.slots.size();
    for (int i = 0; i < draft.slots.size(); i++) {
      SlotDraft slot = draft.slots.get(i);
      if (slot.attended() && !slot.preGroup()) {
        seen++;
        if (seen == kept) {
          end = i + 1;
          break;
        }
      }
    }
    if (end == draft.slots.size()) {
      return;
    }
    draft.slots.subList(end, draft.slots.size()).clear();
    draft.contracts.removeIf(c -> !draft.contains(c.at));
    draft.inventories.removeIf(inv -> !draft.contains(inv.at));
    draft.ratings.removeIf(r -> !draft.contains(r.at));
    if (draft.formulation != null && !draft.contains(draft.formulation.at)) {
      draft.formulation = null;
      draft.areas.clear();
    }
  }

  private <T> T pick(T[] options) {
    return options[rng.nextInt(options.length)];
  }
}
