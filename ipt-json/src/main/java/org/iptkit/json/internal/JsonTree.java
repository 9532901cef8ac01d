package org.iptkit.json.internal;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * A small JSON document (a protocol profile, a fidelity report) read whole into a tree whose
 * every value knows its JSON Pointer, line and column, so the readers built on it can check
 * types, merge a profile with its parent and still name the exact place of each problem. The
 * parser's limits and duplicate detection apply while the tree is built.
 */
public final class JsonTree {
  private JsonTree() {}

  /** The JSON type of a value. */
  public enum Kind {
    /** An object. */
    OBJECT,
    /** An array. */
    ARRAY,
    /** A string. */
    STRING,
    /** A number without fraction or exponent. */
    INTEGER,
    /** A number with a fraction or an exponent. */
    DECIMAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL
  }

  /** One value of the document with where it was. Immutable. */
  public static final class Node {
    private final Kind kind;
    private final String pointer;
    private final int line;
    private final int column;
    private final Map<String, Node> fields;
    private final List<Node> elements;
    private final String text;
    private final boolean bool;
    private final JsonParser.NumberType numberType;
    private final double number;

    private Node(Kind kind, String pointer, int line, int column, Map<String, Node> fields,
        List<Node> elements, String text, boolean bool, JsonParser.NumberType numberType,
        double number) {
      this.kind = kind;
      this.pointer = pointer;
      this.line = line;
      this.column = column;
      this.fields = fields;
      this.elements = elements;
      this.text = text;
      this.bool = bool;
      this.numberType = numberType;
      this.number = number;
    }

    /** The JSON type. */
    public Kind kind() {
      return kind;
    }

    /** The RFC 6901 pointer of this value; {@code ""} for the root. */
    public String pointer() {
      return pointer;
    }

    /** The 1-based line where the value starts, or 0. */
    public int line() {
      return line;
    }

    /** The 1-based column where the value starts, or 0. */
    public int column() {
      return column;
    }

    /** An object's fields in document order (empty for other kinds). */
    public Map<String, Node> fields() {
      return fields;
    }

    /** An array's elements (empty for other kinds). */
    public List<Node> elements() {
      return elements;
    }

    /** A string's value, or a number's text as written. */
    public String text() {
      return text;
    }

    /** A boolean's value. */
    public boolean bool() {
      return bool;
    }

    /** Whether the value is an integer that fits in an {@code int}. */
    public boolean isInt() {
      return kind == Kind.INTEGER && numberType == JsonParser.NumberType.INT;
    }

    /** A number's value as a double. */
    public double number() {
      return number;
    }

    /** What a message calls a value of this kind: "an object", "a string", "null"… */
    public String describe() {
      return switch (kind) {
        case OBJECT -> "an object";
        case ARRAY -> "an array";
        case STRING -> "a string";
        case INTEGER -> "an integer";
        case DECIMAL -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "null";
      };
    }

    /** A read error located at this value. */
    public JsonReadException error(Problem problem, String expected, String reason) {
      return new JsonReadException(problem, pointer, line, column, expected, reason);
    }

    /** A read error about a place below this value (a missing field), located at this value. */
    public JsonReadException error(String pointer, Problem problem, String expected,
        String reason) {
      return new JsonReadException(problem, pointer, line, column, expected, reason);
    }
  }

  /**
   * Reads one whole document from {@code p}: fails on empty input, malformed JSON, exceeded
   * limits, duplicate fields and anything after the document.
   *
   * @param p a parser positioned before the document
   * @param what what the document is, for the messages ("a protocol profile")
   * @param fieldNames the field names of the format: only these may appear in the pointer of a
   *     syntax error (a misplaced value could otherwise be quoted as a name)
   * @throws JsonReadException if the input is not one well-formed JSON document
   * @throws UncheckedIOException if the underlying stream fails
   */
  public static Node read(JsonParser p, String what, Set<String> fieldNames) {
    try {
      JsonToken first = p.nextToken();
      if (first == null) {
        TokenStreamLocation at = p.currentLocation();
        throw new JsonReadException(Problem.EMPTY_INPUT, "", JsonErrors.line(at, 0),
            JsonErrors.column(at), what, "empty input, expected " + what);
      }
      Node root = value(p, "");
      JsonToken after = p.nextToken();
      if (after != null) {
        TokenStreamLocation at = p.currentTokenLocation();
        throw new JsonReadException(Problem.TRAILING_CONTENT, "", JsonErrors.line(at, 0),
            JsonErrors.column(at), "the end of the input",
            "trailing content after " + what + ", expected the end of the input");
      }
      return root;
    } catch (JacksonException e) {
      // a failing stream is an UncheckedIOException, bytes that are not text a read error
      throw JsonErrors.fromJackson(p, e, fieldNames, 0);
    }
  }

  private static Node value(JsonParser p, String pointer) {
    TokenStreamLocation at = p.currentTokenLocation();
    int line = JsonErrors.line(at, 0);
    int column = JsonErrors.column(at);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          p.nextToken();
          fields.put(name, value(p, pointer + "/" + escape(name)));
        }
        return new Node(Kind.OBJECT, pointer, line, column, Collections.unmodifiableMap(fields),
            List.of(), null, false, null, 0);
      }
      case START_ARRAY -> {
        List<Node> elements = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          elements.add(value(p, pointer + "/" + elements.size()));
        }
        return new Node(Kind.ARRAY, pointer, line, column, Map.of(),
            Collections.unmodifiableList(elements), null, false, null, 0);
      }
      case VALUE_STRING -> {
        return new Node(Kind.STRING, pointer, line, column, Map.of(), List.of(), p.getString(),
            false, null, 0);
      }
      case VALUE_NUMBER_INT -> {
        return new Node(Kind.INTEGER, pointer, line, column, Map.of(), List.of(), p.getString(),
            false, p.getNumberType(), p.getDoubleValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node(Kind.DECIMAL, pointer, line, column, Map.of(), List.of(), p.getString(),
            false, p.getNumberType(), p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node(Kind.BOOLEAN, pointer, line, column, Map.of(), List.of(), null,
            t == JsonToken.VALUE_TRUE, null, 0);
      }
      case VALUE_NULL -> {
        return new Node(Kind.NULL, pointer, line, column, Map.of(), List.of(), null, false, null,
            0);
      }
      default -> throw new IllegalStateException("unexpected token " + t);
    }
  }

  /**
   * An empty object at {@code pointer}, located where {@code at} is: it stands for an optional
   * object the document leaves out, so the fields inside read as absent.
   */
  public static Node emptyObject(String pointer, Node at) {
    return new Node(Kind.OBJECT, pointer, at.line(), at.column(), Map.of(), List.of(), null,
        false, null, 0);
  }

  /** A field name as a JSON Pointer segment (RFC 6901: {@code ~} as ~0, {@code /} as ~1). */
  public static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }
}
