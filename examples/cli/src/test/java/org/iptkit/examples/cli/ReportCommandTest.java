package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  private Path cohort() {
    return Fixtures.write(dir.resolve("cohort.ndjson"), Fixtures.ndjson(21, 40, 0.3));
  }

  @Test
  void textSummarisesTheCohortAndListsEveryRule() {
    Cli.Result result = Cli.run("report", cohort().toString());

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Cohort of 40 courses\n")
        .contains("sessions attended: mean ", "completers (of ended courses):",
            "completer analysis, response:", "completer analysis, remission:",
            "all who started, response:", "95% CI", "Outcomes of ipt-acute-16")
        .contains("S01   session-count", "N02   inventory-completeness")
        .contains("Courses with ERROR findings (")
        .doesNotContain("By therapist");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void byTherapistAddsOneRowPerTherapist() {
    Cli.Result result = Cli.run("report", "--by", "therapist", cohort().toString());

    assertThat(result.out()).contains("By therapist").containsPattern("\\n  th-\\d\\d +\\d+ ");
  }

  @Test
  void therapistReferencesAppearOnlyWhenAskedFor() {
    Path file = cohort();
    for (String format : List.of("text", "json", "csv")) {
      assertThat(Cli.run("report", "--format", format, file.toString()).out())
          .as(format).doesNotContain("th-0", "th-1");
      assertThat(Cli.run("report", "--format", format, "--by", "therapist", file.toString())
          .out()).as(format).contains("th-0");
    }
  }

  @Test
  void jsonIsTheCohortReportDocument() throws Exception {
    Cli.Result result = Cli.run("report", "--format", "json", cohort().toString());

    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("courses").asLong()).isEqualTo(40);
    assertThat(result.out()).endsWith("\n");
  }

  @Test
  void csvHasOneRowPerRuleAndPerTherapistRuleWhenAsked() {
    Cli.Result cohort = Cli.run("report", "--format", "csv", cohort().toString());
    Cli.Result byTherapist = Cli.run("report", "--format", "csv", "--by", "therapist",
        cohort().toString());

    List<String> rows = cohort.out().lines().toList();
    assertThat(rows.get(0))
        .isEqualTo("scope,therapist,rule,name,applicable,passed,pass_rate,lower,upper");
    assertThat(rows).hasSize(1 + 43);
    assertThat(rows.get(1)).startsWith("cohort,,S01,session-count,40,");
    assertThat(byTherapist.out().lines().filter(r -> r.startsWith("therapist,th-")).count())
        .isGreaterThan(43);
  }

  @Test
  void htmlIsOneSelfContainedPageWithChartsAndTables() {
    Cli.Result result = Cli.run("report", "--format", "html", cohort().toString());

    String html = result.out();
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<svg", "<table", "Rule pass rates", "Adherence per therapist",
        "Primary-score trajectories", "Outcomes", "Courses with ERROR findings");
    assertThat(html.split("<svg").length - 1)
        .as("every chart is followed by a table")
        .isLessThanOrEqualTo(html.split("<table").length - 1);
    assertThat(html.split("<svg").length - 1)
        .isEqualTo(html.split("<title id=").length - 1);
    HtmlCheck.assertSelfContained(html);
    HtmlCheck.assertSelfContained(Cli.run("report", "--format", "html", "--by", "therapist",
        cohort().toString()).out());
  }

  @Test
  void theHtmlTrajectoryTableHasTheMedianOfEachSession() {
    Cli.Result result = Cli.run("report", "--format", "html", cohort().toString());

    assertThat(result.out()).contains("ipt-acute-16 PHQ-9 trajectory as a table")
        .contains("<th>Attended session</th><th>n</th><th>25th percentile</th><th>Median</th>");
  }

  @Test
  void everyChartNamesItsTableAndHasMarksAndCountsReadAsWords() {
    String html = Cli.run("report", "--format", "html", "--by", "therapist", cohort().toString())
        .out();
    java.util.regex.Matcher chart = java.util.regex.Pattern
        .compile("<figure class=\"chart\" data-table=\"([^\"]+)\"[^>]*>(.*?)</figure>",
            java.util.regex.Pattern.DOTALL).matcher(html);
    int charts = 0;
    while (chart.find()) {
      charts++;
      assertThat(html).as(chart.group(1)).contains("<table id=\"" + chart.group(1) + "\"");
      assertThat(chart.group(2)).as(chart.group(1)).contains("class=\"mark\"");
    }
    assertThat(charts).isGreaterThanOrEqualTo(6);
    assertThat(html).contains("Flow of courses", "Completer analysis: response",
        "Observer fidelity ratings", "95% Wilson")
        .doesNotContainPattern("\\b1 (sessions|courses|scores)\\b")
        .doesNotContainPattern("\\([^()<>]*\\([^()<>]*\\)[^()<>]*\\)");
  }

  /** The therapists of the cohort's JSON report that have rated sessions. */
  private static List<JsonNode> ratedTherapists(Path file) throws Exception {
    JsonNode report = JSON.readTree(Cli.run("report", "--format", "json", "--by", "therapist",
        file.toString()).out());
    List<JsonNode> rated = new java.util.ArrayList<>();
    for (JsonNode therapist : report.get("therapists")) {
      if (!therapist.get("ratings").isEmpty()) {
        rated.add(therapist);
      }
    }
    return rated;
  }

  private static String percent(JsonNode share) {
    return Text.percent(share.asDouble());
  }

  private static String twoDecimals(JsonNode value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value.asDouble());
  }

  @Test
  void textByTherapistHasEachRatedTherapistsRatingsOverTheDenominatorsOfJson() throws Exception {
    Path file = cohort();
    List<JsonNode> rated = ratedTherapists(file);

    String text = Cli.run("report", "--by", "therapist", file.toString()).out();

    assertThat(rated).as("the generated cohort has rated therapists").isNotEmpty();
    String section = text.substring(text.indexOf("\nObserver ratings by therapist\n"),
        text.indexOf("\nCourses with ERROR findings"));
    assertThat(section.lines().filter(line -> line.matches("  \\S.*")).count())
        .as("one heading line per rated therapist").isEqualTo(rated.size());
    for (JsonNode therapist : rated) {
      StringBuilder expected = new StringBuilder("\n  " + therapist.get("therapistRef").asString());
      for (JsonNode rating : therapist.get("ratings")) {
        JsonNode share = rating.get("rated");
        long n = share.get("n").asLong();
        expected.append("\n    ").append(rating.get("scale").asString()).append(": ")
            .append(share.get("count").asLong()).append(" of ").append(n)
            .append(n == 1 ? " attended session" : " attended sessions").append(" rated (")
            .append(percent(share.get("rate"))).append(", 95% CI ")
            .append(percent(share.get("lower"))).append(" to ")
            .append(percent(share.get("upper"))).append("), mean ")
            .append(twoDecimals(rating.get("mean"))).append(" (range ")
            .append(twoDecimals(rating.get("min"))).append(" to ")
            .append(twoDecimals(rating.get("max"))).append(")");
        if (rating.has("passed")) {
          JsonNode passed = rating.get("passed");
          expected.append(", at or above ").append(twoDecimals(rating.get("passMark")))
              .append(": ").append(passed.get("count").asLong()).append(" of ")
              .append(passed.get("n").asLong()).append(" (").append(percent(passed.get("rate")))
              .append("), 95% CI ").append(percent(passed.get("lower"))).append(" to ")
              .append(percent(passed.get("upper")));
        }
      }
      assertThat(section).contains(expected.append("\n"));
    }
    assertThat(Cli.run("report", file.toString()).out())
        .as("only with --by therapist").doesNotContain("Observer ratings by therapist");
  }

  @Test
  void htmlHasOneRatingsRowPerRatedTherapistAndScale() throws Exception {
    Path file = cohort();
    List<JsonNode> rated = ratedTherapists(file);

    String html = Cli.run("report", "--format", "html", "--by", "therapist", file.toString())
        .out();

    String table = html.substring(html.indexOf("<table id=\"rt-th-table\">"));
    table = table.substring(0, table.indexOf("</table>"));
    long rows = rated.stream().mapToLong(t -> t.get("ratings").size()).sum();
    assertThat(table.split("<tr><td>", -1)).hasSize((int) rows + 1);
    JsonNode first = rated.get(0);
    JsonNode rating = first.get("ratings").get(0);
    JsonNode share = rating.get("rated");
    assertThat(table).contains("<tr><td>" + first.get("therapistRef").asString() + "</td><td>"
        + rating.get("scale").asString() + "</td><td class=\"num\">"
        + share.get("count").asLong() + "</td><td class=\"num\">" + share.get("n").asLong()
        + "</td><td class=\"num\">" + percent(share.get("rate")) + "</td><td class=\"num\">"
        + percent(share.get("lower")) + " to " + percent(share.get("upper")) + "</td>");
    assertThat(html.indexOf("rt-th-table")).as("after the cohort's ratings")
        .isGreaterThan(html.indexOf("rt-table"));
    String numbered = Cli.run("report", "--format", "html", file.toString()).out();
    assertThat(numbered).contains("<table id=\"rt-th-table\">")
        .containsPattern("<tr><td>therapist \\d+</td><td>" + rating.get("scale").asString())
        .doesNotContain("th-0");
    HtmlCheck.assertSelfContained(html);
  }

  @Test
  void aCohortWithoutRatingsHasNoRatingsPerTherapist() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    assertThat(Cli.run("report", "--by", "therapist", file.toString()).out())
        .contains("By therapist").doesNotContain("Observer ratings");
    assertThat(Cli.run("report", "--format", "html", "--by", "therapist", file.toString()).out())
        .contains("No attended session carries an observer rating.")
        .doesNotContain("rt-th-table");
  }

  @Test
  void theHtmlTrajectorySaysHowManyOfItsScoresAreProrated() {
    Path file = Fixtures.write(dir.resolve("scored.ndjson"),
        Fixtures.scoredCourse("2,3,null,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0") + "\n"
            + Fixtures.scoredCourse("2,3,2,2,1,2,2,1,2", null, "1,1,null,1,1,1,1,null,0")
                .replace("c-canary", "c-other") + "\n");

    String html = Cli.run("report", "--format", "html", file.toString()).out();

    assertThat(html).contains("<p><small>2 scores are prorated totals (partly answered forms,"
        + " one or two items unanswered), counted with the others.</small></p>");
    assertThat(Cli.run("report", "--format", "html", cohort().toString()).out())
        .doesNotContain("prorated");
  }

  @Test
  void theCourseTableHasOneTypedRowPerCourse() {
    Path file = cohort();
    Cli.Result result = Cli.run("report", "--format", "csv", "--table", "courses",
        file.toString());
    Cli.Result byTherapist = Cli.run("report", "--format", "csv", "--table", "courses", "--by",
        "therapist", file.toString());

    assertThat(result.code()).isZero();
    List<String> rows = result.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo(String.join(",",
        org.iptkit.json.CourseTable.header(false)));
    assertThat(rows).hasSize(1 + 40);
    assertThat(rows.get(1).split(",", -1)).hasSize(org.iptkit.json.CourseTable.header(false)
        .size());
    assertThat(result.out()).doesNotContain("th-0");
    assertThat(byTherapist.out().lines().findFirst().orElseThrow())
        .startsWith("courseId,therapistRef,protocol,");
    assertThat(byTherapist.out()).contains(",th-0");
  }

  @Test
  void theCourseTableIsOnlyForCsv() {
    Cli.Result result = Cli.run("report", "--format", "json", "--table", "courses",
        cohort().toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--table").contains("csv");
    assertThat(Cli.run("report", "--format", "csv", "--table", "findings", cohort().toString())
        .err()).contains("rules, courses");
  }

  @Test
  void reportExitsTwoWhenARecordIsUnreadableAndZeroOtherwise() {
    Path bad = Fixtures.write(dir.resolve("bad.ndjson"), Fixtures.ndjson(1, 3, 0.5) + "{\n");

    Cli.Result result = Cli.run("report", bad.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.out()).startsWith("Cohort of 3 courses (1 unreadable records skipped)");
    assertThat(result.err()).contains("bad.ndjson:4");
    assertThat(Cli.run("report", cohort().toString()).code()).isZero();
  }

  @Test
  void byAcceptsOnlyTherapist() {
    Cli.Result result = Cli.run("report", "--by", "site", cohort().toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--by").contains("therapist");
  }
}
