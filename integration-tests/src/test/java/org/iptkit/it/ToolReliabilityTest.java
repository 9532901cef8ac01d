package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.it.Canaries.assertNoLeak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.it.HostileCorpus.Hostile;
import org.iptkit.json.IptJson;
import org.iptkit.json.SafeText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ipt} tool over the same inputs as the library: every document of the hostile corpus
 * makes {@code validate} (and {@code agenda} and {@code show}) exit 2 with a located message on
 * standard error and no stack trace; nothing the tool prints, in any command or format, holds a
 * canary (save the therapist references a report grouped by therapist shows by design); and the
 * same input gives byte-identical output whatever the number of threads.
 */
class ToolReliabilityTest {
  /** A read error as the tool prints it: the source and line, or a pointer and line. */
  private static final Pattern LOCATED = Pattern.compile(
      "(:\\d+ record \\d+: )|(\\(line \\d+, column \\d+\\))");
  private static final List<Hostile> CORPUS = HostileCorpus.all();

  @TempDir
  static Path dir;
  private static Path canaryExport;
  private static Path canaryCourse;
  private static Path generatedExport;

  @BeforeAll
  static void writeInputs() throws IOException {
    List<TreatmentCourse> generated = Documents.generated(17, 0.4, 150);
    List<TreatmentCourse> canaries = IntStream.range(0, 40)
        .mapToObj(i -> Canaries.inject(generated.get(i), i)).toList();
    canaryExport = write("canaries.ndjson", ndjson(canaries));
    TreatmentCourse ongoing = canaries.stream()
        .filter(c -> c.status() == org.iptkit.core.CourseStatus.ONGOING).findFirst()
        .orElse(canaries.get(0));
    canaryCourse = write("canary.json", IptJson.builder().prettyPrint(true).build()
        .writeCourse(ongoing).getBytes(StandardCharsets.UTF_8));
    generatedExport = write("generated.ndjson", ndjson(generated));
  }

