package org.iptkit.json.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Grief;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Formulation;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.Modality;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.SeverityBand;
import org.iptkit.core.Technique;
import org.iptkit.core.TransitionKind;
import org.iptkit.rules.AgendaItem;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleSetting;
import org.iptkit.rules.Severity;
import org.iptkit.rules.SickRole;

/**
 * The one description of the wire format: every object of a course document (and its parts), a
 * protocol profile, a fidelity report and a next-session agenda, field by field, with the JSON
 * type, whether it is required, its range, pattern or enumeration and a sentence saying what it
 * records. The published JSON Schemas are generated from it ({@link JsonSchemas}); for the
 * objects of a course document it also says how each field is got from a core value and given to
 * a builder, which drives the one reading walk ({@link CourseWalk}), its two cursors and the one
 * writing walk ({@link CourseJsonWriter}); the profile and report readers take their field names
 * from it.
 */
public final class WireFormat {
  private WireFormat() {}

  /**
   * The longest string the reader accepts by default, in characters ({@code
   * IptJson.DEFAULT_MAX_STRING_LENGTH}), and so every string's {@code maxLength} in the schemas.
   */
  public static final int MAX_STRING = 1_000_000;

  // ---------------------------------------------------------------- the descriptor types

  /** The shape of a JSON value. */
  public sealed interface Shape permits Text, Whole, Ratio, Flag, Choice, ListOf, OrNull, Keyed,
      ObjectType {}

  /**
   * A string: an optional regular expression (searched, as JSON Schema does), its length in
   * characters, and the name it has among the schema's definitions ({@code null}: written inline).
   */
  public record Text(String def, String description, String pattern, int minLength,
      int maxLength) implements Shape {}

  /** A whole number from {@code min} to {@code max}. */
  public record Whole(long min, long max) implements Shape {}

  /** A number from {@code min} to {@code max}, a share or a mean. */
  public record Ratio(String def, double min, double max) implements Shape {}

  /** {@code true} or {@code false}. */
  public record Flag() implements Shape {}

