package org.iptkit.core;

import java.util.Set;
import org.immutables.value.Value;

/**
 * The change between two interpersonal inventories of a course (typically the first and the
 * last): who entered or left the inner circle, and the change in network size, inner circle,
 * confidants and conflicted ties. Person ids are redacted from {@code toString()}.
 */
@Value.Immutable
public abstract class NetworkComparison implements WithNetworkComparison {
  NetworkComparison() {}

  /** The metrics of the earlier inventory. */
  public abstract NetworkMetrics before();

  /** The metrics of the later inventory. */
  public abstract NetworkMetrics after();

  /** Ids of people in the inner circle of the later inventory but not of the earlier one. */
  @Value.Redacted
  public abstract Set<String> enteredInnerCircle();

  /** Ids of people in the inner circle of the earlier inventory but not of the later one. */
  @Value.Redacted
  public abstract Set<String> leftInnerCircle();

  /** Change in the number of people listed. */
  public int sizeChange() {
    return after().size() - before().size();
  }

  /** Change in the size of the inner circle. */
  public int innerCircleChange() {
    return after().innerCircle() - before().innerCircle();
  }

  /** Change in the number of confidants. */
  public int confidantChange() {
    return after().confidants() - before().confidants();
  }

  /** Change in the number of conflicted relationships. */
  public int conflictChange() {
    return after().conflicts() - before().conflicts();
  }

  /**
   * Whether the patient's social support grew: more confidants, or a larger inner circle without
   * more conflicted ties.
   */
  public boolean supportGrew() {
    return confidantChange() > 0 || (innerCircleChange() > 0 && conflictChange() <= 0);
  }

  /** Whether nothing measured changed between the two inventories. */
  public boolean isUnchanged() {
    return before().equals(after())
        && enteredInnerCircle().isEmpty()
        && leftInnerCircle().isEmpty();
  }

  /** A builder of a comparison of two inventories; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code networkComparison} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static NetworkComparison copyOf(NetworkComparison networkComparison) {
    return ImmutableNetworkComparison.copyOf(networkComparison);
  }

  /**
   * Builds a comparison of two inventories attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code before(…)}: the metrics of the earlier inventory.</li>
   *   <li>{@code after(…)}: the metrics of the later inventory.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code enteredInnerCircle(…)} to replace all: ids of people in the inner circle of the later inventory but not of the earlier one.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code leftInnerCircle(…)} to replace all: ids of people in the inner circle of the earlier inventory but not of the later one.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableNetworkComparison.Builder {
    Builder() {}
  }
}
