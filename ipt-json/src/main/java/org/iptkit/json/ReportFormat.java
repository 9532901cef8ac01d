package org.iptkit.json;

/**
 * The output formats of a {@link ReportWriter}, as the command-line tool's {@code --format}
 * offers them for fidelity reports (docs/cli.md).
 */
public enum ReportFormat {
  /**
   * One JSON array of reports: {@code [} on the first line, each report on its own line (compact,
   * or indented when the {@link IptJson} is pretty), separated by commas, {@code ]} on the last.
   */
  JSON_ARRAY,
  /** NDJSON: each report compact on one line ending in a newline, for pipelines. */
  NDJSON,
  /**
   * CSV (RFC 4180: fields with a comma, quote or line break in double quotes, quotes doubled,
   * rows ending in CRLF), one finding per row with the header
   * {@code courseId,protocol,status,rule,name,severity,session,path,protocolPath,message}; a
   * course without findings writes no row.
   */
  CSV,
  /**
   * The per-course table as CSV ({@link CourseTable}): a header row, then one row per course,
   * clean courses included, RFC 4180 as {@link #CSV}.
   */
  COURSE_TABLE
}
