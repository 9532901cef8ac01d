package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A PHQ-9 or GAD-7 with one or two unanswered items, the safety item answered, has a prorated
 * total (mean of the answered items times the item count, rounded half up); with three or more
 * unanswered, or the safety item unanswered, or on another instrument, it has none.
 */
class PartlyAnsweredFormsTest {

  private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

  @Test
  void phq9WithOneUnansweredItemIsProratedAndRoundedHalfUp() {
    // 4 over 8 answered items, times 9: 4.5, rounded half up to 5.
    Measure measure = Measure.ofAnswers(Instrument.PHQ9, 1, 1, 1, null, 1, 0, 0, 0, 0);

    assertThat(measure.hasTotal()).isTrue();
    assertThat(measure.isProrated()).isTrue();
    assertThat(measure.totalScore()).isEqualTo(5);
    assertThat(measure.band()).isEqualTo(SeverityBand.MILD);
    assertThat(measure.unansweredItems()).containsExactly(4);
    assertThat(measure.item(4)).isEmpty();
    assertThat(measure.total()).isEmpty();
  }

  @Test
  void phq9WithTwoUnansweredItemsIsProrated() {
    // 13 over 7 answered items, times 9: 16.71…, rounded to 17.
    Measure measure = Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, 1, null, 2, 3, 0);

    assertThat(measure.isProrated()).isTrue();
    assertThat(measure.totalScore()).isEqualTo(17);
    assertThat(measure.unansweredItems()).containsExactly(3, 6);
  }

  @Test
  void phq9WithThreeUnansweredItemsHasNoTotal() {
    Measure measure = Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, null, null, 2, 3, 0);

    assertThat(measure.hasTotal()).isFalse();
    assertThat(measure.isProrated()).isFalse();
    assertThat(measure.score()).isEmpty();
    assertThatThrownBy(measure::totalScore).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3 items unanswered");
  }

  @Test
  void phq9WithTheSafetyItemUnansweredHasNoTotal() {
    Measure measure = Measure.ofAnswers(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, null);

    assertThat(measure.hasTotal()).isFalse();
    assertThat(measure.safetyItemScore()).isEmpty();
    assertThat(measure.safetyItemPositive()).isFalse();
  }

  @Test
  void gad7WithOneUnansweredItemIsProratedAndRoundedHalfUp() {
    // 3 over 6 answered items, times 7: 3.5, rounded half up to 4.
    Measure measure = Measure.ofAnswers(Instrument.GAD7, 1, 1, 1, 0, 0, 0, null);

    assertThat(measure.isProrated()).isTrue();
    assertThat(measure.totalScore()).isEqualTo(4);
  }

  @Test
  void gad7WithTwoUnansweredItemsIsProratedAndWithThreeHasNoTotal() {
    assertThat(Measure.ofAnswers(Instrument.GAD7, 3, 3, 3, 3, 3, null, null).totalScore())
        .isEqualTo(21);
    assertThat(Measure.ofAnswers(Instrument.GAD7, 3, 3, 3, 3, null, null, null).hasTotal())
        .isFalse();
  }

  @Test
  void otherInstrumentsWithAnUnansweredItemHaveNoTotal() {
    Measure epds = Measure.ofAnswers(Instrument.EPDS, 1, 1, 1, 1, 1, 1, 1, 1, 1, null);

    assertThat(epds.hasTotal()).isFalse();
    assertThat(epds.unansweredItems()).containsExactly(10);
  }

  @Test
  void completeFormIsNotProrated() {
    Measure measure = Measure.ofAnswers(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0);

    assertThat(measure).isEqualTo(Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0));
    assertThat(measure.isProrated()).isFalse();
    assertThat(measure.totalScore()).isEqualTo(15);
  }

  @Test
  void recordedTotalMustAgreeWithTheProratedTotal() {
    Measure agreeing = Measure.builder().instrument(Instrument.PHQ9)
        .addItems(1, 1, 1, null, 1, 0, 0, 0, 0).total(5).build();

    assertThat(agreeing.isProrated()).isTrue();
    assertThat(agreeing.totalScore()).isEqualTo(5);
    InvalidValueException e = assertRejected(() -> Measure.builder().instrument(Instrument.PHQ9)
            .addItems(1, 1, 1, null, 1, 0, 0, 0, 0).total(4).build(),
        "total", "total 4 disagrees with the prorated total of its items, 5");
    assertThat(e.expected()).hasValue("the prorated total of the items, 5");
  }

  @Test
  void recordedTotalOfAFormThatHasNoTotalIsRejected() {
    assertRejected(() -> Measure.builder().instrument(Instrument.PHQ9)
            .addItems(2, 3, null, 2, null, null, 2, 3, 0).total(20).build(),
        "total", "PHQ-9 with 3 items unanswered has no total");
    assertRejected(() -> Measure.builder().instrument(Instrument.PHQ9)
            .addItems(2, 3, 2, 2, 1, 2, 2, 1, null).total(15).build(),
        "total", "the safety item among them");
  }

  @Test
  void answeredItemsAreStillCheckedForTheirRange() {
    assertRejected(() -> Measure.ofAnswers(Instrument.PHQ9, 4, null, 0, 0, 0, 0, 0, 0, 0),
        "items/0", "PHQ-9 item 1 must be 0..3, was 4");
  }

  @Test
  void scoresUseTheProratedTotalSayItIsProratedAndLeaveOutFormsWithoutATotal() {
    Session first = session(1, Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, 1, 2, 2, 1, 0));
    Session second = session(2, Measure.ofAnswers(Instrument.PHQ9, 1, null, null, null, 0, 0, 0,
        0, 0));
    Session third = session(3, Measure.ofItems(Instrument.PHQ9, 1, 1, 1, 0, 0, 0, 0, 0, 0));
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-acute-16")
        .status(CourseStatus.ONGOING).addSessions(first, second, third).build();

    assertThat(course.scores(Instrument.PHQ9)).extracting(Score::sessionNumber)
        .containsExactly(java.util.OptionalInt.of(1), java.util.OptionalInt.of(3));
    Score baseline = course.baseline(Instrument.PHQ9).orElseThrow();
    assertThat(baseline.total()).isEqualTo(15);
    assertThat(baseline.prorated()).isTrue();
    assertThat(course.lastScore(Instrument.PHQ9).orElseThrow().prorated()).isFalse();
    SymptomChange change = course.symptomChange(Instrument.PHQ9).orElseThrow();
    assertThat(change.baseline()).isEqualTo(15);
    assertThat(change.last()).isEqualTo(3);
    assertThat(change.response()).isTrue();
    assertThat(change.remission()).isTrue();
  }

  private static Session session(int number, Measure measure) {
    return Session.builder().number(number).date(JAN_5.plusWeeks(number - 1))
        .attendance(Attendance.ATTENDED).phase(Phase.INITIAL).addMeasure(measure).build();
  }
}
