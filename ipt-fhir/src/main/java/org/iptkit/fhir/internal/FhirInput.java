package org.iptkit.fhir.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.iptkit.fhir.FhirMappingException;

/**
 * FHIR input held to the course reader's strictness and limits before HAPI parses it: at most
 * 10,000,000 bytes (the course document limit), strict UTF-8 (the encoding FHIR requires), no
 * name given twice in one object, strings of at most 1,000,000 characters, names of at most
 * 1,000, numbers of at most 100 digits and at most 64 levels of nesting. HAPI's own parser keeps
 * the last of two equal names and replaces bytes that are not UTF-8; here both are errors that
 * name the line and column and quote nothing.
 */
public final class FhirInput {
  private FhirInput() {}

  /** The longest FHIR input, in bytes: the course document limit of the JSON layer. */
  public static final long MAX_DOCUMENT_LENGTH = 10_000_000L;
  /** The longest string value, in characters: the course reader's. */
  public static final int MAX_STRING_LENGTH = 1_000_000;
  /** The deepest nesting: the course reader's. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** The longest number, in characters: the course reader's. */
  public static final int MAX_NUMBER_LENGTH = 100;
  /** The longest name, in characters: the course reader's. */
  public static final int MAX_NAME_LENGTH = 1_000;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxDocumentLength(MAX_DOCUMENT_LENGTH)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /**
   * The text of a FHIR document read from {@code in} (not closed): at most the document limit,
   * strict UTF-8, a leading byte order mark skipped. Reading stops at the limit, so an endless
   * stream costs no more memory than the limit.
   *
   * @throws FhirMappingException when the input is longer than the limit or not UTF-8
   * @throws IOException when reading fails
   */
  public static String read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_DOCUMENT_LENGTH + 1);
    if (bytes.length > MAX_DOCUMENT_LENGTH) {
      throw new FhirMappingException("", null, -1, "the input is longer than the limit of "
          + String.format(java.util.Locale.ROOT, "%,d", MAX_DOCUMENT_LENGTH) + " bytes");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer output = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      int offset = input.position();
      int line = 1;
      int lineStart = start;
      for (int i = start; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new FhirMappingException("", null, -1, "the input is not UTF-8 text: a byte "
          + "sequence that is not UTF-8 at line " + line + ", column " + (offset - lineStart + 1));
    }
    decoder.flush(output);
    output.flip();
    return output.toString();
  }

  /**
   * Checks a FHIR document's JSON before HAPI reads it: well formed, within the limits, no name
   * given twice in one object.
   *
   * @throws FhirMappingException naming the line, column and JSON Pointer of the problem
   */
  public static void check(String json) {
    if (json.length() > MAX_DOCUMENT_LENGTH) {
      throw new FhirMappingException("", null, -1, "the input is longer than the limit of "
          + String.format(java.util.Locale.ROOT, "%,d", MAX_DOCUMENT_LENGTH) + " bytes");
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      try {
        com.fasterxml.jackson.core.JsonToken token;
        while ((token = parser.nextToken()) != null) {
          // Every value is read in full, so that the length constraints apply to it.
          if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
            parser.getText();
          } else if (token.isNumeric()) {
            parser.getNumberValue();
          }
        }
      } catch (JsonProcessingException e) {
        throw problem(parser, e);
      }
    } catch (IOException e) {
      if (e instanceof CharacterCodingException) {
        throw new FhirMappingException("", null, -1, "the input is not valid text");
      }
      throw new FhirMappingException("", null, -1, "the input cannot be read as JSON");
    }
  }

  /** A JSON Pointer with every segment that is not a FHIR-like name or an index masked. */
  static String safePointer(String pointer) {
    if (pointer.isEmpty()) {
      return pointer;
    }
    StringBuilder out = new StringBuilder();
    for (String segment : pointer.substring(1).split("/", -1)) {
      out.append('/').append(segment.matches("[A-Za-z_][A-Za-z0-9_]{0,63}|[0-9]{1,9}")
          ? segment : "…");
    }
    return out.toString();
  }

  private static FhirMappingException problem(JsonParser parser, JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String what;
    if (e instanceof StreamConstraintsException) {
      if (message.contains("nesting depth")) {
        what = "nested deeper than " + MAX_NESTING_DEPTH + " levels";
      } else if (message.contains("Number value length")) {
        what = "a number longer than " + MAX_NUMBER_LENGTH + " characters";
      } else if (message.contains("Name length")) {
        what = "a name longer than " + MAX_NAME_LENGTH + " characters";
      } else if (message.contains("String value length")) {
        what = "a string longer than "
            + String.format(java.util.Locale.ROOT, "%,d", MAX_STRING_LENGTH) + " characters";
      } else {
        what = "the input is longer than the limit of "
            + String.format(java.util.Locale.ROOT, "%,d", MAX_DOCUMENT_LENGTH) + " bytes";
      }
    } else if (message.startsWith("Duplicate field")) {
      what = "a name is given twice in one object; expected each name once";
    } else {
      what = "malformed JSON";
    }
    JsonLocation location = e.getLocation();
    String pointer = parser.getParsingContext() == null ? ""
        : safePointer(parser.getParsingContext().pathAsPointer().toString());
    String where = location == null ? "" : " (line " + location.getLineNr() + ", column "
        + location.getColumnNr() + ")";
    return new FhirMappingException(pointer, null, -1, what + where);
  }
}
