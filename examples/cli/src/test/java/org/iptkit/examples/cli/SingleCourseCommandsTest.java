package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iptkit.core.CourseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleCourseCommandsTest {
  @TempDir
  Path dir;

  @Test
  void agendaOfAnOngoingCourseNamesTheNextSessionAndWhatIsDue() {
    Path file = Fixtures.write(dir.resolve("o.json"),
        Fixtures.courseWithStatus(CourseStatus.ONGOING));

    Cli.Result result = Cli.run("agenda", file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Agenda for the next session of course gen-3-")
        .contains("next session: number ", "attended so far: ");
  }

  @Test
  void agendaListsOverdueItemsWithTheirRule() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("agenda", file.toString());

    assertThat(result.out()).contains("Overdue (").containsPattern("\\n  M04 ");
  }

  @Test
  void agendaOfACompletedCourseSaysWhyThereIsNone() {
    Path file = Fixtures.write(dir.resolve("c.json"),
        Fixtures.courseWithStatus(CourseStatus.COMPLETED));

    Cli.Result result = Cli.run("agenda", file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("No agenda: ").contains("ONGOING");
  }

  @Test
  void agendaOfAFileWithTwoCoursesIsAUsageError() {
    Path file = Fixtures.write(dir.resolve("two.ndjson"), Fixtures.ndjson(1, 2, 0));

    Cli.Result result = Cli.run("agenda", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("more than one course");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void agendaOfAnUnreadableCourseExitsTwoWithThePointer() {
    Path file = Fixtures.write(dir.resolve("bad.json"),
        Fixtures.CANARY_COURSE.replace("\"ONGOING\"", "\"PAUSED\""));

    Cli.Result result = Cli.run("agenda", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("bad.json").contains("/status");
  }

  @Test
  void agendaUsesTheProtocolGiven() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    assertThat(Cli.run("agenda", "--protocol", "ipt-b-8", file.toString()).out())
        .contains("(ipt-b-8, ONGOING)");
  }

  @Test
  void showTextHasSummarySessionsAndFindings() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("show", file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Course c-canary\n")
        .contains("protocol:   ipt-acute-16", "Sessions (2)", "Findings (")
        .containsPattern("\\n  1 +2026-01-05 +ATTENDED +INITIAL +50 +.*M04");
  }

  @Test
  void showHtmlIsASelfContainedPageWithTimelineTrajectoryAndCircles() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("show", "--format", "html", file.toString());

    assertThat(result.out())
        .contains("Session timeline", "PHQ-9 trajectory", "Closeness circles", "<svg");
    HtmlCheck.assertSelfContained(result.out());
  }

  @Test
  void htmlEscapesWhatTheInputControls() {
    Path file = Fixtures.write(dir.resolve("c.json"),
        Fixtures.CANARY_COURSE.replace("\"c-canary\"", "\"c-<b>&\\\"x'\""));

    String course = Cli.run("show", "--format", "html", file.toString()).out();
    String cohort = Cli.run("report", "--format", "html", file.toString()).out();

    for (String html : new String[] {course, cohort}) {
      assertThat(html).contains("c-&lt;b&gt;&amp;&quot;x&#39;").doesNotContain("<b>");
      HtmlCheck.assertSelfContained(html);
    }
  }

  @Test
  void showHtmlOfGeneratedCoursesIsWellFormed() {
    String[] courses = Fixtures.ndjson(17, 30, 0.5).split("\n");
    for (String course : courses) {
      Path file = Fixtures.write(dir.resolve("g.json"), course);
      Cli.Result result = Cli.run("show", "--format", "html", file.toString());
      assertThat(result.code()).isZero();
      HtmlCheck.assertSelfContained(result.out());
    }
  }

  @Test
  void showOutWritesTheFileAndNothingToStandardOutput() throws Exception {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);
    Path page = dir.resolve("page.html");

    Cli.Result result = Cli.run("show", "--format", "html", "--out", page.toString(),
        file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(Files.readString(page, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void showReadsStandardInput() {
    Cli.Result result = Cli.runWithInput(Fixtures.CANARY_COURSE.getBytes(StandardCharsets.UTF_8),
        "show", "-");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Course c-canary");
  }

  @Test
  void showOfAMissingFileIsAUsageError() {
    Cli.Result result = Cli.run("show", dir.resolve("missing.json").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("no such file or directory").contains("missing.json");
  }

  @Test
  void showIntoAnUnwritablePlaceIsAUsageError() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("show", "--out", dir.resolve("no/such/dir/p.txt").toString(),
        file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).startsWith("ipt: cannot write ");
  }

  private Path scoredCourse(String first, String middle, String last) {
    return Fixtures.write(dir.resolve("scored.json"), Fixtures.scoredCourse(first, middle, last));
  }

  @Test
  void showTextMarksAProratedBaselineAndExplainsTheMarkOnce() {
    // 15 over 8 answered items, times 9: 16.9, prorated to 17; the last form is complete
    Path file = scoredCourse("2,3,null,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0");

    String out = Cli.run("show", file.toString()).out();

    assertThat(out).contains("  outcome:    PHQ-9 baseline 17* (MODERATELY_SEVERE), last 8 (MILD),"
            + " change -9,")
        .contains("\n              * prorated: the total of a form with one or two items"
            + " unanswered");
    assertThat(out.split("prorated:", -1)).as("the mark is explained once").hasSize(2);
  }

  @Test
  void showTextMarksAProratedLastScoreOnly() {
    Path file = scoredCourse("2,3,2,2,1,2,2,1,2", null, "1,1,null,1,1,1,1,null,0");

    String out = Cli.run("show", file.toString()).out();

    // 6 over 7 answered items, times 9: 7.7, prorated to 8
    assertThat(out).contains("PHQ-9 baseline 17 (MODERATELY_SEVERE), last 8* (MILD)")
        .contains("* prorated: ");
  }

  @Test
  void showTextOfCompleteFormsHasNoMark() {
    Path file = scoredCourse("2,3,2,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0");

    String out = Cli.run("show", file.toString()).out();

    assertThat(out).contains("PHQ-9 baseline 17 (MODERATELY_SEVERE), last 8 (MILD)")
        .doesNotContain("*").doesNotContain("prorated");
  }

  @Test
  void showHtmlMarksProratedTotalsInTheSummaryAndTheTrajectoryAndExplainsOnce() {
    Path file = scoredCourse("2,3,null,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0");

    String html = Cli.run("show", "--format", "html", file.toString()).out();

    assertThat(html).contains("<td>PHQ-9 baseline 17* (MODERATELY_SEVERE), last 8 (MILD),")
        .contains("</td><td class=\"num\">17*</td><td>MODERATELY_SEVERE</td>")
        .contains("</td><td class=\"num\">8</td><td>MILD</td>")
        .contains(": 17* (MODERATELY_SEVERE), prorated</title>")
        .contains("fill=\"#ffffff\" stroke=\"#1d2433\" stroke-width=\"2\"><title>")
        .contains("open points are prorated totals (*)");
    assertThat(html.split("\\* prorated: ", -1)).as("the mark is explained once").hasSize(2);
    assertThat(html.indexOf("* prorated: ")).as("under the summary, where it first appears")
        .isLessThan(html.indexOf("Session timeline"));
    HtmlCheck.assertSelfContained(html);
  }

  @Test
  void showHtmlExplainsAProratedScoreBetweenBaselineAndLastUnderTheTrajectory() {
    Path file = scoredCourse("2,3,2,2,1,2,2,1,2", "2,2,2,null,2,2,2,2,0", "1,1,1,1,1,1,1,1,0");

    String html = Cli.run("show", "--format", "html", file.toString()).out();

    // 14 over 8 answered items, times 9: 15.75, prorated to 16
    assertThat(html).contains("<td>PHQ-9 baseline 17 (MODERATELY_SEVERE), last 8 (MILD),")
        .contains("</td><td class=\"num\">16*</td>");
    assertThat(html.split("\\* prorated: ", -1)).hasSize(2);
    assertThat(html.indexOf("* prorated: ")).isGreaterThan(html.indexOf("<table id=\"tr-table\">"));
    assertThat(Cli.run("show", "--format", "html",
        scoredCourse("2,3,2,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0").toString()).out())
        .doesNotContain("prorated").doesNotContain("17*");
  }
}
