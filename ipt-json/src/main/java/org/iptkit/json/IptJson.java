package org.iptkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.internal.CourseJsonReader;
import org.iptkit.json.internal.CourseJsonWriter;
import org.iptkit.json.internal.CoursePrettyPrinter;
import org.iptkit.json.internal.CourseScanner;
import org.iptkit.json.internal.EncodedReport;
import org.iptkit.json.internal.Encodings;
import org.iptkit.json.internal.JsonSchemas;
import org.iptkit.json.internal.JsonSettings;
import org.iptkit.json.internal.JsonTree;
import org.iptkit.json.internal.ProfileJsonReader;
import org.iptkit.json.internal.ProfileJsonWriter;
import org.iptkit.json.internal.ReportJsonReader;
import org.iptkit.json.internal.ReportJsonWriter;
import org.iptkit.json.internal.ToolPlumbing;
import org.iptkit.json.internal.WireFormat;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.RuleCatalog;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point of the JSON layer: reads and writes IPT treatment courses, protocol profiles
 * and fidelity reports in the wire format of docs/format.md, strictly by default; writes cohort
 * reports, next-session agendas and the rule catalog; streams many reports as a JSON array, NDJSON
 * or CSV ({@link #reportWriter(OutputStream, ReportFormat)}); and hands out the published JSON
 * Schemas ({@link #schema(String)}). An instance is immutable, thread-safe and meant to be built
 * once and reused.
 *
 * <pre>{@code
 * IptJson json = IptJson.strict();
 * TreatmentCourse course = json.readCourse(Files.readAllBytes(path));  // or JsonReadException
 * String text = json.writeCourse(course);                               // compact, deterministic
 *
 * IptJson tolerant = IptJson.builder().lenientUnknownFields(true).prettyPrint(true).build();
 * ReadResult result = tolerant.readCourseWithWarnings(text);
 * result.warnings().forEach(w -> log(w.pointer()));                      // ignored fields
 *
 * ProtocolProfile trial = json.readProfile(profileText, ProtocolRegistry.builtIn());
 * String report = json.writeReport(FidelityChecker.of(trial).check(course));
 * }</pre>
 *
 * <p>Reading rejects, with a {@link JsonReadException} naming the JSON Pointer, line, column
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
  public static final int DEFAULT_MAX_STRING_LENGTH = WireFormat.MAX_STRING;

  private static final IptJson STRICT = builder().build();

  static {
    ToolPlumbing.lend(new ToolPlumbing.Lender() {
      @Override
      public JsonSettings settings(IptJson json) {
        return json.settings;
      }

      @Override
      public EncodedReport encode(ReportWriter writer, FidelityReport report) {
        return writer.encode(report);
      }

      @Override
      public void write(ReportWriter writer, EncodedReport report) {
        writer.write(report);
      }
    });
  }

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
   * Reads one course document. A leading byte order mark (U+FEFF) is skipped, as in bytes;
   * columns in errors count characters (in bytes they count bytes).
   *
   * @throws JsonReadException if the text is not a valid course document
   */
  public TreatmentCourse readCourse(String json) {
    return readCourseWithWarnings(json).course();
  }

  /**
   * Reads one course document from bytes (UTF-8, or UTF-16/32 with detection). A leading byte
   * order mark is skipped; bytes that are not text in the detected encoding (an overlong or
   * out-of-range UTF-8 sequence, say) are refused as malformed, with their line and column.
   *
   * @throws JsonReadException if the bytes are not a valid course document
   */
  public TreatmentCourse readCourse(byte[] json) {
    return readCourseWithWarnings(json).course();
  }

  /**
   * Reads one course document from a stream, up to its end; the stream is not closed.
   *
   * @throws JsonReadException if the content is not a valid course document
   * @throws UncheckedIOException if the stream cannot be read
   */
  public TreatmentCourse readCourse(InputStream json) {
    return readCourseWithWarnings(json).course();
  }

  /**
   * Reads one course document and reports what a lenient reader ignored.
   *
   * @throws JsonReadException if the text is not a valid course document
   */
  public ReadResult readCourseWithWarnings(String json) {
    Objects.requireNonNull(json, "json");
    return parse(() -> settings.courseParser(withinLimit(json)), this::read);
  }

  /**
   * Reads one course document from bytes and reports what a lenient reader ignored.
   *
   * @throws JsonReadException if the bytes are not a valid course document
   */
  public ReadResult readCourseWithWarnings(byte[] json) {
    Objects.requireNonNull(json, "json");
    JsonReadException unfit = CourseJsonReader.tooLong(null, json, json.length,
        settings.maxDocumentLength());
    if (unfit == null) {
      // The fast path for the plain form; anything else, errors included, is the reader's.
      TreatmentCourse scanned = CourseScanner.scan(json, 0, json.length,
          settings.maxStringLength());
      if (scanned != null) {
        return new ReadResult(scanned, List.of());
      }
      unfit = Encodings.problemOf(json, 0, json.length, 0);
    }
    if (unfit != null) {
      throw unfit;
    }
    return parse(() -> settings.courseParser(json, 0, json.length), this::read);
  }

  /**
   * Reads one course document from a stream (not closed) and reports what a lenient reader
   * ignored.
   *
   * @throws JsonReadException if the content is not a valid course document
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ReadResult readCourseWithWarnings(InputStream json) {
    Objects.requireNonNull(json, "json");
    return parse(() -> settings.courseParser(Encodings.checked(json)), this::read);
  }

  /** The text, unless it is longer than the longest document accepted. */
  private String withinLimit(String json) {
    JsonReadException tooLong = CourseJsonReader.tooLong(json, null, json.length(),
        settings.maxDocumentLength());
    if (tooLong != null) {
      throw tooLong;
    }
    return json;
  }

  /** Reads a document with {@code read} from the parser {@code open} gives: the one way in. */
  private static <T> T parse(Supplier<JsonParser> open, Function<JsonParser, T> read) {
    try (JsonParser parser = open.get()) {
      return read.apply(parser);
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
    return writeString(g -> CourseJsonWriter.writeCourse(g, course));
  }

  /**
   * Writes one course document as UTF-8 to {@code out}, pretty or compact as configured, without
   * a final newline; the stream is flushed, not closed.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void writeCourse(TreatmentCourse course, OutputStream out) {
    Objects.requireNonNull(course, "course");
    writeStream(out, g -> CourseJsonWriter.writeCourse(g, course));
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

  // ---------------------------------------------------------------- protocol profiles

  /**
   * Reads a protocol profile (docs/format.md, Protocol profile): a trial's own protocol, or a
   * built-in one as {@link #writeProfile(ProtocolProfile)} writes it. With {@code basedOn} the
   * profile starts from that profile of {@code registry} and overrides only what it gives: nested
   * objects field by field ({@code "sessions": {"max": 12}} keeps the parent's {@code min}, {@code
   * "rules"} adds to the parent's rule settings), arrays and scalars whole; an optional parameter
   * given as {@code null} ({@code source}, {@code phases.initial}, {@code phases.termination},
   * {@code measurement.deteriorationPoints}, {@code completer.minSessions}) is unset rather than
   * inherited, as in JSON Merge Patch (RFC 7386). Without {@code basedOn} every required
   * parameter must be given: {@code id}, {@code title}, {@code sessions}, {@code sessionMinutes},
   * {@code maxGapDays}, {@code maxSpanWeeks}, {@code minAttendance},
   * {@code phases.endingLeadSessions}, {@code measurement.primary},
   * {@code measurement.maxInterval} and {@code sickRole}. The profile read is not added to the
   * registry; do that with {@link ProtocolRegistry#with(ProtocolProfile)}.
   *
   * <p>Reading is always strict (whatever {@link #lenientUnknownFields()} says): an unknown field,
   * a wrong type, an unknown enumeration value, an unknown rule code in {@code rules} (the message
   * lists the known codes), rule M04 switched off or lowered below ERROR, an unknown
   * {@code basedOn} (the message lists the registry's ids), a missing required parameter (the
   * message lists all of them) and a value the profile does not allow (a negative gap, a minimum
   * above its maximum) are each a {@link JsonReadException} naming the JSON Pointer, line and
   * column.
   *
   * <pre>{@code
   * ProtocolRegistry registry = ProtocolRegistry.builtIn();
   * ProtocolProfile trial = IptJson.strict().readProfile(Files.readString(path), registry);
   * registry = registry.with(trial);
   * }</pre>
   *
   * @throws JsonReadException if the text is not a valid protocol profile
   */
  public ProtocolProfile readProfile(String json, ProtocolRegistry registry) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(registry, "registry");
    return parse(() -> settings.documentParser(withinLimit(json)), p -> profile(p, registry));
  }

  /**
   * Reads a protocol profile from a stream (UTF-8, or UTF-16/32 with detection), up to its end;
   * the stream is not closed. See {@link #readProfile(String, ProtocolRegistry)}.
   *
   * @throws JsonReadException if the content is not a valid protocol profile
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ProtocolProfile readProfile(InputStream json, ProtocolRegistry registry) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(registry, "registry");
    return parse(() -> settings.documentParser(Encodings.checked(json)),
        p -> profile(p, registry));
  }

  private static ProtocolProfile profile(JsonParser parser, ProtocolRegistry registry) {
    return ProfileJsonReader.read(
        JsonTree.read(parser, "a protocol profile", ProfileJsonReader.FIELD_NAMES), registry);
  }

  /**
   * Writes a protocol profile complete, in the shape of docs/format.md, Protocol profile (what
   * {@code ipt protocols --show ID} prints), so a researcher can copy a built-in profile and edit
   * it: {@code id}, {@code title}, {@code basedOn} and {@code source} where present, then every
   * parameter in the documented order, defaults included. A profile without acute phases
   * ({@code ipt-m-monthly}) has no {@code phases.initial} and {@code phases.termination}; its
   * {@code phases} keeps {@code endingLeadSessions}. Unset optional parameters
   * ({@code measurement.deteriorationPoints}: the instrument's default; {@code
   * completer.minSessions}: no completer definition) are left out, or written as {@code null} in a
   * profile with {@code basedOn}, so they are not inherited on reading. The result reads back equal
   * with {@link #readProfile(String, ProtocolRegistry)}. Pretty or compact as configured, without
   * a final newline.
   */
  public String writeProfile(ProtocolProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return writeString(g -> ProfileJsonWriter.write(g, profile));
  }

  /**
   * Writes a protocol profile as UTF-8 to {@code out} (see {@link #writeProfile(ProtocolProfile)});
   * the stream is flushed, not closed.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void writeProfile(ProtocolProfile profile, OutputStream out) {
    Objects.requireNonNull(profile, "profile");
    writeStream(out, g -> ProfileJsonWriter.write(g, profile));
  }

  // ---------------------------------------------------------------- reports

  /**
   * Writes the fidelity report of one course in the shape of docs/format.md, Fidelity report:
   * {@code courseId}, {@code protocol}, {@code status}, {@code summary} (adherence overall and by
   * domain letter, counts per severity), {@code outcome} (absent values left out), {@code results}
   * in catalog order (with the reason of a NOT_APPLICABLE rule) and {@code findings} sorted by path
   * then rule (with {@code session} and {@code protocolPath} where known). Adherence is written
   * with at most four decimals ({@code 0.9333}, {@code 1.0}), rounded half up, so the output is the
   * same bytes for the same report on every platform.
   *
   * <p>The report's therapist reference is <b>not</b> written: it is a staff identifier that only
   * the cohort report uses, as a grouping key, and a per-course report is often passed on (to a
   * supervisor, a trial monitor) where it has no use. Pretty or compact as configured, without a
   * final newline.
   */
  public String writeReport(FidelityReport report) {
    Objects.requireNonNull(report, "report");
    return writeString(g -> ReportJsonWriter.writeReport(g, report));
  }

  /**
   * Writes the fidelity report of one course as UTF-8 to {@code out} (see
   * {@link #writeReport(FidelityReport)}); the stream is flushed, not closed.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void writeReport(FidelityReport report, OutputStream out) {
    Objects.requireNonNull(report, "report");
    writeStream(out, g -> ReportJsonWriter.writeReport(g, report));
  }

  /**
   * Reads a fidelity report as {@link #writeReport(FidelityReport)} writes it, strictly (whatever
   * {@link #lenientUnknownFields()} says): unknown or missing fields, wrong types, unknown
   * enumeration values, ratios outside 0..1, negative counts, paths that are not JSON Pointers and
   * results that disagree with the findings are each a {@link JsonReadException}. Each rule result
   * gets the findings of its rule. The report read has no therapist reference, and its ratios
   * carry the four decimals they were written with.
   *
   * @throws JsonReadException if the text is not a valid fidelity report
   */
  public FidelityReport readReport(String json) {
    Objects.requireNonNull(json, "json");
    return parse(() -> settings.documentParser(withinLimit(json)), IptJson::report);
  }

  /**
   * Reads a fidelity report from a stream, up to its end; the stream is not closed. See
   * {@link #readReport(String)}.
   *
   * @throws JsonReadException if the content is not a valid fidelity report
   * @throws UncheckedIOException if the stream cannot be read
   */
  public FidelityReport readReport(InputStream json) {
    Objects.requireNonNull(json, "json");
    return parse(() -> settings.documentParser(Encodings.checked(json)), IptJson::report);
  }

  private static FidelityReport report(JsonParser parser) {
    return ReportJsonReader.read(
        JsonTree.read(parser, "a fidelity report", ReportJsonReader.FIELD_NAMES));
  }

  /**
   * A writer of many courses' reports to one stream, in a JSON array (each report pretty or
   * compact as configured), as NDJSON or as CSV with one finding per row; see
   * {@link ReportWriter}. Nothing is written until the first report (or {@code close()}).
   */
  public ReportWriter reportWriter(OutputStream out, ReportFormat format) {
    return new ReportWriter(out, format, settings);
  }

  /**
   * A writer of the per-course table ({@link CourseTable}, {@link ReportFormat#COURSE_TABLE}) to
   * one stream, one row per report as it is given; with {@code withTherapist} the table has the
   * {@code therapistRef} column after {@code courseId} (for tables a researcher groups by
   * therapist; the per-course reports themselves never carry it).
   */
  public ReportWriter courseTableWriter(OutputStream out, boolean withTherapist) {
    return new ReportWriter(out, ReportFormat.COURSE_TABLE, settings, withTherapist);
  }

  /**
   * Writes a cohort report ({@link #cohortSchema()}, docs/cohort.md): {@code courses},
   * {@code byStatus} (every status), {@code sessionsAttended} (mean, median and the distribution
   * by number of sessions), {@code meanAdherence} and its {@code adherenceInterval},
   * {@code outcomes} (completer share, completer analysis, all who started, maintenance on its
   * own, over explicit denominators) and the same {@code byProfile}, {@code rules} (per rule
   * applicable and passed courses and their share, in catalog order), {@code ratings} and
   * {@code reliability} (observer ratings per scale, ICC(2,1) with its interval),
   * {@code therapists} (per therapist reference the same blocks; the courses without a therapist
   * last, without {@code therapistRef}) and {@code coursesWithErrors} (the ids of the courses
   * with ERROR findings, numbers inside ids compared as numbers). Every proportion is
   * {@code {"count", "n", "rate", "lower", "upper"}} with its 95 % Wilson interval (no rate or
   * interval when n is 0). Unlike the per-course report, therapist references are written here:
   * they are what the cohort is grouped by. Ratios and means have at most four decimals. Pretty
   * or compact as configured. For a large cohort prefer
   * {@link #writeCohortReport(CohortReport, OutputStream)}, which never holds the document.
   */
  public String writeCohortReport(CohortReport report) {
    Objects.requireNonNull(report, "report");
    return writeString(g -> ReportJsonWriter.writeCohort(g, report));
  }

  /**
   * Writes a cohort report as UTF-8 to {@code out} (see {@link #writeCohortReport(CohortReport)});
   * the stream is flushed, not closed.
   *
   * @throws UncheckedIOException if the stream cannot be written
   */
  public void writeCohortReport(CohortReport report, OutputStream out) {
    Objects.requireNonNull(report, "report");
    writeStream(out, g -> ReportJsonWriter.writeCohort(g, report));
  }

  /**
   * Writes the next-session agenda of a course ({@code ipt agenda}): {@code protocol},
   * {@code status}, the {@code reason} a course has no agenda, {@code nextSessionNumber},
   * {@code nextSessionDate}, {@code nextPhase}, {@code sessionsAttended},
   * {@code plannedSessions}, {@code sessionsRemaining} (absent values left out) and the
   * {@code items} (each with {@code kind}, and where known {@code rule}, {@code task},
   * {@code instrument}, {@code message} and {@code sinceSession}), overdue first. Pretty or
   * compact as configured.
   */
  public String writeAgenda(Agenda agenda) {
    Objects.requireNonNull(agenda, "agenda");
    return writeString(g -> ReportJsonWriter.writeAgenda(g, agenda));
  }

  /**
   * Writes the rule catalog ({@code ipt rules --format json}): an array of every rule in catalog
   * order with its {@code code}, {@code name}, {@code defaultSeverity}, {@code domain} (the
   * letter), {@code domainTitle}, {@code checks}, {@code rationale}, {@code source} and
   * {@code canBeSwitchedOff}. Pretty or compact as configured.
   */
  public String writeRuleCatalog() {
    return writeString(g -> ReportJsonWriter.writeCatalog(g, RuleCatalog.all()));
  }

  private String writeString(Consumer<JsonGenerator> document) {
    return writeString(settings.pretty(), document);
  }

  private String writeString(boolean pretty, Consumer<JsonGenerator> document) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = settings.generator(out, pretty)) {
      document.accept(generator);
    }
    return out.toString();
  }

  private void writeStream(OutputStream out, Consumer<JsonGenerator> document) {
    Objects.requireNonNull(out, "out");
    try (JsonGenerator generator = settings.generator(out, settings.pretty())) {
      document.accept(generator);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    }
  }

  // ---------------------------------------------------------------- Jackson and schema

  /**
   * A Jackson mapper configured like this instance: the same limits and duplicate detection,
   * unknown properties failing, trailing tokens failing, and the {@link IptJsonModule}, so a host
   * can read and write courses (and their parts) inside its own documents. An invalid course
   * read through it fails with a {@link tools.jackson.databind.DatabindException} whose cause is
   * the {@link JsonReadException}. What lies around the course is the mapper's to read, so an
   * empty input or content after the value fails as Jackson reports it (a
   * {@link tools.jackson.databind.exc.MismatchedInputException} without that cause); use
   * {@link #readCourse(String)} and its siblings for the library's "empty input" and "trailing
   * content" errors.
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

  /** The name of the cohort report's schema, the one schema not generated from the descriptors. */
  private static final String COHORT_SCHEMA = "cohort";

  /** The names of the published schemas, for {@link #schema(String)}. */
  public static final List<String> SCHEMA_NAMES =
      java.util.stream.Stream.concat(
          WireFormat.DOCUMENTS.stream().map(WireFormat.Document::name),
          java.util.stream.Stream.of(COHORT_SCHEMA)).toList();

  private static final Map<String, String> SCHEMAS = new ConcurrentHashMap<>();

  /**
   * The JSON Schema (draft 2020-12) of a course document, as published with this library: every
   * field, required field and enumeration of docs/format.md, Course, with item counts and ranges
   * per instrument; same as {@code schema("course")}.
   */
  public static String courseSchema() {
    return schema("course");
  }

  /**
   * The JSON Schema (draft 2020-12) of a protocol profile document (docs/format.md, Protocol
   * profile): every parameter, the enumerations (sick role, instrument, techniques, rule settings),
   * the rule codes a {@code rules} object may name (M04 only ERROR), and every required parameter
   * when there is no {@code basedOn}; same as {@code schema("protocol")}.
   */
  public static String protocolSchema() {
    return schema("protocol");
  }

  /**
   * The JSON Schema (draft 2020-12) of a cohort report ({@link #writeCohortReport(CohortReport)}):
   * every block, every proportion with its numerator, denominator and Wilson interval.
   */
  public static String cohortSchema() {
    return schemaResource("cohort");
  }

  /**
   * The JSON Schema of a protocol profile document, under its former name.
   *
   * @deprecated use {@link #protocolSchema()}, named like {@code schema("protocol")}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static String profileSchema() {
    return protocolSchema();
  }

  /**
   * The JSON Schema (draft 2020-12) of a fidelity report document (docs/format.md, Fidelity
   * report); same as {@code schema("report")}.
   */
  public static String reportSchema() {
    return schema("report");
  }

  /**
   * A published JSON Schema by name, as {@code ipt schema NAME} prints it (and as the files under
   * {@code docs/schema/} hold it, without their final newline): {@code "course"},
   * {@code "protocol"}, {@code "report"} or {@code "cohort"}. The course, protocol and report
   * schemas are generated from the same description of the wire format that the readers use, so they list exactly the fields
   * and enumeration values the readers accept; the cohort report, which iptkit writes but does not
   * read, has a schema of its own kept against the writer by tests.
   *
   * @throws IllegalArgumentException for another name, listing the known names
   */
  public static String schema(String name) {
    Objects.requireNonNull(name, "name");
    if (COHORT_SCHEMA.equals(name)) {
      return SCHEMAS.computeIfAbsent(name, IptJson::schemaResource);
    }
    for (WireFormat.Document document : WireFormat.DOCUMENTS) {
      if (document.name().equals(name)) {
        return SCHEMAS.computeIfAbsent(name, n -> STRICT.writeString(true,
            g -> JsonSchemas.write(g, document)));
      }
    }
    throw new IllegalArgumentException("unknown schema '" + name + "'; known schemas: "
        + String.join(", ", SCHEMA_NAMES));
  }

  private static String schemaResource(String name) {
    String file = name + ".schema.json";
    try (InputStream in = IptJson.class.getResourceAsStream("schema/" + file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing from the iptkit jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
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
