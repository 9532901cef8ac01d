package org.iptkit.json.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iptkit.json.internal.WireFormat.Choice;
import org.iptkit.json.internal.WireFormat.Document;
import org.iptkit.json.internal.WireFormat.Field;
import org.iptkit.json.internal.WireFormat.Flag;
import org.iptkit.json.internal.WireFormat.Keyed;
import org.iptkit.json.internal.WireFormat.ListOf;
import org.iptkit.json.internal.WireFormat.ObjectType;
import org.iptkit.json.internal.WireFormat.OrNull;
import org.iptkit.json.internal.WireFormat.Presence;
import org.iptkit.json.internal.WireFormat.Ratio;
import org.iptkit.json.internal.WireFormat.Shape;
import org.iptkit.json.internal.WireFormat.Text;
import org.iptkit.json.internal.WireFormat.Whole;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the JSON Schema (draft 2020-12) of a document type from its description in
 * {@link WireFormat}: every object closed, every value typed (as a strict validator such as ajv in
 * strict mode asks), every string bounded, named shapes once under {@code $defs}, and what only
 * the reader checks said in {@code $comment}.
 */
public final class JsonSchemas {
  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final Map<String, Object> defs = new LinkedHashMap<>();

  private JsonSchemas() {}

  /** The schema of {@code document} as a tree of maps, lists, strings, numbers and booleans. */
  public static Map<String, Object> schema(Document document) {
    JsonSchemas schemas = new JsonSchemas();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", DIALECT);
    root.put("$id", "https://iptkit.org/schema/" + document.name() + "/1.0/" + document.name()
        + ".schema.json");
    root.put("title", document.title());
    root.putAll(schemas.body(document.root()));
    if (hasInherited(document.root())) {
      root.put("if", WireFormat.json("not", WireFormat.json("required", List.of("basedOn"))));
      root.put("then", unlessInherited(document.root()));
    }
    if (!schemas.defs.isEmpty()) {
      root.put("$defs", schemas.defs);
    }
    declareRequired(root);
    return root;
  }

  /**
   * Gives every field a subschema requires a place among its {@code properties} ({@code true}
   * where it has none, which changes nothing), as ajv's strict mode (strictRequired) asks of
   * conditions such as "an attended session requires its phase".
   */
  @SuppressWarnings("unchecked")
  private static void declareRequired(Object node) {
    if (node instanceof Map<?, ?> map) {
      Object required = map.get("required");
      if (required instanceof List<?> names) {
        Map<String, Object> schema = (Map<String, Object>) map;
        Map<String, Object> properties = (Map<String, Object>) schema.computeIfAbsent(
            "properties", k -> new LinkedHashMap<>());
        if (!(properties instanceof LinkedHashMap)) {
          properties = new LinkedHashMap<>(properties);
          schema.put("properties", properties);
        }
        for (Object name : names) {
          properties.putIfAbsent((String) name, true);
        }
      }
      map.values().forEach(JsonSchemas::declareRequired);
    } else if (node instanceof List<?> list) {
      list.forEach(JsonSchemas::declareRequired);
    }
  }

  /** Writes the schema of {@code document} to {@code g}. */
  public static void write(JsonGenerator g, Document document) {
    writeValue(g, schema(document));
  }

