package org.iptkit.json.internal;

import java.io.CharConversionException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Formulation;
import org.iptkit.core.Grief;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.InvalidValueException;
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.TransitionKind;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.ReadWarning;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * A hand-written streaming reader of the course format (docs/format.md, Course) over one Jackson
 * {@link JsonParser}. It walks the tokens once, calls the public core builders and turns every
 * problem into a {@link JsonReadException} naming the JSON Pointer (taken from the parser's own
 * path), the line and column, and what was expected. Values are never quoted from free-text or
 * reference fields; only enumeration values, numbers, dates and schema versions are, and only when
 * they look like one.
 *
 * <p>One instance reads from one parser and is not thread-safe; create one per parser.
 */
public final class CourseJsonReader {
  /** The newest major version of the format this reader understands. */
  public static final int SUPPORTED_MAJOR = 1;

  static final String DATE = "a date YYYY-MM-DD";
  private static final String INTEGER = "an integer";
  private static final String STRING = "a string";
  private static final String BOOLEAN = "true or false";

  private static final String[] COURSE = {"schemaVersion", "courseId", "patientRef",
      "therapistRef", "protocol", "status", "contracts", "inventories", "problemAreas",
      "formulation", "sessions", "measures", "fidelityRatings", "endedOn"};
  private static final String[] CONTRACT = {"kind", "agreedOn", "plannedSessions", "frequency",
      "sessionMinutes", "goals"};
  private static final String[] INVENTORY = {"takenOn", "people"};
  private static final String[] PERSON = {"id", "relationship", "circle", "contact", "confidant",
      "conflict", "changedNearOnset", "deceased", "diedOn", "satisfying", "unsatisfying",
      "expectationsMet", "desiredChange"};
  private static final String[] AREA = {"type", "primary", "personId", "stage", "fromRole",
      "toRole", "transition"};
  private static final String[] FORMULATION = {"sharedOn", "areas", "patientAgreed"};
  private static final String[] SESSION = {"number", "date", "minutes", "attendance", "phase",
      "setting", "modality", "cpt", "tasks", "techniques", "focus", "measures"};
  private static final String[] MEASURE = {"instrument", "items", "total", "date"};
  private static final String[] RATING = {"session", "scale", "rater", "items"};
  /** The most fields an object of the format has (a course: 14). */
  private static final int MAX_FIELDS = 16;

  // Field names are matched by Jackson from the bytes of the name, without a String per name.
  private static final PropertyNameMatcher COURSE_NAMES = matcher(COURSE);
  private static final PropertyNameMatcher CONTRACT_NAMES = matcher(CONTRACT);
  private static final PropertyNameMatcher INVENTORY_NAMES = matcher(INVENTORY);
  private static final PropertyNameMatcher PERSON_NAMES = matcher(PERSON);
  private static final PropertyNameMatcher AREA_NAMES = matcher(AREA);
  private static final PropertyNameMatcher FORMULATION_NAMES = matcher(FORMULATION);
  private static final PropertyNameMatcher SESSION_NAMES = matcher(SESSION);
  private static final PropertyNameMatcher MEASURE_NAMES = matcher(MEASURE);
  private static final PropertyNameMatcher RATING_NAMES = matcher(RATING);

  private static PropertyNameMatcher matcher(String[] names) {
    List<Named> named = new java.util.ArrayList<>();
    for (String name : names) {
      named.add(Named.fromString(name));
    }
    return BinaryNameMatcher.constructFrom(named, false);
  }

  /** Every field name of the format: only these may appear in the pointer of a syntax error. */
  private static final java.util.Set<String> FIELD_NAMES = fieldNames();

