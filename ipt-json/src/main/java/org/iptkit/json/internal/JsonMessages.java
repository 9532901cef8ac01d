package org.iptkit.json.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax error messages in plain words, without the parser's internals (token names,
 * "start marker at [Source: …]", feature names) and without the document content they sometimes
 * quote (an unrecognized token is quoted whole, and could be a patient's name typed without
 * quotes). The line and column are carried separately by the read error.
 */
final class JsonMessages {
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '[^']*'");
  private static final Pattern CHARACTER = Pattern.compile("\\('.{1,2}' \\(code (\\d+)[^)]*\\)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
  private static final Pattern SOURCE = Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\]\\)");
  private static final Pattern FEATURE = Pattern.compile(":?\\s*enable `[^`]*` to allow");

  /** A Jackson message pattern and its plain wording (from the match: codes, never content). */
  private record Rule(Pattern pattern, Function<Matcher, String> plain) {
    static Rule of(String regex, String plain) {
      return new Rule(Pattern.compile(regex), m -> plain);
    }

    static Rule of(String regex, Function<Matcher, String> plain) {
      return new Rule(Pattern.compile(regex), plain);
    }
  }

  private static final String CHAR = "^Unexpected character \\(.*?\\(code (\\d+)\\)\\)";

  private static final List<Rule> RULES = List.of(
      Rule.of("^Unexpected end-of-input: expected close marker for Object",
          "unexpected end of input inside an object, expected '}'"),
      Rule.of("^Unexpected end-of-input: expected close marker for Array",
          "unexpected end of input inside an array, expected ']'"),
      Rule.of("^Unexpected end-of-input(?: in VALUE_STRING|.*closing quote for a string value)",
          "unexpected end of input inside a string, expected its closing '\"'"),
      Rule.of("^Unexpected end-of-input in (property|field) name",
          "unexpected end of input inside a field name, expected its closing '\"'"),
      Rule.of("^Unexpected end-of-input within/between Object entries",
          "unexpected end of input inside an object, expected a field or '}'"),
      Rule.of("^Unexpected end-of-input within/between Array entries",
          "unexpected end of input inside an array, expected a value or ']'"),
      Rule.of("^Unexpected end-of-input", "unexpected end of input"),
      Rule.of(CHAR + ": was expecting comma to separate Object entries",
          m -> "unexpected character (code " + m.group(1) + "), expected ',' or '}' after a field"),
      Rule.of(CHAR + ": was expecting comma to separate Array entries",
          m -> "unexpected character (code " + m.group(1) + "), expected ',' or ']' after a value"),
      Rule.of(CHAR + ": was expecting a colon to separate (property|field) name and value",
          m -> "unexpected character (code " + m.group(1) + "), expected ':' after a field name"),
      Rule.of(CHAR + ": was expecting double-quote to start (property|field) name",
          m -> "unexpected character (code " + m.group(1) + "), expected a field name in double"
              + " quotes"),
      Rule.of(CHAR + ": expected a (valid )?value",
          m -> "unexpected character (code " + m.group(1) + "), expected a value"),
      Rule.of(CHAR + " in numeric value",
          m -> "unexpected character (code " + m.group(1) + ") in a number"),
      Rule.of("^Unexpected close marker '([\\]}])': expected '([\\]}])'",
          m -> "unexpected '" + m.group(1) + "', expected '" + m.group(2) + "'"),
      Rule.of("^Unexpected close marker '([\\]}])': no open",
          m -> "unexpected '" + m.group(1) + "' with nothing open to close"),
      Rule.of("^Unrecognized token",
          "unrecognized word, expected a string, number, array, object, true, false or null"),
      Rule.of("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)",
          m -> "control character (code " + m.group(1) + ") inside a string, expected it escaped"
              + " with a backslash"),
      Rule.of("^Unrecognized character escape",
          "invalid escape sequence inside a string, expected one of \\\" \\\\ \\/ \\b \\f \\n \\r"
              + " \\t \\uXXXX"),
      Rule.of("^Invalid numeric value: Leading zeroes not allowed",
          "invalid number: leading zeroes are not allowed"),
      Rule.of("^Non-standard token", "NaN and Infinity are not JSON numbers"),
      Rule.of("^Invalid UTF-8", "invalid UTF-8 byte sequence"));

  private JsonMessages() {}

  /**
   * The message in plain words: a known Jackson message is reworded; any other is cut before
   * Jackson's location, cleared of quoted document content, of source descriptions and of feature
   * names.
   */
  static String withoutContent(String original) {
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(original);
      if (m.find()) {
        return rule.plain().apply(m);
      }
    }
    String message = original;
    int at = message.indexOf("\n at [");
    if (at >= 0) {
      message = message.substring(0, at);
    }
    message = SOURCE.matcher(message).replaceAll("");
    message = FEATURE.matcher(message).replaceAll("");
    message = UNRECOGNIZED.matcher(message).replaceAll("Unrecognized token");
    message = CHARACTER.matcher(message).replaceAll("(code $1)");
    message = QUOTED.matcher(message).replaceAll("\"…\"");
    message = message.strip();
    if (message.length() > 1 && Character.isLowerCase(message.charAt(1))) {
      message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return message;
  }
}
