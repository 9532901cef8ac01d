package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.core.Rejections.assertRejected;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonAndInventoryTest {

  private static final LocalDate TAKEN = LocalDate.of(2026, 1, 12);

  @Test
  void circleZeroIsRejected() {
    assertRejected(() -> Person.builder().id("sister").circle(0).build(), "circle", "circle",
        "was 0");
  }

  @Test
  void negativeCircleIsRejected() {
    assertRejected(() -> Person.builder().id("sister").circle(-1).build(), "circle", "was -1");
  }

  @Test
  void circleOneIsAcceptedAsTheInnerCircle() {
    Person person = Person.builder().id("sister").circle(1).build();

    assertThat(person.inInnerCircle()).isTrue();
  }

  @Test
  void circlesBeyondThreeAreAcceptedBecauseProfilesMayHaveMore() {
    Person person = Person.builder().id("coach").circle(5).build();

    assertThat(person.circle()).hasValue(5);
    assertThat(person.inInnerCircle()).isFalse();
  }

  @Test
  void personWithoutCircleIsInNoCircle() {
    assertThat(Person.builder().id("coach").build().inInnerCircle()).isFalse();
  }

  @Test
  void dateOfDeathWithoutDeceasedIsRejected() {
    assertRejected(() -> Person.builder().id("father").diedOn(LocalDate.of(2025, 6, 2)).build(),
        "diedOn", "diedOn", "not marked deceased");
  }

  @Test
  void dateOfDeathOfADeceasedPersonIsAccepted() {
    Person father = Person.builder().id("father").deceased(true)
        .diedOn(LocalDate.of(2025, 6, 2)).build();

    assertThat(father.diedOn()).contains(LocalDate.of(2025, 6, 2));
  }

  @Test
  void deceasedPersonWithoutDateIsAccepted() {
    assertThat(Person.builder().id("father").deceased(true).build().diedOn()).isEmpty();
  }

  @Test
  void blankPersonIdIsRejected() {
    assertRejected(() -> Person.builder().id(" ").build(), "id", "id must not be blank");
  }

  @Test
  void flagsDefaultToFalse() {
    Person person = Person.builder().id("friend").build();

    assertThat(person.confidant()).isFalse();
    assertThat(person.conflict()).isFalse();
    assertThat(person.changedNearOnset()).isFalse();
    assertThat(person.deceased()).isFalse();
    assertThat(person.expectationsMet()).isEmpty();
  }

  @Test
  void repeatedPersonIdInOneInventoryIsRejectedWithoutQuotingTheId() {
    InvalidValueException e = assertRejected(() -> InterpersonalInventory.builder()
            .takenOn(TAKEN)
            .addPerson(Person.builder().id("sister").circle(1).build())
            .addPerson(Person.builder().id("partner").circle(1).build())
            .addPerson(Person.builder().id("sister").circle(2).build())
            .build(),
        "people/2/id", "people/2", "repeats");

    assertThat(e.getMessage()).doesNotContain("sister");
  }

  @Test
  void samePersonIdInTwoInventoriesIsAccepted() {
    Person sister = Person.builder().id("sister").build();
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-b-8")
        .status(CourseStatus.ONGOING)
        .addInventory(InterpersonalInventory.builder().takenOn(TAKEN).addPerson(sister).build())
        .addInventory(InterpersonalInventory.builder().takenOn(TAKEN.plusWeeks(8))
            .addPerson(sister).build())
        .build();

    assertThat(course.inventories()).hasSize(2);
  }

  @Test
  void emptyInventoryIsAcceptedAndHasEmptyMetrics() {
    InterpersonalInventory inventory = InterpersonalInventory.builder().takenOn(TAKEN).build();

    assertThat(inventory.metrics().size()).isZero();
    assertThat(inventory.metrics().perCircle()).isEmpty();
    assertThat(inventory.innerCircle()).isEmpty();
  }

  @Test
  void personIsFoundByItsId() {
    Person sister = Person.builder().id("sister").circle(1).build();
    InterpersonalInventory inventory = InterpersonalInventory.builder().takenOn(TAKEN)
        .addPerson(Person.builder().id("partner").build()).addPerson(sister).build();

    assertThat(inventory.person("sister")).contains(sister);
    assertThat(inventory.person("brother")).isEmpty();
  }
}
