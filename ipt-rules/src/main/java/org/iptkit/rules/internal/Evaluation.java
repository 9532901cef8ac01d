package org.iptkit.rules.internal;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
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
     * Adds a deviation at {@code path}, a pointer that needs no building. The message is built
     * only when the checker makes the deviation a finding (see {@link Deviation}).
     */
    public Collector add(String path, Supplier<String> message) {
      return add(facts -> path, OptionalInt.empty(), message);
    }

    /** Adds a deviation at a pointer built, like the message, only for the finding. */
    public Collector add(Supplier<String> path, Supplier<String> message) {
      return add(facts -> path.get(), OptionalInt.empty(), message);
    }

    /**
     * Adds a deviation at a pointer built only for the finding, about {@code session} where it
     * is not {@code null} (the session in which something was missed).
     */
    public Collector add(Supplier<String> path, Session session, Supplier<String> message) {
      return add(facts -> path.get(), session == null ? OptionalInt.empty()
          : OptionalInt.of(session.number()), message);
    }

    /** Adds a deviation about one session at the session's {@code field}, e.g. {@code "tasks"}. */
    public Collector addAt(Session session, String field, Supplier<String> message) {
      return add(facts -> facts.pointer(session, field), OptionalInt.of(session.number()),
          message);
    }

    /**
     * Adds a deviation about one session at element {@code index} of the session's array
     * {@code field}, e.g. its second measure.
     */
    public Collector addAt(Session session, String field, int index, Supplier<String> message) {
      return add(facts -> facts.pointer(session, field, index), OptionalInt.of(session.number()),
          message);
    }

    /** Adds a deviation about one session as a whole, at the session's own pointer. */
    public Collector addAt(Session session, Supplier<String> message) {
      return add(facts -> facts.pointer(session), OptionalInt.of(session.number()), message);
    }

    private Collector add(Function<CourseFacts, String> path, OptionalInt session,
        Supplier<String> message) {
      deviations = deviations.prepend(
          new Deviation(path, message, session, Optional.ofNullable(protocolPath), null));
      return this;
    }

    /**
     * Gives the deviation added last the reason a therapist acts on it in the next session (the
     * agenda's words after the rule's action): the clinician can still act on it. Built, like the
     * message, only when the agenda asks.
     */
    public Collector instruct(Supplier<String> instruction) {
      deviations = deviations.tail().prepend(deviations.head().instructing(instruction));
      return this;
    }

    /**
     * Gives every deviation added so far that has no reason of its own the reason a therapist
     * acts on it in the next session.
     */
    public Collector instructEach(Supplier<String> instruction) {
      deviations = deviations.map(d -> d.instruction() == null ? d.instructing(instruction) : d);
      return this;
    }

    /**
     * Marks every deviation added so far as one the clinician can still act on in the next
     * session, its own message saying why (for deviations such as a missing detail, which read
     * the same before and after the next session).
     */
    public Collector actionable() {
      deviations = deviations.map(d -> d.instruction() == null ? d.instructing(d.message()) : d);
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
