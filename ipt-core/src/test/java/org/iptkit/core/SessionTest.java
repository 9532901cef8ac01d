package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  private static Session.Builder attended(int number) {
    return Session.builder().number(number).date(DAY).attendance(Attendance.ATTENDED)
        .phase(Phase.INITIAL);
  }

  private static Session.Builder missed(Attendance attendance) {
    return Session.builder().number(3).date(DAY).attendance(attendance);
  }

  @Test
  void sessionNumberedZeroIsRejected() {
    assertRejected(() -> attended(0).build(), "number", "session number", "was 0");
  }

  @Test
  void negativeSessionNumberIsRejected() {
    assertRejected(() -> attended(-3).build(), "number", "session number", "was -3");
  }

  @Test
  void sessionNumberedOneIsAccepted() {
    assertThat(attended(1).build().number()).isEqualTo(1);
  }

  @Test
  void sessionOfZeroMinutesIsRejected() {
    assertRejected(() -> attended(1).minutes(0).build(), "minutes", "minutes", "was 0");
  }

  @Test
  void sessionOf601MinutesIsRejected() {
    assertRejected(() -> attended(1).minutes(601).build(), "minutes", "minutes", "was 601");
  }

  @Test
  void sessionsOfOneAndOf600MinutesAreAccepted() {
    assertThat(attended(1).minutes(1).build().minutes()).hasValue(1);
    assertThat(attended(1).minutes(600).build().minutes()).hasValue(600);
  }

  @Test
  void sessionWithoutRecordedLengthIsAccepted() {
    assertThat(attended(1).build().minutes()).isEmpty();
  }

  @Test
  void attendedSessionWithoutPhaseIsRejected() {
    assertRejected(() -> Session.builder().number(4).date(DAY).attendance(Attendance.ATTENDED)
        .build(), "phase", "session 4", "ATTENDED", "phase");
  }

  @Test
  void cancelledSessionWithTasksIsRejected() {
    assertRejected(() -> missed(Attendance.CANCELLED).addTask(SessionTask.INTERIM_REVIEW).build(),
        "tasks", "session 3", "CANCELLED", "tasks");
  }

  @Test
  void cancelledSessionWithTechniquesIsRejected() {
    assertRejected(() -> missed(Attendance.CANCELLED).addTechnique(Technique.ROLE_PLAY).build(),
        "techniques", "session 3", "CANCELLED", "techniques");
  }

  @Test
  void cancelledSessionWithMeasuresIsRejected() {
    assertRejected(() -> missed(Attendance.CANCELLED)
            .addMeasure(Measure.ofTotal(Instrument.PHQ9, 12)).build(),
        "measures", "session 3", "CANCELLED", "measures");
  }

  @Test
  void noShowSessionWithTasksIsRejected() {
    assertRejected(() -> missed(Attendance.NO_SHOW).addTask(SessionTask.RISK_ASSESSED).build(),
        "tasks", "session 3", "NO_SHOW", "tasks");
  }

  @Test
  void noShowSessionWithTechniquesIsRejected() {
    assertRejected(() -> missed(Attendance.NO_SHOW).addTechnique(Technique.EXPLORATION).build(),
        "techniques", "session 3", "NO_SHOW", "techniques");
  }

  @Test
  void noShowSessionWithMeasuresIsRejected() {
    assertRejected(() -> missed(Attendance.NO_SHOW)
            .addMeasure(Measure.ofTotal(Instrument.GAD7, 3)).build(),
        "measures", "session 3", "NO_SHOW", "measures");
  }

  @Test
  void missedSessionWithoutPhaseMinutesOrContentIsAccepted() {
    Session session = missed(Attendance.NO_SHOW).build();

    assertThat(session.isAttended()).isFalse();
    assertThat(session.phase()).isEmpty();
    assertThat(session.tasks()).isEmpty();
  }

  @Test
  void missedSessionKeepsItsScheduledPhaseButIsInNoPhase() {
    Session session = missed(Attendance.CANCELLED).phase(Phase.MIDDLE).build();

    assertThat(session.phase()).contains(Phase.MIDDLE);
    assertThat(session.isIn(Phase.MIDDLE)).isFalse();
  }

  @Test
  void attendedSessionIsInItsPhaseOnly() {
    Session session = attended(2).phase(Phase.MIDDLE).build();

    assertThat(session.isIn(Phase.MIDDLE)).isTrue();
    assertThat(session.isIn(Phase.INITIAL)).isFalse();
  }

  @Test
  void hasAndUsesAnswerFromTheRecordedTasksAndTechniques() {
    Session session = attended(1).addTasks(SessionTask.DIAGNOSIS_NAMED, SessionTask.INVENTORY)
        .addTechnique(Technique.CLARIFICATION).build();

    assertThat(session.has(SessionTask.INVENTORY)).isTrue();
    assertThat(session.has(SessionTask.FORMULATION_SHARED)).isFalse();
    assertThat(session.uses(Technique.CLARIFICATION)).isTrue();
    assertThat(session.uses(Technique.ROLE_PLAY)).isFalse();
  }

  @Test
  void measureReturnsTheFirstMeasureOfTheInstrument() {
    Measure first = Measure.ofTotal(Instrument.PHQ9, 12);
    Session session = attended(1).addMeasure(Measure.ofTotal(Instrument.GAD7, 9))
        .addMeasure(first).addMeasure(Measure.ofTotal(Instrument.PHQ9, 3)).build();

    assertThat(session.measure(Instrument.PHQ9)).containsSame(first);
    assertThat(session.measure(Instrument.EPDS)).isEmpty();
  }

  @Test
  void sessionWithoutDateIsRejectedByTheBuilder() {
    assertThatThrownBy(() -> Session.builder().number(1).attendance(Attendance.ATTENDED)
        .phase(Phase.INITIAL).build())
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("date"))
        .hasMessageContaining("date");
  }
}
