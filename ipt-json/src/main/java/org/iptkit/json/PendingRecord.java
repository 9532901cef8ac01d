package org.iptkit.json;

import java.util.Objects;
import org.iptkit.json.internal.SplitRecord;

/**
 * One record of a batch of course documents whose reading is deferred, so that another thread
 * can do it: the batch is split into records on one thread, in input order, and the records are
 * read as courses (or as the {@link JsonReadException} that makes them unreadable) wherever
 * {@link #read()} is called. A cohort check keeps one thread splitting the export and lets
 * several threads read and check the courses.
 *
 * <p>Which records are deferred depends on the layout of the source ({@link BatchFormat}). An
 * NDJSON line is only split off and copied (its bytes, no more): it is parsed by {@link #read()}.
 * The elements of a JSON array and the documents of a sequence share one parser, so they are read
 * as they are split, and {@link #read()} hands on that record; so do records found bad while
 * splitting, such as a line over the length limit or an empty input.
 *
 * <pre>{@code
 * try (Stream<PendingRecord> pending = CourseBatchReader.of(IptJson.strict())
 *     .readPending(Path.of("export.ndjson"))) {
 *   pending.forEach(p -> pool.submit(() -> check(p.read())));   // parsed on the pool's threads
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #read()} may be called from any thread, any number of
 * times, and each call gives an equal record (the same source, index, line, an equal course or a
 * read error with the same message and pointer). A record a lenient reader reads carries its
 * {@link ReadWarning warnings} as with {@link CourseBatchReader#read(java.nio.file.Path)}.
 */
public final class PendingRecord {
  private final SplitRecord split;

  PendingRecord(SplitRecord split) {
    this.split = split;
  }

  /**
   * A record read already, handed on as pending: its {@link #read()} gives {@code record}. For
   * hosts (and tests) that feed records of their own to code that takes pending records.
   */
  public static PendingRecord of(BatchRecord record) {
    return new PendingRecord(SplitRecord.of(Objects.requireNonNull(record, "record")));
  }

  /** The file the record came from (as reached from the path given), or the stream's name. */
  public String source() {
    return split.source();
  }

  /** The 0-based position of the record in its source, as in {@link BatchRecord#index()}. */
  public long index() {
    return split.index();
  }

  /** The line the record starts on (for NDJSON the line of the file), or 0 when unknown. */
  public int line() {
    return split.line();
  }

  /**
   * The number of bytes of the record's text kept until it is read: an NDJSON line's length
   * without its line end, or 0 when the record was read already. Lets a caller bound the memory
   * of the records it holds.
   */
  public int textLength() {
    return split.textLength();
  }

  /**
   * Reads the record: the course, or the {@link JsonReadException} that makes it unreadable, with
   * the same source, index and line. Never throws for bad input; safe on any thread.
   */
  public BatchRecord read() {
    return split.read();
  }

  /**
   * The record's place on one line, without patient data: {@code "a.ndjson:7 record 3:
   * pending"}.
   */
  @Override
  public String toString() {
    return source() + (line() > 0 ? ":" + line() : "") + " record " + index() + ": pending";
  }
}
