package org.iptkit.json.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.TransitionKind;
import org.iptkit.core.TreatmentCourse;

/**
 * The fast path of course reading: a scanner of one course document in UTF-8 bytes, written for
 * the course format alone (docs/format.md, Course), that reads the plain form every writer produces
 * straight from the bytes into the core builders, without a general JSON parser in between.
 *
 * <p>It is an optimisation, never an authority. {@link CourseJsonReader} defines what a course
 * document is and says where and why one is not. This scanner gives a course only where that
 * reader would give an equal one, and otherwise gives up ({@code null}) and leaves the bytes to
 * it: at anything wrong (malformed JSON, an unknown or repeated field, a missing required field,
 * a wrong type, an impossible value the core refuses) and at every form it does not handle
 * itself, which keeps it short enough to check against the reader field by field:
 * <ul>
 *   <li>an escape sequence in an enumeration value, a date or the schema version (free text and
 *       identifiers may have any JSON escape), and a string longer in bytes than the string
 *       limit (the reader counts characters);
 *   <li>{@code null} for any field, a negative number, an integer beyond an {@code int}, a
 *       fraction or an exponent;
 *   <li>a byte order mark, and bytes that are not UTF-8 (they are refused by the reader).
 * </ul>
 * Errors are therefore always the reader's, with their JSON Pointer, line and column; the
 * scanner makes no message of its own. Equality with the reader is checked by
 * {@code CourseScannerProperties} on generated and mutated documents and on the hostile-input
 * corpus.
 *
 * <p>Stateless and thread-safe: each call scans with a cursor of its own.
 */
public final class CourseScanner {
  // Field names of each kind of object, as the reader has them and in its order (the writer
  // writes them in it); CourseScannerTablesTest keeps the two alike.
  private static final byte[][] COURSE = names("schemaVersion", "courseId", "patientRef",
      "therapistRef", "protocol", "status", "contracts", "inventories", "problemAreas",
      "formulation", "sessions", "measures", "fidelityRatings", "endedOn");
  private static final byte[][] CONTRACT = names("kind", "agreedOn", "plannedSessions",
      "frequency", "sessionMinutes", "goals");
  private static final byte[][] INVENTORY = names("takenOn", "people");
  private static final byte[][] PERSON = names("id", "relationship", "circle", "contact",
      "confidant", "conflict", "changedNearOnset", "deceased", "diedOn", "satisfying",
      "unsatisfying", "expectationsMet", "desiredChange");
  private static final byte[][] AREA = names("type", "primary", "personId", "stage", "fromRole",
      "toRole", "transition");
  private static final byte[][] FORMULATION = names("sharedOn", "areas", "patientAgreed");
  private static final byte[][] SESSION = names("number", "date", "minutes", "attendance",
      "phase", "setting", "modality", "cpt", "tasks", "techniques", "focus", "measures");
  private static final byte[][] MEASURE = names("instrument", "items", "total", "date");
  private static final byte[][] RATING = names("session", "scale", "rater", "items");

  /** Thrown to give up; made once, without a stack trace, as it is control flow. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** What {@link #stringBounds} found in a string: plain ASCII, UTF-8 beyond it, escapes. */
  private static final int ASCII = 0;
  private static final int UTF8 = 1;
  private static final int ESCAPED = 2;

  private final byte[] b;
  private final int end;
  private final int maxStringLength;
  private int i;
  // Where the last string or field name read starts and ends (exclusive) in the bytes.
  private int textStart;
  private int textEnd;

  private CourseScanner(byte[] bytes, int from, int end, int maxStringLength) {
    this.b = bytes;
    this.i = from;
    this.end = end;
    this.maxStringLength = maxStringLength;
  }

  /**
   * The course held in {@code bytes[from, from + length)} when the strict reader would read
   * exactly that course; null when the strict reader must decide (an error, or a form this
   * scanner leaves to it).
   *
   * <p>The caller checks the document against the reader's length limit first: the scanner
   * has none of its own.
   *
   * @param maxStringLength the reader's limit for one string value, in characters
   */
  public static TreatmentCourse scan(byte[] bytes, int from, int length, int maxStringLength) {
    if (bytes == null || from < 0 || length <= 0 || from > bytes.length - length) {
      return null;
    }
    try {
      return new CourseScanner(bytes, from, from + length, maxStringLength).document();
    } catch (RuntimeException e) {
      // GIVE_UP, or a core check refusing a value (InvalidValueException, a builder's missing
      // attribute, LocalDate's DateTimeException): the reader reads it again and says why.
      return null;
    }
  }

