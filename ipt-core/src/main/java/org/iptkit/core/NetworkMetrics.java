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
public abstract class NetworkMetrics {
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

  /** A builder of network metrics. */
  public static ImmutableNetworkMetrics.Builder builder() {
    return ImmutableNetworkMetrics.builder();
  }
}
