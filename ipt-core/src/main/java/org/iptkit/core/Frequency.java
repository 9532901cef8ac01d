package org.iptkit.core;

/** How often sessions are agreed to take place in a treatment contract. */
public enum Frequency {
  /** Twice a week, as some manuals allow early in treatment. */
  TWICE_WEEKLY,
  /** Once a week: the usual frequency of acute IPT. */
  WEEKLY,
  /** Every two weeks. */
  FORTNIGHTLY,
  /** Once a month, as in maintenance IPT. */
  MONTHLY
}
