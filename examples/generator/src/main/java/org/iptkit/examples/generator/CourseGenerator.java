package org.iptkit.examples.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;

/**
 * Generates realistic synthetic IPT courses, reproducibly: the course with index {@code i} of a
 * generator depends only on its seed, profiles, deviation rate and kinds, and on {@code i}, so
 * generation can be split across threads and repeated. The generator is immutable and
 * thread-safe.
 *
 * <p>Courses cover every given profile (by default the nine built-ins of {@link Protocols}),
 * every problem area and every status: mostly COMPLETED, some ONGOING (cut at a random session)
 * and some DISCONTINUED. Sessions are weekly (monthly for maintenance) with holiday weeks and a
 * few missed appointments; phases, tasks, techniques, the inventory, the focus, the formulation,
 * the contract and the measures follow the profile. With probability {@code deviationRate} a
 * course gets one or two {@linkplain DeviationKind known deviations}, listed in
 * {@link GeneratedCourse#deviations()}.
 *
 * <pre>{@code
 * CourseGenerator generator = CourseGenerator.builder()
 *     .seed(7).profiles(List.of(Protocols.IPT_ACUTE_16)).deviationRate(0.2).build();
 * GeneratedCourse first = generator.generate(0);
 * List<GeneratedCourse> batch = generator.stream(500).toList();
 * }</pre>
 */
public final class CourseGenerator {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final List<ProtocolProfile> profiles;
  private final double deviationRate;
  private final Set<DeviationKind> kinds;

