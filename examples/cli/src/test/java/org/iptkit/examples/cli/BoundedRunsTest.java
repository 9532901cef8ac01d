package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command stays bounded whatever the input: a flood of bad records gives a bounded report
 * on standard error (and still exit code 2), a protocol profile cannot ask for absurd numbers or
 * take a built-in profile's id, a link to nothing is an unreadable record, and a course page
 * draws a bounded number of marks however many people an inventory lists. Each run is guarded by
 * a generous timeout: a hang guard, not a speed check.
 */
class BoundedRunsTest {
  private static final Duration GUARD = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  private static Cli.Result run(String... args) {
    return assertTimeoutPreemptively(GUARD, () -> Cli.run(args));
  }

  @Test
  void afterAHundredBadRecordsOfASourceOneLineSaysHowManyMoreThereWere() {
    Path flood = Fixtures.write(dir.resolve("flood.json"),
        "[" + "1,".repeat(2_999) + "1]");
    Path few = Fixtures.write(dir.resolve("few.json"), "[1,1,1]");

    Cli.Result result = run("validate", flood.toString(), few.toString());

    List<String> lines = result.err().lines().toList();
    assertThat(result.code()).isEqualTo(2);
    assertThat(lines).hasSize(Diagnostics.SHOWN_PER_SOURCE + 1 + 3);
    assertThat(lines.subList(0, 100)).allSatisfy(line -> assertThat(line)
        .startsWith("ipt: " + flood + ":"));
    assertThat(lines.get(100)).isEqualTo("ipt: " + flood
        + ": 2900 more unreadable records not shown (the first 100 are)");
    assertThat(lines.subList(101, 104)).allSatisfy(line -> assertThat(line)
        .startsWith("ipt: " + few + ":"));
    assertThat(result.out()).isEqualTo("0 courses, 0 errors, 0 warnings, 3003 unreadable\n");
  }

  @Test
  void aHundredBadRecordsAreAllShown() {
    Path hundred = Fixtures.write(dir.resolve("hundred.ndjson"), "1\n".repeat(100));

    Cli.Result result = run("validate", "--format", "ndjson", hundred.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(100).noneMatch(line -> line.contains("more"));
  }

  @Test
  void aProfileWithTwoThousandMillionCirclesIsAUsageError() {
    Path profile = Fixtures.write(dir.resolve("trial.json"),
        "{\"id\": \"t\", \"basedOn\": \"ipt-acute-16\", \"circles\": 2147483647}");
    Path course = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    for (String command : List.of("validate", "show", "agenda")) {
      Cli.Result result = run(command, "--protocol-file", profile.toString(), course.toString());

      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).startsWith("ipt: --protocol-file " + profile + ": /circles: "
          + "circles must be at most 10, was 2147483647 (line 1, column ").hasLineCount(1);
      assertThat(result.out()).isEmpty();
    }
  }

  @Test
  void aTrialProfileCannotTakeTheIdOfABuiltInOne() {
    Path profile = Fixtures.write(dir.resolve("trial.json"),
        "{\"id\": \"ipt-acute-16\", \"basedOn\": \"ipt-acute-16\", \"sessions\": {\"max\": 12}}");
    Path course = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = run("validate", "--protocol-file", profile.toString(), course.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("ipt: --protocol-file " + profile + ": /id: "
        + "'ipt-acute-16' is the id of a built-in profile; give the trial's profile an id of "
        + "its own and \"basedOn\": \"ipt-acute-16\" to start from the built-in one\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aSymbolicLinkToNothingInADirectoryIsOneUnreadableRecordWithItsPath() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Fixtures.write(input.resolve("a.json"), Fixtures.CANARY_COURSE);
    Path dangling = Files.createSymbolicLink(input.resolve("b\u001B[2J.json"),
        input.resolve("gone.json"));

    Cli.Result result = run("validate", "--fail-on", "never", input.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("ipt: " + dangling.toString().replace("\u001B", "\\u001B")
        + ": skipped: cannot read the file: a symbolic link to a file that does not exist\n");
    assertThat(result.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("1 courses, ")
        .endsWith(" 1 unreadable");
  }

  /** Runs {@code ipt args} with a standard input whose first read throws {@code failure}. */
  private static Cli.Result runFailingOn(Throwable failure, String... args) {
    InputStream in = new InputStream() {
      @Override
      public int read() {
        throw sneaky(failure);
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw sneaky(failure);
      }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = assertTimeoutPreemptively(GUARD, () -> Ipt.run(new Io(in, out,
        new PrintWriter(err, true), false), args));
    return new Cli.Result(code, out.toByteArray(), err.toString());
  }

  private static RuntimeException sneaky(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return (RuntimeException) failure;
  }

  @Test
  void whateverFailsTheUserSeesOneLineAndExitCodeTwoWithoutAStackTrace() {
    for (Throwable failure : List.of(new OutOfMemoryError("Java heap space"),
        new StackOverflowError(), new IllegalStateException("a defect"))) {
      for (String command : List.of("validate", "show", "agenda")) {
        Cli.Result result = runFailingOn(failure, command, "-");

        assertThat(result.code()).as("%s %s: %s", command, failure, result.err()).isEqualTo(2);
        assertThat(result.err()).as("%s %s", command, failure).startsWith("ipt: ")
            .hasLineCount(1).doesNotContain("\tat ").doesNotContain("java.lang");
      }
    }
    assertThat(runFailingOn(new OutOfMemoryError(), "validate", "-").err())
        .startsWith("ipt: out of memory; ");
    assertThat(runFailingOn(new StackOverflowError(), "validate", "-").err())
        .startsWith("ipt: internal error (StackOverflowError)");
  }

  @Test
  void withDebugTheStackTraceFollowsTheLine() {
    Cli.Result result = runFailingOn(new StackOverflowError(), "--debug", "validate", "-");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("ipt: internal error (StackOverflowError)\n")
        .contains("\tat ");
  }

  @Test
  void aCoursePageDrawsAtMostAHundredPeopleACircleAndCountsTheRest() {
    StringBuilder people = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      people.append(",{\"id\":\"p").append(i).append("\",\"relationship\":\"FRIEND\","
          + "\"circle\":2}");
    }
    Path course = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE.replace(
        "{\"id\":\"sister\",\"relationship\":\"SIBLING\",\"circle\":2,\"contact\":\"WEEKLY\"}",
        "{\"id\":\"sister\",\"relationship\":\"SIBLING\",\"circle\":2,\"contact\":\"WEEKLY\"}"
            + people));

    Cli.Result result = run("show", "--format", "html", course.toString());

    assertThat(result.code()).as(result.err()).isZero();
    String page = result.out();
    HtmlCheck.assertSelfContained(page);
    assertThat(page).contains("901 more not drawn (at most 100 marks a circle)");
    assertThat(page.split("<title>FRIEND, circle 2", -1)).hasSize(100);
    assertThat(page).contains("<td class=\"num\">1002</td>");
  }
}
