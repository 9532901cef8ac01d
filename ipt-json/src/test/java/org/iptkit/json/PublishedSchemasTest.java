package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema files committed under docs/schema/ are exactly what {@link IptJson#schema(String)}
 * generates from the description of the wire format (and what {@code ipt schema} prints), so the
 * published files cannot drift from the readers. Run with {@code -Dipt.schema.update=true} to
 * write the files anew after a change of the format, then review and commit them.
 */
class PublishedSchemasTest {
  static Path published(String name) {
    return Path.of("..", "docs", "schema", name + ".schema.json");
  }

  static java.util.List<String> names() {
    return IptJson.SCHEMA_NAMES;
  }

  @ParameterizedTest
  @MethodSource("names")
  void committedSchemaFileIsTheGeneratedSchema(String name) throws IOException {
    String generated = IptJson.schema(name) + "\n";
    if (Boolean.getBoolean("ipt.schema.update")) {
      Files.writeString(published(name), generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(published(name), StandardCharsets.UTF_8))
        .as("docs/schema/%s.schema.json is the generated schema; regenerate it with"
            + " -Dipt.schema.update=true", name)
        .isEqualTo(generated);
  }

  /**
   * What a strict validator (ajv in strict mode) and a portable reading ask of every schema: each
   * string bounded by maxLength (so no engine's "$" lets a trailing line break through a
   * fixed-length pattern), each enumeration, range and string keyword next to its type, and no
   * "format", which validators check or ignore as they please (dates are checked by pattern).
   */
  @ParameterizedTest
  @MethodSource("names")
  void everyValueIsTypedAndEveryStringBounded(String name) {
    List<String> problems = new ArrayList<>();
    check(JsonMapper.shared().readTree(IptJson.schema(name)), "", problems);
    assertThat(problems).isEmpty();
  }

  private static final List<String> TYPED = List.of("enum", "minimum", "maximum", "minLength",
      "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "prefixItems",
      "propertyNames", "additionalProperties");

  private static void check(JsonNode node, String path, List<String> problems) {
    if (node.isObject()) {
      String type = node.path("type").asString("");
      for (String keyword : TYPED) {
        if (node.has(keyword) && type.isEmpty() && !path.endsWith("/properties")) {
          problems.add(path + ": " + keyword + " without type");
        }
      }
      if (type.equals("string") && !node.has("maxLength") && !node.has("enum")) {
        problems.add(path + ": a string without maxLength");
      }
      if (node.has("format") && node.get("format").isString()) {
        problems.add(path + ": format");
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        check(child.getValue(), path + "/" + child.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "/" + i, problems);
      }
    }
  }
}
