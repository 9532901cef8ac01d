package org.iptkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A treatment contract: the time limit (number of sessions), frequency, session length and goals
 * agreed with the patient. A change of length is renegotiated as a second ACUTE contract;
 * continuation or maintenance treatment needs its own contract (rule E06). Goals are free text
 * and are redacted from {@code toString()}.
 */
@Value.Immutable
public abstract class Contract {
  Contract() {}

  /** Acute, continuation or maintenance. */
  public abstract ContractKind kind();

  /** The date the contract was agreed. */
  public abstract LocalDate agreedOn();

  /** The number of sessions agreed (the time limit). */
  public abstract OptionalInt plannedSessions();

  /** How often sessions take place. */
  public abstract Optional<Frequency> frequency();

  /** The agreed length of a session in minutes. */
  public abstract OptionalInt sessionMinutes();

  /** The treatment goals, in the patient's words (free text). */
  @Value.Redacted
  public abstract List<String> goals();

  @Value.Check
  void check() {
    if (plannedSessions().isPresent()) {
      int planned = plannedSessions().getAsInt();
      if (planned < 1) {
        throw new InvalidValueException("plannedSessions", "an integer from 1",
            "plannedSessions must be >= 1, was " + planned);
      }
    }
    if (sessionMinutes().isPresent()) {
      int minutes = sessionMinutes().getAsInt();
      if (minutes < 1 || minutes > 600) {
        throw new InvalidValueException("sessionMinutes", "minutes 1..600",
            "sessionMinutes must be 1..600, was " + minutes);
      }
    }
  }

  /** A builder of a contract. */
  public static ImmutableContract.Builder builder() {
    return ImmutableContract.builder();
  }
}
