package org.iptkit.json;

/**
 * The one escaping policy for text that came from a course record or any other input (course
 * ids, therapist references, protocol ids and titles, enumeration-like values, field names, file
 * names) and is shown to a person: in a terminal, in an error message, in a CSV cell, on an HTML
 * page. Such text must not move the cursor, recolour or clear the screen, forge a line of output,
 * or reorder what a reader sees, so a few kinds of character are never written raw:
 *
 * <ul>
 *   <li>control characters: C0 ({@code U+0000}–{@code U+001F}, which includes ESC, BEL, CR, LF
 *       and tab), DEL ({@code U+007F}) and C1 ({@code U+0080}–{@code U+009F}, which includes NEL,
 *       {@code U+0085}, and the 8-bit CSI and OSC);
 *   <li>bidirectional controls: {@code U+061C}, {@code U+200E}, {@code U+200F},
 *       {@code U+202A}–{@code U+202E} and {@code U+2066}–{@code U+2069};
 *   <li>the line and paragraph separators {@code U+2028} and {@code U+2029};
 *   <li>half of a surrogate pair without its other half (it cannot be encoded as text).
 * </ul>
 *
 * <p>{@link #escape(String)} writes each of them visibly instead: {@code \n}, {@code \r},
 * {@code \t}, else {@code \}{@code u} and four upper-case hexadecimal digits ({@code \}{@code
 * u001B} for ESC), as JSON would. The JSON writers of this library write the same characters as
 * JSON escapes, so a value read back is unchanged and a line-oriented reader of NDJSON sees one
 * record per line; the CSV writer ({@link ReportWriter#csvField(String)}) escapes them as here and
 * also keeps a spreadsheet from running a cell as a formula.
 */
public final class SafeText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SafeText() {}

  /** Whether a character is never written raw: a control, a bidi control or a line separator. */
  public static boolean isUnsafe(int c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c < 0x061C) {
      return false;
    }
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * The index of the first character of {@code text} that {@link #escape(String)} would change,
   * or -1 when the text can be shown as it is.
   */
  public static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        return i;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The text with every control character, bidirectional control, line separator and unpaired
   * surrogate written visibly ({@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}); the
   * same text when it holds none. Everything else, non-Latin scripts included, is kept.
   */
  public static String escape(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    out.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (isUnsafe(c) || Character.isSurrogate(c)) {
        appendEscape(out, c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The visible escape of one character, as {@link #escape(String)} writes it. */
  public static String escape(char c) {
    StringBuilder out = new StringBuilder(6);
    appendEscape(out, c);
    return out.toString();
  }

  private static void appendEscape(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
          .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
  }
}
