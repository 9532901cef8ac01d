package org.iptkit.core;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An observer's adherence rating of one session on a fidelity scale (e.g. the IPT Institute
 * Quality &amp; Adherence Scale, 1–5, pass = mean ≥ 3.0; or the IPT subscales of the CSPRS, 1–7).
 * The library stores item scores only, never item wording. The rater id is redacted from
 * {@code toString()}.
 */
@Value.Immutable
public abstract class FidelityRating {
  FidelityRating() {}

  /** The number of the session rated. */
  public abstract int session();

  /** The scale's identifier, e.g. {@code "IPT-QAS"} or {@code "CSPRS-IPT"}. */
  public abstract String scale();

  /** The pseudonymous id of the rater. */
  @Value.Redacted
  public abstract Optional<String> rater();

  /** The item scores, in the scale's order. */
  public abstract List<Integer> items();

  /** The mean item score. */
  public double mean() {
    double sum = 0;
    for (int item : items()) {
      sum += item;
    }
    return sum / items().size();
  }

  @Value.Check
  void check() {
    if (session() < 1) {
      throw new InvalidValueException("session", "a session number from 1",
          "session must be >= 1, was " + session());
    }
    InvalidValueException.requireNotBlank(scale(), "scale");
    if (items().isEmpty()) {
      throw new InvalidValueException("items", "at least one item score",
          "items must not be empty");
    }
    for (int i = 0; i < items().size(); i++) {
      int item = items().get(i);
      if (item < 0) {
        throw new InvalidValueException("items/" + i, "an item score from 0",
            "rating item " + (i + 1) + " must be >= 0, was " + item);
      }
    }
  }

  /** A builder of a fidelity rating. */
  public static ImmutableFidelityRating.Builder builder() {
    return ImmutableFidelityRating.builder();
  }
}
