package org.iptkit.rules;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The inter-rater reliability of one observer rating scale in a cohort: of the attended sessions
 * rated by two or more named raters, those rated by the most common set of raters form a complete
 * two-way table (every session rated by each of them), on which ICC(2,1) is computed; the other
 * multiply rated sessions are counted, not used.
 */
@Value.Immutable
public abstract class InterRaterReliability {
  InterRaterReliability() {}

  /** The scale's identifier. */
  public abstract String scale();

  /** Attended sessions rated on the scale by two or more named raters. */
  public abstract long multiplyRatedSessions();

  /**
   * ICC(2,1) over the sessions rated by the most common set of raters (ties: the set whose sorted
   * rater ids come first); its {@code sessions()} and {@code raters()} are what it rests on.
   */
  public abstract Optional<IntraclassCorrelation> correlation();

  /** Multiply rated sessions whose raters are not the set the coefficient rests on. */
  public long sessionsNotUsed() {
    return multiplyRatedSessions() - correlation().map(IntraclassCorrelation::sessions).orElse(0L);
  }

  /** A builder of {@code InterRaterReliability} values. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the value attribute by attribute (each setter is named after the accessor it sets,
   * whose Javadoc says what it means); {@code build()} checks the whole.
   */
  static final class Builder extends ImmutableInterRaterReliability.Builder {
    Builder() {}
  }
}
