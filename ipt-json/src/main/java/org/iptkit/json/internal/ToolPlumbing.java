package org.iptkit.json.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.IptJson;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.FidelityReport;

/**
 * What the iptkit tool's cohort check on several threads ({@code --threads}) needs beyond the
 * public API, kept out of it: batch records split on one thread and read as courses on others
 * ({@link SplitRecord#read()}), and fidelity reports encoded on the thread that checked the course
 * and written in input order by one thread. The output is the same as reading and writing on one
 * thread. Not exported: the tool reaches it on the class path.
 */
public final class ToolPlumbing {
  /** The package-private parts of the public classes this needs, lent once by {@link IptJson}. */
  public interface Lender {
    /** The settings of a configured reader and writer. */
    JsonSettings settings(IptJson json);

    /** The report encoded in the writer's format, on any thread. */
    EncodedReport encode(ReportWriter writer, FidelityReport report);

    /** Writes an encoded report with the writer's separators, on the writer's thread. */
    void write(ReportWriter writer, EncodedReport report);
  }

  private static volatile Lender lender;

  private ToolPlumbing() {}

  /**
   * Called once, by {@link IptJson} as it is loaded.
   *
   * @throws IllegalStateException on a second call
   */
  public static synchronized void lend(Lender parts) {
    if (lender != null) {
      throw new IllegalStateException("already lent");
    }
    lender = Objects.requireNonNull(parts, "parts");
  }

  private static Lender lender() {
    Lender parts = lender;
    if (parts == null) {
      IptJson.strict(); // loading IptJson lends the parts
      parts = lender;
    }
    return parts;
  }

  /**
   * The records of a file or of every course file under a directory, as
   * {@code json.batchReader().read(path, format)} gives them, but with their reading deferred:
   * NDJSON lines are only split off here (one line in memory at a time) and parsed by
   * {@link SplitRecord#read()}, on whichever thread calls it.
   */
  public static Stream<SplitRecord> readPending(IptJson json, Path path, BatchFormat format) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    return stream(BatchSources.open(lender().settings(json), path, format, true));
  }

  /** The records of a stream (not closed) with their reading deferred, as for a path. */
  public static Stream<SplitRecord> readPending(IptJson json, InputStream in, String sourceName,
      BatchFormat format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(format, "format");
    return stream(BatchSources.open(lender().settings(json), in, sourceName, format, false,
        true));
  }

  /** The records of a batch reader's iterator as a stream that closes the iterator. */
  public static Stream<SplitRecord> stream(RecordIterator records) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records,
            Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(records::close);
  }

  /**
   * The report of one course encoded in the writer's format without writing it; may be called
   * from any thread at any time, even while another thread writes.
   */
  public static EncodedReport encode(ReportWriter writer, FidelityReport report) {
    return lender().encode(writer, report);
  }

  /**
   * Writes a report encoded for a writer of the same format, with this writer's separators and
   * CSV header; on the writer's thread.
   *
   * @throws IllegalArgumentException if the report was encoded in another format
   */
  public static void write(ReportWriter writer, EncodedReport report) {
    lender().write(writer, report);
  }
}
