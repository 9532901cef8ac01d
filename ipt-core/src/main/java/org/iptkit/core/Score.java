package org.iptkit.core;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One point of a symptom-score trajectory: the total of an instrument on a date, with the number
 * of the session it was taken in (empty for a measure taken outside a session).
 */
@Value.Immutable
public abstract class Score {
  Score() {}

  /** The instrument. */
  public abstract Instrument instrument();

  /** The date the measure was taken. */
  public abstract LocalDate date();

  /** The session it was taken in, if any. */
  public abstract OptionalInt sessionNumber();

  /** The total score. */
  public abstract int total();

  /** The severity band of the total. */
  public SeverityBand band() {
    return instrument().band(total());
  }

  @Value.Check
  void check() {
    if (!instrument().isValidTotal(total())) {
      throw new InvalidValueException("total", "a total 0.." + instrument().maxTotal(),
          instrument().displayName() + " total must be 0.." + instrument().maxTotal()
              + ", was " + total());
    }
  }

  /** A builder of a score. */
  public static ImmutableScore.Builder builder() {
    return ImmutableScore.builder();
  }
}
