package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

/** The per-course table: its columns, their types, and one row per course as CSV. */
class CourseTableTest {
  private static String table(boolean withTherapist, FidelityReport... reports) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReportWriter writer = IptJson.strict().courseTableWriter(out, withTherapist)) {
      for (FidelityReport report : reports) {
        writer.write(report);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theColumnsAreThoseOfTheFormatInOrder() {
    assertThat(CourseTable.header(false)).containsExactly("courseId", "protocol", "status",
        "sessionsAttended", "sessionsPlanned", "completer", "instrument", "baseline", "last",
        "change", "baselineBand", "lastBand", "caseAtBaseline", "response", "remission",
        "prorated", "adherence", "adherenceS", "adherenceP", "adherenceI", "adherenceF",
        "adherenceT", "adherenceM", "adherenceE", "adherenceN", "errors", "warnings", "infos",
        "ratedSessions", "meanRating");
    assertThat(CourseTable.header(true).subList(0, 3))
        .containsExactly("courseId", "therapistRef", "protocol");
    assertThat(CourseTable.columns(true)).extracting(c -> c.type().pandas())
        .doesNotContainNull()
        .contains("string", "category", "Int64", "Float64", "boolean");
  }

  @Test
  void aCleanCourseHasARowWithItsOutcomeAndAdherence() {
    FidelityReport report = ReportWriterTest.clean();
    List<String> row = CourseTable.row(report, false);
    List<String> header = CourseTable.header(false);

    assertThat(row).hasSameSizeAs(header);
    assertThat(row.get(header.indexOf("courseId"))).isEqualTo(report.courseId());
    assertThat(row.get(header.indexOf("status"))).isEqualTo("COMPLETED");
    assertThat(row.get(header.indexOf("sessionsAttended"))).isEqualTo("16");
    assertThat(row.get(header.indexOf("caseAtBaseline"))).isEqualTo("true");
    assertThat(row.get(header.indexOf("response"))).isEqualTo("true");
    assertThat(row.get(header.indexOf("adherence"))).isEqualTo("1.0");
    assertThat(row.get(header.indexOf("change")))
        .isEqualTo(Integer.toString(report.outcome().change().getAsInt()));
    assertThat(row.get(header.indexOf("errors"))).isEqualTo("0");
    assertThat(row.get(header.indexOf("ratedSessions"))).isEqualTo("0");
    assertThat(row.get(header.indexOf("meanRating"))).isEmpty();
    assertThat(row.get(header.indexOf("prorated"))).isEqualTo("false");
  }

  @Test
  void theCsvHasTheHeaderThenOneRowPerCourseCleanCoursesIncluded() {
    FidelityReport clean = ReportWriterTest.clean();
    String text = table(false, clean, ReportWriterTest.withFindings());
    String[] rows = text.split("\r\n", -1);

    assertThat(rows).hasSize(4);
    assertThat(rows[0]).isEqualTo(String.join(",", CourseTable.header(false)));
    assertThat(rows[1]).isEqualTo(String.join(",", CourseTable.row(clean, false)));
    assertThat(rows[3]).isEmpty();
    assertThat(table(true)).isEqualTo(String.join(",", CourseTable.header(true)) + "\r\n");
  }

  @Test
  void textCellsAreQuotedAsRfc4180SaysAndTheTherapistColumnIsOnlyThereWhenAskedFor() {
    TreatmentCourse course = TreatmentCourse.builder().from(ReferenceCourses.acute16())
        .courseId("c,\"7\"").therapistRef("th, 1").build();
    FidelityReport report = FidelityChecker.of(Protocols.IPT_ACUTE_16).check(course);

    assertThat(table(true, report).split("\r\n")[1])
        .startsWith("\"c,\"\"7\"\"\",\"th, 1\",ipt-acute-16,COMPLETED,16,");
    assertThat(table(false, report)).doesNotContain("th, 1");
  }
}
