package org.iptkit.json.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iptkit.core.Instrument;
import org.iptkit.core.Technique;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.internal.JsonTree.Node;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleSetting;
import org.iptkit.rules.SickRole;

/**
 * Reads a protocol profile document (docs/format.md, Protocol profile) from a {@link JsonTree}. A
 * profile with {@code basedOn} starts from that profile of the registry and overrides what it
 * gives: nested objects ({@code sessions}, {@code phases}, {@code focus}, {@code measurement},
 * {@code completer}, {@code rules}…) field by field, arrays and scalars whole. A profile without
 * {@code basedOn} gives every required parameter. An optional parameter given as {@code null}
 * ({@code source}, {@code phases.initial}, {@code phases.termination},
 * {@code measurement.deteriorationPoints}, {@code completer.minSessions}) is not set, even where
 * the parent sets it, as in JSON Merge Patch (RFC 7386). Every problem is a
 * {@link JsonReadException} at the JSON Pointer of the parameter.
 */
public final class ProfileJsonReader {
  // The field names of each object of a profile, from the description of the wire format.
  static final List<String> TOP = WireFormat.PROFILE.nameList();
  static final List<String> RANGE = WireFormat.RANGE.nameList();
  static final List<String> PHASES = WireFormat.PROFILE.part("phases").nameList();
  static final List<String> FOCUS = WireFormat.PROFILE.part("focus").nameList();
  static final List<String> MEASUREMENT = WireFormat.PROFILE.part("measurement").nameList();
  static final List<String> COMPLETER = WireFormat.PROFILE.part("completer").nameList();

  /** Every field name of the profile format, and the rule codes. */
  public static final Set<String> FIELD_NAMES = WireFormat.PROFILE.allNames();

  private static final String RANGE_OBJECT = "a range object {\"min\": …, \"max\": …}";
  /** The parameter a ProtocolProfile check message starts with, e.g. "focus.maxAreas". */
  private static final Pattern PARAMETER = Pattern.compile("^([A-Za-z]+(?:\\.[A-Za-z]+)*) ");
  private static final String CHECK_PREFIX = "protocol profile: ";

  private final ProtocolRegistry registry;
  private final Node root;
  private final List<String> missing = new ArrayList<>();
  private Node missingAt;

  private ProfileJsonReader(Node root, ProtocolRegistry registry) {
    this.root = root;
    this.registry = registry;
  }

  /**
   * The profile the document describes, merged with its {@code basedOn} parent from
   * {@code registry}.
   *
   * @throws JsonReadException if the document is not a valid profile
   */
  public static ProtocolProfile read(Node root, ProtocolRegistry registry) {
    return new ProfileJsonReader(root, registry).read();
  }

