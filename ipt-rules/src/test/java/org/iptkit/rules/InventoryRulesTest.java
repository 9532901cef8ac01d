package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.FocusRulesTest.check;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;

import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Person;
import org.iptkit.core.Relationship;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests of the inventory rules N01 and N02. */
class InventoryRulesTest {
  private static final String NO_INVENTORY = "no interpersonal inventory (I05 reports it)";

  /** The reference inventory (partner, sister, friend). */
  static InterpersonalInventory reference() {
    return acute16().inventories().get(0);
  }

  /** The reference course with its inventories replaced. */
  static TreatmentCourse withInventories(InterpersonalInventory... inventories) {
    return TreatmentCourse.copyOf(acute16()).withInventories(inventories);
  }

  /** The reference inventory with person {@code index} (from 0) replaced. */
  static InterpersonalInventory withPerson(int index, Person person) {
    List<Person> people = new ArrayList<>(reference().people());
    people.set(index, person);
    return InterpersonalInventory.builder().from(reference()).people(people).build();
  }

  /** The reference inventory cut to its first {@code count} people. */
  static InterpersonalInventory firstPeople(int count) {
    return InterpersonalInventory.builder().from(reference())
        .people(reference().people().subList(0, count)).build();
  }

  @Nested
  class N01 {
    @Test
    void n01ReportsAFirstInventoryOfFewerThanThreePeople() {
      RuleResult result = check(withInventories(firstPeople(2)), "N01");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("N01");
        assertThat(f.name()).isEqualTo("inventory-breadth");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.path()).isEqualTo("/inventories/0/people");
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).isEqualTo(
            "the first interpersonal inventory lists 2 people; at least 3 are expected");
      });
    }

    @Test
    void n01ReadsTheEarliestInventoryWhereverItIsRecorded() {
      InterpersonalInventory earlier = InterpersonalInventory.builder().from(firstPeople(1))
          .takenOn(dateOf(1)).build();
      RuleResult result = check(withInventories(reference(), earlier), "N01");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/inventories/1/people");
        assertThat(f.message()).startsWith("the first interpersonal inventory lists 1 person;");
      });
    }

    @Test
    void n01PassesAnInventoryOfThreePeople() {
      assertThat(check(acute16(), "N01").outcome()).isEqualTo(RuleOutcome.PASS);
      InterpersonalInventory later = InterpersonalInventory.builder().from(firstPeople(1))
          .takenOn(dateOf(16)).build();
      assertThat(check(withInventories(reference(), later), "N01").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void n01DoesNotApplyWithoutAnInventory() {
      RuleResult result = check(withInventories(), "N01");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains(NO_INVENTORY);
    }
  }

  @Nested
  class N02 {
    @Test
    void n02ReportsEachMissingFieldOfAPerson() {
      InterpersonalInventory incomplete = withPerson(1, Person.builder().id("sister").build());
      RuleResult result = check(withInventories(incomplete), "N02");
      assertThat(result.findings()).extracting(Finding::path).containsExactly(
          "/inventories/0/people/1/circle", "/inventories/0/people/1/contact",
          "/inventories/0/people/1/relationship");
      assertThat(result.findings()).allSatisfy(f -> {
        assertThat(f.rule()).isEqualTo("N02");
        assertThat(f.name()).isEqualTo("inventory-completeness");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).startsWith("person 2 of the first inventory has no ")
            .doesNotContain("sister");
      });
      assertThat(result.findings()).extracting(Finding::message).contains(
          "person 2 of the first inventory has no relationship recorded",
          "person 2 of the first inventory has no contact frequency recorded",
          "person 2 of the first inventory has no closeness circle recorded");
    }

    @Test
    void n02ReportsACircleBeyondTheProfilesCircles() {
      InterpersonalInventory outer = withPerson(2, Person.builder().id("friend")
          .relationship(Relationship.FRIEND).contact(ContactFrequency.MONTHLY).circle(4).build());
      RuleResult result = check(withInventories(outer), "N02");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/inventories/0/people/2/circle");
        assertThat(f.protocolPath()).contains("/circles");
        assertThat(f.message()).isEqualTo(
            "person 3 of the first inventory is placed in circle 4; the protocol has circles 1 to 3");
      });
      ProtocolProfile fourCircles = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("four-circles").circles(4).build();
      assertThat(check(withInventories(outer), fourCircles, "N02").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void n02ChecksOnlyTheFirstInventory() {
      InterpersonalInventory later = InterpersonalInventory.builder().takenOn(dateOf(16))
          .addPerson(Person.builder().id("partner").build()).build();
      assertThat(check(withInventories(reference(), later), "N02").outcome())
          .isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16(), "N02").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void n02DoesNotApplyWithoutAnInventoryOrPeople() {
      RuleResult none = check(withInventories(), "N02");
      assertThat(none.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(none.reason()).contains(NO_INVENTORY);
      RuleResult empty = check(withInventories(firstPeople(0)), "N02");
      assertThat(empty.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(empty.reason()).contains("the first inventory lists nobody");
    }
  }
}