  private static java.util.Set<String> fieldNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String[] kind : new String[][] {COURSE, CONTRACT, INVENTORY, PERSON, AREA, FORMULATION,
        SESSION, MEASURE, RATING}) {
      if (kind.length > MAX_FIELDS) {
        throw new IllegalStateException("more fields than MAX_FIELDS");
      }
      names.addAll(List.of(kind));
    }
    return java.util.Set.copyOf(names);
  }

  private final JsonParser p;
  private final TokenPositions positions;
  private final boolean lenient;
  private final List<ReadWarning> warnings;
  private final int lineOffset;
  private final long recordLimit;
  private long recordStart;
  private boolean versionSeen;
  private Scope[] scopes = new Scope[8];
  private long lastSessionNumberAt = TokenPositions.NONE;
  private long lastPersonIdAt = TokenPositions.NONE;

  /**
   * A reader over {@code parser}.
   *
   * @param parser the parser to read from
   * @param lenient whether unknown fields are ignored (with a warning) instead of rejected
   * @param warnings where warnings go, or null to drop them
   * @param lineOffset added to every reported line (NDJSON: the line of the record minus one)
   * @param recordLimit the largest record in bytes or characters, or 0 for no limit of our own
   */
  public CourseJsonReader(JsonParser parser, boolean lenient, List<ReadWarning> warnings,
      int lineOffset, long recordLimit) {
    this.p = parser;
    this.positions = new TokenPositions(parser);
    this.lenient = lenient;
    this.warnings = warnings;
    this.lineOffset = lineOffset;
    this.recordLimit = recordLimit;
  }

  // ---------------------------------------------------------------- entry points

  /**
   * Reads a whole input holding exactly one course document: fails on empty input and on anything
   * after the document.
   */
  public TreatmentCourse readDocument() {
    try {
      if (p.nextToken() == null) {
        throw emptyInput();
      }
      TreatmentCourse course = readCourseValue();
      JsonToken after;
      try {
        after = p.nextToken();
      } catch (StreamConstraintsException e) {
        throw fromJackson(e);
      } catch (JacksonIOException e) {
        throw ioFailure(e);
      } catch (JacksonException e) {
        throw trailing(location(e));
      }
      if (after != null) {
        throw trailing(p.currentTokenLocation());
      }
      return course;
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw fromJackson(e);
    }
  }

  /** The "empty input" error at the parser's current location. */
  public JsonReadException emptyInput() {
    return error(Problem.EMPTY_INPUT, "", p.currentLocation(), "a course document",
        "empty input, expected a course document");
  }

  private JsonReadException trailing(TokenStreamLocation at) {
    return error(Problem.TRAILING_CONTENT, "", at, "the end of the input",
        "trailing content after the course document, expected the end of the input");
  }

  /**
   * Reads the value of type {@code type} (a course or one of its parts) that starts at the
   * parser's current token, leaving the parser on the value's last token.
   */
  public <T> T readValue(Class<T> type) {
    try {
      Object value;
      if (type == TreatmentCourse.class) {
        value = readCourseValue();
      } else if (type == Session.class) {
        value = readSession();
      } else if (type == Measure.class) {
        value = readMeasure();
      } else if (type == Contract.class) {
        value = readContract();
      } else if (type == InterpersonalInventory.class) {
        value = readInventory();
      } else if (type == Person.class) {
        value = readPerson();
      } else if (type == ProblemArea.class) {
        value = readProblemArea();
      } else if (type == Formulation.class) {
        value = readFormulation();
      } else if (type == FidelityRating.class) {
        value = readRating();
      } else {
        throw new IllegalArgumentException("not a part of a course: " + type.getName());
      }
      return type.cast(value);
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw fromJackson(e);
    }
  }

  /**
   * Skips forward until the parser's nesting depth is {@code depth} again: after a bad record of a
   * batch, this moves to the record's last token so reading can go on with the next one.
   */
  public void skipTo(int depth) {
    try {
      while (p.streamReadContext().getNestingDepth() > depth) {
        if (p.nextToken() == null) {
          return;
        }
      }
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      throw fromJackson(e);
    }
  }

  // ---------------------------------------------------------------- the course

  private TreatmentCourse readCourseValue() {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType("a course object");
    }
    recordStart = positions.currentOffset();
    versionSeen = false;
    int containerDepth = p.streamReadContext().getNestingDepth() - 1;
    try {
      return readCourse();
    } catch (JsonReadException e) {
      if (!versionSeen && e.problem() != Problem.MALFORMED_JSON
          && e.problem() != Problem.LIMIT_EXCEEDED) {
        JsonReadException newer = newerVersionLater(containerDepth);
        if (newer != null) {
          throw newer;
        }
      }
      throw e;
    }
  }

  private TreatmentCourse readCourse() {
    Scope o = scope(COURSE, COURSE_NAMES);
    TreatmentCourse.Builder b = TreatmentCourse.builder();
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> {
          versionSeen = true;
          readVersion();
        }
        case 1 -> b.courseId(readString());
        case 2 -> b.patientRef(readString());
        case 3 -> b.therapistRef(readString());
        case 4 -> b.protocol(readString());
        case 5 -> b.status(readEnum(EnumCodec.STATUS));
        case 6 -> readArray("an array of contracts", i -> b.addContract(readContract()));
        case 7 -> readArray("an array of inventories", i -> b.addInventory(readInventory()));
        case 8 -> readArray("an array of problem areas", i -> b.addProblemArea(readProblemArea()));
        case 9 -> b.formulation(readFormulation());
        case 10 -> readArray("an array of sessions", i -> {
          b.addSession(readSession());
          o.spot("sessions", i, "number", lastSessionNumberAt);
        });
        case 11 -> readArray("an array of measures", i -> b.addMeasure(readMeasure()));
        case 12 -> readArray("an array of fidelity ratings", i -> b.addFidelityRating(readRating()));
        case 13 -> b.endedOn(readDate());
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, "a schema version such as \"1.0\"");
    o.require(1, STRING);
    o.require(4, STRING);
    o.require(5, EnumCodec.STATUS.oneOf());
    o.require(10, "an array of sessions");
    return o.build(b::build);
  }

  private void readVersion() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType("a schema version such as \"1.0\"");
    }
    JsonReadException problem = checkVersion(p.getString(), p.currentTokenLocation());
    if (problem != null) {
      throw problem;
    }
  }

  private JsonReadException checkVersion(String version, TokenStreamLocation at) {
    int dot = version.indexOf('.');
    // As the schema's pattern: a major without leading zeros, a minor of at most 11 digits.
    boolean wellFormed = dot > 0 && dot < version.length() - 1 && dot <= 6
        && version.length() <= dot + 12 && (dot == 1 || version.charAt(0) != '0')
        && digits(version, 0, dot)
        && digits(version, dot + 1, version.length());
    String expected = "a schema version " + SUPPORTED_MAJOR + ".x such as \"1.0\"";
    if (!wellFormed) {
      return error(Problem.UNKNOWN_VALUE, here(), at, expected,
          "expected " + expected + ", got " + JsonErrors.describeString(version, JsonErrors.Quote.VERSION));
    }
    int major = Integer.parseInt(version.substring(0, dot));
    if (major > SUPPORTED_MAJOR) {
      return error(Problem.UNSUPPORTED_VERSION, here(), at, expected,
          "schema version " + version + " is newer than this reader supports, expected "
              + expected + "; read it with a newer iptkit");
    }
    if (major < SUPPORTED_MAJOR) {
      return error(Problem.UNKNOWN_VALUE, here(), at, expected,
          "expected " + expected + ", got \"" + version + "\"");
    }
    return null;
  }

  /** The value of the decimal digits {@code c[from, to)}, already checked to be digits. */
  private static int number(char[] c, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (c[i] - '0');
    }
    return value;
  }

  private static boolean digits(char[] c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * After an error found before {@code schemaVersion} was read: looks for it in the rest of the
   * course object, so a document of a newer major version is refused for its version rather than
   * for its first unfamiliar field.
   */
  private JsonReadException newerVersionLater(int containerDepth) {
    try {
      while (p.streamReadContext().getNestingDepth() > containerDepth) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return null;
        }
        if (t == JsonToken.PROPERTY_NAME
            && p.streamReadContext().getNestingDepth() == containerDepth + 1
            && "schemaVersion".equals(p.currentName())
            && p.nextToken() == JsonToken.VALUE_STRING) {
          JsonReadException problem = checkVersion(p.getString(), p.currentTokenLocation());
          if (problem != null && problem.problem() == Problem.UNSUPPORTED_VERSION) {
            return problem;
          }
        }
      }
    } catch (JacksonException e) {
      return null;
    }
    return null;
  }

  // ---------------------------------------------------------------- parts

  private Contract readContract() {
    expectObject("a contract object");
    Scope o = scope(CONTRACT, CONTRACT_NAMES);
    Contract.Builder b = Contract.builder();
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> b.kind(readEnum(EnumCodec.CONTRACT_KIND));
        case 1 -> b.agreedOn(readDate());
        case 2 -> b.plannedSessions(readInt());
        case 3 -> b.frequency(readEnum(EnumCodec.FREQUENCY));
        case 4 -> b.sessionMinutes(readInt());
        case 5 -> readStrings(b::addGoal);
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, EnumCodec.CONTRACT_KIND.oneOf());
    o.require(1, DATE);
    return o.build(b::build);
  }

  private InterpersonalInventory readInventory() {
    expectObject("an inventory object");
    Scope o = scope(INVENTORY, INVENTORY_NAMES);
    InterpersonalInventory.Builder b = InterpersonalInventory.builder();
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> b.takenOn(readDate());
        case 1 -> readArray("an array of people", i -> {
          b.addPerson(readPerson());
          o.spot("people", i, "id", lastPersonIdAt);
        });
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, DATE);
    o.require(1, "an array of people");
    return o.build(b::build);
  }

  private Person readPerson() {
    expectObject("a person object");
    Scope o = scope(PERSON, PERSON_NAMES);
    Person.Builder b = Person.builder();
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> b.id(readString());
        case 1 -> b.relationship(readEnum(EnumCodec.RELATIONSHIP));
        case 2 -> b.circle(readInt());
        case 3 -> b.contact(readEnum(EnumCodec.CONTACT));
        case 4 -> b.confidant(readBoolean());
        case 5 -> b.conflict(readBoolean());
        case 6 -> b.changedNearOnset(readBoolean());
        case 7 -> b.deceased(readBoolean());
        case 8 -> b.diedOn(readDate());
        case 9 -> readStrings(b::addSatisfying);
        case 10 -> readStrings(b::addUnsatisfying);
        case 11 -> b.expectationsMet(readBoolean());
        case 12 -> b.desiredChange(readString());
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, STRING);
    lastPersonIdAt = o.spotOf("id");
    return o.build(b::build);
  }

  private ProblemArea readProblemArea() {
    expectObject("a problem area object");
    Scope o = scope(AREA, AREA_NAMES);
    ProblemAreaType type = null;
    boolean primary = false;
    String personId = null;
    String fromRole = null;
    String toRole = null;
    DisputeStage stage = null;
    TransitionKind transition = null;
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> type = readEnum(EnumCodec.AREA);
        case 1 -> primary = readBoolean();
        case 2 -> personId = readString();
        case 3 -> stage = readEnum(EnumCodec.STAGE);
        case 4 -> fromRole = readString();
        case 5 -> toRole = readString();
        case 6 -> transition = readEnum(EnumCodec.TRANSITION);
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, EnumCodec.AREA.oneOf());
    long allowed = switch (type) {
      case GRIEF -> bits(0, 1, 2);
      case ROLE_DISPUTE -> bits(0, 1, 2, 3);
      case ROLE_TRANSITION -> bits(0, 1, 4, 5, 6);
      case INTERPERSONAL_DEFICITS -> bits(0, 1);
    };
    o.onlyFieldsFor(allowed, type);
    boolean isPrimary = primary;
    Optional<String> person = Optional.ofNullable(personId);
    Optional<String> from = Optional.ofNullable(fromRole);
    Optional<String> to = Optional.ofNullable(toRole);
    Optional<DisputeStage> disputeStage = Optional.ofNullable(stage);
    Optional<TransitionKind> kind = Optional.ofNullable(transition);
    return switch (type) {
      case GRIEF -> o.build(() -> Grief.builder().primary(isPrimary).personId(person).build());
      case ROLE_DISPUTE -> o.build(() -> RoleDispute.builder().primary(isPrimary)
          .personId(person).stage(disputeStage).build());
      case ROLE_TRANSITION -> o.build(() -> RoleTransition.builder().primary(isPrimary)
          .fromRole(from).toRole(to).transition(kind).build());
      case INTERPERSONAL_DEFICITS ->
          o.build(() -> InterpersonalDeficits.builder().primary(isPrimary).build());
    };
  }

  private static long bits(int... fields) {
    long mask = 0;
    for (int field : fields) {
      mask |= 1L << field;
    }
    return mask;
  }

  private Formulation readFormulation() {
    expectObject("a formulation object");
    Scope o = scope(FORMULATION, FORMULATION_NAMES);
    Formulation.Builder b = Formulation.builder();
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> b.sharedOn(readDate());
        case 1 -> readEnumSet(EnumCodec.AREA, b::addArea);
        case 2 -> b.patientAgreed(readBoolean());
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, DATE);
    return o.build(b::build);
  }

  private Session readSession() {
    expectObject("a session object");
    Scope o = scope(SESSION, SESSION_NAMES);
    Session.Builder b = Session.builder();
    Attendance attendance = null;
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> b.number(readInt());
        case 1 -> b.date(readDate());
        case 2 -> b.minutes(readInt());
        case 3 -> {
          attendance = readEnum(EnumCodec.ATTENDANCE);
          b.attendance(attendance);
        }
        case 4 -> b.phase(readEnum(EnumCodec.PHASE));
        case 5 -> b.setting(readEnum(EnumCodec.SETTING));
        case 6 -> b.modality(readEnum(EnumCodec.MODALITY));
        case 7 -> b.cpt(readString());
        case 8 -> readEnumSet(EnumCodec.TASK, b::addTask);
        case 9 -> readEnumSet(EnumCodec.TECHNIQUE, b::addTechnique);
        case 10 -> readEnumSet(EnumCodec.AREA, b::addFocus);
        case 11 -> readArray("an array of measures", i -> b.addMeasure(readMeasure()));
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, INTEGER + " from 1");
    o.require(1, DATE);
    o.require(3, EnumCodec.ATTENDANCE.oneOf());
    if (attendance == Attendance.ATTENDED && !o.has(4)) {
      throw o.missing(4, EnumCodec.PHASE.oneOf() + " (an ATTENDED session needs its phase)");
    }
    lastSessionNumberAt = o.spotOf("number");
    return o.build(b::build);
  }

  private Measure readMeasure() {
    expectObject("a measure object");
    Scope o = scope(MEASURE, MEASURE_NAMES);
    Measure.Builder b = Measure.builder();
    Instrument instrument = null;
    int items = 0;
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> {
          instrument = readEnum(EnumCodec.INSTRUMENT);
          b.instrument(instrument);
        }
        case 1 -> items = readAnswers(o, b);
        case 2 -> b.total(readInt());
        case 3 -> b.date(readDate());
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, EnumCodec.INSTRUMENT.oneOf());
    if (!o.has(1) && !o.has(2)) {
      throw o.missing(1, "an array of item scores, or a total");
    }
    if (o.has(1) && items == 0) {
      // The model holds "no items" as an empty list (a total only), so an empty array would be
      // read as if it were absent and dropped on writing: it is a wrong number of items.
      throw error(Problem.INVALID_VALUE, o.pointer() + "/items", o.spotOf("items"),
          instrument.itemCount() + " item scores", instrument.displayName() + " has "
              + instrument.itemCount() + " items, 0 were given");
    }
    return o.build(b::build);
  }

  private FidelityRating readRating() {
    expectObject("a fidelity rating object");
    Scope o = scope(RATING, RATING_NAMES);
    FidelityRating.Builder b = FidelityRating.builder();
    for (int f; (f = o.nextField()) >= 0; ) {
      switch (f) {
        case 0 -> b.session(readInt());
        case 1 -> b.scale(readString());
        case 2 -> b.rater(readString());
        case 3 -> readInts(o, "items", b::addItem);
        default -> throw new AssertionError(f);
      }
    }
    o.require(0, INTEGER + " session number");
    o.require(1, "a scale identifier such as \"IPT-QAS\"");
    o.require(3, "an array of item scores");
    return o.build(b::build);
  }

  // ---------------------------------------------------------------- scalars and arrays

  private void expectObject(String expected) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(expected);
    }
  }

  private String readString() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(STRING);
    }
    return p.getString();
  }

  private boolean readBoolean() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongType(BOOLEAN);
  }

  private int readInt() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.INT) {
        return p.getIntValue();
      }
      throw error(Problem.WRONG_TYPE, here(), p.currentTokenLocation(), INTEGER,
          "expected " + INTEGER + ", got " + numberText() + ", which is out of range");
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(Problem.WRONG_TYPE, here(), p.currentTokenLocation(), INTEGER,
          "expected " + INTEGER + ", got " + numberText());
    }
    throw wrongType(INTEGER);
  }

  private String numberText() {
    String text = p.getString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private LocalDate readDate() {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(DATE);
    }
    // From the parser's characters: a course holds dozens of dates, none needs a String.
    char[] c = p.getStringCharacters();
    int o = p.getStringOffset();
    if (p.getStringLength() == 10 && c[o + 4] == '-' && c[o + 7] == '-'
        && digits(c, o, o + 4) && digits(c, o + 5, o + 7) && digits(c, o + 8, o + 10)) {
      try {
        return LocalDate.of(number(c, o, o + 4), number(c, o + 5, o + 7),
            number(c, o + 8, o + 10));
      } catch (DateTimeException e) {
        throw error(Problem.INVALID_DATE, here(), p.currentTokenLocation(), DATE,
            "expected " + DATE + ", got \"" + p.getString() + "\", which is not a calendar date");
      }
    }
    String text = p.getString();
    throw error(Problem.INVALID_DATE, here(), p.currentTokenLocation(), DATE,
        "expected " + DATE + ", got " + JsonErrors.describeString(text, JsonErrors.Quote.DATE));
  }

  private <E extends Enum<E>> E readEnum(EnumCodec<E> codec) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(codec.oneOf());
    }
    E value = codec.lookup(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
    if (value == null) {
      String text = p.getString();
      throw error(Problem.UNKNOWN_VALUE, here(), p.currentTokenLocation(), codec.oneOf(),
          "expected " + codec.oneOf() + ", got " + JsonErrors.describeString(text, JsonErrors.Quote.NAME));
    }
    return value;
  }

  private <E extends Enum<E>> void readEnumSet(EnumCodec<E> codec, Consumer<E> add) {
    long seenOrdinals = 0;
    java.util.Set<E> seenBeyond = null;
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType("an array of " + codec.oneOf());
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      E value = readEnum(codec);
      boolean added;
      if (value.ordinal() < Long.SIZE) {
        added = (seenOrdinals & (1L << value.ordinal())) == 0;
        seenOrdinals |= 1L << value.ordinal();
      } else {
        if (seenBeyond == null) {
          seenBeyond = EnumSet.noneOf(value.getDeclaringClass());
        }
        added = seenBeyond.add(value);
      }
      if (!added) {
        throw error(Problem.INVALID_VALUE, here(), p.currentTokenLocation(),
            "each value at most once", value + " is listed twice, expected each value at most once");
      }
      add.accept(value);
    }
  }

  private void readStrings(Consumer<String> add) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType("an array of strings");
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      add.accept(readString());
    }
  }

  /** Reads an array of integers into {@code add} and returns how many there were. */
  private int readInts(Scope o, String name, IntConsumer add) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType("an array of integers");
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      o.spot(name, i, null, positions.current());
      add.accept(readInt());
      i++;
    }
    return i;
  }

  /** The items of a measure: integers, and {@code null} for an item left unanswered. */
  private int readAnswers(Scope o, Measure.Builder b) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType("an array of integers");
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      o.spot("items", i, null, positions.current());
      b.addItem(p.currentToken() == JsonToken.VALUE_NULL ? null : Integer.valueOf(readInt()));
      i++;
    }
    return i;
  }

  private void readArray(String expected, IntConsumer element) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(expected);
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      element.accept(i++);
    }
  }

  // ---------------------------------------------------------------- one object being read

  /**
   * The scope of the object starting at the current token. Scopes are reused by nesting depth:
   * an object's scope is done with before the next object at its depth starts (the sessions of a
   * course, the measures of the sessions), so a course needs a handful instead of one per object.
   */
  private Scope scope(String[] names, PropertyNameMatcher matcher) {
    int depth = p.streamReadContext().getNestingDepth();
    if (depth >= scopes.length) {
      scopes = java.util.Arrays.copyOf(scopes, Math.max(depth + 1, scopes.length * 2));
    }
    Scope scope = scopes[depth];
    if (scope == null) {
      scope = new Scope();
      scopes[depth] = scope;
    }
    scope.open(names, matcher);
    return scope;
  }

  /** The state of one JSON object being read: fields seen, where values were, where it started. */
  private final class Scope {
    private String[] names;
    private PropertyNameMatcher matcher;
    private long start;
    private long seen;
    // Where the value of each field was, by field index (valid for the fields seen); sized for
    // the kind of object with the most fields.
    private final long[] fieldAt = new long[MAX_FIELDS];
    // Where indexed values were (key/index, or key/index/suffix): item scores, session numbers,
    // person ids. Kept only to point errors at them; no pointer is built unless one is needed.
    // Allocated by the first indexed spot: most objects have none, and a reader (with its
    // scopes) is made per record.
    private String[] spotKeys;
    private int[] spotIndexes;
    private String[] spotSuffixes;
    private long[] spotAt;
    private int spots;
    // The unknown fields a lenient reader skipped in this object, to reject one given twice.
    private Set<String> unknownNames;

    /** Starts reading the object at the current token, allowed to hold {@code names}. */
    void open(String[] names, PropertyNameMatcher matcher) {
      this.names = names;
      this.matcher = matcher;
      this.start = positions.current();
      this.seen = 0;
      this.spots = 0;
      this.unknownNames = null;
      if (recordLimit > 0 && positions.currentOffset() - recordStart > recordLimit) {
        throw error(Problem.LIMIT_EXCEEDED, here(), start, "a record of at most " + recordLimit
            + " bytes", "record longer than the maximum of " + recordLimit + " bytes");
      }
    }

    /**
     * The JSON Pointer of this object. Only asked for once the object's fields are read, while
     * the parser is still at its end, so it is computed only when an error needs it.
     */
    private String pointer() {
      return here();
    }

    /**
     * Moves to the next known field's value and returns the field's index, or -1 at the end of
     * the object. Unknown fields are rejected (or skipped with a warning when lenient), repeated
     * ones rejected.
     */
    int nextField() {
      while (true) {
        int index = p.nextNameMatch(matcher);
        if (index < 0) {
          if (index == PropertyNameMatcher.MATCH_END_OBJECT) {
            return -1;
          }
          if (p.currentToken() != JsonToken.PROPERTY_NAME) {
            throw new IllegalStateException("expected a field name or the end of an object");
          }
          index = indexOf(p.currentName());
          if (index < 0) {
            if (lenient) {
              unknownNames = noteName(unknownNames, p.currentName());
            }
            unknownField(list(names, ~0L), "unknown field");
            continue;
          }
        }
        if ((seen & (1L << index)) != 0) {
          throw error(Problem.DUPLICATE_FIELD, here(), p.currentTokenLocation(),
              "each field at most once", "duplicate field, expected each field at most once");
        }
        seen |= 1L << index;
        p.nextToken();
        fieldAt[index] = positions.current();
        return index;
      }
    }

    private int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    boolean has(int field) {
      return (seen & (1L << field)) != 0;
    }

    void require(int field, String expected) {
      if (!has(field)) {
        throw missing(field, expected);
      }
    }

    JsonReadException missing(int field, String expected) {
      return error(Problem.MISSING_FIELD, pointer() + "/" + names[field], start, expected,
          "missing required field, expected " + expected);
    }

    /**
     * Rejects (or, when lenient, drops with a warning) fields not defined for a problem area of
     * this type.
     */
    void onlyFieldsFor(long allowed, ProblemAreaType type) {
      long extra = seen & ~allowed;
      for (int i = 0; i < names.length; i++) {
        if ((extra & (1L << i)) != 0) {
          long at = spotOf(names[i]);
          String reason = "field not defined for a " + type + " problem area";
          if (!lenient) {
            throw error(Problem.UNKNOWN_FIELD, pointer() + "/" + names[i], at,
                list(names, allowed), reason + ", expected one of " + list(names, allowed));
          }
          warn(pointer() + "/" + names[i], at, reason + ", ignored");
          seen &= ~(1L << i);
        }
      }
    }

    /**
     * Notes where the value of {@code key/index} (with {@code suffix}: {@code key/index/suffix})
     * was, without building the pointer unless an error asks for it.
     */
    void spot(String key, int index, String suffix, long at) {
      if (at == TokenPositions.NONE) {
        return;
      }
      if (spotKeys == null) {
        spotKeys = new String[16];
        spotIndexes = new int[16];
        spotSuffixes = new String[16];
        spotAt = new long[16];
      } else if (spots == spotKeys.length) {
        int size = spots * 2;
        spotKeys = java.util.Arrays.copyOf(spotKeys, size);
        spotIndexes = java.util.Arrays.copyOf(spotIndexes, size);
        spotSuffixes = java.util.Arrays.copyOf(spotSuffixes, size);
        spotAt = java.util.Arrays.copyOf(spotAt, size);
      }
      spotKeys[spots] = key;
      spotIndexes[spots] = index;
      spotSuffixes[spots] = suffix;
      spotAt[spots] = at;
      spots++;
    }

    private boolean spotIs(int spot, String key) {
      String first = spotKeys[spot];
      String suffix = spotSuffixes[spot];
      return key.startsWith(first) && key.equals(
          first + "/" + spotIndexes[spot] + (suffix == null ? "" : "/" + suffix));
    }

    /** Where the value of {@code key} (a relative pointer) was, or the nearest enclosing one. */
    long spotOf(String key) {
      String k = key;
      while (true) {
        int slash = k.lastIndexOf('/');
        if (slash < 0) {
          int field = indexOf(k);
          return field >= 0 && has(field) && fieldAt[field] != TokenPositions.NONE
              ? fieldAt[field] : start;
        }
        for (int i = spots - 1; i >= 0; i--) {
          if (spotIs(i, k)) {
            return spotAt[i];
          }
        }
        k = k.substring(0, slash);
      }
    }

    /** Builds the value, turning a core invariant violation into a pointed read error. */
    <V> V build(Supplier<V> builder) {
      try {
        return builder.get();
      } catch (InvalidValueException e) {
        String field = e.field();
        String pointer = pointer();
        String where = field == null || field.isEmpty() ? pointer : pointer + "/" + field;
        throw error(Problem.INVALID_VALUE, where, field == null ? start : spotOf(field),
            e.expected().orElse("a possible value"), e.getMessage());
      }
    }
  }

  private static String list(String[] names, long mask) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if ((mask & (1L << i)) != 0) {
        if (s.length() > 0) {
          s.append(", ");
        }
        s.append(names[i]);
      }
    }
    return s.toString();
  }

  /** At a field name that is not known: reject it, or warn and skip its value when lenient. */
  private void unknownField(String known, String reason) {
    String pointer = here();
    TokenStreamLocation at = p.currentTokenLocation();
    p.nextToken();
    if (lenient) {
      skipUnknownValue();
      warn(pointer, at, reason + ", ignored");
      return;
    }
    JsonReadException e = error(Problem.UNKNOWN_FIELD, pointer, at, "one of " + known,
        reason + ", expected one of " + known);
    throw skipThen(e);
  }

  /**
   * Skips the value of an unknown field, as {@link JsonParser#skipChildren()} does, but rejects
   * a field given twice in any object within it: a duplicate key is an error in lenient reading
   * too (docs/format.md, Course), and the parser's own detection would leave the parser unusable,
   * so a batch could not go on with its next record.
   */
  private void skipUnknownValue() {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Set<String> seenNames = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        seenNames = noteName(seenNames, p.currentName());
        p.nextToken();
        skipUnknownValue();
      }
    } else if (t == JsonToken.START_ARRAY) {
      for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY && next != null;
          next = p.nextToken()) {
        skipUnknownValue();
      }
    }
  }

  /**
   * Adds the field name at the parser to {@code names} (made when null) and returns the set;
   * rejects a name already in it as a duplicate field.
   */
  private Set<String> noteName(Set<String> names, String name) {
    Set<String> set = names == null ? new HashSet<>(4) : names;
    if (!set.add(name)) {
      throw error(Problem.DUPLICATE_FIELD, here(), p.currentTokenLocation(),
          "each field at most once", "duplicate field, expected each field at most once");
    }
    return set;
  }

  private void warn(String pointer, TokenStreamLocation at, String message) {
    warn(pointer, TokenPositions.of(at), message);
  }

  private void warn(String pointer, long at, String message) {
    if (warnings != null) {
      warnings.add(new ReadWarning(pointer, line(at), column(at), message));
    }
  }

  private JsonReadException wrongType(String expected) {
    JsonReadException e = error(Problem.WRONG_TYPE, here(), p.currentTokenLocation(), expected,
        "expected " + expected + ", got " + describe(p.currentToken()));
    return skipThen(e);
  }

  /**
   * Before reporting a problem found at the start of an object or array, skips over it: if the
   * structure itself is too deep or malformed, that is the more fundamental problem to report.
   */
  private JsonReadException skipThen(JsonReadException e) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      try {
        p.skipChildren();
      } catch (JacksonIOException io) {
        throw ioFailure(io);
      } catch (JacksonException j) {
        return fromJackson(j);
      }
    }
    return e;
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  // ---------------------------------------------------------------- errors

  private String here() {
    return p.streamReadContext().pathAsPointer().toString();
  }

  private int line(TokenStreamLocation at) {
    return JsonErrors.line(at, lineOffset);
  }

  private static int column(TokenStreamLocation at) {
    return JsonErrors.column(at);
  }

  private int line(long at) {
    int line = TokenPositions.line(at);
    return line <= 0 ? 0 : line + lineOffset;
  }

  private static int column(long at) {
    int column = TokenPositions.column(at);
    return column <= 0 ? 0 : column;
  }

  private JsonReadException error(Problem problem, String pointer, TokenStreamLocation at,
      String expected, String reason) {
    return new JsonReadException(problem, pointer, line(at), column(at), expected, reason);
  }

  private JsonReadException error(Problem problem, String pointer, long at, String expected,
      String reason) {
    return new JsonReadException(problem, pointer, line(at), column(at), expected, reason);
  }

  private TokenStreamLocation location(JacksonException e) {
    return JsonErrors.location(p, e);
  }

  /**
   * An I/O failure Jackson reports while reading: bytes that are not text in the document's
   * encoding are a read error at the parser's location; anything else is a failing source.
   */
  public RuntimeException ioFailure(JacksonIOException e) {
    if (e.getCause() instanceof CharConversionException decoding) {
      TokenStreamLocation at = p.currentLocation();
      return Encodings.unreadable(decoding, line(at), column(at));
    }
    return new UncheckedIOException(e.getCause());
  }

  /**
   * A Jackson failure before any token was read (creating the parser looks at the first bytes):
   * a read error at the start of the input, or an {@link UncheckedIOException} for a failing
   * source.
   *
   * @param lineOffset added to the line reported (NDJSON: the record's line minus one)
   */
  public static RuntimeException unreadable(JacksonException e, int lineOffset) {
    if (e instanceof JacksonIOException io) {
      if (io.getCause() instanceof CharConversionException decoding) {
        return Encodings.unreadable(decoding, 1 + lineOffset, 1);
      }
      return new UncheckedIOException(io.getCause());
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Problem problem = e instanceof StreamConstraintsException ? Problem.LIMIT_EXCEEDED
        : Problem.MALFORMED_JSON;
    return new JsonReadException(problem, "", 1 + lineOffset, 1, "well-formed JSON within the "
        + "reader's limits", "unreadable input: " + JsonMessages.withoutContent(original));
  }

  /**
   * The read error for a document of more than {@code max} bytes (characters for text), located
   * at the first one past the limit, or null when the document is short enough.
   */
  public static JsonReadException tooLong(CharSequence text, byte[] bytes, int length,
      long max) {
    if (length <= max) {
      return null;
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < max; i++) {
      int c = text != null ? text.charAt(i) : bytes[i];
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    String unit = text != null ? " characters" : " bytes";
    return new JsonReadException(Problem.LIMIT_EXCEEDED, "", line, column,
        "a document of at most " + max + unit, "document longer than the maximum of " + max
            + unit);
  }

  /** A Jackson streaming error as a read error, its message cleared of document content. */
  public JsonReadException fromJackson(JacksonException e) {
    return JsonErrors.fromJackson(p, e, FIELD_NAMES, lineOffset);
  }
}