  private Map<String, Object> body(ObjectType type) {
    Map<String, Object> out = new LinkedHashMap<>();
    describe(out, type.description());
    if (type.comment() != null) {
      out.put("$comment", type.comment());
    }
    out.put("type", "object");
    out.put("additionalProperties", false);
    List<String> required = new ArrayList<>();
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Field field : type.fields()) {
      if (field.presence() == Presence.REQUIRED) {
        required.add(field.name());
      }
      Map<String, Object> property = new LinkedHashMap<>();
      describe(property, field.description());
      property.putAll(shape(field.shape()));
      properties.put(field.name(), property);
    }
    if (!required.isEmpty()) {
      out.put("required", required);
    }
    out.put("properties", properties);
    for (Map<String, Object> condition : type.conditions()) {
      out.putAll(copy(condition));
    }
    return out;
  }

  private Map<String, Object> shape(Shape shape) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (shape instanceof Text t) {
      return named(t.def(), () -> {
        describe(out, t.description());
        out.put("type", "string");
        if (t.minLength() > 0) {
          out.put("minLength", t.minLength());
        }
        out.put("maxLength", t.maxLength());
        if (t.pattern() != null) {
          out.put("pattern", t.pattern());
        }
        return out;
      });
    } else if (shape instanceof Whole w) {
      out.put("type", "integer");
      out.put("minimum", w.min());
      out.put("maximum", w.max());
    } else if (shape instanceof Ratio r) {
      return named(r.def(), () -> {
        out.put("type", "number");
        out.put("minimum", r.min());
        out.put("maximum", r.max());
        return out;
      });
    } else if (shape instanceof Flag) {
      out.put("type", "boolean");
    } else if (shape instanceof Choice c) {
      return named(c.def(), () -> {
        describe(out, c.description());
        out.put("type", "string");
        out.put("enum", c.values());
        return out;
      });
    } else if (shape instanceof ListOf l) {
      out.put("type", "array");
      if (l.minItems() > 0) {
        out.put("minItems", l.minItems());
      }
      if (l.unique()) {
        out.put("uniqueItems", true);
      }
      out.put("items", shape(l.items()));
    } else if (shape instanceof OrNull n) {
      out.put("anyOf", List.of(shape(n.shape()), Map.of("type", "null")));
    } else if (shape instanceof Keyed k) {
      out.put("type", "object");
      out.put("propertyNames", shape(k.keys()));
      Map<String, Object> exceptions = new LinkedHashMap<>();
      k.exceptions().forEach((key, value) -> exceptions.put(key, shape(value)));
      out.put("properties", exceptions);
      out.put("additionalProperties", shape(k.values()));
    } else if (shape instanceof ObjectType o) {
      return named(o.def(), () -> body(o));
    }
    return out;
  }

  /** The shape under {@code $defs} and a reference to it, or inline without a name. */
  private Map<String, Object> named(String def, java.util.function.Supplier<Map<String, Object>>
      shape) {
    if (def == null) {
      return shape.get();
    }
    if (!defs.containsKey(def)) {
      defs.put(def, null); // reserved, so a shape that refers to itself ends
      defs.put(def, shape.get());
    }
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("$ref", "#/$defs/" + def);
    return ref;
  }

  private static void describe(Map<String, Object> out, String description) {
    if (description != null) {
      out.put("description", description);
    }
  }

  // ---------------------------------------------------------------- "required unless inherited"

  private static ObjectType objectOf(Shape shape) {
    Shape inner = shape instanceof OrNull n ? n.shape() : shape;
    return inner instanceof ObjectType o ? o : null;
  }

  private static boolean hasInherited(ObjectType type) {
    for (Field field : type.fields()) {
      ObjectType child = objectOf(field.shape());
      if (field.presence() == Presence.UNLESS_INHERITED || child != null && hasInherited(child)) {
        return true;
      }
    }
    return !type.conditionsUnlessInherited().isEmpty();
  }

  /** What an object must have when nothing is inherited: the fields required then, nested. */
  private static Map<String, Object> unlessInherited(ObjectType type) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "object");
    List<String> required = new ArrayList<>();
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Field field : type.fields()) {
      if (field.presence() == Presence.UNLESS_INHERITED) {
        required.add(field.name());
      }
      ObjectType child = objectOf(field.shape());
      if (child != null && hasInherited(child)) {
        Map<String, Object> nested = unlessInherited(child);
        properties.put(field.name(), field.shape() instanceof OrNull
            ? Map.of("anyOf", List.of(nested, Map.of("type", "null"))) : nested);
      }
    }
    if (!required.isEmpty()) {
      out.put("required", required);
    }
    if (!properties.isEmpty()) {
      out.put("properties", properties);
    }
    for (Map<String, Object> condition : type.conditionsUnlessInherited()) {
      out.putAll(copy(condition));
    }
    return out;
  }

  /** A deep copy of a schema fragment, so the shared descriptors are never changed. */
  @SuppressWarnings("unchecked")
  private static <T> T copy(T node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, copy(v)));
      return (T) out;
    } else if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return (T) out;
    }
    return node;
  }

  // ---------------------------------------------------------------- writing the tree

  private static void writeValue(JsonGenerator g, Object value) {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeName((String) entry.getKey());
        writeValue(g, entry.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Double d && d == Math.rint(d)) {
      g.writeNumber(d.longValue());
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Number n) {
      g.writeNumber(n.longValue());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value);
    }
  }
}
