package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.iptkit.rules.fixtures.RulesTestArbitraries;

class CohortReportProperties {
  @Provide
  Arbitrary<List<FidelityReport>> reports() {
    return RulesTestArbitraries.syntheticReports().list().ofMaxSize(30);
  }

  @Property
  void theReportDoesNotDependOnTheOrderOfAdding(@ForAll("reports") List<FidelityReport> reports,
      @ForAll long seed) {
    List<FidelityReport> shuffled = new ArrayList<>(reports);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(CohortReport.of(shuffled)).isEqualTo(CohortReport.of(reports));
  }

  @Property
  void combiningTwoPartsEqualsAddingSequentially(
      @ForAll("reports") List<FidelityReport> reports, @ForAll @IntRange(max = 30) int split) {
    int at = Math.min(split, reports.size());
    CohortReport.Accumulator left = CohortReport.accumulator();
    reports.subList(0, at).forEach(left::add);
    CohortReport.Accumulator right = CohortReport.accumulator();
    reports.subList(at, reports.size()).forEach(right::add);
    assertThat(left.combine(right).build()).isEqualTo(CohortReport.of(reports));
  }

  @Property(tries = 200)
  void theParallelCollectorEqualsTheSequentialReport(
      @ForAll("reports") @Size(min = 0, max = 30) List<FidelityReport> reports) {
    assertThat(reports.parallelStream().collect(CohortReport.collector()))
        .isEqualTo(CohortReport.of(reports));
  }

  @Property
  void countsAddUpAndAveragesLieWithinTheData(@ForAll("reports") List<FidelityReport> reports) {
    CohortReport cohort = CohortReport.of(reports);
    assertThat(cohort.courses()).isEqualTo(reports.size());
    assertThat(cohort.byStatus().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(reports.size());
    assertThat(cohort.therapists().stream().mapToLong(TherapistSummary::courses).sum())
        .isEqualTo(reports.size());
    assertThat(cohort.sessionsAttendedDistribution().values().stream()
        .mapToLong(Long::longValue).sum()).isEqualTo(reports.size());
    long errors = reports.stream().filter(r -> r.hasFindingsAtLeast(Severity.ERROR)).count();
    assertThat(cohort.errorCourseCount()).isEqualTo(errors);
    assertThat(cohort.coursesWithErrors()).isSortedAccordingTo(CohortReport.COURSE_ID_ORDER);
    if (!reports.isEmpty()) {
      int min = reports.stream().mapToInt(r -> r.outcome().sessionsAttended()).min().orElseThrow();
      int max = reports.stream().mapToInt(r -> r.outcome().sessionsAttended()).max().orElseThrow();
      assertThat(cohort.medianSessionsAttended().getAsDouble()).isBetween((double) min,
          (double) max);
      assertThat(cohort.meanSessionsAttended().getAsDouble()).isBetween((double) min,
          (double) max);
      assertThat(cohort.meanAdherence().getAsDouble()).isBetween(0.0, 1.0);
    }
    for (RuleTally tally : cohort.rules()) {
      long applicable = reports.stream()
          .flatMap(r -> r.result(tally.rule()).stream())
          .filter(r -> r.outcome() != RuleOutcome.NOT_APPLICABLE)
          .count();
      assertThat(tally.applicable()).isEqualTo(applicable);
    }
  }
}
