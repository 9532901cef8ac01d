package org.iptkit.json.internal;

import org.iptkit.json.SafeText;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * The character escapes of every JSON and NDJSON writer of this library: besides what JSON itself
 * escapes, the characters {@link SafeText} never writes raw (DEL, the C1 controls with NEL
 * {@code U+0085}, the bidirectional controls and the separators {@code U+2028} and
 * {@code U+2029}) are written as {@code \}{@code uXXXX}. The value read back is the same; a reader
 * that splits lines on them (Python's {@code splitlines()}, JavaScript line readers) sees one
 * NDJSON record per line, and a report shown in a terminal cannot steer it.
 */
final class JsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;

  /** The one instance: it holds no state. */
  static final JsonEscapes INSTANCE = new JsonEscapes();

  private static final int[] ASCII = asciiEscapes();
  private static final SerializedString[] ESCAPED = escapedCharacters();

  private JsonEscapes() {}

  private static int[] asciiEscapes() {
    int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
    codes[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
    return codes;
  }

  /** The escapes of the non-ASCII characters to escape, by character (null: none). */
  private static SerializedString[] escapedCharacters() {
    SerializedString[] escaped = new SerializedString[0x206A];
    for (int c = 0x80; c < escaped.length; c++) {
      if (SafeText.isUnsafe(c)) {
        escaped[c] = new SerializedString(SafeText.escape((char) c));
      }
    }
    return escaped;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ASCII;
  }

  @Override
  public SerializableString getEscapeSequence(int c) {
    return c >= 0 && c < ESCAPED.length ? ESCAPED[c] : null;
  }
}
