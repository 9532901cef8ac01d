package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.core.SeverityBand.MILD;
import static org.iptkit.core.SeverityBand.MINIMAL;
import static org.iptkit.core.SeverityBand.MODERATE;
import static org.iptkit.core.SeverityBand.MODERATELY_SEVERE;
import static org.iptkit.core.SeverityBand.NORMAL;
import static org.iptkit.core.SeverityBand.SEVERE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Scoring against the published cut-offs of docs/clinical.md, Measures. */
class InstrumentTest {

  @Test
  void phq9BandsChangeAtKroenkeCutOffs() {
    Instrument phq9 = Instrument.PHQ9;
    assertThat(phq9.band(0)).isEqualTo(MINIMAL);
    assertThat(phq9.band(4)).isEqualTo(MINIMAL);
    assertThat(phq9.band(5)).isEqualTo(MILD);
    assertThat(phq9.band(9)).isEqualTo(MILD);
    assertThat(phq9.band(10)).isEqualTo(MODERATE);
    assertThat(phq9.band(14)).isEqualTo(MODERATE);
    assertThat(phq9.band(15)).isEqualTo(MODERATELY_SEVERE);
    assertThat(phq9.band(19)).isEqualTo(MODERATELY_SEVERE);
    assertThat(phq9.band(20)).isEqualTo(SEVERE);
    assertThat(phq9.band(27)).isEqualTo(SEVERE);
  }

  @Test
  void gad7BandsChangeAtFiveTenAndFifteen() {
    Instrument gad7 = Instrument.GAD7;
    assertThat(gad7.band(4)).isEqualTo(MINIMAL);
    assertThat(gad7.band(5)).isEqualTo(MILD);
    assertThat(gad7.band(9)).isEqualTo(MILD);
    assertThat(gad7.band(10)).isEqualTo(MODERATE);
    assertThat(gad7.band(14)).isEqualTo(MODERATE);
    assertThat(gad7.band(15)).isEqualTo(SEVERE);
    assertThat(gad7.band(21)).isEqualTo(SEVERE);
  }

  @Test
  void epdsTenIsPossibleAndThirteenProbableDepression() {
    Instrument epds = Instrument.EPDS;
    assertThat(epds.band(9)).isEqualTo(SeverityBand.UNLIKELY_DEPRESSION);
    assertThat(epds.band(10)).isEqualTo(SeverityBand.POSSIBLE_DEPRESSION);
    assertThat(epds.band(12)).isEqualTo(SeverityBand.POSSIBLE_DEPRESSION);
    assertThat(epds.band(13)).isEqualTo(SeverityBand.PROBABLE_DEPRESSION);
    assertThat(epds.band(30)).isEqualTo(SeverityBand.PROBABLE_DEPRESSION);
  }

  @Test
  void hamd17BandsFollowZimmerman() {
    Instrument hamd = Instrument.HAMD17;
    assertThat(hamd.band(7)).isEqualTo(NORMAL);
    assertThat(hamd.band(8)).isEqualTo(MILD);
    assertThat(hamd.band(16)).isEqualTo(MILD);
    assertThat(hamd.band(17)).isEqualTo(MODERATE);
    assertThat(hamd.band(23)).isEqualTo(MODERATE);
    assertThat(hamd.band(24)).isEqualTo(SEVERE);
    assertThat(hamd.band(52)).isEqualTo(SEVERE);
  }

  @Test
  void bdi2BandsChangeAtFourteenTwentyAndTwentyNine() {
    Instrument bdi = Instrument.BDI2;
    assertThat(bdi.band(13)).isEqualTo(MINIMAL);
    assertThat(bdi.band(14)).isEqualTo(MILD);
    assertThat(bdi.band(19)).isEqualTo(MILD);
    assertThat(bdi.band(20)).isEqualTo(MODERATE);
    assertThat(bdi.band(28)).isEqualTo(MODERATE);
    assertThat(bdi.band(29)).isEqualTo(SEVERE);
    assertThat(bdi.band(63)).isEqualTo(SEVERE);
  }

  @Test
  void pcl5ThirtyThreeIsProbablePtsd() {
    assertThat(Instrument.PCL5.band(32)).isEqualTo(SeverityBand.BELOW_PTSD_THRESHOLD);
    assertThat(Instrument.PCL5.band(33)).isEqualTo(SeverityBand.PROBABLE_PTSD);
    assertThat(Instrument.PCL5.band(80)).isEqualTo(SeverityBand.PROBABLE_PTSD);
  }

