package org.iptkit.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collector;
import org.immutables.value.Value;
import org.iptkit.core.CourseStatus;

/**
 * The fidelity and outcome of a cohort of courses (docs/format.md, Cohort report): the number of
 * courses by status, completers, mean and median sessions attended, per rule the share of
 * applicable courses that pass, the same per therapist with their mean adherence, response and
 * remission rates with their n, and the courses with ERROR findings.
 *
 * <p>A cohort report is built by streaming: an {@link Accumulator} takes one
 * {@link FidelityReport} at a time and keeps only counts (plus the ids of courses with ERROR
 * findings), so memory does not grow with the courses' size; parallel workers each fill their own
 * accumulator and {@link Accumulator#combine(Accumulator) combine} them.
 *
 * <pre>{@code
 * CohortReport.Accumulator cohort = CohortReport.accumulator();
 * for (TreatmentCourse course : courses) {
 *   cohort.add(checker.check(course));
 * }
 * CohortReport report = cohort.build();
 * // or: reports.parallelStream().collect(CohortReport.collector())
 * }</pre>
 *
 * <p><b>Determinism.</b> The report does not depend on the order in which reports are added or
 * accumulators combined: counts are sums, sessions attended are kept as a count per value (so
 * the median is exact), adherence is summed exactly (as decimals) before the mean is taken, rules
 * are listed in catalog order, therapists by reference, and the ERROR course ids sorted.
 * Nothing in it is order-dependent.
 *
 * <p>Course ids are host identifiers, not patient references; they are still redacted from
 * {@code toString()}, as are therapist references.
 */
@Value.Immutable
public abstract class CohortReport implements WithCohortReport {
  CohortReport() {}

  /** The number of courses in the cohort. */
  public abstract long courses();

  /** The number of courses per status; every status is present, in enum order. */
  public abstract Map<CourseStatus, Long> byStatus();

  /**
   * Completers: courses that meet their profile's completer definition, out of the courses
   * whose profile defines one ({@link ClinicalOutcome#completer()} present).
   */
  public abstract Proportion completers();

  /** The mean number of attended sessions (pre-group not counted) over all courses; empty for no course. */
  public abstract OptionalDouble meanSessionsAttended();

  /**
   * The median number of attended sessions over all courses (the mean of the two middle values
   * for an even number of courses); empty for no course.
   */
  public abstract OptionalDouble medianSessionsAttended();

  /** How many courses attended each number of sessions, by number of sessions ascending. */
  public abstract Map<Integer, Long> sessionsAttendedDistribution();

  /** The mean overall adherence of the courses; empty for no course. */
  public abstract OptionalDouble meanAdherence();

  /** Per rule, applicable and passed courses, in catalog order (S, P, I, F, T, M, E, N). */
  public abstract List<RuleTally> rules();

  /**
   * Per therapist, the same tallies with the mean adherence, ordered by therapist reference; the
   * courses without a therapist reference come last, in the summary whose reference is empty.
   */
  public abstract List<TherapistSummary> therapists();

  /**
   * Responders (docs/clinical.md, Measures) out of the courses with a baseline and a later primary
   * score ({@link ClinicalOutcome#response()} present).
   */
  public abstract Proportion response();

  /** Remitters out of the courses with a baseline and a later primary score. */
  public abstract Proportion remission();

  /**
   * The ids of the courses with at least one ERROR finding (at the severity in force), sorted;
   * a course added twice is listed twice.
   */
  @Value.Redacted
  public abstract List<String> coursesWithErrors();

  /** The number of courses with at least one ERROR finding. */
  public long errorCourseCount() {
    return coursesWithErrors().size();
  }

  /** The tally of one rule, by code. */
  public Optional<RuleTally> rule(String code) {
    for (RuleTally tally : rules()) {
      if (tally.rule().equals(code)) {
        return Optional.of(tally);
      }
    }
    return Optional.empty();
  }

  /** The summary of one therapist; an empty reference selects the courses without a therapist. */
  public Optional<TherapistSummary> therapist(Optional<String> therapistRef) {
    for (TherapistSummary summary : therapists()) {
      if (summary.therapistRef().equals(therapistRef)) {
        return Optional.of(summary);
      }
    }
    return Optional.empty();
  }

  /** A new, empty accumulator. */
  public static Accumulator accumulator() {
    return new Accumulator();
  }

  /** The cohort report of the given fidelity reports. */
  public static CohortReport of(Iterable<FidelityReport> reports) {
    Accumulator accumulator = new Accumulator();
    for (FidelityReport report : reports) {
      accumulator.add(report);
    }
    return accumulator.build();
  }

  /** A collector of fidelity reports into a cohort report; fit for parallel and unordered streams. */
  public static Collector<FidelityReport, Accumulator, CohortReport> collector() {
    return Collector.of(Accumulator::new, Accumulator::add,
        (left, right) -> left.combine(right), Accumulator::build,
        Collector.Characteristics.UNORDERED);
  }

