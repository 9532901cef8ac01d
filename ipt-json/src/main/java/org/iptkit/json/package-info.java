/**
 * Reading and writing IPT treatment courses as JSON (format.md §1, schema version 1.0).
 *
 * <p>{@link org.iptkit.json.IptJson} is the entry point: {@code IptJson.strict().readCourse(…)}
 * reads one course document and rejects anything the format does not allow with a
 * {@link org.iptkit.json.CourseReadException} that names the JSON Pointer, line and column and what
 * was expected, never quoting patient references or free text; {@code writeCourse(…)} writes the
 * documented field order deterministically, compact or pretty. A lenient instance ignores unknown
 * fields and reports them as {@link org.iptkit.json.ReadWarning warnings} in a
 * {@link org.iptkit.json.ReadResult}.
 *
 * <p>{@link org.iptkit.json.CourseBatchReader} streams the {@link org.iptkit.json.BatchRecord
 * records} of JSON arrays, NDJSON files, directories and streams ({@link
 * org.iptkit.json.BatchFormat}), reporting each bad record and going on.
 * {@link org.iptkit.json.IptJsonModule} lets a host's own Jackson 3 mapper read and write courses
 * and their parts; {@link org.iptkit.json.IptJson#courseSchema()} is the published JSON Schema.
 */
package org.iptkit.json;
