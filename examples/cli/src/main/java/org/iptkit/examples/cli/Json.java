package org.iptkit.examples.cli;

import org.iptkit.json.IptJson;

/** The JSON layer as the tool uses it: single documents for people are written indented. */
final class Json {
  /** Strict reading, indented writing: for a profile to copy and edit, a catalog, a report. */
  static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();

  private Json() {}
}
