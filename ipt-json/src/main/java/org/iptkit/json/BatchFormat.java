package org.iptkit.json;

/**
 * How the course records of one batch source are laid out. {@link #AUTO} is what a researcher's
 * export usually needs: the file name or the first characters decide.
 */
public enum BatchFormat {
  /**
   * Decide per source: a {@code .ndjson} or {@code .jsonl} name means {@link #NDJSON}; otherwise a
   * source starting with {@code [} is a {@link #JSON_ARRAY}, one whose first line holds a complete
   * object is {@link #NDJSON}, and anything else is {@link #DOCUMENTS} (a pretty-printed course).
   */
  AUTO,
  /**
   * A JSON array of course documents. A record that breaks the format is reported with its index
   * pointer ({@code /3/sessions/0/date}) and reading goes on with the next element; malformed JSON
   * syntax ends the source after one report.
   */
  JSON_ARRAY,
  /**
   * One course document per line (NDJSON / JSON Lines); blank lines are skipped. A bad line, even
   * malformed JSON, is reported with its line number and reading goes on with the next line.
   */
  NDJSON,
  /**
   * One course document, or several one after the other separated by white space; a record that
   * breaks the format is reported and reading goes on, malformed JSON ends the source.
   */
  DOCUMENTS
}