  /** One of a fixed list of UPPER_SNAKE names, such as an enumeration's constants. */
  public record Choice(String def, String description, List<String> values,
      Class<? extends Enum<?>> type) implements Shape {
    /** A list of names that are not an enumeration's constants (such as the rule codes). */
    public Choice(String def, String description, List<String> values) {
      this(def, description, values, null);
    }

    /** The wire names of an enumeration's constants, in declaration order. */
    static Choice of(String def, String description, Class<? extends Enum<?>> type) {
      return new Choice(def, description,
          Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), type);
    }
  }

  /** An array of values of one shape; {@code unique}: no value twice. */
  public record ListOf(Shape items, int minItems, boolean unique) implements Shape {}

  /** A value of a shape, or {@code null} (an optional parameter unset, as in JSON Merge Patch). */
  public record OrNull(Shape shape) implements Shape {}

  /**
   * An object whose keys are names of {@code keys} and whose values are {@code values}, but for
   * the keys of {@code exceptions}, which have their own shape.
   */
  public record Keyed(Choice keys, Shape values, Map<String, Shape> exceptions) implements Shape {}

  /** Whether a field must be given. */
  public enum Presence {
    /** Always required. */
    REQUIRED,
    /** May be left out. */
    OPTIONAL,
    /** Required in a protocol profile without {@code basedOn}; else inherited when left out. */
    UNLESS_INHERITED
  }

  /**
   * One field of an object: its name, shape, presence and what it records, and, for the objects
   * of a course document, how the walks get it from a value and give it to a builder.
   */
  public record Field(String name, Shape shape, Presence presence, String description,
      Access access) {
    /** This field, read from a value with {@code get} and given to a builder with {@code put}. */
    <T, B, V> Field to(Function<T, ?> get, Put<B, V> put) {
      return access(get, put);
    }

    /** This whole-number field, read with {@code get} and given to a builder with {@code put}. */
    <T, B> Field ints(Function<T, ?> get, PutInt<B> put) {
      return access(get, put);
    }

    /** This true-or-false field, read with {@code get} and given to a builder with {@code put}. */
    <T, B> Field flags(Function<T, ?> get, PutFlag<B> put) {
      return access(get, put);
    }

    @SuppressWarnings("unchecked")
    private Field access(Function<?, ?> get, Object put) {
      return new Field(name, shape, presence, description,
          new Access((Function<Object, Object>) get, put, access == null ? null : access.expected));
    }

    /** This field, named in a read error as {@code expected} when it is missing. */
    Field expecting(String expected) {
      return new Field(name, shape, presence, description, new Access(
          access == null ? null : access.get, access == null ? null : access.put, expected));
    }
  }

  /**
   * How the course walks reach a field: {@code get} gives its value from the core value
   * (an {@code Optional} or {@code OptionalInt} when it may be absent), {@code put} gives a read
   * value (or one element of a list) to the builder ({@link Put}, {@link PutInt} or {@link
   * PutFlag}), and {@code expected} says what a read error expects when it is missing ({@code
   * null}: what its shape is).
   */
  public record Access(Function<Object, Object> get, Object put, String expected) {}

  /** Gives a read value, or one element of a read list, to a builder. */
  @FunctionalInterface
  public interface Put<B, V> {
    /** Gives {@code value} to {@code builder}. */
    void put(B builder, V value);
  }

  /** Gives a read whole number to a builder. */
  @FunctionalInterface
  public interface PutInt<B> {
    /** Gives {@code value} to {@code builder}. */
    void put(B builder, int value);
  }

  /** Gives a read {@code true} or {@code false} to a builder. */
  @FunctionalInterface
  public interface PutFlag<B> {
    /** Gives {@code value} to {@code builder}. */
    void put(B builder, boolean value);
  }

  /**
   * How the course walks make a value of an object: a new builder, the value built from it, the
   * reader's checks between its fields (run before building), the noun a read error names it by
   * ("a session", plural "sessions"), and the field that identifies an element of a list of it
   * ({@code null}: none), where an error about the element points.
   */
  public record Binding(Supplier<Object> builder, Function<Object, Object> build, Check check,
      String noun, String plural, String key) {}

  /** The reader's checks between the fields of one object, after its fields are read. */
  @FunctionalInterface
  public interface Check {
    /** Fails with a read error when the fields of {@code object} do not fit together. */
    void check(CourseWalk.Scope object);
  }

  /**
   * An object of the format: its fields in the documented (and written) order, the conditions
   * between its fields that a JSON Schema can state (as schema fragments), those that hold only
   * when nothing is inherited, and a comment on what only the reader checks.
   */
  public record ObjectType(String def, String description, List<Field> fields,
      List<Map<String, Object>> conditions, List<Map<String, Object>> conditionsUnlessInherited,
      String comment, Binding binding) implements Shape {
    /** An object type the course walks do not read or write. */
    public ObjectType(String def, String description, List<Field> fields,
        List<Map<String, Object>> conditions, List<Map<String, Object>> conditionsUnlessInherited,
        String comment) {
      this(def, description, fields, conditions, conditionsUnlessInherited, comment, null);
    }

    /**
     * This object type, made by the course walks with {@code builder} and {@code build}, named
     * {@code noun} (with its article) and {@code plural} in read errors.
     */
    @SuppressWarnings("unchecked")
    <B, T> ObjectType bind(Supplier<B> builder, Function<B, T> build, String noun,
        String plural) {
      return new ObjectType(def, description, fields, conditions, conditionsUnlessInherited,
          comment, new Binding((Supplier<Object>) builder, (Function<Object, Object>) build,
              null, noun, plural, null));
    }

    /** This object type with the reader's checks between its fields. */
    ObjectType checked(Check check) {
      return new ObjectType(def, description, fields, conditions, conditionsUnlessInherited,
          comment, new Binding(binding.builder(), binding.build(), check, binding.noun(),
              binding.plural(), binding.key()));
    }

    /** This object type, an element of a list identified by its field {@code key}. */
    ObjectType keyed(String key) {
      return new ObjectType(def, description, fields, conditions, conditionsUnlessInherited,
          comment, new Binding(binding.builder(), binding.build(), binding.check(),
              binding.noun(), binding.plural(), field(key).name()));
    }

    /**
     * Every field name of this object and of the objects within it, and the names of keyed
     * objects' keys (rule codes): the names that may appear in the pointer of a syntax error.
     */
    public Set<String> allNames() {
      Set<String> names = new HashSet<>();
      collectNames(this, names);
      return Set.copyOf(names);
    }

    private static void collectNames(Shape shape, Set<String> names) {
      if (shape instanceof ObjectType object) {
        for (Field field : object.fields()) {
          names.add(field.name());
          collectNames(field.shape(), names);
        }
      } else if (shape instanceof ListOf list) {
        collectNames(list.items(), names);
      } else if (shape instanceof OrNull orNull) {
        collectNames(orNull.shape(), names);
      } else if (shape instanceof Keyed keyed) {
        names.addAll(keyed.keys().values());
      }
    }

    /** The field names in documented order, as a list. */
    public List<String> nameList() {
      return List.of(names());
    }

    /** The object type of the field {@code name} (an object, or an object or null). */
    public ObjectType part(String name) {
      Shape shape = field(name).shape();
      return (ObjectType) (shape instanceof OrNull orNull ? orNull.shape() : shape);
    }

    /** The number of the field of this name. */
    public int index(String name) {
      return fields.indexOf(field(name));
    }

    /** The field names in documented order. */
    public String[] names() {
      return fields.stream().map(Field::name).toArray(String[]::new);
    }

    /**
     * The fields named, as a bit set over the field numbers (field {@code i} is bit {@code i}),
     * as the readers keep the fields they have seen.
     */
    public long bits(List<String> names) {
      long bits = 0;
      for (String name : names) {
        bits |= 1L << List.of(names()).indexOf(field(name).name());
      }
      return bits;
    }

    /** The required fields as a bit set over the field numbers. */
    public long requiredBits() {
      return bits(fields.stream().filter(f -> f.presence() == Presence.REQUIRED)
          .map(Field::name).toList());
    }

    /** The field of this name. */
    public Field field(String name) {
      for (Field field : fields) {
        if (field.name().equals(name)) {
          return field;
        }
      }
      throw new IllegalArgumentException(name);
    }
  }

  /** A published document type: its schema's name, title, description and root object. */
  public record Document(String name, String title, String description, ObjectType root) {}

  // ---------------------------------------------------------------- building blocks

  static Field required(String name, Shape shape, String description) {
    return new Field(name, shape, Presence.REQUIRED, description, null);
  }

  static Field optional(String name, Shape shape, String description) {
    return new Field(name, shape, Presence.OPTIONAL, description, null);
  }

  static Field unlessInherited(String name, Shape shape, String description) {
    return new Field(name, shape, Presence.UNLESS_INHERITED, description, null);
  }

  static ObjectType object(String def, String description, Field... fields) {
    return new ObjectType(def, description, List.of(fields), List.of(), List.of(), null);
  }

  static ObjectType object(String def, String description, String comment,
      List<Map<String, Object>> conditions, Field... fields) {
    return new ObjectType(def, description, List.of(fields), conditions, List.of(), comment);
  }

  /** A JSON object as a schema fragment: alternating names and values. */
  static Map<String, Object> json(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], Objects.requireNonNull(namesAndValues[i + 1]));
    }
    return object;
  }

  /** The schema fragment "when {@code field} is {@code value}, then {@code then}". */
  static Map<String, Object> when(String field, String value, Map<String, Object> then) {
    return json("if", json("properties", json(field, json("const", value)),
        "required", List.of(field)), "then", then);
  }

  static ListOf listOf(Shape items) {
    return new ListOf(items, 0, false);
  }

  static ListOf setOf(Shape items) {
    return new ListOf(items, 0, true);
  }

  private static final long INT_MAX = Integer.MAX_VALUE;

  /** The version of the format the writers produce. */
  public static final String WRITTEN_VERSION = "1.0";

  // What a read error expects of a value of each kind, in the words every reader uses.
  static final String STRING = "a string";
  static final String INTEGER = "an integer";
  static final String BOOLEAN = "true or false";
  static final String DATE_WORDS = "a date YYYY-MM-DD";

  // ---------------------------------------------------------------- common values

  /** A non-blank identifier, as the reader (Java's Character.isWhitespace) has it. */
  public static final Text IDENTIFIER = new Text("identifier", "A non-blank identifier: at least"
      + " one character that is not white space as Java's Character.isWhitespace has it (the"
      + " pattern spells those out, so every regular-expression engine agrees with the reader; a"
      + " no-break space alone counts as a character). At most the reader's default string"
      + " length.",
      "[^\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029"
          + "\\u205F\\u3000]", 1, MAX_STRING);

  /** Any text, at most the reader's default string length. */
  static Text text(String description) {
    return new Text(null, description, null, 0, MAX_STRING);
  }

  private static final String DAY_29_30_31 = "(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
      + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8])";
  private static final String LEAP_YEAR = "[0-9]{2}(?:0[48]|[2468][048]|[13579][26])"
      + "|(?:[02468][048]|[13579][26])00";

  /**
   * A calendar date: the pattern knows month lengths and leap years (February 29 only in a year
   * divisible by 4 and, for a century, by 400), so no validator needs {@code format: date}; exactly
   * ten characters, so no regular-expression engine lets a trailing line break through.
   */
  public static final Text DATE = new Text("date", "An ISO-8601 calendar date YYYY-MM-DD that"
      + " exists in the calendar (years 0000 to 9999, proleptic Gregorian).",
      "^(?:[0-9]{4}-(?:" + DAY_29_30_31 + ")|(?:" + LEAP_YEAR + ")-02-29)$", 10, 10);

  /** The format version of a course document: 1 and a minor of at most 11 digits. */
  static final Text SCHEMA_VERSION = new Text(null, "The format version; this schema describes"
      + " every 1.x (a minor version of at most 11 digits).",
      // (?![\s\S]) is the end of the text in every engine, where $ may match before a final
      // line break (Java, Python).
      "^1\\.[0-9]{1,11}(?![\\s\\S])", 3, 13);

  static final Whole POSITIVE = new Whole(1, INT_MAX);
  static final Whole COUNT = new Whole(0, INT_MAX);
  static final Whole MINUTES = new Whole(1, 600);

  // ---------------------------------------------------------------- the course

  static final Choice STATUS = Choice.of("status", "Where the course stands.", CourseStatus.class);
  static final Choice PROBLEM_AREA_TYPE = Choice.of("problemAreaType", "An IPT problem area.",
      ProblemAreaType.class);
  static final Choice INSTRUMENT = Choice.of("instrument", "A symptom measure.",
      Instrument.class);
  static final Choice TECHNIQUE = Choice.of("technique", "A therapeutic technique; the last six"
      + " are not IPT techniques.", Technique.class);

  /** A treatment contract. */
  public static final ObjectType CONTRACT = object("contract", "A treatment contract: the time"
      + " limit, frequency, session length and goals agreed with the patient.",
      required("kind", Choice.of("contractKind", "The kind of treatment agreed.",
          ContractKind.class), null)
          .to(Contract::kind, (Contract.Builder b, ContractKind v) -> b.kind(v)),
      required("agreedOn", DATE, "The date the contract was agreed.")
          .to(Contract::agreedOn, (Contract.Builder b, LocalDate v) -> b.agreedOn(v)),
      optional("plannedSessions", POSITIVE, "The number of sessions agreed (the time limit).")
          .ints(Contract::plannedSessions, (Contract.Builder b, int v) -> b.plannedSessions(v)),
      optional("frequency", Choice.of("frequency", "How often sessions are held.",
          Frequency.class), null)
          .to(Contract::frequency, (Contract.Builder b, Frequency v) -> b.frequency(v)),
      optional("sessionMinutes", MINUTES, "The agreed length of a session in minutes.")
          .ints(Contract::sessionMinutes, (Contract.Builder b, int v) -> b.sessionMinutes(v)),
      optional("goals", listOf(text("A treatment goal in the patient's words (free text).")),
          "The treatment goals.")
          .to(Contract::goals, (Contract.Builder b, String v) -> b.addGoal(v)))
      .bind(Contract::builder, Contract.Builder::build, "a contract", "contracts");

  /** One person of an interpersonal inventory. */
  public static final ObjectType PERSON = object("person", "One person of the interpersonal"
      + " inventory, by pseudonymous id. A date of death needs deceased: true.", null,
      List.of(json("dependentSchemas", json("diedOn", json("required", List.of("deceased"),
          "properties", json("deceased", json("type", "boolean", "const", true)))))),
      required("id", IDENTIFIER, "The pseudonymous id problem areas refer to; never a real name.")
          .to(Person::id, (Person.Builder b, String v) -> b.id(v)).expecting(STRING),
      optional("relationship", Choice.of("relationship", "The person's relationship to the"
          + " patient.", Relationship.class), null)
          .to(Person::relationship, (Person.Builder b, Relationship v) -> b.relationship(v)),
      optional("circle", POSITIVE, "The closeness circle: 1 = inner, up to the profile's number"
          + " of circles (default 3).")
          .ints(Person::circle, (Person.Builder b, int v) -> b.circle(v)),
      optional("contact", Choice.of("contact", "How often the patient is in contact with the"
          + " person.", ContactFrequency.class), null)
          .to(Person::contact, (Person.Builder b, ContactFrequency v) -> b.contact(v)),
      optional("confidant", new Flag(), "Whether the patient confides in the person.")
          .flags(Person::confidant, (Person.Builder b, boolean v) -> b.confidant(v)),
      optional("conflict", new Flag(), "Whether the relationship is in conflict.")
          .flags(Person::conflict, (Person.Builder b, boolean v) -> b.conflict(v)),
      optional("changedNearOnset", new Flag(), "Whether the relationship changed near the onset"
          + " of the episode.")
          .flags(Person::changedNearOnset, (Person.Builder b, boolean v) -> b.changedNearOnset(v)),
      optional("deceased", new Flag(), "Whether the person has died.")
          .flags(Person::deceased, (Person.Builder b, boolean v) -> b.deceased(v)),
      optional("diedOn", DATE, "The date of death.")
          .to(Person::diedOn, (Person.Builder b, LocalDate v) -> b.diedOn(v)),
      optional("satisfying", listOf(text("A satisfying aspect of the relationship (free text).")),
          null)
          .to(Person::satisfying, (Person.Builder b, String v) -> b.addSatisfying(v)),
      optional("unsatisfying", listOf(text("An unsatisfying aspect of the relationship (free"
          + " text).")), null)
          .to(Person::unsatisfying, (Person.Builder b, String v) -> b.addUnsatisfying(v)),
      optional("expectationsMet", new Flag(), "Whether the patient's expectations of the"
          + " relationship are met.")
          .flags(Person::expectationsMet, (Person.Builder b, boolean v) -> b.expectationsMet(v)),
      optional("desiredChange", text("The change the patient wants in the relationship (free"
          + " text)."), null)
          .to(Person::desiredChange, (Person.Builder b, String v) -> b.desiredChange(v)))
      .bind(Person::builder, Person.Builder::build, "a person", "people").keyed("id");

  /** A dated snapshot of the interpersonal inventory. */
  public static final ObjectType INVENTORY = object("inventory", "A dated snapshot of the"
      + " interpersonal inventory.", "Person ids are unique within a snapshot: the reader checks"
      + " it; no schema can.", List.of(),
      required("takenOn", DATE, "The date the inventory was taken.")
          .to(InterpersonalInventory::takenOn,
              (InterpersonalInventory.Builder b, LocalDate v) -> b.takenOn(v)),
      required("people", listOf(PERSON), "The people of the inventory.")
          .to(InterpersonalInventory::people,
              (InterpersonalInventory.Builder b, Person v) -> b.addPerson(v)))
      .bind(InterpersonalInventory::builder, InterpersonalInventory.Builder::build,
          "an inventory", "inventories");

  /** The fields a problem area of each type may have. */
  public static final Map<ProblemAreaType, List<String>> AREA_FIELDS = Map.of(
      ProblemAreaType.GRIEF, List.of("type", "primary", "personId"),
      ProblemAreaType.ROLE_DISPUTE, List.of("type", "primary", "personId", "stage"),
      ProblemAreaType.ROLE_TRANSITION, List.of("type", "primary", "fromRole", "toRole",
          "transition"),
      ProblemAreaType.INTERPERSONAL_DEFICITS, List.of("type", "primary"));


  private static List<Map<String, Object>> areaConditions() {
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (ProblemAreaType type : ProblemAreaType.values()) {
      conditions.add(when("type", type.name(), json("type", "object", "propertyNames",
          json("type", "string", "enum", AREA_FIELDS.get(type)))));
    }
    return List.of(json("allOf", conditions));
  }

  /** A chosen problem area. */
  public static final ObjectType PROBLEM_AREA = object("problemArea", "A chosen IPT problem"
      + " area; its type decides which other fields it may have.", null, areaConditions(),
      required("type", PROBLEM_AREA_TYPE, null)
          .to(ProblemArea::type, (AreaDraft d, ProblemAreaType v) -> d.type = v),
      optional("primary", new Flag(), "Whether it is the primary problem area.")
          .flags(ProblemArea::primary, (AreaDraft d, boolean v) -> d.primary = v),
      optional("personId", text("GRIEF: the deceased person; ROLE_DISPUTE: the other person"
          + " (pseudonymous id)."), null)
          .to(ProblemArea::personId, (AreaDraft d, String v) -> d.personId = v),
      optional("stage", Choice.of("disputeStage", "The stage of a role dispute.",
          DisputeStage.class), null)
          .to((ProblemArea a) -> a instanceof RoleDispute d ? d.stage() : Optional.empty(),
              (AreaDraft d, DisputeStage v) -> d.stage = v),
      optional("fromRole", text("ROLE_TRANSITION: the old role (free text)."), null)
          .to((ProblemArea a) -> a instanceof RoleTransition t ? t.fromRole() : Optional.empty(),
              (AreaDraft d, String v) -> d.fromRole = v),
      optional("toRole", text("ROLE_TRANSITION: the new role (free text)."), null)
          .to((ProblemArea a) -> a instanceof RoleTransition t ? t.toRole() : Optional.empty(),
              (AreaDraft d, String v) -> d.toRole = v),
      optional("transition", Choice.of("transition", "The kind of role transition.",
          TransitionKind.class), null)
          .to((ProblemArea a) -> a instanceof RoleTransition t ? t.transition()
              : Optional.empty(), (AreaDraft d, TransitionKind v) -> d.transition = v))
      .bind(AreaDraft::new, AreaDraft::build, "a problem area", "problem areas")
      .checked(WireFormat::checkArea);

  /** A problem area being read: its fields, until its type says which value to build. */
  static final class AreaDraft {
    ProblemAreaType type;
    boolean primary;
    String personId;
    String fromRole;
    String toRole;
    DisputeStage stage;
    TransitionKind transition;

    ProblemArea build() {
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
  }

  /** A problem area has only the fields its type allows. */
  private static void checkArea(CourseWalk.Scope area) {
    ProblemAreaType type = (ProblemAreaType) area.value(0);
    area.onlyFields(areaBits(type), "field not defined for a " + type + " problem area");
  }

  private static final long[] AREA_BITS = new long[ProblemAreaType.values().length];

  static {
    for (ProblemAreaType type : ProblemAreaType.values()) {
      AREA_BITS[type.ordinal()] = PROBLEM_AREA.bits(AREA_FIELDS.get(type));
    }
  }

  /**
   * The fields a problem area of {@code type} may have, as a bit set over its field numbers
   * (computed once: the readers ask for every problem area they read).
   */
  public static long areaBits(ProblemAreaType type) {
    return AREA_BITS[type.ordinal()];
  }

  /** The formulation shared with the patient. */
  public static final ObjectType FORMULATION = object("formulation", "The interpersonal"
      + " formulation shared with the patient.",
      required("sharedOn", DATE, "The date the formulation was shared.")
          .to(Formulation::sharedOn, (Formulation.Builder b, LocalDate v) -> b.sharedOn(v)),
      optional("areas", setOf(PROBLEM_AREA_TYPE), "The problem areas it names.")
          .to(Formulation::areas, (Formulation.Builder b, ProblemAreaType v) -> b.addArea(v)),
      optional("patientAgreed", new Flag(), "Whether the patient agreed with it.")
          .flags(Formulation::patientAgreed,
              (Formulation.Builder b, boolean v) -> b.patientAgreed(v)))
      .bind(Formulation::builder, Formulation.Builder::build, "a formulation", "formulations");

  /** An item score up to {@code max}, or null for an item left unanswered. */
  private static Map<String, Object> itemOrNull(int max) {
    return json("anyOf", List.of(json("type", "integer", "maximum", max), json("type", "null")));
  }

  private static List<Map<String, Object>> instrumentConditions() {
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Instrument instrument : Instrument.values()) {
      Map<String, Object> items = json("type", "array", "minItems", instrument.itemCount(),
          "maxItems", instrument.itemCount());
      boolean sameMax = true;
      for (int i = 2; i <= instrument.itemCount(); i++) {
        sameMax &= instrument.itemMax(i) == instrument.itemMax(1);
      }
      if (sameMax) {
        items.put("items", itemOrNull(instrument.itemMax(1)));
      } else {
        List<Object> prefix = new ArrayList<>();
        for (int i = 1; i <= instrument.itemCount(); i++) {
          prefix.add(itemOrNull(instrument.itemMax(i)));
        }
        items.put("prefixItems", prefix);
      }
      Map<String, Object> condition = when("instrument", instrument.name(), json("properties",
          json("items", items, "total", json("type", "integer", "maximum",
              instrument.maxTotal()))));
      condition.put("$comment", instrument.displayName() + ": " + instrument.itemCount()
          + " items, total 0.." + instrument.maxTotal());
      conditions.add(condition);
    }
    return List.of(json("anyOf", List.of(json("required", List.of("items")),
        json("required", List.of("total")))), json("allOf", conditions));
  }

  /** One administration of a symptom measure. */
  public static final ObjectType MEASURE = object("measure", "One administration of a symptom"
      + " measure: scored items and/or the total. A date places a measure taken outside a"
      + " session.", "With both items and total, the total is the sum of the items: the reader"
      + " checks it; no schema can.", instrumentConditions(),
      required("instrument", INSTRUMENT, null)
          .to(Measure::instrument, (Measure.Builder b, Instrument v) -> b.instrument(v)),
      optional("items", listOf(new OrNull(new Whole(0, INT_MAX))), "The scored items in the"
          + " instrument's order; null for an item left unanswered. A PHQ-9 or GAD-7 with at most"
          + " two unanswered items, the safety item answered, has a prorated total (mean of the"
          + " answered items times the item count, rounded half up); any other form with an"
          + " unanswered item has no total.")
          .to(Measure::items, (Measure.Builder b, Integer v) -> b.addItem(v)),
      optional("total", COUNT, "The total score.")
          .ints(Measure::total, (Measure.Builder b, int v) -> b.total(v)),
      optional("date", DATE, "The date it was taken, for a measure outside a session.")
          .to(Measure::date, (Measure.Builder b, LocalDate v) -> b.date(v)))
      .bind(Measure::builder, Measure.Builder::build, "a measure", "measures")
      .checked(WireFormat::checkMeasure);

  /** A measure has items or a total, and an items list is not empty. */
  private static void checkMeasure(CourseWalk.Scope measure) {
    if (!measure.has(1) && !measure.has(2)) {
      throw measure.missing(1, "an array of item scores, or a total");
    }
    if (measure.has(1) && measure.count(1) == 0) {
      // The model holds "no items" as an empty list (a total only), so an empty array would be
      // read as if it were absent and dropped on writing: it is a wrong number of items.
      Instrument instrument = (Instrument) measure.value(0);
      throw measure.invalid("items", instrument.itemCount() + " item scores",
          instrument.displayName() + " has " + instrument.itemCount() + " items, 0 were given");
    }
  }

  /** One scheduled session. */
  public static final ObjectType SESSION = object("session", "One scheduled session. An ATTENDED"
      + " session needs its phase; a CANCELLED or NO_SHOW session records no minutes, tasks,"
      + " techniques or measures.", "Session numbers are unique within a course, and no fidelity"
      + " rating rates a CANCELLED or NO_SHOW session: the reader checks it; no schema can.", List.of(json("if", json("properties", json("attendance",
          json("const", "ATTENDED")), "required", List.of("attendance")),
          "then", json("required", List.of("phase")),
          "else", json("not", json("required", List.of("minutes")),
              "properties", json("tasks", json("type", "array", "maxItems", 0),
              "techniques", json("type", "array", "maxItems", 0),
              "measures", json("type", "array", "maxItems", 0))))),
      required("number", POSITIVE, "The session number, from 1.")
          .ints(Session::number, (Session.Builder b, int v) -> b.number(v))
          .expecting("an integer from 1"),
      required("date", DATE, "The date of the session.")
          .to(Session::date, (Session.Builder b, LocalDate v) -> b.date(v)),
      optional("minutes", MINUTES, "Its length in minutes.")
          .ints(Session::minutes, (Session.Builder b, int v) -> b.minutes(v)),
      required("attendance", Choice.of("attendance", "Whether the patient came.",
          Attendance.class), null)
          .to(Session::attendance, (Session.Builder b, Attendance v) -> b.attendance(v)),
      optional("phase", Choice.of("phase", "The phase of treatment.", Phase.class), null)
          .to(Session::phase, (Session.Builder b, Phase v) -> b.phase(v)),
      optional("setting", Choice.of("setting", "Who took part: JOINT is with a caregiver or"
          + " partner.", Setting.class), null)
          .to(Session::setting, (Session.Builder b, Setting v) -> b.setting(v)),
      optional("modality", Choice.of("modality", "How the session was held.", Modality.class),
          null)
          .to(Session::modality, (Session.Builder b, Modality v) -> b.modality(v)),
      optional("cpt", new Text(null, "The CPT psychotherapy code billed, if any: four digits and"
          + " a digit or capital letter.", "^[0-9]{4}[0-9A-Z]$", 5, 5), null)
          .to(Session::cpt, (Session.Builder b, String v) -> b.cpt(v)),
      optional("tasks", setOf(Choice.of("task", "A protocol task done in a session.",
          SessionTask.class)), "The protocol tasks done.")
          .to(Session::tasks, (Session.Builder b, SessionTask v) -> b.addTask(v)),
      optional("techniques", setOf(TECHNIQUE), "The techniques used.")
          .to(Session::techniques, (Session.Builder b, Technique v) -> b.addTechnique(v)),
      optional("focus", setOf(PROBLEM_AREA_TYPE), "The problem areas the session addressed.")
          .to(Session::focus, (Session.Builder b, ProblemAreaType v) -> b.addFocus(v)),
      optional("measures", listOf(MEASURE), "The measures taken in the session.")
          .to(Session::measures, (Session.Builder b, Measure v) -> b.addMeasure(v)))
      .bind(Session::builder, Session.Builder::build, "a session", "sessions")
      .keyed("number").checked(WireFormat::checkSession);

  /** An ATTENDED session has its phase. */
  private static void checkSession(CourseWalk.Scope session) {
    if (session.value(3) == Attendance.ATTENDED && !session.has(4)) {
      throw session.missing(4, EnumCodec.PHASE.oneOf() + " (an ATTENDED session needs its phase)");
    }
  }

  /** An observer's rating of one session. */
  public static final ObjectType FIDELITY_RATING = object("fidelityRating", "An observer's"
      + " adherence rating of one session on a fidelity scale (item scores only).",
      required("session", POSITIVE, "The number of the session rated.")
          .ints(FidelityRating::session, (FidelityRating.Builder b, int v) -> b.session(v))
          .expecting("an integer session number"),
      required("scale", IDENTIFIER, "The scale's identifier, e.g. IPT-QAS or CSPRS-IPT.")
          .to(FidelityRating::scale, (FidelityRating.Builder b, String v) -> b.scale(v))
          .expecting("a scale identifier such as \"IPT-QAS\""),
      optional("rater", text("The pseudonymous id of the rater."), null)
          .to(FidelityRating::rater, (FidelityRating.Builder b, String v) -> b.rater(v)),
      required("items", new ListOf(COUNT, 1, false), "The item scores.")
          .ints(FidelityRating::items, (FidelityRating.Builder b, int v) -> b.addItem(v))
          .expecting("an array of item scores"))
      .bind(FidelityRating::builder, FidelityRating.Builder::build, "a fidelity rating",
          "fidelity ratings");

  /** A course document. */
  public static final ObjectType COURSE = object(null, "One course of Interpersonal"
      + " Psychotherapy as recorded by iptkit (schema version 1.x).",
      "What the reader checks beyond this schema: a field given twice (duplicate keys), an"
      + " integer written with a fraction (57.0 is an integer to JSON Schema, not to the reader),"
      + " session numbers unique in the course, person ids unique in an inventory, a total"
      + " agreeing with its items, an endedOn not before the last session, no rating of a"
      + " cancelled or missed session, and string lengths counted in UTF-16 units (JSON Schema"
      + " counts code points) against a configurable limit.",
      List.of(json("if", json("properties", json("status", json("const", "ONGOING")),
          "required", List.of("status")), "then", json("not", json("required",
              List.of("endedOn"))))),
      required("schemaVersion", SCHEMA_VERSION, null)
          .to((TreatmentCourse c) -> WRITTEN_VERSION, null)
          .expecting("a schema version such as \"1.0\""),
      required("courseId", IDENTIFIER, "The host's identifier of the course (not a patient"
          + " identifier).")
          .to(TreatmentCourse::courseId, (TreatmentCourse.Builder b, String v) -> b.courseId(v))
          .expecting(STRING),
      optional("patientRef", text("A pseudonymous reference to the patient."), null)
          .to(TreatmentCourse::patientRef,
              (TreatmentCourse.Builder b, String v) -> b.patientRef(v)),
      optional("therapistRef", text("A pseudonymous reference to the therapist."), null)
          .to(TreatmentCourse::therapistRef,
              (TreatmentCourse.Builder b, String v) -> b.therapistRef(v)),
      required("protocol", IDENTIFIER, "The id of the protocol profile the course follows, e.g."
          + " ipt-acute-16.")
          .to(TreatmentCourse::protocol, (TreatmentCourse.Builder b, String v) -> b.protocol(v))
          .expecting(STRING),
      required("status", STATUS, null)
          .to(TreatmentCourse::status,
              (TreatmentCourse.Builder b, CourseStatus v) -> b.status(v)),
      optional("contracts", listOf(CONTRACT), "The treatment contracts, in the order agreed.")
          .to(TreatmentCourse::contracts,
              (TreatmentCourse.Builder b, Contract v) -> b.addContract(v)),
      optional("inventories", listOf(INVENTORY), "The interpersonal inventories taken.")
          .to(TreatmentCourse::inventories,
              (TreatmentCourse.Builder b, InterpersonalInventory v) -> b.addInventory(v)),
      optional("problemAreas", listOf(PROBLEM_AREA), "The chosen problem areas.")
          .to(TreatmentCourse::problemAreas,
              (TreatmentCourse.Builder b, ProblemArea v) -> b.addProblemArea(v)),
      optional("formulation", FORMULATION, null)
          .to(TreatmentCourse::formulation,
              (TreatmentCourse.Builder b, Formulation v) -> b.formulation(v)),
      required("sessions", listOf(SESSION), "The sessions in recorded order; may be empty for a"
          + " course not yet started.")
          .to(TreatmentCourse::sessions,
              (TreatmentCourse.Builder b, Session v) -> b.addSession(v)),
      optional("measures", listOf(MEASURE), "Measures taken outside sessions (e.g. screening),"
          + " each with its date.")
          .to(TreatmentCourse::measures,
              (TreatmentCourse.Builder b, Measure v) -> b.addMeasure(v)),
      optional("fidelityRatings", listOf(FIDELITY_RATING), "Observers' ratings of sessions.")
          .to(TreatmentCourse::fidelityRatings,
              (TreatmentCourse.Builder b, FidelityRating v) -> b.addFidelityRating(v)),
      optional("endedOn", DATE, "The date treatment ended: not for an ONGOING course, and not"
          + " before the last session (checked by the reader).")
          .to(TreatmentCourse::endedOn,
              (TreatmentCourse.Builder b, LocalDate v) -> b.endedOn(v)))
      .bind(TreatmentCourse::builder, TreatmentCourse.Builder::build, "a course", "courses");

  /**
   * Every object of a course document by the core type it is read as, the course first: the
   * types the Jackson module reads and writes.
   */
  public static final Map<Class<?>, ObjectType> COURSE_PARTS = courseParts();

  private static Map<Class<?>, ObjectType> courseParts() {
    Map<Class<?>, ObjectType> parts = new LinkedHashMap<>();
    parts.put(TreatmentCourse.class, COURSE);
    parts.put(Session.class, SESSION);
    parts.put(Measure.class, MEASURE);
    parts.put(Contract.class, CONTRACT);
    parts.put(InterpersonalInventory.class, INVENTORY);
    parts.put(Person.class, PERSON);
    parts.put(ProblemArea.class, PROBLEM_AREA);
    parts.put(Formulation.class, FORMULATION);
    parts.put(FidelityRating.class, FIDELITY_RATING);
    return java.util.Collections.unmodifiableMap(parts);
  }

  // ---------------------------------------------------------------- the protocol profile

  private static final Ratio SHARE = new Ratio("share", 0, 1);

  /** A number of sessions in a profile, at most the profile's own bound. */
  private static final Whole SESSIONS = new Whole(0, ProtocolProfile.MAX_SESSIONS);

  static final ObjectType RANGE = object("range", "An inclusive range of whole numbers; min <="
      + " max (checked by the reader). With basedOn either end may be left to the parent.",
      unlessInherited("min", SESSIONS, "The smallest value allowed."),
      unlessInherited("max", SESSIONS, "The largest value allowed."));

  static final ObjectType MINUTES_RANGE = object("minutesRange", "An inclusive range of session"
      + " minutes; min <= max (checked by the reader). With basedOn either end may be left to the"
      + " parent.",
      unlessInherited("min", new Whole(0, ProtocolProfile.MAX_SESSION_MINUTES),
          "The smallest value allowed."),
      unlessInherited("max", new Whole(0, ProtocolProfile.MAX_SESSION_MINUTES),
          "The largest value allowed."));

  private static final String UNSET = " null: not set, and not inherited from the parent (JSON"
      + " Merge Patch).";

  private static List<String> ruleCodes() {
    return RuleCatalog.all().stream().map(RuleInfo::code).toList();
  }

  private static Map<String, Object> notNull(String field) {
    return json("required", List.of(field), "properties", json(field,
        json("not", json("type", "null"))));
  }

  /** A protocol profile. */
  public static final ObjectType PROFILE = new ObjectType(null, "A protocol profile: every"
      + " parameter the fidelity rules read. With basedOn, every parameter not given is inherited"
      + " from the named profile (nested objects field by field, arrays and scalars whole; null"
      + " unsets an optional parameter); without it, every required parameter is given.",
      List.of(
          required("id", IDENTIFIER, "The profile id courses name in their protocol field, e.g."
              + " my-trial-2026."),
          unlessInherited("title", text("A human title."), null),
          optional("basedOn", IDENTIFIER, "The id of the profile this one inherits from (a"
              + " built-in one such as ipt-acute-16, or one the host registered)."),
          optional("source", new OrNull(text(null)), "The source of the parameters (manual,"
              + " trial paper), for citation." + UNSET),
          unlessInherited("sessions", RANGE, "Attended sessions of a completed course, pre-group"
              + " sessions not counted (rule S01)."),
          unlessInherited("sessionMinutes", MINUTES_RANGE, "Session length in minutes (rule S06)."),
          unlessInherited("maxGapDays", new Whole(1, ProtocolProfile.MAX_GAP_DAYS), "Largest gap in days between consecutive"
              + " attended sessions (rule S04)."),
          unlessInherited("maxSpanWeeks", new Whole(1, ProtocolProfile.MAX_WEEKS), "Largest span in weeks from the first to the"
              + " last session (rule S05)."),
          unlessInherited("minAttendance", SHARE, "Smallest share of scheduled sessions attended"
              + " (rule S08)."),
          unlessInherited("phases", new ObjectType(null, "The acute phases; initial and"
              + " termination come together.", List.of(
                  optional("initial", new OrNull(RANGE), "Number of INITIAL sessions (rule P02);"
                      + " absent for a profile without acute phases." + UNSET),
                  optional("termination", new OrNull(RANGE), "Number of TERMINATION sessions"
                      + " (rule P04); absent for a profile without acute phases." + UNSET),
                  unlessInherited("endingLeadSessions", SESSIONS, "How many attended sessions"
                      + " before the last the ending must be discussed (rule E01).")),
              List.of(), List.of(json("description", "Both acute phases given as ranges, or"
                  + " neither (absent or null).", "allOf", List.of(
                      json("if", notNull("initial"), "then", notNull("termination")),
                      json("if", notNull("termination"), "then", notNull("initial"))))),
              null), null),
          optional("focus", object(null, "The problem-area focus of the middle phase.",
              optional("maxAreas", new Whole(1, ProtocolProfile.MAX_AREAS), "The maximum number of problem areas (rule F01);"
                  + " default 2."),
              optional("middleOnFocusShare", SHARE, "The share of MIDDLE sessions that address a"
                  + " chosen area (rule F05); default 0.75.")), null),
          optional("circles", new Whole(1, ProtocolProfile.MAX_CIRCLES), "The number of closeness circles of the inventory (rule"
              + " N02); default 3."),
          unlessInherited("measurement", object(null, "How symptoms are measured.",
              unlessInherited("primary", INSTRUMENT, "The primary symptom instrument (rules"
                  + " M01-M05, E05, the outcome)."),
              unlessInherited("maxInterval", new Whole(1, ProtocolProfile.MAX_SESSIONS), "At most this many attended sessions"
                  + " between two primary measures; 1 = every session (rule M02)."),
              optional("deteriorationPoints",
                  new OrNull(new Whole(1, ProtocolProfile.MAX_DETERIORATION_POINTS)), "Rise above baseline counted"
                  + " as deterioration (rule M05); absent: the instrument's default." + UNSET)),
              null),
          optional("preGroupSessions", RANGE, "Individual pre-group sessions of group IPT;"
              + " default 0-0."),
          unlessInherited("sickRole", Choice.of("sickRole", "The sick role given in the initial"
              + " phase (rule I03).", SickRole.class), null),
          optional("caregiverInvolvement", new Flag(), "Whether a caregiver is involved in the"
              + " initial and termination phases (rule I09); default false."),
          optional("allowedTechniques", setOf(TECHNIQUE), "Non-IPT techniques this protocol"
              + " allows (rule T01), e.g. ASSIGNED_HOMEWORK."),
          optional("completer", object(null, "The completer definition.",
              optional("minSessions", new OrNull(SESSIONS), "Attended sessions that make a"
                  + " completer; absent: the profile defines no completer." + UNSET),
              optional("minWeeks", new Whole(0, ProtocolProfile.MAX_WEEKS), "Weeks in treatment a completer also needs; default"
                  + " 0.")), null),
          optional("rules", new Keyed(new Choice("ruleCode", "A rule code of the catalog.",
              ruleCodes()), Choice.of("ruleSetting", "OFF, or the severity to report at.",
                  RuleSetting.class),
              Map.of("M04", new Choice(null, "M04 (safety-item-followed-up) is mandatory at"
                  + " ERROR: never OFF, never lowered.", List.of("ERROR")))),
              "Rule settings by rule code: OFF, or the severity to report at. M04"
                  + " (safety-item-followed-up) is mandatory: only ERROR.")),
      List.of(), List.of(),
      "What the reader checks beyond this schema: basedOn names a known profile, a range's min"
          + " is at most its max, a nested range given in part has a parent to complete it, the"
          + " merged profile has both acute phases or neither, integers are written without a"
          + " fraction, and no field is given twice.");

  // ---------------------------------------------------------------- the fidelity report

  private static final Ratio RATIO = new Ratio("ratio", 0, 1);
  private static final Text POINTER = new Text("pointer", "An RFC 6901 JSON Pointer: empty for"
      + " the whole document, else starting with a slash.", "^(?![\\s\\S])|^/", 0, MAX_STRING);
  private static final Choice BAND = Choice.of("band", "A severity band of the instrument.",
      SeverityBand.class);

  private static ObjectType byDomain() {
    List<Field> fields = new ArrayList<>();
    for (RuleDomain domain : RuleDomain.values()) {
      fields.add(optional(domain.name(), RATIO, null));
    }
    return new ObjectType(null, "Adherence per rule domain, for the domains with an applicable"
        + " rule.", fields, List.of(), List.of(), null);
  }

  /** A fidelity report. */
  public static final ObjectType REPORT = object(null, "The fidelity report of one course: the"
      + " profile used, the status, the fidelity summary, the clinical outcome, every rule's"
      + " outcome and the findings sorted by path then rule. Ratios carry at most four decimals."
      + " The therapist reference is not part of it.",
      "What the reader checks beyond this schema: the results agree with the findings (a rule"
      + " has outcome FINDINGS exactly when the findings hold one of it), each rule has at most"
      + " one result, integers are written without a fraction, and no field is given twice.",
      List.of(),
      required("courseId", IDENTIFIER, "The host's identifier of the course."),
      required("protocol", IDENTIFIER, "The id of the protocol profile the course was checked"
          + " against."),
      optional("courseProtocol", IDENTIFIER, "The id of the protocol profile the course itself"
          + " names, present only when it was checked against another one (an override)."),
      required("status", STATUS, null),
      required("summary", object(null, "Adherence overall and per domain, and the number of"
          + " findings per severity.",
          required("adherence", RATIO, "Passed rules divided by applicable rules; 1.0 when none"
              + " applied."),
          required("errors", COUNT, "Number of ERROR findings."),
          required("warnings", COUNT, "Number of WARNING findings."),
          required("infos", COUNT, "Number of INFO findings."),
          required("byDomain", byDomain(), null)), null),
      required("outcome", object(null, "The clinical outcome on the profile's primary"
          + " instrument; absent values are left out.",
          required("instrument", INSTRUMENT, null),
          optional("baseline", new Whole(Integer.MIN_VALUE, INT_MAX), "The first primary score."),
          optional("last", new Whole(Integer.MIN_VALUE, INT_MAX), "The last primary score after"
              + " the baseline."),
          optional("change", new Whole(Integer.MIN_VALUE, INT_MAX), "Last minus baseline."),
          optional("baselineBand", BAND, null),
          optional("lastBand", BAND, null),
          optional("response", new Flag(), "Whether the course is a response (a fall of half"
              + " the baseline or more)."),
          optional("remission", new Flag(), "Whether the last score is in remission."),
          optional("prorated", new Flag(), "True when the baseline or the last score is the"
              + " prorated total of a partly answered form (at most two items unanswered); absent"
              + " otherwise."),
          required("sessionsAttended", COUNT, "Attended sessions, pre-group not counted."),
          optional("sessionsPlanned", COUNT, "Sessions planned by the latest ACUTE contract; under a profile"
              + " without acute phases (ipt-m-monthly), which has none, by the CONTINUATION or"
              + " MAINTENANCE contract in force (the later agreed of the two)."),
          optional("completer", new Flag(), "Whether the course meets the profile's completer"
              + " definition.")), null),
      required("results", listOf(object("result", "One rule's outcome; a NOT_APPLICABLE rule"
          + " says why, and only it has a reason.", null, List.of(json(
              "if", json("properties", json("outcome", json("const", "NOT_APPLICABLE")),
                  "required", List.of("outcome")),
              "then", json("required", List.of("reason")),
              "else", json("not", json("required", List.of("reason"))))),
          required("rule", IDENTIFIER, "The rule code."),
          required("outcome", Choice.of("outcome", "How the rule came out.", RuleOutcome.class),
              null),
          optional("reason", text("Why the rule did not apply."), null))),
          "Every rule's outcome, in catalog order."),
      required("findings", listOf(object("finding", "One deviation from the protocol: the rule,"
          + " its severity, where in the course (path) and, where known, the session and the"
          + " profile parameter the rule read.",
          required("rule", IDENTIFIER, "The rule code."),
          required("name", IDENTIFIER, "The rule's name."),
          required("severity", Choice.of("severity", "How serious the finding is.",
              Severity.class), null),
          required("path", POINTER, "Where in the course document."),
          optional("session", POSITIVE, "The number of the session concerned."),
          optional("protocolPath", POINTER, "The profile parameter the rule read."),
          required("message", text("What was found."), null))),
          "The findings, sorted by path (array indexes as numbers), then rule, then message."));

  // ---------------------------------------------------------------- the agenda

  /** A next-session agenda. */
  public static final ObjectType AGENDA = object(null, "The agenda of a course's next session:"
      + " where the course stands and what to do next, overdue first.",
      required("protocol", IDENTIFIER, "The id of the protocol profile."),
      required("status", STATUS, null),
      optional("reason", text("Why the course has no agenda."), null),
      optional("nextSessionNumber", POSITIVE, "The number the next session would carry."),
      optional("nextSessionDate", DATE, "The expected date of the next session."),
      optional("nextPhase", Choice.of("phase", "The phase of treatment.", Phase.class), null),
      required("sessionsAttended", COUNT, "Attended sessions, pre-group not counted."),
      optional("plannedSessions", COUNT, "Sessions planned by the latest ACUTE contract."),
      optional("sessionsRemaining", new Whole(Integer.MIN_VALUE, INT_MAX), "Planned sessions"
          + " not yet held."),
      required("items", listOf(object("agendaItem", "One thing to do in the next session.",
          required("kind", Choice.of("agendaItemKind", "The kind of agenda item.",
              AgendaItem.Kind.class), null),
          optional("rule", IDENTIFIER, "The rule that asks for it."),
          optional("task", Choice.of("task", "A protocol task done in a session.",
              SessionTask.class), null),
          optional("instrument", INSTRUMENT, null),
          required("message", text("What to do."), null),
          optional("sinceSession", POSITIVE, "The session since which it is due."))),
          "What to do, overdue first."));

  // ---------------------------------------------------------------- the published documents

  /** The published schemas by name, in the order {@code ipt schema} lists them. */
  public static final List<Document> DOCUMENTS = List.of(
      new Document("course", "IPT treatment course", COURSE.description(), COURSE),
      new Document("protocol", "IPT protocol profile", PROFILE.description(), PROFILE),
      new Document("report", "IPT fidelity report", REPORT.description(), REPORT));

  /** The agenda's schema, generated like the published ones and checked against the writer. */
  public static final Document AGENDA_DOCUMENT = new Document("agenda", "IPT next-session agenda",
      AGENDA.description(), AGENDA);
}
