package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * The one escaping policy: which characters are never shown raw, how they are shown instead, and
 * that every JSON and NDJSON writer of the library writes the same characters as JSON escapes,
 * so that a report read back is unchanged and a line reader sees one NDJSON record per line.
 */
class SafeTextTest {
  /** Every kind of character the policy names, one of each. */
  static final String HOSTILE = "\u0000\u0007\b\t\n\u000B\f\r\u001B\u007F\u0080\u0085\u009B"
      + "\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

  @Test
  void controlBidiAndLineSeparatorCharactersAreUnsafeAndOthersAreNot() {
    HOSTILE.chars().forEach(c -> assertThat(SafeText.isUnsafe(c)).as("U+%04X", c).isTrue());
    for (int c : new int[] {' ', 'a', '~', 0xA0, 0xE9, 0x061B, 0x061D, 0x200D, 0x2027, 0x202F,
        0x2065, 0x206A, 0xFEFF, 0x65E5}) {
      assertThat(SafeText.isUnsafe(c)).as("U+%04X", c).isFalse();
    }
  }

  @Test
  void unsafeCharactersAreShownVisiblyAndEverythingElseIsKept() {
    assertThat(SafeText.escape("c-0001 Zo\u00eb \u65e5\u672c \uD83D\uDE00"))
        .isEqualTo("c-0001 Zo\u00eb \u65e5\u672c \uD83D\uDE00");
    assertThat(SafeText.escape("a\nb\rc\td\u001B[8me\u0007\u2028\u202E"))
        .isEqualTo("a\\nb\\rc\\td\\u001B[8me\\u0007\\u2028\\u202E");
    assertThat(SafeText.escape("lone \uD800 and \uDC00 halves"))
        .isEqualTo("lone \\uD800 and \\uDC00 halves");
    String escaped = SafeText.escape(HOSTILE);
    assertThat(escaped.chars().filter(SafeText::isUnsafe)).isEmpty();
    assertThat(SafeText.firstUnsafe("plain")).isEqualTo(-1);
    assertThat(SafeText.firstUnsafe("ab\u202E")).isEqualTo(2);
  }

  @Test
  void theSameTextComesBackAsTheSameObject() {
    String plain = "c-0001";
    assertThat(SafeText.escape(plain)).isSameAs(plain);
  }

  @Test
  void jsonWritersEscapeTheCharactersAndTheValuesReadBackUnchanged() {
    IptJson json = IptJson.strict();
    TreatmentCourse course = TreatmentCourse.builder().from(SampleCourses.formatExample())
        .courseId("c" + HOSTILE).build();
    FidelityReport report = FidelityChecker.of(Protocols.IPT_ACUTE_16).check(course);

    String courseJson = json.writeCourse(course);
    String reportJson = json.writeReport(report);
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    try (ReportWriter writer = json.reportWriter(ndjson, ReportFormat.NDJSON)) {
      writer.write(report);
      writer.write(writer.encode(report));
    }
    String lines = ndjson.toString(StandardCharsets.UTF_8);

    for (String written : List.of(courseJson, reportJson, lines)) {
      for (int i = 0; i < written.length(); i++) {
        char c = written.charAt(i);
        assertThat(c == '\n' || !SafeText.isUnsafe(c)).as("U+%04X at %d", (int) c, i).isTrue();
      }
    }
    assertThat(reportJson).contains("\\u2028\\u2029").contains("\\u0085").contains("\\u202E");
    assertThat(lines.split("\n")).as("one record per line").hasSize(2);
    assertThat(lines.split("[\n\r\u2028\u2029\u0085\u000B\f\u001C\u001D\u001E]"))
        .as("as Python's splitlines() splits").hasSize(2);
    assertThat(json.readCourse(courseJson)).isEqualTo(course);
    assertThat(json.readReport(reportJson).courseId()).isEqualTo(course.courseId());
  }
}
