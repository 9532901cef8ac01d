/**
 * The implementation of the JSON layer, not exported: the description of the wire format
 * ({@code WireFormat}), from which the schemas are generated ({@code JsonSchemas}) and which
 * drives the one reading walk of course documents ({@code CourseWalk}) over its two cursors (the
 * strict reader over Jackson's {@code JsonParser}, {@code CourseJsonReader}, and the fast path for
 * plain documents in UTF-8 bytes, {@code CourseScanner}, which gives up on every error and every
 * unusual form) and the one writing walk over {@code JsonGenerator}
 * ({@code CourseJsonWriter}) and its pretty layout, the located tree that profile and report
 * documents are read into ({@code JsonTree}, with typed access in {@code Fields}), the profile
 * reader that merges a trial's profile with its parent ({@code ProfileJsonReader}) and its writer
 * ({@code ProfileJsonWriter}), the report reader and the writers of reports, cohort reports,
 * agendas and the rule catalog ({@code ReportJsonReader}, {@code ReportJsonWriter}), the
 * translation of Jackson's errors without document content ({@code JsonErrors}), the configured
 * factories with their safety limits ({@code JsonSettings}), and the record iterators of the
 * batch reader ({@code BatchSources}), which split a batch into records read now or later
 * ({@code SplitRecord}); and what the tool's {@code --threads} needs beyond
 * the public API ({@code ToolPlumbing}: deferred records, reports encoded on other threads as
 * {@code EncodedReport}).
 */
package org.iptkit.json.internal;
