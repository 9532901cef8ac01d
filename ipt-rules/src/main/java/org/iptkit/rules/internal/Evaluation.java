package org.iptkit.rules.internal;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.iptkit.core.Session;

/**
 * What one rule concluded for one course: it passed, it found deviations (accumulated, never
 * short-circuited), or it does not apply (with a reason).
 */
public final class Evaluation {
  private static final Evaluation PASS = new Evaluation(List.empty(), null);

  private final Seq<Deviation> deviations;
  private final String notApplicableReason;

  private Evaluation(Seq<Deviation> deviations, String notApplicableReason) {
    this.deviations = deviations;
    this.notApplicableReason = notApplicableReason;
  }

  /** The rule applied and the course keeps it. */
  public static Evaluation pass() {
    return PASS;
  }

  /** The rule does not apply; {@code reason} says why (no identifiers, no free text). */
  public static Evaluation notApplicable(String reason) {
    return new Evaluation(List.empty(), reason);
  }

  /** A collector of deviations; {@link Collector#result()} is PASS when none was added. */
  public static Collector collect() {
    return new Collector();
  }

  /** A single deviation about the course as a whole or one place in it. */
  public static Evaluation deviation(String path, Supplier<String> message) {
    return collect().add(path, message).result();
  }

  /** The deviations found, in the order found. */
  public Seq<Deviation> deviations() {
    return deviations;
  }

  /** Whether the rule does not apply. */
  public boolean isNotApplicable() {
    return notApplicableReason != null;
  }

  /** Why the rule does not apply. */
  public Optional<String> reason() {
    return Optional.ofNullable(notApplicableReason);
  }

  /** Accumulates deviations of one rule. */
  public static final class Collector {
    private List<Deviation> deviations = List.empty();
    private String protocolPath;

    private Collector() {}

    /** Sets the profile parameter pointer stamped on the deviations added after this call. */
    public Collector protocolPath(String pointer) {
      this.protocolPath = pointer;
      return this;
    }

    /**
     * Adds a deviation at {@code path}. The message is built only when the checker makes the
     * deviation a finding (see {@link Deviation}).
     */
    public Collector add(String path, Supplier<String> message) {
      deviations = deviations.prepend(
          new Deviation(path, message, OptionalInt.empty(), Optional.ofNullable(protocolPath)));
      return this;
    }

    /** Adds a deviation about one session at {@code path} (inside that session), as above. */
    public Collector add(Session session, String path, Supplier<String> message) {
      deviations = deviations.prepend(new Deviation(path, message,
          OptionalInt.of(session.number()), Optional.ofNullable(protocolPath)));
      return this;
    }

    /** Whether nothing was added yet. */
    public boolean isEmpty() {
      return deviations.isEmpty();
    }

    /** PASS if nothing was added, else the deviations in the order added. */
    public Evaluation result() {
      return deviations.isEmpty() ? PASS : new Evaluation(deviations.reverse(), null);
    }
  }
}
