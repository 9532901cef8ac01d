package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.internal.SplitRecord;

/**
 * Reports what went wrong with the input of one run on standard error — an unreadable record
 * (with its file, line and JSON Pointer), a file that cannot be read — and remembers it, so the
 * run can go on and end with exit code 2. Messages name places and expected values, never
 * patient data: the library's read errors already leave it out.
 */
final class Diagnostics {
  private final PrintWriter err;
  private final boolean debug;
  private long unreadableRecords;
  private long unreadableFiles;
  private Runnable beforeMessage = () -> { };

  Diagnostics(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** Runs {@code action} before each message, e.g. to wipe a progress line. */
  void beforeEachMessage(Runnable action) {
    this.beforeMessage = action;
  }

  /** The name a source is shown under: {@code <stdin>} for standard input. */
  static String sourceName(String source) {
    return "-".equals(source) ? "<stdin>" : source;
  }

  /** Where a record is: {@code trial.ndjson:17} for NDJSON, else the source and record number. */
  static String where(BatchRecord record) {
    return where(record.source(), record.index(), record.line());
  }

  /** Where a record not yet read is, as for a record read. */
  static String where(SplitRecord record) {
    return where(record.source(), record.index(), record.line());
  }

  private static String where(String source, long index, int line) {
    return line > 0
        ? sourceName(source) + ":" + line
        : sourceName(source) + ": record " + (index + 1);
  }

  /** Reports a record the reader could not read as a course. */
  void unreadable(BatchRecord record) {
    unreadable(record, record.error().map(Throwable::getMessage).orElse("unreadable record"));
  }

  /** Reports a record that was read but cannot be checked, with the reason. */
  void unreadable(BatchRecord record, String reason) {
    beforeMessage.run();
    unreadableRecords++;
    boolean wholeFile = record.error()
        .filter(e -> e.problem() == JsonReadException.Problem.UNREADABLE_FILE
            || e.problem() == JsonReadException.Problem.EMPTY_INPUT).isPresent();
    // A file of a directory that cannot be read, an empty file or a directory without course
    // files is one unreadable record, named by the file or directory alone.
    err.println("ipt: " + (wholeFile ? sourceName(record.source()) : where(record))
        + ": skipped: " + reason);
    err.flush();
  }

  /**
   * Reports a record whose reading or check failed unexpectedly (a defect of the tool, not of the
   * input); {@code where} is the record's place as {@link #where(BatchRecord)} gives it.
   */
  void failed(String where, RuntimeException e) {
    beforeMessage.run();
    unreadableRecords++;
    err.println("ipt: " + where + ": internal error while checking this record ("
        + e.getClass().getSimpleName() + ")" + (debug ? "" : "; run with --debug for details"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Reports a file (or directory entry) that cannot be read at all. */
  void unreadableFile(String path, UncheckedIOException e) {
    beforeMessage.run();
    unreadableFiles++;
    err.println("ipt: " + sourceName(path) + ": cannot read: " + describe(e.getCause()));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Says in words why a file cannot be read. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return "no such file or directory" + (missing.getFile() == null ? ""
          : " (" + missing.getFile() + ")");
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied" + (denied.getFile() == null ? "" : " (" + denied.getFile() + ")");
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Prints a plain message line on standard error. */
  void note(String message) {
    beforeMessage.run();
    err.println("ipt: " + message);
    err.flush();
  }

  /** The number of records that could not be read or checked. */
  long unreadableRecords() {
    return unreadableRecords;
  }

  /** Whether any record or file could not be read. */
  boolean anyUnreadable() {
    return unreadableRecords > 0 || unreadableFiles > 0;
  }
}
