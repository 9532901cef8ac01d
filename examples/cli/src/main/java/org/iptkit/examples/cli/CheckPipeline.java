package org.iptkit.examples.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.internal.SplitRecord;

/**
 * Reads (parses) and checks a stream of pending records on one or more threads and hands the
 * results on in input order.
 *
 * <p>With one thread each record is read and checked in turn. With more, the calling thread only
 * splits the input into records (see {@link SplitRecord}), groups them into batches of at most
 * {@link #BATCH_RECORDS} records or {@link #BATCH_BYTES} bytes of record text, and hands each batch
 * to a fixed pool of worker threads, which read and check its records (and encode each report
 * for the output, when given a {@code finish} step); the calling thread then
 * gives the results to the sink strictly in input order. At most {@link #BATCHES_PER_THREAD}
 * batches per thread are in flight at once, so memory stays constant however many courses are
 * read, and the output is the same, byte for byte, whatever the number of threads.
 *
 * <p>No record is lost: a record that cannot be read is a {@link Checked#unreadable} result, a
 * check that fails unexpectedly a {@link Checked#failed} one, and so is a defect while reading
 * (any exception of the reader other than a read error). An {@link Error} on a worker ends the
 * run, as it would on one thread.
 */
final class CheckPipeline {
  /** The most records in one batch handed to a worker. */
  static final int BATCH_RECORDS = 64;
  /** The most bytes of record text in one batch (a batch holds at least one record). */
  static final long BATCH_BYTES = 256 * 1024;
  /** Batches in flight per thread: enough to keep the threads busy, few enough to not matter. */
  static final int BATCHES_PER_THREAD = 2;

  private final int threads;
  private final CourseChecks checks;
  private final Function<SplitRecord, BatchRecord> reader;
  private final UnaryOperator<Checked> finish;

  CheckPipeline(int threads, CourseChecks checks) {
    this(threads, checks, UnaryOperator.identity());
  }

  /**
   * A pipeline that also runs {@code finish} on each result on the thread that checked it (the
   * output's encoding of the report, so the whole report stays on one thread).
   */
  CheckPipeline(int threads, CourseChecks checks, UnaryOperator<Checked> finish) {
    this(threads, checks, SplitRecord::read, finish);
  }

  /** A pipeline reading records with {@code reader} (tests give one that fails). */
  CheckPipeline(int threads, CourseChecks checks, Function<SplitRecord, BatchRecord> reader) {
    this(threads, checks, reader, UnaryOperator.identity());
  }

  private CheckPipeline(int threads, CourseChecks checks,
      Function<SplitRecord, BatchRecord> reader, UnaryOperator<Checked> finish) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
    this.checks = Objects.requireNonNull(checks, "checks");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.finish = Objects.requireNonNull(finish, "finish");
  }

  /**
   * Reads and checks every record of {@code records} and gives each result to {@code sink}, in
   * input order.
   */
  void run(Iterator<SplitRecord> records, Consumer<Checked> sink) {
    if (threads == 1) {
      // One thread: the sink takes each result as it comes; there is nothing to finish ahead.
      while (records.hasNext()) {
        sink.accept(check(records.next(), false));
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
      Deque<Future<List<Checked>>> window = new ArrayDeque<>();
      int capacity = threads * BATCHES_PER_THREAD;
      while (records.hasNext()) {
        List<SplitRecord> batch = nextBatch(records);
        window.addLast(pool.submit(() -> checkAll(batch)));
        while (window.size() >= capacity || (!window.isEmpty() && window.peekFirst().isDone())) {
          await(window.removeFirst()).forEach(sink);
        }
      }
      while (!window.isEmpty()) {
        await(window.removeFirst()).forEach(sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The next records of the input, up to a full batch; a batch is handed on as soon as it is full,
   * and the last one, however small, when the input ends.
   */
  private static List<SplitRecord> nextBatch(Iterator<SplitRecord> records) {
    List<SplitRecord> batch = new ArrayList<>(BATCH_RECORDS);
    long bytes = 0;
    do {
      SplitRecord record = records.next();
      batch.add(record);
      bytes += record.textLength();
    } while (batch.size() < BATCH_RECORDS && bytes < BATCH_BYTES && records.hasNext());
    return batch;
  }

  private List<Checked> checkAll(List<SplitRecord> batch) {
    List<Checked> results = new ArrayList<>(batch.size());
    for (SplitRecord record : batch) {
      results.add(check(record, true));
    }
    return results;
  }

  /** Reads, checks and (when {@code finishing}) finishes one record; never throws. */
  private Checked check(SplitRecord pending, boolean finishing) {
    BatchRecord record;
    try {
      record = reader.apply(pending);
    } catch (RuntimeException e) {
      // read errors come back as records: anything else is a defect, reported for this record
      return Checked.failedToRead(pending, e);
    }
    Checked checked = checks.check(record);
    if (!finishing || checked.report() == null) {
      return checked;
    }
    try {
      return finish.apply(checked);
    } catch (RuntimeException e) {
      return Checked.failed(record, e);
    }
  }

  private static List<Checked> await(Future<List<Checked>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted");
    } catch (ExecutionException e) {
      // check() turns every RuntimeException into a result itself; an Error is not ours to handle.
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