  static Stream<Hostile> corpus() {
    return CORPUS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void validateExitsTwoWithALocatedMessageForEveryHostileDocument(Hostile hostile) {
    Tool.Result result = Guard.within(() -> Tool.runWithInput(hostile.bytes(), "validate", "-"));

    if (hostile.validIn().contains(HostileCorpus.Context.BATCH)) {
      assertThat(result.code()).as("a valid batch: %s", result).isIn(0, 1);
      assertThat(result.err()).isEmpty();
      return;
    }
    assertThat(result.code()).as("%s", result).isEqualTo(2);
    assertToolError(result.err(), hostile);
  }

  @Test
  void singleCourseCommandsExitTwoWithALocatedMessageForHostileFiles() throws IOException {
    for (int i = 0; i < CORPUS.size(); i += 7) {
      Hostile hostile = CORPUS.get(i);
      Path file = write("hostile-" + i + ".json", hostile.bytes());
      for (String command : List.of("agenda", "show")) {
        Tool.Result result = Guard.within(() -> Tool.run(command, file.toString()));
        assertThat(result.code()).as("%s %s: %s", command, hostile, result).isEqualTo(2);
        if (result.err().contains("holds more than one course")) {
          assertThat(result.err()).startsWith("ipt: " + file);
          continue;
        }
        assertToolError(result.err(), hostile);
      }
    }
  }

  private static void assertToolError(String err, Hostile hostile) {
    assertThat(err).as("%s", hostile).startsWith("ipt: ").doesNotContain("internal error")
        .doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [a-z]");
    // Whatever the document holds, each message is one line that cannot steer the terminal.
    assertThat(err.chars().filter(c -> c != '\n' && SafeText.isUnsafe(c)))
        .as("raw control, bidi or line separator characters in %s", hostile).isEmpty();
    assertThat(err.lines()).as("%s", hostile).allSatisfy(line -> assertThat(line)
        .startsWith("ipt: "));
    if (!hostile.blank()) {
      assertThat(err).as("%s", hostile).containsPattern(LOCATED);
    } else {
      assertThat(err).as("%s", hostile).contains("empty input");
    }
  }

  @Test
  void nothingTheToolPrintsHoldsPrivateData() throws IOException {
    String export = canaryExport.toString();
    String course = canaryCourse.toString();
    List<List<String>> runs = new ArrayList<>();
    for (String format : List.of("text", "json", "ndjson", "csv")) {
      runs.add(List.of("validate", "--format", format, export));
    }
    for (String format : List.of("text", "json", "csv", "html")) {
      runs.add(List.of("report", "--format", format, export));
    }
    runs.add(List.of("agenda", course));
    runs.add(List.of("show", course));
    runs.add(List.of("show", "--format", "html", course));
    runs.add(List.of("validate", "--protocol", "ipt-b-8", "--threads", "3", export));

    for (List<String> args : runs) {
      Tool.Result result = Tool.run(args.toArray(String[]::new));
      assertThat(result.code()).as("%s: %s", args, result).isIn(0, 1);
      assertNoLeak(args + " standard output", result.out());
      assertNoLeak(args + " standard error", result.err());
    }
  }

  @Test
  void reportByTherapistShowsTherapistReferencesAndNothingElsePrivate() {
    for (String format : List.of("text", "json", "csv", "html")) {
      Tool.Result result = Tool.run("report", "--by", "therapist", "--format", format,
          canaryExport.toString());

      assertThat(result.code()).as(format).isIn(0, 1);
      assertThat(result.out()).as(format).containsPattern(Canaries.THERAPIST);
      assertNoLeak("report by therapist as " + format,
          Canaries.THERAPIST.matcher(result.out()).replaceAll("therapist"));
      assertNoLeak("report by therapist as " + format + ", standard error", result.err());
    }
  }

  @Test
  void malformedRecordsWithACanaryAtTheErrorAreReportedWithoutIt() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String valid : Files.readAllLines(canaryExport).subList(0, 5)) {
      lines.add(valid);
      lines.add(valid.replaceFirst("\"(Canary Qz9 desiredChange[^\"]*)\"", "$1"));
      lines.add(valid.replaceFirst("(\"Canary Qz9 goal[^\"]*\")", "$1:$1"));
      lines.add(valid.replaceFirst("\"(Canary-Qz9-id-[^\"]*)\"", "{\"x\":\"$1\"}"));
      lines.add(valid.substring(0, valid.indexOf("Canary Qz9 therapistRef") + 30));
      lines.add(valid.replaceFirst("\"circle\":\\d+", "\"circle\":0"));
    }
    Path file = write("malformed-canaries.ndjson",
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

    for (String format : List.of("text", "json", "csv")) {
      Tool.Result result = Tool.run("validate", "--format", format, file.toString());
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err()).containsPattern(LOCATED);
      assertNoLeak("validate " + format + " standard error", result.err());
      assertNoLeak("validate " + format + " standard output", result.out());
    }
  }

  @Test
  void sameInputGivesByteIdenticalOutputWhateverTheThreads() {
    for (String format : List.of("text", "json", "ndjson", "csv")) {
      Tool.Result one = Tool.run("validate", "--format", format, "--threads", "1",
          generatedExport.toString());
      Tool.Result four = Tool.run("validate", "--format", format, "--threads", "4",
          generatedExport.toString());
      Tool.Result again = Tool.run("validate", "--format", format, "--threads", "4",
          generatedExport.toString());

      assertThat(one.outBytes()).as(format).isNotEmpty();
      assertThat(four.outBytes()).as(format).isEqualTo(one.outBytes());
      assertThat(again.outBytes()).as(format).isEqualTo(one.outBytes());
      assertThat(four.code()).isEqualTo(one.code());
    }
    for (String format : List.of("text", "json", "csv", "html")) {
      Tool.Result first = Tool.run("report", "--format", format, generatedExport.toString());
      Tool.Result second = Tool.run("report", "--format", format, generatedExport.toString());
      assertThat(second.outBytes()).as(format).isEqualTo(first.outBytes());
    }
  }

  private static byte[] ndjson(List<TreatmentCourse> courses) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IptJson.strict().writeNdjson(courses, out);
    return out.toByteArray();
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
