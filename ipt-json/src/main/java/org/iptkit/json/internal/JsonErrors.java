package org.iptkit.json.internal;

import java.io.CharConversionException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What the readers of courses, profiles and reports share about errors: Jackson's syntax and
 * limit errors turned into {@link JsonReadException}s without document content, locations as
 * line and column, and the rule for which strings may be quoted back in a message.
 */
final class JsonErrors {
  private JsonErrors() {}

  /** Which strings may be quoted back in a message, by the kind of value expected. */
  enum Quote {
    /** Enumeration values and codes: letters, digits and a little punctuation. */
    NAME,
    /** Dates: digits and date punctuation. */
    DATE,
    /** Schema versions: digits, letters, dots. */
    VERSION
  }

  /**
   * A string quoted back when it looks like a value of the expected kind (so an enumeration value
   * or a date may be quoted, free text never is), else only its type.
   */
  static String describeString(String text, Quote kind) {
    if (text.isEmpty()) {
      return "an empty string";
    }
    if (text.length() > 40) {
      return "a string of " + text.length() + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean fine = switch (kind) {
        case NAME -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '_' || c == '-' || c == '.';
        case DATE -> (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.' || c == ':'
            || c == 'T' || c == 'Z' || c == '+';
        case VERSION -> (c >= '0' && c <= '9') || c == '.' || c == 'v' || c == 'V';
      };
      if (!fine) {
        return "a string that is not " + (kind == Quote.DATE ? "a date" : "one of them");
      }
    }
    return "\"" + text + "\"";
  }

  /** The 1-based line of a location plus {@code lineOffset}, or 0 when unknown. */
  static int line(TokenStreamLocation at, int lineOffset) {
    return at == null || at.getLineNr() <= 0 ? 0 : at.getLineNr() + lineOffset;
  }

  /** The 1-based column of a location, or 0 when unknown. */
  static int column(TokenStreamLocation at) {
    return at == null || at.getColumnNr() <= 0 ? 0 : at.getColumnNr();
  }

  /** Where a Jackson error happened: its own location, or the parser's. */
  static TokenStreamLocation location(JsonParser p, JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    return at != null && at.getLineNr() > 0 ? at : p.currentLocation();
  }

  /**
   * A Jackson streaming error as a read error, its message cleared of document content. The
   * pointer names the current field only when it is one of {@code fieldNames}: in malformed JSON
   * the last "name" may be a value in the wrong place (a patient's name followed by a colon).
   *
   * @throws UncheckedIOException when the error is an I/O failure of the underlying stream (bytes
   *     that are not text in the document's encoding are a read error, not an I/O failure)
   */
  static JsonReadException fromJackson(JsonParser p, JacksonException e, Set<String> fieldNames,
      int lineOffset) {
    if (e instanceof JacksonIOException io) {
      if (io.getCause() instanceof CharConversionException decoding) {
        TokenStreamLocation at = p.currentLocation();
        return Encodings.unreadable(decoding, line(at, lineOffset), column(at));
      }
      throw new UncheckedIOException(io.getCause());
    }
    TokenStreamContext context = p.streamReadContext();
    String pointer = context == null ? "" : context.pathAsPointer().toString();
    TokenStreamLocation at = location(p, e);
    int line = line(at, lineOffset);
    int column = column(at);
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      if (original.startsWith("Name length") && context != null && context.inObject()
          && context.currentName() != null) {
        // The name too long to read is not yet the context's: the one there is the previous
        // field's. Point at the object holding both instead.
        pointer = context.getParent() == null ? "" : context.getParent().pathAsPointer().toString();
      }
      return limit(p, pointer, line, column, original);
    }
    if (context != null && context.inObject() && context.currentName() != null
        && !fieldNames.contains(context.currentName())) {
      pointer = context.getParent() == null ? "" : context.getParent().pathAsPointer().toString();
    }
    if (original.startsWith("Duplicate Object property")) {
      return new JsonReadException(Problem.DUPLICATE_FIELD, pointer, line, column,
          "each field at most once", "duplicate field, expected each field at most once");
    }
    return new JsonReadException(Problem.MALFORMED_JSON, pointer, line, column,
        "well-formed JSON", "malformed JSON: " + JsonMessages.withoutContent(original));
  }

  private static JsonReadException limit(JsonParser p, String pointer, int line, int column,
      String original) {
    var constraints = p.streamReadConstraints();
    String expected;
    String reason;
    if (original.contains("nesting depth")) {
      int max = constraints.getMaxNestingDepth();
      expected = "at most " + max + " levels of nesting";
      reason = "nesting depth exceeds the maximum of " + max + " (no document of the format"
          + " nests that deep)";
    } else if (original.startsWith("String value length")) {
      int max = constraints.getMaxStringLength();
      expected = "a string of at most " + max + " characters";
      reason = "string longer than the maximum of " + max + " characters";
    } else if (original.startsWith("Number value length") || original.contains("Number length")) {
      int max = constraints.getMaxNumberLength();
      expected = "a number of at most " + max + " digits";
      reason = "number longer than the maximum of " + max + " digits";
    } else if (original.startsWith("Document length")) {
      long max = constraints.getMaxDocumentLength();
      expected = "a document of at most " + max + " bytes";
      reason = "document longer than the maximum of " + max + " bytes";
    } else if (original.startsWith("Name length")) {
      int max = constraints.getMaxNameLength();
      expected = "a field name of at most " + max + " characters";
      reason = "field name longer than the maximum of " + max + " characters";
    } else {
      expected = "a document within the reader's limits";
      reason = "document exceeds a reader limit: " + JsonMessages.withoutContent(original);
    }
    return new JsonReadException(Problem.LIMIT_EXCEEDED, pointer, line, column, expected, reason);
  }
}
