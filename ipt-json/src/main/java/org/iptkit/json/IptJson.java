package org.iptkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.internal.CourseJsonReader;
import org.iptkit.json.internal.CourseJsonWriter;
import org.iptkit.json.internal.CoursePrettyPrinter;
import org.iptkit.json.internal.Encodings;
import org.iptkit.json.internal.JsonSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point of the JSON layer: reads and writes IPT treatment courses in the documented wire
 * format (format.md §1), strictly by default. An instance is immutable, thread-safe and meant to
 * be built once and reused.
 *
 * <pre>{@code
 * IptJson json = IptJson.strict();
 * TreatmentCourse course = json.readCourse(Files.readAllBytes(path));  // or CourseReadException
 * String text = json.writeCourse(course);                               // compact, deterministic
 *
 * IptJson tolerant = IptJson.builder().lenientUnknownFields(true).prettyPrint(true).build();
 * ReadResult result = tolerant.readCourseWithWarnings(text);
 * result.warnings().forEach(w -> log(w.pointer()));                      // ignored fields
 * }</pre>
 *
 * <p>Reading rejects, with a {@link CourseReadException} naming the JSON Pointer, line, column
 * and what was expected: malformed JSON, empty input, anything after the document, an unknown or
 * repeated field, a missing required field, a value of the wrong type (1.5 as minutes), an unknown
 * enumeration value, an impossible date, a {@code schemaVersion} of a newer major version, a
 * document nested deeper than 64 levels or longer than the configured limits, and every invariant
 * of the core model (a PHQ-9 item scored 4, a session numbered 0, a total that disagrees with its
 * items, a cancelled session with tasks). Subtler gaps, such as a dispute without a stage, are
 * left to the fidelity rules.
 *
 * <p>Writing is deterministic (same course, same bytes): fields in the documented order with
 * {@code schemaVersion} first, empty optionals, empty arrays and false flags left out, except
 * {@code sessions}, which is always written.
 */
public final class IptJson {
  /** The version of the course format this library writes; it reads every 1.x version. */
  public static final String SCHEMA_VERSION = CourseJsonWriter.SCHEMA_VERSION;
  /** The default longest course document, in bytes: 10 MB, far beyond any real course. */
  public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 10_000_000L;
  /** The default longest string value, in characters: 1 million. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1_000_000;

  private static final IptJson STRICT = builder().build();

  private final JsonSettings settings;
  private volatile JsonMapper mapper;

  private IptJson(Builder builder) {
    this.settings = new JsonSettings(builder.lenient, builder.pretty, builder.maxDocumentLength,
        builder.maxStringLength);
  }

  /** The strict, compact reader and writer with the default limits. */
  public static IptJson strict() {
    return STRICT;
  }

  /** A builder of a reader and writer with other options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether unknown fields are ignored with a warning instead of rejected. */
  public boolean lenientUnknownFields() {
    return settings.lenient();
  }

  /** Whether courses are written indented (two spaces) rather than on one line. */
  public boolean prettyPrint() {
    return settings.pretty();
  }

  JsonSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads one course document.
   *
   * @throws CourseReadException if the text is not a valid course document
   */
  public TreatmentCourse readCourse(String json) {
    return readCourseWithWarnings(json).course();
  }

  /**
   * Reads one course document from bytes (UTF-8, or UTF-16/32 with detection). A leading byte
   * order mark is skipped; bytes that are not text in the detected encoding (an overlong or
   * out-of-range UTF-8 sequence, say) are refused as malformed, with their line and column.
   *
   * @throws CourseReadException if the bytes are not a valid course document
   */
  public TreatmentCourse readCourse(byte[] json) {
    return readCourseWithWarnings(json).course();
  }

  /**
   * Reads one course document from a stream, up to its end; the stream is not closed.
   *
   * @throws CourseReadException if the content is not a valid course document
   * @throws UncheckedIOException if the stream cannot be read
   */
  public TreatmentCourse readCourse(InputStream json) {
    return readCourseWithWarnings(json).course();
  }

  /**
   * Reads one course document and reports what a lenient reader ignored.
   *
   * @throws CourseReadException if the text is not a valid course document
   */
  public ReadResult readCourseWithWarnings(String json) {
    Objects.requireNonNull(json, "json");
    CourseReadException tooLong = CourseJsonReader.tooLong(json, null, json.length(),
        settings.maxDocumentLength());
    if (tooLong != null) {
      throw tooLong;
    }
    try (JsonParser parser = settings.documentParser(json)) {
      return read(parser);
    } catch (JacksonException e) {
      throw CourseJsonReader.unreadable(e, 0);
    }
  }

  /**
   * Reads one course document from bytes and reports what a lenient reader ignored.
   *
   * @throws CourseReadException if the bytes are not a valid course document
   */
  public ReadResult readCourseWithWarnings(byte[] json) {
    Objects.requireNonNull(json, "json");
    CourseReadException unfit = CourseJsonReader.tooLong(null, json, json.length,
        settings.maxDocumentLength());
    if (unfit == null) {
      unfit = Encodings.problemOf(json, 0, json.length, 0);
    }
    if (unfit != null) {
      throw unfit;
    }
    try (JsonParser parser = settings.documentParser(json, 0, json.length)) {
      return read(parser);
    } catch (JacksonException e) {
      throw CourseJsonReader.unreadable(e, 0);
    }
  }

