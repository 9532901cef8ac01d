package org.iptkit.json.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.internal.JsonTree.Kind;
import org.iptkit.json.internal.JsonTree.Node;

/**
 * Typed, strict access to the fields of one JSON object of a {@link JsonTree}: the object is
 * checked for unknown fields when it is opened, each getter checks the type of its value and
 * returns null when the field is absent, and every problem becomes a {@link JsonReadException}
 * at the value's pointer, line and column.
 */
final class Fields {
  static final String INTEGER = WireFormat.INTEGER;
  static final String NUMBER = "a number";
  static final String STRING = WireFormat.STRING;
  static final String BOOLEAN = WireFormat.BOOLEAN;

  private final Node node;

  private Fields(Node node) {
    this.node = node;
  }

  /**
   * Opens {@code node} as an object allowed to hold only {@code names}.
   *
   * @param expected what the object is, for a wrong-type message ("a protocol profile object")
   */
  static Fields of(Node node, String expected, List<String> names) {
    if (node.kind() != Kind.OBJECT) {
      throw wrongType(node, expected);
    }
    for (Node value : node.fields().values()) {
      String name = lastSegment(value.pointer());
      if (!names.contains(name)) {
        String known = String.join(", ", names);
        throw value.error(Problem.UNKNOWN_FIELD, "one of " + known,
            "unknown field, expected one of " + known);
      }
    }
    return new Fields(node);
  }

  private static String lastSegment(String pointer) {
    String segment = pointer.substring(pointer.lastIndexOf('/') + 1);
    return segment.replace("~1", "/").replace("~0", "~");
  }

  static JsonReadException wrongType(Node value, String expected) {
    return value.error(Problem.WRONG_TYPE, expected,
        "expected " + expected + ", got " + value.describe());
  }

  /** The object itself. */
  Node node() {
    return node;
  }

  /** The value of a field, or null. */
  Node get(String name) {
    return node.fields().get(name);
  }

  boolean has(String name) {
    return node.fields().containsKey(name);
  }

  /** The pointer a field has (or would have) in this object. */
  String pointerOf(String name) {
    return node.pointer() + "/" + JsonTree.escape(name);
  }

  /** A "missing required field" error for {@code name}, located at this object. */
  JsonReadException missing(String name, String expected) {
    return node.error(pointerOf(name), Problem.MISSING_FIELD, expected,
        "missing required field, expected " + expected);
  }

  Node require(String name, String expected) {
    Node value = get(name);
    if (value == null) {
      throw missing(name, expected);
    }
    return value;
  }

  String string(String name) {
    Node value = get(name);
    return value == null ? null : string(value);
  }

  static String string(Node value) {
    if (value.kind() != Kind.STRING) {
      throw wrongType(value, STRING);
    }
    return value.text();
  }

  /** A non-blank string such as an id or a code. */
  String identifier(String name) {
    Node value = get(name);
    if (value == null) {
      return null;
    }
    String text = string(value);
    if (text.isBlank()) {
      throw value.error(Problem.INVALID_VALUE, "a non-blank string",
          "expected a non-blank string, got " + (text.isEmpty() ? "an empty string" : "blanks"));
    }
    return text;
  }

  Integer integer(String name) {
    Node value = get(name);
    return value == null ? null : integer(value);
  }

  static int integer(Node value) {
    if (value.isInt()) {
      return Integer.parseInt(value.text());
    }
    if (value.kind() == Kind.INTEGER) {
      throw value.error(Problem.WRONG_TYPE, INTEGER,
          "expected " + INTEGER + ", got " + numberText(value) + ", which is out of range");
    }
    if (value.kind() == Kind.DECIMAL) {
      throw value.error(Problem.WRONG_TYPE, INTEGER,
          "expected " + INTEGER + ", got " + numberText(value));
    }
    throw wrongType(value, INTEGER);
  }

  /** A finite number, integer or not. */
  Double number(String name) {
    Node value = get(name);
    if (value == null) {
      return null;
    }
    if (value.kind() != Kind.INTEGER && value.kind() != Kind.DECIMAL) {
      throw wrongType(value, NUMBER);
    }
    if (!Double.isFinite(value.number())) {
      throw value.error(Problem.INVALID_VALUE, "a finite number",
          "expected a finite number, got " + numberText(value));
    }
    return value.number();
  }

  Boolean bool(String name) {
    Node value = get(name);
    if (value == null) {
      return null;
    }
    if (value.kind() != Kind.BOOLEAN) {
      throw wrongType(value, BOOLEAN);
    }
    return value.bool();
  }

  <E extends Enum<E>> E enumValue(String name, EnumCodec<E> codec) {
    Node value = get(name);
    return value == null ? null : enumValue(value, codec);
  }

  static <E extends Enum<E>> E enumValue(Node value, EnumCodec<E> codec) {
    if (value.kind() != Kind.STRING) {
      throw wrongType(value, codec.oneOf());
    }
    E constant = codec.lookup(value.text());
    if (constant == null) {
      throw value.error(Problem.UNKNOWN_VALUE, codec.oneOf(), "expected " + codec.oneOf()
          + ", got " + JsonErrors.describeString(value.text(), JsonErrors.Quote.NAME));
    }
    return constant;
  }

  /** An array's elements, or null when the field is absent. */
  List<Node> array(String name, String expected) {
    Node value = get(name);
    if (value == null) {
      return null;
    }
    if (value.kind() != Kind.ARRAY) {
      throw wrongType(value, expected);
    }
    return value.elements();
  }

  /** An array of distinct enumeration values, or null when the field is absent. */
  <E extends Enum<E>> List<E> enumSet(String name, EnumCodec<E> codec) {
    List<Node> elements = array(name, "an array of " + codec.oneOf());
    if (elements == null) {
      return null;
    }
    List<E> result = new ArrayList<>();
    for (Node element : elements) {
      E constant = enumValue(element, codec);
      if (result.contains(constant)) {
        throw element.error(Problem.INVALID_VALUE, "each value at most once",
            constant + " is listed twice, expected each value at most once");
      }
      result.add(constant);
    }
    return result;
  }

  /** A nested object, opened with its own allowed names, or null when the field is absent. */
  Fields object(String name, String expected, List<String> names) {
    Node value = get(name);
    return value == null ? null : of(value, expected, names);
  }

  /** The field names present, in document order. */
  Set<String> names() {
    return node.fields().keySet();
  }

  private static String numberText(Node value) {
    String text = value.text();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
