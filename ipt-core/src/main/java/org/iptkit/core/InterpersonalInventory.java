package org.iptkit.core;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * A dated snapshot of the interpersonal inventory: the structured review of the important
 * people in the patient's life, taken in the initial phase (rule I05) and possibly again at the
 * end. Person ids are unique within a snapshot.
 *
 * <pre>{@code
 * InterpersonalInventory first = course.firstInventory().orElseThrow();
 * InterpersonalInventory last = course.lastInventory().orElseThrow();
 * boolean grew = first.compareWith(last).supportGrew();
 * }</pre>
 */
@Value.Immutable
public abstract class InterpersonalInventory implements WithInterpersonalInventory {
  InterpersonalInventory() {}

  /** The date the inventory was taken. */
  public abstract LocalDate takenOn();

  /** The people reviewed, in the order recorded. */
  public abstract List<Person> people();

  /** The person with the given pseudonymous id, if listed. */
  public Optional<Person> person(String id) {
    for (Person person : people()) {
      if (person.id().equals(id)) {
        return Optional.of(person);
      }
    }
    return Optional.empty();
  }

  /** The people in the inner circle (circle 1). */
  public List<Person> innerCircle() {
    return people().stream().filter(Person::inInnerCircle).toList();
  }

  /** The network metrics of this snapshot. */
  @Value.Lazy
  public NetworkMetrics metrics() {
    TreeMap<Integer, Integer> perCircle = new TreeMap<>();
    int inner = 0;
    int confidants = 0;
    int conflicts = 0;
    int changed = 0;
    int deceased = 0;
    for (Person person : people()) {
      if (person.circle().isPresent()) {
        perCircle.merge(person.circle().getAsInt(), 1, Integer::sum);
      }
      inner += person.inInnerCircle() ? 1 : 0;
      confidants += person.confidant() ? 1 : 0;
      conflicts += person.conflict() ? 1 : 0;
      changed += person.changedNearOnset() ? 1 : 0;
      deceased += person.deceased() ? 1 : 0;
    }
    return NetworkMetrics.builder()
        .size(people().size())
        .perCircle(perCircle)
        .innerCircle(inner)
        .confidants(confidants)
        .conflicts(conflicts)
        .changedNearOnset(changed)
        .deceased(deceased)
        .build();
  }

  /** Compares this (earlier) snapshot with a later one. */
  public NetworkComparison compareWith(InterpersonalInventory later) {
    Set<String> innerBefore = innerIds(this);
    Set<String> innerAfter = innerIds(later);
    Set<String> entered = new LinkedHashSet<>(innerAfter);
    entered.removeAll(innerBefore);
    Set<String> left = new LinkedHashSet<>(innerBefore);
    left.removeAll(innerAfter);
    return NetworkComparison.builder()
        .before(metrics())
        .after(later.metrics())
        .enteredInnerCircle(entered)
        .leftInnerCircle(left)
        .build();
  }

  private static Set<String> innerIds(InterpersonalInventory inventory) {
    Set<String> ids = new LinkedHashSet<>();
    for (Person person : inventory.innerCircle()) {
      ids.add(person.id());
    }
    return ids;
  }

  @Value.Check
  void check() {
    List<Person> people = people();
    // An inventory names a handful of people: comparing each id with the earlier ones is
    // cheaper than a hash set until there are many.
    Set<String> seen = people.size() > 16 ? new java.util.HashSet<>() : null;
    for (int i = 0; i < people.size(); i++) {
      if (seen != null ? !seen.add(people.get(i).id()) : repeatsEarlier(people, i)) {
        throw new InvalidValueException("people/" + i + "/id",
            "an id not used by another person of the inventory",
            "person id at people/" + i + " repeats an earlier id of the same inventory");
      }
    }
  }

  private static boolean repeatsEarlier(List<Person> people, int i) {
    String id = people.get(i).id();
    for (int j = 0; j < i; j++) {
      if (people.get(j).id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** A builder of an interpersonal inventory; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code interpersonalInventory} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static InterpersonalInventory copyOf(InterpersonalInventory interpersonalInventory) {
    return ImmutableInterpersonalInventory.copyOf(interpersonalInventory);
  }

  /**
   * Builds an interpersonal inventory attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code takenOn(…)}: the date the inventory was taken.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code people(…)} to replace all: the people reviewed, in the order recorded.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableInterpersonalInventory.Builder {
    Builder() {}
  }
}