  /**
   * Reads one course document from a stream (not closed) and reports what a lenient reader
   * ignored.
   *
   * @throws CourseReadException if the content is not a valid course document
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ReadResult readCourseWithWarnings(InputStream json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = settings.documentParser(Encodings.checked(json))) {
      return read(parser);
    } catch (JacksonException e) {
      throw CourseJsonReader.unreadable(e, 0);
    }
  }

  private ReadResult read(JsonParser parser) {
    List<ReadWarning> warnings = settings.lenient() ? new ArrayList<>() : null;
    TreatmentCourse course = new CourseJsonReader(parser, settings.lenient(), warnings, 0, 0)
        .readDocument();
    return new ReadResult(course, warnings == null ? List.of() : warnings);
  }

  /** A reader of batches (JSON arrays, NDJSON files, directories) with these options. */
  public CourseBatchReader batchReader() {
    return CourseBatchReader.of(this);
  }

  // ---------------------------------------------------------------- writing

  /** Writes one course document, pretty or compact as configured, without a final newline. */
  public String writeCourse(TreatmentCourse course) {
    Objects.requireNonNull(course, "course");
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = settings.generator(out, settings.pretty())) {
      CourseJsonWriter.writeCourse(generator, course);
    }
    return out.toString();
  }

  /**
   * Writes one course document as UTF-8 to {@code out}, pretty or compact as configured, without
   * a final newline; the stream is flushed, not closed.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void writeCourse(TreatmentCourse course, OutputStream out) {
    Objects.requireNonNull(course, "course");
    try (JsonGenerator generator = settings.generator(out, settings.pretty())) {
      CourseJsonWriter.writeCourse(generator, course);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    }
  }

  /**
   * Writes courses as NDJSON: each compact on one line ending in a newline, in the order given,
   * one at a time (pass {@code stream::iterator} to write a stream without collecting it). The
   * stream is flushed, not closed.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void writeNdjson(Iterable<? extends TreatmentCourse> courses, OutputStream out) {
    Objects.requireNonNull(courses, "courses");
    Objects.requireNonNull(out, "out");
    try {
      for (TreatmentCourse course : courses) {
        try (JsonGenerator generator = settings.generator(out, false)) {
          CourseJsonWriter.writeCourse(generator, course);
        }
        out.write('\n');
      }
      out.flush();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- Jackson and schema

  /**
   * A Jackson mapper configured like this instance: the same limits and duplicate detection,
   * unknown properties failing, trailing tokens failing, and the {@link IptJsonModule}, so a host
   * can read and write courses (and their parts) inside its own documents. A course read through
   * it fails with a {@link tools.jackson.databind.DatabindException} whose cause is the
   * {@link CourseReadException}.
   */
  public JsonMapper mapper() {
    JsonMapper result = mapper;
    if (result == null) {
      synchronized (this) {
        result = mapper;
        if (result == null) {
          JsonMapper.Builder builder = JsonMapper.builder(settings.mapperFactory())
              .addModule(new IptJsonModule(settings.lenient()))
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
          if (settings.pretty()) {
            builder.enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPrettyPrinter(new CoursePrettyPrinter());
          }
          result = builder.build();
          mapper = result;
        }
      }
    }
    return result;
  }

  /**
   * The JSON Schema (draft 2020-12) of a course document, as published with this library: every
   * field, required field and enumeration of format.md §1, with item counts and ranges per
   * instrument.
   */
  public static String courseSchema() {
    try (InputStream in = IptJson.class.getResourceAsStream("schema/course.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("course.schema.json is missing from the iptkit jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds an {@link IptJson}: strict and compact unless told otherwise. */
  public static final class Builder {
    private boolean lenient;
    private boolean pretty;
    private long maxDocumentLength = DEFAULT_MAX_DOCUMENT_LENGTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

    private Builder() {}

    /**
     * Whether unknown fields (for example from a newer minor version of the format) are ignored
     * with a {@link ReadWarning} instead of rejected; default false.
     */
    public Builder lenientUnknownFields(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /** Whether courses are written indented with two spaces; default false (one line). */
    public Builder prettyPrint(boolean pretty) {
      this.pretty = pretty;
      return this;
    }

    /**
     * The longest course document (or batch record) accepted, in bytes (characters for text);
     * default {@link IptJson#DEFAULT_MAX_DOCUMENT_LENGTH}.
     */
    public Builder maxDocumentLength(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxDocumentLength must be >= 1, was " + bytes);
      }
      this.maxDocumentLength = bytes;
      return this;
    }

    /** The longest string value accepted, in characters; default 1 million. */
    public Builder maxStringLength(int characters) {
      if (characters < 1) {
        throw new IllegalArgumentException("maxStringLength must be >= 1, was " + characters);
      }
      this.maxStringLength = characters;
      return this;
    }

    /** The configured reader and writer. */
    public IptJson build() {
      return new IptJson(this);
    }
  }
}
