package org.iptkit.examples.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.iptkit.json.BatchRecord;

/**
 * Checks a stream of records on one or more threads and hands the results on in input order.
 * At most a small, fixed number of records is in flight at once (four per thread), so memory
 * stays constant however many courses are read, and the output is the same, byte for byte,
 * whatever the number of threads.
 */
final class CheckPipeline {
  /** Records in flight per thread: enough to keep the threads busy, small enough to not matter. */
  private static final int WINDOW_PER_THREAD = 4;

  private final int threads;
  private final CourseChecks checks;

  CheckPipeline(int threads, CourseChecks checks) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
    this.checks = checks;
  }

  /** Checks every record of {@code records} and gives each result to {@code sink}, in order. */
  void run(Iterator<BatchRecord> records, Consumer<Checked> sink) {
    if (threads == 1) {
      while (records.hasNext()) {
        sink.accept(checks.check(records.next()));
      }
      return;
    }
    AtomicInteger number = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "ipt-check-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      Deque<Future<Checked>> window = new ArrayDeque<>();
      int capacity = threads * WINDOW_PER_THREAD;
      while (records.hasNext()) {
        BatchRecord record = records.next();
        window.addLast(record.isCourse()
            ? pool.submit(() -> checks.check(record))
            : CompletableFuture.completedFuture(Checked.unreadable(record)));
        while (window.size() >= capacity) {
          sink.accept(await(window.removeFirst()));
        }
      }
      while (!window.isEmpty()) {
        sink.accept(await(window.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Checked await(Future<Checked> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted");
    } catch (ExecutionException e) {
      // check() catches every RuntimeException itself; an Error is not ours to handle.
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
