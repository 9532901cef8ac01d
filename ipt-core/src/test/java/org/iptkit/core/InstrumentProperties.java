package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;
import org.iptkit.core.fixtures.CourseArbitraries;

class InstrumentProperties {

  @Property
  void bandIsMonotoneInTheTotal(@ForAll("totalPairs") Tuple3<Instrument, Integer, Integer> t) {
    Instrument instrument = t.get1();
    int lower = Math.min(t.get2(), t.get3());
    int higher = Math.max(t.get2(), t.get3());

    assertThat(instrument.bands().indexOf(instrument.band(lower)))
        .isLessThanOrEqualTo(instrument.bands().indexOf(instrument.band(higher)));
  }

  @Property
  void everyTotalFallsInABandStartingAtOrBelowIt(@ForAll("totals") Tuple2<Instrument, Integer> t) {
    Instrument instrument = t.get1();
    int total = t.get2();
    SeverityBand band = instrument.band(total);
    int index = instrument.bands().indexOf(band);

    assertThat(instrument.bandStart(band)).isLessThanOrEqualTo(total);
    if (index + 1 < instrument.bands().size()) {
      assertThat(instrument.bandStart(instrument.bands().get(index + 1))).isGreaterThan(total);
    }
  }

  @Property
  void remissionAgreesWithTheLeastSevereBand(@ForAll("totals") Tuple2<Instrument, Integer> t) {
    Instrument instrument = t.get1();
    int total = t.get2();

    assertThat(instrument.isRemission(total))
        .isEqualTo(instrument.band(total) == instrument.bands().get(0));
  }

  @Property
  @StatisticsReport(StatisticsReportMode.OFF)
  void responseImpliesTheLastScoreIsBelowBaseline(
      @ForAll("totalPairs") Tuple3<Instrument, Integer, Integer> t) {
    Instrument instrument = t.get1();
    int baseline = t.get2();
    int last = t.get3();

    boolean response = instrument.isResponse(baseline, last);
    if (response) {
      assertThat(last).isLessThan(baseline);
      assertThat(SymptomChange.of(instrument, baseline, last).change()).isNegative();
    }
    Statistics.label("response").collect(response);
    Statistics.label("response").coverage(coverage ->
        coverage.check(true).percentage(p -> p > 10));
  }

  @Property
  void responseStaysAResponseWhenTheLastScoreIsLower(
      @ForAll("totalPairs") Tuple3<Instrument, Integer, Integer> t) {
    Instrument instrument = t.get1();
    int baseline = t.get2();
    int last = t.get3();

    if (instrument.isResponse(baseline, last) && last > 0) {
      assertThat(instrument.isResponse(baseline, last - 1)).isTrue();
    }
  }

  @Property
  void responseIsHalvingOrTenPointsForPcl5(
      @ForAll("totalPairs") Tuple3<Instrument, Integer, Integer> t) {
    Instrument instrument = t.get1();
    int baseline = t.get2();
    int last = t.get3();
    boolean expected = instrument == Instrument.PCL5
        ? baseline - last >= 10
        : baseline > 0 && last * 2 <= baseline;

    assertThat(instrument.isResponse(baseline, last)).isEqualTo(expected);
  }

  @Property
  void symptomChangeAgreesWithItsInstrument(
      @ForAll("totalPairs") Tuple3<Instrument, Integer, Integer> t) {
    SymptomChange change = SymptomChange.of(t.get1(), t.get2(), t.get3());

    assertThat(change.change()).isEqualTo(t.get3() - t.get2());
    assertThat(change.response()).isEqualTo(t.get1().isResponse(t.get2(), t.get3()));
    assertThat(change.remission()).isEqualTo(t.get1().isRemission(t.get3()));
    assertThat(change.lastAtOrAboveCutOff()).isEqualTo(t.get3() >= t.get1().cutOff());
  }

  /** An instrument and two possible totals of it. */
  @Provide
  Arbitrary<Tuple3<Instrument, Integer, Integer>> totalPairs() {
    return CourseArbitraries.instruments().flatMap(instrument -> Combinators.combine(
            CourseArbitraries.totals(instrument), CourseArbitraries.totals(instrument))
        .as((a, b) -> Tuple.of(instrument, a, b)));
  }

  /** An instrument and a possible total of it. */
  @Provide
  Arbitrary<Tuple2<Instrument, Integer>> totals() {
    return CourseArbitraries.instruments().flatMap(instrument ->
        CourseArbitraries.totals(instrument).map(total -> Tuple.of(instrument, total)));
  }
}
