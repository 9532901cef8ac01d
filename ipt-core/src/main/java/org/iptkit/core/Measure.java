package org.iptkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One administration of a symptom measure (PHQ-9, EPDS, …): the scored items and/or the total.
 * With items only, the total is computed; with both they must agree. Items are scored values in
 * the instrument's ranges (EPDS reverse-scored items already reversed), and an item the patient
 * left unanswered is {@code null}.
 *
 * <p><b>Partly answered forms.</b> A PHQ-9 or GAD-7 with one or two unanswered items, none of
 * them the safety item (PHQ-9 item 9), has a <em>prorated</em> total: the mean of the answered
 * items times the number of items, rounded half up ({@link #isProrated()} says so). This is the
 * convention of the NHS Data Dictionary's PHQ-9 entry ("if one or two values are missing …
 * they can be substituted with the average score of the non-missing items; questionnaires with
 * more than two missing values should be disregarded"), applied to the GAD-7 alike; an
 * unanswered safety item is never substituted, because a suicide risk cannot be averaged away.
 * Any other form with an unanswered item has no total ({@link #hasTotal()} is false), and a
 * recorded total must then be absent, or equal to the prorated one.
 *
 * <pre>{@code
 * Measure phq9 = Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0);
 * phq9.totalScore();          // 15
 * phq9.band();                // MODERATELY_SEVERE
 * phq9.safetyItemPositive();  // false
 * Measure partly = Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, 1, 2, 2, 1, 0);
 * partly.totalScore();        // 15 (13 over 8 answered items, times 9: 14.6, rounded)
 * partly.isProrated();        // true
 * }</pre>
 */
@Value.Immutable
public abstract class Measure implements WithMeasure {
  Measure() {}

  /** The instrument administered. */
  public abstract Instrument instrument();

  /**
   * The scored items in the instrument's order, {@code null} for an item left unanswered, or
   * empty when only a total was recorded.
   */
  @AllowNulls
  public abstract List<Integer> items();

  /** The total as recorded, if it was; see {@link #totalScore()} for the total in every case. */
  public abstract OptionalInt total();

  /** The date, for a measure taken outside a session (e.g. a screening before session 1). */
  public abstract Optional<LocalDate> date();

  /**
   * The total score when the form has one: the recorded total, the sum of the items, or for a
   * partly answered PHQ-9 or GAD-7 the prorated total; empty for a form with too many unanswered
   * items.
   */
  @Value.Derived
  @Value.Auxiliary
  public OptionalInt score() {
    OptionalInt total = total();
    if (total.isPresent()) {
      return total;
    }
    return computedTotal();
  }

  /** The total computed from the items: their sum, the prorated total, or none. */
  private OptionalInt computedTotal() {
    List<Integer> items = items();
    int sum = 0;
    int answered = 0;
    for (Integer item : items) {
      if (item != null) {
        sum += item;
        answered++;
      }
    }
    if (answered == items.size()) {
      return OptionalInt.of(sum);
    }
    if (items.size() != instrument().itemCount() || !canBeProrated()) {
      return OptionalInt.empty();
    }
    int count = items.size();
    // Rounded half up: (sum * count / answered) + 1/2, in integers.
    return OptionalInt.of((2 * sum * count + answered) / (2 * answered));
  }

  /**
   * Whether unanswered items may be prorated: a PHQ-9 or GAD-7 with at most two of them, the
   * safety item answered.
   */
  private boolean canBeProrated() {
    Instrument instrument = instrument();
    if (instrument != Instrument.PHQ9 && instrument != Instrument.GAD7) {
      return false;
    }
    int unanswered = unansweredCount();
    if (unanswered > MAX_PRORATED) {
      return false;
    }
    OptionalInt safety = instrument.safetyItem();
    return safety.isEmpty() || items().get(safety.getAsInt() - 1) != null;
  }

  /** The most unanswered items a PHQ-9 or GAD-7 may have and still be prorated. */
  private static final int MAX_PRORATED = 2;

  private int unansweredCount() {
    int unanswered = 0;
    for (Integer item : items()) {
      if (item == null) {
        unanswered++;
      }
    }
    return unanswered;
  }

  /** The numbers (from 1) of the items left unanswered, in order; empty for a complete form. */
  public List<Integer> unansweredItems() {
    List<Integer> numbers = new java.util.ArrayList<>();
    List<Integer> items = items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        numbers.add(i + 1);
      }
    }
    return numbers;
  }

  /** Whether the form has a total: recorded, summed, or prorated. */
  public boolean hasTotal() {
    return score().isPresent();
  }

  /**
   * Whether the total is prorated from a partly answered PHQ-9 or GAD-7 (and so is to be shown
   * as prorated wherever it appears).
   */
  public boolean isProrated() {
    return hasTotal() && !items().isEmpty() && items().contains(null);
  }

  /**
   * The total score: the recorded total, the sum of the items, or the prorated total.
   *
   * @throws IllegalStateException for a form without a total (see {@link #hasTotal()})
   */
  public int totalScore() {
    OptionalInt score = score();
    if (score.isEmpty()) {
      throw new IllegalStateException(instrument().displayName()
          + " measure has no total: " + unansweredCount() + " items unanswered");
    }
    return score.getAsInt();
  }

  /**
   * The severity band of the total.
   *
   * @throws IllegalStateException for a form without a total (see {@link #hasTotal()})
   */
  public SeverityBand band() {
    return instrument().band(totalScore());
  }

  /** The score of item {@code number} (1-based), when items were recorded and it was answered. */
  public OptionalInt item(int number) {
    if (items().isEmpty() || number < 1 || number > items().size()) {
      return OptionalInt.empty();
    }
    Integer item = items().get(number - 1);
    return item == null ? OptionalInt.empty() : OptionalInt.of(item);
  }

  /**
   * The score of the instrument's safety item, when the instrument has one and it was recorded
   * and answered.
   */
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
        Integer value = items().get(i);
        int max = instrument.itemMax(i + 1);
        if (value != null && (value < 0 || value > max)) {
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
        OptionalInt computed = computedTotal();
        if (computed.isEmpty()) {
          throw new InvalidValueException("total",
              "no total for a form with these items unanswered",
              name + " with " + unansweredCount() + " items unanswered"
                  + (canBeProratedBarSafety() ? ", the safety item among them," : "")
                  + " has no total");
        }
        if (computed.getAsInt() != total) {
          String what = unansweredCount() == 0 ? "the sum of its items, "
              : "the prorated total of its items, ";
          throw new InvalidValueException("total", what.substring(0, what.length() - 2)
              .replace("its items", "the items") + ", " + computed.getAsInt(),
              name + " total " + total + " disagrees with " + what + computed.getAsInt());
        }
      }
    }
  }

  /** Whether only the unanswered safety item stands in the way of proration (for the message). */
  private boolean canBeProratedBarSafety() {
    OptionalInt safety = instrument().safetyItem();
    return safety.isPresent() && unansweredCount() <= MAX_PRORATED
        && items().get(safety.getAsInt() - 1) == null
        && (instrument() == Instrument.PHQ9 || instrument() == Instrument.GAD7);
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

  /**
   * A measure recorded item by item from a form that may be partly answered: {@code null} for an
   * item left unanswered (the total is computed, prorated or absent; see the class Javadoc).
   */
  public static Measure ofAnswers(Instrument instrument, Integer... items) {
    Builder builder = builder().instrument(instrument);
    for (Integer item : items) {
      builder.addItem(item);
    }
    return builder.build();
  }

  /** A measure of which only the total was recorded. */
  public static Measure ofTotal(Instrument instrument, int total) {
    return builder().instrument(instrument).total(total).build();
  }
}
