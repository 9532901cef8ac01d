package org.iptkit.fhir.internal;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.iptkit.fhir.FhirMappingException;

/**
 * Strict parsing with located messages that quote no value: HAPI's own messages quote the
 * offending text (which may be a patient reference or free text), so every error is reworded
 * with the element's name and what was expected, and quoted text is masked.
 */
public final class ParseErrors {
  private ParseErrors() {}

  /** A strict error handler whose errors are {@link FhirMappingException}s quoting no value. */
  public static StrictErrorHandler handler() {
    return new Handler();
  }

  /** A mapping exception for a parse failure HAPI reported itself (malformed JSON and such). */
  public static FhirMappingException toMappingException(RuntimeException e, String type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FhirMappingException mapping) {
        return mapping;
      }
    }
    String message = e.getMessage() == null ? "the input cannot be read" : e.getMessage();
    String problem;
    if (message.contains("Failed to parse JSON")) {
      problem = "malformed JSON: " + oneLine(
          mask(message.substring(message.indexOf("content:") + 8)));
    } else if (message.contains("resource type") || message.contains("resource name")) {
      problem = maskUnlessName(message);
    } else {
      problem = mask(message);
    }
    return new FhirMappingException("", type, -1,
        "not a valid FHIR R4 " + (type == null ? "resource" : type) + ": " + problem);
  }

  /**
   * Jackson's message on one line, as every other message of the library: its location tail
   * ({@code "\n at [line: 2, column: 1]"}) becomes {@code " (line 2, column 1)"}.
   */
  static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*at \\[line: (\\d+), column: (\\d+)\\]",
        " (line $1, column $2)").replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** Removes HAPI's message codes and masks every quoted text, keeping the wording around it. */
  static String mask(String message) {
    return masked(message, false);
  }

  /** Like {@link #mask} but keeps quoted names such as a resource type ({@code "Patient"}). */
  static String maskUnlessName(String message) {
    return masked(message, true);
  }

  /** A Java exception's name, qualified or not, as HAPI's messages sometimes carry one. */
  private static final Pattern JAVA_EXCEPTION = Pattern.compile(
      "(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

  private static String masked(String message, boolean keepNames) {
    String text = JAVA_EXCEPTION.matcher(message.replaceAll("HAPI-\\d+: ", ""))
        .replaceAll("").trim();
    if (keepNames) {
      // Names in quotes of their own ("Bundle", "Patient") are kept: set apart from the masking,
      // unless they lie inside a span masked below.
      text = QUOTED_NAME.matcher(text).replaceAll("\u0001$1\u0002");
    }
    // A quoted value may itself hold quotes ("GOAL "x" y"), so pairing quotes up would show the
    // text between an inner pair: everything from the first quote to the last of its kind is
    // masked as one, unless that whole span is a keyword or (where asked) a resource name.
    for (char quote : new char[] {'"', '\''}) {
      int first = text.indexOf(quote);
      if (first < 0) {
        continue;
      }
      int last = text.lastIndexOf(quote);
      if (last == first) {
        text = text.substring(0, first + 1) + "…"; // a lone quote: nothing after it is shown
        continue;
      }
      String inner = text.substring(first + 1, last);
      boolean keep = KEYWORDS.contains(inner)
          || (keepNames && NAME.matcher(inner).matches());
      if (!keep) {
        text = text.substring(0, first + 1) + "…" + text.substring(last);
      }
    }
    return text.replace('\u0001', '"').replace('\u0002', '"');
  }

  private static final Pattern QUOTED_NAME = Pattern.compile("\"([A-Za-z][A-Za-z0-9]{0,63})\"");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  /**
   * A code as an error may show it: one that looks like a code (letters, digits, {@code _ - .},
   * at most 64), else masked, since a host may have put free text where a code belongs.
   */
  public static String quotedCode(String code) {
    return "'" + (code.matches("[A-Za-z0-9_.\\-]{1,64}") ? code : "…") + "'";
  }

  private static final Set<String> KEYWORDS =
      Set.of("null", "true", "false", "{", "[", "}", "]", ",", ":");

  /** A name as an error may show it: one shaped like a FHIR element name, else masked. */
  static String safeName(String name) {
    return name != null && NAME.matcher(name).matches() ? name : "…";
  }

  private static final class Handler extends StrictErrorHandler {
    private static FhirMappingException error(IParseLocation location, String problem) {
      String parent = location == null ? null : location.getParentElementName();
      String where = parent == null ? "" : "element '" + parent + "'";
      return new FhirMappingException(where, null, -1, problem);
    }

    @Override
    public void unknownElement(IParseLocation location, String name) {
      throw error(location, "unknown element '" + safeName(name) + "'; FHIR R4 has no such "
          + "element here");
    }

    @Override
    public void unknownAttribute(IParseLocation location, String name) {
      throw error(location, "unknown attribute '" + safeName(name) + "'");
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String problem) {
      throw error(location, "invalid value" + (problem == null ? ""
          : " (" + mask(problem).replaceAll("Character \\S+ is", "A character is") + ")"));
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String name,
        BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
        BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
      throw error(location, "element '" + safeName(name) + "' has the wrong JSON type: expected "
          + kind(expected, expectedScalar) + ", found " + kind(found, foundScalar));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String name) {
      throw error(location, "element '" + safeName(name) + "' is given more than once (an "
          + "array) but may appear only once");
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String name) {
      throw error(location, "required element '" + safeName(name) + "' is missing");
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
      throw error(location, "a contained resource has no id");
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
      throw error(location, "a local reference does not resolve to a contained resource");
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
      throw error(location, "an internal reference is not valid");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
      throw error(location, "an extension has both a value and nested extensions");
    }

    private static String kind(BaseJsonLikeValue.ValueType type,
        BaseJsonLikeValue.ScalarType scalar) {
      if (type == null) {
        return "nothing";
      }
      String name = type.name().toLowerCase(Locale.ROOT);
      return scalar == null ? name : name + " " + scalar.name().toLowerCase(Locale.ROOT);
    }
  }
}
