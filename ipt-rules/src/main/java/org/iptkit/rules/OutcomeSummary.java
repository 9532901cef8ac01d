package org.iptkit.rules;

import java.util.Map;
import org.immutables.value.Value;
import org.iptkit.core.CourseStatus;

/**
 * The outcome of a group of courses (a cohort, one protocol profile's courses or one therapist's)
 * over explicit denominators (docs/cohort.md), so that a trial can cite it:
 * <ul>
 *   <li>the completer share over the ended courses (COMPLETED and DISCONTINUED);</li>
 *   <li>the <em>completer analysis</em>: response and remission of the COMPLETED courses with a
 *       final primary score that were a case at baseline (baseline at or above the instrument's
 *       cut-off);</li>
 *   <li><em>all who started</em> (intention to treat, last score carried forward): response and
 *       remission of the COMPLETED and DISCONTINUED courses that were a case at baseline, a
 *       course without a later score counting with its baseline;</li>
 *   <li>maintenance courses (profiles without acute phases) on their own: the share that stayed
 *       below the cut-off and the share with a deterioration.</li>
 * </ul>
 * ONGOING courses are never in an outcome denominator. Acute courses that were not a case at
 * baseline, or have no baseline, are counted here and in no rate. Every proportion carries its
 * 95 % Wilson interval. The counts of the flow from courses started to the completer analysis
 * are here too.
 */
@Value.Immutable
public abstract class OutcomeSummary {
  OutcomeSummary() {}

  /** The courses of the group. */
  public abstract long courses();

  /** The courses by status; every status present, in enum order. */
  public abstract Map<CourseStatus, Long> byStatus();

  /**
   * Completers by the profile's definition, out of the COMPLETED and DISCONTINUED courses whose
   * profile defines one.
   */
  public abstract Proportion completers();

  /** COMPLETED and DISCONTINUED courses under profiles with acute phases. */
  public abstract long acuteEnded();

  /** Of those, the courses without a primary baseline score. */
  public abstract long acuteNoBaseline();

  /** Of those with a baseline, the courses that were not a case at baseline (below the cut-off). */
  public abstract long acuteNotCaseAtBaseline();

  /** COMPLETED acute courses with a primary score after the baseline (a final measure). */
  public abstract long completedWithFinalMeasure();

  /** DISCONTINUED acute courses with a primary score after the baseline. */
  public abstract long discontinuedWithFinalMeasure();

  /** DISCONTINUED acute courses with a final measure that were a case at baseline. */
  public abstract long discontinuedCasesWithFinalMeasure();

  /** Completer analysis: responders of the COMPLETED cases at baseline with a final measure. */
  public abstract Proportion completerResponse();

  /** Completer analysis: remitters of the same courses. */
  public abstract Proportion completerRemission();

  /**
   * All who started: responders of the COMPLETED and DISCONTINUED cases at baseline, the last
   * score carried forward.
   */
  public abstract Proportion startedResponse();

  /** All who started: remitters of the same courses, the last score carried forward. */
  public abstract Proportion startedRemission();

  /** COMPLETED and DISCONTINUED courses under profiles without acute phases. */
  public abstract long maintenanceEnded();

  /**
   * Maintenance: courses whose every primary score stayed below the cut-off, out of those
   * ended with a primary score.
   */
  public abstract Proportion maintenanceStayedBelowCutOff();

  /**
   * Maintenance: courses with a deterioration (a later score at least the profile's
   * deterioration points above baseline), out of those ended with a score after the baseline.
   */
  public abstract Proportion maintenanceDeteriorated();

  /** A builder of {@code OutcomeSummary} values. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the value attribute by attribute (each setter is named after the accessor it sets,
   * whose Javadoc says what it means); {@code build()} checks the whole.
   */
  static final class Builder extends ImmutableOutcomeSummary.Builder {
    Builder() {}
  }
}
