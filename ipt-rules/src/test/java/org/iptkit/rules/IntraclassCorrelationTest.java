package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ICC(2,1) and its interval against Shrout &amp; Fleiss's worked example. */
class IntraclassCorrelationTest {
  /**
   * Shrout &amp; Fleiss (1979), Table 2: six targets rated by four judges. Their ICC(2,1) is
   * 0.29; the 95 % interval by McGraw &amp; Wong's formula, as R's psych::ICC prints it for this
   * table, is 0.019 to 0.76 (F = 11.03 on 5 and 15 degrees of freedom).
   */
  static final double[][] SHROUT_FLEISS = {
      {9, 2, 5, 8},
      {6, 1, 3, 2},
      {8, 4, 6, 8},
      {7, 1, 2, 6},
      {10, 5, 6, 9},
      {6, 2, 4, 7}};

  @Test
  void reproducesShroutAndFleissWorkedExampleToThreeDecimals() {
    IntraclassCorrelation icc = IntraclassCorrelation.of(SHROUT_FLEISS);

    assertThat(icc.sessions()).isEqualTo(6);
    assertThat(icc.raters()).isEqualTo(4);
    // the published mean squares: between targets 11.24, between judges 32.49, residual 1.02
    assertThat(icc.msSessions()).isCloseTo(11.24, within(0.005));
    assertThat(icc.msRaters()).isCloseTo(32.49, within(0.005));
    assertThat(icc.msError()).isCloseTo(1.02, within(0.005));
    assertThat(icc.icc().getAsDouble()).isCloseTo(0.290, within(0.0005));
    assertThat(icc.lower().getAsDouble()).isCloseTo(0.019, within(0.0005));
    assertThat(icc.upper().getAsDouble()).isCloseTo(0.76, within(0.005));
    assertThat(icc.band()).contains(ReliabilityBand.POOR);
  }

  @Test
  void theCoefficientDoesNotDependOnTheOrderOfSessionsOrRaters() {
    double[][] reordered = new double[6][];
    for (int i = 0; i < 6; i++) {
      double[] row = SHROUT_FLEISS[5 - i];
      reordered[i] = new double[] {row[3], row[1], row[2], row[0]};
    }
    assertThat(IntraclassCorrelation.of(reordered)).isEqualTo(IntraclassCorrelation.of(SHROUT_FLEISS));
  }

  @Test
  void raterAgreementOnDistinctSessionsIsExcellentAndIdenticalRatingsHaveNoCoefficient() {
    IntraclassCorrelation close = IntraclassCorrelation.of(
        new double[][] {{1, 1.1}, {2, 2}, {3, 3.1}, {4, 4}, {5, 4.9}});
    assertThat(close.icc().getAsDouble()).isGreaterThan(0.9);
    assertThat(close.band()).contains(ReliabilityBand.EXCELLENT);
    assertThat(close.lower().getAsDouble()).isLessThan(close.icc().getAsDouble());
    assertThat(close.upper().getAsDouble()).isBetween(close.icc().getAsDouble(), 1.0);

    IntraclassCorrelation same = IntraclassCorrelation.of(new double[][] {{3, 3}, {3, 3}});
    assertThat(same.icc()).isEmpty();
    assertThat(same.band()).isEmpty();
    assertThat(IntraclassCorrelation.of(new double[][] {{3, 4}}).icc()).isEmpty();
  }

  @Test
  void raggedTablesAreRejected() {
    assertThatThrownBy(() -> IntraclassCorrelation.of(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("each of the 2");
    assertThatThrownBy(() -> IntraclassCorrelation.of(new double[0][]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kooAndLiBandsHaveTheirPublishedBoundaries() {
    assertThat(ReliabilityBand.of(0.49)).isEqualTo(ReliabilityBand.POOR);
    assertThat(ReliabilityBand.of(0.5)).isEqualTo(ReliabilityBand.MODERATE);
    assertThat(ReliabilityBand.of(0.75)).isEqualTo(ReliabilityBand.GOOD);
    assertThat(ReliabilityBand.of(0.9)).isEqualTo(ReliabilityBand.GOOD);
    assertThat(ReliabilityBand.of(0.91)).isEqualTo(ReliabilityBand.EXCELLENT);
  }
}
