package org.iptkit.json.internal;

import java.util.Objects;
import org.iptkit.json.ReportFormat;

/**
 * The fidelity report of one course already encoded in a {@link ReportFormat}, ready to be copied
 * to the output by the report writer of the same format. The tool's cohort check on several
 * threads encodes each report on the thread that checked the course and lets one thread write
 * the encoded reports in input order: the output is the same, byte for byte, as writing the
 * reports themselves ({@link ToolPlumbing}).
 *
 * <p>Immutable: the bytes are owned by this object and never changed. {@link #toString()} names
 * the format and size only, never the content.
 */
public final class EncodedReport {
  private final ReportFormat format;
  private final byte[] bytes;

  /** A report encoded as {@code bytes} (UTF-8, owned by the new object) in {@code format}. */
  public EncodedReport(ReportFormat format, byte[] bytes) {
    this.format = Objects.requireNonNull(format, "format");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** The format the report is encoded in. */
  public ReportFormat format() {
    return format;
  }

  /** The number of bytes of the encoded report (UTF-8), without separators between reports. */
  public int size() {
    return bytes.length;
  }

  /** The encoded bytes themselves, not a copy: the report writer copies them out, unchanged. */
  public byte[] bytes() {
    return bytes;
  }

  /** The format and size of the encoded report, without its content. */
  @Override
  public String toString() {
    return "EncodedReport[" + format + ", " + bytes.length + " bytes]";
  }
}
