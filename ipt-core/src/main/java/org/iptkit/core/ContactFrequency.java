package org.iptkit.core;

/** How often the patient is in contact with a person of the interpersonal inventory. */
public enum ContactFrequency {
  /** Every day or nearly. */
  DAILY,
  /** About weekly. */
  WEEKLY,
  /** About monthly. */
  MONTHLY,
  /** Less than monthly. */
  RARELY,
  /** No contact (including a deceased person). */
  NONE
}
