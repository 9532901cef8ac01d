package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * The allocation-free token positions agree with Jackson's own token locations for every token
 * of a document, for each kind of input the reader is given, so error lines and columns stay
 * exactly as before (and a Jackson upgrade that changes its counting fails here first).
 */
class TokenPositionsTest {
  private static final String DOCUMENT = "{\"a\": [1, 22,\n  333], \"bb\" : \"x\u00e9\",\r\n"
      + " \"c\":{\"d\":true, \"e\": null, \"f\": -1.5e3}, \"g\": [], \"h\": {}}\n";

  @ParameterizedTest
  @ValueSource(strings = {"bytes", "string", "stream"})
  void positionsAgreeWithJacksonLocationsForEveryToken(String input) {
    JsonFactory factory = JsonFactory.builder().build();
    Function<JsonFactory, JsonParser> open = switch (input) {
      case "bytes" -> f -> f.createParser(ObjectReadContext.empty(),
          DOCUMENT.getBytes(StandardCharsets.UTF_8));
      case "string" -> f -> f.createParser(ObjectReadContext.empty(), DOCUMENT);
      default -> f -> f.createParser(ObjectReadContext.empty(),
          new ByteArrayInputStream(DOCUMENT.getBytes(StandardCharsets.UTF_8)));
    };
    List<String> fast = new ArrayList<>();
    List<String> jackson = new ArrayList<>();
    try (JsonParser parser = open.apply(factory)) {
      TokenPositions positions = new TokenPositions(parser);
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        long at = positions.current();
        fast.add(token + " " + TokenPositions.line(at) + ":" + TokenPositions.column(at)
            + " @" + positions.currentOffset());
        TokenStreamLocation location = parser.currentTokenLocation();
        jackson.add(token + " " + location.getLineNr() + ":" + location.getColumnNr() + " @"
            + Math.max(location.getByteOffset(), location.getCharOffset()));
      }
    }

    assertThat(fast).hasSize(25).containsExactlyElementsOf(jackson);
  }
}
