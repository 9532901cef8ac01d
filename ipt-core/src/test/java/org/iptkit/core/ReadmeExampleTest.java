package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's example ("Build a course from your records") compiled and run. {@link #EXAMPLE}
 * is the README's code block verbatim, and the same code is the body of
 * {@link #runExample()}: the first test proves the README still shows exactly this code, the
 * second that it compiles and prints what the README says.
 */
class ReadmeExampleTest {

  private static final String EXAMPLE = """
      Session first = Session.builder()
          .number(1).date(LocalDate.of(2026, 1, 5)).minutes(50)
          .attendance(Attendance.ATTENDED).phase(Phase.INITIAL)
          .addTasks(SessionTask.DIAGNOSIS_NAMED, SessionTask.PSYCHOEDUCATION)
          .addMeasure(Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0))
          .build();
      TreatmentCourse course = TreatmentCourse.builder()
          .courseId("c-0001").protocol("ipt-acute-16").status(CourseStatus.ONGOING)
          .addSession(first)
          .build();
      Score baseline = course.baseline(Instrument.PHQ9).orElseThrow();
      System.out.println(baseline.total() + " " + baseline.band()); // 15 MODERATELY_SEVERE
      """;

  private static Score runExample() {
    // ---- begin README code ----
    Session first = Session.builder()
        .number(1).date(LocalDate.of(2026, 1, 5)).minutes(50)
        .attendance(Attendance.ATTENDED).phase(Phase.INITIAL)
        .addTasks(SessionTask.DIAGNOSIS_NAMED, SessionTask.PSYCHOEDUCATION)
        .addMeasure(Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0))
        .build();
    TreatmentCourse course = TreatmentCourse.builder()
        .courseId("c-0001").protocol("ipt-acute-16").status(CourseStatus.ONGOING)
        .addSession(first)
        .build();
    Score baseline = course.baseline(Instrument.PHQ9).orElseThrow();
    System.out.println(baseline.total() + " " + baseline.band()); // 15 MODERATELY_SEVERE
    // ---- end README code ----
    return baseline;
  }

  @Test
  void readmeShowsExactlyTheCodeThisTestRuns() throws IOException {
    assertThat(readmeExample()).isEqualTo(EXAMPLE);
  }

  @Test
  void readmeExampleGivesABaselineOf15ModeratelySevere() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Score baseline;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      baseline = runExample();
    } finally {
      System.setOut(original);
    }

    assertThat(baseline.total()).isEqualTo(15);
    assertThat(baseline.band()).isEqualTo(SeverityBand.MODERATELY_SEVERE);
    assertThat(baseline.sessionNumber()).hasValue(1);
    assertThat(printed.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("15 MODERATELY_SEVERE");
  }

  /** The first java block after "Build a course from your records" in the project README. */
  private static String readmeExample() throws IOException {
    Path readme = Path.of("README.md");
    if (!Files.exists(readme)) {
      readme = Path.of("..", "README.md");
    }
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int section = text.indexOf("Build a course from your records");
    assertThat(section).as("README section").isNotNegative();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertThat(block.find(section)).as("java block after the section").isTrue();
    return block.group(1);
  }
}
