package org.iptkit.json;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * NDJSON or CSV with one finding per row. Memory does not grow with the number of reports: each
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
 * thread-confined: use it from one thread at a time.
 */
public final class ReportWriter implements AutoCloseable {
  /** The header row of the CSV format. */
  public static final String CSV_HEADER =
      "courseId,protocol,status,rule,name,severity,session,path,message";

  private static final String CRLF = "\r\n";
  private static final byte[] ARRAY_START = {'[', '\n'};
  private static final byte[] ARRAY_NEXT = {',', '\n'};

  /** The caller's stream behind a buffer: JSON is written into it as UTF-8 bytes. */
  private final BufferedOutputStream bytes;
  /** CSV is text: written through this UTF-8 writer over {@link #bytes}. */
  private final Writer out;
  private final ReportFormat format;
  private final JsonSettings settings;
  private long written;
  private boolean started;
  private boolean closed;

  ReportWriter(OutputStream out, ReportFormat format, JsonSettings settings) {
    Objects.requireNonNull(out, "out");
    this.format = Objects.requireNonNull(format, "format");
    this.settings = settings;
    this.bytes = new BufferedOutputStream(out, 1 << 14);
    this.out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
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
    if (closed) {
      throw new IllegalStateException("the report writer is closed");
    }
    try {
      switch (format) {
        case JSON_ARRAY -> {
          bytes.write(started ? ARRAY_NEXT : ARRAY_START);
          json(report, settings.pretty());
        }
        case NDJSON -> {
          json(report, false);
          bytes.write('\n');
        }
        case CSV -> {
          if (!started) {
            out.write(CSV_HEADER);
            out.write(CRLF);
          }
          csv(report);
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
      started = true;
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void json(FidelityReport report, boolean pretty) {
    // Straight into the buffered output as UTF-8 bytes: no text copy and no character encoding
    // step per report, no flush per report.
    try (JsonGenerator generator = settings.valueGenerator(bytes, pretty)) {
      ReportJsonWriter.writeReport(generator, report);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    }
  }

  private void csv(FidelityReport report) throws IOException {
    for (Finding finding : ReportJsonWriter.sortedFindings(report)) {
      field(report.courseId());
      out.write(',');
      field(report.protocol());
      out.write(',');
      field(report.status().name());
      out.write(',');
      field(finding.rule());
      out.write(',');
      field(finding.name());
      out.write(',');
      field(finding.severity().name());
      out.write(',');
      if (finding.session().isPresent()) {
        out.write(Integer.toString(finding.session().getAsInt()));
      }
      out.write(',');
      field(finding.path());
      out.write(',');
      field(finding.message());
      out.write(CRLF);
    }
  }

  /** One CSV field, in double quotes (inner quotes doubled) when it needs them (RFC 4180). */
  private void field(String value) throws IOException {
    out.write(csvField(value));
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
      out.flush();
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
        case CSV -> {
          if (!started) {
            out.write(CSV_HEADER);
            out.write(CRLF);
          }
        }
        case NDJSON -> {
          // nothing to end
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
      out.flush();
      bytes.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
