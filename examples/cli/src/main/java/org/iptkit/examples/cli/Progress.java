package org.iptkit.examples.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error for long runs, shown only when a person is watching (the
 * tool runs in a terminal) and only after the run has taken a while; it is rewritten in place
 * and wiped at the end, so standard output carries results only.
 */
final class Progress {
  /** Runs shorter than this show no progress at all. */
  static final long QUIET_NANOS = 2_000_000_000L;
  private static final long EVERY_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier clock;
  private final long start;
  private long lastShown;
  private boolean shown;
  private int width;

  Progress(PrintWriter err, boolean enabled, LongSupplier clock) {
    this.err = err;
    this.enabled = enabled;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastShown = start;
  }

  /** Progress for a run of the tool: on when standard error is a terminal. */
  static Progress of(Io io) {
    return new Progress(io.err(), io.terminal(), System::nanoTime);
  }

  /** Notes that {@code records} records have been handled so far. */
  void update(long records) {
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    if (now - start < QUIET_NANOS || now - lastShown < EVERY_NANOS) {
      return;
    }
    lastShown = now;
    String line = "ipt: " + records + " records checked";
    width = Math.max(width, line.length());
    err.print("\r" + line);
    err.flush();
    shown = true;
  }

  /** Wipes the progress line, if one was shown. */
  void done() {
    if (shown) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      shown = false;
    }
  }
}
