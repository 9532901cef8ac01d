package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.fixtures.ReferenceCourses.START;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
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
import org.iptkit.core.Setting;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests of the S rules (structure and dose). Each nested class breaks, keeps and switches off
 * one rule, starting from the clean reference course and changing one thing. The course
 * builders for other profiles ({@link #groupIpt8}, {@link #adolescent12}, {@link #monthly}) are
 * shared with the phase and initial-phase rule tests.
 */
class StructureRulesTest {

  @Nested
  class S01SessionCount {
    @Test
    void s01ReportsACompletedCourseWithFewerSessionsThanTheMinimum() {
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, firstSessions(acute16(), 11), "S01");
      assertFinding(finding, "S01", Severity.ERROR, "/sessions", null,
          "11 sessions attended; the protocol expects 12-16");
      assertThat(finding.protocolPath()).contains("/sessions");
    }

    @Test
    void s01ReportsAnOngoingCourseAboveTheMaximum() {
      TreatmentCourse course = TreatmentCourse.copyOf(withExtraSession(acute16(), 17))
          .withEndedOn(java.util.Optional.empty()).withStatus(CourseStatus.ONGOING);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "S01");
      assertFinding(finding, "S01", Severity.ERROR, "/sessions", null,
          "17 sessions attended, more than the protocol's maximum of 16");
    }

    @Test
    void s01HoldsAnOngoingCourseOnlyToTheMaximum() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16Ongoing(5), "S01"))
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s01PassesACompletedCourseWithinTheRange() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, firstSessions(acute16(), 12), "S01"))
          .isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "S01")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s01DoesNotApplyBeforeTheFirstAttendedSession() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(0), "S01"))
          .isEqualTo("no session attended yet");
      TreatmentCourse onlyMissed = missed(acute16Ongoing(1), Attendance.NO_SHOW, 1);
      assertThat(reason(Protocols.IPT_ACUTE_16, onlyMissed, "S01"))
          .isEqualTo("no session attended yet");
    }

    @Test
    void s01CountsPreGroupSessionsAgainstTheirOwnRange() {
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(1), "S01")).isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(2), "S01")).isEqualTo(RuleOutcome.PASS);

      Finding none = onlyFinding(Protocols.GROUP_IPT_8, groupIpt8(0), "S01");
      assertFinding(none, "S01", Severity.ERROR, "/sessions", null,
          "0 individual pre-group sessions attended; the protocol expects 1-2");
      assertThat(none.protocolPath()).contains("/preGroupSessions");

      Finding three = onlyFinding(Protocols.GROUP_IPT_8, groupIpt8(3), "S01");
      assertThat(three.message()).isEqualTo(
          "3 individual pre-group sessions attended; the protocol expects 1-2");
    }

    @Test
    void s01ReportsAPreGroupSessionInAProfileWithoutThem() {
      TreatmentCourse course = withSession(acute16(), 1, s -> s.withPhase(Phase.PRE_GROUP));
      List<Finding> findings = findings(Protocols.IPT_ACUTE_16, course, "S01");
      assertThat(findings).extracting(Finding::message).containsExactly(
          "1 individual pre-group session attended; the protocol expects 0");
      TreatmentCourse ongoing = TreatmentCourse.copyOf(course)
          .withEndedOn(java.util.Optional.empty()).withStatus(CourseStatus.ONGOING);
      assertThat(findings(Protocols.IPT_ACUTE_16, ongoing, "S01")).extracting(Finding::message)
          .containsExactly("1 individual pre-group session attended, more than the protocol's"
              + " maximum of 0");
    }
  }

  @Nested
  class S02ContractRespected {
    @Test
    void s02ReportsAttendedSessionsThatDifferFromThePlannedNumber() {
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, firstSessions(acute16(), 14), "S02");
      assertFinding(finding, "S02", Severity.WARNING, "/contracts/0/plannedSessions", null,
          "14 sessions attended; the treatment contract planned 16");
      assertThat(finding.protocolPath()).isEmpty();
    }

    @Test
    void s02ReadsTheLatestAcuteContract() {
      TreatmentCourse shortened = firstSessions(acute16(), 14);
      TreatmentCourse renegotiated = withContract(shortened, acuteContract(dateOf(8), 14));
      assertThat(outcome(Protocols.IPT_ACUTE_16, renegotiated, "S02"))
          .isEqualTo(RuleOutcome.PASS);

      TreatmentCourse renegotiatedTo15 = withContract(shortened, acuteContract(dateOf(8), 15));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, renegotiatedTo15, "S02");
      assertThat(finding.path()).isEqualTo("/contracts/1/plannedSessions");
      assertThat(finding.message()).contains("planned 15");
    }

    @Test
    void s02PassesWhenTheContractIsKept() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "S02")).isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(2), "S02"))
          .as("pre-group sessions are not counted").isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s02DoesNotApplyWithoutAContract() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16())
          .withContracts(List.of());
      assertThat(reason(Protocols.IPT_ACUTE_16, course, "S02"))
          .isEqualTo("no treatment contract (I08 reports it)");
    }

    @Test
    void s02DoesNotApplyBeforeTheCourseIsCompleted() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(14), "S02"))
          .isEqualTo("course is ongoing");
      TreatmentCourse discontinued = TreatmentCourse.copyOf(acute16Ongoing(6))
          .withStatus(CourseStatus.DISCONTINUED);
      assertThat(reason(Protocols.IPT_ACUTE_16, discontinued, "S02"))
          .isEqualTo("course was discontinued");
    }
  }

  @Nested
  class S03Chronology {
    @Test
    void s03ReportsASessionDatedOnTheSameDayAsTheOneBefore() {
      TreatmentCourse course = withSession(acute16(), 5, s -> s.withDate(dateOf(4)));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "S03");
      assertFinding(finding, "S03", Severity.ERROR, "/sessions/4/date", 5,
          "session 5 has the same date as session 4");
    }

    @Test
    void s03ReportsASessionDatedBeforeTheOneBefore() {
      TreatmentCourse course = withSession(acute16(), 6, s -> s.withDate(dateOf(5).minusDays(3)));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "S03");
      assertFinding(finding, "S03", Severity.ERROR, "/sessions/5/date", 6,
          "session 6 is dated 3 days before session 5");
    }

    @Test
    void s03ReadsMissedSessionsToo() {
      TreatmentCourse course = missed(
          withSession(acute16(), 9, s -> s.withDate(dateOf(7))), Attendance.CANCELLED, 9);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "S03");
      assertThat(finding.session()).hasValue(9);
      assertThat(finding.message()).isEqualTo("session 9 is dated 7 days before session 8");
    }

    @Test
    void s03OrdersByNumberNotByRecordOrder() {
      List<Session> reversed = new ArrayList<>(acute16().sessions());
      Collections.reverse(reversed);
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withSessions(reversed);
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "S03")).isEqualTo(RuleOutcome.PASS);

      TreatmentCourse broken = withSession(course, 5, s -> s.withDate(dateOf(4)));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, broken, "S03");
      assertThat(finding.path()).isEqualTo("/sessions/11/date");
    }

    @Test
    void s03PassesIncreasingDates() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "S03")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s03DoesNotApplyToFewerThanTwoSessions() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(1), "S03"))
          .isEqualTo("fewer than two sessions recorded");
    }
  }

  @Nested
  class S04Cadence {
    @Test
    void s04ReportsEachGapLongerThanTheProfileAllows() {
      TreatmentCourse course = shiftedFrom(shiftedFrom(acute16(), 5, 14), 11, 14);
      List<Finding> findings = findings(Protocols.IPT_ACUTE_16, course, "S04");
      assertThat(findings).hasSize(2);
      assertFinding(findings.get(0), "S04", Severity.WARNING, "/sessions/4/date", 5,
          "gap of 21 days between sessions 4 and 5; the protocol allows 14");
      assertThat(findings.get(0).protocolPath()).contains("/maxGapDays");
      assertFinding(findings.get(1), "S04", Severity.WARNING, "/sessions/10/date", 11,
          "gap of 21 days between sessions 10 and 11; the protocol allows 14");
    }

    @Test
    void s04MeasuresGapsBetweenAttendedSessionsOnly() {
      TreatmentCourse oneMissed = missed(acute16(), Attendance.NO_SHOW, 5);
      assertThat(outcome(Protocols.IPT_ACUTE_16, oneMissed, "S04")).isEqualTo(RuleOutcome.PASS);

      TreatmentCourse twoMissed = missed(acute16(), Attendance.CANCELLED, 5, 6);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, twoMissed, "S04");
      assertThat(finding.path()).isEqualTo("/sessions/6/date");
      assertThat(finding.message()).startsWith("gap of 21 days between sessions 4 and 7");
    }

    @Test
    void s04ReadsTheGapOfTheProfile() {
      TreatmentCourse threeWeekGap = shiftedFrom(acute16(), 5, 14);
      assertThat(outcome(Protocols.IPC_6, threeWeekGap, "S04")).isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.IPT_M_MONTHLY, monthly(6), "S04"))
          .isEqualTo(RuleOutcome.PASS);
      assertThat(findings(Protocols.IPT_ACUTE_16, monthly(6), "S04")).hasSize(5);
    }

    @Test
    void s04PassesWeeklySessions() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "S04")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s04DoesNotApplyToFewerThanTwoAttendedSessions() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(1), "S04"))
          .isEqualTo("fewer than two sessions attended");
    }
  }

  @Nested
  class S05CourseSpan {
    @Test
    void s05ReportsACourseLongerThanTheMaximumSpan() {
      Finding finding = onlyFinding(Protocols.IPT_B_8, acute16(), "S05");
      assertFinding(finding, "S05", Severity.WARNING, "/sessions/15/date", 16,
          "sessions 1 to 16 span 105 days; the protocol allows 12 weeks (84 days)");
      assertThat(finding.protocolPath()).contains("/maxSpanWeeks");
    }

    @Test
    void s05CountsSevenDaysToTheWeek() {
      ProtocolProfile fifteenWeeks = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .maxSpanWeeks(15).build();
      assertThat(outcome(fifteenWeeks, acute16(), "S05")).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse oneDayLonger = withSession(acute16(), 16, s -> s.withDate(dateOf(16)
          .plusDays(1)));
      assertThat(findings(fifteenWeeks, oneDayLonger, "S05")).extracting(Finding::message)
          .containsExactly("sessions 1 to 16 span 106 days; the protocol allows 15 weeks"
              + " (105 days)");
    }

    @Test
    void s05PassesACourseWithinItsSpan() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "S05")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s05DoesNotApplyToFewerThanTwoAttendedSessions() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(1), "S05"))
          .isEqualTo("fewer than two sessions attended");
    }
  }

  @Nested
  class S06SessionLength {
    @Test
    void s06ReportsEachSessionOutsideTheProtocolsLength() {
      TreatmentCourse course = withSession(withSession(acute16(), 7, s -> s.withMinutes(30)),
          9, s -> s.withMinutes(61));
      List<Finding> findings = findings(Protocols.IPT_ACUTE_16, course, "S06");
      assertThat(findings).hasSize(2);
      assertFinding(findings.get(0), "S06", Severity.WARNING, "/sessions/6/minutes", 7,
          "session 7 lasted 30 minutes; the protocol expects 45-60");
      assertThat(findings.get(0).protocolPath()).contains("/sessionMinutes");
      assertThat(findings.get(1).message()).startsWith("session 9 lasted 61 minutes");
    }

    @Test
    void s06ReadsTheLengthOfTheProfile() {
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(1), "S06")).isEqualTo(RuleOutcome.PASS);
      assertThat(findings(Protocols.IPT_ACUTE_16, groupIpt8(1), "S06")).hasSize(8);
    }

    @Test
    void s06SkipsSessionsWithoutMinutes() {
      TreatmentCourse course = withSession(acute16(), 7, s -> s.withMinutes(OptionalInt.empty()));
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "S06")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s06DoesNotApplyWhenNoSessionRecordsItsMinutes() {
      TreatmentCourse course = everySession(acute16(), s -> s.withMinutes(OptionalInt.empty()));
      assertThat(reason(Protocols.IPT_ACUTE_16, course, "S06"))
          .isEqualTo("no attended session records its minutes");
    }
  }

  @Nested
  class S07BillingBand {
    @Test
    void s07ReportsMinutesOutsideTheBandOfTheBilledCode() {
      TreatmentCourse course = withSession(acute16(), 3, s -> s.withMinutes(55));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "S07");
      assertFinding(finding, "S07", Severity.INFO, "/sessions/2/cpt", 3,
          "session 3 is billed as CPT 90834 (38-52 minutes) but lasted 55 minutes");
    }

    @Test
    void s07KnowsTheThreePsychotherapyBands() {
      TreatmentCourse course = withSession(withSession(withSession(acute16(),
          2, s -> s.withCpt("90832").withMinutes(45)),
          3, s -> s.withCpt("90837").withMinutes(52)),
          4, s -> s.withCpt("90837").withMinutes(53));
      List<Finding> findings = findings(Protocols.IPT_ACUTE_16, course, "S07");
      assertThat(findings).extracting(Finding::message).containsExactly(
          "session 2 is billed as CPT 90832 (16-37 minutes) but lasted 45 minutes",
          "session 3 is billed as CPT 90837 (53 minutes or more) but lasted 52 minutes");
    }

    @Test
    void s07PassesMatchingBandsAndSkipsOtherCodes() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "S07")).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse groupCode = withSession(acute16(), 3,
          s -> s.withCpt("90853").withMinutes(55));
      assertThat(outcome(Protocols.IPT_ACUTE_16, groupCode, "S07")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void s07DoesNotApplyWithoutABilledPsychotherapyCode() {
      TreatmentCourse course = everySession(acute16(), s -> s.withCpt(java.util.Optional.empty()));
      assertThat(reason(Protocols.IPT_ACUTE_16, course, "S07"))
          .isEqualTo("no attended session carries CPT code 90832, 90834 or 90837 with its"
              + " minutes");
    }
  }

  @Nested
  class S08Attendance {
    @Test
    void s08ReportsLowAttendanceAndListsTheNoShows() {
      TreatmentCourse course = missed(missed(acute16(), Attendance.NO_SHOW, 5, 7, 9, 11),
          Attendance.CANCELLED, 6);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "S08");
      assertFinding(finding, "S08", Severity.WARNING, "/sessions", null,
          "11 of 16 scheduled sessions attended (68.7%); the protocol expects at least 75%;"
              + " no-shows: sessions 5, 7, 9, 11; 1 session cancelled");
      assertThat(finding.protocolPath()).contains("/minAttendance");
    }

    @Test
    void s08CountsCancelledSessionsAsScheduled() {
      TreatmentCourse course = missed(acute16(), Attendance.CANCELLED, 4, 5, 6, 7, 8);
      assertThat(findings(Protocols.IPT_ACUTE_16, course, "S08")).extracting(Finding::message)
          .containsExactly("11 of 16 scheduled sessions attended (68.7%); the protocol expects"
              + " at least 75%; no no-shows; 5 sessions cancelled");
    }

    @Test
    void s08PassesAttendanceAtTheMinimum() {
      TreatmentCourse course = missed(acute16(), Attendance.NO_SHOW, 5, 7, 9, 11);
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "S08")).isEqualTo(RuleOutcome.PASS);
      ProtocolProfile strict = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .minAttendance(0.8).build();
      assertThat(findings(strict, course, "S08")).extracting(Finding::message)
          .containsExactly("12 of 16 scheduled sessions attended (75%); the protocol expects"
              + " at least 80%; no-shows: sessions 5, 7, 9, 11");
    }

    @Test
    void s08DoesNotApplyToACourseWithoutScheduledSessions() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(0), "S08"))
          .isEqualTo("no session scheduled yet");
    }
  }

  // ---- checking ----------------------------------------------------------------------------

  static RuleResult result(ProtocolProfile profile, TreatmentCourse course, String rule) {
    return FidelityChecker.of(profile).check(course).result(rule).orElseThrow();
  }

  static RuleOutcome outcome(ProtocolProfile profile, TreatmentCourse course, String rule) {
    return result(profile, course, rule).outcome();
  }

  static String reason(ProtocolProfile profile, TreatmentCourse course, String rule) {
    RuleResult result = result(profile, course, rule);
    assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    return result.reason().orElseThrow();
  }

  static List<Finding> findings(ProtocolProfile profile, TreatmentCourse course, String rule) {
    RuleResult result = result(profile, course, rule);
    assertThat(result.outcome()).as("outcome of " + rule).isEqualTo(RuleOutcome.FINDINGS);
    return result.findings();
  }

  static Finding onlyFinding(ProtocolProfile profile, TreatmentCourse course, String rule) {
    List<Finding> findings = findings(profile, course, rule);
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  /** Asserts a finding's rule, severity, path, session (null: none) and message. */
  static void assertFinding(Finding finding, String rule, Severity severity, String path,
      Integer session, String message) {
    assertThat(finding.rule()).isEqualTo(rule);
    assertThat(finding.severity()).isEqualTo(severity);
    assertThat(finding.path()).isEqualTo(path);
    if (session == null) {
      assertThat(finding.session()).isEmpty();
    } else {
      assertThat(finding.session()).hasValue(session);
    }
    assertThat(finding.message()).isEqualTo(message);
  }

  // ---- courses -------------------------------------------------------------------------------

  /** A copy of {@code course} with only its sessions numbered up to {@code last}. */
  static TreatmentCourse firstSessions(TreatmentCourse course, int last) {
    List<Session> kept = new ArrayList<>();
    for (Session session : course.sessions()) {
      if (session.number() <= last) {
        kept.add(session);
      }
    }
    return TreatmentCourse.copyOf(course).withSessions(kept);
  }

  /** A copy of {@code course} with every session changed by {@code change}. */
  static TreatmentCourse everySession(TreatmentCourse course,
      UnaryOperator<Session> change) {
    List<Session> sessions = new ArrayList<>();
    for (Session session : course.sessions()) {
      sessions.add(change.apply(Session.copyOf(session)));
    }
    return ReferenceCourses.withSessions(course, sessions);
  }

  /** A copy of {@code course} whose sessions from {@code from} on are {@code days} later. */
  static TreatmentCourse shiftedFrom(TreatmentCourse course, int from, int days) {
    return everySession(course,
        s -> s.number() >= from ? s.withDate(s.date().plusDays(days)) : s);
  }

  /** A copy of {@code course} in which the given sessions did not take place. */
  static TreatmentCourse missed(TreatmentCourse course, Attendance attendance, int... numbers) {
    TreatmentCourse result = course;
    for (int number : numbers) {
      result = withSession(result, number, s -> s.withTasks(List.of())
          .withTechniques(List.of()).withMeasures(List.of()).withFocus(List.of())
          .withMinutes(java.util.OptionalInt.empty()).withAttendance(attendance));
    }
    return result;
  }

  /** A copy of {@code course} with an attended middle session {@code number} a week later. */
  static TreatmentCourse withExtraSession(TreatmentCourse course, int number) {
    Session last = course.lastSession().orElseThrow();
    return ReferenceCourses.withSessions(course, append(course.sessions(),
        Session.copyOf(last).withNumber(number).withDate(last.date().plusWeeks(1))));
  }

  /** A copy of {@code course} with one more contract. */
  static TreatmentCourse withContract(TreatmentCourse course, Contract contract) {
    return TreatmentCourse.copyOf(course)
        .withContracts(append(course.contracts(), contract));
  }

  /** An acute contract of {@code planned} weekly sessions agreed on {@code agreedOn}. */
  static Contract acuteContract(LocalDate agreedOn, int planned) {
    return Contract.builder().kind(ContractKind.ACUTE).agreedOn(agreedOn)
        .plannedSessions(planned).frequency(Frequency.WEEKLY).build();
  }

  /** A copy of {@code set} with {@code task} added. */
  static Set<SessionTask> plus(Set<SessionTask> set, SessionTask task) {
    Set<SessionTask> tasks = EnumSet.noneOf(SessionTask.class);
    tasks.addAll(set);
    tasks.add(task);
    return tasks;
  }

  /** A copy of {@code set} without {@code task}. */
  static Set<SessionTask> minus(Set<SessionTask> set, SessionTask task) {
    Set<SessionTask> tasks = EnumSet.noneOf(SessionTask.class);
    tasks.addAll(set);
    tasks.remove(task);
    return tasks;
  }

  static <T> List<T> append(List<T> list, T element) {
    List<T> result = new ArrayList<>(list);
    result.add(element);
    return result;
  }

  /**
   * The reference course cut to {@code count} sessions and relabelled for another profile: the
   * phase of session n is {@code phaseOf.apply(n)}; tasks stay where the reference put them.
   */
  static TreatmentCourse reshaped(TreatmentCourse base, String protocol, int count,
      IntFunction<Phase> phaseOf) {
    TreatmentCourse cut = firstSessions(base, count);
    return TreatmentCourse.copyOf(everySession(cut, s -> s.withPhase(
        phaseOf.apply(s.number())))).withProtocol(protocol);
  }

  /**
   * A COMPLETED group-ipt-8 course: {@code preGroup} individual PRE_GROUP sessions of 60 minutes,
   * then 8 weekly group sessions of 90 minutes (group session 1 INITIAL, 2–7 MIDDLE, 8
   * TERMINATION), under an ACUTE contract of 8 sessions. The tasks of the reference course stay
   * at their session numbers (diagnosis and the other first-session tasks in session 1).
   */
  static TreatmentCourse groupIpt8(int preGroup) {
    TreatmentCourse course = reshaped(acute16(), "group-ipt-8", preGroup + 8, n ->
        n <= preGroup ? Phase.PRE_GROUP : n == preGroup + 1 ? Phase.INITIAL
            : n < preGroup + 8 ? Phase.MIDDLE : Phase.TERMINATION);
    course = everySession(course, s -> s.number() <= preGroup
        ? s.withMinutes(60).withCpt("90837").withSetting(Setting.INDIVIDUAL)
        : s.withMinutes(90).withCpt("90853").withSetting(Setting.GROUP));
    return TreatmentCourse.copyOf(course)
        .withContracts(acuteContract(dateOf(preGroup + 1), 8));
  }

  /**
   * A COMPLETED ipt-a-12 course: the reference cut to 12 sessions, INITIAL 1–4, MIDDLE 5–8,
   * TERMINATION 9–12, the limited sick role in session 1, a caregiver involved in sessions 1 and
   * 12, under an ACUTE contract of 12 sessions.
   */
  static TreatmentCourse adolescent12() {
    TreatmentCourse course = reshaped(acute16(), "ipt-a-12", 12,
        n -> n <= 4 ? Phase.INITIAL : n <= 8 ? Phase.MIDDLE : Phase.TERMINATION);
    course = withSession(course, 1, s -> s.withTasks(plus(minus(s.tasks(),
        SessionTask.SICK_ROLE_GIVEN), SessionTask.LIMITED_SICK_ROLE_GIVEN)));
    course = withSession(course, 1,
        s -> s.withTasks(plus(s.tasks(), SessionTask.CAREGIVER_INVOLVED)));
    course = withSession(course, 12,
        s -> s.withTasks(plus(s.tasks(), SessionTask.CAREGIVER_INVOLVED)));
    return TreatmentCourse.copyOf(course).withContracts(acuteContract(dateOf(3), 12));
  }

  /**
   * An ONGOING ipt-m-monthly course of {@code count} MAINTENANCE sessions four weeks apart under
   * a MAINTENANCE contract agreed a week before the first, PHQ-9 in every session.
   */
  static TreatmentCourse monthly(int count) {
    List<Session> sessions = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      sessions.add(Session.builder().number(n).date(START.plusWeeks(4L * (n - 1))).minutes(50)
          .attendance(Attendance.ATTENDED).phase(Phase.MAINTENANCE).setting(Setting.INDIVIDUAL)
          .cpt("90834").addMeasure(Measure.ofTotal(Instrument.PHQ9, 4)).build());
    }
    return TreatmentCourse.builder()
        .courseId("ref-monthly")
        .protocol("ipt-m-monthly")
        .status(CourseStatus.ONGOING)
        .addContract(Contract.builder().kind(ContractKind.MAINTENANCE)
            .agreedOn(START.minusWeeks(1)).plannedSessions(12).frequency(Frequency.MONTHLY)
            .build())
        .addAllSessions(sessions)
        .build();
  }
}
