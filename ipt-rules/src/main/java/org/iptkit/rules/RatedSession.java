package org.iptkit.rules;

import java.util.Map;
import org.immutables.value.Value;

/**
 * One attended session of a course rated by observers on one fidelity scale: the session's
 * score (the mean, over its ratings, of each rating's mean item score) and, for the inter-rater
 * reliability, each named rater's score of it. Rater ids are redacted from {@code toString()}.
 */
@Value.Immutable
public abstract class RatedSession {
  RatedSession() {}

  /** The scale's identifier, e.g. {@code "IPT-QAS"}. */
  public abstract String scale();

  /** The number of the session rated. */
  public abstract int session();

  /** The session's score: the mean of its ratings' mean item scores on this scale. */
  public abstract double score();

  /**
   * Each named rater's score of the session (the mean of that rater's ratings of it, when one
   * rater rated it twice), by rater id in ascending order; ratings without a rater id are in
   * {@link #score()} only.
   */
  @Value.Redacted
  public abstract Map<String, Double> raterScores();

  /** A builder of {@code RatedSession} values. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the value attribute by attribute (each setter is named after the accessor it sets,
   * whose Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableRatedSession.Builder {
    Builder() {}
  }
}
