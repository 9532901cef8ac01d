package org.iptkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One person of the interpersonal inventory: a pseudonymous id, how they are related to the
 * patient, their closeness circle (1 = inner), contact frequency, whether they are a confidant,
 * whether there is conflict, what is satisfying and unsatisfying, whether expectations are met,
 * what the patient wants to change, whether the relationship changed near symptom onset, and for
 * a deceased person the date of death (docs/clinical.md, Interpersonal inventory). The id and all
 * free text are redacted from {@code toString()}.
 */
@Value.Immutable
public abstract class Person implements WithPerson {
  Person() {}

  /** The pseudonymous id problem areas refer to (e.g. {@code "partner"}); never a real name. */
  @Value.Redacted
  public abstract String id();

  /** How the person is related to the patient. */
  public abstract Optional<Relationship> relationship();

  /** The closeness circle: 1 = inner, up to the profile's number of circles (default 3). */
  public abstract OptionalInt circle();

  /** How often the patient is in contact with the person. */
  public abstract Optional<ContactFrequency> contact();

  /** Whether the person is a confidant, a source of support. */
  @Value.Default
  public boolean confidant() {
    return false;
  }

  /** Whether there is conflict in the relationship. */
  @Value.Default
  public boolean conflict() {
    return false;
  }

  /** Whether the relationship changed near the onset of symptoms. */
  @Value.Default
  public boolean changedNearOnset() {
    return false;
  }

  /** Whether the person has died (a GRIEF focus names a deceased person). */
  @Value.Default
  public boolean deceased() {
    return false;
  }

  /** The date of death of a deceased person. */
  public abstract Optional<LocalDate> diedOn();

  /** Satisfying aspects of the relationship (free text). */
  @Value.Redacted
  public abstract List<String> satisfying();

  /** Unsatisfying aspects of the relationship (free text). */
  @Value.Redacted
  public abstract List<String> unsatisfying();

  /** Whether mutual expectations are met, when assessed. */
  public abstract Optional<Boolean> expectationsMet();

  /** The change the patient wants in the relationship (free text). */
  @Value.Redacted
  public abstract Optional<String> desiredChange();

  /** Whether the person is in the inner circle (circle 1). */
  public boolean inInnerCircle() {
    OptionalInt circle = circle();
    return circle.isPresent() && circle.getAsInt() == 1;
  }

  @Value.Check
  void check() {
    InvalidValueException.requireNotBlank(id(), "id");
    OptionalInt given = circle();
    if (given.isPresent()) {
      int circle = given.getAsInt();
      if (circle < 1) {
        throw new InvalidValueException("circle", "a circle from 1 (closest)",
            "circle must be >= 1, was " + circle);
      }
    }
    if (diedOn().isPresent() && !deceased()) {
      throw new InvalidValueException("diedOn", "no diedOn unless deceased is true",
          "diedOn is given for a person not marked deceased");
    }
  }

  /** A builder of a person of the inventory; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code person} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Person copyOf(Person person) {
    return ImmutablePerson.copyOf(person);
  }

  /**
   * Builds a person of the inventory attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code id(…)}: the pseudonymous id problem areas refer to (e.g. {@code "partner"}); never a real name.</li>
   *   <li>{@code relationship(value)} or {@code relationship(Optional)}: how the person is related to the patient.</li>
   *   <li>{@code circle(int)}, {@code circle(OptionalInt)} or {@code circle(Integer)}, where {@code null} leaves it unrecorded: the closeness circle: 1 = inner, up to the profile's number of circles (default 3).</li>
   *   <li>{@code contact(value)} or {@code contact(Optional)}: how often the patient is in contact with the person.</li>
   *   <li>{@code diedOn(value)} or {@code diedOn(Optional)}: the date of death of a deceased person.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code satisfying(…)} to replace all: satisfying aspects of the relationship (free text).</li>
   *   <li>{@code add…}, {@code addAll…} or {@code unsatisfying(…)} to replace all: unsatisfying aspects of the relationship (free text).</li>
   *   <li>{@code expectationsMet(value)} or {@code expectationsMet(Optional)}: whether mutual expectations are met, when assessed.</li>
   *   <li>{@code desiredChange(value)} or {@code desiredChange(Optional)}: the change the patient wants in the relationship (free text).</li>
   *   <li>{@code confidant(…)}: whether the person is a confidant, a source of support.</li>
   *   <li>{@code conflict(…)}: whether there is conflict in the relationship.</li>
   *   <li>{@code changedNearOnset(…)}: whether the relationship changed near the onset of symptoms.</li>
   *   <li>{@code deceased(…)}: whether the person has died (a GRIEF focus names a deceased person).</li>
   * </ul>
   */
  public static final class Builder extends ImmutablePerson.Builder {
    Builder() {}

    /**
     * Sets {@link Person#circle() circle} from a host's nullable number: {@code null} leaves it unrecorded.
     *
     * @param circle the value, or {@code null} when not recorded
     * @return this builder
     */
    public Builder circle(Integer circle) {
      return circle == null ? circle(OptionalInt.empty()) : circle(circle.intValue());
    }
  }
}
