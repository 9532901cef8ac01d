package org.iptkit.json.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.base.ParserBase;
import tools.jackson.core.json.ReaderBasedJsonParser;
import tools.jackson.core.json.UTF8StreamJsonParser;

/**
 * Where the current value token of a parser starts, as the line and column Jackson's
 * {@link JsonParser#currentTokenLocation()} reports (packed into one {@code long}) and its byte or
 * character offset, read without allocating a location object where the parser allows it. The
 * course reader notes where every value of a course was, so an invalid value found later (a PHQ-9
 * item of 4, a duplicate session number) can still be pointed at; one location object per value
 * was a large share of everything reading a course allocated.
 *
 * <p>Jackson's own text parsers expose the start of the current token through
 * {@link ParserBase}'s {@code getToken…} methods, which count the column and offset one past what
 * {@code currentTokenLocation()} reports for a value token; other parsers, and property names
 * (whose location is the name's start), go through {@code currentTokenLocation()}.
 */
final class TokenPositions {
  /** No position: nothing was noted. */
  static final long NONE = Long.MIN_VALUE;

  private final JsonParser parser;
  private final ParserBase direct;

  /** Positions of the tokens of {@code parser}. */
  TokenPositions(JsonParser parser) {
    this.parser = parser;
    Class<?> type = parser.getClass();
    this.direct = type == UTF8StreamJsonParser.class || type == ReaderBasedJsonParser.class
        ? (ParserBase) parser : null;
  }

  /** The line and column of the current token, packed; see {@link #line} and {@link #column}. */
  long current() {
    if (direct != null && parser.currentToken() != JsonToken.PROPERTY_NAME) {
      int column = direct.getTokenColumnNr();
      return pack(direct.getTokenLineNr(), column > 0 ? column - 1 : column);
    }
    return of(parser.currentTokenLocation());
  }

  /** The byte offset (for text, the character offset) of the current token. */
  long currentOffset() {
    if (direct != null && parser.currentToken() != JsonToken.PROPERTY_NAME) {
      return direct.getTokenCharacterOffset() - 1;
    }
    TokenStreamLocation at = parser.currentTokenLocation();
    return Math.max(at.getByteOffset(), at.getCharOffset());
  }

  /** The line and column of a location, packed. */
  static long of(TokenStreamLocation at) {
    return pack(at.getLineNr(), at.getColumnNr());
  }

  private static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xFFFF_FFFFL);
  }

  /** The line of a packed position, as Jackson counts it (1-based; 0 or less when unknown). */
  static int line(long position) {
    return (int) (position >> 32);
  }

  /** The column of a packed position, as Jackson counts it (1-based; 0 or less when unknown). */
  static int column(long position) {
    return (int) position;
  }
}