  @ParameterizedTest(name = "{0}: {1} items, max total {2}")
  @CsvSource({
      "PHQ9, 9, 27", "GAD7, 7, 21", "EPDS, 10, 30", "HAMD17, 17, 52", "BDI2, 21, 63",
      "PCL5, 20, 80"})
  void itemCountAndMaximumTotalFollowTheInstrument(Instrument instrument, int items, int max) {
    assertThat(instrument.itemCount()).isEqualTo(items);
    assertThat(instrument.maxTotal()).isEqualTo(max);
    assertThat(instrument.isValidTotal(max)).isTrue();
    assertThat(instrument.isValidTotal(max + 1)).isFalse();
    assertThat(instrument.isValidTotal(-1)).isFalse();
  }

  @Test
  void hamd17MaximumTotalIs52BecauseEightItemsAreScoredZeroToTwo() {
    int twoPoint = 0;
    for (int number = 1; number <= 17; number++) {
      twoPoint += Instrument.HAMD17.itemMax(number) == 2 ? 1 : 0;
    }
    assertThat(twoPoint).isEqualTo(8);
    assertThat(Instrument.HAMD17.itemMax(3)).isEqualTo(4);
    assertThat(Instrument.HAMD17.itemMax(4)).isEqualTo(2);
    assertThat(Instrument.HAMD17.itemMax(6)).isEqualTo(2);
    assertThat(Instrument.HAMD17.itemMax(7)).isEqualTo(4);
    assertThat(Instrument.HAMD17.itemMax(16)).isEqualTo(2);
    assertThat(Instrument.HAMD17.itemMax(17)).isEqualTo(2);
    assertThat(Instrument.HAMD17.maxTotal()).isEqualTo(52);
  }

