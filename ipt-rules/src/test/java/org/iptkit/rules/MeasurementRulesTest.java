package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.rules.EndingRulesTest.maintenanceCourse;
import static org.iptkit.rules.EndingRulesTest.with;
import static org.iptkit.rules.FocusRulesTest.check;
import static org.iptkit.rules.fixtures.ReferenceCourses.START;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;

import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.Attendance;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests of the measurement rules M01–M05, with the PHQ-9 of ipt-acute-16, the EPDS of
 * ipt-ppd-12, the PCL-5 of ipt-ptsd-14 and the monthly sessions of ipt-m-monthly.
 */
class MeasurementRulesTest {

  /**
   * The first {@code sessions} sessions of the acute-16 reference as a COMPLETED course of
   * {@code protocol}, measured only with {@code instrument}: {@code totals} are pairs of session
   * number and total.
   */
  static TreatmentCourse measured(int sessions, String protocol, Instrument instrument,
      int... totals) {
    List<Session> kept = new ArrayList<>();
    for (Session session : acute16().sessions()) {
      if (session.number() > sessions) {
        continue;
      }
      Session copy = Session.copyOf(session).withMeasures();
      for (int i = 0; i < totals.length; i += 2) {
        if (totals[i] == session.number()) {
          copy = copy.withMeasures(Measure.ofTotal(instrument, totals[i + 1]));
        }
      }
      kept.add(copy);
    }
    return TreatmentCourse.copyOf(acute16()).withProtocol(protocol).withSessions(kept)
        .withEndedOn(dateOf(sessions));
  }

  /** A 12-session ipt-ppd-12 course with EPDS 18 → 14 → 10 → 7 in sessions 1, 5, 9 and 12. */
  static TreatmentCourse ppd12() {
    return measured(12, "ipt-ppd-12", Instrument.EPDS, 1, 18, 5, 14, 9, 10, 12, 7);
  }

  /** A 14-session ipt-ptsd-14 course with PCL-5 52 → 45 → 38 → 30 → 28 in 1, 5, 9, 13, 14. */
  static TreatmentCourse ptsd14() {
    return measured(14, "ipt-ptsd-14", Instrument.PCL5, 1, 52, 5, 45, 9, 38, 13, 30, 14, 28);
  }

  static TreatmentCourse withoutMeasures(TreatmentCourse course, int... numbers) {
    TreatmentCourse result = course;
    for (int number : numbers) {
      result = withSession(result, number, s -> s.withMeasures());
    }
    return result;
  }

  static TreatmentCourse withTotal(TreatmentCourse course, int number, Instrument instrument,
      int total) {
    return withSession(course, number, s -> s.withMeasures(Measure.ofTotal(instrument, total)));
  }

  static TreatmentCourse withScreening(TreatmentCourse course, Measure... measures) {
    return TreatmentCourse.copyOf(course).withMeasures(measures);
  }

  static Measure phq9On(java.time.LocalDate date, int total) {
    return Measure.builder().instrument(Instrument.PHQ9).total(total).date(date).build();
  }

  static TreatmentCourse withTask(TreatmentCourse course, int number, SessionTask task) {
    return withSession(course, number, s -> s.withTasks(with(s.tasks(), task)));
  }

  static TreatmentCourse noSessions() {
    return TreatmentCourse.copyOf(acute16Ongoing(1)).withSessions();
  }

