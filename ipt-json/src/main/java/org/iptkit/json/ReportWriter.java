package org.iptkit.json;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.iptkit.json.internal.JsonSettings;
import org.iptkit.json.internal.ReportJsonWriter;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes the fidelity reports of many courses to one stream as they are checked, in one of the
 * {@link ReportFormat formats} of the command-line tool's {@code validate --format}: a JSON array,
 * NDJSON or CSV with one finding per row; or the per-course table of {@code ipt report --table
 * courses} ({@link CourseTable}, one row per course). Memory does not grow with the number of reports: each
 * is written when it is given. Output is UTF-8 and deterministic (the same reports in the same
 * order give the same bytes).
 *
 * <pre>{@code
 * try (ReportWriter out = IptJson.strict().reportWriter(System.out, ReportFormat.NDJSON)) {
 *   for (TreatmentCourse course : courses) {
 *     out.write(checker.check(course));
 *   }
 * }
 * }</pre>
 *
 * <p>As in a single report, the therapist reference is not written. {@link #close()} ends the
 * output (the closing bracket of an array; the CSV header when no report was written) and
 * flushes it; the stream itself is not closed, so standard output can be used. A writer is
 * thread-confined: use it from one thread at a time; only {@link #encode(FidelityReport)} may be
 * called from any thread, so several threads can encode reports that one thread writes in order.
 */
public final class ReportWriter implements AutoCloseable {
  /** The header row of the CSV format. */
  public static final String CSV_HEADER =
      "courseId,protocol,status,rule,name,severity,session,path,protocolPath,message";

  private static final String CRLF = "\r\n";
  private static final byte[] CSV_HEADER_LINE =
      (CSV_HEADER + CRLF).getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ARRAY_START = {'[', '\n'};
  private static final byte[] ARRAY_NEXT = {',', '\n'};

  /** The caller's stream behind a buffer: reports are written into it as UTF-8 bytes. */
  private final BufferedOutputStream bytes;
  private final ReportFormat format;
  private final JsonSettings settings;
  private final boolean withTherapist;
  private final byte[] headerLine;
  private long written;
  private boolean started;
  private boolean closed;

  ReportWriter(OutputStream out, ReportFormat format, JsonSettings settings) {
    this(out, format, settings, false);
  }

  ReportWriter(OutputStream out, ReportFormat format, JsonSettings settings,
      boolean withTherapist) {
    Objects.requireNonNull(out, "out");
    this.format = Objects.requireNonNull(format, "format");
    this.settings = settings;
    this.withTherapist = withTherapist;
    this.headerLine = format == ReportFormat.COURSE_TABLE
        ? (String.join(",", CourseTable.header(withTherapist)) + CRLF)
            .getBytes(StandardCharsets.US_ASCII)
        : CSV_HEADER_LINE;
    this.bytes = new BufferedOutputStream(out, 1 << 14);
  }

  /** The format this writer writes. */
  public ReportFormat format() {
    return format;
  }

  /** The number of reports written so far. */
  public long written() {
    return written;
  }

  /**
   * Writes the report of one course.
   *
   * @throws IllegalStateException if the writer is closed
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void write(FidelityReport report) {
    Objects.requireNonNull(report, "report");
    ensureOpen();
    try {
      switch (format) {
        case JSON_ARRAY -> {
          bytes.write(started ? ARRAY_NEXT : ARRAY_START);
          json(bytes, report, settings.pretty());
        }
        case NDJSON -> {
          json(bytes, report, false);
          bytes.write('\n');
        }
        case CSV, COURSE_TABLE -> {
          csvHeaderOnce();
          bytes.write(encode(report).bytes());
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
      started = true;
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Encodes the report of one course in this writer's format without writing it, for
   * {@link #write(EncodedReport)} later. Unlike the writing methods, this one may be called from
   * any thread at any time, even while another thread writes: it only reads the writer's
   * settings. Writing the encoded reports in order gives exactly the bytes that writing the
   * reports themselves gives.
   */
  public EncodedReport encode(FidelityReport report) {
    Objects.requireNonNull(report, "report");
    java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream(4096);
    try {
      if (format == ReportFormat.CSV || format == ReportFormat.COURSE_TABLE) {
        Writer text = new OutputStreamWriter(encoded, StandardCharsets.UTF_8);
        if (format == ReportFormat.CSV) {
          csv(text, report);
        } else {
          courseRow(text, report, withTherapist);
        }
        text.flush();
      } else {
        json(encoded, report, format == ReportFormat.JSON_ARRAY && settings.pretty());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by an in-memory stream
    }
    return new EncodedReport(format, encoded.toByteArray());
  }

  /**
   * Writes a report encoded by {@link #encode(FidelityReport)} of a writer of the same format
   * (the separators between reports and the CSV header are this writer's).
   *
   * @throws IllegalArgumentException if the report was encoded in another format
   * @throws IllegalStateException if the writer is closed
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void write(EncodedReport report) {
    Objects.requireNonNull(report, "report");
    if (report.format() != format) {
      throw new IllegalArgumentException("a report encoded as " + report.format()
          + " cannot be written as " + format);
    }
    ensureOpen();
    try {
      switch (format) {
        case JSON_ARRAY -> {
          bytes.write(started ? ARRAY_NEXT : ARRAY_START);
          bytes.write(report.bytes());
        }
        case NDJSON -> {
          bytes.write(report.bytes());
          bytes.write('\n');
        }
        case CSV, COURSE_TABLE -> {
          csvHeaderOnce();
          bytes.write(report.bytes());
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
      started = true;
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the report writer is closed");
    }
  }

  private void csvHeaderOnce() throws IOException {
    if (!started) {
      bytes.write(headerLine);
    }
  }

  private void json(java.io.OutputStream target, FidelityReport report, boolean pretty) {
    // Straight into the buffered output as UTF-8 bytes: no text copy and no character encoding
    // step per report, no flush per report.
    try (JsonGenerator generator = settings.valueGenerator(target, pretty)) {
      ReportJsonWriter.writeReport(generator, report);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    }
  }

  private static void csv(Writer out, FidelityReport report) throws IOException {
    for (Finding finding : ReportJsonWriter.sortedFindings(report)) {
      out.write(csvField(report.courseId()));
      out.write(',');
      out.write(csvField(report.protocol()));
      out.write(',');
      out.write(csvField(report.status().name()));
      out.write(',');
      out.write(csvField(finding.rule()));
      out.write(',');
      out.write(csvField(finding.name()));
      out.write(',');
      out.write(csvField(finding.severity().name()));
      out.write(',');
      if (finding.session().isPresent()) {
        out.write(Integer.toString(finding.session().getAsInt()));
      }
      out.write(',');
      out.write(csvField(finding.path()));
      out.write(',');
      if (finding.protocolPath().isPresent()) {
        out.write(csvField(finding.protocolPath().get()));
      }
      out.write(',');
      out.write(csvField(finding.message()));
      out.write(CRLF);
    }
  }

  /**
   * One row of the per-course table: text and category cells through {@link #csvField(String)},
   * numbers and booleans as they are (they hold no comma, quote or line break).
   */
  private static void courseRow(Writer out, FidelityReport report, boolean withTherapist)
      throws IOException {
    List<CourseTable.Column> columns = CourseTable.columns(withTherapist);
    List<String> cells = CourseTable.row(report, withTherapist);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String cell = cells.get(i);
      out.write(CourseTable.isText(columns.get(i)) && !cell.isEmpty() ? csvField(cell) : cell);
    }
    out.write(CRLF);
  }

  /**
   * A value as one CSV field (RFC 4180): as it is, or in double quotes with inner quotes doubled
   * when it holds a comma, a double quote, a carriage return or a line feed.
   */
  public static String csvField(String value) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /**
   * Passes what was written so far on to the stream and flushes it (for a pipeline that wants
   * each report as soon as it is checked); the output stays open for more reports.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void flush() {
    try {
      bytes.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ends the output and flushes it: the closing bracket of a JSON array ({@code []} when no report
   * was written), the CSV header alone when no report was written. The underlying stream is not
   * closed. Closing twice does nothing.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      switch (format) {
        case JSON_ARRAY -> bytes.write((started ? "\n]\n" : "[]\n")
            .getBytes(StandardCharsets.US_ASCII));
        case CSV, COURSE_TABLE -> csvHeaderOnce();
        case NDJSON -> {
          // nothing to end
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
      bytes.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
