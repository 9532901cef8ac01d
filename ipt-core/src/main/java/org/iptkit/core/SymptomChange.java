package org.iptkit.core;

import org.immutables.value.Value;

/**
 * The change of a symptom measure over a course: the baseline and the last total, their
 * severity bands, and whether the change is a response and the last score a remission by the
 * instrument's definitions (docs/clinical.md, Measures).
 *
 * <pre>{@code
 * SymptomChange change = SymptomChange.of(Instrument.PHQ9, 15, 6);
 * change.change();     // -9
 * change.response();   // true (≥ 50 % drop)
 * change.remission();  // false (not < 5)
 * }</pre>
 */
@Value.Immutable
public abstract class SymptomChange {
  SymptomChange() {}

  /** The instrument. */
  @Value.Parameter
  public abstract Instrument instrument();

  /** The baseline total. */
  @Value.Parameter
  public abstract int baseline();

  /** The last total. */
  @Value.Parameter
  public abstract int last();

  /** Last minus baseline: negative when symptoms improved. */
  public int change() {
    return last() - baseline();
  }

  /** The band of the baseline total. */
  public SeverityBand baselineBand() {
    return instrument().band(baseline());
  }

  /** The band of the last total. */
  public SeverityBand lastBand() {
    return instrument().band(last());
  }

  /** Whether the change is a treatment response (PHQ-9: a drop of at least 50 %). */
  public boolean response() {
    return instrument().isResponse(baseline(), last());
  }

  /** Whether the last total is a remission (PHQ-9: below 5). */
  public boolean remission() {
    return instrument().isRemission(last());
  }

  /** Whether the last total is still at or above the instrument's clinical cut-off. */
  public boolean lastAtOrAboveCutOff() {
    return instrument().isAtOrAboveCutOff(last());
  }

  @Value.Check
  void check() {
    if (!instrument().isValidTotal(baseline())) {
      throw new InvalidValueException("baseline", "a total 0.." + instrument().maxTotal(),
          instrument().displayName() + " baseline must be 0.." + instrument().maxTotal()
              + ", was " + baseline());
    }
    if (!instrument().isValidTotal(last())) {
      throw new InvalidValueException("last", "a total 0.." + instrument().maxTotal(),
          instrument().displayName() + " last score must be 0.." + instrument().maxTotal()
              + ", was " + last());
    }
  }

  /** The change from {@code baseline} to {@code last} on {@code instrument}. */
  public static SymptomChange of(Instrument instrument, int baseline, int last) {
    return ImmutableSymptomChange.of(instrument, baseline, last);
  }
}
