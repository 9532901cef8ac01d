/**
 * The implementation of the JSON layer, not exported: the streaming course reader over Jackson's
 * {@code JsonParser} ({@code CourseJsonReader}), the writer over {@code JsonGenerator}
 * ({@code CourseJsonWriter}) and its pretty layout, the configured factories with their safety
 * limits ({@code JsonSettings}), and the record iterators of the batch reader
 * ({@code BatchSources}).
 */
package org.iptkit.json.internal;
