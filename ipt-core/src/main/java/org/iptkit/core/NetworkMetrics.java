package org.iptkit.core;

import java.util.Map;
import org.immutables.value.Value;

/**
 * Counts that describe one interpersonal inventory as a social network: its size, how many
 * people are in each closeness circle, confidants, conflicted ties, relationships that changed
 * near symptom onset, and deceased people. Comparing two of them answers "did the patient's
 * social support grow?" (see {@link NetworkComparison}).
 */
@Value.Immutable
public abstract class NetworkMetrics implements WithNetworkMetrics {
  NetworkMetrics() {}

  /** Number of people in the inventory. */
  public abstract int size();

  /** Number of people per closeness circle, by circle number in ascending order. */
  public abstract Map<Integer, Integer> perCircle();

  /** Number of people in the inner circle (circle 1). */
  public abstract int innerCircle();

  /** Number of confidants (sources of support). */
  public abstract int confidants();

  /** Number of relationships with conflict. */
  public abstract int conflicts();

  /** Number of relationships that changed near symptom onset. */
  public abstract int changedNearOnset();

  /** Number of deceased people. */
  public abstract int deceased();

  /** A builder of the metrics of an inventory; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code networkMetrics} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static NetworkMetrics copyOf(NetworkMetrics networkMetrics) {
    return ImmutableNetworkMetrics.copyOf(networkMetrics);
  }

  /**
   * Builds the metrics of an inventory attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code size(…)}: number of people in the inventory.</li>
   *   <li>{@code perCircle(…)}: number of people per closeness circle, by circle number in ascending order.</li>
   *   <li>{@code innerCircle(…)}: number of people in the inner circle (circle 1).</li>
   *   <li>{@code confidants(…)}: number of confidants (sources of support).</li>
   *   <li>{@code conflicts(…)}: number of relationships with conflict.</li>
   *   <li>{@code changedNearOnset(…)}: number of relationships that changed near symptom onset.</li>
   *   <li>{@code deceased(…)}: number of deceased people.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableNetworkMetrics.Builder {
    Builder() {}
  }
}
