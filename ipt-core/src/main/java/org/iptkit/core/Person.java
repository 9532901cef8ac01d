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
public abstract class Person {
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

  /** A builder of a person. */
  public static ImmutablePerson.Builder builder() {
    return ImmutablePerson.builder();
  }
}
