package org.iptkit.rules;

import java.util.Map;
import org.immutables.value.Value;

/**
 * The fidelity summary of a course: adherence overall and per domain ({@code passed /
 * applicable} rules, in [0, 1]; 1.0 when no rule applied) and the number of findings per
 * severity.
 */
@Value.Immutable
public abstract class FidelitySummary {
  FidelitySummary() {}

  /** Passed rules divided by applicable rules (PASS + FINDINGS), over all domains. */
  public abstract double adherence();

  /** Adherence per domain, for the domains with at least one applicable rule, in domain order. */
  public abstract Map<RuleDomain, Double> byDomain();

  /** Number of ERROR findings. */
  public abstract int errors();

  /** Number of WARNING findings. */
  public abstract int warnings();

  /** Number of INFO findings. */
  public abstract int infos();

  /** A builder of a summary. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a fidelity summary attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableFidelitySummary.Builder {
    Builder() {}
  }
}
