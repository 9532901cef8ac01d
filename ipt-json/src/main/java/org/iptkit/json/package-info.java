/**
 * Reading and writing IPT treatment courses, protocol profiles and fidelity reports as JSON
 * (docs/format.md, schema version 1.0).
 *
 * <p>{@link org.iptkit.json.IptJson} is the entry point: {@code IptJson.strict().readCourse(…)}
 * reads one course document and rejects anything the format does not allow with a
 * {@link org.iptkit.json.JsonReadException} that names the JSON Pointer, line and column and what
 * was expected, never quoting patient references or free text; {@code writeCourse(…)} writes the
 * documented field order deterministically, compact or pretty. A lenient instance ignores unknown
 * fields and reports them as {@link org.iptkit.json.ReadWarning warnings} in a
 * {@link org.iptkit.json.ReadResult}.
 *
 * <p>Protocol profiles (docs/format.md, Protocol profile) are read with {@code readProfile(…)},
 * which merges a trial's profile with the {@code basedOn} profile of a
 * {@link org.iptkit.rules.ProtocolRegistry}, and written complete with {@code writeProfile(…)}. A
 * course's fidelity report (docs/format.md, Fidelity report) is written with
 * {@code writeReport(…)} and read back with {@code readReport(…)}; many reports stream through a
 * {@link org.iptkit.json.ReportWriter} as a JSON array, NDJSON or CSV
 * ({@link org.iptkit.json.ReportFormat}). Cohort reports, next-session agendas and the rule
 * catalog have their own writers.
 *
 * <p>{@link org.iptkit.json.CourseBatchReader} streams the {@link org.iptkit.json.BatchRecord
 * records} of JSON arrays, NDJSON files, directories and streams ({@link
 * org.iptkit.json.BatchFormat}), reporting each bad record and going on.
 * {@link org.iptkit.json.IptJsonModule} lets a host's own Jackson 3 mapper read and write courses
 * and their parts; {@link org.iptkit.json.IptJson#schema(String)} hands out the published JSON
 * Schemas of courses, profiles and reports.
 */
package org.iptkit.json;
