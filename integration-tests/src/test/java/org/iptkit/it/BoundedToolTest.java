package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iptkit.examples.cli.Main;
import org.iptkit.core.CourseStatus;
import org.iptkit.examples.generator.LimitCourses;
import org.iptkit.json.IptJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool stays bounded on inputs just under the document limit, run as a user runs it: in a
 * Java process of its own with 256 MB of heap. A course of 100,000 sessions is validated, shown
 * and planned, and one whose two inventories list 100,000 people each is shown as HTML, without
 * running out of memory; a batch of three million bad records gives a bounded report on standard
 * error; and when memory does run out, the user sees one line and exit code 2, not a stack trace.
 * Each run has a generous hang guard; none is a speed check (the benchmarks measure speed).
 */
class BoundedToolTest {
  private static final Duration GUARD = Duration.ofMinutes(5);

  @TempDir
  static Path dir;
  private static Path sessions;
  private static Path ongoing;
  private static Path people;

  @BeforeAll
  static void writeInputs() throws IOException {
    sessions = write("sessions.json", LimitCourses.document(100_000, 3, CourseStatus.COMPLETED));
    ongoing = write("ongoing.json", LimitCourses.document(100_000, 3, CourseStatus.ONGOING));
    people = write("people.json", LimitCourses.document(100, 100_000, CourseStatus.COMPLETED));
  }

  private static Path write(String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat((long) bytes.length).as(name).isLessThan(IptJson.DEFAULT_MAX_DOCUMENT_LENGTH);
    return Files.write(dir.resolve(name), bytes);
  }

  /** What a run of the tool in its own process left: exit code, output size, standard error. */
  record Run(int code, long outBytes, String err) {}

  /** Runs {@code java -Xmx<heap> … ipt args} with the test's class path. */
  static Run java(String heap, String... args) {
    return assertTimeoutPreemptively(GUARD, () -> {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
              Path.of("/dev/null").toFile())).start();
      try {
        if (!process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)) {
          throw new AssertionError("ipt " + String.join(" ", args) + " did not end");
        }
      } finally {
        process.destroyForcibly();
      }
      long size = Files.size(out);
      String errText = Files.readString(err, StandardCharsets.UTF_8);
      Files.delete(out);
      Files.delete(err);
      return new Run(process.exitValue(), size, errText);
    });
  }

  private static void assertNoTrace(Run run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("Error:")
        .doesNotContainPattern("\\n\\s+at [a-z]");
  }

  @Test
  void aCourseOfAHundredThousandSessionsIsValidatedShownAndPlannedInAQuarterGigabyte() {
    List<List<String>> runs = List.of(
        List.of("validate", "--format", "ndjson", sessions.toString()),
        List.of("show", sessions.toString()),
        List.of("show", "--format", "html", sessions.toString()),
        List.of("agenda", ongoing.toString()));
    for (List<String> args : runs) {
      Run run = java("256m", args.toArray(String[]::new));

      assertNoTrace(run);
      assertThat(run.code()).as("%s: %s", args, run.err()).isIn(0, 1);
      assertThat(run.err()).as("%s", args).isEmpty();
      assertThat(run.outBytes()).as("%s", args).isPositive();
    }
  }

  @Test
  void aCourseWithTwoInventoriesOfAHundredThousandPeopleIsShownInAQuarterGigabyte() {
    for (String format : List.of("text", "html")) {
      Run run = java("256m", "show", "--format", format, people.toString());

      assertNoTrace(run);
      assertThat(run.code()).as("%s: %s", format, run.err()).isIn(0, 1);
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void runningOutOfMemoryIsOneLineAndExitCodeTwo() {
    Run run = java("24m", "show", "--format", "html", sessions.toString());

    assertNoTrace(run);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("ipt: out of memory").hasLineCount(1);
  }

  @Test
  void threeMillionBadRecordsGiveABoundedReport() throws IOException {
    StringBuilder array = new StringBuilder(6_000_002).append('[');
    for (int i = 0; i < 3_000_000; i++) {
      array.append(i == 0 ? "1" : ",1");
    }
    Path flood = Files.writeString(dir.resolve("flood.json"), array.append(']'));

    Run run = java("256m", "validate", flood.toString());

    assertNoTrace(run);
    assertThat(run.code()).isEqualTo(2);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(101);
    assertThat(lines.get(100)).isEqualTo("ipt: " + flood
        + ": 2999900 more unreadable records not shown (the first 100 are)");
    Files.delete(flood);
  }
}