  private CourseGenerator(Builder builder) {
    this.seed = builder.seed;
    this.profiles = List.copyOf(builder.profiles);
    this.deviationRate = builder.deviationRate;
    this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(builder.kinds));
  }

  /** A builder with seed 0, the built-in profiles, no deviations and every deviation kind. */
  public static Builder builder() {
    return new Builder();
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The profiles courses are generated for, each equally likely. */
  public List<ProtocolProfile> profiles() {
    return profiles;
  }

  /** The probability that a course gets injected deviations. */
  public double deviationRate() {
    return deviationRate;
  }

  /** The deviation kinds that may be injected. */
  public Set<DeviationKind> deviationKinds() {
    return kinds;
  }

  /** The courses with indexes {@code 0..count-1}, in index order (parallelisable). */
  public Stream<GeneratedCourse> stream(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    return LongStream.range(0, count).mapToObj(this::generate);
  }

  /** The course with index {@code index} (≥ 0): always the same for the same generator settings. */
  public GeneratedCourse generate(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    SplittableRandom rng = new SplittableRandom(mix(seed * GOLDEN + mix(index + 1)));
    ProtocolProfile profile = profiles.get(rng.nextInt(profiles.size()));
    CourseStatus status = status(rng);
    List<DeviationKind> chosen = chooseKinds(profile, status, rng);
    int wanted = chosen.size();
    Plan plan = plan(profile, status, chosen, rng);
    chosen.removeIf(kind -> kind.isPlanned() && !plan.has(kind));
    chooseCut(plan, chosen, rng);

    CourseDraft draft = CleanCourses.generate(plan, rng);
    draft.courseId = "gen-" + seed + "-" + index;
    draft.patientRef = String.format("pt-%010x", rng.nextLong() & 0xFFFFFFFFFFL);
    draft.therapistRef = String.format("th-%02d", 1 + rng.nextInt(12));
    for (DeviationKind kind : plan.planned) {
      draft.deviation(kind);
    }
    if (plan.has(DeviationKind.NON_RESPONSE_WITHOUT_OFFER)) {
      draft.noFurtherTreatment = true;
      draft.offerAlways = false;
    }
    if (!plan.completed()) {
      CleanCourses.cut(draft, plan.kept);
    }
    if (plan.has(DeviationKind.NON_RESPONSE_WITHOUT_OFFER)) {
      // The last score must clearly be no response: measured in the last session, at least
      // half the baseline (screening included) and more.
      int first = draft.screening != null ? draft.screening.totalScore() : draft.baselineScore;
      int last = Math.min(draft.ceiling, Math.max(draft.finalScore, first / 2 + 1));
      if (!profile.hasAcutePhases()) {
        // Under maintenance E05 asks only about a last score at or above the cut-off.
        Instrument primary = profile.primaryInstrument();
        last = Math.min(Math.max(last, primary.cutOff()), Scores.maxWithoutSafety(primary));
      }
      draft.lastAttended().primary = Scores.measure(profile.primaryInstrument(), last, 0,
          draft.totalsOnly, rng);
    }

    Deviations deviations = new Deviations(draft, rng);
    List<DeviationKind> applied = new ArrayList<>(plan.planned);
    for (DeviationKind kind : chosen) {
      if (!kind.isPlanned() && deviations.apply(kind)) {
        applied.add(kind);
      }
    }
    // Kinds that did not fit this course (its cut, its measures, …) are replaced by others.
    while (applied.size() < wanted) {
      List<DeviationKind> alternatives = alternatives(profile, status, plan, applied, chosen);
      Collections.shuffle(alternatives, new java.util.Random(rng.nextLong()));
      boolean added = false;
      for (DeviationKind alternative : alternatives) {
        if (deviations.apply(alternative)) {
          applied.add(alternative);
          added = true;
          break;
        }
      }
      if (!added) {
        break;
      }
    }
    Consistency.apply(draft, rng);
    TreatmentCourse course = draft.build();
    return new GeneratedCourse(index, course, profile, new java.util.LinkedHashSet<>(
        draft.injected()));
  }

  // ---------------------------------------------------------------------------------------

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static CourseStatus status(SplittableRandom rng) {
    double roll = rng.nextDouble();
    return roll < 0.70 ? CourseStatus.COMPLETED
        : roll < 0.88 ? CourseStatus.ONGOING : CourseStatus.DISCONTINUED;
  }

  private List<DeviationKind> chooseKinds(ProtocolProfile profile, CourseStatus status,
      SplittableRandom rng) {
    List<DeviationKind> chosen = new ArrayList<>();
    if (deviationRate <= 0 || rng.nextDouble() >= deviationRate) {
      return chosen;
    }
    int count = rng.nextDouble() < 0.7 ? 1 : 2;
    for (int n = 0; n < count; n++) {
      List<DeviationKind> candidates = new ArrayList<>();
      for (DeviationKind kind : kinds) {
        if (kind.appliesTo(profile, status) && compatible(kind, chosen)) {
          candidates.add(kind);
        }
      }
      if (candidates.isEmpty()) {
        break;
      }
      chosen.add(candidates.get(rng.nextInt(candidates.size())));
    }
    return chosen;
  }

  private static boolean compatible(DeviationKind kind, List<DeviationKind> others) {
    for (DeviationKind other : others) {
      if (!kind.compatibleWith(other)) {
        return false;
      }
    }
    return true;
  }

  private List<DeviationKind> alternatives(ProtocolProfile profile, CourseStatus status,
      Plan plan, List<DeviationKind> applied, List<DeviationKind> chosen) {
    List<DeviationKind> result = new ArrayList<>();
    for (DeviationKind kind : kinds) {
      if (!kind.isPlanned() && !chosen.contains(kind) && kind.appliesTo(profile, status)
          && compatible(kind, applied) && minKept(kind, plan) <= plan.kept) {
        result.add(kind);
      }
    }
    return result;
  }

  /** Plans the course; planned deviation kinds that do not fit are dropped. */
  private static Plan plan(ProtocolProfile profile, CourseStatus status,
      List<DeviationKind> chosen, SplittableRandom rng) {
    for (int attempt = 0; ; attempt++) {
      Plan plan = new Plan(profile, status);
      if (attempt == 0) {
        for (DeviationKind kind : chosen) {
          if (kind.isPlanned()) {
            plan.planned.add(kind);
          }
        }
      }
      if (shape(plan, rng)) {
        areas(plan, rng);
        trajectory(plan, rng);
        return plan;
      }
      if (attempt > 0) {
        throw new IllegalArgumentException("profile " + profile.id()
            + " cannot hold a clean course: check its sessions, phases and span");
      }
    }
  }

  private static boolean shape(Plan plan, SplittableRandom rng) {
    ProtocolProfile profile = plan.profile;
    IntRange range = profile.sessions();
    int sessions = rng.nextDouble() < 0.6 ? range.max() : Scores.between(rng, range.min(),
        range.max());
    if (!plan.acute) {
      sessions = Scores.between(rng, Math.max(range.min(), Math.min(6, range.max())),
          range.max());
    }
    if (plan.has(DeviationKind.EXTRA_SESSIONS)) {
      sessions = range.max() + Scores.between(rng, 1, 2);
    } else if (plan.has(DeviationKind.TOO_FEW_SESSIONS)) {
      sessions = Math.max(DeviationKind.minimalSessions(profile),
          range.min() - Scores.between(rng, 1, 2));
    }
    plan.sessions = sessions;
    IntRange pre = profile.preGroupSessions();
    plan.preGroup = pre.max() == 0 ? 0
        : rng.nextDouble() < 0.7 ? Math.max(pre.min(), 1) : Scores.between(rng, pre.min(), pre.max());
    if (plan.acute) {
      IntRange initial = profile.initialPhase().get();
      IntRange ending = profile.terminationPhase().get();
      boolean longInitial = plan.has(DeviationKind.INITIAL_PHASE_TOO_LONG);
      boolean longEnding = plan.has(DeviationKind.TERMINATION_PHASE_TOO_LONG);
      double roll = rng.nextDouble();
      plan.initial = longInitial ? initial.max() + 1
          : roll < 0.75 ? initial.max()
          : roll < 0.95 ? Math.max(initial.min(), initial.max() - 1) : initial.min();
      plan.termination = longEnding ? ending.max() + 1
          : Scores.between(rng, Math.max(ending.min(), ending.max() - 2), ending.max());
      while (sessions - plan.initial - plan.termination < 1) {
        if (!longEnding && plan.termination > ending.min()) {
          plan.termination--;
        } else if (!longInitial && plan.initial > initial.min()) {
          plan.initial--;
        } else {
          return false;
        }
      }
      plan.middle = sessions - plan.initial - plan.termination;
    }
    if (CleanCourses.minimalSpan(plan) > CleanCourses.spanLimit(profile)) {
      return false;
    }
    if (sessions < DeviationKind.minimalSessions(profile) || sessions < 1) {
      return false;
    }
    plan.kept = sessions;
    return true;
  }

  private static void areas(Plan plan, SplittableRandom rng) {
    ProtocolProfile profile = plan.profile;
    List<ProblemAreaType> nonDeficits = List.of(ProblemAreaType.GRIEF,
        ProblemAreaType.ROLE_DISPUTE, ProblemAreaType.ROLE_TRANSITION);
    if (plan.has(DeviationKind.TOO_MANY_AREAS)) {
      List<ProblemAreaType> shuffled = new ArrayList<>(nonDeficits);
      Collections.shuffle(shuffled, new java.util.Random(rng.nextLong()));
      plan.areas.addAll(shuffled.subList(0, profile.maxAreas() + 1));
      return;
    }
    if (plan.has(DeviationKind.DEFICITS_COMBINED)) {
      ProblemAreaType other = nonDeficits.get(rng.nextInt(nonDeficits.size()));
      if (rng.nextBoolean()) {
        plan.areas.add(ProblemAreaType.INTERPERSONAL_DEFICITS);
        plan.areas.add(other);
      } else {
        plan.areas.add(other);
        plan.areas.add(ProblemAreaType.INTERPERSONAL_DEFICITS);
      }
      return;
    }
    double[] weights = switch (Network.populationOf(profile)) {
      case ADOLESCENT -> new double[] {0.15, 0.45, 0.25, 0.15};
      case PERINATAL -> new double[] {0.10, 0.35, 0.45, 0.10};
      case ADULT -> new double[] {0.20, 0.35, 0.30, 0.15};
    };
    double roll = rng.nextDouble();
    ProblemAreaType primary = ProblemAreaType.INTERPERSONAL_DEFICITS;
    ProblemAreaType[] types = {ProblemAreaType.GRIEF, ProblemAreaType.ROLE_DISPUTE,
        ProblemAreaType.ROLE_TRANSITION, ProblemAreaType.INTERPERSONAL_DEFICITS};
    for (int i = 0; i < types.length; i++) {
      if (roll < weights[i]) {
        primary = types[i];
        break;
      }
      roll -= weights[i];
    }
    plan.areas.add(primary);
    if (primary != ProblemAreaType.INTERPERSONAL_DEFICITS && profile.maxAreas() >= 2
        && rng.nextDouble() < 0.25) {
      List<ProblemAreaType> others = new ArrayList<>(nonDeficits);
      others.remove(primary);
      plan.areas.add(others.get(rng.nextInt(others.size())));
    }
  }

  private static void trajectory(Plan plan, SplittableRandom rng) {
    if (!plan.acute) {
      plan.trajectory = !plan.has(DeviationKind.NON_RESPONSE_WITHOUT_OFFER)
          && rng.nextDouble() < 0.15 ? Plan.Trajectory.RECURRENCE : Plan.Trajectory.STABLE;
      plan.deterioration = plan.trajectory == Plan.Trajectory.RECURRENCE;
      return;
    }
    if (plan.has(DeviationKind.NON_RESPONSE_WITHOUT_OFFER)) {
      plan.trajectory = Plan.Trajectory.NON_RESPONDER;
    } else {
      double roll = rng.nextDouble();
      if (plan.status == CourseStatus.DISCONTINUED) {
        plan.trajectory = roll < 0.2 ? Plan.Trajectory.RESPONDER
            : roll < 0.5 ? Plan.Trajectory.PARTIAL : Plan.Trajectory.NON_RESPONDER;
      } else {
        plan.trajectory = roll < 0.55 ? Plan.Trajectory.RESPONDER
            : roll < 0.8 ? Plan.Trajectory.PARTIAL : Plan.Trajectory.NON_RESPONDER;
      }
    }
    plan.deterioration = rng.nextDouble() < 0.07;
  }

  /** Where an ONGOING or DISCONTINUED course is cut; kinds that cannot fit are dropped. */
  private static void chooseCut(Plan plan, List<DeviationKind> chosen, SplittableRandom rng) {
    if (plan.completed()) {
      plan.kept = plan.sessions;
      return;
    }
    int highest = plan.sessions - 1;
    chosen.removeIf(kind -> !kind.isPlanned() && minKept(kind, plan) > highest);
    int lowest = plan.status == CourseStatus.DISCONTINUED && plan.acute
        ? Math.min(highest, plan.initial + 1) : 1;
    for (DeviationKind kind : chosen) {
      lowest = Math.max(lowest, minKept(kind, plan));
    }
    lowest = Math.min(lowest, highest);
    plan.kept = Math.max(1, Scores.between(rng, lowest, highest));
  }

  /** The treatment sessions a cut course must keep for the kind to be detectable. */
  static int minKept(DeviationKind kind, Plan plan) {
    int afterInitial = plan.acute ? plan.initial + 1 : 1;
    return switch (kind) {
      case SESSION_TOO_SHORT, SESSION_TOO_LONG, WRONG_BILLING_CODE, PROSCRIBED_TECHNIQUE,
          NO_BASELINE, SAFETY_ITEM_NOT_FOLLOWED_UP -> 1;
      case NO_IPT_TECHNIQUE -> afterInitial + 1;
      case DATES_OUT_OF_ORDER -> afterInitial + 2;
      case LONG_GAP -> afterInitial + 1;
      case SPAN_TOO_LONG -> plan.sessions;
      case MEASUREMENT_GAP -> afterInitial + plan.profile.maxMeasureInterval() + 1;
      case DETERIORATION_NOT_REVIEWED -> Math.max(afterInitial, 4);
      case NON_RESPONSE_WITHOUT_OFFER -> Math.max(afterInitial, 3);
      case MAINTENANCE_BEFORE_CONTRACT -> 3;
      default -> afterInitial;
    };
  }

  /** Configures a {@link CourseGenerator}. */
  public static final class Builder {
    private long seed;
    private List<ProtocolProfile> profiles = Protocols.all();
    private double deviationRate;
    private Set<DeviationKind> kinds = EnumSet.allOf(DeviationKind.class);

    private Builder() {}

    /** The seed every course is derived from (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The profiles to generate courses for, each equally likely (default: the built-ins). */
    public Builder profiles(List<ProtocolProfile> profiles) {
      Objects.requireNonNull(profiles, "profiles");
      if (profiles.isEmpty()) {
        throw new IllegalArgumentException("profiles must not be empty");
      }
      this.profiles = List.copyOf(profiles);
      return this;
    }

    /** The probability (0..1) that a course gets one or two injected deviations (default 0). */
    public Builder deviationRate(double deviationRate) {
      if (!(deviationRate >= 0 && deviationRate <= 1)) {
        throw new IllegalArgumentException("deviationRate must be 0..1, was " + deviationRate);
      }
      this.deviationRate = deviationRate;
      return this;
    }

    /** The deviation kinds that may be injected (default: all). */
    public Builder deviationKinds(Set<DeviationKind> kinds) {
      Objects.requireNonNull(kinds, "kinds");
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("deviation kinds must not be empty");
      }
      this.kinds = EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * Builds the generator.
     *
     * @throws IllegalArgumentException when a profile cannot hold a clean course (e.g. fewer
     *     sessions than its phases need, or more than its span allows)
     */
    public CourseGenerator build() {
      for (ProtocolProfile profile : profiles) {
        if (profile.sessions().max() < DeviationKind.minimalSessions(profile)) {
          throw new IllegalArgumentException("profile " + profile.id()
              + " allows fewer sessions than its phases need");
        }
        int base = profile.hasAcutePhases() ? 7 : 28;
        int sessions = profile.sessions().max() + profile.preGroupSessions().max();
        if ((sessions - 1) * base > 7 * profile.maxSpanWeeks() - 3
            || profile.maxGapDays() < base) {
          throw new IllegalArgumentException("profile " + profile.id()
              + " cannot hold its sessions within its span and gap");
        }
      }
      return new CourseGenerator(this);
    }
  }
}
