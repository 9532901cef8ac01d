package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.json.SafeText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing a record says can steer a terminal or a spreadsheet: the same hostile strings (terminal
 * escapes that hide text and set the window title, a bell, a carriage return and line breaks that
 * forge a clean line, the Unicode line separators, bidirectional overrides, formula prefixes) in
 * a course id, a therapist reference (also where it heads a rating summary), a person id, a
 * protocol profile's id and title, a field name, a file name and an option value go through
 * every output of the tool — validate as text,
 * JSON, NDJSON and CSV, report as text, JSON, CSV and HTML, show as text and HTML, agenda, rules,
 * protocols and every {@code ipt:} message — and none of them comes out raw.
 */
class HostileOutputTest {
  /** Hides what follows, sets the window title, rings, returns and forges lines, reorders. */
  static final String HOSTILE = "\u001B[8m\u001B]0;owned\u0007\r\n1 courses, 0 errors\u2028"
      + "\u2029\u0085\u202Edi-esruoc\u202C\u2066x\u2069\u200F\u061C\u007F\u009B31m\t";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** An observer rating of session 1, so that the therapist has a rating summary. */
  private static final String RATING = "\"fidelityRatings\":[{\"session\":1,"
      + "\"scale\":\"IPT-QAS\",\"rater\":\"r-1\",\"items\":[4,3,5,4]}],";

  @TempDir
  static Path dir;
  private static Path course;
  private static Path ongoing;
  private static Path profile;
  private static String courseId;
  private static String therapist;

  @BeforeAll
  static void writeInputs() throws Exception {
    courseId = "=HYPERLINK(\"evil\")" + HOSTILE;
    therapist = "@th" + HOSTILE;
    String document = Fixtures.CANARY_COURSE
        .replace("\"sessions\":[", RATING + "\"sessions\":[")
        .replace("\"c-canary\"", json(courseId))
        .replace("\"" + Fixtures.CANARY_THERAPIST + "\"", json(therapist))
        .replace("\"canarypersonid\"", json("-p" + HOSTILE));
    ongoing = Fixtures.write(dir.resolve("ongoing.json"), document);
    course = Fixtures.write(dir.resolve("completed.json"),
        document.replace("\"ONGOING\"", "\"COMPLETED\""));
    profile = Fixtures.write(dir.resolve("trial.json"), "{\"id\": " + json("+trial" + HOSTILE)
        + ", \"title\": " + json("Trial" + HOSTILE) + ", \"basedOn\": \"ipt-acute-16\"}");
  }

  private static String json(String text) throws Exception {
    return JSON.writeValueAsString(text);
  }

