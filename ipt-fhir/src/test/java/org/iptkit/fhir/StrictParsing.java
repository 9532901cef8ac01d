package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Test helper: HAPI's own strict parser, as a FHIR server would read our output. */
final class StrictParsing {
  private StrictParsing() {}

  static final IptFhir FHIR = IptFhir.create();

  /** A parser with HAPI's {@link StrictErrorHandler}: unknown elements and bad values throw. */
  static IParser strictParser() {
    IParser parser = FHIR.context().newJsonParser();
    parser.setParserErrorHandler(new StrictErrorHandler());
    return parser;
  }

  /**
   * Encodes the resource, parses it back strictly and checks that encoding the parsed resource
   * gives the same JSON (nothing dropped or altered by the round trip).
   */
  static <T extends IBaseResource> T reparse(T resource) {
    String json = FHIR.toJson(resource);
    @SuppressWarnings("unchecked")
    T parsed = (T) strictParser().parseResource(resource.getClass(), json);
    assertThat(FHIR.toJson(parsed)).isEqualTo(json);
    return parsed;
  }
}
