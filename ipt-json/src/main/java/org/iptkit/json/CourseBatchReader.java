package org.iptkit.json;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.iptkit.json.internal.BatchSources;
import org.iptkit.json.internal.SplitRecord;
import org.iptkit.json.internal.ToolPlumbing;

/**
 * Reads many course records in one go, for research exports and cohort checks: a JSON array of
 * course documents, an NDJSON / JSON Lines file (one course per line, blank lines skipped), a
 * {@code .json} file holding one pretty-printed course, a directory (read recursively, each
 * directory's {@code .json}, {@code .ndjson} and {@code .jsonl} files in sorted name order, hidden
 * entries skipped), or a stream.
 *
 * <p>Records are read lazily, one at a time: memory does not grow with the number of courses. A bad
 * record is reported once as a {@link BatchRecord} carrying its {@link JsonReadException}, with
 * the source name, the record index and line, and reading goes on with the next record, so nothing
 * valid is lost: in NDJSON with the next line (even after malformed JSON); in a JSON array with the
 * next element, whose error pointer starts with the element's index ({@code /3/sessions/0/date}).
 * Malformed JSON syntax inside an array or a document sequence ends that source after one report.
 *
 * <pre>{@code
 * CourseBatchReader batch = CourseBatchReader.of(IptJson.strict());
 * try (Stream<BatchRecord> records = batch.read(Path.of("export/"))) {
 *   records.filter(r -> !r.isCourse()).forEach(r -> System.err.println(r));
 * }
 * }</pre>
 *
 * <p>The returned streams hold a file open: close them (try-with-resources). Failing to read a file
 * at all is an {@link UncheckedIOException}, not a bad record; within a directory, a file that
 * cannot be read (no permission, an I/O error) is one bad record of that file ({@link
 * JsonReadException.Problem#UNREADABLE_FILE}) and the directory's other files are still read.
 */
public final class CourseBatchReader {
  private final IptJson json;

  private CourseBatchReader(IptJson json) {
    this.json = json;
  }

  /** A batch reader with the options (strictness, limits) of {@code json}. */
  public static CourseBatchReader of(IptJson json) {
    return new CourseBatchReader(Objects.requireNonNull(json, "json"));
  }

  /**
   * The records of a file or of every course file under a directory, the format of each file
   * decided by {@link BatchFormat#AUTO}.
   *
   * @throws UncheckedIOException if the path cannot be read
   */
  public Stream<BatchRecord> read(Path path) {
    return read(path, BatchFormat.AUTO);
  }

  /**
   * The records of a file, or of every course file under a directory, in the given format.
   *
   * @throws UncheckedIOException if the path cannot be read
   */
  public Stream<BatchRecord> read(Path path, BatchFormat format) {
    return records(path, format).map(SplitRecord::read);
  }

  /**
   * The records of a stream (standard input, a download), the format decided by
   * {@link BatchFormat#AUTO}; {@code sourceName} names it in records and helps decide the format
   * ({@code "-"} or a file name). The stream is not closed.
   */
  public Stream<BatchRecord> read(InputStream in, String sourceName) {
    return read(in, sourceName, BatchFormat.AUTO);
  }

  /** The records of a stream in the given format; the stream is not closed. */
  public Stream<BatchRecord> read(InputStream in, String sourceName, BatchFormat format) {
    return records(in, sourceName, format).map(SplitRecord::read);
  }

  private Stream<SplitRecord> records(Path path, BatchFormat format) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    // read at once: NDJSON lines are parsed where they lie in the read buffer, not copied out
    return ToolPlumbing.stream(BatchSources.open(json.settings(), path, format, false));
  }

  private Stream<SplitRecord> records(InputStream in, String sourceName, BatchFormat format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(format, "format");
    return ToolPlumbing.stream(BatchSources.open(json.settings(), in, sourceName, format, false,
        false));
  }
}
