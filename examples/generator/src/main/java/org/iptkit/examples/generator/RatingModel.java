package org.iptkit.examples.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How the generator rates sessions on the IPT Institute Quality &amp; Adherence Scale (8 items,
 * 1–5), with a known true inter-rater reliability, so that the ICC a cohort yields can be checked
 * against the truth.
 *
 * <p>The model: each rated session has a true adherence level {@code L}, 3 or 4 with equal
 * chance (variance 1/4); each rater scores each of the 8 items {@code L + d}, with {@code d}
 * drawn independently as -1, 0 or +1 with chances 1/4, 1/2, 1/4 (variance 1/2), so items stay
 * within 2..5 and no score is clipped. A rating's mean item score is then {@code L} plus an error
 * of variance 1/2 / 8 = 1/16, independent between raters, with no rater bias. The true ICC(2,1)
 * of the rating means is therefore {@code (1/4) / (1/4 + 1/16) = 0.8} exactly
 * ({@link #TRUE_RELIABILITY}).
 *
 * <p>A share {@link #DOUBLE_RATED} of the rated sessions (trials commonly double-rate 10–20 %)
 * is rated by both reliability raters {@link #RELIABILITY_RATERS}; the others by the course's
 * own rater.
 */
public final class RatingModel {
  private RatingModel() {}

  /** The true ICC(2,1) of the generated rating means. */
  public static final double TRUE_RELIABILITY = 0.8;

  /** The share of rated sessions that are rated twice. */
  public static final double DOUBLE_RATED = 0.2;

  /** The two raters of the double-rated sessions. */
  public static final List<String> RELIABILITY_RATERS = List.of("rater-rel-a", "rater-rel-b");

  /** The scale the generator rates on. */
  public static final String SCALE = "IPT-QAS";

  /** The number of items of a rating. */
  static final int ITEMS = 8;

  /** A session's true adherence level: 3 or 4. */
  static int level(SplittableRandom rng) {
    return 3 + rng.nextInt(2);
  }

  /** One rater's item scores of a session at the given level. */
  static void items(SplittableRandom rng, int level, List<Integer> into) {
    for (int item = 0; item < ITEMS; item++) {
      int draw = rng.nextInt(4);
      into.add(level + (draw == 0 ? -1 : draw == 3 ? 1 : 0));
    }
  }
}
