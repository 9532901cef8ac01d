package org.iptkit.examples.cli;

/** The exit codes of the {@code ipt} tool (docs/cli.md). */
public final class ExitCodes {
  /** Every record read and nothing at or above {@code --fail-on}. */
  public static final int OK = 0;
  /** Findings at or above {@code --fail-on}. */
  public static final int FINDINGS = 1;
  /**
   * A usage error, an unreadable file or any unreadable record; it wins over {@link #FINDINGS}
   * when both happen.
   */
  public static final int UNREADABLE = 2;

  private ExitCodes() {}

  /** The exit code of a run that had unreadable input and/or findings at the threshold. */
  static int of(boolean unreadable, boolean findings) {
    return unreadable ? UNREADABLE : findings ? FINDINGS : OK;
  }
}
