package org.iptkit.core;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One point of a symptom-score trajectory: the total of an instrument on a date, with the number
 * of the session it was taken in (empty for a measure taken outside a session).
 */
@Value.Immutable
public abstract class Score implements WithScore {
  Score() {}

  /** The instrument. */
  public abstract Instrument instrument();

  /** The date the measure was taken. */
  public abstract LocalDate date();

  /** The session it was taken in, if any. */
  public abstract OptionalInt sessionNumber();

  /** The total score. */
  public abstract int total();

  /**
   * Whether the total is prorated from a partly answered form (see {@link Measure}); a prorated
   * score is to be shown as such.
   */
  @Value.Default
  public boolean prorated() {
    return false;
  }

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

  /** A builder of a score; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code score} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Score copyOf(Score score) {
    return ImmutableScore.copyOf(score);
  }

  /**
   * Builds a score attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code instrument(…)}: the instrument.</li>
   *   <li>{@code date(…)}: the date the measure was taken.</li>
   *   <li>{@code sessionNumber(int)}, {@code sessionNumber(OptionalInt)} or {@code sessionNumber(Integer)}, where {@code null} leaves it unrecorded: the session it was taken in, if any.</li>
   *   <li>{@code total(…)}: the total score.</li>
   *   <li>{@code prorated(…)}: whether the total is prorated from a partly answered form (default: not).</li>
   * </ul>
   */
  public static final class Builder extends ImmutableScore.Builder {
    Builder() {}

    /**
     * Sets {@link Score#sessionNumber() sessionNumber} from a host's nullable number: {@code null} leaves it unrecorded.
     *
     * @param sessionNumber the value, or {@code null} when not recorded
     * @return this builder
     */
    public Builder sessionNumber(Integer sessionNumber) {
      return sessionNumber == null ? sessionNumber(OptionalInt.empty()) : sessionNumber(sessionNumber.intValue());
    }
  }
}
