package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The intervals of a cohort report against published values. */
class StatisticsTest {
  @ParameterizedTest(name = "{0} of {1}: {2} to {3}")
  @CsvSource({
      // Newcombe, Statistics in Medicine 1998;17:857, Table I, method 3 (Wilson score)
      "81, 263, 0.2553, 0.3662",
      "15, 148, 0.0624, 0.1605",
      "0, 20, 0.0000, 0.1611",
      "1, 29, 0.0061, 0.1718"})
  void wilsonIntervalsMatchNewcombesTable(long count, long n, double lower, double upper) {
    Proportion proportion = Proportion.of(count, n);

    assertThat(proportion.lower().getAsDouble()).isCloseTo(lower, within(0.00005));
    assertThat(proportion.upper().getAsDouble()).isCloseTo(upper, within(0.00005));
  }

  @Test
  void wilsonIntervalsEndExactlyAtZeroAndOneAndAreEmptyWithoutCourses() {
    assertThat(Proportion.of(0, 7).lower()).hasValue(0.0);
    assertThat(Proportion.of(7, 7).upper()).hasValue(1.0);
    assertThat(Proportion.of(7, 7).lower().getAsDouble()).isLessThan(1.0);
    assertThat(Proportion.of(0, 0).lower()).isEmpty();
    assertThat(Proportion.of(0, 0).upper()).isEmpty();
  }

  @Test
  void fAndTQuantilesMatchPrintedTables() {
    // F(0.975; 5, 15) = 3.576 and t(0.975; 10) = 2.228 in the standard printed tables
    assertThat(Statistics.fQuantile(0.975, 5, 15)).isCloseTo(3.576, within(0.0005));
    assertThat(Statistics.t975(10)).isCloseTo(2.228, within(0.0005));
    assertThat(Statistics.t975(1)).isCloseTo(12.706, within(0.0005));
    assertThat(Statistics.fCdf(Statistics.fQuantile(0.975, 5, 2.5), 5, 2.5))
        .isCloseTo(0.975, within(1e-12));
  }

  @Test
  void meanAdherenceHasAStudentTIntervalOverCourses() {
    // adherence 0.5, 0.7, 0.9: mean 0.7, sd 0.2, half-width t(2) * 0.2 / sqrt(3)
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    java.math.BigDecimal squares = java.math.BigDecimal.ZERO;
    for (double value : new double[] {0.5, 0.7, 0.9}) {
      java.math.BigDecimal exact = new java.math.BigDecimal(value);
      sum = sum.add(exact);
      squares = squares.add(exact.multiply(exact));
    }
    double[] interval = CohortReport.meanInterval(sum, squares, 3);
    double half = 4.302653 * 0.2 / Math.sqrt(3);

    assertThat(interval[0]).isCloseTo(0.7, within(1e-12));
    assertThat(interval[1]).isCloseTo(0.7 - half, within(1e-6));
    assertThat(interval[2]).isCloseTo(Math.min(1, 0.7 + half), within(1e-6));
    assertThat(CohortReport.meanInterval(sum, squares, 1)[1]).isNaN();
  }
}
