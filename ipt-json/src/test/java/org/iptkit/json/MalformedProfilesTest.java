package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.JsonReadException.Problem.DUPLICATE_FIELD;
import static org.iptkit.json.JsonReadException.Problem.EMPTY_INPUT;
import static org.iptkit.json.JsonReadException.Problem.INVALID_VALUE;
import static org.iptkit.json.JsonReadException.Problem.LIMIT_EXCEEDED;
import static org.iptkit.json.JsonReadException.Problem.MALFORMED_JSON;
import static org.iptkit.json.JsonReadException.Problem.MISSING_FIELD;
import static org.iptkit.json.JsonReadException.Problem.TRAILING_CONTENT;
import static org.iptkit.json.JsonReadException.Problem.UNKNOWN_FIELD;
import static org.iptkit.json.JsonReadException.Problem.UNKNOWN_VALUE;
import static org.iptkit.json.JsonReadException.Problem.WRONG_TYPE;

import java.util.stream.Stream;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed protocol profiles are refused with a {@link JsonReadException} that names the JSON
 * Pointer of the parameter, what kind of problem it is and what was expected.
 */
class MalformedProfilesTest {
  static final ProtocolRegistry BUILT_IN = ProtocolRegistry.builtIn();

  /** A profile based on ipt-acute-16 with {@code fields} (single quotes for double). */
  static String derived(String fields) {
    return ("{'id':'t','basedOn':'ipt-acute-16'" + (fields.isEmpty() ? "" : "," + fields) + "}")
        .replace('\'', '"');
  }

  /** A profile based on ipt-m-monthly (no acute phases) with {@code fields}. */
  static String monthly(String fields) {
    return ("{'id':'t','basedOn':'ipt-m-monthly'," + fields + "}").replace('\'', '"');
  }

