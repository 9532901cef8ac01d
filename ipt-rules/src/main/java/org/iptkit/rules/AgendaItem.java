package org.iptkit.rules;

import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;
import org.iptkit.core.Instrument;
import org.iptkit.core.SessionTask;

/**
 * One thing for the clinician to do in the next session of an ongoing course: a protocol task
 * or a measure that is {@link Kind#DUE due} now or already {@link Kind#OVERDUE overdue}, with the
 * rule that asks for it, the suggested {@link SessionTask} or {@link Instrument}, a short message
 * (session numbers and values only, never identifiers or free text) and the session since which
 * it has been pending, where known.
 */
@Value.Immutable
public abstract class AgendaItem {
  AgendaItem() {}

  /** Whether an item is due in the next session or already overdue. */
  public enum Kind {
    /** Should have been done already; a rule reports it as of the last session. */
    OVERDUE,
    /** Due in the next session: leaving it out would become a deviation. */
    DUE
  }

  /**
   * The order of an agenda: overdue items first; then by rule in catalog order (items without a
   * rule last), the session they are pending since (unknown last), task, instrument and message.
   */
  public static final Comparator<AgendaItem> ORDER = Comparator
      .comparing(AgendaItem::kind)
      .thenComparing(item -> item.rule().orElse(null),
          Comparator.nullsLast(CohortReport.CATALOG_ORDER))
      .thenComparingInt(item -> item.sinceSession().isPresent()
          ? item.sinceSession().getAsInt() : Integer.MAX_VALUE)
      .thenComparing(item -> item.task().orElse(null),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(item -> item.instrument().orElse(null),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(AgendaItem::message);

  /** Due or overdue. */
  public abstract Kind kind();

  /** The code of the rule that asks for it, where one does (e.g. {@code "M02"}). */
  public abstract Optional<String> rule();

  /** The task to record in the next session, where one applies. */
  public abstract Optional<SessionTask> task();

  /** The instrument to administer in the next session, where one applies. */
  public abstract Optional<Instrument> instrument();

  /** A short message for the clinician: session numbers and values, never identifiers or free text. */
  public abstract String message();

  /** The session number since which the item has been pending (e.g. the last PHQ-9), if known. */
  public abstract OptionalInt sinceSession();

  /** A builder of an agenda item. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an agenda item attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableAgendaItem.Builder {
    Builder() {}
  }
}
