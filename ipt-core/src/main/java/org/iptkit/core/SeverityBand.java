package org.iptkit.core;

/**
 * A severity band of a symptom-measure total (docs/clinical.md, Measures). Which bands an
 * instrument uses, and their score ranges, is given by {@link Instrument#band(int)} and {@link
 * Instrument#bands()}.
 */
public enum SeverityBand {
  /** PHQ-9/GAD-7 0–4, BDI-II 0–13. */
  MINIMAL,
  /** HAM-D-17 0–7. */
  NORMAL,
  /** PHQ-9/GAD-7 5–9, HAM-D-17 8–16, BDI-II 14–19. */
  MILD,
  /** PHQ-9/GAD-7 10–14, HAM-D-17 17–23, BDI-II 20–28. */
  MODERATE,
  /** PHQ-9 15–19. */
  MODERATELY_SEVERE,
  /** PHQ-9 20–27, GAD-7 15–21, HAM-D-17 ≥ 24, BDI-II 29–63. */
  SEVERE,
  /** EPDS 0–9: depression unlikely. */
  UNLIKELY_DEPRESSION,
  /** EPDS 10–12: possible depression. */
  POSSIBLE_DEPRESSION,
  /** EPDS ≥ 13: probable depression. */
  PROBABLE_DEPRESSION,
  /** PCL-5 below 33. */
  BELOW_PTSD_THRESHOLD,
  /** PCL-5 ≥ 33: probable PTSD. */
  PROBABLE_PTSD
}
