package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.List;
import java.util.OptionalInt;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Person;
import org.iptkit.core.SessionTask;
import org.iptkit.rules.Severity;

/**
 * The N rules of docs/rules.md: the breadth and completeness of the first interpersonal inventory,
 * the review of the patient's social network taken in the initial phase.
 */
public final class InventoryRules {
  private InventoryRules() {}

  /** The smallest number of people a first inventory is expected to list (rule N01). */
  static final int MIN_PEOPLE = 3;

  static final String NO_INVENTORY = "no interpersonal inventory (I05 reports it)";

  static final RuleDefinition N01 = define("N01", "inventory-breadth", Severity.INFO,
      "The first inventory lists at least 3 people.",
      "The inventory reviews the important people of the patient's life, not just one tie.",
      "ISIPT; Markowitz Pocket Guide",
      InventoryRules::inventoryBreadth)
      .task(SessionTask.INVENTORY)
      .does("list at least 3 people in the interpersonal inventory");

  static final RuleDefinition N02 = define("N02", "inventory-completeness", Severity.WARNING,
      "Every person of the first inventory has a relationship, a contact frequency and a"
          + " closeness circle within 1..the profile's circles.",
      "Relationship, contact and closeness describe the network the focus is chosen from.",
      "ISIPT; Mufson 1999 (closeness circle)",
      InventoryRules::inventoryCompleteness)
      .task(SessionTask.INVENTORY)
      .does("record each inventory person's relationship, contact frequency and closeness circle");

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(N01, N02);
  }

  private static Evaluation inventoryBreadth(CourseFacts facts) {
    int k = firstInventoryIndex(facts.course().inventories());
    if (k < 0) {
      return Evaluation.notApplicable(NO_INVENTORY);
    }
    int size = facts.course().inventories().get(k).people().size();
    Evaluation.Collector found = Evaluation.collect();
    if (size < MIN_PEOPLE) {
      found.add(() -> "/inventories/" + k + "/people", () -> "the first interpersonal inventory"
          + " lists " + size + (size == 1 ? " person" : " people") + "; at least " + MIN_PEOPLE
          + " are expected");
    }
    return found.actionable().result();
  }

  private static Evaluation inventoryCompleteness(CourseFacts facts) {
    int k = firstInventoryIndex(facts.course().inventories());
    if (k < 0) {
      return Evaluation.notApplicable(NO_INVENTORY);
    }
    List<Person> people = facts.course().inventories().get(k).people();
    if (people.isEmpty()) {
      return Evaluation.notApplicable("the first inventory lists nobody");
    }
    int circles = facts.profile().circles();
    Evaluation.Collector found = Evaluation.collect();
    // The pointer and the text naming the person are built only for a finding: this loop runs
    // for every person of every course checked.
    for (int j = 0; j < people.size(); j++) {
      Person person = people.get(j);
      int at = j;
      if (person.relationship().isEmpty()) {
        found.add(() -> personPath(k, at) + "/relationship",
            () -> who(at) + " has no relationship recorded");
      }
      if (person.contact().isEmpty()) {
        found.add(() -> personPath(k, at) + "/contact",
            () -> who(at) + " has no contact frequency recorded");
      }
      // Each optional accessor of a person makes a new wrapper: ask once.
      OptionalInt recorded = person.circle();
      if (recorded.isEmpty()) {
        found.add(() -> personPath(k, at) + "/circle",
            () -> who(at) + " has no closeness circle recorded");
      } else {
        int circle = recorded.getAsInt();
        if (circle < 1 || circle > circles) {
          found.protocolPath("/circles")
              .add(() -> personPath(k, at) + "/circle", () -> who(at) + " is placed in circle "
                  + circle + "; the protocol has circles 1 to " + circles)
              .protocolPath(null);
        }
      }
    }
    return found.actionable().result();
  }

  private static String personPath(int inventory, int person) {
    return "/inventories/" + inventory + "/people/" + person;
  }

  private static String who(int person) {
    return "person " + (person + 1) + " of the first inventory";
  }

  /**
   * The array index of the first inventory: the earliest by date, the first recorded among
   * inventories of the same date; -1 without an inventory.
   */
  static int firstInventoryIndex(List<InterpersonalInventory> inventories) {
    int first = -1;
    for (int i = 0; i < inventories.size(); i++) {
      if (first < 0 || inventories.get(i).takenOn().isBefore(inventories.get(first).takenOn())) {
        first = i;
      }
    }
    return first;
  }
}
