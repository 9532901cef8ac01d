package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;

import io.vavr.control.Validation;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.SeverityBand;
import org.iptkit.core.Setting;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FidelityReportTest {
  private static final FidelityChecker ACUTE = FidelityChecker.of(Protocols.IPT_ACUTE_16);

  private static TreatmentCourse firstSessions(int count, CourseStatus status) {
    TreatmentCourse ongoing = acute16Ongoing(count);
    return TreatmentCourse.copyOf(ongoing).withStatus(status);
  }

  @Nested
  class ClinicalOutcomeOfTheCourse {
    @Test
    void theReferenceCourseRespondsAndRemits() {
      ClinicalOutcome outcome = ACUTE.check(acute16()).outcome();
      assertThat(outcome.instrument()).isEqualTo(Instrument.PHQ9);
      assertThat(outcome.baseline()).hasValue(16);
      assertThat(outcome.last()).hasValue(4);
      assertThat(outcome.change()).hasValue(-12);
      assertThat(outcome.baselineBand()).contains(SeverityBand.MODERATELY_SEVERE);
      assertThat(outcome.lastBand()).contains(SeverityBand.MINIMAL);
      assertThat(outcome.response()).contains(true);
      assertThat(outcome.remission()).contains(true);
      assertThat(outcome.sessionsAttended()).isEqualTo(16);
      assertThat(outcome.sessionsPlanned()).hasValue(16);
      assertThat(outcome.completer()).contains(true);
    }

    @Test
    void lessThanHalvingTheBaselineIsNeitherResponseNorRemission() {
      TreatmentCourse course = withSession(acute16(), 16,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, 9)));
      ClinicalOutcome outcome = ACUTE.check(course).outcome();
      assertThat(outcome.last()).hasValue(9);
      assertThat(outcome.change()).hasValue(-7);
      assertThat(outcome.lastBand()).contains(SeverityBand.MILD);
      assertThat(outcome.response()).contains(false);
      assertThat(outcome.remission()).contains(false);
    }

    @Test
    void halvingTheBaselineExactlyIsAResponseButNotRemission() {
      TreatmentCourse course = withSession(acute16(), 16,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, 8)));
      ClinicalOutcome outcome = ACUTE.check(course).outcome();
      assertThat(outcome.response()).contains(true);
      assertThat(outcome.remission()).contains(false);
    }

    @Test
    void withOnlyABaselineThereIsNoLastScoreResponseOrRemission() {
      ClinicalOutcome outcome = ACUTE.check(acute16Ongoing(4)).outcome();
      assertThat(outcome.baseline()).hasValue(16);
      assertThat(outcome.last()).isEmpty();
      assertThat(outcome.change()).isEmpty();
      assertThat(outcome.response()).isEmpty();
      assertThat(outcome.remission()).isEmpty();
      assertThat(outcome.sessionsAttended()).isEqualTo(4);
      assertThat(outcome.completer()).contains(false);
    }

    @Test
    void aProfileWithAnotherPrimaryInstrumentFindsNoScores() {
      ClinicalOutcome outcome = FidelityChecker.of(Protocols.IPT_PTSD_14).check(acute16())
          .outcome();
      assertThat(outcome.instrument()).isEqualTo(Instrument.PCL5);
      assertThat(outcome.baseline()).isEmpty();
      assertThat(outcome.baselineBand()).isEmpty();
    }

    @Test
    void aScreeningBeforeTheFirstSessionIsTheBaseline() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withMeasures(
          Measure.builder().from(Measure.ofTotal(Instrument.PHQ9, 20))
              .date(dateOf(1).minusDays(7)).build());
      ClinicalOutcome outcome = ACUTE.check(course).outcome();
      assertThat(outcome.baseline()).hasValue(20);
      assertThat(outcome.baselineBand()).contains(SeverityBand.SEVERE);
      assertThat(outcome.change()).hasValue(-16);
    }

    @Test
    void completersNeedTheProfilesMinimumOfSessions() {
      assertThat(ACUTE.check(firstSessions(11, CourseStatus.COMPLETED)).outcome().completer())
          .contains(false);
      assertThat(ACUTE.check(firstSessions(12, CourseStatus.COMPLETED)).outcome().completer())
          .contains(true);
    }

    @Test
    void completersMayAlsoNeedWeeksInTreatment() {
      // Sessions 1–16 span 105 days: exactly 15 weeks.
      ProtocolProfile fifteenWeeks = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("weeks-15").completerMinWeeks(15).build();
      ProtocolProfile sixteenWeeks = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("weeks-16").completerMinWeeks(16).build();
      assertThat(FidelityChecker.of(fifteenWeeks).check(acute16()).outcome().completer())
          .contains(true);
      assertThat(FidelityChecker.of(sixteenWeeks).check(acute16()).outcome().completer())
          .contains(false);
    }

    @Test
    void aProfileWithoutACompleterDefinitionLeavesItEmpty() {
      assertThat(FidelityChecker.of(Protocols.IPT_M_MONTHLY).check(acute16()).outcome()
          .completer()).isEmpty();
    }

    @Test
    void plannedSessionsComeFromTheLatestAcuteContract() {
      TreatmentCourse noContract = TreatmentCourse.copyOf(acute16())
          .withContracts(List.of());
      assertThat(ACUTE.check(noContract).outcome().sessionsPlanned()).isEmpty();
      TreatmentCourse renegotiated = TreatmentCourse.copyOf(acute16()).withContracts(
          acute16().contracts().get(0),
          Contract.builder().kind(ContractKind.ACUTE).agreedOn(dateOf(8)).plannedSessions(14)
              .build(),
          Contract.builder().kind(ContractKind.MAINTENANCE).agreedOn(dateOf(16))
              .plannedSessions(6).build());
      assertThat(ACUTE.check(renegotiated).outcome().sessionsPlanned()).hasValue(14);
    }

    @Test
    void withoutAcutePhasesPlannedSessionsComeFromTheMaintenanceContractInForce() {
      FidelityChecker monthly = FidelityChecker.of(Protocols.IPT_M_MONTHLY);
      TreatmentCourse course = EndingRulesTest.maintenanceCourse();
      assertThat(monthly.check(course).outcome().sessionsPlanned()).hasValue(12);
      assertThat(monthly.check(course).outcome().sessionsAttended()).isEqualTo(6);
      // The same contract the agenda counts against.
      assertThat(monthly.agenda(course).plannedSessions()).hasValue(12);
      // An ACUTE contract is not a maintenance plan; a later CONTINUATION contract is.
      TreatmentCourse withAcute = TreatmentCourse.copyOf(course).withContracts(
          Contract.builder().kind(ContractKind.ACUTE).agreedOn(dateOf(1)).plannedSessions(16)
              .build());
      assertThat(monthly.check(withAcute).outcome().sessionsPlanned()).isEmpty();
      TreatmentCourse continued = TreatmentCourse.copyOf(course).withContracts(
          course.contracts().get(0), Contract.builder().kind(ContractKind.CONTINUATION)
              .agreedOn(course.contracts().get(0).agreedOn().plusDays(1)).plannedSessions(8)
              .build());
      assertThat(monthly.check(continued).outcome().sessionsPlanned()).hasValue(8);
      // Under an acute profile the same course's plan is the (absent) ACUTE contract's.
      assertThat(ACUTE.check(course).outcome().sessionsPlanned()).isEmpty();
    }

    @Test
    void preGroupSessionsAreNotCountedAsAttended() {
      List<Session> sessions = new ArrayList<>();
      sessions.add(Session.builder().number(1).date(dateOf(1)).attendance(Attendance.ATTENDED)
          .phase(Phase.PRE_GROUP).setting(Setting.INDIVIDUAL).build());
      for (int n = 2; n <= 9; n++) {
        Phase phase = n == 2 ? Phase.INITIAL : n == 9 ? Phase.TERMINATION : Phase.MIDDLE;
        sessions.add(Session.builder().number(n).date(dateOf(n)).attendance(Attendance.ATTENDED)
            .phase(phase).setting(Setting.GROUP).build());
      }
      TreatmentCourse group = TreatmentCourse.builder().courseId("g-1").protocol("group-ipt-8")
          .status(CourseStatus.COMPLETED).sessions(sessions).build();
      ClinicalOutcome outcome = FidelityChecker.of(Protocols.GROUP_IPT_8).check(group).outcome();
      assertThat(outcome.sessionsAttended()).isEqualTo(8);
      assertThat(outcome.completer()).contains(true);
    }
  }

  @Nested
  class VavrBridge {
    @Test
    void aCleanCourseIsValid() {
      FidelityReport report = ACUTE.check(acute16());
      Validation<Seq<Finding>, FidelityReport> validation = report.toValidation(Severity.INFO);
      assertThat(validation.isValid()).isTrue();
      assertThat(validation.get()).isSameAs(report);
    }

    @Test
    void findingsAtOrAboveTheThresholdMakeItInvalid() {
      TreatmentCourse course = withSession(acute16(), 1, s -> s.withMeasures(
          Measure.ofItems(Instrument.PHQ9, 3, 2, 2, 2, 2, 2, 2, 1, 2)));
      FidelityReport report = ACUTE.check(course);
      Validation<Seq<Finding>, FidelityReport> validation = report.toValidation(Severity.ERROR);
      assertThat(validation.isInvalid()).isTrue();
      assertThat(validation.getError().toJavaList())
          .isEqualTo(report.findingsAtLeast(Severity.ERROR))
          .anySatisfy(f -> assertThat(f.rule()).isEqualTo("M04"));
    }

    @Test
    void findingsBelowTheThresholdLeaveItValid() {
      // A proscribed technique (T01, WARNING) lowered to INFO; M04 could not be lowered.
      TreatmentCourse course = withSession(acute16(), 5, s -> s.withTechniques(
          org.iptkit.core.Technique.DREAM_INTERPRETATION,
          org.iptkit.core.Technique.COMMUNICATION_ANALYSIS));
      FidelityChecker lowered = FidelityChecker.builder(Protocols.IPT_ACUTE_16)
          .severity("T01", Severity.INFO).build();
      FidelityReport report = lowered.check(course);
      assertThat(report.findings()).extracting(Finding::rule).containsExactly("T01");
      assertThat(report.hasFindingsAtLeast(Severity.ERROR)).isFalse();
      assertThat(report.toValidation(Severity.WARNING).isValid()).isTrue();
      assertThat(report.toValidation(Severity.INFO).isInvalid()).isTrue();
    }
  }

  @Test
  void toStringShowsNoCourseIdOrTherapist() {
    String text = ACUTE.check(acute16()).toString();
    assertThat(text).doesNotContain("ref-acute-16", "th-1").contains("ipt-acute-16");
  }
}