  /**
   * The ipt-acute-16 parameters as a profile of its own (no {@code basedOn}), with the first
   * match of the regular expression {@code regex} replaced by {@code replacement}.
   */
  static String standalone(String regex, String replacement) {
    String full = IptJson.strict().writeProfile(
        org.iptkit.rules.ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16).id("t").build());
    String changed = full.replaceFirst(regex, replacement);
    if (changed.equals(full) || full.contains("basedOn")) {
      throw new IllegalStateException("not a standalone profile with " + regex);
    }
    return changed;
  }

  static final String ALL_CODES = String.join(", ", RuleCatalog.codes());

  /**
   * Rows: name, document, pointer, problem, a part of the message, and whether the published
   * schema can tell (false for what only the reader knows: the registry, merged ranges).
   */
  static Stream<Arguments> malformedProfiles() {
    return Stream.of(
        row("unknown top-level field", derived("'sesions':{'max':12}"), "/sesions",
            UNKNOWN_FIELD, "unknown field, expected one of id, title, basedOn, source, sessions",
            true),
        row("unknown field in a range", derived("'sessions':{'max':12,'maximum':3}"),
            "/sessions/maximum", UNKNOWN_FIELD, "expected one of min, max", true),
        row("unknown field in phases", derived("'phases':{'middle':{'min':1,'max':9}}"),
            "/phases/middle", UNKNOWN_FIELD,
            "expected one of initial, termination, endingLeadSessions", true),
        row("string for an integer", derived("'maxGapDays':'14'"), "/maxGapDays", WRONG_TYPE,
            "expected an integer, got a string", true),
        row("fraction for an integer", derived("'maxSpanWeeks':12.5"), "/maxSpanWeeks",
            WRONG_TYPE, "expected an integer, got 12.5", true),
        row("number for a range", derived("'sessions':12"), "/sessions", WRONG_TYPE,
            "expected a range object", true),
        row("null for a required parameter", derived("'maxGapDays':null"), "/maxGapDays",
            WRONG_TYPE, "got null", true),
        row("string for a boolean", derived("'caregiverInvolvement':'yes'"),
            "/caregiverInvolvement", WRONG_TYPE, "expected true or false, got a string", true),
        row("unknown sick role", derived("'sickRole':'PARTIAL'"), "/sickRole", UNKNOWN_VALUE,
            "expected one of FULL, LIMITED, NONE, got \"PARTIAL\"", true),
        row("unknown instrument", derived("'measurement':{'primary':'PHQ-9'}"),
            "/measurement/primary", UNKNOWN_VALUE,
            "expected one of PHQ9, GAD7, EPDS, HAMD17, BDI2, PCL5, got \"PHQ-9\"", true),
        row("unknown rule setting", derived("'rules':{'T02':'DISABLED'}"), "/rules/T02",
            UNKNOWN_VALUE, "expected one of OFF, ERROR, WARNING, INFO, got \"DISABLED\"", true),
        row("unknown rule code", derived("'rules':{'X99':'OFF'}"), "/rules/X99", UNKNOWN_VALUE,
            "unknown rule code \"X99\", expected one of " + ALL_CODES, true),
        row("rules as an array", derived("'rules':['T02']"), "/rules", WRONG_TYPE,
            "expected an object of rule settings by rule code, got an array", true),
        row("M04 switched off", derived("'rules':{'T02':'OFF','M04':'OFF'}"), "/rules/M04",
            INVALID_VALUE, "rule M04 (safety-item-followed-up) cannot be switched off", true),
        row("M04 lowered", derived("'rules':{'M04':'INFO'}"), "/rules/M04", INVALID_VALUE,
            "rule M04 (safety-item-followed-up) cannot be lowered to INFO: it is mandatory at"
                + " ERROR, expected ERROR", true),
        row("unknown basedOn", derived("").replace("ipt-acute-16", "ipt-acute-12"), "/basedOn",
            UNKNOWN_VALUE, "unknown protocol profile \"ipt-acute-12\", expected one of "
                + String.join(", ", Protocols.ids()), false),
        row("blank basedOn", derived("").replace("ipt-acute-16", " "), "/basedOn",
            INVALID_VALUE, "expected a non-blank string", true),
        row("unknown technique", derived("'allowedTechniques':['HOMEWORK']"),
            "/allowedTechniques/0", UNKNOWN_VALUE, "got \"HOMEWORK\"", true),
        row("technique listed twice",
            derived("'allowedTechniques':['ROLE_PLAY','ASSIGNED_HOMEWORK','ROLE_PLAY']"),
            "/allowedTechniques/2", INVALID_VALUE, "ROLE_PLAY is listed twice", true),
        row("missing id", derived("").replace("\"id\":\"t\",", ""), "/id", MISSING_FIELD,
            "missing required parameter /id", true),
        row("no basedOn and missing parameters", "{\"id\":\"t\",\"sessions\":{\"max\":12}}",
            "/title", MISSING_FIELD, "missing required parameters /title, /sessions/min, "
                + "/sessionMinutes, /maxGapDays, /maxSpanWeeks, /minAttendance, "
                + "/phases/endingLeadSessions, /measurement/primary, /measurement/maxInterval, "
                + "/sickRole; a profile without basedOn must give every required parameter",
            true),
        row("minimum above maximum", derived("'sessions':{'min':16,'max':12}"), "/sessions",
            INVALID_VALUE, "range needs 0 <= min <= max, was 16..12", false),
        row("maximum below the inherited minimum", derived("'sessions':{'max':8}"), "/sessions",
            INVALID_VALUE, "range needs 0 <= min <= max, was 12..8", false),
        row("negative minimum", derived("'sessionMinutes':{'min':-5}"), "/sessionMinutes",
            INVALID_VALUE, "was -5..60", true),
        row("gap of zero days", derived("'maxGapDays':0"), "/maxGapDays", INVALID_VALUE,
            "maxGapDays must be >= 1, was 0", true),
        row("attendance above 1", derived("'minAttendance':1.5"), "/minAttendance",
            INVALID_VALUE, "minAttendance must be 0..1, was 1.5", true),
        row("no problem area allowed", derived("'focus':{'maxAreas':0}"), "/focus/maxAreas",
            INVALID_VALUE, "focus.maxAreas must be >= 1, was 0", true),
        row("measure interval of zero", derived("'measurement':{'maxInterval':0}"),
            "/measurement/maxInterval", INVALID_VALUE, "measurement.maxInterval must be >= 1",
            true),
        row("two thousand million circles", derived("'circles':2147483647"), "/circles",
            INVALID_VALUE, "circles must be at most 10, was 2147483647", true),
        row("a session maximum of a million", derived("'sessions':{'max':1000000}"),
            "/sessions/max", INVALID_VALUE, "sessions.max must be at most 1000, was 1000000",
            true),
        row("sessions of a day", derived("'sessionMinutes':{'max':1440}"), "/sessionMinutes/max",
            INVALID_VALUE, "sessionMinutes.max must be at most 600, was 1440", true),
        row("a gap of a century", derived("'maxGapDays':36500"), "/maxGapDays", INVALID_VALUE,
            "maxGapDays must be at most 3660, was 36500", true),
        row("a span of a century", derived("'maxSpanWeeks':5200"), "/maxSpanWeeks",
            INVALID_VALUE, "maxSpanWeeks must be at most 520, was 5200", true),
        row("five problem areas", derived("'focus':{'maxAreas':5}"), "/focus/maxAreas",
            INVALID_VALUE, "focus.maxAreas must be at most 4, was 5", true),
        row("an initial phase of a million sessions",
            derived("'phases':{'initial':{'min':1,'max':1000000}}"), "/phases/initial/max",
            INVALID_VALUE, "phases.initial.max must be at most 1000, was 1000000", true),
        row("an ending lead of a million sessions",
            derived("'phases':{'endingLeadSessions':1000000}"), "/phases/endingLeadSessions",
            INVALID_VALUE, "phases.endingLeadSessions must be at most 1000, was 1000000", true),
        row("a measure interval of a million sessions",
            derived("'measurement':{'maxInterval':1000000}"), "/measurement/maxInterval",
            INVALID_VALUE, "measurement.maxInterval must be at most 1000, was 1000000", true),
        row("a deterioration of a thousand points",
            derived("'measurement':{'deteriorationPoints':1000}"),
            "/measurement/deteriorationPoints", INVALID_VALUE,
            "measurement.deteriorationPoints must be at most 100, was 1000", true),
        row("a completer of a million sessions", derived("'completer':{'minSessions':1000000}"),
            "/completer/minSessions", INVALID_VALUE,
            "completer.minSessions must be at most 1000, was 1000000", true),
        row("a completer of a century", derived("'completer':{'minWeeks':5200}"),
            "/completer/minWeeks", INVALID_VALUE,
            "completer.minWeeks must be at most 520, was 5200", true),
        row("a million pre-group sessions", derived("'preGroupSessions':{'min':0,'max':1000000}"),
            "/preGroupSessions/max", INVALID_VALUE,
            "preGroupSessions.max must be at most 1000, was 1000000", true),
        row("negative completer minimum", derived("'completer':{'minSessions':-1}"),
            "/completer/minSessions", INVALID_VALUE, "completer.minSessions must be >= 0", true),
        row("initial phase null beside a termination, without a parent",
            standalone("\"initial\":\\{[^}]*\\}", "\"initial\":null"), "/phases/initial",
            INVALID_VALUE, "phases.initial and phases.termination must be given together", true),
        row("initial phase null over a parent's termination",
            derived("'phases':{'initial':null}"), "/phases/initial", INVALID_VALUE,
            "phases.initial and phases.termination must be given together", false),
        row("initial phase without termination",
            monthly("'phases':{'initial':{'min':1,'max':3}}"), "/phases/initial", INVALID_VALUE,
            "phases.initial and phases.termination must be given together", false),
        row("part of a range without a parent's to complete it",
            monthly("'phases':{'initial':{'max':2},'termination':{'min':1,'max':1}}"),
            "/phases/initial/min", MISSING_FIELD, "missing required parameter /phases/initial/min",
            false),
        row("array as the document", "[]", "", WRONG_TYPE,
            "expected a protocol profile object, got an array", true),
        row("duplicate parameter", derived("'maxGapDays':14,'maxGapDays':21"), "/maxGapDays",
            DUPLICATE_FIELD,
            "duplicate field", false),
        row("malformed JSON", derived("'maxGapDays':14,,"), "/maxGapDays", MALFORMED_JSON,
            "malformed JSON", false),
        row("malformed JSON after a value in the place of a name", derived("Jane Doe: 1"), "/basedOn",
            MALFORMED_JSON, "malformed JSON", false),
        row("empty input", "  ", "", EMPTY_INPUT, "empty input, expected a protocol profile",
            false),
        row("trailing content", derived("") + " {}", "", TRAILING_CONTENT,
            "trailing content after a protocol profile", false),
        row("nesting deeper than 64", derived("'source':" + "[".repeat(70) + "]".repeat(70)),
            "/source" + "/0".repeat(63), LIMIT_EXCEEDED, "nesting depth exceeds the maximum of 64",
            false));
  }

  private static Arguments row(String name, String document, String pointer, Problem problem,
      String message, boolean schemaCatches) {
    return Arguments.of(name, document, pointer, problem, message, schemaCatches);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedProfiles")
  void malformedProfileIsRefusedWithPointerAndMessage(String name, String document,
      String pointer, Problem problem, String message, boolean schemaCatches) {
    assertThatThrownBy(() -> IptJson.strict().readProfile(document, BUILT_IN))
        .as(name)
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.getMessage()).contains(message).doesNotContain("Jane");
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  void malformedProfileCountsAtLeastFifteenCases() {
    assertThat(malformedProfiles().count()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void errorNamesTheLineAndColumnOfTheParameter() {
    String document = """
        {
          "id": "t",
          "basedOn": "ipt-acute-16",
          "measurement": {
            "primary": "PHQ9",
            "maxInterval": "every session"
          }
        }""";

    assertThatThrownBy(() -> IptJson.strict().readProfile(document, BUILT_IN))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).isEqualTo("/measurement/maxInterval");
          assertThat(e.line()).isEqualTo(6);
          assertThat(e.column()).isEqualTo(20);
          assertThat(e.expected()).isEqualTo("an integer");
          assertThat(e.getMessage()).isEqualTo("/measurement/maxInterval: expected an integer,"
              + " got a string (line 6, column 20)");
        });
  }

  @Test
  void invalidValueFoundByTheProfileCheckIsLocatedAtItsParameter() {
    String document = derived("'minAttendance':1.5").replace(",", ",\n");

    assertThatThrownBy(() -> IptJson.strict().readProfile(document, BUILT_IN))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).isEqualTo("/minAttendance");
          assertThat(e.line()).isEqualTo(3);
        });
  }

  @Test
  void unknownRuleCodeIsQuotedOnlyWhenItLooksLikeACode() {
    String document = derived("'rules':{'Jane Doe, 1980':'OFF'}");

    assertThatThrownBy(() -> IptJson.strict().readProfile(document, BUILT_IN))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(UNKNOWN_VALUE);
          assertThat(e.reason()).doesNotContain("Jane")
              .startsWith("unknown rule code (a string that is not one of them), expected one of"
                  + " S01, ");
          assertThat(e.pointer()).isEqualTo("/rules/Jane Doe, 1980");
        });
  }

  @Test
  void registryDecidesWhichParentsAreKnown() {
    String child = "{\"id\":\"child\",\"basedOn\":\"trial-a\"}";
    assertThatThrownBy(() -> IptJson.strict().readProfile(child, BUILT_IN))
        .isInstanceOf(JsonReadException.class);

    ProtocolRegistry withTrial = BUILT_IN.with(IptJson.strict().readProfile(
        "{\"id\":\"trial-a\",\"basedOn\":\"ipt-b-8\"}", BUILT_IN));
    assertThat(IptJson.strict().readProfile(child, withTrial).sessions())
        .isEqualTo(Protocols.IPT_B_8.sessions());
  }
}
