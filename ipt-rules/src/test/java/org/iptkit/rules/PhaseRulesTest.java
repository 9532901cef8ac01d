package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.StructureRulesTest.assertFinding;
import static org.iptkit.rules.StructureRulesTest.findings;
import static org.iptkit.rules.StructureRulesTest.groupIpt8;
import static org.iptkit.rules.StructureRulesTest.missed;
import static org.iptkit.rules.StructureRulesTest.monthly;
import static org.iptkit.rules.StructureRulesTest.onlyFinding;
import static org.iptkit.rules.StructureRulesTest.outcome;
import static org.iptkit.rules.StructureRulesTest.reason;
import static org.iptkit.rules.StructureRulesTest.reshaped;
import static org.iptkit.rules.StructureRulesTest.withContract;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;

import java.util.List;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Frequency;
import org.iptkit.core.Session;
import org.iptkit.core.Phase;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests of the P rules (phases), each starting from the clean reference course and changing
 * one thing.
 */
class PhaseRulesTest {

  @Nested
  class P01PhaseOrder {
    @Test
    void p01ReportsASessionThatGoesBackToAnEarlierPhase() {
      TreatmentCourse course = withSession(acute16(), 8, s -> s.withPhase(Phase.INITIAL));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P01");
      assertFinding(finding, "P01", Severity.ERROR, "/sessions/7/phase", 8,
          "session 8 (initial) follows session 7 (middle): phases never go back");
      assertThat(finding.protocolPath()).isEmpty();
    }

    @Test
    void p01ReportsEachStepBack() {
      TreatmentCourse course = withSession(withSession(acute16(),
          10, s -> s.withPhase(Phase.TERMINATION)),
          2, s -> s.withPhase(Phase.MIDDLE));
      assertThat(findings(Protocols.IPT_ACUTE_16, course, "P01")).extracting(Finding::message)
          .containsExactly(
              "session 3 (initial) follows session 2 (middle): phases never go back",
              "session 11 (middle) follows session 10 (termination): phases never go back");
    }

    @Test
    void p01ReadsAttendedSessionsOnly() {
      TreatmentCourse course = withSession(missed(acute16(), Attendance.NO_SHOW, 8), 8,
          s -> s.withPhase(Phase.INITIAL));
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "P01")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p01ReportsMaintenanceSessionsWithoutTheirOwnContract() {
      TreatmentCourse course = withMaintenance(acute16(), 17, 18, 19);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P01");
      assertFinding(finding, "P01", Severity.ERROR, "/sessions/16/phase", 17,
          "3 maintenance sessions from session 17 on but the course has no continuation or"
              + " maintenance contract");
    }

