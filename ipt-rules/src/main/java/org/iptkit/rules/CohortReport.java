package org.iptkit.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.immutables.value.Value;
import org.iptkit.core.CourseStatus;

/**
 * The fidelity and outcome of a cohort of courses (docs/format.md, Cohort report): the number of courses
 * by status, mean and median sessions attended, per rule the share of applicable courses that
 * pass, the outcome over explicit denominators ({@link OutcomeSummary}: completer share,
 * completer analysis, all who started, maintenance on its own) for the cohort and per protocol
 * profile, the observer ratings per scale with their inter-rater reliability, the same per
 * therapist with their mean adherence, and the courses with ERROR findings. Every proportion
 * carries its 95 % Wilson interval; mean adherence carries a 95 % Student t interval over
 * courses.
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

  /** The outcome of the whole cohort over explicit denominators. */
  public abstract OutcomeSummary outcomes();

  /** The outcome per protocol profile, by profile id in ascending order. */
  public abstract Map<String, OutcomeSummary> byProfile();

  /**
   * Completers: COMPLETED and DISCONTINUED courses that meet their profile's completer
   * definition, out of those whose profile defines one ({@link OutcomeSummary#completers()}).
   */
  public Proportion completers() {
    return outcomes().completers();
  }

  /** Responders of the completer analysis ({@link OutcomeSummary#completerResponse()}). */
  public Proportion response() {
    return outcomes().completerResponse();
  }

  /** Remitters of the completer analysis ({@link OutcomeSummary#completerRemission()}). */
  public Proportion remission() {
    return outcomes().completerRemission();
  }

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

  /**
   * The lower end of the 95 % Student t interval of the mean adherence, the course as the unit,
   * clipped to 0; empty for fewer than two courses.
   */
  public abstract OptionalDouble adherenceLower();

  /** The upper end of the same interval, clipped to 1; empty for fewer than two courses. */
  public abstract OptionalDouble adherenceUpper();

  /** Per rule, applicable and passed courses, in catalog order (S, P, I, F, T, M, E, N). */
  public abstract List<RuleTally> rules();

  /**
   * Per therapist, the same tallies with the mean adherence, outcomes and ratings, ordered by
   * therapist reference; the courses without a therapist reference come last, in the summary
   * whose reference is empty.
   */
  public abstract List<TherapistSummary> therapists();

  /** The observer ratings per scale, by scale id. */
  public abstract List<RatingSummary> ratings();

  /** The inter-rater reliability per scale rated by two or more raters, by scale id. */
  public abstract List<InterRaterReliability> reliability();

  /**
   * The ids of the courses with at least one ERROR finding (at the severity in force), sorted
   * with the numbers inside ids compared as numbers ({@link #COURSE_ID_ORDER}); a course added
   * twice is listed twice.
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

  /** This report without its per-therapist part (for output that names no therapist). */
  public CohortReport withoutTherapists() {
    return withTherapists(List.of());
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

  /**
   * Orders course ids as people read them: runs of digits compared as numbers ({@code c-2}
   * before {@code c-10}), the rest character by character; ids that compare equal that way (such
   * as {@code c-01} and {@code c-1}) in plain string order, so the order is total.
   */
  public static final Comparator<String> COURSE_ID_ORDER =
      ((Comparator<String>) CohortReport::compareNatural).thenComparing(Comparator.naturalOrder());

  private static int compareNatural(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      char a = left.charAt(i);
      char b = right.charAt(j);
      if (isDigit(a) && isDigit(b)) {
        int startA = i;
        int startB = j;
        while (i < left.length() && isDigit(left.charAt(i))) {
          i++;
        }
        while (j < right.length() && isDigit(right.charAt(j))) {
          j++;
        }
        String digitsA = stripZeros(left.substring(startA, i));
        String digitsB = stripZeros(right.substring(startB, j));
        if (digitsA.length() != digitsB.length()) {
          return Integer.compare(digitsA.length(), digitsB.length());
        }
        int c = digitsA.compareTo(digitsB);
        if (c != 0) {
          return c;
        }
      } else {
        if (a != b) {
          return Character.compare(a, b);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(left.length() - i, right.length() - j);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }

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
   * The mean of values summed exactly, with its 95 % Student t interval clipped to 0..1:
   * {@code {mean, lower, upper}}, lower and upper NaN for fewer than two values.
   */
  static double[] meanInterval(BigDecimal sum, BigDecimal squares, long n) {
    BigDecimal count = BigDecimal.valueOf(n);
    double mean = sum.divide(count, MathContext.DECIMAL64).doubleValue();
    if (n < 2) {
      return new double[] {mean, Double.NaN, Double.NaN};
    }
    // sample variance = (sum of squares - sum^2 / n) / (n - 1), exact until the division
    BigDecimal deviations = squares.subtract(sum.multiply(sum).divide(count, MathContext.DECIMAL128));
    double variance = Math.max(0, deviations.doubleValue() / (n - 1));
    double half = Statistics.t975(n - 1) * Math.sqrt(variance / n);
    return new double[] {mean, Math.max(0, mean - half), Math.min(1, mean + half)};
  }

  /** The index of each catalog rule, for counting per rule in arrays. */
  private static final Map<String, Integer> RULE_INDEX = new HashMap<>();

  static {
    List<String> codes = RuleCatalog.codes();
    for (int i = 0; i < codes.size(); i++) {
      RULE_INDEX.put(codes.get(i), i);
    }
  }

  /**
   * Per rule applicable and passed courses: an array slot per catalog rule (so thousands of
   * therapists stay small), a map for codes outside the catalog.
   */
  private static final class RuleCounts {
    private final long[] counts = new long[2 * RULE_INDEX.size()];
    private final boolean[] seen = new boolean[RULE_INDEX.size()];
    private Map<String, long[]> others;

    void add(RuleResult result) {
      Integer index = RULE_INDEX.get(result.rule());
      long[] slot;
      int at;
      if (index != null) {
        seen[index] = true;
        slot = counts;
        at = 2 * index;
      } else {
        if (others == null) {
          others = new HashMap<>();
        }
        slot = others.computeIfAbsent(result.rule(), code -> new long[2]);
        at = 0;
      }
      if (result.outcome() != RuleOutcome.NOT_APPLICABLE) {
        slot[at]++;
        if (result.outcome() == RuleOutcome.PASS) {
          slot[at + 1]++;
        }
      }
    }

    void combine(RuleCounts other) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
      for (int i = 0; i < seen.length; i++) {
        seen[i] |= other.seen[i];
      }
      if (other.others != null) {
        if (others == null) {
          others = new HashMap<>();
        }
        other.others.forEach((code, tally) -> {
          long[] mine = others.computeIfAbsent(code, key -> new long[2]);
          mine[0] += tally[0];
          mine[1] += tally[1];
        });
      }
    }

    List<RuleTally> build() {
      List<RuleTally> result = new ArrayList<>();
      List<String> codes = RuleCatalog.codes();
      Map<String, RuleTally> all = new HashMap<>();
      List<String> present = new ArrayList<>();
      for (int i = 0; i < seen.length; i++) {
        if (seen[i]) {
          all.put(codes.get(i), RuleTally.of(codes.get(i), counts[2 * i], counts[2 * i + 1]));
          present.add(codes.get(i));
        }
      }
      if (others != null) {
        others.forEach((code, tally) -> all.put(code, RuleTally.of(code, tally[0], tally[1])));
        present.addAll(others.keySet());
      }
      present.sort(CATALOG_ORDER);
      for (String code : present) {
        result.add(all.get(code));
      }
      return result;
    }
  }

  /**
   * Collects fidelity reports into a cohort report, one at a time. Mutable and not thread-safe:
   * give each thread its own accumulator and {@link #combine(Accumulator) combine} them at the
   * end. {@link #build()} takes a snapshot; the accumulator can go on afterwards.
   */
  public static final class Accumulator {
    private final long[] byStatus = new long[CourseStatus.values().length];
    private long courses;
    private long sessionsSum;
    private long[] sessionsCounts = new long[32];
    private BigDecimal adherenceSum = BigDecimal.ZERO;
    private BigDecimal adherenceSquares = BigDecimal.ZERO;
    private final RuleCounts rules = new RuleCounts();
    private final Tallies.Outcomes outcomes = new Tallies.Outcomes();
    private final Map<String, Tallies.Outcomes> profiles = new HashMap<>();
    private final Tallies.Ratings ratings = new Tallies.Ratings();
    private final Tallies.Reliability reliability = new Tallies.Reliability();
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
      BigDecimal adherenceSquare = exactAdherence.multiply(exactAdherence);
      ClinicalOutcome outcome = report.outcome();
      int sessions = outcome.sessionsAttended();
      if (sessions < 0) {
        throw new IllegalArgumentException("sessions attended must be >= 0, was " + sessions);
      }
      courses++;
      byStatus[report.status().ordinal()]++;
      outcomes.add(report);
      profiles.computeIfAbsent(report.protocol(), key -> new Tallies.Outcomes()).add(report);
      ratings.add(report);
      reliability.add(report);
      sessionsSum += sessions;
      if (sessions >= sessionsCounts.length) {
        sessionsCounts = Arrays.copyOf(sessionsCounts, Math.max(sessions + 1,
            2 * sessionsCounts.length));
      }
      sessionsCounts[sessions]++;
      adherenceSum = adherenceSum.add(exactAdherence);
      adherenceSquares = adherenceSquares.add(adherenceSquare);
      boolean hasErrors = report.hasFindingsAtLeast(Severity.ERROR);
      if (hasErrors) {
        errorCourses.add(report.courseId());
      }
      String therapist = report.therapistRef().orElse(null);
      TherapistAccumulator perTherapist =
          therapists.computeIfAbsent(therapist, key -> new TherapistAccumulator());
      perTherapist.courses++;
      perTherapist.adherenceSum = perTherapist.adherenceSum.add(exactAdherence);
      perTherapist.adherenceSquares = perTherapist.adherenceSquares.add(adherenceSquare);
      perTherapist.outcomes.add(report);
      perTherapist.ratings.add(report);
      if (hasErrors) {
        perTherapist.coursesWithErrors++;
      }
      for (RuleResult result : report.results()) {
        rules.add(result);
        perTherapist.rules.add(result);
      }
      return this;
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
      sessionsSum += other.sessionsSum;
      if (other.sessionsCounts.length > sessionsCounts.length) {
        sessionsCounts = Arrays.copyOf(sessionsCounts, other.sessionsCounts.length);
      }
      for (int i = 0; i < other.sessionsCounts.length; i++) {
        sessionsCounts[i] += other.sessionsCounts[i];
      }
      adherenceSum = adherenceSum.add(other.adherenceSum);
      adherenceSquares = adherenceSquares.add(other.adherenceSquares);
      rules.combine(other.rules);
      outcomes.combine(other.outcomes);
      other.profiles.forEach((profile, theirs) ->
          profiles.computeIfAbsent(profile, key -> new Tallies.Outcomes()).combine(theirs));
      ratings.combine(other.ratings);
      reliability.combine(other.reliability);
      for (Map.Entry<String, TherapistAccumulator> entry : other.therapists.entrySet()) {
        TherapistAccumulator mine =
            therapists.computeIfAbsent(entry.getKey(), key -> new TherapistAccumulator());
        TherapistAccumulator theirs = entry.getValue();
        mine.courses += theirs.courses;
        mine.coursesWithErrors += theirs.coursesWithErrors;
        mine.adherenceSum = mine.adherenceSum.add(theirs.adherenceSum);
        mine.adherenceSquares = mine.adherenceSquares.add(theirs.adherenceSquares);
        mine.rules.combine(theirs.rules);
        mine.outcomes.combine(theirs.outcomes);
        mine.ratings.combine(theirs.ratings);
      }
      errorCourses.addAll(other.errorCourses);
      return this;
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
      Map<Integer, Long> distribution = new LinkedHashMap<>();
      for (int i = 0; i < sessionsCounts.length; i++) {
        if (sessionsCounts[i] > 0) {
          distribution.put(i, sessionsCounts[i]);
        }
      }
      List<TherapistSummary> perTherapist = new ArrayList<>(therapists.size());
      for (Map.Entry<String, TherapistAccumulator> entry : therapists.entrySet()) {
        TherapistAccumulator therapist = entry.getValue();
        double[] mean = meanInterval(therapist.adherenceSum, therapist.adherenceSquares,
            therapist.courses);
        TherapistSummary.Builder summary = TherapistSummary.builder()
            .therapistRef(Optional.ofNullable(entry.getKey()))
            .courses(therapist.courses)
            .meanAdherence(mean[0])
            .coursesWithErrors(therapist.coursesWithErrors)
            .rules(therapist.rules.build())
            .outcomes(therapist.outcomes.build())
            .ratings(therapist.ratings.build());
        if (!Double.isNaN(mean[1])) {
          summary.adherenceLower(mean[1]).adherenceUpper(mean[2]);
        }
        perTherapist.add(summary.build());
      }
      perTherapist.sort(Comparator.comparing(
          (TherapistSummary s) -> s.therapistRef().orElse(null),
          Comparator.nullsLast(Comparator.naturalOrder())));
      List<String> errors = new ArrayList<>(errorCourses);
      errors.sort(COURSE_ID_ORDER);
      Map<String, OutcomeSummary> perProfile = new LinkedHashMap<>();
      for (String profile : new TreeMap<>(profiles).keySet()) {
        perProfile.put(profile, profiles.get(profile).build());
      }
      ImmutableCohortReport.Builder report = ImmutableCohortReport.builder()
          .courses(courses)
          .byStatus(statuses)
          .outcomes(outcomes.build())
          .byProfile(perProfile)
          .sessionsAttendedDistribution(distribution)
          .rules(rules.build())
          .therapists(perTherapist)
          .ratings(ratings.build())
          .reliability(reliability.build())
          .coursesWithErrors(errors);
      if (courses > 0) {
        double[] mean = meanInterval(adherenceSum, adherenceSquares, courses);
        report.meanSessionsAttended((double) sessionsSum / courses)
            .medianSessionsAttended(median())
            .meanAdherence(mean[0]);
        if (!Double.isNaN(mean[1])) {
          report.adherenceLower(mean[1]).adherenceUpper(mean[2]);
        }
      }
      return report.build();
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
    private BigDecimal adherenceSquares = BigDecimal.ZERO;
    private final RuleCounts rules = new RuleCounts();
    private final Tallies.Outcomes outcomes = new Tallies.Outcomes();
    private final Tallies.Ratings ratings = new Tallies.Ratings();
  }
}
