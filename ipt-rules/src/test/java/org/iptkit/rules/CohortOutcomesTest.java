package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iptkit.rules.fixtures.SyntheticReports.course;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iptkit.core.CourseStatus;
import org.junit.jupiter.api.Test;

/** The outcome blocks of a cohort report: explicit denominators, ONGOING never counted. */
class CohortOutcomesTest {
  // PHQ-9: cut-off 10, response a drop of half, remission below 5
  private static final FidelityReport COMPLETED_REMITTED = course("c-1").therapist("t-1")
      .status(CourseStatus.COMPLETED).completer(true).scores(16, 3).build();
  private static final FidelityReport COMPLETED_UNCHANGED = course("c-2").therapist("t-1")
      .status(CourseStatus.COMPLETED).completer(true).scores(12, 11).build();
  private static final FidelityReport COMPLETED_NOT_A_CASE = course("c-3").therapist("t-2")
      .status(CourseStatus.COMPLETED).completer(true).scores(6, 2).build();
  private static final FidelityReport COMPLETED_NO_FINAL = course("c-4").therapist("t-2")
      .status(CourseStatus.COMPLETED).completer(false).scores(14, null).build();
  private static final FidelityReport DISCONTINUED_RESPONDED = course("c-5").therapist("t-2")
      .status(CourseStatus.DISCONTINUED).completer(false).scores(20, 9).build();
  private static final FidelityReport DISCONTINUED_NO_BASELINE = course("c-6")
      .status(CourseStatus.DISCONTINUED).completer(false).build();
  private static final FidelityReport ONGOING_REMITTED = course("c-7").therapist("t-1")
      .status(CourseStatus.ONGOING).scores(18, 2).build();
  private static final FidelityReport MAINTENANCE_STAYED = course("m-1").maintenance()
      .status(CourseStatus.COMPLETED).scores(4, 6).build();
  private static final FidelityReport MAINTENANCE_RELAPSED = course("m-2").maintenance()
      .status(CourseStatus.COMPLETED).scores(3, 12).build();
  private static final FidelityReport MAINTENANCE_ONGOING = course("m-3").maintenance()
      .status(CourseStatus.ONGOING).scores(3, 15).build();

  private static final List<FidelityReport> ALL = List.of(COMPLETED_REMITTED,
      COMPLETED_UNCHANGED, COMPLETED_NOT_A_CASE, COMPLETED_NO_FINAL, DISCONTINUED_RESPONDED,
      DISCONTINUED_NO_BASELINE, ONGOING_REMITTED, MAINTENANCE_STAYED, MAINTENANCE_RELAPSED,
      MAINTENANCE_ONGOING);

  @Test
  void completerAnalysisIsOverCompletedCasesWithAFinalMeasure() {
    OutcomeSummary outcomes = CohortReport.of(ALL).outcomes();

    assertThat(outcomes.completerResponse()).isEqualTo(Proportion.of(1, 2));
    assertThat(outcomes.completerRemission()).isEqualTo(Proportion.of(1, 2));
    assertThat(outcomes.completedWithFinalMeasure()).isEqualTo(3);
  }

  @Test
  void allWhoStartedCarriesTheLastScoreAndAddsDiscontinuedCases() {
    OutcomeSummary outcomes = CohortReport.of(ALL).outcomes();

    // c-1, c-2, c-4 (baseline carried: no response), c-5 (response, no remission)
    assertThat(outcomes.startedResponse()).isEqualTo(Proportion.of(2, 4));
    assertThat(outcomes.startedRemission()).isEqualTo(Proportion.of(1, 4));
    assertThat(outcomes.discontinuedWithFinalMeasure()).isEqualTo(1);
    assertThat(outcomes.discontinuedCasesWithFinalMeasure()).isEqualTo(1);
  }

  @Test
  void nonCasesAndCoursesWithoutBaselineAreCountedAndInNoRate() {
    OutcomeSummary outcomes = CohortReport.of(ALL).outcomes();

    assertThat(outcomes.acuteEnded()).isEqualTo(6);
    assertThat(outcomes.acuteNotCaseAtBaseline()).isEqualTo(1);
    assertThat(outcomes.acuteNoBaseline()).isEqualTo(1);
  }

  @Test
  void ongoingCoursesAreInNoOutcomeDenominator() {
    OutcomeSummary with = CohortReport.of(ALL).outcomes();
    OutcomeSummary without = CohortReport.of(ALL.stream()
        .filter(r -> r.status() != CourseStatus.ONGOING).toList()).outcomes();

    assertThat(with.courses()).isEqualTo(without.courses() + 2);
    assertThat(with.byStatus()).containsEntry(CourseStatus.ONGOING, 2L);
    assertThat(OutcomeSummary.builder().from(with).courses(without.courses())
        .byStatus(without.byStatus()).build()).isEqualTo(without);
  }

