package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iptkit.core.fixtures.CourseArbitraries;

class MeasureProperties {

  @Property
  void totalIsTheSumOfTheItems(@ForAll("measuresWithItems") Measure measure) {
    int sum = measure.items().stream().mapToInt(Integer::intValue).sum();

    assertThat(measure.totalScore()).isEqualTo(sum);
    assertThat(measure.band()).isEqualTo(measure.instrument().band(sum));
  }

  @Property
  void measureRebuiltFromItsOwnTotalScoreHasTheSameScore(@ForAll("measures") Measure measure) {
    Measure rebuilt = Measure.ofTotal(measure.instrument(), measure.totalScore());

    assertThat(rebuilt.totalScore()).isEqualTo(measure.totalScore());
    assertThat(rebuilt.band()).isEqualTo(measure.band());
  }

  @Property
  void itemsWithTheirAgreeingTotalAreAcceptedAndEqualInScore(
      @ForAll("measuresWithItems") Measure measure) {
    Measure withTotal = Measure.builder().from(measure).total(measure.totalScore()).build();

    assertThat(withTotal.totalScore()).isEqualTo(measure.totalScore());
    assertThat(withTotal.items()).isEqualTo(measure.items());
  }

  @Property
  void totalDisagreeingWithTheItemsIsAlwaysRejected(@ForAll("measuresWithItems") Measure measure,
      @ForAll @IntRange(min = 1, max = 5) int offBy) {
    int wrong = measure.totalScore() + offBy <= measure.instrument().maxTotal()
        ? measure.totalScore() + offBy : measure.totalScore() - offBy;

    assertThatThrownBy(() -> Measure.builder().from(measure).total(wrong).build())
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("total"));
  }

  @Property
  void anyItemAboveItsRangeIsRejectedAtItsPointer(@ForAll("measuresWithItems") Measure measure,
      @ForAll @IntRange(min = 0, max = 20) int index, @ForAll @IntRange(min = 1, max = 3) int by) {
    Instrument instrument = measure.instrument();
    int at = index % instrument.itemCount();
    List<Integer> items = new ArrayList<>(measure.items());
    items.set(at, instrument.itemMax(at + 1) + by);

    assertThatThrownBy(() -> Measure.builder().instrument(instrument).addAllItems(items).build())
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("items/" + at))
        .hasMessageContaining("item " + (at + 1))
        .hasMessageContaining("was " + items.get(at));
  }

  @Property
  void safetyItemIsPositiveExactlyWhenItsItemIsScored(@ForAll("measuresWithItems") Measure m) {
    boolean expected = m.instrument().safetyItem().isPresent()
        && m.items().get(m.instrument().safetyItem().getAsInt() - 1) >= 1;

    assertThat(m.safetyItemPositive()).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Measure> measures() {
    return CourseArbitraries.measures();
  }

  @Provide
  Arbitrary<Measure> measuresWithItems() {
    return CourseArbitraries.instruments().flatMap(CourseArbitraries::measuresWithItems);
  }
}