  private ProtocolProfile read() {
    Fields o = Fields.of(root, "a protocol profile object", TOP);
    String id = o.identifier("id");
    String title = o.string("title");
    String basedOn = o.identifier("basedOn");
    String source = isNull(o, "source") ? null : o.string("source");
    ProtocolProfile parent = basedOn == null ? null : parent(o.get("basedOn"), basedOn);

    ProtocolProfile.Builder b = ProtocolProfile.builder();
    if (parent != null) {
      b.from(parent);
    }
    b.basedOn(Optional.ofNullable(basedOn));
    if (id == null) {
      missing(o, "id");
    } else {
      b.id(id);
    }
    if (title != null) {
      b.title(title);
    } else if (parent == null) {
      missing(o, "title");
    }
    if (source != null) {
      b.source(source);
    } else if (isNull(o, "source")) {
      b.source(Optional.empty());
    }

    set(range(o, "sessions", parent == null ? null : parent.sessions(), true), b::sessions);
    set(range(o, "sessionMinutes", parent == null ? null : parent.sessionMinutes(), true),
        b::sessionMinutes);
    set(integer(o, "maxGapDays", parent == null ? null : parent.maxGapDays(), true),
        b::maxGapDays);
    set(integer(o, "maxSpanWeeks", parent == null ? null : parent.maxSpanWeeks(), true),
        b::maxSpanWeeks);
    set(number(o, "minAttendance", parent == null ? null : parent.minAttendance(), true),
        b::minAttendance);

    readPhases(o, parent, b);

    Fields focus = o.object("focus", "a focus object", FOCUS);
    if (focus != null) {
      set(focus.integer("maxAreas"), b::maxAreas);
      set(focus.number("middleOnFocusShare"), b::middleOnFocusShare);
    }
    set(o.integer("circles"), b::circles);

    readMeasurement(o, parent, b);

    set(range(o, "preGroupSessions", parent == null ? null : parent.preGroupSessions(), false),
        b::preGroupSessions);
    SickRole sickRole = o.enumValue("sickRole", EnumCodec.SICK_ROLE);
    if (sickRole != null) {
      b.sickRole(sickRole);
    } else if (parent == null) {
      missing(o, "sickRole");
    }
    set(o.bool("caregiverInvolvement"), b::caregiverInvolvement);
    List<Technique> allowed = o.enumSet("allowedTechniques", EnumCodec.TECHNIQUE);
    if (allowed != null) {
      b.allowedTechniques(allowed);
    }

    readCompleter(o, b);
    b.rules(rules(o, parent));

    if (!missing.isEmpty()) {
      throw missingParameters(parent == null);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  /** {@code phases}: the initial and termination ranges and the ending lead. */
  private void readPhases(Fields o, ProtocolProfile parent,
      ProtocolProfile.Builder b) {
    Fields phases = o.object("phases", "a phases object", PHASES);
    Fields in = phases == null ? Fields.of(emptyObject(o, "phases"), "", PHASES) : phases;
    if (isNull(in, "initial")) {
      b.initialPhase(Optional.empty());
    } else {
      set(range(in, "initial", parent == null ? null : parent.initialPhase().orElse(null),
          false), b::initialPhase);
    }
    if (isNull(in, "termination")) {
      b.terminationPhase(Optional.empty());
    } else {
      set(range(in, "termination", parent == null ? null
          : parent.terminationPhase().orElse(null), false), b::terminationPhase);
    }
    set(integer(in, "endingLeadSessions", parent == null ? null : parent.endingLeadSessions(),
        true), b::endingLeadSessions);
  }

  /** {@code measurement}: the primary instrument, its interval and the deterioration points. */
  private void readMeasurement(Fields o, ProtocolProfile parent,
      ProtocolProfile.Builder b) {
    Fields measurement = o.object("measurement", "a measurement object", MEASUREMENT);
    Fields in = measurement == null
        ? Fields.of(emptyObject(o, "measurement"), "", MEASUREMENT) : measurement;
    Instrument primary = in.enumValue("primary", EnumCodec.INSTRUMENT);
    if (primary != null) {
      b.primaryInstrument(primary);
    } else if (parent == null) {
      missing(in, "primary");
    }
    set(integer(in, "maxInterval", parent == null ? null : parent.maxMeasureInterval(), true),
        b::maxMeasureInterval);
    if (isNull(in, "deteriorationPoints")) {
      b.deteriorationPoints(OptionalInt.empty());
    } else {
      set(in.integer("deteriorationPoints"), b::deteriorationPoints);
    }
  }

  /** {@code completer}: the minimum sessions (or null for none) and weeks. */
  private static void readCompleter(Fields o, ProtocolProfile.Builder b) {
    Fields completer = o.object("completer", "a completer object", COMPLETER);
    if (completer == null) {
      return;
    }
    if (isNull(completer, "minSessions")) {
      b.completerMinSessions(OptionalInt.empty());
    } else {
      Integer minSessions = completer.integer("minSessions");
      if (minSessions != null && minSessions < 0) {
        throw completer.get("minSessions").error(Problem.INVALID_VALUE, "an integer from 0",
            "completer.minSessions must be >= 0, was " + minSessions);
      }
      set(minSessions, b::completerMinSessions);
    }
    set(completer.integer("minWeeks"), b::completerMinWeeks);
  }

  private ProtocolProfile parent(Node at, String basedOn) {
    Optional<ProtocolProfile> parent = registry.find(basedOn);
    if (parent.isEmpty()) {
      String known = "one of " + String.join(", ", registry.ids());
      throw at.error(Problem.UNKNOWN_VALUE, known, "unknown protocol profile "
          + JsonErrors.describeString(basedOn, JsonErrors.Quote.NAME) + ", expected " + known);
    }
    return parent.get();
  }

  /** An empty object standing for an absent nested one, so its fields read as absent. */
  private static Node emptyObject(Fields holder, String name) {
    return JsonTree.emptyObject(holder.pointerOf(name), holder.node());
  }

  /**
   * Whether an optional parameter is given as {@code null}: not set, and not inherited from the
   * parent either (as in JSON Merge Patch, RFC 7386).
   */
  private static boolean isNull(Fields o, String name) {
    Node value = o.get(name);
    return value != null && value.kind() == JsonTree.Kind.NULL;
  }

  private void missing(Fields holder, String name) {
    if (missing.isEmpty()) {
      missingAt = holder.node();
    }
    missing.add(holder.pointerOf(name));
  }

  private JsonReadException missingParameters(boolean withoutParent) {
    String list = String.join(", ", missing);
    String reason = (missing.size() == 1 ? "missing required parameter " : "missing required parameters ")
        + list;
    String expected;
    if (withoutParent) {
      reason += "; a profile without basedOn must give every required parameter";
      expected = "every required parameter, or basedOn naming a profile to inherit them from";
    } else {
      expected = "the missing parameters";
    }
    return missingAt.error(missing.get(0), Problem.MISSING_FIELD, expected, reason);
  }

  private static <T> void set(T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private Integer integer(Fields o, String name, Integer inherited, boolean required) {
    Integer value = o.integer(name);
    if (value != null) {
      return value;
    }
    if (inherited == null && required) {
      missing(o, name);
    }
    return null;
  }

  private Double number(Fields o, String name, Double inherited, boolean required) {
    Double value = o.number(name);
    if (value != null) {
      return value;
    }
    if (inherited == null && required) {
      missing(o, name);
    }
    return null;
  }

  /**
   * A range given whole or in part: a part not given comes from the inherited range. Returns
   * null when nothing is given (the inherited or default value stays) or a part is missing.
   */
  private IntRange range(Fields o, String name, IntRange inherited, boolean required) {
    Fields r = o.object(name, RANGE_OBJECT, RANGE);
    if (r == null) {
      if (inherited == null && required) {
        missing(o, name);
      }
      return null;
    }
    Integer min = r.integer("min");
    Integer max = r.integer("max");
    if (min == null && inherited != null) {
      min = inherited.min();
    }
    if (max == null && inherited != null) {
      max = inherited.max();
    }
    if (min == null) {
      missing(r, "min");
    }
    if (max == null) {
      missing(r, "max");
    }
    if (min == null || max == null) {
      return null;
    }
    if (min < 0 || min > max) {
      throw r.node().error(Problem.INVALID_VALUE, "0 <= min <= max",
          "range needs 0 <= min <= max, was " + min + ".." + max);
    }
    return IntRange.of(min, max);
  }

  private Map<String, RuleSetting> rules(Fields o, ProtocolProfile parent) {
    Map<String, RuleSetting> merged = new LinkedHashMap<>();
    if (parent != null) {
      merged.putAll(parent.rules());
    }
    Node rules = o.get("rules");
    if (rules == null) {
      return merged;
    }
    if (rules.kind() != JsonTree.Kind.OBJECT) {
      throw Fields.wrongType(rules, "an object of rule settings by rule code");
    }
    List<String> codes = RuleCatalog.codes();
    for (Map.Entry<String, Node> entry : rules.fields().entrySet()) {
      String code = entry.getKey();
      Node value = entry.getValue();
      if (!codes.contains(code)) {
        String known = "one of " + String.join(", ", codes);
        String shown = JsonErrors.describeString(code, JsonErrors.Quote.NAME);
        throw value.error(Problem.UNKNOWN_VALUE, "a rule code, " + known, "unknown rule code "
            + (shown.startsWith("\"") ? shown : "(" + shown + ")") + ", expected " + known);
      }
      RuleSetting setting = Fields.enumValue(value, EnumCodec.RULE_SETTING);
      java.util.Optional<String> refusal = RuleCatalog.get(code).refusal(setting);
      if (refusal.isPresent()) {
        List<String> allowed = new java.util.ArrayList<>();
        RuleCatalog.get(code).allowedSettings().forEach(a -> allowed.add(a.name()));
        String expected = allowed.size() == 1 ? allowed.get(0)
            : "one of " + String.join(", ", allowed);
        throw value.error(Problem.INVALID_VALUE, expected,
            refusal.get() + ", expected " + expected);
      }
      merged.put(code, setting);
    }
    return merged;
  }

  /** A ProtocolProfile check failure, located at the parameter its message names. */
  private JsonReadException invalid(String message) {
    String reason = message.startsWith(CHECK_PREFIX)
        ? message.substring(CHECK_PREFIX.length()) : message;
    String pointer = "";
    Matcher m = PARAMETER.matcher(reason);
    if (m.find()) {
      String candidate = "/" + m.group(1).replace('.', '/');
      if (isParameter(candidate)) {
        pointer = candidate;
      }
    }
    Node at = find(pointer);
    return new JsonReadException(Problem.INVALID_VALUE, pointer, at.line(), at.column(),
        "a value the profile allows", reason);
  }

  private static boolean isParameter(String pointer) {
    String[] parts = pointer.substring(1).split("/");
    return TOP.contains(parts[0]) && (parts.length == 1 || FIELD_NAMES.contains(parts[1]));
  }

  /** The node at {@code pointer}, or its nearest ancestor present in the document. */
  private Node find(String pointer) {
    Node node = root;
    if (pointer.isEmpty()) {
      return node;
    }
    for (String segment : pointer.substring(1).split("/")) {
      Node child = node.fields().get(segment);
      if (child == null) {
        return node;
      }
      node = child;
    }
    return node;
  }
}
