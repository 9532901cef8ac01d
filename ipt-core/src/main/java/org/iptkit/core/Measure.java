package org.iptkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One administration of a symptom measure (PHQ-9, EPDS, …): the scored items and/or the total.
 * With items only, the total is computed; with both they must agree. Items are scored values in
 * the instrument's ranges (EPDS reverse-scored items already reversed).
 *
 * <pre>{@code
 * Measure phq9 = Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0);
 * phq9.totalScore();          // 15
 * phq9.band();                // MODERATELY_SEVERE
 * phq9.safetyItemPositive();  // false
 * }</pre>
 */
@Value.Immutable
public abstract class Measure implements WithMeasure {
  Measure() {}

  /** The instrument administered. */
  public abstract Instrument instrument();

  /** The scored items in the instrument's order, or empty when only a total was recorded. */
  public abstract List<Integer> items();

  /** The total as recorded, if it was; see {@link #totalScore()} for the total in every case. */
  public abstract OptionalInt total();

  /** The date, for a measure taken outside a session (e.g. a screening before session 1). */
  public abstract Optional<LocalDate> date();

  /** The total score: the recorded total, or the sum of the items. */
  @Value.Derived
  @Value.Auxiliary
  public int totalScore() {
    OptionalInt total = total();
    if (total.isPresent()) {
      return total.getAsInt();
    }
    int sum = 0;
    for (int item : items()) {
      sum += item;
    }
    return sum;
  }

  /** The severity band of the total. */
  public SeverityBand band() {
    return instrument().band(totalScore());
  }

  /** The score of item {@code number} (1-based), when items were recorded. */
  public OptionalInt item(int number) {
    if (items().isEmpty() || number < 1 || number > items().size()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(items().get(number - 1));
  }

  /** The score of the instrument's safety item, when the instrument has one and items were recorded. */
  public OptionalInt safetyItemScore() {
    OptionalInt safety = instrument().safetyItem();
    return safety.isPresent() ? item(safety.getAsInt()) : OptionalInt.empty();
  }

  /** Whether the safety item is positive (≥ 1): a suicide risk assessment is then due (rule M04). */
  public boolean safetyItemPositive() {
    OptionalInt score = safetyItemScore();
    return score.isPresent() && score.getAsInt() >= 1;
  }

  @Value.Check
  void check() {
    Instrument instrument = instrument();
    String name = instrument.displayName();
    if (items().isEmpty() && total().isEmpty()) {
      throw new InvalidValueException("items", "item scores or a total",
          name + " measure needs items or a total");
    }
    if (!items().isEmpty()) {
      if (items().size() != instrument.itemCount()) {
        throw new InvalidValueException("items", instrument.itemCount() + " item scores",
            name + " has " + instrument.itemCount() + " items, " + items().size()
                + " were given");
      }
      for (int i = 0; i < items().size(); i++) {
        int value = items().get(i);
        int max = instrument.itemMax(i + 1);
        if (value < 0 || value > max) {
          throw new InvalidValueException("items/" + i, "an item score 0.." + max,
              name + " item " + (i + 1) + " must be 0.." + max + ", was " + value);
        }
      }
    }
    OptionalInt given = total();
    if (given.isPresent()) {
      int total = given.getAsInt();
      if (!instrument.isValidTotal(total)) {
        throw new InvalidValueException("total", "a total 0.." + instrument.maxTotal(),
            name + " total must be 0.." + instrument.maxTotal() + ", was " + total);
      }
      if (!items().isEmpty()) {
        int sum = 0;
        for (int item : items()) {
          sum += item;
        }
        if (sum != total) {
          throw new InvalidValueException("total", "the sum of the items, " + sum,
              name + " total " + total + " disagrees with the sum of its items, " + sum);
        }
      }
    }
  }

  /** A builder of a measure; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code measure} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static Measure copyOf(Measure measure) {
    return ImmutableMeasure.copyOf(measure);
  }

  /**
   * Builds a measure attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code instrument(…)}: the instrument administered.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code items(…)} to replace all: the scored items in the instrument's order, or empty when only a total was recorded.</li>
   *   <li>{@code total(int)}, {@code total(OptionalInt)} or {@code total(Integer)}, where {@code null} leaves it unrecorded: the total as recorded, if it was; see {@link Measure#totalScore()} for the total in every case.</li>
   *   <li>{@code date(value)} or {@code date(Optional)}: the date, for a measure taken outside a session (e.g. a screening before session 1).</li>
   * </ul>
   */
  public static final class Builder extends ImmutableMeasure.Builder {
    Builder() {}

    /**
     * Sets {@link Measure#total() total} from a host's nullable number: {@code null} leaves it unrecorded.
     *
     * @param total the value, or {@code null} when not recorded
     * @return this builder
     */
    public Builder total(Integer total) {
      return total == null ? total(OptionalInt.empty()) : total(total.intValue());
    }
  }

  /** A measure recorded item by item (the total is computed). */
  public static Measure ofItems(Instrument instrument, int... items) {
    Builder builder = builder().instrument(instrument);
    for (int item : items) {
      builder.addItem(item);
    }
    return builder.build();
  }

  /** A measure of which only the total was recorded. */
  public static Measure ofTotal(Instrument instrument, int total) {
    return builder().instrument(instrument).total(total).build();
  }
}
