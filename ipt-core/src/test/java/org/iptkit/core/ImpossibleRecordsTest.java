package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records that cannot have happened are refused when built: an ONGOING course with an end date, a
 * course ended before its last session, a cancelled or missed session with minutes, a fidelity
 * rating of a session that did not take place, a CPT code that is not one. Each has a record
 * just on the possible side next to it.
 */
class ImpossibleRecordsTest {

  private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

  private static Session attended(int number) {
    return Session.builder().number(number).date(JAN_5.plusWeeks(number - 1))
        .attendance(Attendance.ATTENDED).phase(Phase.INITIAL).minutes(50).build();
  }

  private static Session missed(int number, Attendance attendance) {
    return Session.builder().number(number).date(JAN_5.plusWeeks(number - 1))
        .attendance(attendance).phase(Phase.INITIAL).build();
  }

  private static TreatmentCourse.Builder course(CourseStatus status) {
    return TreatmentCourse.builder().courseId("c-0001").protocol("ipt-acute-16").status(status)
        .addSession(attended(1)).addSession(missed(2, Attendance.CANCELLED))
        .addSession(attended(3));
  }

  private static FidelityRating rating(int session) {
    return FidelityRating.builder().session(session).scale("IPT-QAS").addItems(4, 3, 5).build();
  }

  @Test
  void ongoingCourseWithAnEndDateIsRejected() {
    assertRejected(() -> course(CourseStatus.ONGOING).endedOn(JAN_5.plusWeeks(3)).build(),
        "endedOn", "ONGOING course has no endedOn");
  }

  @Test
  void ongoingCourseWithoutAnEndDateAndEndedCoursesWithOneAreAccepted() {
    assertThat(course(CourseStatus.ONGOING).build().endedOn()).isEmpty();
    assertThat(course(CourseStatus.COMPLETED).endedOn(JAN_5.plusWeeks(3)).build().endedOn())
        .hasValue(JAN_5.plusWeeks(3));
    assertThat(course(CourseStatus.DISCONTINUED).endedOn(JAN_5.plusWeeks(2)).build().endedOn())
        .hasValue(JAN_5.plusWeeks(2));
  }

  @Test
  void courseEndedBeforeItsLastSessionIsRejected() {
    InvalidValueException e = assertRejected(
        () -> course(CourseStatus.COMPLETED).endedOn(JAN_5.plusWeeks(2).minusDays(1)).build(),
        "endedOn", "before session 3");
    assertThat(e.expected()).hasValue("a date on or after the last session, 2026-01-19");
  }

  @Test
  void courseEndedOnTheDayOfItsLastSessionIsAccepted() {
    LocalDate last = JAN_5.plusWeeks(2);

    assertThat(course(CourseStatus.COMPLETED).endedOn(last).build().endedOn()).hasValue(last);
  }

  @Test
  void courseEndedBeforeALaterCancelledSessionIsRejected() {
    // The last session is the one with the latest date, whether it took place or not.
    assertRejected(() -> course(CourseStatus.DISCONTINUED)
            .addSession(missed(4, Attendance.CANCELLED)).endedOn(JAN_5.plusWeeks(2)).build(),
        "endedOn", "before session 4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CANCELLED", "NO_SHOW"})
  void missedSessionWithMinutesIsRejected(Attendance attendance) {
    assertRejected(() -> Session.builder().number(2).date(JAN_5).attendance(attendance)
            .phase(Phase.INITIAL).minutes(50).build(),
        "minutes", "session 2 is " + attendance + " and cannot record minutes");
  }

  @Test
  void missedSessionKeepsItsScheduledPhaseWithoutMinutes() {
    Session session = missed(2, Attendance.NO_SHOW);

    assertThat(session.minutes()).isEmpty();
    assertThat(session.phase()).hasValue(Phase.INITIAL);
  }

  @Test
  void ratingOfACancelledSessionIsRejected() {
    assertRejected(() -> course(CourseStatus.ONGOING).addFidelityRating(rating(1))
            .addFidelityRating(rating(2)).build(),
        "fidelityRatings/1/session", "rates session 2, which is CANCELLED");
  }

  @Test
  void ratingOfAnAttendedSessionIsAccepted() {
    assertThat(course(CourseStatus.ONGOING).addFidelityRating(rating(3)).build()
        .fidelityRatings()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "9083", "908345", "90834a", "9O834", " 90834", "", "ABCDE"})
  void cptThatIsNotACptCodeIsRejected(String code) {
    InvalidValueException e = assertRejected(() -> Session.builder().from(attended(1)).cpt(code)
        .build(), "cpt", "session 1: cpt is not a CPT code");
    if (!code.isBlank()) {
      assertThat(e.getMessage()).doesNotContain(code.strip());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"90832", "90834", "90837", "90853", "0591T", "3725F"})
  void cptCodesOfEachCategoryAreAccepted(String code) {
    assertThat(Session.builder().from(attended(1)).cpt(code).build().cpt()).hasValue(code);
  }

  @Test
  void plannedSessionsFallBackToTheLatestAcuteContractThatGivesANumber() {
    Contract first = Contract.builder().kind(ContractKind.ACUTE).agreedOn(JAN_5)
        .plannedSessions(16).build();
    Contract renegotiated = Contract.builder().kind(ContractKind.ACUTE)
        .agreedOn(JAN_5.plusWeeks(4)).sessionMinutes(45).build();
    Contract continuation = Contract.builder().kind(ContractKind.CONTINUATION)
        .agreedOn(JAN_5.plusWeeks(8)).plannedSessions(4).build();
    TreatmentCourse course = course(CourseStatus.ONGOING)
        .addContracts(first, renegotiated, continuation).build();

    assertThat(course.latestContract(ContractKind.ACUTE)).hasValue(renegotiated);
    assertThat(course.plannedSessions()).hasValue(16);
    assertThat(course(CourseStatus.ONGOING).addContracts(renegotiated, continuation).build()
        .plannedSessions()).isEmpty();
    assertThat(course(CourseStatus.ONGOING).addContracts(first, renegotiated,
        Contract.builder().from(renegotiated).agreedOn(JAN_5.plusWeeks(6)).plannedSessions(12)
            .build()).build().plannedSessions()).hasValue(12);
  }
}
