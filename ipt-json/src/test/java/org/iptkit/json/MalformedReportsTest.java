package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.JsonReadException.Problem.EMPTY_INPUT;
import static org.iptkit.json.JsonReadException.Problem.INVALID_VALUE;
import static org.iptkit.json.JsonReadException.Problem.MISSING_FIELD;
import static org.iptkit.json.JsonReadException.Problem.UNKNOWN_FIELD;
import static org.iptkit.json.JsonReadException.Problem.UNKNOWN_VALUE;
import static org.iptkit.json.JsonReadException.Problem.WRONG_TYPE;

import java.util.stream.Stream;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.rules.FidelityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed fidelity reports are refused with a {@link JsonReadException} naming the JSON Pointer
 * and what was expected, without quoting the course id, the therapist or a message.
 */
class MalformedReportsTest {
  /** A valid report: results at /results/0 M04 (FINDINGS), /1 E04 (NOT_APPLICABLE), /2 S01. */
  static final String BASE = ("{'courseId':'c-0001','protocol':'ipt-acute-16','status':'COMPLETED',"
      + "'summary':{'adherence':0.5,'errors':1,'warnings':0,'infos':0,"
      + "'byDomain':{'S':1.0,'M':0.0}},"
      + "'outcome':{'instrument':'PHQ9','baseline':15,'last':6,'change':-9,"
      + "'sessionsAttended':16,'sessionsPlanned':16,'completer':true},"
      + "'results':[{'rule':'M04','outcome':'FINDINGS'},"
      + "{'rule':'E04','outcome':'NOT_APPLICABLE','reason':'course ongoing'},"
      + "{'rule':'S01','outcome':'PASS'}],"
      + "'findings':[{'rule':'M04','name':'safety-item-followed-up','severity':'ERROR',"
      + "'path':'/sessions/6/measures/0','session':7,"
      + "'message':'PHQ-9 item 9 scored 2 in session 7'}]}").replace('\'', '"');

  static String with(String from, String to) {
    String f = from.replace('\'', '"');
    if (!BASE.contains(f)) {
      throw new IllegalArgumentException("not in the base report: " + from);
    }
    return BASE.replace(f, to.replace('\'', '"'));
  }

  @Test
  void baseReportIsValid() {
    FidelityReport report = IptJson.strict().readReport(BASE);

    assertThat(report.results()).hasSize(3);
    assertThat(report.results().get(0).findings()).isEqualTo(report.findings());
    assertThat(ProfileAndReportSchemaTest.validateReport(BASE)).isEmpty();
  }