    @Test
    void p01AcceptsMaintenanceUnderAContinuationOrMaintenanceContract() {
      TreatmentCourse course = withContract(withMaintenance(acute16(), 17, 18),
          Contract.builder().kind(ContractKind.CONTINUATION).agreedOn(dateOf(16))
              .plannedSessions(6).frequency(Frequency.MONTHLY).build());
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "P01")).isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.IPT_M_MONTHLY, monthly(6), "P01"))
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse noContract = TreatmentCourse.copyOf(monthly(6))
          .withContracts(List.of());
      assertThat(findings(Protocols.IPT_M_MONTHLY, noContract, "P01"))
          .extracting(Finding::path).containsExactly("/sessions/0/phase");
    }

    @Test
    void p01PlacesPreGroupSessionsBeforeTheInitialPhase() {
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(2), "P01")).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse late = withSession(groupIpt8(1), 3, s -> s.withPhase(Phase.PRE_GROUP));
      assertThat(findings(Protocols.GROUP_IPT_8, late, "P01")).extracting(Finding::message)
          .containsExactly(
              "session 3 (pre-group) follows session 2 (initial): phases never go back");
    }

    @Test
    void p01PassesTheReferenceCourse() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "P01")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p01DoesNotApplyBeforeTheFirstAttendedSession() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(0), "P01"))
          .isEqualTo("no session attended yet");
    }
  }

  @Nested
  class P02InitialPhaseLength {
    @Test
    void p02ReportsMoreInitialSessionsThanTheProfileAllows() {
      TreatmentCourse course = withSession(acute16(), 4, s -> s.withPhase(Phase.INITIAL));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P02");
      assertFinding(finding, "P02", Severity.WARNING, "/sessions/0/phase", 1,
          "4 initial sessions (sessions 1, 2, 3, 4); the protocol allows 1-3");
      assertThat(finding.protocolPath()).contains("/phases/initial");
      assertThat(outcome(Protocols.IPT_UK_16, course, "P02")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p02ReportsACourseWithoutAnInitialPhase() {
      TreatmentCourse course = reshaped(acute16(), "ipt-acute-16", 16,
          n -> n <= 12 ? Phase.MIDDLE : Phase.TERMINATION);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P02");
      assertFinding(finding, "P02", Severity.WARNING, "/sessions", null,
          "no initial session; the protocol expects 1-3");
    }

    @Test
    void p02HoldsAnOngoingCourseToTheMinimumOnlyOnceTheInitialPhaseIsOver() {
      TreatmentCourse started = TreatmentCourse.copyOf(acute16Ongoing(2));
      ProtocolProfile twoToThree = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .initialPhase(IntRange.of(2, 3)).build();
      TreatmentCourse oneInitial = withSession(started, 2, s -> s.withPhase(Phase.MIDDLE));
      assertThat(findings(twoToThree, oneInitial, "P02")).extracting(Finding::message)
          .containsExactly("1 initial session (session 1); the protocol expects 2-3");
      TreatmentCourse stillInitial = acute16Ongoing(1);
      assertThat(outcome(twoToThree, stillInitial, "P02")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p02ReportsAnOngoingCourseAboveTheMaximum() {
      TreatmentCourse course = withSession(acute16Ongoing(4), 4, s -> s.withPhase(Phase.INITIAL));
      assertThat(findings(Protocols.IPT_ACUTE_16, course, "P02")).extracting(Finding::message)
          .containsExactly("4 initial sessions (sessions 1, 2, 3, 4); the protocol allows 1-3");
    }

    @Test
    void p02DoesNotCountPreGroupSessions() {
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(2), "P02")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p02PassesTheReferenceCourse() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "P02")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p02DoesNotApplyBeforeTheFirstAttendedSession() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(0), "P02"))
          .isEqualTo("no session attended yet");
    }
  }

  @Nested
  class P03MiddlePhasePresent {
    @Test
    void p03ReportsACompletedCourseWithoutAMiddleSession() {
      TreatmentCourse course = reshaped(acute16(), "ipt-acute-16", 16,
          n -> n <= 3 ? Phase.INITIAL : Phase.TERMINATION);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P03");
      assertFinding(finding, "P03", Severity.ERROR, "/sessions", null,
          "the completed course has no middle-phase session");
    }

    @Test
    void p03PassesACourseWithOneMiddleSession() {
      TreatmentCourse course = reshaped(acute16(), "ipt-acute-16", 16,
          n -> n <= 3 ? Phase.INITIAL : n == 4 ? Phase.MIDDLE : Phase.TERMINATION);
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "P03")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p03DoesNotApplyBeforeTheCourseIsCompleted() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(3), "P03"))
          .isEqualTo("course is ongoing");
      TreatmentCourse discontinued = TreatmentCourse.copyOf(acute16Ongoing(3))
          .withStatus(CourseStatus.DISCONTINUED);
      assertThat(reason(Protocols.IPT_ACUTE_16, discontinued, "P03"))
          .isEqualTo("course was discontinued");
    }
  }

  @Nested
  class P04TerminationPhaseLength {
    @Test
    void p04ReportsMoreTerminationSessionsThanTheProfileAllows() {
      TreatmentCourse course = reshaped(acute16(), "ipt-acute-16", 16,
          n -> n <= 3 ? Phase.INITIAL : n <= 10 ? Phase.MIDDLE : Phase.TERMINATION);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P04");
      assertFinding(finding, "P04", Severity.WARNING, "/sessions/10/phase", 11,
          "6 termination sessions (sessions 11, 12, 13, 14, 15, 16); the protocol expects 1-4");
      assertThat(finding.protocolPath()).contains("/phases/termination");
      assertThat(findings(Protocols.IPC_6, acute16(), "P04")).extracting(Finding::message)
          .containsExactly("4 termination sessions (sessions 13, 14, 15, 16); the protocol"
              + " expects 1");
    }

    @Test
    void p04ReportsACompletedCourseWithoutATerminationSession() {
      TreatmentCourse course = reshaped(acute16(), "ipt-acute-16", 16,
          n -> n <= 3 ? Phase.INITIAL : Phase.MIDDLE);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P04");
      assertFinding(finding, "P04", Severity.WARNING, "/sessions", null,
          "no termination session in the completed course; the protocol expects 1-4");
    }

    @Test
    void p04ReportsTerminationSessionsThatAreNotTheLast() {
      TreatmentCourse course = withSession(withSession(acute16(),
          12, s -> s.withPhase(Phase.TERMINATION)),
          13, s -> s.withPhase(Phase.MIDDLE));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "P04");
      assertFinding(finding, "P04", Severity.WARNING, "/sessions/11/phase", 12,
          "termination session 12 is followed by middle session 13; the termination sessions"
              + " must be the last sessions");
      assertThat(finding.protocolPath()).isEmpty();
    }

    @Test
    void p04AllowsMaintenanceAfterTheTerminationPhase() {
      TreatmentCourse course = withMaintenance(acute16(), 17, 18);
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "P04")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p04PassesTheReferenceCourse() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "P04")).isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(1), "P04")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void p04DoesNotApplyBeforeTheCourseIsCompleted() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(14), "P04"))
          .isEqualTo("course is ongoing");
    }
  }

  @Test
  void phaseRulesOtherThanP01DoNotApplyToAProfileWithoutAcutePhases() {
    FidelityReport report = FidelityChecker.of(Protocols.IPT_M_MONTHLY).check(monthly(6));
    for (String rule : List.of("P02", "P03", "P04")) {
      RuleResult result = report.result(rule).orElseThrow();
      assertThat(result.outcome()).as(rule).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).as(rule).contains("the profile has no acute phases");
    }
    assertThat(report.result("P01").orElseThrow().outcome()).isEqualTo(RuleOutcome.PASS);
  }

  /** A copy of {@code course} with attended MAINTENANCE sessions added, four weeks apart. */
  private static TreatmentCourse withMaintenance(TreatmentCourse course, int... numbers) {
    TreatmentCourse result = course;
    for (int number : numbers) {
      var last = result.lastSession().orElseThrow();
      Session session = Session.copyOf(last).withNumber(number)
          .withDate(last.date().plusWeeks(4)).withPhase(Phase.MAINTENANCE)
          .withTasks(List.of()).withMeasures(List.of());
      result = ReferenceCourses.withSessions(result,
          StructureRulesTest.append(result.sessions(), session));
    }
    return result;
  }
}