  @Test
  void itemNumberOutsideTheInstrumentIsRejected() {
    assertThatThrownBy(() -> Instrument.PHQ9.itemMax(10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 10");
    assertThatThrownBy(() -> Instrument.PHQ9.itemMax(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
  }

  @Test
  void safetyItemsArePhq9Item9Epds10Hamd3Bdi9AndNoneForGad7AndPcl5() {
    assertThat(Instrument.PHQ9.safetyItem()).hasValue(9);
    assertThat(Instrument.EPDS.safetyItem()).hasValue(10);
    assertThat(Instrument.HAMD17.safetyItem()).hasValue(3);
    assertThat(Instrument.BDI2.safetyItem()).hasValue(9);
    assertThat(Instrument.GAD7.safetyItem()).isEmpty();
    assertThat(Instrument.PCL5.safetyItem()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: cut-off {1}, deterioration +{2}")
  @CsvSource({
      "PHQ9, 10, 6", "GAD7, 10, 4", "EPDS, 13, 4", "HAMD17, 17, 5", "PCL5, 33, 10",
      "BDI2, 20, 5"})
  void cutOffAndDeteriorationPointsFollowDomainSection7(Instrument instrument, int cutOff,
      int deterioration) {
    assertThat(instrument.cutOff()).isEqualTo(cutOff);
    assertThat(instrument.isAtOrAboveCutOff(cutOff)).isTrue();
    assertThat(instrument.isAtOrAboveCutOff(cutOff - 1)).isFalse();
    assertThat(instrument.deteriorationPoints()).isEqualTo(deterioration);
  }

  @Test
  void phq9CutOffIsTen() {
    assertThat(Instrument.PHQ9.isAtOrAboveCutOff(9)).isFalse();
    assertThat(Instrument.PHQ9.isAtOrAboveCutOff(10)).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1} is remission, {2} is not")
  @CsvSource({
      "PHQ9, 4, 5", "GAD7, 4, 5", "EPDS, 9, 10", "HAMD17, 7, 8", "PCL5, 32, 33", "BDI2, 13, 14"})
  void remissionEndsAtTheInstrumentsBound(Instrument instrument, int remitted, int notRemitted) {
    assertThat(instrument.isRemission(0)).isTrue();
    assertThat(instrument.isRemission(remitted)).isTrue();
    assertThat(instrument.isRemission(notRemitted)).isFalse();
    assertThat(instrument.isRemission(instrument.maxTotal())).isFalse();
  }

  @Test
  void hamd17RemissionIsSevenOrBelow() {
    assertThat(Instrument.HAMD17.isRemission(7)).isTrue();
    assertThat(Instrument.HAMD17.isRemission(8)).isFalse();
  }

  @Test
  void phq9RemissionIsBelowFive() {
    assertThat(Instrument.PHQ9.isRemission(4)).isTrue();
    assertThat(Instrument.PHQ9.isRemission(5)).isFalse();
  }

  @Test
  void responseIsAtLeastHalvingTheBaseline() {
    assertThat(Instrument.PHQ9.isResponse(20, 10)).isTrue();
    assertThat(Instrument.PHQ9.isResponse(20, 11)).isFalse();
    assertThat(Instrument.PHQ9.isResponse(15, 7)).isTrue();
    assertThat(Instrument.PHQ9.isResponse(15, 8)).isFalse();
    assertThat(Instrument.HAMD17.isResponse(24, 12)).isTrue();
    assertThat(Instrument.BDI2.isResponse(29, 15)).isFalse();
    assertThat(Instrument.EPDS.isResponse(1, 0)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Instrument.class)
  void baselineOfZeroIsNeverAResponse(Instrument instrument) {
    assertThat(instrument.isResponse(0, 0)).isFalse();
  }

  @Test
  void noChangeAndWorseningAreNeverAResponse() {
    for (Instrument instrument : Instrument.values()) {
      assertThat(instrument.isResponse(12, 12)).as(instrument.name()).isFalse();
      assertThat(instrument.isResponse(12, 20)).as(instrument.name()).isFalse();
    }
  }

  @Test
  void pcl5ResponseIsADropOfTenPointsNotAHalving() {
    assertThat(Instrument.PCL5.isResponse(40, 30)).isTrue();
    assertThat(Instrument.PCL5.isResponse(40, 31)).isFalse();
    assertThat(Instrument.PCL5.isResponse(80, 45)).isTrue();
    assertThat(Instrument.PCL5.isResponse(18, 9)).isFalse();
    assertThat(Instrument.PCL5.isResponse(10, 0)).isTrue();
  }

  @Test
  void scoringAnImpossibleTotalIsRejected() {
    assertThatThrownBy(() -> Instrument.PHQ9.band(28))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 28");
    assertThatThrownBy(() -> Instrument.GAD7.isRemission(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
    assertThatThrownBy(() -> Instrument.PHQ9.isResponse(30, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 30");
    assertThatThrownBy(() -> Instrument.PHQ9.isAtOrAboveCutOff(99))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 99");
  }

  @Test
  void bandsAreListedFromLeastToMostSevereWithTheirLowestTotals() {
    assertThat(Instrument.PHQ9.bands())
        .containsExactly(MINIMAL, MILD, MODERATE, MODERATELY_SEVERE, SEVERE);
    assertThat(Instrument.HAMD17.bands()).containsExactly(NORMAL, MILD, MODERATE, SEVERE);
    assertThat(Instrument.PHQ9.bandStart(MODERATELY_SEVERE)).isEqualTo(15);
    assertThat(Instrument.HAMD17.bandStart(SEVERE)).isEqualTo(24);
    assertThat(Instrument.EPDS.bandStart(SeverityBand.PROBABLE_DEPRESSION)).isEqualTo(13);
  }

  @Test
  void bandsCannotBeChangedThroughTheReturnedList() {
    assertThatThrownBy(() -> Instrument.PHQ9.bands().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Instrument.PHQ9.bands()).hasSize(5);
  }

  @Test
  void bandStartOfABandTheInstrumentDoesNotUseIsRejected() {
    assertThatThrownBy(() -> Instrument.PHQ9.bandStart(SeverityBand.PROBABLE_PTSD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PHQ-9").hasMessageContaining("PROBABLE_PTSD");
  }

  @Test
  void displayNamesAreTheNamesCliniciansUse() {
    assertThat(Instrument.PHQ9.displayName()).isEqualTo("PHQ-9");
    assertThat(Instrument.HAMD17.displayName()).isEqualTo("HAM-D-17");
    assertThat(Instrument.BDI2.displayName()).isEqualTo("BDI-II");
    assertThat(Instrument.PCL5.displayName()).isEqualTo("PCL-5");
  }
}
