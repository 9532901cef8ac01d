package org.iptkit.json;

import java.util.Objects;

/**
 * A field a lenient reader ignored: a course document written by a newer minor version of the
 * format, or by a host that adds its own fields, can still be read for its clinical content. The
 * warning names the field's JSON Pointer and where it was; like read errors it never quotes
 * patient data.
 *
 * @param pointer the JSON Pointer of the ignored field, e.g. {@code /sessions/0/mood}
 * @param line the 1-based line of the field name, or 0 when unknown
 * @param column the 1-based column of the field name, or 0 when unknown
 * @param message what was ignored and why, e.g. {@code "unknown field ignored"}
 */
public record ReadWarning(String pointer, int line, int column, String message) {
  /** Checks that the pointer and message are given. */
  public ReadWarning {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** The warning as one line: pointer, message and location. */
  @Override
  public String toString() {
    return pointer + ": " + message + (line > 0 ? " (line " + line + ", column " + column + ")" : "");
  }
}
