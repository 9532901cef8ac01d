package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.rules.fixtures.SyntheticReports.course;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

class CohortReportTest {
  // Four hand-made courses: three therapists' worth of courses, one without a therapist.
  private static final FidelityReport A = course("c-3").therapist("th-b")
      .status(CourseStatus.COMPLETED).sessions(16).adherence(1.0)
      .completer(true).outcome(true, true)
      .rule("S01", RuleOutcome.PASS).rule("I01", RuleOutcome.PASS).rule("M04", RuleOutcome.PASS)
      .build();
  private static final FidelityReport B = course("c-1").therapist("th-a")
      .status(CourseStatus.COMPLETED).sessions(12).adherence(0.5)
      .completer(true).outcome(true, false).error()
      .rule("S01", RuleOutcome.FINDINGS).rule("I01", RuleOutcome.NOT_APPLICABLE)
      .rule("M04", RuleOutcome.PASS)
      .build();
  private static final FidelityReport C = course("c-2")
      .status(CourseStatus.DISCONTINUED).sessions(5).adherence(0.75)
      .completer(false).outcome(false, false).error()
      .rule("S01", RuleOutcome.PASS).rule("I01", RuleOutcome.FINDINGS)
      .rule("M04", RuleOutcome.FINDINGS)
      .build();
  private static final FidelityReport D = course("c-4").therapist("th-a")
      .status(CourseStatus.ONGOING).sessions(8).adherence(0.25)
      .rule("S01", RuleOutcome.PASS).rule("I01", RuleOutcome.NOT_APPLICABLE)
      .rule("M04", RuleOutcome.NOT_APPLICABLE)
      .build();

