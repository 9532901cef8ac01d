package org.iptkit.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iptkit.core.TreatmentCourse;

/**
 * One record of a batch of course documents: either the treatment course read, or the
 * {@link JsonReadException} that made the record unreadable, together with where it came from
 * (source file name, record index, line). A batch reports every bad record once and goes on, so
 * nothing valid is lost.
 *
 * <pre>{@code
 * try (Stream<BatchRecord> records = CourseBatchReader.of(IptJson.strict()).read(path)) {
 *   records.forEach(r -> {
 *     if (r.isCourse()) check(r.courseOrThrow());
 *     else System.err.println(r);   // "export.ndjson:7 record 5: /sessions/0/date: …"
 *   });
 * }
 * }</pre>
 */
public final class BatchRecord {
  private final String source;
  private final long index;
  private final int line;
  private final TreatmentCourse course;
  private final JsonReadException error;
  private final List<ReadWarning> warnings;

  private BatchRecord(String source, long index, int line, TreatmentCourse course,
      JsonReadException error, List<ReadWarning> warnings) {
    this.source = Objects.requireNonNull(source, "source");
    this.index = index;
    this.line = line;
    this.course = course;
    this.error = error;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * A record that was read as a course.
   *
   * @param source the file name or the name given for a stream
   * @param index the 0-based position of the record in its source
   * @param line the line the record starts on, or 0 when unknown
   * @param course the course read
   * @param warnings what a lenient reader ignored in this record
   */
  public static BatchRecord ofCourse(
      String source, long index, int line, TreatmentCourse course, List<ReadWarning> warnings) {
    return new BatchRecord(source, index, line, Objects.requireNonNull(course, "course"), null,
        warnings);
  }

  /**
   * A record that could not be read.
   *
   * @param source the file name or the name given for a stream
   * @param index the 0-based position of the record in its source
   * @param line the line the record starts on (NDJSON: its line), or 0 when unknown
   * @param error why the record is unreadable
   */
  public static BatchRecord ofError(
      String source, long index, int line, JsonReadException error) {
    return new BatchRecord(source, index, line, null, Objects.requireNonNull(error, "error"),
        List.of());
  }

  /** The file the record came from (as reached from the path given), or the stream's name. */
  public String source() {
    return source;
  }

  /** The 0-based position of the record in its source (array index, or count of records before). */
  public long index() {
    return index;
  }

  /** The line the record starts on (for NDJSON the line of the file), or 0 when unknown. */
  public int line() {
    return line;
  }

  /** Whether the record was read as a course. */
  public boolean isCourse() {
    return course != null;
  }

  /** The course, when the record was readable. */
  public Optional<TreatmentCourse> course() {
    return Optional.ofNullable(course);
  }

  /** Why the record could not be read, when it could not. */
  public Optional<JsonReadException> error() {
    return Optional.ofNullable(error);
  }

  /** The course, or the read error thrown when the record was unreadable. */
  public TreatmentCourse courseOrThrow() {
    if (error != null) {
      throw error;
    }
    return course;
  }

  /** The fields a lenient reader ignored in this record. */
  public List<ReadWarning> warnings() {
    return warnings;
  }

  /**
   * The record's place and outcome on one line, without patient data: {@code "a.ndjson:7 record 3:
   * course"} or the error message.
   */
  @Override
  public String toString() {
    String where = source + (line > 0 ? ":" + line : "") + " record " + index;
    return where + ": " + (error != null ? error.getMessage() : "course");
  }
}
