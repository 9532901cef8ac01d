/**
 * The iptkit JSON layer: strict reading and deterministic writing of IPT treatment courses,
 * protocol profiles and fidelity reports in the documented wire format (docs/format.md), streaming
 * report writers (JSON array, NDJSON, CSV) for hosts and the command-line tool, cohort reports,
 * agendas and the rule catalog as JSON, a Jackson 3 module for host applications' own mappers,
 * batch reading of arrays, NDJSON files and directories of course records, and the published JSON
 * Schemas of courses, profiles and reports.
 *
 * <p>Start at {@link org.iptkit.json.IptJson}.
 */
module org.iptkit.json {
  requires transitive org.iptkit.core;
  requires transitive org.iptkit.rules;
  requires transitive tools.jackson.databind;

  exports org.iptkit.json;

  provides tools.jackson.databind.JacksonModule with org.iptkit.json.IptJsonModule;
}
