package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Report decimals are the exact value rounded half up to four decimals, whether or not the value
 * was written before (the writer remembers recent values).
 */
class ReportDecimalProperties {
  @Property(tries = 2000)
  void aRatioIsWrittenAsItsExactValueRoundedHalfUp(@ForAll @IntRange(min = 0, max = 60) int passed,
      @ForAll @IntRange(min = 1, max = 60) int applicable) {
    double ratio = (double) Math.min(passed, applicable) / applicable;

    assertThat(ReportJsonWriter.decimal(ratio)).isEqualTo(reference(ratio));
    assertThat(ReportJsonWriter.decimal(ratio)).isEqualTo(reference(ratio));
  }

  @Property(tries = 2000)
  void anyFiniteValueIsWrittenTheSameTheSecondTime(
      @ForAll @DoubleRange(min = -1e9, max = 1e9) double value) {
    String first = ReportJsonWriter.decimal(value);

    assertThat(first).isEqualTo(reference(value));
    assertThat(ReportJsonWriter.decimal(value)).isEqualTo(first);
  }

  private static String reference(double value) {
    BigDecimal rounded = new BigDecimal(value).setScale(4, RoundingMode.HALF_UP)
        .stripTrailingZeros();
    if (rounded.scale() < 1) {
      rounded = rounded.setScale(1, RoundingMode.UNNECESSARY);
    }
    return rounded.signum() == 0 ? "0.0" : rounded.toPlainString();
  }
}
