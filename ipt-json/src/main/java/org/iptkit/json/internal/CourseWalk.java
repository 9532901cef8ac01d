package org.iptkit.json.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iptkit.core.InvalidValueException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.internal.WireFormat.Field;
import org.iptkit.json.internal.WireFormat.ListOf;
import org.iptkit.json.internal.WireFormat.ObjectType;
import org.iptkit.json.internal.WireFormat.OrNull;
import org.iptkit.json.internal.WireFormat.Put;
import org.iptkit.json.internal.WireFormat.PutFlag;
import org.iptkit.json.internal.WireFormat.PutInt;
import org.iptkit.json.internal.WireFormat.Shape;
import org.iptkit.json.internal.WireFormat.Text;
import org.iptkit.json.internal.WireFormat.Whole;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * The one reading walk of a course document (docs/format.md, Course): it goes through the
 * document's objects as the descriptors of {@link WireFormat} describe them, field by field,
 * giving each value to the core builders, and raises every read error the format defines
 * (missing and repeated fields, wrong types, values listed twice, the checks between fields,
 * core invariants) through its {@link Cursor}.
 *
 * <p>Two cursors run under it: the Jackson cursor of {@link CourseJsonReader}, which locates
 * every error (JSON Pointer, line, column), and the byte cursor of {@link CourseScanner}, which
 * reads the plain form straight from UTF-8 bytes and gives up on anything else, after which the
 * caller reads the document again with the Jackson cursor. Neither has field tables of its own.
 *
 * <p>One walk reads one document and is not thread-safe.
 */
public final class CourseWalk {
  /** What the walk reads from: the tokens of one document, and how its errors are made. */
  interface Cursor {
    /** Starts the object at the current value, {@code expected} naming it for a wrong type. */
    void openObject(String expected);

    /**
     * Moves to the value of the next field of {@code object} and returns the field's number, or
     * -1 past the end of the object; rejects (or skips) unknown and repeated fields.
     * {@code previous} is the number of the field before (-1 for the first).
     */
    int nextField(Scope object, int previous);

    /** Starts the array at the current value, {@code expected} naming it for a wrong type. */
    void openArray(String expected);

    /** Moves to the next element of the array ({@code first}: its first), false past its end. */
    boolean nextElement(boolean first);

    /** Whether the current value is {@code null}. */
    boolean atNull();

    /** The current value as a string. */
    String text();

    /** The current value as an integer that fits an {@code int}. */
    int whole();

    /** The current value as {@code true} or {@code false}. */
    boolean flag();

    /** The current value as a calendar date. */
    LocalDate date();

    /** The current value as a constant of {@code codec}'s enumeration. */
    <E extends Enum<E>> E choice(EnumCodec<E> codec);

    /** Checks the current value as the document's schema version. */
    void version();

    /** Where the current value is, to point an error at it later ({@link TokenPositions}). */
    long mark();

    /** The JSON Pointer of the current place. */
    String pointer();

    /** Whether unknown fields are skipped with a warning instead of refused. */
    boolean lenient();

    /** Notes a warning of a lenient read. */
    void warn(String pointer, long at, String message);

    /** The read error {@code problem} at {@code at}; the byte cursor gives up instead. */
    RuntimeException error(Problem problem, String pointer, long at, String expected,
        String reason);
  }

  private final Cursor cursor;
  private final boolean located;
  private Scope[] scopes = new Scope[4];
  private int depth;
  private boolean versionSeen;

  /**
   * A walk over {@code cursor}; {@code located}: the cursor marks where values are, so the walk
   * keeps those marks to point errors found later at them (the byte cursor marks nothing).
   */
  CourseWalk(Cursor cursor, boolean located) {
    this.cursor = cursor;
    this.located = located;
  }

  /** Reads the value of {@code plan}'s type at the cursor's current value. */
  Object read(Plan plan) {
    versionSeen = false;
    return object(plan);
  }

