/**
 * The iptkit JSON layer: strict reading and deterministic writing of IPT treatment courses in the
 * documented wire format (format.md), a Jackson 3 module for host applications' own mappers,
 * batch reading of arrays, NDJSON files and directories of course records, and the published JSON
 * Schema of a course document.
 *
 * <p>Start at {@link org.iptkit.json.IptJson}.
 */
module org.iptkit.json {
  requires transitive org.iptkit.core;
  requires transitive tools.jackson.databind;

  exports org.iptkit.json;

  provides tools.jackson.databind.JacksonModule with org.iptkit.json.IptJsonModule;
}
