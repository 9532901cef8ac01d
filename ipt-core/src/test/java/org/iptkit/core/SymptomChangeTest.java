package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SymptomChangeTest {

  @Test
  void phq9From15To6IsAResponseButNotARemission() {
    SymptomChange change = SymptomChange.of(Instrument.PHQ9, 15, 6);

    assertThat(change.change()).isEqualTo(-9);
    assertThat(change.baselineBand()).isEqualTo(SeverityBand.MODERATELY_SEVERE);
    assertThat(change.lastBand()).isEqualTo(SeverityBand.MILD);
    assertThat(change.response()).isTrue();
    assertThat(change.remission()).isFalse();
    assertThat(change.lastAtOrAboveCutOff()).isFalse();
  }

  @Test
  void phq9From20To4IsAResponseAndARemission() {
    SymptomChange change = SymptomChange.of(Instrument.PHQ9, 20, 4);

    assertThat(change.response()).isTrue();
    assertThat(change.remission()).isTrue();
  }

  @Test
  void pcl5From45To36IsNoResponseAndStillAboveTheCutOff() {
    SymptomChange change = SymptomChange.of(Instrument.PCL5, 45, 36);

    assertThat(change.response()).isFalse();
    assertThat(change.lastAtOrAboveCutOff()).isTrue();
    assertThat(change.lastBand()).isEqualTo(SeverityBand.PROBABLE_PTSD);
  }

  @Test
  void worseningShowsAsAPositiveChange() {
    SymptomChange change = SymptomChange.of(Instrument.GAD7, 8, 14);

    assertThat(change.change()).isEqualTo(6);
    assertThat(change.response()).isFalse();
  }

  @Test
  void baselineOutsideTheInstrumentsRangeIsRejected() {
    assertRejected(() -> SymptomChange.of(Instrument.PHQ9, 28, 3), "baseline", "PHQ-9 baseline",
        "was 28");
  }

  @Test
  void lastScoreOutsideTheInstrumentsRangeIsRejected() {
    assertRejected(() -> SymptomChange.of(Instrument.GAD7, 12, -1), "last", "GAD-7 last score",
        "was -1");
  }

  @Test
  void scoreWithAnImpossibleTotalIsRejected() {
    assertRejected(() -> Score.builder().instrument(Instrument.EPDS)
        .date(LocalDate.of(2026, 2, 2)).total(31).build(), "total", "EPDS total", "was 31");
  }

  @Test
  void scoreKnowsItsBand() {
    Score score = Score.builder().instrument(Instrument.BDI2).date(LocalDate.of(2026, 2, 2))
        .sessionNumber(4).total(20).build();

    assertThat(score.band()).isEqualTo(SeverityBand.MODERATE);
    assertThat(score.sessionNumber()).hasValue(4);
  }
}