  /** Whether the document's schema version was read (before an error, if one was raised). */
  boolean versionSeen() {
    return versionSeen;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object object(Plan plan) {
    Cursor c = cursor;
    c.openObject(plan.expected);
    if (depth == scopes.length) {
      scopes = Arrays.copyOf(scopes, depth * 2);
    }
    Scope s = scopes[depth];
    if (s == null) {
      s = new Scope();
      scopes[depth] = s;
    }
    s.open(plan, c.mark());
    depth++;
    try {
      Object builder = plan.builder.get();
      Slot[] slots = plan.slots;
      for (int f = -1; (f = c.nextField(s, f)) >= 0; ) {
        s.seen |= 1L << f;
        if (s.at != null) {
          s.at[f] = c.mark();
        }
        Slot slot = slots[f];
        switch (slot.kind) {
          case Slot.TEXT -> ((Put) slot.put).put(builder, c.text());
          case Slot.DATE -> ((Put) slot.put).put(builder, c.date());
          case Slot.WHOLE -> ((PutInt) slot.put).put(builder, c.whole());
          case Slot.FLAG -> ((PutFlag) slot.put).put(builder, c.flag());
          case Slot.CHOICE -> {
            Enum<?> value = c.choice(slot.codec);
            s.values[f] = value;
            ((Put) slot.put).put(builder, value);
          }
          case Slot.OBJECT -> ((Put) slot.put).put(builder, object(slot.plan));
          case Slot.VERSION -> {
            versionSeen = true;
            c.version();
          }
          default -> s.values[f] = list(slot, builder, s);
        }
      }
      long missing = plan.required & ~s.seen;
      if (missing != 0) {
        int f = Long.numberOfTrailingZeros(missing);
        throw s.missing(f, plan.slots[f].missing);
      }
      if (plan.check != null) {
        plan.check.check(s);
      }
      Object value;
      try {
        value = plan.build.apply(builder);
      } catch (InvalidValueException e) {
        String field = e.field();
        String pointer = s.pointer();
        String where = field == null || field.isEmpty() ? pointer : pointer + "/" + field;
        throw c.error(Problem.INVALID_VALUE, where, field == null ? s.start : s.spotOf(field),
            e.expected().orElse("a possible value"), e.getMessage());
      }
      s.keyAt = plan.key < 0 || s.at == null ? TokenPositions.NONE
          : s.has(plan.key) ? s.at[plan.key] : s.start;
      return value;
    } finally {
      depth--;
    }
  }

  /** Reads the array of {@code slot}'s elements into the builder; returns how many there were. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private int list(Slot slot, Object builder, Scope s) {
    Cursor c = cursor;
    c.openArray(slot.expected);
    int i = 0;
    switch (slot.kind) {
      case Slot.TEXTS -> {
        for (; c.nextElement(i == 0); i++) {
          ((Put) slot.put).put(builder, c.text());
        }
      }
      case Slot.WHOLES -> {
        for (; c.nextElement(i == 0); i++) {
          s.spot(slot.name, i, null, c.mark());
          ((PutInt) slot.put).put(builder, c.whole());
        }
      }
      case Slot.WHOLES_OR_NULL -> {
        for (; c.nextElement(i == 0); i++) {
          s.spot(slot.name, i, null, c.mark());
          ((Put) slot.put).put(builder, c.atNull() ? null : Integer.valueOf(c.whole()));
        }
      }
      case Slot.CHOICES -> {
        long listed = 0;
        Set<Enum<?>> beyond = null;
        for (; c.nextElement(i == 0); i++) {
          Enum value = c.choice(slot.codec);
          boolean added;
          if (value.ordinal() < Long.SIZE) {
            added = (listed & (1L << value.ordinal())) == 0;
            listed |= 1L << value.ordinal();
          } else {
            if (beyond == null) {
              beyond = (Set) EnumSet.noneOf(value.getDeclaringClass());
            }
            added = beyond.add(value);
          }
          if (!added) {
            throw c.error(Problem.INVALID_VALUE, c.pointer(), c.mark(), "each value at most once",
                value + " is listed twice, expected each value at most once");
          }
          ((Put) slot.put).put(builder, value);
        }
      }
      default -> {
        Plan element = slot.plan;
        for (; c.nextElement(i == 0); i++) {
          ((Put) slot.put).put(builder, object(element));
          if (element.key >= 0) {
            s.spot(slot.name, i, element.names[element.key], scopes[depth].keyAt);
          }
        }
      }
    }
    return i;
  }

  // ---------------------------------------------------------------- the plans

  /**
   * How the walk reads one object type of {@link WireFormat}: its fields' kinds, put functions,
   * enumerations, nested plans and the words of its read errors, computed once from the
   * descriptors.
   */
  static final class Plan {
    /** The plan of a course document. */
    static final Plan COURSE;
    /** The plans of the course and its parts, by the core type each is read as. */
    static final Map<Class<?>, Plan> PARTS;

    static {
      Map<ObjectType, Plan> made = new IdentityHashMap<>();
      COURSE = of(WireFormat.COURSE, made);
      Map<Class<?>, Plan> parts = new java.util.LinkedHashMap<>();
      WireFormat.COURSE_PARTS.forEach((type, object) -> parts.put(type, of(object, made)));
      PARTS = java.util.Collections.unmodifiableMap(parts);
    }

    final ObjectType type;
    final java.util.function.Supplier<Object> builder;
    final java.util.function.Function<Object, Object> build;
    final WireFormat.Check check;
    final String expected;
    final String[] names;
    /** The field names with their closing quote, as UTF-8 bytes and first words (the scanner). */
    final byte[][] nameBytes;
    final long[] nameWords;
    final PropertyNameMatcher matcher;
    final Slot[] slots;
    final long required;
    /** The field that identifies an element of a list of this type, or -1. */
    final int key;

    private Plan(ObjectType type) {
      this.type = type;
      this.builder = type.binding().builder();
      this.build = type.binding().build();
      this.check = type.binding().check();
      this.expected = type.binding().noun() + " object";
      this.names = type.names();
      this.nameBytes = new byte[names.length][];
      this.nameWords = new long[names.length];
      List<Named> named = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        nameBytes[i] = (names[i] + "\"").getBytes(StandardCharsets.US_ASCII);
        nameWords[i] = Bytes.word(nameBytes[i]);
        named.add(Named.fromString(names[i]));
      }
      this.matcher = BinaryNameMatcher.constructFrom(named, false);
      this.slots = new Slot[names.length];
      this.required = type.requiredBits();
      this.key = type.binding().key() == null ? -1 : type.index(type.binding().key());
      if (names.length > Scope.MAX_FIELDS) {
        throw new IllegalStateException("more fields than Scope.MAX_FIELDS");
      }
    }

    private static Plan of(ObjectType type, Map<ObjectType, Plan> made) {
      Plan plan = made.get(type);
      if (plan == null) {
        plan = new Plan(type);
        made.put(type, plan);
        for (int i = 0; i < plan.names.length; i++) {
          plan.slots[i] = new Slot(type.fields().get(i), made);
        }
      }
      return plan;
    }

    /** The number of the field named by {@code name}, or -1. */
    int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** How the walk reads one field: its kind of value and what to do with it. */
  static final class Slot {
    static final int TEXT = 0;
    static final int DATE = 1;
    static final int WHOLE = 2;
    static final int FLAG = 3;
    static final int CHOICE = 4;
    static final int OBJECT = 5;
    static final int VERSION = 6;
    static final int TEXTS = 7;
    static final int WHOLES = 8;
    static final int WHOLES_OR_NULL = 9;
    static final int CHOICES = 10;
    static final int OBJECTS = 11;

    final String name;
    final int kind;
    final Object put;
    final EnumCodec<?> codec;
    final Plan plan;
    /** What a read error expects of a value of the wrong type. */
    final String expected;
    /** What a read error expects when the field is missing. */
    final String missing;

    Slot(Field field, Map<ObjectType, Plan> made) {
      this.name = field.name();
      this.put = field.access().put();
      Shape shape = field.shape();
      Shape element = shape instanceof ListOf list ? list.items() : null;
      Shape single = element == null ? shape : element;
      this.codec = single instanceof WireFormat.Choice choice ? EnumCodec.of(choice) : null;
      this.plan = single instanceof ObjectType object ? Plan.of(object, made) : null;
      if (shape == WireFormat.SCHEMA_VERSION) {
        this.kind = VERSION;
        this.expected = field.access().expected();
      } else if (element == null) {
        this.kind = kindOf(shape);
        this.expected = expectedOf(shape);
      } else {
        this.kind = switch (kindOf(element)) {
          case TEXT -> TEXTS;
          case WHOLE -> WHOLES;
          case CHOICE -> CHOICES;
          case OBJECT -> OBJECTS;
          default -> element instanceof OrNull orNull && orNull.shape() instanceof Whole
              ? WHOLES_OR_NULL : unsupported(element);
        };
        this.expected = "an array of " + switch (kind) {
          case TEXTS -> "strings";
          case CHOICES -> codec.oneOf();
          case OBJECTS -> plan.type.binding().plural();
          default -> "integers";
        };
      }
      this.missing = field.access().expected() != null ? field.access().expected() : expected;
    }

    private static int kindOf(Shape shape) {
      if (shape == WireFormat.DATE) {
        return DATE;
      }
      if (shape instanceof Text) {
        return TEXT;
      }
      if (shape instanceof Whole) {
        return WHOLE;
      }
      if (shape instanceof WireFormat.Flag) {
        return FLAG;
      }
      if (shape instanceof WireFormat.Choice) {
        return CHOICE;
      }
      if (shape instanceof ObjectType) {
        return OBJECT;
      }
      return -1;
    }

    private static String expectedOf(Shape shape) {
      return switch (kindOf(shape)) {
        case TEXT -> WireFormat.STRING;
        case DATE -> WireFormat.DATE_WORDS;
        case WHOLE -> WireFormat.INTEGER;
        case FLAG -> WireFormat.BOOLEAN;
        case CHOICE -> EnumCodec.of((WireFormat.Choice) shape).oneOf();
        case OBJECT -> ((ObjectType) shape).binding().noun() + " object";
        default -> unsupported(shape) + "";
      };
    }

    private static int unsupported(Shape shape) {
      throw new IllegalStateException("the course walk reads no " + shape.getClass().getName());
    }
  }

  // ---------------------------------------------------------------- one object being read

  /**
   * One object being read: its plan, the fields seen, where their values were, the enumeration
   * values and list lengths read, and where indexed values were, so that an error found after
   * the object is read still points at the value concerned. Scopes are reused by depth: an
   * object's scope is done with before the next object at its depth starts.
   */
  public final class Scope {
    /** The most fields an object of the format has (a course: 14). */
    static final int MAX_FIELDS = 16;

    Plan plan;
    long start;
    long seen;
    /** Where each field's value was, by field number; null when the cursor marks nothing. */
    final long[] at = located ? new long[MAX_FIELDS] : null;
    /** The enumeration value, or a list's length, read for each field, by field number. */
    final Object[] values = new Object[MAX_FIELDS];
    /** Where the key field of this object was (its start when absent), once it is read. */
    long keyAt;
    /** The unknown fields a lenient cursor skipped in this object, to refuse one given twice. */
    Set<String> unknownNames;
    // Where indexed values were (key/index, or key/index/suffix): item scores, session numbers,
    // person ids. Allocated by the first indexed spot: most objects have none.
    private String[] spotKeys;
    private int[] spotIndexes;
    private String[] spotSuffixes;
    private long[] spotAt;
    private int spots;

    void open(Plan plan, long start) {
      this.plan = plan;
      this.start = start;
      this.seen = 0;
      this.spots = 0;
      this.unknownNames = null;
    }

    /** Whether field number {@code field} was given. */
    public boolean has(int field) {
      return (seen & (1L << field)) != 0;
    }

    /** The enumeration value read for field number {@code field} (valid when it was given). */
    public Object value(int field) {
      return values[field];
    }

    /** The number of elements read for the list field number {@code field}. */
    public int count(int field) {
      return (Integer) values[field];
    }

    /** The JSON Pointer of this object, asked for once its fields are read. */
    String pointer() {
      return cursor.pointer();
    }

    /** The error "missing required field {@code field}", expecting {@code expected}. */
    public RuntimeException missing(int field, String expected) {
      return cursor.error(Problem.MISSING_FIELD, pointer() + "/" + plan.names[field], start,
          expected, "missing required field, expected " + expected);
    }

    /** The error "invalid value" of the field (a relative pointer) {@code field}. */
    public RuntimeException invalid(String field, String expected, String reason) {
      return cursor.error(Problem.INVALID_VALUE, pointer() + "/" + field, spotOf(field), expected,
          reason);
    }

    /**
     * Refuses (or, when lenient, drops with a warning) the fields given that are not among
     * {@code allowed}, a bit set over the field numbers, for {@code reason}.
     */
    public void onlyFields(long allowed, String reason) {
      long extra = seen & ~allowed;
      for (int i = 0; extra != 0 && i < plan.names.length; i++) {
        if ((extra & (1L << i)) != 0) {
          long where = spotOf(plan.names[i]);
          String pointer = pointer() + "/" + plan.names[i];
          if (!cursor.lenient()) {
            String known = list(plan.names, allowed);
            throw cursor.error(Problem.UNKNOWN_FIELD, pointer, where, known,
                reason + ", expected one of " + known);
          }
          cursor.warn(pointer, where, reason + ", ignored");
          seen &= ~(1L << i);
        }
      }
    }

    /**
     * Notes where the value of {@code key/index} (with {@code suffix}: {@code key/index/suffix})
     * was, without building the pointer unless an error asks for it.
     */
    void spot(String key, int index, String suffix, long where) {
      if (where == TokenPositions.NONE) {
        return;
      }
      if (spotKeys == null) {
        spotKeys = new String[16];
        spotIndexes = new int[16];
        spotSuffixes = new String[16];
        spotAt = new long[16];
      } else if (spots == spotKeys.length) {
        int size = spots * 2;
        spotKeys = Arrays.copyOf(spotKeys, size);
        spotIndexes = Arrays.copyOf(spotIndexes, size);
        spotSuffixes = Arrays.copyOf(spotSuffixes, size);
        spotAt = Arrays.copyOf(spotAt, size);
      }
      spotKeys[spots] = key;
      spotIndexes[spots] = index;
      spotSuffixes[spots] = suffix;
      spotAt[spots] = where;
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
          int field = plan.indexOf(k);
          return field >= 0 && has(field) && at != null && at[field] != TokenPositions.NONE
              ? at[field] : start;
        }
        for (int i = spots - 1; i >= 0; i--) {
          if (spotIs(i, k)) {
            return spotAt[i];
          }
        }
        k = k.substring(0, slash);
      }
    }
  }

  /** The names of {@code mask}'s fields, comma-separated. */
  static String list(String[] names, long mask) {
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

}
