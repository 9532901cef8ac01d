package org.iptkit.it;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * A hang guard: runs a piece of work in another thread and fails the test if it has not ended
 * after a generous time. It is not a performance check (JMH benchmarks are); it only turns an
 * endless loop into a failure instead of a stuck build.
 */
final class Guard {
  /**
   * Far beyond what any single read or check takes, even on a slow machine shared by several
   * builds: a guard must never fail because the machine is busy (a 10-second limit once did, on a
   * loaded two-core machine).
   */
  static final Duration LIMIT = Duration.ofSeconds(60);

  private Guard() {}

  /** The value the work returns, or a failure if it does not end within {@link #LIMIT}. */
  static <T> T within(ThrowingSupplier<T> work) {
    return assertTimeoutPreemptively(LIMIT, work);
  }

  /** Runs the work, failing if it does not end within {@link #LIMIT}. */
  static void within(Executable work) {
    assertTimeoutPreemptively(LIMIT, work);
  }

  /**
   * What the work threw (any exception or error, a stack overflow or running out of memory
   * included), or null if it returned normally; a failure if it does not end within
   * {@link #LIMIT}.
   */
  static Throwable thrownWithin(Executable work) {
    try {
      assertTimeoutPreemptively(LIMIT, work);
      return null;
    } catch (AssertionFailedError timeout) {
      throw timeout;
    } catch (Throwable thrown) {
      return thrown;
    }
  }
}
