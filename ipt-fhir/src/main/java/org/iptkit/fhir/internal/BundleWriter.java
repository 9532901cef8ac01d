package org.iptkit.fhir.internal;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Writes a Bundle's JSON entry by entry, byte for byte as HAPI writes the whole Bundle: each
 * entry is encoded by HAPI inside a Bundle of its own and spliced in, so nothing but the entry
 * at hand is held in memory (a course of 100,000 sessions is written in constant memory).
 */
public final class BundleWriter implements Consumer<Bundle.BundleEntryComponent> {
  private final IParser parser;
  private final Bundle.BundleType type;
  private final Writer out;
  private final boolean pretty;
  private String tail;

  /** A writer of a Bundle of {@code type} to {@code out}, with HAPI's {@code parser}. */
  public BundleWriter(IParser parser, Bundle.BundleType type, Writer out, boolean pretty) {
    this.parser = parser;
    this.type = type;
    this.out = out;
    this.pretty = pretty;
  }

  @Override
  public void accept(Bundle.BundleEntryComponent entry) {
    Bundle one = new Bundle();
    one.setType(type);
    one.addEntry(entry);
    String json = parser.encodeResourceToString(one);
    String marker = pretty ? "\"entry\": [ " : "\"entry\":[";
    int start = json.indexOf(marker) + marker.length();
    int end = json.lastIndexOf(pretty ? " ]" : "]");
    try {
      if (tail == null) {
        out.write(json, 0, start);
        tail = json.substring(end);
      } else {
        out.write(pretty ? ", " : ",");
      }
      out.write(json, start, end - start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the Bundle (a Bundle without entries is written whole here). */
  public void finish() throws IOException {
    if (tail == null) {
      Bundle empty = new Bundle();
      empty.setType(type);
      out.write(parser.encodeResourceToString(empty));
    } else {
      out.write(tail);
    }
  }
}
