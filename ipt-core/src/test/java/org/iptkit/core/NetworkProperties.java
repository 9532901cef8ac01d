package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.fixtures.CourseArbitraries;

class NetworkProperties {

  @Property
  void snapshotComparedWithItselfShowsNoChange(
      @ForAll("inventories") InterpersonalInventory inventory) {
    NetworkComparison comparison = inventory.compareWith(inventory);

    assertThat(comparison.isUnchanged()).isTrue();
    assertThat(comparison.enteredInnerCircle()).isEmpty();
    assertThat(comparison.leftInnerCircle()).isEmpty();
    assertThat(comparison.supportGrew()).isFalse();
  }

  @Property
  void comparingBackwardsSwapsWhoEnteredAndWhoLeft(
      @ForAll("pairs") List<InterpersonalInventory> pair) {
    NetworkComparison forward = pair.get(0).compareWith(pair.get(1));
    NetworkComparison backward = pair.get(1).compareWith(pair.get(0));

    assertThat(backward.enteredInnerCircle()).isEqualTo(forward.leftInnerCircle());
    assertThat(backward.leftInnerCircle()).isEqualTo(forward.enteredInnerCircle());
    assertThat(backward.confidantChange()).isEqualTo(-forward.confidantChange());
    assertThat(backward.innerCircleChange()).isEqualTo(-forward.innerCircleChange());
    assertThat(backward.isUnchanged()).isEqualTo(forward.isUnchanged());
  }

  @Property
  void innerCircleChangeIsEnteredMinusLeft(@ForAll("pairs") List<InterpersonalInventory> pair) {
    NetworkComparison comparison = pair.get(0).compareWith(pair.get(1));

    assertThat(comparison.innerCircleChange()).isEqualTo(
        comparison.enteredInnerCircle().size() - comparison.leftInnerCircle().size());
  }

  @Property
  void metricsCountEveryPersonOnceByAscendingCircle(
      @ForAll("inventories") InterpersonalInventory inventory) {
    NetworkMetrics metrics = inventory.metrics();
    long placed = inventory.people().stream().filter(p -> p.circle().isPresent()).count();

    assertThat(metrics.size()).isEqualTo(inventory.people().size());
    assertThat(metrics.perCircle().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo((int) placed);
    assertThat(List.copyOf(metrics.perCircle().keySet())).isSorted();
    assertThat(metrics.innerCircle()).isEqualTo(metrics.perCircle().getOrDefault(1, 0));
    assertThat(metrics.innerCircle()).isEqualTo(inventory.innerCircle().size());
  }

  @Provide
  Arbitrary<InterpersonalInventory> inventories() {
    return CourseArbitraries.inventories();
  }

  @Provide
  Arbitrary<List<InterpersonalInventory>> pairs() {
    return CourseArbitraries.inventoryPairs();
  }
}
