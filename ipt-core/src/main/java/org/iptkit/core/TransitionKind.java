package org.iptkit.core;

/** The life change behind a role transition. */
public enum TransitionKind {
  /** Becoming a parent. */
  PARENTHOOD,
  /** Separation or divorce. */
  SEPARATION,
  /** Loss of a role other than through a death (e.g. children leaving home). */
  BEREAVEMENT_OF_ROLE,
  /** A new job, job loss or a change at work. */
  JOB,
  /** Moving home, town or country. */
  MOVE,
  /** Becoming ill or disabled. */
  ILLNESS,
  /** Retiring from work. */
  RETIREMENT,
  /** Starting, changing or leaving school or university. */
  SCHOOL,
  /** Any other change of social role. */
  OTHER
}
