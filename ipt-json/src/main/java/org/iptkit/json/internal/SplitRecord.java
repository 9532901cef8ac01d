package org.iptkit.json.internal;

import java.util.Objects;
import org.iptkit.json.BatchRecord;

/**
 * One record of a batch as split from its source, before or after reading: an NDJSON line whose
 * bytes are kept and parsed only by {@link #read()}, on whichever thread calls it; or a record
 * read already (an element of a JSON array or a document of a sequence, which share one parser,
 * or a line found bad while splitting, such as a line over the length limit).
 *
 * <p>Immutable: the line's bytes are a copy of that line only and are never changed, and the
 * settings are shared read-only, so {@link #read()} is safe on any thread and each call gives an
 * equal record.
 */
public final class SplitRecord {
  private final String source;
  private final long index;
  private final int line;
  private final BatchRecord record;
  private final JsonSettings settings;
  private final byte[] text;

  private SplitRecord(String source, long index, int line, BatchRecord record,
      JsonSettings settings, byte[] text) {
    this.source = source;
    this.index = index;
    this.line = line;
    this.record = record;
    this.settings = settings;
    this.text = text;
  }

  /** A record read already. */
  public static SplitRecord of(BatchRecord record) {
    Objects.requireNonNull(record, "record");
    return new SplitRecord(record.source(), record.index(), record.line(), record, null, null);
  }

  /** An NDJSON line ({@code text}, owned by the new record) to be read later. */
  static SplitRecord ofLine(JsonSettings settings, String source, long index, int line,
      byte[] text) {
    return new SplitRecord(source, index, line, null, settings, text);
  }

  /** The file the record came from, or the stream's name. */
  public String source() {
    return source;
  }

  /** The 0-based position of the record in its source. */
  public long index() {
    return index;
  }

  /** The line the record starts on, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The number of bytes kept for reading: the NDJSON line's, or 0 for a record read already. */
  public int textLength() {
    return text == null ? 0 : text.length;
  }

  /** The record read: the course, or why it is unreadable. */
  public BatchRecord read() {
    if (record != null) {
      return record;
    }
    return BatchSources.readLine(settings, source, index, line, text);
  }

  /**
   * The record's place on one line, without patient data: {@code "a.ndjson:7 record 3:
   * pending"}.
   */
  @Override
  public String toString() {
    return source + (line > 0 ? ":" + line : "") + " record " + index + ": pending";
  }
}
