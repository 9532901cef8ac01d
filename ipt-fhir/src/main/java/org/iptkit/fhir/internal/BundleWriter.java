package org.iptkit.fhir.internal;

import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Writes a Bundle's JSON entry by entry, byte for byte as HAPI writes the whole Bundle: HAPI
 * encodes each entry's resource, and the Bundle and entry around it (type, {@code fullUrl}, the
 * transaction {@code request}) are written here in HAPI's layout. Nothing but the entry at hand
 * is held in memory (a course of 100,000 sessions is written in constant memory), and no HAPI
 * Bundle is encoded, which spares the per-entry reference scan HAPI does for Bundles. The
 * entries' strings (urn:uuid URLs, resource types, iptkit identifier systems) need no JSON
 * escaping; a test keeps the output equal to HAPI's encoding of the whole Bundle.
 */
public final class BundleWriter implements Consumer<Bundle.BundleEntryComponent> {
  private final IParser parser;
  private final Bundle.BundleType type;
  private final Writer out;
  private final boolean pretty;
  private boolean started;

  /** A writer of a Bundle of {@code type} to {@code out}, with HAPI's {@code parser}. */
  public BundleWriter(IParser parser, Bundle.BundleType type, Writer out, boolean pretty) {
    this.parser = parser;
    this.type = type;
    this.out = out;
    this.pretty = pretty;
  }

  @Override
  public void accept(Bundle.BundleEntryComponent entry) {
    try {
      if (!started) {
        started = true;
        out.write(pretty ? "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"" + type.toCode()
            + "\",\n  \"entry\": [ " : "{\"resourceType\":\"Bundle\",\"type\":\""
            + type.toCode() + "\",\"entry\":[");
      } else {
        out.write(pretty ? ", " : ",");
      }
      String resource = parser.encodeResourceToString(entry.getResource());
      if (pretty) {
        out.write("{\n    \"fullUrl\": \"" + entry.getFullUrl() + "\",\n    \"resource\": ");
        out.write(resource.replace("\n", "\n    "));
        if (entry.hasRequest()) {
          Bundle.BundleEntryRequestComponent request = entry.getRequest();
          out.write(",\n    \"request\": {\n      \"method\": \"" + request.getMethod().toCode()
              + "\",\n      \"url\": \"" + request.getUrl() + "\"");
          if (request.hasIfNoneExist()) {
            out.write(",\n      \"ifNoneExist\": \"" + request.getIfNoneExist() + "\"");
          }
          out.write("\n    }");
        }
        out.write("\n  }");
      } else {
        out.write("{\"fullUrl\":\"" + entry.getFullUrl() + "\",\"resource\":");
        out.write(resource);
        if (entry.hasRequest()) {
          Bundle.BundleEntryRequestComponent request = entry.getRequest();
          out.write(",\"request\":{\"method\":\"" + request.getMethod().toCode() + "\",\"url\":\""
              + request.getUrl() + "\"");
          if (request.hasIfNoneExist()) {
            out.write(",\"ifNoneExist\":\"" + request.getIfNoneExist() + "\"");
          }
          out.write("}");
        }
        out.write("}");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the Bundle (a Bundle without entries is written whole here). */
  public void finish() throws IOException {
    if (!started) {
      Bundle empty = new Bundle();
      empty.setType(type);
      out.write(parser.encodeResourceToString(empty));
    } else {
      out.write(pretty ? " ]\n}" : "]}");
    }
  }
}