  /**
   * Fails when {@code output} holds a character the escaping policy never writes raw; line feeds
   * end lines, and {@code crlf} allows a carriage return right before one (CSV rows).
   */
  static void assertNothingRaw(String what, String output, boolean crlf) {
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      boolean lineEnd = c == '\n' || (crlf && c == '\r' && i + 1 < output.length()
          && output.charAt(i + 1) == '\n');
      if (!lineEnd && (SafeText.isUnsafe(c) || Character.isSurrogate(c))) {
        throw new AssertionError(what + ": raw U+" + String.format("%04X", (int) c)
            + " at " + i + " in: " + SafeText.escape(output.substring(Math.max(0, i - 60),
                Math.min(output.length(), i + 20))));
      }
    }
  }

  private static Cli.Result run(String... args) {
    Cli.Result result = Cli.run(args);
    assertNothingRaw(String.join(" ", args) + " standard error", result.err(), false);
    return result;
  }

  @Test
  void textOutputsShowTheHostileStringsEscaped() {
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("validate", course.toString()));
    runs.add(List.of("validate", "--protocol-file", profile.toString(), course.toString()));
    runs.add(List.of("report", "--by", "therapist", course.toString()));
    runs.add(List.of("show", course.toString()));
    runs.add(List.of("show", "--protocol-file", profile.toString(), course.toString()));
    runs.add(List.of("agenda", ongoing.toString()));
    runs.add(List.of("report", course.toString()));
    runs.add(List.of("rules"));
    runs.add(List.of("rules", "--format", "json"));
    runs.add(List.of("protocols"));
    for (List<String> args : runs) {
      Cli.Result result = run(args.toArray(String[]::new));

      assertThat(result.code()).as("%s: %s", args, result.err()).isIn(0, 1);
      assertNothingRaw(args.toString(), result.out(), false);
    }
    String validate = Cli.run("validate", course.toString()).out();
    assertThat(validate).as("the id is shown, escaped")
        .contains(SafeText.escape(courseId) + " (ipt-acute-16, COMPLETED)")
        .contains("\\u001B[8m\\u001B]0;owned\\u0007\\r\\n1 courses, 0 errors\\u2028\\u2029"
            + "\\u0085\\u202Edi-esruoc\\u202C\\u2066x\\u2069\\u200F\\u061C\\u007F\\u009B31m\\t");
    assertThat(validate.lines()).as("no forged summary line")
        .noneMatch(line -> line.startsWith("1 courses, 0 errors"));
    assertThat(validate.lines().reduce((a, b) -> b).orElseThrow()).startsWith("1 courses, ")
        .endsWith(" 0 unreadable");
    assertThat(Cli.run("show", "--protocol-file", profile.toString(), course.toString()).out())
        .contains("(Trial\\u001B[8m");
  }

  @Test
  void jsonAndNdjsonEscapeTheLineSeparatorsAndKeepTheValues() throws Exception {
    for (String format : List.of("json", "ndjson")) {
      Cli.Result result = run("validate", "--format", format, course.toString(), course.toString());

      assertNothingRaw(format, result.out(), false);
      assertThat(result.out()).contains("\\u2028").contains("\\u2029").contains("\\u0085")
          .contains("\\u202E");
      if (format.equals("ndjson")) {
        List<String> lines = result.out().lines().toList();
        assertThat(lines).as("one report per line, as a line reader splits them").hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("courseId").asString()).isEqualTo(courseId);
      } else {
        assertThat(JSON.readTree(result.out()).get(1).get("courseId").asString())
            .isEqualTo(courseId);
      }
    }
    Cli.Result report = run("report", "--by", "therapist", "--format", "json", course.toString());
    assertNothingRaw("report json", report.out(), false);
    JsonNode cohort = JSON.readTree(report.out());
    assertThat(cohort.get("therapists").get(0).get("therapistRef").asString())
        .isEqualTo(therapist);
    assertThat(cohort.get("coursesWithErrors").get(0).asString()).isEqualTo(courseId);
  }

  @Test
  void csvCellsCannotRunAsFormulasNorBreakTheirRow() {
    Cli.Result validate = run("validate", "--format", "csv", "--protocol-file",
        profile.toString(), course.toString());
    Cli.Result report = run("report", "--by", "therapist", "--format", "csv", course.toString());

    assertNothingRaw("validate csv", validate.out(), true);
    assertNothingRaw("report csv", report.out(), true);
    List<String> rows = validate.out().lines().toList();
    assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row ->
        assertThat(row).startsWith("\"'=HYPERLINK(\"\"evil\"\")\\u001B[8m")
            .contains(",\"'+trial\\u001B[8m"));
    assertThat(report.out().lines().filter(row -> row.startsWith("therapist,")))
        .isNotEmpty().allSatisfy(row -> assertThat(row).startsWith("therapist,\"'@th\\u001B"));
  }

  @Test
  void htmlPagesShowTheHostileStringsEscapedAndSelfContained() {
    Cli.Result show = run("show", "--format", "html", course.toString());
    Cli.Result report = run("report", "--by", "therapist", "--format", "html",
        course.toString());

    for (Cli.Result page : List.of(show, report)) {
      assertThat(page.code()).isIn(0, 1);
      assertNothingRaw("html", page.out(), false);
      HtmlCheck.assertSelfContained(page.out());
    }
    assertThat(show.out()).contains("=HYPERLINK(&quot;evil&quot;)\\u001B[8m");
  }

  @Test
  void ratingSummariesPerTherapistShowTheReferenceEscaped() throws Exception {
    String markup = "<b onclick=alert(1)>th</b>&\"'" + HOSTILE;
    Path rated = Fixtures.write(dir.resolve("rated.json"), Fixtures.CANARY_COURSE
        .replace("\"sessions\":[", RATING + "\"sessions\":[")
        .replace("\"ONGOING\"", "\"COMPLETED\"")
        .replace("\"" + Fixtures.CANARY_THERAPIST + "\"", json(markup)));

    Cli.Result text = run("report", "--by", "therapist", rated.toString());
    Cli.Result html = run("report", "--by", "therapist", "--format", "html", rated.toString());

    assertNothingRaw("report text", text.out(), false);
    assertThat(text.out()).contains("\nObserver ratings by therapist\n  "
        + SafeText.escape(markup) + "\n    IPT-QAS: 1 of 2 attended sessions rated (50%, 95% CI ");
    assertNothingRaw("report html", html.out(), false);
    HtmlCheck.assertSelfContained(html.out());
    String table = html.out().substring(html.out().indexOf("<table id=\"rt-th-table\">"));
    assertThat(table).startsWith("<table id=\"rt-th-table\">\n<tr><th>Therapist</th>")
        .contains("<tr><td>&lt;b onclick=alert(1)&gt;th&lt;/b&gt;&amp;&quot;&#39;\\u001B[8m"
            + "\\u001B]0;owned\\u0007\\r\\n1 courses, 0 errors\\u2028")
        .contains("</td><td>IPT-QAS</td><td class=\"num\">1</td><td class=\"num\">2</td>");
    assertThat(html.out()).doesNotContain("<b ");
  }

  @Test
  void errorMessagesStayOneLineWhateverTheInputSays() throws Exception {
    Path badName = Files.writeString(dir.resolve("x\u001B[2J\nipt: fine\u202E.json"),
        "{\"schemaVersion\":", StandardCharsets.UTF_8);
    Path unknownField = Fixtures.write(dir.resolve("field.json"), Fixtures.CANARY_COURSE
        .replace("\"status\":", json("x" + HOSTILE) + ":1,\"status\":"));
    Path unknownProfile = Fixtures.write(dir.resolve("profile.json"), Fixtures.CANARY_COURSE
        .replace("\"ipt-acute-16\"", json("p" + HOSTILE)));

    List<Cli.Result> results = List.of(
        run("validate", badName.toString()),
        run("validate", unknownField.toString()),
        run("validate", unknownProfile.toString()),
        run("validate", "--format", "x" + HOSTILE, course.toString()),
        run("validate", dir.resolve("missing" + HOSTILE).toString()),
        run("validate", "--nope" + HOSTILE, course.toString()),
        run("protocols", "--show", "p" + HOSTILE),
        run("show", "--protocol", "p" + HOSTILE, course.toString()));

    for (Cli.Result result : results) {
      assertThat(result.code()).as(result.err()).isEqualTo(2);
      List<String> lines = result.err().lines().toList();
      assertThat(lines.get(0)).startsWith("ipt: ").contains("\\u001B");
      assertThat(lines.stream().filter(l -> l.startsWith("ipt: "))).as(result.err()).hasSize(1);
    }
  }
}