  @Nested
  class M01 {
    @Test
    void m01ReportsAFirstSessionWithoutThePrimaryInstrument() {
      RuleResult result = check(withoutMeasures(acute16(), 1), "M01");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("M01");
        assertThat(f.name()).isEqualTo("baseline-measure");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/sessions/0/measures");
        assertThat(f.session()).hasValue(1);
        assertThat(f.protocolPath()).contains("/measurement/primary");
        assertThat(f.message()).isEqualTo(
            "PHQ-9 was not recorded in the first session (1) nor within 14 days before it");
      });
    }

    @Test
    void m01AcceptsADatedScreeningWithin14DaysBeforeTheFirstSession() {
      TreatmentCourse course = withoutMeasures(acute16(), 1);
      assertThat(check(withScreening(course, phq9On(START.minusDays(14), 17)), "M01").outcome())
          .isEqualTo(RuleOutcome.PASS);
      assertThat(check(withScreening(course, phq9On(START.minusDays(15), 17)), "M01").outcome())
          .isEqualTo(RuleOutcome.FINDINGS);
      assertThat(check(withScreening(course, phq9On(START.plusDays(1), 17)), "M01").outcome())
          .isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void m01ReadsTheProfilesPrimaryInstrument() {
      assertThat(check(ppd12(), Protocols.IPT_PPD_12, "M01").outcome())
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse phq9First = withTotal(ppd12(), 1, Instrument.PHQ9, 16);
      assertThat(check(phq9First, Protocols.IPT_PPD_12, "M01").findings()).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("EPDS was not recorded"));
      assertThat(check(ptsd14(), Protocols.IPT_PTSD_14, "M01").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m01ExpectsTheBaselineInThePreGroupSession() {
      TreatmentCourse preGroup = withSession(acute16(), 1, s -> s.withPhase(Phase.PRE_GROUP));
      assertThat(check(preGroup, Protocols.GROUP_IPT_8, "M01").outcome())
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse late = withTotal(withoutMeasures(preGroup, 1), 2, Instrument.PHQ9, 16);
      assertThat(check(late, Protocols.GROUP_IPT_8, "M01").findings()).singleElement()
          .satisfies(f -> assertThat(f.path()).isEqualTo("/sessions/0/measures"));
    }

    @Test
    void m01PassesTheMaintenanceCourse() {
      assertThat(check(maintenanceCourse(), Protocols.IPT_M_MONTHLY, "M01").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m01DoesNotApplyWithoutAttendedSessions() {
      RuleResult result = check(noSessions(), "M01");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no attended sessions");
    }
  }

  @Nested
  class M02 {
    @Test
    void m02ReportsTooManySessionsBetweenTwoMeasures() {
      RuleResult result = check(withoutMeasures(acute16(), 5), "M02");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("M02");
        assertThat(f.name()).isEqualTo("measure-interval");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/sessions/4/measures");
        assertThat(f.session()).hasValue(5);
        assertThat(f.protocolPath()).contains("/measurement/maxInterval");
        assertThat(f.message()).isEqualTo("PHQ-9 was due by session 5 but after session 1 it"
            + " was next recorded in session 9, 8 attended sessions later; the protocol asks"
            + " for it at least every 4 attended sessions");
      });
    }

    @Test
    void m02ReportsTheStretchFromTheLastMeasureToTheEndOfACompletedCourse() {
      RuleResult result = check(withoutMeasures(acute16(), 13, 16), "M02");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/sessions/12/measures");
        assertThat(f.message()).isEqualTo("PHQ-9 was due by session 13 but its last record was"
            + " session 9, 7 attended sessions before the last session 16; the protocol asks"
            + " for it at least every 4 attended sessions");
      });
    }

    @Test
    void m02ReportsTheTrailingStretchOfAnOngoingCourseOnlyOnceOverdue() {
      assertThat(check(acute16Ongoing(12), "M02").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(withoutMeasures(acute16Ongoing(13), 13), "M02").outcome())
          .isEqualTo(RuleOutcome.PASS);
      RuleResult overdue = check(withoutMeasures(acute16Ongoing(14), 13), "M02");
      assertThat(overdue.findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/sessions/12/measures");
        assertThat(f.message()).isEqualTo("PHQ-9 is overdue since session 13: its last record"
            + " was session 9, 5 attended sessions before the latest session 14; the protocol"
            + " asks for it at least every 4 attended sessions");
      });
    }

    @Test
    void m02CountsAttendedSessionsOnly() {
      TreatmentCourse course = withoutMeasures(acute16(), 5);
      for (int n = 5; n <= 8; n++) {
        course = withSession(course, n, s -> s.withTasks().withTechniques().withFocus()
            .withMinutes(java.util.OptionalInt.empty()).withAttendance(Attendance.CANCELLED));
      }
      // Sessions 1 and 9 are four attended sessions apart (2, 3, 4, 9).
      assertThat(check(course, "M02").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m02LetsADatedScreeningStandForTheFirstSession() {
      TreatmentCourse screened = withScreening(withoutMeasures(acute16(), 1),
          phq9On(START.minusDays(7), 17));
      assertThat(check(screened, "M02").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(withoutMeasures(screened, 5), "M02").findings()).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("PHQ-9 was due by session 5 but"
              + " after the screening before session 1 it was next recorded in session 9"));
    }

    @Test
    void m02ReadsTheProfilesIntervalAndInstrument() {
      assertThat(check(maintenanceCourse(), Protocols.IPT_M_MONTHLY, "M02").outcome())
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse late = withTotal(withoutMeasures(maintenanceCourse(), 4), 5,
          Instrument.PHQ9, 5);
      assertThat(check(late, Protocols.IPT_M_MONTHLY, "M02").findings()).singleElement()
          .satisfies(f -> {
            assertThat(f.path()).isEqualTo("/sessions/3/measures");
            assertThat(f.message()).contains("due by session 4", "at least every 3 attended");
          });
      assertThat(check(ptsd14(), Protocols.IPT_PTSD_14, "M02").outcome())
          .isEqualTo(RuleOutcome.PASS);
      assertThat(check(withoutMeasures(ppd12(), 9), Protocols.IPT_PPD_12, "M02").findings())
          .singleElement().satisfies(f -> assertThat(f.message()).startsWith("EPDS was due by"
              + " session 9 but after session 5 it was next recorded in session 12"));
    }

    @Test
    void m02DoesNotApplyWhenThePrimaryInstrumentIsNeverRecordedInASession() {
      RuleResult result = check(acute16(), Protocols.IPT_PPD_12, "M02");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("EPDS was never recorded in a session");
      assertThat(check(noSessions(), "M02").reason()).contains("no attended sessions");
    }
  }

  @Nested
  class M03 {
    @Test
    void m03ReportsACompletedCourseWithoutAFinalMeasure() {
      RuleResult result = check(withoutMeasures(acute16(), 16), "M03");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("M03");
        assertThat(f.name()).isEqualTo("final-measure");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/sessions/15/measures");
        assertThat(f.session()).hasValue(16);
        assertThat(f.protocolPath()).contains("/measurement/primary");
        assertThat(f.message()).isEqualTo(
            "PHQ-9 was not recorded in either of the last two sessions (15 and 16)");
      });
    }

    @Test
    void m03AcceptsTheMeasureInTheSecondToLastSession() {
      TreatmentCourse course = withTotal(withoutMeasures(acute16(), 16), 15, Instrument.PHQ9, 4);
      assertThat(check(course, "M03").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16(), "M03").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m03ReadsTheProfilesPrimaryInstrument() {
      assertThat(check(ppd12(), Protocols.IPT_PPD_12, "M03").outcome())
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse phq9Last = withTotal(ppd12(), 12, Instrument.PHQ9, 4);
      assertThat(check(phq9Last, Protocols.IPT_PPD_12, "M03").findings()).singleElement()
          .satisfies(f -> assertThat(f.message()).isEqualTo(
              "EPDS was not recorded in either of the last two sessions (11 and 12)"));
      assertThat(check(ptsd14(), Protocols.IPT_PTSD_14, "M03").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m03DoesNotApplyToAnOngoingCourse() {
      RuleResult result = check(withoutMeasures(acute16Ongoing(15), 13), "M03");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("course is not completed");
    }
  }

  @Nested
  class M04 {
    private final TreatmentCourse epdsItem10 = withSession(ppd12(), 1, s -> s.withMeasures(
        Measure.ofItems(Instrument.EPDS, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2)));

    @Test
    void m04ReportsAPositiveEpdsItem10WithoutRiskAssessment() {
      RuleResult result = check(epdsItem10, Protocols.IPT_PPD_12, "M04");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("M04");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/sessions/0/measures/0");
        assertThat(f.session()).hasValue(1);
        assertThat(f.message()).isEqualTo(
            "EPDS item 10 scored 2 in session 1 but no risk assessment was recorded");
      });
    }

    @Test
    void m04PassesAPositiveItemFollowedByARiskAssessment() {
      TreatmentCourse assessed = withTask(epdsItem10, 1, SessionTask.RISK_ASSESSED);
      assertThat(check(assessed, Protocols.IPT_PPD_12, "M04").outcome())
          .isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16(), "M04").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m04DoesNotApplyWhenNoSafetyItemWasScored() {
      RuleResult result = check(ptsd14(), Protocols.IPT_PTSD_14, "M04");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no safety item was scored");
      // Totals alone do not show the safety item either.
      assertThat(check(ppd12(), Protocols.IPT_PPD_12, "M04").outcome())
          .isEqualTo(RuleOutcome.NOT_APPLICABLE);
    }

    /** A PHQ-9 screening with item 9 scored 1, dated {@code date}. */
    private Measure positiveScreening(java.time.LocalDate date) {
      return Measure.builder().from(Measure.ofItems(Instrument.PHQ9, 2, 2, 2, 2, 2, 2, 2, 1, 1))
          .date(date).build();
    }

    @Test
    void m04ReportsAPositiveScreeningNotFollowedUpInTheNextSession() {
      TreatmentCourse screened = withScreening(acute16(), positiveScreening(dateOf(1).minusDays(3)));
      assertThat(check(screened, "M04").findings()).singleElement().satisfies(f -> {
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/measures/0");
        assertThat(f.session()).hasValue(1);
        assertThat(f.message()).isEqualTo("PHQ-9 item 9 scored 1 in a measure taken outside a"
            + " session but no risk assessment was recorded in the next session (1)");
      });
      // Between sessions 4 and 5: session 5 is the one that follows it up.
      TreatmentCourse between = withScreening(acute16(), positiveScreening(dateOf(4).plusDays(2)));
      assertThat(check(between, "M04").findings()).singleElement()
          .satisfies(f -> assertThat(f.session()).hasValue(5));
      assertThat(check(withTask(between, 4, SessionTask.RISK_ASSESSED), "M04").outcome())
          .isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void m04PassesAPositiveScreeningAssessedInTheFirstSessionOnOrAfterIt() {
      TreatmentCourse screened = withScreening(acute16(), positiveScreening(dateOf(1)));
      assertThat(check(withTask(screened, 1, SessionTask.RISK_ASSESSED), "M04").outcome())
          .isEqualTo(RuleOutcome.PASS);
      // A negative screening needs no assessment.
      TreatmentCourse negative = withScreening(acute16(), Measure.builder()
          .from(Measure.ofItems(Instrument.PHQ9, 2, 2, 2, 2, 2, 2, 2, 1, 0)).date(dateOf(1))
          .build());
      assertThat(check(negative, "M04").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m04WaitsForTheNextSessionOfAnOngoingCourseButNotOfAnEndedOne() {
      TreatmentCourse ongoing = withScreening(acute16Ongoing(4),
          positiveScreening(dateOf(4).plusDays(2)));
      assertThat(check(ongoing, "M04").outcome()).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse ended = TreatmentCourse.builder().from(ongoing)
          .status(CourseStatus.DISCONTINUED).build();
      assertThat(check(ended, "M04").findings()).singleElement().satisfies(f -> {
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).endsWith("and no session followed in which to assess the risk");
      });
      // The agenda of the ongoing course asks for it in the next session.
      assertThat(FidelityChecker.of(Protocols.IPT_ACUTE_16).agenda(ongoing).due())
          .anySatisfy(item -> {
            assertThat(item.rule()).contains("M04");
            assertThat(item.task()).contains(SessionTask.RISK_ASSESSED);
            assertThat(item.message()).startsWith("assess suicide risk in this session: PHQ-9"
                + " item 9 scored 1 in a measure taken outside a session");
          });
    }

    @Test
    void m04ReportsASkippedSafetyQuestion() {
      // PHQ-9 item 9 left unanswered while the other eight were answered.
      TreatmentCourse skipped = withSession(acute16(), 5, s -> s.withMeasures(
          Measure.ofAnswers(Instrument.PHQ9, 2, 2, 1, 1, 1, 2, 1, 1, null)));
      assertThat(check(skipped, "M04").findings()).singleElement().satisfies(f -> {
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/sessions/4/measures/0/items/8");
        assertThat(f.session()).hasValue(5);
        assertThat(f.message()).isEqualTo("PHQ-9 item 9 was left unanswered in session 5 while"
            + " other items were answered: the safety question was skipped");
      });
    }

    @Test
    void m04PassesAFormWhoseSafetyQuestionWasAnswered() {
      // Another item unanswered, the safety item answered 0: nothing to follow up.
      TreatmentCourse partly = withSession(acute16(), 5, s -> s.withMeasures(
          Measure.ofAnswers(Instrument.PHQ9, 2, null, 1, 1, 1, 2, 1, 1, 0)));
      assertThat(check(partly, "M04").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m04DoesNotJudgeASkippedItemOfAFormWithoutASafetyItem() {
      // GAD-7 has no safety item; a form of totals only has no items to judge.
      TreatmentCourse gad = withSession(ptsd14(), 5, s -> s.withMeasures(
          Measure.ofAnswers(Instrument.GAD7, 2, 2, 1, 1, 1, 2, null)));
      assertThat(check(gad, Protocols.IPT_PTSD_14, "M04").outcome())
          .isEqualTo(RuleOutcome.NOT_APPLICABLE);
    }

    @Test
    void m04IsMandatoryAtError() {
      RuleInfo m04 = RuleCatalog.get("M04");
      assertThat(m04.mandatory()).isTrue();
      assertThat(m04.minimumSeverity()).isEqualTo(Severity.ERROR);
      assertThat(m04.allowedSettings()).containsExactly(RuleSetting.ERROR);
      assertThat(RuleCatalog.get("M05").allowedSettings()).containsExactly(RuleSetting.values());
      assertThatThrownBy(() -> FidelityChecker.builder(Protocols.IPT_ACUTE_16)
          .severity("M04", Severity.INFO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("rule M04 (safety-item-followed-up) cannot be lowered to INFO: it is"
              + " mandatory at ERROR");
      assertThatThrownBy(() -> ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("quiet-trial").putRule("M04", RuleSetting.WARNING).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rule M04 (safety-item-followed-up) cannot be lowered to WARNING");
      // Confirming its severity is allowed, and lowering another rule still is.
      assertThat(FidelityChecker.builder(Protocols.IPT_ACUTE_16).severity("M04", Severity.ERROR)
          .severity("M05", Severity.INFO).build().severityOf("M05")).isEqualTo(Severity.INFO);
    }
  }

  @Nested
  class M05 {
    private final TreatmentCourse worse = withTotal(acute16(), 7, Instrument.PHQ9, 21);

    @Test
    void m05ReportsADeteriorationWithoutATreatmentPlanReview() {
      RuleResult result = check(worse, "M05");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("M05");
        assertThat(f.name()).isEqualTo("deterioration");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/sessions/6/measures/0");
        assertThat(f.session()).hasValue(7);
        assertThat(f.protocolPath()).contains("/measurement/deteriorationPoints");
        assertThat(f.message()).isEqualTo("PHQ-9 total of 21 in session 7 is 8 points above"
            + " the lowest earlier total of 13 (session 5), but no treatment plan review was"
            + " recorded in that session or the next two");
      });
    }

    @Test
    void m05SaysWhichOfTheTotalsItQuotesAreProrated() {
      // 19 over 8 answered items, times 9: 21.4, prorated to 21; 10 over 7: 12.9, to 13
      TreatmentCourse prorated = withSession(withSession(acute16(), 7, s -> s.withMeasures(
          Measure.ofAnswers(Instrument.PHQ9, 3, 3, 3, 3, 3, 2, 2, null, 0))), 5,
          s -> s.withMeasures(Measure.ofAnswers(Instrument.PHQ9, 2, 2, 2, 2, 1, 1, null, null, 0)));

      assertThat(check(prorated, "M05").findings()).singleElement().satisfies(f ->
          assertThat(f.message()).isEqualTo("PHQ-9 total of 21 (prorated) in session 7 is 8"
              + " points above the lowest earlier total of 13 (session 5, prorated), but no"
              + " treatment plan review was recorded in that session or the next two"));
    }

    @Test
    void m05AcceptsAReviewInTheSameOrOneOfTheNextTwoSessions() {
      for (int n = 7; n <= 9; n++) {
        assertThat(check(withTask(worse, n, SessionTask.TREATMENT_PLAN_REVIEWED), "M05")
            .outcome()).isEqualTo(RuleOutcome.PASS);
      }
      assertThat(check(withTask(worse, 10, SessionTask.TREATMENT_PLAN_REVIEWED), "M05")
          .outcome()).isEqualTo(RuleOutcome.FINDINGS);
      // PHQ-9 reliable change is 6 points: 18 is 5 above the lowest earlier total of 13.
      assertThat(check(withTotal(acute16(), 7, Instrument.PHQ9, 18), "M05").outcome())
          .isEqualTo(RuleOutcome.PASS);
      assertThat(check(withTotal(acute16(), 7, Instrument.PHQ9, 19), "M05").outcome())
          .isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void m05WaitsForTheNextTwoSessionsOfAnOngoingCourse() {
      TreatmentCourse ongoing = withTotal(acute16Ongoing(8), 7, Instrument.PHQ9, 21);
      assertThat(check(ongoing, "M05").outcome()).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse due = withTotal(acute16Ongoing(9), 7, Instrument.PHQ9, 21);
      assertThat(check(due, "M05").outcome()).isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void m05ReadsTheThresholdOfTheInstrumentOrTheProfile() {
      assertThat(check(withTotal(ptsd14(), 7, Instrument.PCL5, 54), Protocols.IPT_PTSD_14,
          "M05").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(withTotal(ptsd14(), 7, Instrument.PCL5, 55), Protocols.IPT_PTSD_14,
          "M05").findings()).singleElement().satisfies(f -> assertThat(f.message())
              .startsWith("PCL-5 total of 55 in session 7 is 10 points above the lowest earlier"
                  + " total of 45 (session 5)"));
      assertThat(check(withTotal(ppd12(), 6, Instrument.EPDS, 22), Protocols.IPT_PPD_12, "M05")
          .outcome()).isEqualTo(RuleOutcome.FINDINGS);
      ProtocolProfile strict = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("strict-trial").deteriorationPoints(3).build();
      assertThat(check(withTotal(acute16(), 7, Instrument.PHQ9, 16), strict, "M05").outcome())
          .isEqualTo(RuleOutcome.FINDINGS);
      assertThat(check(withTotal(acute16(), 7, Instrument.PHQ9, 16), "M05").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m05FollowsUpAMeasureTakenOutsideASession() {
      TreatmentCourse course = withScreening(acute16(), phq9On(dateOf(6).plusDays(3), 22));
      RuleResult result = check(course, "M05");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/measures/0");
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).isEqualTo("PHQ-9 total of 22 recorded outside a session is 9"
            + " points above the lowest earlier total of 13 (session 5), but no treatment plan"
            + " review was recorded in the next two sessions");
      });
      assertThat(check(withTask(course, 8, SessionTask.TREATMENT_PLAN_REVIEWED), "M05")
          .outcome()).isEqualTo(RuleOutcome.PASS);
      // Between sessions 6 and 7 it has no same session: 7 and 8 are the next two, 9 is late.
      assertThat(check(withTask(course, 9, SessionTask.TREATMENT_PLAN_REVIEWED), "M05")
          .outcome()).isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void m05CountsASessionOnTheDayOfAMeasureTakenOutsideItAsItsSameSession() {
      TreatmentCourse course = withScreening(acute16(), phq9On(dateOf(7), 22));
      assertThat(check(course, "M05").findings()).singleElement().satisfies(f -> assertThat(
          f.message()).endsWith("recorded in the session of that day or the next two"));
      assertThat(check(withTask(course, 9, SessionTask.TREATMENT_PLAN_REVIEWED), "M05")
          .outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(withTask(course, 10, SessionTask.TREATMENT_PLAN_REVIEWED), "M05")
          .outcome()).isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void m05ChecksMaintenanceSessions() {
      TreatmentCourse worseMaintenance = withTotal(maintenanceCourse(), 4, Instrument.PHQ9, 19);
      assertThat(check(worseMaintenance, Protocols.IPT_M_MONTHLY, "M05").findings())
          .singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("/sessions/3/measures/0"));
      assertThat(check(maintenanceCourse(), Protocols.IPT_M_MONTHLY, "M05").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    /** PHQ-9 15 in session 1, {@code middle} in session 5, {@code late} in session 9. */
    private TreatmentCourse trajectory(int middle, int late) {
      return withTotal(withTotal(withTotal(withoutMeasures(acute16(), 13, 16), 1,
          Instrument.PHQ9, 15), 5, Instrument.PHQ9, middle), 9, Instrument.PHQ9, late);
    }

    @Test
    void m05CatchesARelapseAfterAnEarlyResponse() {
      // 15 -> 4 -> 12: still below the baseline, but 8 points above the lowest earlier total.
      assertThat(check(trajectory(4, 12), "M05").findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/sessions/8/measures/0");
        assertThat(f.message()).startsWith("PHQ-9 total of 12 in session 9 is 8 points above the"
            + " lowest earlier total of 4 (session 5)");
      });
      assertThat(check(withTask(trajectory(4, 12), 10, SessionTask.TREATMENT_PLAN_REVIEWED),
          "M05").outcome()).isEqualTo(RuleOutcome.PASS);
      // 15 -> 4 -> 9 rises 5 points, less than PHQ-9 reliable change.
      assertThat(check(trajectory(4, 9), "M05").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void m05DefaultsAreThoseOfReliableChangeForPhq9AndGad7() {
      assertThat(Protocols.IPT_ACUTE_16.deteriorationThreshold()).isEqualTo(6);
      ProtocolProfile anxiety = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("gad7-trial").primaryInstrument(Instrument.GAD7).build();
      assertThat(anxiety.deteriorationThreshold()).isEqualTo(4);
      assertThat(Protocols.IPT_PPD_12.deteriorationThreshold()).isEqualTo(4);
      assertThat(Protocols.IPT_PTSD_14.deteriorationThreshold()).isEqualTo(10);
    }

    @Test
    void m05DoesNotApplyWithoutAScoreAfterBaseline() {
      RuleResult onlyBaseline = check(acute16Ongoing(4), "M05");
      assertThat(onlyBaseline.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(onlyBaseline.reason()).contains("no primary measure after baseline");
      assertThat(check(acute16(), Protocols.IPT_PTSD_14, "M05").reason())
          .contains("no primary measure recorded");
    }
  }

  @Nested
  class MaintenanceProfile {
    @Test
    void theMaintenanceProfileChecksMeasuresButNotTheAcutePhases() {
      FidelityReport report = FidelityChecker.of(Protocols.IPT_M_MONTHLY)
          .check(maintenanceCourse());
      for (String code : List.of("M01", "M02", "M04", "M05")) {
        assertThat(report.result(code).orElseThrow().outcome()).isEqualTo(RuleOutcome.PASS);
      }
      assertThat(report.result("M03").orElseThrow().reason()).contains("course is not completed");
      for (String code : List.of("F05", "F06", "T02", "T03")) {
        assertThat(report.result(code).orElseThrow().reason())
            .contains("the profile has no acute phases");
      }
    }

    @Test
    void aMaintenanceCourseStatusChangesOnlyWhatIsDue() {
      TreatmentCourse completed = TreatmentCourse.copyOf(maintenanceCourse())
          .withStatus(CourseStatus.COMPLETED);
      FidelityReport report = FidelityChecker.of(Protocols.IPT_M_MONTHLY).check(completed);
      // Completed, the course now owes a final PHQ-9: sessions 5 and 6 (the last two) lack it.
      assertThat(report.result("M03").orElseThrow().outcome()).isEqualTo(RuleOutcome.FINDINGS);
      assertThat(report.result("M02").orElseThrow().outcome()).isEqualTo(RuleOutcome.PASS);
    }
  }
}