  private static byte[][] names(String... names) {
    byte[][] bytes = new byte[names.length][];
    for (int k = 0; k < names.length; k++) {
      bytes[k] = names[k].getBytes(StandardCharsets.US_ASCII);
    }
    return bytes;
  }

  // ---------------------------------------------------------------- the course

  private TreatmentCourse document() {
    TreatmentCourse course = course();
    skipSpace();
    if (i != end) {
      throw GIVE_UP;
    }
    return course;
  }

  private TreatmentCourse course() {
    open();
    TreatmentCourse.Builder c = TreatmentCourse.builder();
    long seen = 0;
    for (int f = -1; (f = field(COURSE, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> version();
        case 1 -> c.courseId(string());
        case 2 -> c.patientRef(string());
        case 3 -> c.therapistRef(string());
        case 4 -> c.protocol(string());
        case 5 -> c.status(enumValue(EnumCodec.STATUS));
        case 6 -> array(this::contract, c::addContract);
        case 7 -> array(this::inventory, c::addInventory);
        case 8 -> array(this::problemArea, c::addProblemArea);
        case 9 -> c.formulation(formulation());
        case 10 -> array(this::session, c::addSession);
        case 11 -> array(this::measure, c::addMeasure);
        case 12 -> array(this::rating, c::addFidelityRating);
        case 13 -> c.endedOn(date());
        default -> throw GIVE_UP;
      }
    }
    // schemaVersion, courseId, protocol, status and sessions are required.
    require(seen, 0b100_0011_0011);
    return c.build();
  }

  /** A schema version the reader accepts: "1." and one to eleven digits. */
  private void version() {
    stringBounds();
    int from = textStart;
    int length = textEnd - from;
    if (length < 3 || length > 13 || b[from] != '1' || b[from + 1] != '.') {
      throw GIVE_UP;
    }
    for (int k = from + 2; k < textEnd; k++) {
      if (b[k] < '0' || b[k] > '9') {
        throw GIVE_UP;
      }
    }
  }

  // ---------------------------------------------------------------- parts

  private Contract contract() {
    open();
    Contract.Builder c = Contract.builder();
    long seen = 0;
    for (int f = -1; (f = field(CONTRACT, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> c.kind(enumValue(EnumCodec.CONTRACT_KIND));
        case 1 -> c.agreedOn(date());
        case 2 -> c.plannedSessions(integer());
        case 3 -> c.frequency(enumValue(EnumCodec.FREQUENCY));
        case 4 -> c.sessionMinutes(integer());
        case 5 -> array(this::string, c::addGoal);
        default -> throw GIVE_UP;
      }
    }
    require(seen, 0b11);
    return c.build();
  }

  private InterpersonalInventory inventory() {
    open();
    InterpersonalInventory.Builder v = InterpersonalInventory.builder();
    long seen = 0;
    for (int f = -1; (f = field(INVENTORY, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> v.takenOn(date());
        case 1 -> array(this::person, v::addPerson);
        default -> throw GIVE_UP;
      }
    }
    require(seen, 0b11);
    return v.build();
  }

  private Person person() {
    open();
    Person.Builder p = Person.builder();
    long seen = 0;
    for (int f = -1; (f = field(PERSON, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> p.id(string());
        case 1 -> p.relationship(enumValue(EnumCodec.RELATIONSHIP));
        case 2 -> p.circle(integer());
        case 3 -> p.contact(enumValue(EnumCodec.CONTACT));
        case 4 -> p.confidant(bool());
        case 5 -> p.conflict(bool());
        case 6 -> p.changedNearOnset(bool());
        case 7 -> p.deceased(bool());
        case 8 -> p.diedOn(date());
        case 9 -> array(this::string, p::addSatisfying);
        case 10 -> array(this::string, p::addUnsatisfying);
        case 11 -> p.expectationsMet(bool());
        case 12 -> p.desiredChange(string());
        default -> throw GIVE_UP;
      }
    }
    require(seen, 0b1);
    return p.build();
  }

  private ProblemArea problemArea() {
    open();
    ProblemAreaType type = null;
    boolean primary = false;
    String personId = null;
    String fromRole = null;
    String toRole = null;
    DisputeStage stage = null;
    TransitionKind transition = null;
    long seen = 0;
    for (int f = -1; (f = field(AREA, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> type = enumValue(EnumCodec.AREA);
        case 1 -> primary = bool();
        case 2 -> personId = string();
        case 3 -> stage = enumValue(EnumCodec.STAGE);
        case 4 -> fromRole = string();
        case 5 -> toRole = string();
        case 6 -> transition = enumValue(EnumCodec.TRANSITION);
        default -> throw GIVE_UP;
      }
    }
    if (type == null) {
      throw GIVE_UP;
    }
    // The fields each type may have (type, primary, then its own), as the reader allows them.
    long allowed = switch (type) {
      case GRIEF -> 0b111;
      case ROLE_DISPUTE -> 0b1111;
      case ROLE_TRANSITION -> 0b111_0011;
      case INTERPERSONAL_DEFICITS -> 0b11;
    };
    if ((seen & ~allowed) != 0) {
      throw GIVE_UP;
    }
    return switch (type) {
      case GRIEF -> Grief.builder().primary(primary).personId(Optional.ofNullable(personId))
          .build();
      case ROLE_DISPUTE -> RoleDispute.builder().primary(primary)
          .personId(Optional.ofNullable(personId)).stage(Optional.ofNullable(stage)).build();
      case ROLE_TRANSITION -> RoleTransition.builder().primary(primary)
          .fromRole(Optional.ofNullable(fromRole)).toRole(Optional.ofNullable(toRole))
          .transition(Optional.ofNullable(transition)).build();
      case INTERPERSONAL_DEFICITS -> InterpersonalDeficits.builder().primary(primary).build();
    };
  }

  private Formulation formulation() {
    open();
    Formulation.Builder m = Formulation.builder();
    long seen = 0;
    for (int f = -1; (f = field(FORMULATION, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> m.sharedOn(date());
        case 1 -> enumSet(EnumCodec.AREA, m::addArea);
        case 2 -> m.patientAgreed(bool());
        default -> throw GIVE_UP;
      }
    }
    require(seen, 0b1);
    return m.build();
  }

  private Session session() {
    open();
    Session.Builder s = Session.builder();
    Attendance attendance = null;
    long seen = 0;
    for (int f = -1; (f = field(SESSION, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> s.number(integer());
        case 1 -> s.date(date());
        case 2 -> s.minutes(integer());
        case 3 -> {
          attendance = enumValue(EnumCodec.ATTENDANCE);
          s.attendance(attendance);
        }
        case 4 -> s.phase(enumValue(EnumCodec.PHASE));
        case 5 -> s.setting(enumValue(EnumCodec.SETTING));
        case 6 -> s.modality(enumValue(EnumCodec.MODALITY));
        case 7 -> s.cpt(string());
        case 8 -> enumSet(EnumCodec.TASK, s::addTask);
        case 9 -> enumSet(EnumCodec.TECHNIQUE, s::addTechnique);
        case 10 -> enumSet(EnumCodec.AREA, s::addFocus);
        case 11 -> array(this::measure, s::addMeasure);
        default -> throw GIVE_UP;
      }
    }
    // number, date and attendance are required; an ATTENDED session needs its phase.
    require(seen, 0b1011);
    if (attendance == Attendance.ATTENDED && (seen & 0b1_0000) == 0) {
      throw GIVE_UP;
    }
    return s.build();
  }

  private Measure measure() {
    open();
    Measure.Builder m = Measure.builder();
    long seen = 0;
    for (int f = -1; (f = field(MEASURE, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> m.instrument(enumValue(EnumCodec.INSTRUMENT));
        case 1 -> {
          // An empty array of items is an error of the reader's (a wrong number of items).
          if (!openArray()) {
            throw GIVE_UP;
          }
          do {
            m.addItem(integer());
          } while (nextElement());
        }
        case 2 -> m.total(integer());
        case 3 -> m.date(date());
        default -> throw GIVE_UP;
      }
    }
    // The instrument, and items or a total.
    require(seen, 0b1);
    if ((seen & 0b110) == 0) {
      throw GIVE_UP;
    }
    return m.build();
  }

  private FidelityRating rating() {
    open();
    FidelityRating.Builder r = FidelityRating.builder();
    long seen = 0;
    for (int f = -1; (f = field(RATING, f, seen)) >= 0; ) {
      seen |= 1L << f;
      switch (f) {
        case 0 -> r.session(integer());
        case 1 -> r.scale(string());
        case 2 -> r.rater(string());
        case 3 -> array(this::integer, r::addItem);
        default -> throw GIVE_UP;
      }
    }
    require(seen, 0b1011);
    return r.build();
  }

  /** Reads an array of values with {@code element}, handing each to {@code add}. */
  private <T> void array(Supplier<T> element, Consumer<? super T> add) {
    if (openArray()) {
      do {
        add.accept(element.get());
      } while (nextElement());
    }
  }

  /**
   * Reads an array of enumeration values, handing each to {@code add}; a value listed twice
   * gives up, as the reader refuses it (a set would silently drop it).
   */
  private <E extends Enum<E>> void enumSet(EnumCodec<E> codec, Consumer<? super E> add) {
    if (openArray()) {
      long listed = 0;
      do {
        E value = enumValue(codec);
        int ordinal = value.ordinal();
        if (ordinal >= Long.SIZE || (listed & (1L << ordinal)) != 0) {
          throw GIVE_UP;
        }
        listed |= 1L << ordinal;
        add.accept(value);
      } while (nextElement());
    }
  }

  private static void require(long seen, long required) {
    if ((seen & required) != required) {
      throw GIVE_UP;
    }
  }

  // ---------------------------------------------------------------- structure

  private void skipSpace() {
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      i++;
    }
  }

  /** The next significant byte, the cursor on it; gives up at the end of the bytes. */
  private byte next() {
    skipSpace();
    if (i >= end) {
      throw GIVE_UP;
    }
    return b[i];
  }

  private void open() {
    if (next() != '{') {
      throw GIVE_UP;
    }
    i++;
  }

  /**
   * Moves past the next field name of an object of {@code names} and its colon, and returns the
   * field's index, or -1 past the end of the object. {@code previous} is the field before it
   * (-1 for the first), whose successor is tried first, as fields mostly come in their order;
   * {@code seen} holds the fields read, a repeated one gives up, as does an unknown one.
   */
  private int field(byte[][] names, int previous, long seen) {
    byte c = next();
    if (previous >= 0) {
      if (c == '}') {
        i++;
        return -1;
      }
      if (c != ',') {
        throw GIVE_UP;
      }
      i++;
      c = next();
    } else if (c == '}') {
      i++;
      return -1;
    }
    if (c != '"') {
      throw GIVE_UP;
    }
    int from = ++i;
    // Fields mostly come in their order: try the one after the previous in place first.
    int index = previous + 1;
    if (index >= names.length || !nameAt(names[index], from)) {
      index = -1;
      for (int k = 0; k < names.length; k++) {
        if (nameAt(names[k], from)) {
          index = k;
          break;
        }
      }
    }
    if (index < 0 || (seen & (1L << index)) != 0) {
      throw GIVE_UP;
    }
    i = from + names[index].length + 1;
    if (next() != ':') {
      throw GIVE_UP;
    }
    i++;
    return index;
  }

  /**
   * Whether the bytes at {@code from} are {@code name} and its closing quote. A byte loop: the
   * names are short, too short for a vectorised comparison to pay.
   */
  private boolean nameAt(byte[] name, int from) {
    int length = name.length;
    if (from + length >= end || b[from + length] != '"') {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (b[from + k] != name[k]) {
        return false;
      }
    }
    return true;
  }

  /** Moves past a '[' and says whether an element follows (false past an empty array). */
  private boolean openArray() {
    if (next() != '[') {
      throw GIVE_UP;
    }
    i++;
    if (next() == ']') {
      i++;
      return false;
    }
    return true;
  }

  /** After an element: moves past a ',' (true) or the closing ']' (false). */
  private boolean nextElement() {
    byte c = next();
    i++;
    if (c == ',') {
      return true;
    }
    if (c == ']') {
      return false;
    }
    throw GIVE_UP;
  }

  // ---------------------------------------------------------------- values

  /**
   * Moves past a string without escapes and notes its bytes in {@code textStart, textEnd}; see
   * {@link #stringBounds(boolean)}.
   */
  private int stringBounds() {
    return stringBounds(false);
  }

  /**
   * Moves past a string and notes its bytes, without the quotes, in {@code textStart, textEnd};
   * returns {@link #ASCII}, {@link #UTF8} or {@link #ESCAPED}. Bytes beyond ASCII must form UTF-8
   * the reader accepts; control characters give up, as the reader refuses them. Escape sequences
   * give up unless {@code escapes} (free text and identifiers, where writers escape quotes, line
   * breaks and control characters); then only the ones JSON defines are taken ({@code \" \\
   * \/ \b \f \n \r \t} and a backslash, {@code u} and four hexadecimal digits), as the reader takes
   * only those.
   */
  private int stringBounds(boolean escapes) {
    if (next() != '"') {
      throw GIVE_UP;
    }
    int from = ++i;
    int kind = ASCII;
    while (true) {
      if (i >= end) {
        throw GIVE_UP;
      }
      byte c = b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (!escapes || i + 1 >= end) {
          throw GIVE_UP;
        }
        byte e = b[i + 1];
        if (e == 'u') {
          if (i + 6 > end || hex(b[i + 2]) < 0 || hex(b[i + 3]) < 0 || hex(b[i + 4]) < 0
              || hex(b[i + 5]) < 0) {
            throw GIVE_UP;
          }
          i += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n'
            || e == 'r' || e == 't') {
          i += 2;
        } else {
          throw GIVE_UP;
        }
        kind = ESCAPED;
      } else if (c >= 0 && c < 0x20) {
        throw GIVE_UP;
      } else if (c < 0) {
        int size = Encodings.sequenceLength(b, i, end);
        if (size < 0) {
          throw GIVE_UP;
        }
        kind = Math.max(kind, UTF8);
        i += size;
      } else {
        i++;
      }
    }
    textStart = from;
    textEnd = i;
    i++;
    // Every character takes at least one byte (an escape more), so within the limit in bytes is
    // within it in characters; longer strings are left to the reader, which counts characters.
    if (textEnd - textStart > maxStringLength) {
      throw GIVE_UP;
    }
    return kind;
  }

  /** The value of a hexadecimal digit, or -1. */
  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** A string of free text or an identifier, escapes decoded as the reader decodes them. */
  private String string() {
    int kind = stringBounds(true);
    if (kind != ESCAPED) {
      return new String(b, textStart, textEnd - textStart,
          kind == ASCII ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
    // Runs between escapes are decoded as UTF-8 (checked above); each escape is one character,
    // a backslash-u escape its UTF-16 unit as it is, a surrogate too, as the reader does.
    StringBuilder text = new StringBuilder(textEnd - textStart);
    int run = textStart;
    int k = textStart;
    while (k < textEnd) {
      if (b[k] != '\\') {
        k++;
        continue;
      }
      if (k > run) {
        text.append(new String(b, run, k - run, StandardCharsets.UTF_8));
      }
      byte e = b[k + 1];
      if (e == 'u') {
        text.append((char) (hex(b[k + 2]) << 12 | hex(b[k + 3]) << 8 | hex(b[k + 4]) << 4
            | hex(b[k + 5])));
        k += 6;
      } else {
        text.append(switch (e) {
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> (char) e; // the quote, the backslash and the slash stand for themselves
        });
        k += 2;
      }
      run = k;
    }
    if (textEnd > run) {
      text.append(new String(b, run, textEnd - run, StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private <E extends Enum<E>> E enumValue(EnumCodec<E> codec) {
    stringBounds();
    E value = codec.lookup(b, textStart, textEnd - textStart);
    if (value == null) {
      throw GIVE_UP;
    }
    return value;
  }

  /** A date YYYY-MM-DD; one that is not in the calendar gives up through LocalDate. */
  private LocalDate date() {
    stringBounds();
    int o = textStart;
    if (textEnd - o != 10 || b[o + 4] != '-' || b[o + 7] != '-') {
      throw GIVE_UP;
    }
    return LocalDate.of(digits(o, o + 4), digits(o + 5, o + 7), digits(o + 8, o + 10));
  }

  private int digits(int from, int to) {
    int value = 0;
    for (int k = from; k < to; k++) {
      int d = b[k] - '0';
      if (d < 0 || d > 9) {
        throw GIVE_UP;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /**
   * A non-negative integer without leading zeros that fits an {@code int}. What follows it is
   * checked by the caller, which expects a ',' or the end of its object or array, so a
   * fraction, an exponent or an eleventh digit gives up there.
   */
  private int integer() {
    byte c = next();
    if (c == '0') {
      i++;
      return 0;
    }
    if (c < '1' || c > '9') {
      throw GIVE_UP;
    }
    long value = c - '0';
    int limit = Math.min(end, i + 10);
    i++;
    while (i < limit) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      value = value * 10 + d;
      i++;
    }
    if (value > Integer.MAX_VALUE) {
      throw GIVE_UP;
    }
    return (int) value;
  }

  private boolean bool() {
    byte c = next();
    if (c == 't' && i + 4 <= end && b[i + 1] == 'r' && b[i + 2] == 'u' && b[i + 3] == 'e') {
      i += 4;
      return true;
    }
    if (c == 'f' && i + 5 <= end && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's'
        && b[i + 4] == 'e') {
      i += 5;
      return false;
    }
    throw GIVE_UP;
  }
}
