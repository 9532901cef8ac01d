package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.FocusRulesTest.check;
import static org.iptkit.rules.fixtures.ReferenceCourses.START;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;
import static org.iptkit.rules.fixtures.ReferenceCourses.withoutTask;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests of the ending rules E01–E06. */
class EndingRulesTest {
  private static final String NOT_COMPLETED = "course is not completed";

  /** The date of maintenance session {@code n}: every four weeks from {@link #START}. */
  static LocalDate monthly(int n) {
    return START.plusWeeks(4L * (n - 1));
  }

  /** A maintenance session of the ipt-m-monthly reference, numbered {@code n}. */
  static Session maintenanceSession(int n, LocalDate date) {
    return Session.builder().number(n).date(date).minutes(50).attendance(Attendance.ATTENDED)
        .phase(Phase.MAINTENANCE).addTask(SessionTask.INTERIM_REVIEW)
        .addTechnique(Technique.EXPLORATION).build();
  }

  /**
   * An ONGOING ipt-m-monthly course: a MAINTENANCE contract agreed on the day of session 1, six
   * MAINTENANCE sessions four weeks apart, PHQ-9 13 (item 9 = 0) in session 1 and 4 in session 4
   * (every third session, as the profile asks).
   */
  static TreatmentCourse maintenanceCourse() {
    List<Session> sessions = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      Session session = maintenanceSession(n, monthly(n));
      if (n == 1) {
        session = Session.copyOf(session)
            .withMeasures(Measure.ofItems(Instrument.PHQ9, 2, 2, 2, 2, 2, 1, 1, 1, 0));
      } else if (n == 4) {
        session = Session.copyOf(session).withMeasures(Measure.ofTotal(Instrument.PHQ9, 4));
      }
      sessions.add(session);
    }
    return TreatmentCourse.builder()
        .courseId("ref-m-monthly")
        .protocol("ipt-m-monthly")
        .status(CourseStatus.ONGOING)
        .addContract(Contract.builder().kind(ContractKind.MAINTENANCE).agreedOn(monthly(1))
            .frequency(Frequency.MONTHLY).plannedSessions(12).build())
        .addAllSessions(sessions)
        .build();
  }

  /** The acute-16 reference followed by three monthly MAINTENANCE sessions 17–19. */
  static TreatmentCourse acuteThenMaintenance(Contract... extra) {
    TreatmentCourse base = acute16();
    List<Session> sessions = new ArrayList<>(base.sessions());
    for (int n = 17; n <= 19; n++) {
      sessions.add(maintenanceSession(n, dateOf(16).plusWeeks(4L * (n - 16))));
    }
    return ReferenceCourses.withSessions(base, sessions)
        .withContracts(concat(base.contracts(), extra));
  }

  private static List<Contract> concat(List<Contract> contracts, Contract... extra) {
    List<Contract> all = new ArrayList<>(contracts);
    all.addAll(List.of(extra));
    return all;
  }

  static Contract contract(ContractKind kind, LocalDate agreedOn) {
    return Contract.builder().kind(kind).agreedOn(agreedOn).build();
  }

  /** The reference course with the ending discussed in session {@code n} instead of 12. */
  static TreatmentCourse endingDiscussedIn(int n) {
    return withSession(withoutTask(acute16(), SessionTask.ENDING_DISCUSSED), n,
        s -> s.withTasks(with(s.tasks(), SessionTask.ENDING_DISCUSSED)));
  }

  static List<SessionTask> with(Iterable<SessionTask> tasks, SessionTask task) {
    List<SessionTask> all = new ArrayList<>();
    tasks.forEach(all::add);
    all.add(task);
    return all;
  }

  /** The reference course with its last PHQ-9 (session 16) changed to {@code total}. */
  static TreatmentCourse lastPhq9(int total) {
    return withSession(acute16(), 16, s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, total)));
  }

  @Nested
  class E01 {
    @Test
    void e01ReportsAnEndingDiscussedTooLate() {
      RuleResult result = check(endingDiscussedIn(15), "E01");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("E01");
        assertThat(f.name()).isEqualTo("ending-discussed-early");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/sessions/13/tasks");
        assertThat(f.session()).hasValue(14);
        assertThat(f.protocolPath()).contains("/phases/endingLeadSessions");
        assertThat(f.message()).isEqualTo("the ending was first discussed in session 15; the"
            + " protocol expects it by session 14, 2 sessions before the last session 16");
      });
    }

    @Test
    void e01ReportsAnEndingNeverDiscussed() {
      RuleResult result = check(withoutTask(acute16(), SessionTask.ENDING_DISCUSSED), "E01");
      assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message())
          .startsWith("the ending was never discussed; the protocol expects it by session 14"));
    }

    @Test
    void e01CountsAttendedSessionsAndReadsTheProfilesLead() {
      assertThat(check(endingDiscussedIn(14), "E01").outcome()).isEqualTo(RuleOutcome.PASS);
      // IPC-6 asks for the ending one session ahead: session 15 of 16 is in time.
      assertThat(check(endingDiscussedIn(15), Protocols.IPC_6, "E01").outcome())
          .isEqualTo(RuleOutcome.PASS);
      // A no-show session 17 after 16 does not move the attended last session.
      TreatmentCourse noShow = ReferenceCourses.withSessions(endingDiscussedIn(14),
          with17NoShow(endingDiscussedIn(14).sessions()));
      assertThat(check(noShow, "E01").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    private List<Session> with17NoShow(List<Session> sessions) {
      List<Session> all = new ArrayList<>(sessions);
      all.add(Session.builder().number(17).date(dateOf(17)).attendance(Attendance.NO_SHOW)
          .build());
      return all;
    }

    @Test
    void e01ReportsACompletedCourseTooShortForTheLead() {
      TreatmentCourse short2 = TreatmentCourse.copyOf(acute16Ongoing(2))
          .withStatus(CourseStatus.COMPLETED);
      assertThat(check(short2, "E01").findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/sessions");
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).isEqualTo("a course of 2 attended sessions leaves no session in"
            + " which to discuss the ending 2 sessions before the last session 2");
      });
    }

    @Test
    void e01DoesNotApplyToAnOngoingCourse() {
      RuleResult result = check(acute16Ongoing(14), "E01");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains(NOT_COMPLETED);
    }
  }

  @Nested
  class E02ToE04 {
    @Test
    void e02ReportsNoProgressReviewInTheTerminationPhase() {
      RuleResult result = check(withoutTask(acute16(), SessionTask.PROGRESS_REVIEWED), "E02");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("E02");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/sessions/15/tasks");
        assertThat(f.session()).hasValue(16);
        assertThat(f.message()).isEqualTo(
            "no progress review was recorded in the termination phase (sessions 13-16)");
      });
    }

    @Test
    void e03ReportsNoRelapsePreventionPlanInTheTerminationPhase() {
      TreatmentCourse course = withoutTask(acute16(), SessionTask.RELAPSE_PREVENTION_PLAN);
      // Recorded in a middle session only: not in the termination phase.
      course = withSession(course, 11, s -> s.withTasks(SessionTask.INTERIM_REVIEW,
          SessionTask.RELAPSE_PREVENTION_PLAN));
      assertThat(check(course, "E03").findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("E03");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/sessions/15/tasks");
        assertThat(f.message()).startsWith("no relapse prevention plan (warning signs,"
            + " contingency plan) was recorded in the termination phase");
      });
    }

    @Test
    void e04ReportsFeelingsAboutEndingNotAddressed() {
      RuleResult result = check(withoutTask(acute16(), SessionTask.FEELINGS_ABOUT_ENDING), "E04");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("E04");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.path()).isEqualTo("/sessions/15/tasks");
        assertThat(f.message()).startsWith("no work on feelings about the ending was recorded");
      });
    }

    @Test
    void e02ReportsACourseWithoutTerminationSessionsAtItsLastSession() {
      List<Session> sessions = new ArrayList<>();
      for (Session session : acute16().sessions()) {
        sessions.add(session.isIn(Phase.TERMINATION)
            ? Session.copyOf(session).withPhase(Phase.MIDDLE) : session);
      }
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withSessions(sessions);
      assertThat(check(course, "E02").findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/sessions/15/tasks");
        assertThat(f.message()).isEqualTo(
            "no progress review was recorded: the course has no termination-phase session");
      });
    }

    @Test
    void e02ToE04PassWhenEachTaskIsRecordedOnceInTheTerminationPhase() {
      TreatmentCourse course = acute16();
      for (int n = 13; n <= 16; n++) {
        course = withSession(course, n, s -> s.withTasks());
      }
      course = withSession(course, 14, s -> s.withTasks(SessionTask.PROGRESS_REVIEWED,
          SessionTask.RELAPSE_PREVENTION_PLAN, SessionTask.FEELINGS_ABOUT_ENDING));
      for (String code : List.of("E02", "E03", "E04")) {
        assertThat(check(course, code).outcome()).isEqualTo(RuleOutcome.PASS);
      }
    }

    @Test
    void e02ToE04DoNotApplyToAnOngoingOrDiscontinuedCourse() {
      TreatmentCourse discontinued = TreatmentCourse.copyOf(acute16Ongoing(8))
          .withStatus(CourseStatus.DISCONTINUED);
      for (String code : List.of("E02", "E03", "E04")) {
        RuleResult ongoing = check(acute16Ongoing(15), code);
        assertThat(ongoing.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
        assertThat(ongoing.reason()).contains(NOT_COMPLETED);
        assertThat(check(discontinued, code).reason()).contains(NOT_COMPLETED);
      }
    }
  }

  @Nested
  class E05 {
    /** The maintenance reference, ended, with PHQ-9 {@code first} in session 1 and {@code last} in 4. */
    private TreatmentCourse maintenanceScores(int first, int last) {
      TreatmentCourse course = withSession(withSession(maintenanceCourse(), 1,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, first))), 4,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, last)));
      return TreatmentCourse.builder().from(course).status(CourseStatus.COMPLETED).build();
    }

    @Test
    void e05UnderMaintenanceAPatientWhoStaysWellIsNoNonResponder() {
      // PHQ-9 3 -> 3 is no 50 % drop, but below the cut-off: the patient is well.
      assertThat(check(maintenanceScores(3, 3), Protocols.IPT_M_MONTHLY, "E05").outcome())
          .isEqualTo(RuleOutcome.PASS);
      // The same scores in acute treatment are a non-response.
      assertThat(check(lastPhq9(16), "E05").outcome()).isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void e05UnderMaintenanceReportsAScoreAtOrAboveTheCutOff() {
      assertThat(check(maintenanceScores(3, 12), Protocols.IPT_M_MONTHLY, "E05").findings())
          .singleElement().satisfies(f -> assertThat(f.message()).startsWith(
              "the last PHQ-9 score of 12 (baseline 3) is still at or above the cut-off of 10"));
    }

    @Test
    void e05UnderMaintenanceDoesNotApplyWithoutALaterScore() {
      TreatmentCourse one = TreatmentCourse.builder().from(withSession(maintenanceScores(3, 3), 4,
          s -> s.withMeasures())).build();
      assertThat(check(one, Protocols.IPT_M_MONTHLY, "E05").outcome())
          .isEqualTo(RuleOutcome.NOT_APPLICABLE);
    }

    @Test
    void e05ReportsNonResponseWithoutFurtherTreatmentOffered() {
      RuleResult result = check(lastPhq9(9), "E05");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("E05");
        assertThat(f.name()).isEqualTo("non-response-plan");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/sessions/15/tasks");
        assertThat(f.session()).hasValue(16);
        assertThat(f.message()).isEqualTo("the last PHQ-9 score of 9 (baseline 16) is not a"
            + " response, but no further treatment was offered in the last two sessions"
            + " (15 and 16)");
      });
    }

    @Test
    void e05SaysWhichOfTheScoresItQuotesAreProrated() {
      // 8 over 8 answered items, times 9: 9; 14 over 8: 15.75, prorated to 16
      TreatmentCourse prorated = withSession(withSession(acute16(), 16, s -> s.withMeasures(
          Measure.ofAnswers(Instrument.PHQ9, 2, 1, 1, 1, 1, 1, 1, null, 0))), 1,
          s -> s.withMeasures(Measure.ofAnswers(Instrument.PHQ9, 3, 2, 2, 2, 2, 2, null, 1, 0)));
      TreatmentCourse lastOnly = withSession(acute16(), 16, s -> s.withMeasures(
          Measure.ofAnswers(Instrument.PHQ9, 2, 1, 1, 1, 1, 1, 1, null, 0)));

      assertThat(check(prorated, "E05").findings()).singleElement().satisfies(f ->
          assertThat(f.message()).isEqualTo("the last PHQ-9 score of 9 (prorated; baseline 16,"
              + " prorated) is not a response, but no further treatment was offered in the last"
              + " two sessions (15 and 16)"));
      assertThat(check(lastOnly, "E05").findings()).singleElement().satisfies(f ->
          assertThat(f.message()).startsWith("the last PHQ-9 score of 9 (prorated; baseline 16)"
              + " is not a response"));
    }

    @Test
    void e05ReportsAResponseStillAtOrAboveTheCutOff() {
      TreatmentCourse course = withSession(lastPhq9(12), 1,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, 26)));
      assertThat(check(course, "E05").findings()).singleElement().satisfies(f -> assertThat(
          f.message()).contains("score of 12 (baseline 26) is still at or above the cut-off of 10"));
      assertThat(check(lastPhq9(14), "E05").findings()).singleElement().satisfies(f -> assertThat(
          f.message()).contains("is not a response and is at or above the cut-off of 10"));
    }

    @Test
    void e05PassesWhenFurtherTreatmentIsOfferedInOneOfTheLastTwoSessions() {
      TreatmentCourse offered = withSession(lastPhq9(9), 15,
          s -> s.withTasks(with(s.tasks(), SessionTask.FURTHER_TREATMENT_OFFERED)));
      assertThat(check(offered, "E05").outcome()).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse tooEarly = withSession(lastPhq9(9), 14,
          s -> s.withTasks(with(s.tasks(), SessionTask.FURTHER_TREATMENT_OFFERED)));
      assertThat(check(tooEarly, "E05").outcome()).isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void e05PassesAResponseBelowTheCutOff() {
      assertThat(check(acute16(), "E05").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void e05ChecksADiscontinuedCourseAtItsLastSessions() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(10))
          .withStatus(CourseStatus.DISCONTINUED);
      assertThat(check(course, "E05").findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/sessions/9/tasks");
        assertThat(f.message()).contains("score of 9 (baseline 16) is not a response",
            "last two sessions (9 and 10)");
      });
    }

    @Test
    void e05UsesThePcl5DefinitionsOfThePtsdProfile() {
      TreatmentCourse pcl = withSession(withSession(acute16(), 1,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PCL5, 50))), 16,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PCL5, 41)));
      assertThat(check(pcl, Protocols.IPT_PTSD_14, "E05").findings()).singleElement()
          .satisfies(f -> assertThat(f.message()).isEqualTo("the last PCL-5 score of 41"
              + " (baseline 50) is not a response and is at or above the cut-off of 33, but no"
              + " further treatment was offered in the last two sessions (15 and 16)"));
      TreatmentCourse remitted = withSession(pcl, 16,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PCL5, 30)));
      assertThat(check(remitted, Protocols.IPT_PTSD_14, "E05").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void e05DoesNotApplyToAnOngoingCourse() {
      RuleResult result = check(acute16Ongoing(10), "E05");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("course is ongoing");
    }

    @Test
    void e05DoesNotApplyWithoutAScoreAfterBaseline() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(3))
          .withStatus(CourseStatus.DISCONTINUED);
      assertThat(check(course, "E05").reason()).contains("no primary measure after baseline");
      // The PHQ-9 profile finds no primary score in an EPDS-only course.
      assertThat(check(acute16(), Protocols.IPT_PPD_12, "E05").reason())
          .contains("no primary measure recorded");
    }
  }

  @Nested
  class E06 {
    @Test
    void e06ReportsMaintenanceSessionsBeforeTheContract() {
      TreatmentCourse course = TreatmentCourse.copyOf(maintenanceCourse())
          .withContracts(contract(ContractKind.MAINTENANCE, monthly(2).plusDays(1)));
      RuleResult result = check(course, Protocols.IPT_M_MONTHLY, "E06");
      assertThat(result.findings()).extracting(Finding::path)
          .containsExactly("/sessions/0", "/sessions/1");
      assertThat(result.findings()).allSatisfy(f -> {
        assertThat(f.rule()).isEqualTo("E06");
        assertThat(f.name()).isEqualTo("continuation-contract");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
      });
      assertThat(result.findings().get(1).session()).hasValue(2);
      assertThat(result.findings().get(1).message()).isEqualTo("maintenance session 2 took"
          + " place before a continuation or maintenance contract was agreed");
    }

    @Test
    void e06ReportsEveryMaintenanceSessionWithoutAContract() {
      TreatmentCourse course = TreatmentCourse.copyOf(maintenanceCourse())
          .withContracts();
      RuleResult result = check(course, Protocols.IPT_M_MONTHLY, "E06");
      assertThat(result.findings()).hasSize(6);
      assertThat(result.findings().get(0).message()).isEqualTo(
          "maintenance session 1 took place without a continuation or maintenance contract");
    }

    @Test
    void e06ReportsAMaintenanceContractNotAgreedAfterTheAcuteOne() {
      TreatmentCourse course = acuteThenMaintenance(
          contract(ContractKind.MAINTENANCE, dateOf(3)));
      RuleResult result = check(course, "E06");
      assertThat(result.findings()).extracting(Finding::path)
          .containsExactly("/sessions/16", "/sessions/17", "/sessions/18");
      assertThat(result.findings().get(0).message()).isEqualTo("maintenance session 17 falls"
          + " under a continuation or maintenance contract that was not agreed after the acute"
          + " contract");
    }

    @Test
    void e06PassesMaintenanceUnderItsOwnContract() {
      assertThat(check(maintenanceCourse(), Protocols.IPT_M_MONTHLY, "E06").outcome())
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse continuation = acuteThenMaintenance(
          contract(ContractKind.CONTINUATION, dateOf(16)));
      assertThat(check(continuation, "E06").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void e06DoesNotApplyWithoutMaintenanceSessions() {
      RuleResult result = check(acute16(), "E06");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no maintenance sessions");
    }
  }

  @Nested
  class MaintenanceProfile {
    @Test
    void theMaintenanceProfileLeavesTheAcutePhaseEndingRulesOut() {
      FidelityReport report = FidelityChecker.of(Protocols.IPT_M_MONTHLY)
          .check(TreatmentCourse.copyOf(maintenanceCourse())
              .withStatus(CourseStatus.COMPLETED));
      for (String code : List.of("E01", "E02", "E03", "E04")) {
        assertThat(report.result(code).orElseThrow().reason())
            .contains("the profile has no acute phases");
      }
      assertThat(report.result("E05").orElseThrow().outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(report.result("E06").orElseThrow().outcome()).isEqualTo(RuleOutcome.PASS);
    }
  }
}