  @Test
  void theCompleterShareIsOverCompletedAndDiscontinuedCourses() {
    // c-1, c-2, c-3 completers; c-4, c-5, c-6 not; ONGOING c-7 has none; m-* define none
    assertThat(CohortReport.of(ALL).completers()).isEqualTo(Proportion.of(3, 6));
  }

  @Test
  void maintenanceCoursesAreReportedOnTheirOwn() {
    OutcomeSummary outcomes = CohortReport.of(ALL).outcomes();

    assertThat(outcomes.maintenanceEnded()).isEqualTo(2);
    assertThat(outcomes.maintenanceStayedBelowCutOff()).isEqualTo(Proportion.of(1, 2));
    assertThat(outcomes.maintenanceDeteriorated()).isEqualTo(Proportion.of(1, 2));
    OutcomeSummary acuteOnly = CohortReport.of(ALL.stream()
        .filter(r -> !r.outcome().maintenanceOnly()).toList()).outcomes();
    assertThat(acuteOnly.startedResponse()).isEqualTo(outcomes.startedResponse());
    assertThat(acuteOnly.completerResponse()).isEqualTo(outcomes.completerResponse());
  }

  @Test
  void eachBlockIsGivenPerProfileAndPerTherapist() {
    CohortReport cohort = CohortReport.of(ALL);

    assertThat(cohort.byProfile().keySet()).containsExactly("ipt-acute-16", "ipt-m-monthly");
    assertThat(cohort.byProfile().get("ipt-m-monthly").maintenanceEnded()).isEqualTo(2);
    assertThat(cohort.byProfile().get("ipt-acute-16").startedResponse())
        .isEqualTo(Proportion.of(2, 4));
    TherapistSummary t1 = cohort.therapist(Optional.of("t-1")).orElseThrow();
    assertThat(t1.outcomes().completerResponse()).isEqualTo(Proportion.of(1, 2));
    assertThat(t1.outcomes().byStatus()).containsEntry(CourseStatus.ONGOING, 1L);
    TherapistSummary t2 = cohort.therapist(Optional.of("t-2")).orElseThrow();
    assertThat(t2.outcomes().startedResponse()).isEqualTo(Proportion.of(1, 2));
  }

  @Test
  void therapistAdherenceHasAnIntervalFromTwoCoursesOn() {
    CohortReport cohort = CohortReport.of(List.of(
        course("a").therapist("t").adherence(0.5).build(),
        course("b").therapist("t").adherence(0.9).build(),
        course("c").therapist("u").adherence(0.8).build()));
    TherapistSummary t = cohort.therapist(Optional.of("t")).orElseThrow();
    // mean 0.7, sd 0.2828, t(1) = 12.706: the interval is clipped to 0..1
    assertThat(t.meanAdherence()).isCloseTo(0.7, within(1e-12));
    assertThat(t.adherenceLower()).hasValue(0.0);
    assertThat(t.adherenceUpper()).hasValue(1.0);
    assertThat(cohort.therapist(Optional.of("u")).orElseThrow().adherenceLower()).isEmpty();
    assertThat(cohort.adherenceLower().getAsDouble()).isBetween(0.0, cohort.meanAdherence()
        .getAsDouble());
  }

  @Test
  void courseIdsWithErrorsAreSortedWithNumbersComparedAsNumbers() {
    CohortReport cohort = CohortReport.of(List.of(course("c-10").error().build(),
        course("c-9").error().build(), course("c-100").error().build(),
        course("b-2").error().build(), course("c-09").error().build()));

    assertThat(cohort.coursesWithErrors())
        .containsExactly("b-2", "c-09", "c-9", "c-10", "c-100");
    assertThat(CohortReport.COURSE_ID_ORDER.compare("x2y10", "x2y9")).isPositive();
    assertThat(CohortReport.COURSE_ID_ORDER.compare("a", "a1")).isNegative();
  }

  @Test
  void everyProportionInTheBlocksCarriesAWilsonInterval() {
    Proportion response = CohortReport.of(ALL).outcomes().startedResponse();
    assertThat(response.lower().getAsDouble()).isCloseTo(0.1500, within(0.0001));
    assertThat(response.upper().getAsDouble()).isCloseTo(0.8500, within(0.0001));
    assertThat(Map.of("rate", response.rate().getAsDouble())).containsEntry("rate", 0.5);
  }
}
