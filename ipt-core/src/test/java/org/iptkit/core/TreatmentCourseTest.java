package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreatmentCourseTest {

  private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

  private static TreatmentCourse.Builder course() {
    return TreatmentCourse.builder().courseId("c-0001").protocol("ipt-acute-16")
        .status(CourseStatus.ONGOING);
  }

  private static Session attended(int number, Phase phase, Measure... measures) {
    return Session.builder().number(number).date(JAN_5.plusWeeks(number - 1))
        .attendance(Attendance.ATTENDED).phase(phase).addMeasures(measures).build();
  }

  private static Session missed(int number, Attendance attendance) {
    return Session.builder().number(number).date(JAN_5.plusWeeks(number - 1))
        .attendance(attendance).build();
  }

  private static InterpersonalInventory inventory(LocalDate takenOn, String... ids) {
    InterpersonalInventory.Builder builder =
        InterpersonalInventory.builder().takenOn(takenOn);
    for (String id : ids) {
      builder.addPerson(Person.builder().id(id).build());
    }
    return builder.build();
  }

  private static Contract contract(ContractKind kind, LocalDate agreedOn, int planned) {
    return Contract.builder().kind(kind).agreedOn(agreedOn).plannedSessions(planned).build();
  }

  private static Measure phq9(int total) {
    return Measure.ofTotal(Instrument.PHQ9, total);
  }

  private static Measure phq9On(LocalDate date, int total) {
    return Measure.builder().instrument(Instrument.PHQ9).total(total).date(date).build();
  }

  // --- invariants ------------------------------------------------------------------------------

  @Test
  void blankCourseIdIsRejected() {
    assertRejected(() -> course().courseId("  ").build(), "courseId",
        "courseId must not be blank");
  }

  @Test
  void emptyCourseIdIsRejected() {
    assertRejected(() -> course().courseId("").build(), "courseId", "courseId");
  }

  @Test
  void blankProtocolIsRejected() {
    assertRejected(() -> course().protocol(" ").build(), "protocol",
        "protocol must not be blank");
  }

  @Test
  void repeatedSessionNumbersAreRejectedAtTheRepeat() {
    assertRejected(() -> course().addSessions(attended(1, Phase.INITIAL),
            attended(2, Phase.INITIAL), missed(2, Attendance.CANCELLED)).build(),
        "sessions/2/number", "session number 2", "more than once");
  }

  @Test
  void courseWithoutStatusIsRejectedByTheBuilder() {
    assertThatThrownBy(() -> TreatmentCourse.builder().courseId("c-1").protocol("ipt-b-8")
        .build())
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("status"))
        .hasMessageContaining("status");
  }

  @Test
  void courseNotYetStartedHasNoSessionsScoresOrContract() {
    TreatmentCourse course = course().build();

    assertThat(course.sessions()).isEmpty();
    assertThat(course.attendedSessions()).isEmpty();
    assertThat(course.lastSession()).isEmpty();
    assertThat(course.lastAttendedSession()).isEmpty();
    assertThat(course.firstAttendedSession()).isEmpty();
    assertThat(course.baseline(Instrument.PHQ9)).isEmpty();
    assertThat(course.plannedSessions()).isEmpty();
    assertThat(course.primaryProblemArea()).isEmpty();
    assertThat(course.firstInventory()).isEmpty();
    assertThat(course.inventoryAsOf(JAN_5)).isEmpty();
  }

  // --- sessions --------------------------------------------------------------------------------

  /** Recorded out of order: 3, 1, 2 (no-show), 5, 4 (cancelled but scheduled as MIDDLE). */
  private static TreatmentCourse mixedCourse() {
    return course().addSessions(
            attended(3, Phase.MIDDLE),
            attended(1, Phase.INITIAL),
            missed(2, Attendance.NO_SHOW),
            attended(5, Phase.TERMINATION),
            Session.builder().from(missed(4, Attendance.CANCELLED)).phase(Phase.MIDDLE).build())
        .build();
  }

  @Test
  void attendedSessionsAreOrderedByNumberAndLeaveOutMissedOnes() {
    assertThat(mixedCourse().attendedSessions()).extracting(Session::number)
        .containsExactly(1, 3, 5);
  }

  @Test
  void attendedIndexIsThePositionAmongAttendedSessions() {
    TreatmentCourse course = mixedCourse();
    Session fifth = course.session(5).orElseThrow();

    assertThat(course.attendedSessions().indexOf(fifth)).isEqualTo(2);
  }

  @Test
  void sessionsByNumberKeepMissedSessionsAndTheRecordedListKeepsItsOrder() {
    TreatmentCourse course = mixedCourse();

    assertThat(course.sessionsByNumber()).extracting(Session::number)
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(course.sessions()).extracting(Session::number).containsExactly(3, 1, 2, 5, 4);
  }

  @Test
  void sessionsInAPhaseAreAttendedOnes() {
    TreatmentCourse course = mixedCourse();

    assertThat(course.sessionsIn(Phase.MIDDLE)).extracting(Session::number).containsExactly(3);
    assertThat(course.sessionsIn(Phase.INITIAL)).extracting(Session::number).containsExactly(1);
    assertThat(course.sessionsIn(Phase.MAINTENANCE)).isEmpty();
  }

  @Test
  void lastSessionMayBeMissedButLastAttendedSessionWasAttended() {
    TreatmentCourse course = course().from(mixedCourse())
        .addSession(missed(6, Attendance.NO_SHOW)).build();

    assertThat(course.lastSession().orElseThrow().number()).isEqualTo(6);
    assertThat(course.lastAttendedSession().orElseThrow().number()).isEqualTo(5);
    assertThat(course.firstAttendedSession().orElseThrow().number()).isEqualTo(1);
  }

  @Test
  void sessionIsFoundByNumber() {
    TreatmentCourse course = mixedCourse();

    assertThat(course.session(4).orElseThrow().attendance()).isEqualTo(Attendance.CANCELLED);
    assertThat(course.session(9)).isEmpty();
  }

  // --- inventories -----------------------------------------------------------------------------

  @Test
  void inventoryAsOfADateIsTheLatestTakenOnOrBeforeIt() {
    InterpersonalInventory first = inventory(LocalDate.of(2026, 1, 12), "partner");
    InterpersonalInventory last = inventory(LocalDate.of(2026, 4, 13), "partner", "friend");
    TreatmentCourse course = course().addInventories(last, first).build();

    assertThat(course.inventoryAsOf(LocalDate.of(2026, 1, 11))).isEmpty();
    assertThat(course.inventoryAsOf(LocalDate.of(2026, 1, 12))).containsSame(first);
    assertThat(course.inventoryAsOf(LocalDate.of(2026, 4, 12))).containsSame(first);
    assertThat(course.inventoryAsOf(LocalDate.of(2026, 4, 13))).containsSame(last);
    assertThat(course.inventoryAsOf(LocalDate.of(2027, 1, 1))).containsSame(last);
  }

  @Test
  void firstAndLastInventoryGoByDateNotByRecordedOrder() {
    InterpersonalInventory first = inventory(LocalDate.of(2026, 1, 12), "partner");
    InterpersonalInventory middle = inventory(LocalDate.of(2026, 2, 16), "sister");
    InterpersonalInventory last = inventory(LocalDate.of(2026, 4, 13), "friend");
    TreatmentCourse course = course().addInventories(middle, last, first).build();

    assertThat(course.firstInventory()).containsSame(first);
    assertThat(course.lastInventory()).containsSame(last);
  }

  @Test
  void amongInventoriesOfOneDateTheFirstRecordedIsFirstAndTheLastRecordedIsLast() {
    LocalDate day = LocalDate.of(2026, 1, 12);
    InterpersonalInventory a = inventory(day, "partner");
    InterpersonalInventory b = inventory(day, "partner", "sister");
    TreatmentCourse course = course().addInventories(a, b).build();

    assertThat(course.firstInventory()).containsSame(a);
    assertThat(course.lastInventory()).containsSame(b);
    assertThat(course.inventoryAsOf(day)).containsSame(b);
  }

  // --- problem areas and contracts -------------------------------------------------------------

  @Test
  void primaryProblemAreaIsTheOneFlaggedPrimary() {
    ProblemArea grief = Grief.builder().primary(true).personId("father").build();
    TreatmentCourse course = course()
        .addProblemAreas(RoleTransition.builder().build(), grief).build();

    assertThat(course.primaryProblemArea()).containsSame(grief);
  }

  @Test
  void primaryProblemAreaIsTheFirstChosenWhenNoneIsFlagged() {
    ProblemArea transition = RoleTransition.builder().build();
    TreatmentCourse course = course()
        .addProblemAreas(transition, InterpersonalDeficits.builder().build()).build();

    assertThat(course.primaryProblemArea()).containsSame(transition);
    assertThat(course.problemAreaTypes()).containsExactly(ProblemAreaType.ROLE_TRANSITION,
        ProblemAreaType.INTERPERSONAL_DEFICITS);
  }

  @Test
  void latestContractOfAKindIsTheLastAgreedSoARenegotiationSupersedes() {
    Contract original = contract(ContractKind.ACUTE, LocalDate.of(2026, 1, 19), 16);
    Contract renegotiated = contract(ContractKind.ACUTE, LocalDate.of(2026, 3, 2), 12);
    Contract maintenance = contract(ContractKind.MAINTENANCE, LocalDate.of(2026, 5, 4), 12);
    TreatmentCourse course = course().addContracts(renegotiated, maintenance, original).build();

    assertThat(course.latestContract(ContractKind.ACUTE)).containsSame(renegotiated);
    assertThat(course.latestContract(ContractKind.MAINTENANCE)).containsSame(maintenance);
    assertThat(course.latestContract(ContractKind.CONTINUATION)).isEmpty();
    assertThat(course.plannedSessions()).hasValue(12);
  }

  @Test
  void amongContractsAgreedOnOneDayTheLastRecordedIsLatest() {
    LocalDate day = LocalDate.of(2026, 1, 19);
    Contract first = contract(ContractKind.ACUTE, day, 16);
    Contract second = contract(ContractKind.ACUTE, day, 14);
    TreatmentCourse course = course().addContracts(first, second).build();

    assertThat(course.latestContract(ContractKind.ACUTE)).containsSame(second);
    assertThat(course.plannedSessions()).hasValue(14);
  }

  @Test
  void plannedSessionsComeOnlyFromAnAcuteContract() {
    TreatmentCourse course = course()
        .addContract(contract(ContractKind.MAINTENANCE, JAN_5, 12)).build();

    assertThat(course.plannedSessions()).isEmpty();
  }

  // --- scores ----------------------------------------------------------------------------------

  /**
   * A screening PHQ-9 of 18 before session 1, 15 in session 1, session 2 cancelled, 10 in
   * session 3, and on the day of session 4 an out-of-session 7 and 6 in the session; an undated
   * PHQ-9 of 3 and a GAD-7 besides. Sessions and measures are recorded out of order.
   */
  private static TreatmentCourse scoredCourse() {
    return course()
        .addSessions(
            attended(4, Phase.MIDDLE, phq9(6)),
            attended(1, Phase.INITIAL, phq9(15), Measure.ofTotal(Instrument.GAD7, 11)),
            missed(2, Attendance.CANCELLED),
            attended(3, Phase.MIDDLE, phq9(10)))
        .addMeasures(
            phq9On(JAN_5.plusWeeks(3), 7),
            phq9(3),
            phq9On(LocalDate.of(2026, 1, 1), 18))
        .build();
  }

  @Test
  void scoresAreInDateOrderWithScreeningBeforeSessionOne() {
    List<Score> scores = scoredCourse().scores(Instrument.PHQ9);

    assertThat(scores).extracting(Score::total).containsExactly(18, 15, 10, 7, 6);
    assertThat(scores.get(0).sessionNumber()).isEmpty();
    assertThat(scores.get(0).date()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(scores.get(1).sessionNumber()).hasValue(1);
    assertThat(scores.get(1).date()).isEqualTo(JAN_5);
  }

  @Test
  void outOfSessionScoreComesBeforeTheSessionsScoreOfTheSameDay() {
    List<Score> scores = scoredCourse().scores(Instrument.PHQ9);

    assertThat(scores.get(3).date()).isEqualTo(scores.get(4).date());
    assertThat(scores.get(3).sessionNumber()).isEmpty();
    assertThat(scores.get(4).sessionNumber()).hasValue(4);
  }

  @Test
  void undatedOutOfSessionMeasuresAreLeftOutOfScores() {
    assertThat(scoredCourse().scores(Instrument.PHQ9)).extracting(Score::total)
        .doesNotContain(3);
  }

  @Test
  void scoresOfAnotherInstrumentAreKeptApart() {
    assertThat(scoredCourse().scores(Instrument.GAD7)).extracting(Score::total)
        .containsExactly(11);
    assertThat(scoredCourse().scores(Instrument.EPDS)).isEmpty();
  }

  @Test
  void baselineIsTheFirstScoreAndLastScoreTheLast() {
    TreatmentCourse course = scoredCourse();

    assertThat(course.baseline(Instrument.PHQ9).orElseThrow().total()).isEqualTo(18);
    assertThat(course.lastScore(Instrument.PHQ9).orElseThrow().total()).isEqualTo(6);
    assertThat(course.lastScore(Instrument.PHQ9).get().sessionNumber()).hasValue(4);
  }

  @Test
  void symptomChangeGoesFromBaselineToLastScore() {
    SymptomChange change = scoredCourse().symptomChange(Instrument.PHQ9).orElseThrow();

    assertThat(change).isEqualTo(SymptomChange.of(Instrument.PHQ9, 18, 6));
    assertThat(change.response()).isTrue();
    assertThat(change.remission()).isFalse();
  }

  @Test
  void symptomChangeNeedsTwoScores() {
    assertThat(scoredCourse().symptomChange(Instrument.GAD7)).isEmpty();
    assertThat(scoredCourse().baseline(Instrument.GAD7)).isPresent();
  }

  @Test
  void followUpAfterTheLastSessionIsTheLastScore() {
    TreatmentCourse course = course().from(scoredCourse())
        .addMeasure(phq9On(LocalDate.of(2026, 6, 1), 4)).build();

    assertThat(course.lastScore(Instrument.PHQ9).orElseThrow().total()).isEqualTo(4);
    assertThat(course.symptomChange(Instrument.PHQ9).orElseThrow().remission()).isTrue();
  }
}
