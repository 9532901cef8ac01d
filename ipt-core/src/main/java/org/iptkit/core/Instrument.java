package org.iptkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * A validated symptom measure and its scoring (docs/clinical.md, Measures): number of items and
 * their ranges, total range, severity bands, the safety item, the clinical cut-off, the default
 * deterioration threshold, and the response and remission definitions.
 *
 * <ul>
 *   <li>{@link #PHQ9} — Kroenke, Spitzer &amp; Williams, J Gen Intern Med 2001;16:606; remission
 *       &lt; 5 per the ICSI depression guideline.
 *   <li>{@link #GAD7} — Spitzer et al., Arch Intern Med 2006;166:1092 (response ≥ 50 % drop: our
 *       default).
 *   <li>{@link #EPDS} — Cox, Holden &amp; Sagovsky, Br J Psychiatry 1987;150:782; items are stored
 *       as scored values (reverse-scored items already reversed); response and remission &lt; 10
 *       are our defaults.
 *   <li>{@link #HAMD17} — Hamilton 1960; bands per Zimmerman et al., J Affect Disord
 *       2013;150:384; remission ≤ 7 per Frank et al. 1991.
 *   <li>{@link #BDI2} — Beck, Steer &amp; Brown 1996 (copyrighted: totals and item scores only);
 *       remission &lt; 14 is our default.
 *   <li>{@link #PCL5} — Weathers et al. 2013, National Center for PTSD; response as a drop of ≥ 10
 *       points is unverified.
 * </ul>
 */
public enum Instrument {
  /** Patient Health Questionnaire, 9 items 0–3; item 9 asks about thoughts of self-harm. */
  PHQ9("PHQ-9", uniform(9, 3), 9, 10, 6, false, 5,
      new int[] {0, 5, 10, 15, 20},
      new SeverityBand[] {SeverityBand.MINIMAL, SeverityBand.MILD, SeverityBand.MODERATE,
          SeverityBand.MODERATELY_SEVERE, SeverityBand.SEVERE}),
  /** Generalized Anxiety Disorder scale, 7 items 0–3. */
  GAD7("GAD-7", uniform(7, 3), 0, 10, 4, false, 5,
      new int[] {0, 5, 10, 15},
      new SeverityBand[] {SeverityBand.MINIMAL, SeverityBand.MILD, SeverityBand.MODERATE,
          SeverityBand.SEVERE}),
  /** Edinburgh Postnatal Depression Scale, 10 items 0–3; item 10 asks about self-harm. */
  EPDS("EPDS", uniform(10, 3), 10, 13, 4, false, 10,
      new int[] {0, 10, 13},
      new SeverityBand[] {SeverityBand.UNLIKELY_DEPRESSION, SeverityBand.POSSIBLE_DEPRESSION,
          SeverityBand.PROBABLE_DEPRESSION}),
  /**
   * Hamilton Depression Rating Scale, 17 items: items 4–6, 12–14, 16 and 17 are scored 0–2, the
   * others 0–4; item 3 rates suicide. Remission is a total ≤ 7.
   */
  HAMD17("HAM-D-17", new int[] {4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2}, 3, 17, 5,
      true, 7,
      new int[] {0, 8, 17, 24},
      new SeverityBand[] {SeverityBand.NORMAL, SeverityBand.MILD, SeverityBand.MODERATE,
          SeverityBand.SEVERE}),
  /** Beck Depression Inventory-II, 21 items 0–3; item 9 rates suicidal thoughts. */
  BDI2("BDI-II", uniform(21, 3), 9, 20, 5, false, 14,
      new int[] {0, 14, 20, 29},
      new SeverityBand[] {SeverityBand.MINIMAL, SeverityBand.MILD, SeverityBand.MODERATE,
          SeverityBand.SEVERE}),
  /** PTSD Checklist for DSM-5, 20 items 0–4; a total ≥ 33 suggests probable PTSD. */
  PCL5("PCL-5", uniform(20, 4), 0, 33, 10, false, 33,
      new int[] {0, 33},
      new SeverityBand[] {SeverityBand.BELOW_PTSD_THRESHOLD, SeverityBand.PROBABLE_PTSD});

  private final String displayName;
  private final int[] itemMax;
  private final int safetyItem;
  private final int cutOff;
  private final int deteriorationPoints;
  private final boolean remissionInclusive;
  private final int remissionBound;
  private final int[] bandStarts;
  private final SeverityBand[] bands;
  private final int maxTotal;

  Instrument(String displayName, int[] itemMax, int safetyItem, int cutOff,
      int deteriorationPoints, boolean remissionInclusive, int remissionBound, int[] bandStarts,
      SeverityBand[] bands) {
    this.displayName = displayName;
    this.itemMax = itemMax;
    this.safetyItem = safetyItem;
    this.cutOff = cutOff;
    this.deteriorationPoints = deteriorationPoints;
    this.remissionInclusive = remissionInclusive;
    this.remissionBound = remissionBound;
    this.bandStarts = bandStarts;
    this.bands = bands;
    int sum = 0;
    for (int max : itemMax) {
      sum += max;
    }
    this.maxTotal = sum;
  }

  private static int[] uniform(int count, int max) {
    int[] result = new int[count];
    java.util.Arrays.fill(result, max);
    return result;
  }

  /** The name clinicians use, e.g. {@code "PHQ-9"}. */
  public String displayName() {
    return displayName;
  }

  /** The number of items of the instrument. */
  public int itemCount() {
    return itemMax.length;
  }

  /** The highest score of item {@code number} (1-based); every item's lowest score is 0. */
  public int itemMax(int number) {
    if (number < 1 || number > itemMax.length) {
      throw new IllegalArgumentException(
          displayName + " has items 1.." + itemMax.length + ", not " + number);
    }
    return itemMax[number - 1];
  }

  /** The highest possible total (PHQ-9: 27). */
  public int maxTotal() {
    return maxTotal;
  }

  /**
   * The safety item (1-based) whose positive score (≥ 1) calls for a suicide risk assessment (rule
   * M04): PHQ-9 item 9, EPDS item 10, HAM-D-17 item 3, BDI-II item 9; empty for GAD-7 and PCL-5.
   */
  public OptionalInt safetyItem() {
    return safetyItem == 0 ? OptionalInt.empty() : OptionalInt.of(safetyItem);
  }

  /** The score at or above which a last score still counts as clinically significant (rule E05). */
  public int cutOff() {
    return cutOff;
  }

  /**
   * The default rise above the lowest earlier total that counts as deterioration (rule M05);
   * profiles may change it. PHQ-9 6 and GAD-7 4 are the reliable-change criteria of the NHS
   * Talking Therapies manual; EPDS 4, HAM-D-17 5, PCL-5 10 and BDI-II 5 are our defaults.
   */
  public int deteriorationPoints() {
    return deteriorationPoints;
  }

  /** The severity band of a total. */
  public SeverityBand band(int total) {
    requireTotal(total);
    for (int i = bandStarts.length - 1; i > 0; i--) {
      if (total >= bandStarts[i]) {
        return bands[i];
      }
    }
    return bands[0];
  }

  /** The bands of this instrument, from the least to the most severe. */
  public List<SeverityBand> bands() {
    List<SeverityBand> result = new ArrayList<>(bands.length);
    Collections.addAll(result, bands);
    return Collections.unmodifiableList(result);
  }

  /** The lowest total of a band of this instrument. */
  public int bandStart(SeverityBand band) {
    for (int i = 0; i < bands.length; i++) {
      if (bands[i] == band) {
        return bandStarts[i];
      }
    }
    throw new IllegalArgumentException(displayName + " has no band " + band);
  }

  /**
   * Whether the change from {@code baseline} to {@code last} is a treatment response: a drop of at
   * least 50 % from a baseline above 0 (PCL-5: a drop of at least 10 points).
   */
  public boolean isResponse(int baseline, int last) {
    requireTotal(baseline);
    requireTotal(last);
    if (this == PCL5) {
      return baseline - last >= 10;
    }
    return baseline > 0 && 2 * last <= baseline;
  }

  /** Whether {@code total} is in remission (PHQ-9 &lt; 5, HAM-D-17 ≤ 7, …). */
  public boolean isRemission(int total) {
    requireTotal(total);
    return remissionInclusive ? total <= remissionBound : total < remissionBound;
  }

  /** Whether {@code total} is at or above the clinical cut-off. */
  public boolean isAtOrAboveCutOff(int total) {
    requireTotal(total);
    return total >= cutOff;
  }

  /** Whether {@code total} is a possible total of this instrument. */
  public boolean isValidTotal(int total) {
    return total >= 0 && total <= maxTotal;
  }

  private void requireTotal(int total) {
    if (!isValidTotal(total)) {
      throw new IllegalArgumentException(
          displayName + " total must be 0.." + maxTotal + ", was " + total);
    }
  }
}