  /** Rows: name, document, pointer, problem, part of the message, whether the schema can tell. */
  static Stream<Arguments> malformedReports() {
    return Stream.of(
        row("therapist reference", with("'courseId':'c-0001',",
            "'courseId':'c-0001','therapistRef':'th-12',"), "/therapistRef", UNKNOWN_FIELD,
            "unknown field, expected one of courseId, protocol, courseProtocol, status, summary", true),
        row("missing summary", with("'summary':{'adherence':0.5,'errors':1,'warnings':0,"
            + "'infos':0,'byDomain':{'S':1.0,'M':0.0}},", ""), "/summary", MISSING_FIELD,
            "expected a summary object", true),
        row("blank course id", with("'c-0001'", "' '"), "/courseId", INVALID_VALUE,
            "expected a non-blank string", true),
        row("unknown status", with("'COMPLETED'", "'DONE'"), "/status", UNKNOWN_VALUE,
            "expected one of ONGOING, COMPLETED, DISCONTINUED, got \"DONE\"", true),
        row("adherence above 1", with("'adherence':0.5", "'adherence':1.5"),
            "/summary/adherence", INVALID_VALUE, "expected a number from 0 to 1, got 1.5", true),
        row("adherence as text", with("'adherence':0.5", "'adherence':'high'"),
            "/summary/adherence", WRONG_TYPE, "expected a number, got a string", true),
        row("negative count", with("'warnings':0", "'warnings':-1"), "/summary/warnings",
            INVALID_VALUE, "expected an integer from 0, got -1", true),
        row("unknown domain", with("'M':0.0", "'X':0.0"), "/summary/byDomain/X", UNKNOWN_FIELD,
            "expected one of S, P, I, F, T, M, E, N", true),
        row("unknown instrument", with("'PHQ9'", "'PHQ-9'"), "/outcome/instrument",
            UNKNOWN_VALUE, "got \"PHQ-9\"", true),
        row("missing sessions attended", with("'sessionsAttended':16,", ""),
            "/outcome/sessionsAttended", MISSING_FIELD, "missing required field", true),
        row("fraction for a score", with("'baseline':15", "'baseline':15.5"),
            "/outcome/baseline", WRONG_TYPE, "expected an integer, got 15.5", true),
        row("unknown band", with("'baseline':15,", "'baseline':15,'baselineBand':'HIGH',"),
            "/outcome/baselineBand", UNKNOWN_VALUE, "got \"HIGH\"", true),
        row("unknown rule outcome", with("'outcome':'PASS'", "'outcome':'FAILED'"),
            "/results/2/outcome", UNKNOWN_VALUE,
            "expected one of PASS, FINDINGS, NOT_APPLICABLE, got \"FAILED\"", true),
        row("not applicable without a reason", with(",'reason':'course ongoing'", ""),
            "/results/1/reason", MISSING_FIELD, "why the rule did not apply", true),
        row("reason of a passing rule", with("'outcome':'PASS'",
            "'outcome':'PASS','reason':'fine'"), "/results/2/reason", INVALID_VALUE,
            "a reason goes with NOT_APPLICABLE only", true),
        row("rule with two results", with("{'rule':'S01','outcome':'PASS'}",
            "{'rule':'S01','outcome':'PASS'},{'rule':'S01','outcome':'PASS'}"),
            "/results/3/rule", INVALID_VALUE, "rule \"S01\" has a second result", false),
        row("findings outcome without findings", with("{'rule':'S01','outcome':'PASS'}",
            "{'rule':'S01','outcome':'FINDINGS'}"), "/results/2/outcome", INVALID_VALUE,
            "outcome FINDINGS but the findings array holds none of this rule", false),
        row("finding of a rule without findings outcome",
            with("'outcome':'FINDINGS'", "'outcome':'PASS'"), "/findings/0/rule",
            INVALID_VALUE, "finding of rule \"M04\", whose result is not FINDINGS", false),
        row("unknown severity", with("'severity':'ERROR'", "'severity':'CRITICAL'"),
            "/findings/0/severity", UNKNOWN_VALUE, "got \"CRITICAL\"", true),
        row("path that is not a pointer", with("'/sessions/6/measures/0'",
            "'sessions/6/measures/0'"), "/findings/0/path", INVALID_VALUE,
            "expected a JSON Pointer", true),
        row("session numbered 0", with("'session':7", "'session':0"), "/findings/0/session",
            INVALID_VALUE, "expected a session number from 1, got 0", true),
        row("message that is not a string", with("'PHQ-9 item 9 scored 2 in session 7'", "7"),
            "/findings/0/message", WRONG_TYPE, "expected a string, got an integer", true),
        row("findings as an object", with("'findings':[", "'findings':{'x':[") + "}",
            "/findings", WRONG_TYPE, "expected an array of findings, got an object", true),
        row("empty input", "", "", EMPTY_INPUT, "empty input, expected a fidelity report", false));
  }

  private static Arguments row(String name, String document, String pointer, Problem problem,
      String message, boolean schemaCatches) {
    return Arguments.of(name, document, pointer, problem, message, schemaCatches);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedReports")
  void malformedReportIsRefusedWithPointerAndMessage(String name, String document,
      String pointer, Problem problem, String message, boolean schemaCatches) {
    assertThatThrownBy(() -> IptJson.strict().readReport(document))
        .as(name)
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.getMessage()).contains(message)
              .doesNotContain("c-0001").doesNotContain("th-12").doesNotContain("scored");
        });
  }
}
