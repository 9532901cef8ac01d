package org.iptkit.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Renders a published JSON Schema of the wire format as Markdown tables for docs/format.md: the
 * document's fields, then each object type of {@code $defs} with its fields, then the
 * enumerations and the other value types. Only the parts of JSON Schema the iptkit schemas use
 * are rendered; the schema itself stays the contract.
 */
final class SchemaTables {
  private static final long INT_MAX = Integer.MAX_VALUE;
  /** Longer patterns are left to the schema: their description says what they mean. */
  private static final int MAX_PATTERN = 60;

  private SchemaTables() {}

  /** The tables of one schema. */
  static String render(JsonNode schema) {
    StringBuilder out = new StringBuilder();
    out.append(cell(schema.path("description").asString(""))).append("\n\n");
    fields("", schema, out);
    JsonNode defs = schema.path("$defs");
    List<String> enumerations = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonNode> def : defs.properties()) {
      JsonNode node = def.getValue();
      if (node.has("properties")) {
        out.append("\n#### `").append(def.getKey()).append("`\n\n");
        if (node.has("description")) {
          out.append(cell(node.get("description").asString())).append("\n\n");
        }
        fields(def.getKey() + ".", node, out);
      } else if (node.has("enum")) {
        enumerations.add("| `" + def.getKey() + "` | " + enumValues(node) + " |");
      } else {
        values.add("| `" + def.getKey() + "` | " + type(node) + " | "
            + cell(node.path("description").asString("")) + " |");
      }
    }
    if (!enumerations.isEmpty()) {
      out.append("\n#### Enumerations\n\n| name | values |\n|---|---|\n");
      enumerations.forEach(line -> out.append(line).append('\n'));
    }
    if (!values.isEmpty()) {
      out.append("\n#### Value types\n\n| name | type | meaning |\n|---|---|---|\n");
      values.forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  /**
   * The table of an object's fields, then one table for each field that is itself an object
   * with fields, named by its path ({@code prefix} and the field name).
   */
  private static void fields(String prefix, JsonNode object, StringBuilder out) {
    List<String> required = new ArrayList<>();
    object.path("required").forEach(name -> required.add(name.asString()));
    out.append("| field | required | type | meaning |\n|---|---|---|---|\n");
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.path("properties").properties()) {
      out.append("| `").append(field.getKey()).append("` | ")
          .append(required.contains(field.getKey()) ? "yes" : "").append(" | ")
          .append(type(field.getValue())).append(" | ")
          .append(cell(field.getValue().path("description").asString(""))).append(" |\n");
      if (field.getValue().has("properties")) {
        nested.add(field);
      }
    }
    for (Map.Entry<String, JsonNode> field : nested) {
      String path = prefix + field.getKey();
      out.append("\n#### `").append(path).append("`\n\n");
      fields(path + ".", field.getValue(), out);
    }
  }

  /** A short description of the type of a schema node. */
  private static String type(JsonNode node) {
    if (node.has("$ref")) {
      String ref = node.get("$ref").asString();
      return "`" + ref.substring(ref.lastIndexOf('/') + 1) + "`";
    }
    if (node.has("const")) {
      return "`" + node.get("const").asString() + "`";
    }
    if (node.has("enum")) {
      return "one of " + enumValues(node);
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      if (node.has(combinator)) {
        List<String> alternatives = new ArrayList<>();
        node.get(combinator).forEach(alternative -> alternatives.add(type(alternative)));
        return String.join(" or ", alternatives);
      }
    }
    JsonNode type = node.path("type");
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(one -> types.add(one.asString()));
      return String.join(" or ", types) + bounds(node);
    }
    String name = type.asString("any");
    if (name.equals("array")) {
      return "array of " + type(node.path("items"))
          + (node.path("uniqueItems").asBoolean(false) ? ", no repeats" : "")
          + (node.has("minItems") ? ", at least " + node.get("minItems").asLong() : "")
          + (node.has("maxItems") ? ", at most " + node.get("maxItems").asLong() : "");
    }
    if (name.equals("object") && node.has("additionalProperties")
        && node.get("additionalProperties").isObject()) {
      return "object of " + type(node.get("additionalProperties"))
          + (node.has("propertyNames") ? " by " + type(node.get("propertyNames")) : "");
    }
    if (name.equals("string")) {
      return "string" + (node.has("format") ? " (" + node.get("format").asString() + ")" : "")
          + (node.has("pattern") && node.get("pattern").asString().length() <= MAX_PATTERN
              ? " matching `" + cell(node.get("pattern").asString()) + "`" : "")
          + (node.has("minLength") ? ", at least " + node.get("minLength").asLong()
              + " character(s)" : "");
    }
    return name + bounds(node);
  }

  private static String bounds(JsonNode node) {
    String min = node.has("minimum") ? node.get("minimum").asString() : null;
    String max = node.has("maximum") && node.get("maximum").asLong() != INT_MAX
        ? node.get("maximum").asString() : null;
    if (min != null && max != null) {
      return " " + min + "–" + max;
    }
    if (min != null) {
      return " ≥ " + min;
    }
    return max == null ? "" : " ≤ " + max;
  }

  private static String enumValues(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.get("enum").forEach(value -> values.add("`" + value.asString() + "`"));
    return String.join(", ", values);
  }

  /** Text for a Markdown table cell: pipes escaped, line breaks as spaces. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
