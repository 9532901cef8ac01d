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
public abstract class Contract implements WithContract {
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

  /** A builder of a treatment contract; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code contract} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Contract copyOf(Contract contract) {
    return ImmutableContract.copyOf(contract);
  }

  /**
   * Builds a treatment contract attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code kind(…)}: acute, continuation or maintenance.</li>
   *   <li>{@code agreedOn(…)}: the date the contract was agreed.</li>
   *   <li>{@code plannedSessions(int)}, {@code plannedSessions(OptionalInt)} or {@code plannedSessions(Integer)}, where {@code null} leaves it unrecorded: the number of sessions agreed (the time limit).</li>
   *   <li>{@code frequency(value)} or {@code frequency(Optional)}: how often sessions take place.</li>
   *   <li>{@code sessionMinutes(int)}, {@code sessionMinutes(OptionalInt)} or {@code sessionMinutes(Integer)}, where {@code null} leaves it unrecorded: the agreed length of a session in minutes.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code goals(…)} to replace all: the treatment goals, in the patient's words (free text).</li>
   * </ul>
   */
  public static final class Builder extends ImmutableContract.Builder {
    Builder() {}

    /**
     * Sets {@link Contract#plannedSessions() plannedSessions} from a host's nullable number: {@code null} leaves it unrecorded.
     *
     * @param plannedSessions the value, or {@code null} when not recorded
     * @return this builder
     */
    public Builder plannedSessions(Integer plannedSessions) {
      return plannedSessions == null ? plannedSessions(OptionalInt.empty()) : plannedSessions(plannedSessions.intValue());
    }

    /**
     * Sets {@link Contract#sessionMinutes() sessionMinutes} from a host's nullable number: {@code null} leaves it unrecorded.
     *
     * @param sessionMinutes the value, or {@code null} when not recorded
     * @return this builder
     */
    public Builder sessionMinutes(Integer sessionMinutes) {
      return sessionMinutes == null ? sessionMinutes(OptionalInt.empty()) : sessionMinutes(sessionMinutes.intValue());
    }
  }
}
