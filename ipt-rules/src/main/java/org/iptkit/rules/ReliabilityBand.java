package org.iptkit.rules;

/**
 * The bands in which Koo &amp; Li (2016) read an intraclass correlation: below 0.5 poor, 0.5 to
 * below 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent.
 */
public enum ReliabilityBand {
  /** Below 0.5. */
  POOR,
  /** From 0.5 to below 0.75. */
  MODERATE,
  /** From 0.75 to 0.9. */
  GOOD,
  /** Above 0.9. */
  EXCELLENT;

  /** The band of an intraclass correlation coefficient. */
  public static ReliabilityBand of(double icc) {
    if (icc < 0.5) {
      return POOR;
    }
    if (icc < 0.75) {
      return MODERATE;
    }
    return icc <= 0.9 ? GOOD : EXCELLENT;
  }
}
