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
public abstract class FidelityRating implements WithFidelityRating {
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

  /** A builder of a fidelity rating; {@code build()} checks it and fails with {@link InvalidValueException}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy of {@code fidelityRating} that is a value of iptkit's own (the same value when it already is one);
   * change it with the {@code with…} methods.
   */
  public static FidelityRating copyOf(FidelityRating fidelityRating) {
    return ImmutableFidelityRating.copyOf(fidelityRating);
  }

  /**
   * Builds a fidelity rating attribute by attribute, then {@code build()} checks the whole and fails with an
   * {@link InvalidValueException} naming the field when a required one is missing or a value is
   * impossible; {@code from(…)} starts from an existing value. The setters:
   * <ul>
   *   <li>{@code session(…)}: the number of the session rated.</li>
   *   <li>{@code scale(…)}: the scale's identifier, e.g. {@code "IPT-QAS"} or {@code "CSPRS-IPT"}.</li>
   *   <li>{@code rater(value)} or {@code rater(Optional)}: the pseudonymous id of the rater.</li>
   *   <li>{@code add…}, {@code addAll…} or {@code items(…)} to replace all: the item scores, in the scale's order.</li>
   * </ul>
   */
  public static final class Builder extends ImmutableFidelityRating.Builder {
    Builder() {}
  }
}
