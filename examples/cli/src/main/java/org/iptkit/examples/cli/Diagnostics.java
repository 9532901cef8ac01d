package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Objects;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.SafeText;
import org.iptkit.json.internal.SplitRecord;

/**
 * Reports what went wrong with the input of one run on standard error — an unreadable record
 * (with its file, line and JSON Pointer), a file that cannot be read — and remembers it, so the
 * run can go on and end with exit code 2. Messages name places and expected values, never
 * patient data: the library's read errors already leave it out.
 *
 * <p>Every message is one line: what it quotes from the input (file names, field names, ids,
 * values) is escaped by {@link #line(String)}, so a record cannot forge a second line or steer
 * the terminal. After {@link #SHOWN_PER_SOURCE} bad records of one source the rest of them are
 * counted, not shown, and one line says how many more there were; the exit code still counts
 * every one.
 */
final class Diagnostics {
  /** The most bad records of one source (file or standard input) reported one by one. */
  static final int SHOWN_PER_SOURCE = 100;

  private final PrintWriter err;
  private final boolean debug;
  private long unreadableRecords;
  private long unreadableFiles;
  private Runnable beforeMessage = () -> { };
  private String source;
  private long shownOfSource;
  private long hiddenOfSource;

  Diagnostics(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** Runs {@code action} before each message, e.g. to wipe a progress line. */
  void beforeEachMessage(Runnable action) {
    this.beforeMessage = action;
  }

  /**
   * A message as the one line the tool prints on standard error: {@code ipt: } and the message,
   * with control characters, bidirectional controls and line breaks written visibly.
   */
  static String line(String message) {
    return "ipt: " + SafeText.escape(message);
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
    unreadableRecords++;
    if (!shown(record.source())) {
      return;
    }
    beforeMessage.run();
    boolean wholeFile = record.error()
        .filter(e -> e.problem() == JsonReadException.Problem.UNREADABLE_FILE
            || e.problem() == JsonReadException.Problem.EMPTY_INPUT).isPresent();
    // A file of a directory that cannot be read, an empty file or a directory without course
    // files is one unreadable record, named by the file or directory alone.
    err.println(line((wholeFile ? sourceName(record.source()) : where(record))
        + ": skipped: " + reason));
    err.flush();
  }

  /**
   * Reports a record of {@code source} whose reading or check failed unexpectedly (a defect of
   * the tool, not of the input); {@code where} is the record's place as
   * {@link #where(BatchRecord)} gives it.
   */
  void failed(String source, String where, RuntimeException e) {
    unreadableRecords++;
    if (!shown(source)) {
      return;
    }
    beforeMessage.run();
    err.println(line(where + ": internal error while checking this record ("
        + e.getClass().getSimpleName() + ")" + (debug ? "" : "; run with --debug for details")));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Reports a file (or directory entry) that cannot be read at all. */
  void unreadableFile(String path, UncheckedIOException e) {
    beforeMessage.run();
    unreadableFiles++;
    err.println(line(sourceName(path) + ": cannot read: " + describe(e.getCause())));
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
    err.println(line(message));
    err.flush();
  }

  /**
   * Whether a bad record of {@code source} is reported one by one: the first
   * {@link #SHOWN_PER_SOURCE} of each source are, the rest are counted for {@link #finish()}.
   * Records come source after source, so a new source ends the count of the one before.
   */
  private boolean shown(String recordSource) {
    if (!Objects.equals(recordSource, source)) {
      finish();
      source = recordSource;
    }
    if (shownOfSource < SHOWN_PER_SOURCE) {
      shownOfSource++;
      return true;
    }
    hiddenOfSource++;
    return false;
  }

  /**
   * Ends the report of the current source: when more of its records were bad than were shown,
   * one line says how many more there were. Called at the end of a run (and by a new source).
   */
  void finish() {
    if (hiddenOfSource > 0) {
      beforeMessage.run();
      err.println(line(sourceName(source) + ": " + hiddenOfSource + " more unreadable "
          + (hiddenOfSource == 1 ? "record" : "records") + " not shown (the first "
          + SHOWN_PER_SOURCE + " are)"));
      err.flush();
    }
    shownOfSource = 0;
    hiddenOfSource = 0;
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