  @Test
  void meanAndMedianOfAnOddNumberOfCoursesAreExact() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C));
    assertThat(cohort.meanSessionsAttended()).hasValue(11.0);
    assertThat(cohort.medianSessionsAttended()).hasValue(12.0);
  }

  @Test
  void medianOfAnEvenNumberOfCoursesIsTheMeanOfTheTwoMiddleValues() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C, D));
    assertThat(cohort.meanSessionsAttended()).hasValue(10.25);
    assertThat(cohort.medianSessionsAttended()).hasValue(10.0);
    assertThat(cohort.sessionsAttendedDistribution())
        .containsExactly(Map.entry(5, 1L), Map.entry(8, 1L), Map.entry(12, 1L),
            Map.entry(16, 1L));
  }

  @Test
  void countsCoursesByStatusWithEveryStatusPresent() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C, D));
    assertThat(cohort.courses()).isEqualTo(4);
    assertThat(cohort.byStatus()).containsExactly(
        Map.entry(CourseStatus.ONGOING, 1L),
        Map.entry(CourseStatus.COMPLETED, 2L),
        Map.entry(CourseStatus.DISCONTINUED, 1L));
    assertThat(CohortReport.of(List.of(A)).byStatus())
        .containsEntry(CourseStatus.ONGOING, 0L);
  }

  @Test
  void completersCountOnlyCoursesWhoseProfileDefinesThem() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C, D));
    assertThat(cohort.completers()).isEqualTo(Proportion.of(2, 3));
    assertThat(cohort.completers().rate()).hasValue(2.0 / 3);
  }

  @Test
  void completerAnalysisCountsCompletedCasesAndAllWhoStartedAddsDiscontinuedOnes() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C, D));
    // A and B are COMPLETED cases with a final score; C is DISCONTINUED; D is ONGOING
    assertThat(cohort.response()).isEqualTo(Proportion.of(2, 2));
    assertThat(cohort.remission()).isEqualTo(Proportion.of(1, 2));
    assertThat(cohort.outcomes().startedResponse()).isEqualTo(Proportion.of(2, 3));
    assertThat(cohort.outcomes().startedRemission()).isEqualTo(Proportion.of(1, 3));
    assertThat(cohort.remission().rate()).hasValue(0.5);
  }

  @Test
  void perRuleSharesCountApplicableCoursesInCatalogOrder() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C, D));
    assertThat(cohort.rules()).containsExactly(
        RuleTally.of("S01", 4, 3),
        RuleTally.of("I01", 2, 1),
        RuleTally.of("M04", 3, 2));
    assertThat(cohort.rule("S01").orElseThrow().share()).hasValue(0.75);
    assertThat(cohort.rule("I01").orElseThrow().share()).hasValue(0.5);
  }

  @Test
  void aRuleThatNeverAppliedHasNoShare() {
    CohortReport cohort = CohortReport.of(List.of(D));
    assertThat(cohort.rule("M04")).contains(RuleTally.of("M04", 0, 0));
    assertThat(cohort.rule("M04").orElseThrow().share()).isEmpty();
  }

  @Test
  void rulesWithoutADomainLetterComeAfterTheCatalogAlphabetically() {
    FidelityReport report = course("c-9").rule("Z02", RuleOutcome.PASS)
        .rule("N01", RuleOutcome.PASS).rule("A01", RuleOutcome.PASS)
        .rule("E05", RuleOutcome.PASS).rule("P01", RuleOutcome.PASS).build();
    assertThat(CohortReport.of(List.of(report)).rules()).extracting(RuleTally::rule)
        .containsExactly("P01", "E05", "N01", "A01", "Z02");
  }

  @Test
  void perTherapistTalliesAndMeanAdherenceWithCoursesWithoutTherapistLast() {
    CohortReport cohort = CohortReport.of(List.of(A, B, C, D));
    assertThat(cohort.therapists()).extracting(TherapistSummary::therapistRef)
        .containsExactly(Optional.of("th-a"), Optional.of("th-b"), Optional.empty());
    TherapistSummary thA = cohort.therapist(Optional.of("th-a")).orElseThrow();
    assertThat(thA.courses()).isEqualTo(2);
    assertThat(thA.meanAdherence()).isEqualTo(0.375);
    assertThat(thA.coursesWithErrors()).isEqualTo(1);
    assertThat(thA.rules()).containsExactly(
        RuleTally.of("S01", 2, 1), RuleTally.of("I01", 0, 0), RuleTally.of("M04", 1, 1));
    TherapistSummary none = cohort.therapist(Optional.empty()).orElseThrow();
    assertThat(none.courses()).isEqualTo(1);
    assertThat(none.meanAdherence()).isEqualTo(0.75);
    assertThat(none.rule("M04")).contains(RuleTally.of("M04", 1, 0));
    assertThat(cohort.therapist(Optional.of("th-z"))).isEmpty();
  }

  @Test
  void meanAdherenceOverTheCohort() {
    assertThat(CohortReport.of(List.of(A, B, C, D)).meanAdherence()).hasValue(0.625);
  }

  @Test
  void meanAdherenceIsExactWhateverTheOrder() {
    FidelityReport x = course("x").adherence(0.1).build();
    FidelityReport y = course("y").adherence(0.2).build();
    FidelityReport z = course("z").adherence(0.7).build();
    CohortReport one = CohortReport.of(List.of(x, y, z));
    CohortReport other = CohortReport.of(List.of(z, y, x));
    assertThat(one.meanAdherence()).isEqualTo(other.meanAdherence());
    assertThat(one).isEqualTo(other);
  }

  @Test
  void listsTheCoursesWithErrorFindingsSortedWithTheirCount() {
    CohortReport cohort = CohortReport.of(List.of(D, C, A, B));
    assertThat(cohort.coursesWithErrors()).containsExactly("c-1", "c-2");
    assertThat(cohort.errorCourseCount()).isEqualTo(2);
  }

  @Test
  void aWarningFindingDoesNotMakeAnErrorCourse() {
    FidelityReport warningsOnly = course("c-7").rule("S01", RuleOutcome.FINDINGS).build();
    assertThat(CohortReport.of(List.of(warningsOnly)).coursesWithErrors()).isEmpty();
  }

  @Test
  void anEmptyCohortHasCountsOfZeroAndNoMeans() {
    CohortReport cohort = CohortReport.accumulator().build();
    assertThat(cohort.courses()).isZero();
    assertThat(cohort.meanSessionsAttended()).isEmpty();
    assertThat(cohort.medianSessionsAttended()).isEmpty();
    assertThat(cohort.meanAdherence()).isEmpty();
    assertThat(cohort.rules()).isEmpty();
    assertThat(cohort.therapists()).isEmpty();
    assertThat(cohort.response().rate()).isEmpty();
    assertThat(cohort.completers()).isEqualTo(Proportion.of(0, 0));
  }

  @Test
  void combiningPartialAccumulatorsEqualsAddingSequentially() {
    CohortReport.Accumulator left = CohortReport.accumulator().add(A).add(B);
    CohortReport.Accumulator right = CohortReport.accumulator().add(C).add(D);
    CohortReport combined = left.combine(right).build();
    assertThat(combined).isEqualTo(CohortReport.of(List.of(A, B, C, D)));
    assertThat(left.size()).isEqualTo(4);
    assertThat(right.build()).isEqualTo(CohortReport.of(List.of(C, D)));
  }

  @Test
  void anAccumulatorCannotBeCombinedWithItself() {
    CohortReport.Accumulator accumulator = CohortReport.accumulator().add(A);
    assertThatThrownBy(() -> accumulator.combine(accumulator))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
  }

  @Test
  void buildingIsASnapshotAndTheAccumulatorGoesOn() {
    CohortReport.Accumulator accumulator = CohortReport.accumulator().add(A);
    CohortReport first = accumulator.build();
    accumulator.add(B);
    assertThat(first.courses()).isEqualTo(1);
    assertThat(accumulator.build().courses()).isEqualTo(2);
  }

  @Test
  void theParallelCollectorGivesTheSequentialReport() {
    List<FidelityReport> reports = List.of(A, B, C, D, A, B, C, D, A, B, C, D);
    assertThat(reports.parallelStream().collect(CohortReport.collector()))
        .isEqualTo(CohortReport.of(reports));
  }

  @Test
  void aNonFiniteAdherenceIsRejected() {
    FidelityReport broken = course("c-8").adherence(Double.NaN).build();
    assertThatThrownBy(() -> CohortReport.accumulator().add(broken))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adherence");
  }

  @Test
  void toStringShowsNoCourseIdsOrTherapistReferences() {
    String text = CohortReport.of(List.of(A, B, C, D)).toString();
    assertThat(text).doesNotContain("c-1", "c-2", "c-3", "c-4", "th-a", "th-b");
    assertThat(text).contains("courses=4");
  }

  @Test
  void aggregatesRealReportsOfTheChecker() {
    FidelityChecker checker = FidelityChecker.of(Protocols.IPT_ACUTE_16);
    FidelityReport clean = checker.check(ReferenceCourses.acute16());
    FidelityReport ongoing = checker.check(ReferenceCourses.acute16Ongoing(4));
    CohortReport cohort = CohortReport.of(List.of(clean, ongoing));
    assertThat(cohort.courses()).isEqualTo(2);
    // the ONGOING course is in no outcome denominator
    assertThat(cohort.completers()).isEqualTo(Proportion.of(1, 1));
    assertThat(cohort.response()).isEqualTo(Proportion.of(1, 1));
    assertThat(cohort.medianSessionsAttended()).hasValue(10.0);
    assertThat(cohort.rules()).extracting(RuleTally::rule)
        .containsExactlyElementsOf(RuleCatalog.codes());
    assertThat(cohort.coursesWithErrors()).isEmpty();
    assertThat(cohort.therapists()).singleElement()
        .satisfies(t -> assertThat(t.therapistRef()).contains("th-1"));
  }
}