  /**
   * Orders rule codes as the catalog does: by domain (S, P, I, F, T, M, E, N), then by code;
   * codes that name no domain come after, alphabetically.
   */
  static final Comparator<String> CATALOG_ORDER = Comparator
      .comparingInt(CohortReport::domainRank)
      .thenComparing(Comparator.naturalOrder());

  private static int domainRank(String code) {
    if (!code.isEmpty()) {
      for (RuleDomain domain : RuleDomain.values()) {
        if (domain.name().charAt(0) == code.charAt(0)) {
          return domain.ordinal();
        }
      }
    }
    return RuleDomain.values().length;
  }

  /**
   * Collects fidelity reports into a cohort report, one at a time. Mutable and not thread-safe:
   * give each thread its own accumulator and {@link #combine(Accumulator) combine} them at the
   * end. {@link #build()} takes a snapshot; the accumulator can go on afterwards.
   */
  public static final class Accumulator {
    private static final MathContext MEAN_PRECISION = MathContext.DECIMAL64;

    private final long[] byStatus = new long[CourseStatus.values().length];
    private long courses;
    private long completers;
    private long completerN;
    private long responders;
    private long responseN;
    private long remitters;
    private long remissionN;
    private long sessionsSum;
    private long[] sessionsCounts = new long[32];
    private BigDecimal adherenceSum = BigDecimal.ZERO;
    private final Map<String, long[]> rules = new HashMap<>();
    private final Map<String, TherapistAccumulator> therapists = new HashMap<>();
    private final List<String> errorCourses = new ArrayList<>();

    private Accumulator() {}

    /**
     * Adds one course's report.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if the report's adherence is not a finite number
     */
    public Accumulator add(FidelityReport report) {
      Objects.requireNonNull(report, "report");
      double adherence = report.summary().adherence();
      if (!Double.isFinite(adherence)) {
        throw new IllegalArgumentException("a report's adherence must be a finite number");
      }
      BigDecimal exactAdherence = new BigDecimal(adherence);
      courses++;
      byStatus[report.status().ordinal()]++;
      ClinicalOutcome outcome = report.outcome();
      if (outcome.completer().isPresent()) {
        completerN++;
        if (outcome.completer().get()) {
          completers++;
        }
      }
      if (outcome.response().isPresent()) {
        responseN++;
        if (outcome.response().get()) {
          responders++;
        }
      }
      if (outcome.remission().isPresent()) {
        remissionN++;
        if (outcome.remission().get()) {
          remitters++;
        }
      }
      int sessions = outcome.sessionsAttended();
      if (sessions < 0) {
        throw new IllegalArgumentException("sessions attended must be >= 0, was " + sessions);
      }
      sessionsSum += sessions;
      if (sessions >= sessionsCounts.length) {
        sessionsCounts = Arrays.copyOf(sessionsCounts, Math.max(sessions + 1,
            2 * sessionsCounts.length));
      }
      sessionsCounts[sessions]++;
      adherenceSum = adherenceSum.add(exactAdherence);
      boolean hasErrors = report.hasFindingsAtLeast(Severity.ERROR);
      if (hasErrors) {
        errorCourses.add(report.courseId());
      }
      String therapist = report.therapistRef().orElse(null);
      TherapistAccumulator perTherapist =
          therapists.computeIfAbsent(therapist, key -> new TherapistAccumulator());
      perTherapist.courses++;
      perTherapist.adherenceSum = perTherapist.adherenceSum.add(exactAdherence);
      if (hasErrors) {
        perTherapist.coursesWithErrors++;
      }
      for (RuleResult result : report.results()) {
        tally(rules, result);
        tally(perTherapist.rules, result);
      }
      return this;
    }

    private static void tally(Map<String, long[]> tallies, RuleResult result) {
      long[] tally = tallies.computeIfAbsent(result.rule(), code -> new long[2]);
      if (result.outcome() != RuleOutcome.NOT_APPLICABLE) {
        tally[0]++;
        if (result.outcome() == RuleOutcome.PASS) {
          tally[1]++;
        }
      }
    }

