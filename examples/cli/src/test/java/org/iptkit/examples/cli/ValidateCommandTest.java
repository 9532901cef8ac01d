package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  @Test
  void cleanCoursesExitZeroAndPrintOnlyTheSummaryLine() {
    Path file = Fixtures.write(dir.resolve("clean.ndjson"), Fixtures.cleanNdjson(5));

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("5 courses, 0 errors, 0 warnings, 0 unreadable\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void anErrorFindingExitsOneAndPrintsABlockWithCodeSeveritySessionAndMessage() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(result.out())
        .contains("c-canary (ipt-acute-16, ONGOING): adherence ")
        .containsPattern("\\n  ERROR +M04 +session 1 +PHQ-9 item 9 scored 2")
        .endsWith("1 courses, 1 errors, 0 warnings, 0 unreadable\n");
  }

  @Test
  void failOnNeverExitsZeroDespiteErrors() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    assertThat(Cli.run("validate", "--fail-on", "never", file.toString()).code()).isZero();
  }

  @Test
  void failOnWarningExitsOneForAWarningAndDefaultErrorDoesNot() {
    Path file = Fixtures.write(dir.resolve("w.json"), Fixtures.courseWithWorst(Severity.WARNING));

    assertThat(Cli.run("validate", file.toString()).code()).isZero();
    assertThat(Cli.run("validate", "--fail-on", "warning", file.toString()).code())
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(Cli.run("validate", "--fail-on", "WARNING", file.toString()).code())
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void anInfoFindingNeverFailsTheRun() {
    Path file = Fixtures.write(dir.resolve("i.json"), Fixtures.courseWithWorst(Severity.INFO));

    assertThat(Cli.run("validate", "--fail-on", "warning", file.toString()).code()).isZero();
  }

  @Test
  void aMalformedLineIsReportedWithItsLineAndTheRunGoesOn() {
    String courses = Fixtures.cleanNdjson(3);
    String[] lines = courses.split("\n");
    String text = lines[0] + "\n" + lines[1] + "\n{\"schemaVersion\": \"1.0\", oops\n" + lines[2]
        + "\n";
    Path file = Fixtures.write(dir.resolve("batch.ndjson"), text);

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("batch.ndjson:3: skipped: ");
    assertThat(result.out()).isEqualTo("3 courses, 0 errors, 0 warnings, 1 unreadable\n");
  }

  @Test
  void aSchemaErrorIsReportedWithFileLineAndJsonPointer() {
    String[] lines = Fixtures.cleanNdjson(2).split("\n");
    String bad = lines[1].replaceFirst("\"attendance\":\"ATTENDED\"", "\"attendance\":\"MAYBE\"");
    Path file = Fixtures.write(dir.resolve("b.ndjson"), lines[0] + "\n" + bad + "\n");

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err())
        .contains("b.ndjson:2: skipped: /sessions/0/attendance: ")
        .contains("ATTENDED, CANCELLED, NO_SHOW");
  }

  @Test
  void unreadableRecordsWinOverFindings() {
    Path file = Fixtures.write(dir.resolve("mixed.ndjson"),
        Fixtures.CANARY_COURSE + "\nnot json at all\n");

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.out()).contains("1 courses, 1 errors, 0 warnings, 1 unreadable");
  }

  @Test
  void jsonIsOneArrayOfReportsInInputOrder() throws Exception {
    Path file = Fixtures.write(dir.resolve("g.ndjson"), Fixtures.ndjson(4, 6, 0.5));

    Cli.Result result = Cli.run("validate", "--format", "json", "--fail-on", "never",
        file.toString());

    assertThat(result.code()).isZero();
    JsonNode array = JSON.readTree(result.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(6);
    for (int i = 0; i < 6; i++) {
      assertThat(array.get(i).get("courseId").asString()).isEqualTo("gen-4-" + i);
    }
  }

  @Test
  void ndjsonIsOneReportPerLine() throws Exception {
    Path file = Fixtures.write(dir.resolve("g.ndjson"), Fixtures.ndjson(4, 6, 0.5));

    Cli.Result result = Cli.run("validate", "--format", "ndjson", "--fail-on", "never",
        file.toString());

    String[] lines = result.out().split("\n");
    assertThat(lines).hasSize(6);
    for (String line : lines) {
      assertThat(JSON.readTree(line).has("findings")).isTrue();
    }
  }

  @Test
  void csvIsOneFindingPerRow() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--format", "csv", file.toString());

    List<String> rows = result.out().lines().toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rows.get(0)).contains("rule");
    assertThat(rows.subList(1, rows.size())).anySatisfy(row -> assertThat(row).contains("M04"));
    assertThat(result.code()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void twoThreadsGiveTheSameBytesAsOne() {
    Path file = Fixtures.write(dir.resolve("g.ndjson"),
        Fixtures.ndjson(9, 80, 0.4) + "broken line\n" + Fixtures.ndjson(10, 20, 0.4));
    for (String format : List.of("text", "ndjson", "json", "csv")) {
      Cli.Result one = Cli.run("validate", "--format", format, "--threads", "1", file.toString());
      Cli.Result two = Cli.run("validate", "--format", format, "--threads", "2", file.toString());
      Cli.Result four = Cli.run("validate", "--format", format, "--threads", "4",
          file.toString());

      assertThat(two.outBytes()).as(format).isEqualTo(one.outBytes());
      assertThat(four.outBytes()).as(format).isEqualTo(one.outBytes());
      assertThat(two.err()).isEqualTo(one.err());
      assertThat(two.code()).isEqualTo(one.code()).isEqualTo(ExitCodes.UNREADABLE);
    }
  }

  @Test
  void aDirectoryIsReadRecursivelyInSortedOrder() {
    String[] lines = Fixtures.ndjson(2, 3, 0).split("\n");
    Fixtures.write(dir.resolve("b/2.json"), lines[2]);
    Fixtures.write(dir.resolve("a/1.ndjson"), lines[1] + "\n");
    Fixtures.write(dir.resolve("0.json"), "[" + lines[0] + "]");
    Fixtures.write(dir.resolve("notes.txt"), "not a course file");

    Cli.Result result = Cli.run("validate", "--format", "ndjson", "--fail-on", "never",
        dir.toString());

    assertThat(result.out().lines().map(l -> l.replaceAll(".*\"courseId\":\"([^\"]+)\".*", "$1"))
        .toList()).containsExactly("gen-2-0", "gen-2-1", "gen-2-2");
    assertThat(result.code()).isZero();
  }

  @Test
  void aFileOfADirectoryThatCannotBeReadIsOneUnreadableRecordAndTheRestIsChecked()
      throws Exception {
    // Reading /proc/self/mem from its start fails with an I/O error, for root too (Linux).
    Path mem = Path.of("/proc/self/mem");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(mem));
    String[] lines = Fixtures.ndjson(2, 2, 0).split("\n");
    Fixtures.write(dir.resolve("a.ndjson"), lines[0] + "\n");
    java.nio.file.Files.createSymbolicLink(dir.resolve("b.ndjson"), mem);
    Fixtures.write(dir.resolve("c.ndjson"), lines[1] + "\n");

    Cli.Result result = Cli.run("validate", dir.toString());

    assertThat(result.err()).startsWith("ipt: " + dir.resolve("b.ndjson")
        + ": skipped: cannot read the file: ").doesNotContain("record 1").doesNotContain("\tat ");
    assertThat(result.out()).endsWith("2 courses, 0 errors, 0 warnings, 1 unreadable\n");
    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
  }

  @Test
  void aDirectoryWithoutCourseFilesIsReportedAsEmpty() {
    Fixtures.write(dir.resolve("notes.txt"), "not a course file");

    Cli.Result result = Cli.run("validate", dir.toString());

    assertThat(result.err()).isEqualTo("ipt: " + dir
        + ": skipped: no course file (.json, .ndjson or .jsonl) in the directory\n");
    assertThat(result.out()).isEqualTo("0 courses, 0 errors, 0 warnings, 1 unreadable\n");
    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
  }

  @Test
  void aDashReadsStandardInput() {
    byte[] input = Fixtures.cleanNdjson(2).getBytes(StandardCharsets.UTF_8);

    Cli.Result result = Cli.runWithInput(input, "validate", "-");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("2 courses, 0 errors, 0 warnings, 0 unreadable\n");
  }

  /**
   * Makes a named pipe at {@code fifo} (skipping the test where mkfifo is missing) and starts a
   * thread that writes {@code content} into it once a reader opens it; join it after the run.
   */
  private static Thread pipeWriting(Path fifo, byte[] content) throws InterruptedException {
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (java.io.IOException e) {
      made = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(made, "mkfifo is available");
    Thread writer = new Thread(() -> {
      try (var out = java.nio.file.Files.newOutputStream(fifo)) {
        out.write(content);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    return writer;
  }

  @Test
  void aNamedPipeIsReadAsAStream() throws Exception {
    Path fifo = dir.resolve("export.ndjson");
    Thread writer = pipeWriting(fifo,
        Fixtures.cleanNdjson(3).getBytes(StandardCharsets.UTF_8));

    Cli.Result result = Cli.run("validate", fifo.toString());
    writer.join(10_000);

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("3 courses, 0 errors, 0 warnings, 0 unreadable\n");
  }

  @Test
  void severalPathsAreReadInTheOrderGiven() {
    String[] lines = Fixtures.ndjson(2, 2, 0).split("\n");
    Path second = Fixtures.write(dir.resolve("z.json"), lines[0]);
    Path first = Fixtures.write(dir.resolve("a.json"), lines[1]);

    Cli.Result result = Cli.run("validate", "--format", "ndjson", "--fail-on", "never",
        second.toString(), first.toString());

    assertThat(result.out().indexOf("gen-2-0")).isLessThan(result.out().indexOf("gen-2-1"));
  }

  @Test
  void aMissingFileIsAUsageErrorNamingIt() {
    Cli.Result result = Cli.run("validate", dir.resolve("nope.ndjson").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).startsWith("ipt: no such file or directory: ").contains("nope.ndjson");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownProtocolIdIsAUsageErrorListingTheKnownIds() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol", "ipt-nope", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("unknown protocol profile 'ipt-nope'")
        .contains("ipt-acute-16", "ipt-uk-16", "ipt-a-12", "ipt-b-8", "group-ipt-8", "ipc-6",
            "ipt-ptsd-14", "ipt-ppd-12", "ipt-m-monthly");
  }

  @Test
  void aCourseNamingAnUnknownProfileIsSkippedWithTheKnownIds() {
    Path file = Fixtures.write(dir.resolve("c.ndjson"),
        Fixtures.CANARY_COURSE.replace("ipt-acute-16", "trial-x") + "\n"
            + Fixtures.cleanNdjson(1));

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("c.ndjson:1: skipped: /protocol: unknown protocol "
        + "profile 'trial-x'; known profiles: ipt-acute-16");
    assertThat(result.out()).isEqualTo("1 courses, 0 errors, 0 warnings, 1 unreadable\n");
  }

  @Test
  void protocolOverridesTheProfileEveryCourseNames() throws Exception {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol", "ipt-b-8", "--format", "ndjson",
        file.toString());

    assertThat(JSON.readTree(result.out()).get("protocol").asString()).isEqualTo("ipt-b-8");
  }

  @Test
  void aProtocolFileOverridesTheProfileWithTheTrialsOwn() throws Exception {
    Path profile = Fixtures.write(dir.resolve("trial.json"), """
        {"id": "my-trial-2026", "title": "Trial X", "basedOn": "ipt-acute-16",
         "sessions": {"min": 12, "max": 12}, "rules": {"T02": "OFF"}}
        """);
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol-file", profile.toString(),
        "--format", "ndjson", file.toString());

    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("protocol").asString()).isEqualTo("my-trial-2026");
    assertThat(report.get("courseProtocol").asString()).as("the profile the course names")
        .isEqualTo("ipt-acute-16");
  }

  @Test
  void aProtocolFileThatLowersM04IsRefusedWithItsPointer() {
    // Tried: a trial file lowering M04 silenced an unassessed positive safety item.
    Path profile = Fixtures.write(dir.resolve("trial.json"), """
        {"id": "my-trial-2026", "title": "Trial X", "basedOn": "ipt-acute-16",
         "rules": {"M04": "INFO"}}
        """);
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol-file", profile.toString(),
        file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--protocol-file").contains("/rules/M04")
        .contains("cannot be lowered to INFO: it is mandatory at ERROR")
        .doesNotContain("Exception", "\tat ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aProtocolFileMayBeANamedPipe() throws Exception {
    Path fifo = dir.resolve("trial.json");
    Thread writer = pipeWriting(fifo, """
        {"id": "my-trial-2026", "title": "Trial X", "basedOn": "ipt-acute-16"}
        """.getBytes(StandardCharsets.UTF_8));
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol-file", fifo.toString(),
        "--format", "ndjson", "--fail-on", "never", file.toString());
    writer.join(10_000);

    assertThat(result.err()).isEmpty();
    assertThat(JSON.readTree(result.out()).get("protocol").asString()).isEqualTo("my-trial-2026");
  }

  @Test
  void aBrokenProtocolFileIsAUsageErrorWithItsPointer() {
    Path profile = Fixtures.write(dir.resolve("trial.json"), """
        {"id": "t", "title": "T", "basedOn": "ipt-acute-16", "sessions": {"min": "twelve"}}
        """);
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol-file", profile.toString(),
        file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--protocol-file").contains("/sessions/min");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aDirectoryAsProtocolFileIsNamedForWhatItIs() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol-file", dir.toString(), file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).isEqualTo("ipt: --protocol-file " + dir
        + ": a directory, expected a profile file\n");
  }

  @Test
  void protocolAndProtocolFileTogetherAreAUsageError() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("validate", "--protocol", "ipt-b-8", "--protocol-file",
        file.toString(), file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("mutually exclusive");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheAllowedOnes() {
    Cli.Result result = Cli.run("validate", "--format", "xml", "x.json");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("'xml'").contains("text, json, ndjson, csv");
  }

  @Test
  void zeroThreadsIsAUsageError() {
    Cli.Result result = Cli.run("validate", "--threads", "0", "x.json");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--threads");
  }

  @Test
  void anEmptyFileIsAnUnreadableRecord() {
    Path file = Fixtures.write(dir.resolve("empty.json"), "");

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("empty.json").contains("empty input");
  }

  @Test
  void anArrayRecordIsReportedWithItsIndexPointer() {
    String[] lines = Fixtures.cleanNdjson(2).split("\n");
    String bad = lines[1].replaceFirst("\"status\":\"[A-Z]+\"", "\"status\":\"PAUSED\"");
    Path file = Fixtures.write(dir.resolve("a.json"), "[" + lines[0] + ",\n" + bad + "]");

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("a.json").contains("/1/status");
    assertThat(result.out()).startsWith("1 courses");
  }

  @Test
  void ongoingCoursesAreCheckedAsOfTheirLastSession() {
    Path file = Fixtures.write(dir.resolve("o.json"),
        Fixtures.courseWithStatus(CourseStatus.ONGOING));

    Cli.Result result = Cli.run("validate", file.toString());

    assertThat(result.out()).doesNotContain("S02").doesNotContain("E01");
  }
}
