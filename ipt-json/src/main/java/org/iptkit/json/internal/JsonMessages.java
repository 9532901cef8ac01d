package org.iptkit.json.internal;

import java.util.regex.Pattern;

/**
 * Jackson's syntax error messages without the document content they sometimes quote (an
 * unrecognized token is quoted whole, and could be a patient's name typed without quotes).
 */
final class JsonMessages {
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '[^']*'");
  private static final Pattern CHARACTER = Pattern.compile("\\('.{1,2}' \\(code (\\d+)[^)]*\\)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

  private JsonMessages() {}

  /** The message cut before Jackson's location, with quoted document content removed. */
  static String withoutContent(String original) {
    String message = original;
    int at = message.indexOf("\n at [");
    if (at >= 0) {
      message = message.substring(0, at);
    }
    message = UNRECOGNIZED.matcher(message).replaceAll("Unrecognized token");
    message = CHARACTER.matcher(message).replaceAll("(code $1)");
    message = QUOTED.matcher(message).replaceAll("\"…\"");
    return message.strip();
  }
}