    /**
     * Adds everything another accumulator collected (e.g. on another thread) to this one; the
     * other accumulator is left unchanged.
     *
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator
     */
    public Accumulator combine(Accumulator other) {
      Objects.requireNonNull(other, "other");
      if (other == this) {
        throw new IllegalArgumentException("an accumulator cannot be combined with itself");
      }
      courses += other.courses;
      for (int i = 0; i < byStatus.length; i++) {
        byStatus[i] += other.byStatus[i];
      }
      completers += other.completers;
      completerN += other.completerN;
      responders += other.responders;
      responseN += other.responseN;
      remitters += other.remitters;
      remissionN += other.remissionN;
      sessionsSum += other.sessionsSum;
      if (other.sessionsCounts.length > sessionsCounts.length) {
        sessionsCounts = Arrays.copyOf(sessionsCounts, other.sessionsCounts.length);
      }
      for (int i = 0; i < other.sessionsCounts.length; i++) {
        sessionsCounts[i] += other.sessionsCounts[i];
      }
      adherenceSum = adherenceSum.add(other.adherenceSum);
      mergeTallies(rules, other.rules);
      for (Map.Entry<String, TherapistAccumulator> entry : other.therapists.entrySet()) {
        TherapistAccumulator mine =
            therapists.computeIfAbsent(entry.getKey(), key -> new TherapistAccumulator());
        TherapistAccumulator theirs = entry.getValue();
        mine.courses += theirs.courses;
        mine.coursesWithErrors += theirs.coursesWithErrors;
        mine.adherenceSum = mine.adherenceSum.add(theirs.adherenceSum);
        mergeTallies(mine.rules, theirs.rules);
      }
      errorCourses.addAll(other.errorCourses);
      return this;
    }

    private static void mergeTallies(Map<String, long[]> into, Map<String, long[]> from) {
      for (Map.Entry<String, long[]> entry : from.entrySet()) {
        long[] tally = into.computeIfAbsent(entry.getKey(), code -> new long[2]);
        tally[0] += entry.getValue()[0];
        tally[1] += entry.getValue()[1];
      }
    }

    /** The number of reports added so far (including those of combined accumulators). */
    public long size() {
      return courses;
    }

    /** The cohort report of everything added so far. */
    public CohortReport build() {
      Map<CourseStatus, Long> statuses = new EnumMap<>(CourseStatus.class);
      for (CourseStatus status : CourseStatus.values()) {
        statuses.put(status, byStatus[status.ordinal()]);
      }
      Map<Integer, Long> distribution = new java.util.LinkedHashMap<>();
      for (int i = 0; i < sessionsCounts.length; i++) {
        if (sessionsCounts[i] > 0) {
          distribution.put(i, sessionsCounts[i]);
        }
      }
      List<TherapistSummary> perTherapist = new ArrayList<>(therapists.size());
      for (Map.Entry<String, TherapistAccumulator> entry : therapists.entrySet()) {
        TherapistAccumulator therapist = entry.getValue();
        perTherapist.add(TherapistSummary.builder()
            .therapistRef(Optional.ofNullable(entry.getKey()))
            .courses(therapist.courses)
            .meanAdherence(mean(therapist.adherenceSum, therapist.courses))
            .coursesWithErrors(therapist.coursesWithErrors)
            .rules(tallies(therapist.rules))
            .build());
      }
      perTherapist.sort(Comparator.comparing(
          (TherapistSummary s) -> s.therapistRef().orElse(null),
          Comparator.nullsLast(Comparator.naturalOrder())));
      List<String> errors = new ArrayList<>(errorCourses);
      Collections.sort(errors);
      ImmutableCohortReport.Builder report = ImmutableCohortReport.builder()
          .courses(courses)
          .byStatus(statuses)
          .completers(Proportion.of(completers, completerN))
          .sessionsAttendedDistribution(distribution)
          .rules(tallies(rules))
          .therapists(perTherapist)
          .response(Proportion.of(responders, responseN))
          .remission(Proportion.of(remitters, remissionN))
          .coursesWithErrors(errors);
      if (courses > 0) {
        report.meanSessionsAttended((double) sessionsSum / courses)
            .medianSessionsAttended(median())
            .meanAdherence(mean(adherenceSum, courses));
      }
      return report.build();
    }

    private static double mean(BigDecimal sum, long n) {
      return sum.divide(BigDecimal.valueOf(n), MEAN_PRECISION).doubleValue();
    }

    private static List<RuleTally> tallies(Map<String, long[]> tallies) {
      List<String> codes = new ArrayList<>(tallies.keySet());
      codes.sort(CATALOG_ORDER);
      List<RuleTally> result = new ArrayList<>(codes.size());
      for (String code : codes) {
        long[] tally = tallies.get(code);
        result.add(RuleTally.of(code, tally[0], tally[1]));
      }
      return result;
    }

    /** The exact median from the count per number of sessions. */
    private double median() {
      long lowerRank = (courses - 1) / 2;
      long upperRank = courses / 2;
      int lower = valueAtRank(lowerRank);
      int upper = lowerRank == upperRank ? lower : valueAtRank(upperRank);
      return (lower + upper) / 2.0;
    }

    private int valueAtRank(long rank) {
      long seen = 0;
      for (int value = 0; value < sessionsCounts.length; value++) {
        seen += sessionsCounts[value];
        if (seen > rank) {
          return value;
        }
      }
      throw new IllegalStateException("rank " + rank + " beyond " + courses + " courses");
    }
  }

  /** The running totals of one therapist's courses. */
  private static final class TherapistAccumulator {
    private long courses;
    private long coursesWithErrors;
    private BigDecimal adherenceSum = BigDecimal.ZERO;
    private final Map<String, long[]> rules = new HashMap<>();
  }
}
