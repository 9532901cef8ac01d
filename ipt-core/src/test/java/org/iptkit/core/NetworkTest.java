package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The inventory as a social network: metrics of one snapshot and the change between two. */
class NetworkTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 12);
  private static final LocalDate END = LocalDate.of(2026, 4, 20);

  /** Partner and sister inner, father (deceased) middle, friend outer, colleague unplaced. */
  private static InterpersonalInventory before() {
    return InterpersonalInventory.builder().takenOn(START)
        .addPerson(Person.builder().id("friend").circle(3).build())
        .addPerson(Person.builder().id("partner").circle(1).conflict(true).changedNearOnset(true)
            .build())
        .addPerson(Person.builder().id("father").circle(2).deceased(true).build())
        .addPerson(Person.builder().id("sister").circle(1).confidant(true).build())
        .addPerson(Person.builder().id("colleague").build())
        .build();
  }

  /** The partner moved out to circle 2, the friend came in as a confidant, a neighbour joined. */
  private static InterpersonalInventory after() {
    return InterpersonalInventory.builder().takenOn(END)
        .addPerson(Person.builder().id("partner").circle(2).conflict(true).build())
        .addPerson(Person.builder().id("sister").circle(1).confidant(true).build())
        .addPerson(Person.builder().id("friend").circle(1).confidant(true).build())
        .addPerson(Person.builder().id("neighbour").circle(3).build())
        .build();
  }

  @Test
  void metricsCountPeopleCirclesConfidantsConflictsAndDeaths() {
    NetworkMetrics metrics = before().metrics();

    assertThat(metrics.size()).isEqualTo(5);
    assertThat(metrics.innerCircle()).isEqualTo(2);
    assertThat(metrics.confidants()).isEqualTo(1);
    assertThat(metrics.conflicts()).isEqualTo(1);
    assertThat(metrics.changedNearOnset()).isEqualTo(1);
    assertThat(metrics.deceased()).isEqualTo(1);
  }

  @Test
  void perCircleCountsByAscendingCircleAndLeavesOutPeopleWithoutCircle() {
    NetworkMetrics metrics = before().metrics();

    assertThat(metrics.perCircle()).containsExactly(entry(1, 2), entry(2, 1), entry(3, 1));
    assertThat(metrics.perCircle().keySet()).containsExactly(1, 2, 3);
  }

  @Test
  void innerCircleListsThePeopleOfCircleOneInRecordedOrder() {
    assertThat(before().innerCircle()).extracting(Person::id).containsExactly("partner", "sister");
  }

  @Test
  void comparisonNamesWhoEnteredAndWhoLeftTheInnerCircle() {
    NetworkComparison comparison = before().compareWith(after());

    assertThat(comparison.enteredInnerCircle()).containsExactly("friend");
    assertThat(comparison.leftInnerCircle()).containsExactly("partner");
    assertThat(comparison.isUnchanged()).isFalse();
  }

  @Test
  void comparisonGivesTheChangeOfSizeInnerCircleConfidantsAndConflicts() {
    NetworkComparison comparison = before().compareWith(after());

    assertThat(comparison.sizeChange()).isEqualTo(-1);
    assertThat(comparison.innerCircleChange()).isZero();
    assertThat(comparison.confidantChange()).isEqualTo(1);
    assertThat(comparison.conflictChange()).isZero();
    assertThat(comparison.before()).isEqualTo(before().metrics());
    assertThat(comparison.after()).isEqualTo(after().metrics());
  }

  @Test
  void supportGrewWithMoreConfidants() {
    assertThat(before().compareWith(after()).supportGrew()).isTrue();
  }

  @Test
  void supportGrewWithALargerInnerCircleAndNoMoreConflict() {
    InterpersonalInventory later = InterpersonalInventory.builder().from(before()).takenOn(END)
        .addPerson(Person.builder().id("cousin").circle(1).build()).build();
    NetworkComparison comparison = before().compareWith(later);

    assertThat(comparison.confidantChange()).isZero();
    assertThat(comparison.innerCircleChange()).isEqualTo(1);
    assertThat(comparison.supportGrew()).isTrue();
  }

  @Test
  void supportDidNotGrowWhenTheInnerCircleGrewWithAConflict() {
    InterpersonalInventory later = InterpersonalInventory.builder().from(before()).takenOn(END)
        .addPerson(Person.builder().id("cousin").circle(1).conflict(true).build()).build();
    NetworkComparison comparison = before().compareWith(later);

    assertThat(comparison.innerCircleChange()).isEqualTo(1);
    assertThat(comparison.conflictChange()).isEqualTo(1);
    assertThat(comparison.supportGrew()).isFalse();
  }

  @Test
  void supportDidNotGrowWhenOnlyOuterCirclesGrew() {
    InterpersonalInventory later = InterpersonalInventory.builder().from(before()).takenOn(END)
        .addPerson(Person.builder().id("coach").circle(3).build()).build();
    NetworkComparison comparison = before().compareWith(later);

    assertThat(comparison.sizeChange()).isEqualTo(1);
    assertThat(comparison.supportGrew()).isFalse();
    assertThat(comparison.isUnchanged()).isFalse();
  }

  @Test
  void snapshotComparedWithItselfIsUnchanged() {
    NetworkComparison comparison = before().compareWith(before());

    assertThat(comparison.isUnchanged()).isTrue();
    assertThat(comparison.enteredInnerCircle()).isEmpty();
    assertThat(comparison.leftInnerCircle()).isEmpty();
    assertThat(comparison.supportGrew()).isFalse();
  }

  @Test
  void moveBetweenOuterCirclesIsAChangeThoughNobodyEnteredOrLeft() {
    InterpersonalInventory later = InterpersonalInventory.builder().takenOn(END)
        .addAllPeople(before().people().stream()
            .map(p -> p.id().equals("friend") ? Person.copyOf(p).withCircle(2) : p)
            .toList())
        .build();
    NetworkComparison comparison = before().compareWith(later);

    assertThat(comparison.enteredInnerCircle()).isEmpty();
    assertThat(comparison.leftInnerCircle()).isEmpty();
    assertThat(comparison.isUnchanged()).isFalse();
  }

  @Test
  void courseComparesItsFirstAndLastInventoryWhateverTheRecordedOrder() {
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-acute-16")
        .status(CourseStatus.COMPLETED).addInventories(after(), before()).build();

    assertThat(course.networkChange()).contains(before().compareWith(after()));
  }

  @Test
  void courseWithOneInventoryHasNoNetworkChange() {
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-acute-16")
        .status(CourseStatus.COMPLETED).addInventory(before()).build();

    assertThat(course.networkChange()).isEmpty();
  }

  @Test
  void courseWithoutInventoryHasNoNetworkChange() {
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-acute-16")
        .status(CourseStatus.ONGOING).build();

    assertThat(course.networkChange()).isEmpty();
  }

  @Test
  void courseWhoseInventoriesShareOneDateHasNoNetworkChange() {
    InterpersonalInventory sameDay = InterpersonalInventory.builder().from(after())
        .takenOn(START).build();
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-acute-16")
        .status(CourseStatus.COMPLETED).addInventories(before(), sameDay).build();

    assertThat(course.networkChange()).isEmpty();
  }
}
