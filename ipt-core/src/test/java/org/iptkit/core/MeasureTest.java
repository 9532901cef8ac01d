package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MeasureTest {

  @Test
  void phq9ItemOfMinusOneIsRejected() {
    InvalidValueException e = assertRejected(
        () -> Measure.ofItems(Instrument.PHQ9, 1, -1, 0, 0, 0, 0, 0, 0, 0),
        "items/1", "PHQ-9 item 2", "0..3", "was -1");
    org.assertj.core.api.Assertions.assertThat(e.expected()).hasValue("an item score 0..3");
  }

  @Test
  void phq9ItemOfFourIsRejected() {
    assertRejected(() -> Measure.ofItems(Instrument.PHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 4),
        "items/8", "PHQ-9 item 9", "0..3", "was 4");
  }

  @Test
  void phq9ItemsOfZeroAndThreeAreAccepted() {
    Measure measure = Measure.ofItems(Instrument.PHQ9, 0, 3, 0, 3, 0, 3, 0, 3, 0);

    assertThat(measure.item(1)).hasValue(0);
    assertThat(measure.item(2)).hasValue(3);
    assertThat(measure.totalScore()).isEqualTo(12);
  }

  @Test
  void hamd17ItemFourScoredThreeIsRejectedBecauseItIsScoredZeroToTwo() {
    assertRejected(() -> Measure.ofItems(Instrument.HAMD17,
            0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        "items/3", "HAM-D-17 item 4", "0..2", "was 3");
  }

  @Test
  void hamd17ItemThreeScoredFourAndItemFourScoredTwoAreAccepted() {
    Measure measure = Measure.ofItems(Instrument.HAMD17,
        0, 0, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(measure.totalScore()).isEqualTo(6);
  }

  @Test
  void hamd17ItemSeventeenScoredThreeIsRejected() {
    assertRejected(() -> Measure.ofItems(Instrument.HAMD17,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3),
        "items/16", "HAM-D-17 item 17", "0..2", "was 3");
  }

  @Test
  void pcl5ItemOfFourIsAcceptedAndFiveIsRejected() {
    int[] items = new int[20];
    items[19] = 4;
    assertThat(Measure.ofItems(Instrument.PCL5, items).totalScore()).isEqualTo(4);

    items[19] = 5;
    assertRejected(() -> Measure.ofItems(Instrument.PCL5, items), "items/19", "PCL-5 item 20",
        "was 5");
  }

  @Test
  void phq9WithEightItemsIsRejected() {
    assertRejected(() -> Measure.ofItems(Instrument.PHQ9, 1, 1, 1, 1, 1, 1, 1, 1), "items",
        "PHQ-9 has 9 items", "8 were given");
  }

  @Test
  void gad7WithNineItemsIsRejected() {
    assertRejected(() -> Measure.ofItems(Instrument.GAD7, 1, 1, 1, 1, 1, 1, 1, 1, 1), "items",
        "GAD-7 has 7 items", "9 were given");
  }

  @Test
  void totalDisagreeingWithTheItemsIsRejected() {
    assertRejected(() -> Measure.builder().instrument(Instrument.PHQ9)
            .addItems(2, 3, 2, 2, 1, 2, 2, 1, 0).total(14).build(),
        "total", "total 14", "sum of its items, 15");
  }

  @Test
  void totalAgreeingWithTheItemsIsAccepted() {
    Measure measure = Measure.builder().instrument(Instrument.PHQ9)
        .addItems(2, 3, 2, 2, 1, 2, 2, 1, 0).total(15).build();

    assertThat(measure.totalScore()).isEqualTo(15);
    assertThat(measure.total()).hasValue(15);
  }

  @Test
  void totalAboveTheInstrumentsMaximumIsRejected() {
    assertRejected(() -> Measure.ofTotal(Instrument.PHQ9, 28), "total", "PHQ-9 total",
        "0..27", "was 28");
    assertRejected(() -> Measure.ofTotal(Instrument.HAMD17, 53), "total", "0..52", "was 53");
  }

  @Test
  void negativeTotalIsRejected() {
    assertRejected(() -> Measure.ofTotal(Instrument.EPDS, -1), "total", "EPDS total", "was -1");
  }

  @Test
  void totalsOfZeroAndOfTheMaximumAreAccepted() {
    assertThat(Measure.ofTotal(Instrument.PHQ9, 0).band()).isEqualTo(SeverityBand.MINIMAL);
    assertThat(Measure.ofTotal(Instrument.PHQ9, 27).band()).isEqualTo(SeverityBand.SEVERE);
    assertThat(Measure.ofTotal(Instrument.PCL5, 80).totalScore()).isEqualTo(80);
  }

  @Test
  void measureWithNeitherItemsNorTotalIsRejected() {
    assertRejected(() -> Measure.builder().instrument(Instrument.BDI2).build(), "items",
        "BDI-II measure needs items or a total");
  }

  @Test
  void measureWithoutInstrumentIsRejectedByTheBuilder() {
    assertThatThrownBy(() -> Measure.builder().total(3).build())
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("instrument"))
        .hasMessageContaining("instrument");
  }

  @Test
  void itemsGiveTheTotalAndTheBand() {
    Measure measure = Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0);

    assertThat(measure.totalScore()).isEqualTo(15);
    assertThat(measure.total()).isEmpty();
    assertThat(measure.band()).isEqualTo(SeverityBand.MODERATELY_SEVERE);
  }

  @Test
  void itemOutsideTheInstrumentOrOfATotalOnlyMeasureIsEmpty() {
    Measure items = Measure.ofItems(Instrument.GAD7, 1, 2, 3, 0, 1, 2, 3);
    Measure total = Measure.ofTotal(Instrument.GAD7, 12);

    assertThat(items.item(7)).hasValue(3);
    assertThat(items.item(0)).isEmpty();
    assertThat(items.item(8)).isEmpty();
    assertThat(total.item(1)).isEmpty();
  }

  @Test
  void phq9Item9ScoredOneIsAPositiveSafetyItem() {
    Measure positive = Measure.ofItems(Instrument.PHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    Measure negative = Measure.ofItems(Instrument.PHQ9, 3, 3, 3, 3, 3, 3, 3, 3, 0);

    assertThat(positive.safetyItemScore()).hasValue(1);
    assertThat(positive.safetyItemPositive()).isTrue();
    assertThat(negative.safetyItemPositive()).isFalse();
  }

  @Test
  void epdsItem10IsTheSafetyItem() {
    Measure positive = Measure.ofItems(Instrument.EPDS, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
    Measure negative = Measure.ofItems(Instrument.EPDS, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0);

    assertThat(positive.safetyItemPositive()).isTrue();
    assertThat(negative.safetyItemPositive()).isFalse();
  }

  @Test
  void hamd17Item3IsTheSafetyItem() {
    Measure positive = Measure.ofItems(Instrument.HAMD17,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    Measure negative = Measure.ofItems(Instrument.HAMD17,
        4, 4, 0, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2);

    assertThat(positive.safetyItemPositive()).isTrue();
    assertThat(negative.safetyItemPositive()).isFalse();
    assertThat(negative.totalScore()).isEqualTo(48);
  }

  @Test
  void bdi2Item9IsTheSafetyItem() {
    int[] items = new int[21];
    items[8] = 1;
    assertThat(Measure.ofItems(Instrument.BDI2, items).safetyItemPositive()).isTrue();

    items[8] = 0;
    items[9] = 3;
    assertThat(Measure.ofItems(Instrument.BDI2, items).safetyItemPositive()).isFalse();
  }

  @Test
  void gad7AndPcl5HaveNoSafetyItemEvenAtTheirMaximum() {
    Measure gad7 = Measure.ofItems(Instrument.GAD7, 3, 3, 3, 3, 3, 3, 3);
    int[] items = new int[20];
    java.util.Arrays.fill(items, 4);
    Measure pcl5 = Measure.ofItems(Instrument.PCL5, items);

    assertThat(gad7.safetyItemScore()).isEmpty();
    assertThat(gad7.safetyItemPositive()).isFalse();
    assertThat(pcl5.safetyItemPositive()).isFalse();
    assertThat(pcl5.totalScore()).isEqualTo(80);
  }

  @Test
  void totalOnlyMeasureCannotShowItsSafetyItem() {
    Measure measure = Measure.ofTotal(Instrument.PHQ9, 27);

    assertThat(measure.safetyItemScore()).isEmpty();
    assertThat(measure.safetyItemPositive()).isFalse();
  }

  @Test
  void measuresWithTheSameItemsAreEqualButADateMakesThemDiffer() {
    Measure a = Measure.ofItems(Instrument.GAD7, 1, 1, 1, 1, 1, 1, 1);
    Measure b = Measure.ofItems(Instrument.GAD7, 1, 1, 1, 1, 1, 1, 1);
    Measure dated = Measure.builder().from(a).date(LocalDate.of(2026, 1, 2)).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(dated).isNotEqualTo(a);
    assertThat(dated.totalScore()).isEqualTo(a.totalScore());
  }
}
