package org.iptkit.json.internal;

import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The configured Jackson factories of one {@code IptJson}: safety limits, strict duplicate
 * detection, no closing of streams the caller owns, and the escapes of {@link JsonEscapes} for
 * everything written. Immutable and thread-safe.
 */
public final class JsonSettings {
  /** The deepest nesting a document may have; no course nests past about 8. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** The longest number accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 100;
  /** The longest field name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 1_000;

  private final boolean lenient;
  private final boolean pretty;
  private final long maxDocumentLength;
  private final int maxStringLength;
  private final JsonFactory documents;
  private final JsonFactory courses;
  private final JsonFactory streams;
  private final JsonFactory mappers;

  /**
   * Settings for a reader and writer.
   *
   * @param lenient whether unknown fields are warnings rather than errors
   * @param pretty whether documents are written indented
   * @param maxDocumentLength the longest document (or batch record) in bytes or characters
   * @param maxStringLength the longest string value in characters
   */
  public JsonSettings(boolean lenient, boolean pretty, long maxDocumentLength,
      int maxStringLength) {
    this.lenient = lenient;
    this.pretty = pretty;
    this.maxDocumentLength = maxDocumentLength;
    this.maxStringLength = maxStringLength;
    StreamReadConstraints base = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .maxStringLength(maxStringLength)
        .build();
    this.documents = JsonFactory.builder()
        .streamReadConstraints(base.rebuild().maxDocumentLength(maxDocumentLength).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .characterEscapes(JsonEscapes.INSTANCE)
        .build();
    // Course documents: the course reader rejects a repeated field itself, known or (when
    // lenient) unknown, at any depth, so the parser's own detection, a hash set of names per
    // object, is left off. The reader's error leaves the parser usable, which lets a batch go on
    // with its next record; the parser's does not.
    this.courses =
        documents.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // A host's mapper keeps Jackson's usual closing of the streams it is given.
    this.mappers = JsonFactory.builder()
        .streamReadConstraints(base.rebuild().maxDocumentLength(maxDocumentLength).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .characterEscapes(JsonEscapes.INSTANCE)
        .build();
    // Batches of many records in one stream: the length limit applies per record (checked by the
    // reader), and duplicates are caught by the reader itself (as for course documents above).
    this.streams = JsonFactory.builder()
        .streamReadConstraints(base)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
  }

  /** Whether unknown fields are warnings rather than errors. */
  public boolean lenient() {
    return lenient;
  }

  /** Whether documents are written indented. */
  public boolean pretty() {
    return pretty;
  }

  /** The longest document or batch record, in bytes (characters for text input). */
  public long maxDocumentLength() {
    return maxDocumentLength;
  }

  /** The longest string value, in characters. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** The factory for single documents and NDJSON lines (all limits, duplicate detection). */
  public JsonFactory documentFactory() {
    return documents;
  }

  /** The factory for one stream holding many records (no whole-stream length limit). */
  public JsonFactory streamFactory() {
    return streams;
  }

  /** The factory for a host's mapper: the same limits, Jackson's usual stream closing. */
  public JsonFactory mapperFactory() {
    return mappers;
  }

  /** A generator writing to {@code out}, pretty or compact as configured. */
  public JsonGenerator generator(java.io.Writer out, boolean indent) {
    return documents.createGenerator(context(indent), Objects.requireNonNull(out));
  }

  /** A generator writing UTF-8 to {@code out}, pretty or compact as configured. */
  public JsonGenerator generator(java.io.OutputStream out, boolean indent) {
    return documents.createGenerator(context(indent), Objects.requireNonNull(out));
  }

  /**
   * A generator writing one value as UTF-8 into {@code out}, which the caller goes on writing to
   * and flushes itself: closing the generator hands its buffer to {@code out} without flushing it
   * (the report writer writes many reports into one buffered stream).
   */
  public JsonGenerator valueGenerator(java.io.OutputStream out, boolean indent) {
    return documents.createGenerator(valueContext(indent), Objects.requireNonNull(out));
  }

  private static ObjectWriteContext valueContext(boolean indent) {
    ObjectWriteContext base = context(indent);
    return new ObjectWriteContext.Base() {
      @Override
      public PrettyPrinter getPrettyPrinter() {
        return base.getPrettyPrinter();
      }

      @Override
      public boolean hasPrettyPrinter() {
        return base.hasPrettyPrinter();
      }

      @Override
      public int getStreamWriteFeatures(int defaults) {
        return defaults & ~StreamWriteFeature.FLUSH_PASSED_TO_STREAM.getMask();
      }
    };
  }

  private static ObjectWriteContext context(boolean indent) {
    if (!indent) {
      return ObjectWriteContext.empty();
    }
    return new ObjectWriteContext.Base() {
      @Override
      public PrettyPrinter getPrettyPrinter() {
        return new CoursePrettyPrinter();
      }

      @Override
      public boolean hasPrettyPrinter() {
        return true;
      }
    };
  }

  /** A parser over one whole document held in bytes. */
  public JsonParser documentParser(byte[] content, int offset, int length) {
    return documents.createParser(ObjectReadContext.empty(), content, offset, length);
  }

  /**
   * A parser over one whole course document held in bytes, for the course reader, which detects
   * repeated fields itself.
   */
  public JsonParser courseParser(byte[] content, int offset, int length) {
    return courses.createParser(ObjectReadContext.empty(), content, offset, length);
  }

  /**
   * A parser over one whole course document held in a string, for the course reader. A leading
   * byte order mark (U+FEFF, left at the start of a string decoded by a host) is skipped, as it
   * is at the start of bytes.
   */
  public JsonParser courseParser(String content) {
    return courses.createParser(ObjectReadContext.empty(), withoutByteOrderMark(content));
  }

  /** A parser over one whole course document read from a stream, for the course reader. */
  public JsonParser courseParser(java.io.InputStream content) {
    return courses.createParser(ObjectReadContext.empty(), content);
  }

  /** A parser over one whole document held in a string; a leading U+FEFF is skipped. */
  public JsonParser documentParser(String content) {
    return documents.createParser(ObjectReadContext.empty(), withoutByteOrderMark(content));
  }

  private static String withoutByteOrderMark(String content) {
    return !content.isEmpty() && content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
  }

  /** A parser over one whole document read from a stream. */
  public JsonParser documentParser(java.io.InputStream content) {
    return documents.createParser(ObjectReadContext.empty(), content);
  }

  /** A parser over a stream of many records. */
  public JsonParser streamParser(java.io.InputStream content) {
    return streams.createParser(ObjectReadContext.empty(), content);
  }
}
