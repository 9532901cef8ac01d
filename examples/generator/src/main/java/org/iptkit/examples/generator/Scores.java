package org.iptkit.examples.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;

/** Symptom scores: baselines, trajectories and item-level measures that add up to a total. */
final class Scores {
  private Scores() {}

  /** The range of baseline totals of patients starting acute treatment. */
  static int[] acuteBaseline(Instrument instrument) {
    return switch (instrument) {
      case PHQ9 -> new int[] {10, 21};
      case EPDS -> new int[] {13, 23};
      case PCL5 -> new int[] {38, 62};
      case HAMD17 -> new int[] {17, 28};
      case BDI2 -> new int[] {20, 38};
      case GAD7 -> new int[] {10, 17};
    };
  }

  /** The range of baseline totals of recovered patients entering maintenance treatment. */
  static int[] maintenanceBaseline(Instrument instrument) {
    return new int[] {1, Math.max(1, instrument.cutOff() - 3)};
  }

  /** The highest total reachable without a positive safety item. */
  static int maxWithoutSafety(Instrument instrument) {
    int max = instrument.maxTotal();
    OptionalInt safety = instrument.safetyItem();
    return safety.isPresent() ? max - instrument.itemMax(safety.getAsInt()) : max;
  }

  /** A uniform integer in {@code [lo, hi]}. */
  static int between(SplittableRandom rng, int lo, int hi) {
    return hi <= lo ? lo : lo + rng.nextInt(hi - lo + 1);
  }

  /** The final total of a trajectory starting at {@code baseline}. */
  static int finalTotal(Instrument instrument, Plan.Trajectory trajectory, int baseline,
      SplittableRandom rng) {
    double factor = switch (trajectory) {
      case RESPONDER -> 0.12 + 0.33 * rng.nextDouble();
      case PARTIAL -> 0.58 + 0.17 * rng.nextDouble();
      case NON_RESPONDER -> 0.88 + 0.15 * rng.nextDouble();
      case STABLE, RECURRENCE -> 0.7 + 0.6 * rng.nextDouble();
    };
    int total = (int) Math.round(baseline * factor);
    if (instrument == Instrument.PCL5 && trajectory == Plan.Trajectory.PARTIAL) {
      total = baseline - between(rng, 4, 8);
    }
    return Math.max(0, total);
  }

  /**
   * The totals at the measured positions {@code 0..last} of a trajectory from {@code baseline}
   * to {@code end}: monotone trend with noise, never reaching {@code ceiling}.
   */
  static int trendAt(int baseline, int end, double progress, int noise, int ceiling,
      SplittableRandom rng) {
    double curve = Math.pow(progress, 0.85);
    int value = (int) Math.round(baseline + (end - baseline) * curve);
    if (progress > 0 && progress < 1) {
      value += between(rng, -noise, noise);
    }
    return Math.max(0, Math.min(value, ceiling));
  }

  /**
   * A measure of {@code total} recorded item by item, with the safety item scored
   * {@code safety} (raised if the other items cannot hold the total).
   */
  static Measure items(Instrument instrument, int total, int safety, SplittableRandom rng) {
    int count = instrument.itemCount();
    int[] items = new int[count];
    int safetyIndex = instrument.safetyItem().isPresent()
        ? instrument.safetyItem().getAsInt() - 1 : -1;
    int rest = total;
    if (safetyIndex >= 0) {
      int value = Math.min(Math.min(safety, instrument.itemMax(safetyIndex + 1)), total);
      int others = maxWithoutSafety(instrument);
      value = Math.max(value, total - others);
      items[safetyIndex] = value;
      rest -= value;
    }
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i != safetyIndex) {
        open.add(i);
      }
    }
    while (rest > 0 && !open.isEmpty()) {
      int pick = rng.nextInt(open.size());
      int item = open.get(pick);
      items[item]++;
      rest--;
      if (items[item] == instrument.itemMax(item + 1)) {
        open.remove(pick);
      }
    }
    if (rest > 0) {
      throw new IllegalStateException(instrument + " cannot hold a total of " + total);
    }
    Measure.Builder measure = Measure.builder().instrument(instrument);
    for (int item : items) {
      measure.addItem(item);
    }
    return measure.build();
  }

  /** A measure of {@code total}: item by item unless {@code totalsOnly}. */
  static Measure measure(Instrument instrument, int total, int safety, boolean totalsOnly,
      SplittableRandom rng) {
    if (totalsOnly) {
      return Measure.ofTotal(instrument, total);
    }
    return items(instrument, total, safety, rng);
  }

  /** A safety-item score for a measure of {@code total}: mostly 0, sometimes positive. */
  static int safetyScore(Instrument instrument, int total, SplittableRandom rng) {
    if (instrument.safetyItem().isEmpty() || total == 0) {
      return 0;
    }
    double chance = total >= instrument.cutOff() ? 0.08 : 0.025;
    if (rng.nextDouble() >= chance) {
      return 0;
    }
    return rng.nextDouble() < 0.75 ? 1 : 2;
  }
}
