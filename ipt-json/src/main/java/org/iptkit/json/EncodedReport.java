package org.iptkit.json;

import java.util.Objects;

/**
 * The fidelity report of one course already encoded in a {@link ReportFormat}, ready to be copied
 * to the output by {@link ReportWriter#write(EncodedReport)}. A cohort check on several threads
 * encodes each report on the thread that checked the course ({@link ReportWriter#encode}) and
 * lets one thread write the encoded reports in input order: the output is the same, byte for
 * byte, as writing the reports themselves.
 *
 * <p>Immutable. {@link #toString()} names the format and size only, never the content.
 */
public final class EncodedReport {
  private final ReportFormat format;
  private final byte[] bytes;

  EncodedReport(ReportFormat format, byte[] bytes) {
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

  /** The encoded bytes; package-private so they cannot be changed. */
  byte[] bytes() {
    return bytes;
  }

  /** The format and size of the encoded report, without its content. */
  @Override
  public String toString() {
    return "EncodedReport[" + format + ", " + bytes.length + " bytes]";
  }
}
