package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iptkit.json.IptJson;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.RuleSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample data ({@code examples/data}) and the README's run command: the data is what
 * its recorded command makes, it reads as documented, and the README's command and the output it
 * quotes are what the tool does.
 */
class SampleDataTest {
  /** The repository root, seen from the module's directory where the tests run. */
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path TRIAL = ROOT.resolve("examples/data/trial.ndjson");

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void trialDataIsWhatTheRecordedCommandMakes() throws IOException {
    String readme = read(ROOT.resolve("examples/data/README.md"));
    Matcher command = Pattern.compile("ipt\\.jar (generate [^\\\\\\n|]+)").matcher(readme);
    assertThat(command.find()).as("the generate command in examples/data/README.md").isTrue();
    Matcher edits = Pattern.compile("sed -e '17s/([^/]+)/([^/]+)/' -e '42s/([^/]+)/([^/]*)/'")
        .matcher(readme);
    assertThat(edits.find()).as("the sed edits in examples/data/README.md").isTrue();

    Cli.Result generated = Cli.run(command.group(1).trim().split(" +"));
    List<String> lines = new ArrayList<>(generated.out().lines().toList());
    lines.set(16, lines.get(16).replaceFirst(edits.group(1), edits.group(2)));
    lines.set(41, lines.get(41).replaceFirst(edits.group(3).replace("\\\"", "\""),
        edits.group(4)));

    assertThat(String.join("\n", lines) + "\n").isEqualTo(read(TRIAL));
  }

  @Test
  void trialDataHasSixtyCoursesAndExactlyTwoBrokenRecords() {
    Cli.Result result = Cli.run("validate", TRIAL.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.out()).endsWith(" unreadable\n").contains("60 courses, ")
        .contains(", 2 unreadable");
    List<String> errors = result.err().lines().toList();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).contains("trial.ndjson:17: skipped: /sessions/0/attendance: ");
    assertThat(errors.get(1)).contains("trial.ndjson:42: skipped: ").contains("malformed JSON");
  }

  @Test
  void trialDataSpansSeveralProfilesAndHasAFewDeviations() {
    Cli.Result result = Cli.run("validate", "--format", "ndjson", "--fail-on", "never",
        TRIAL.toString());

    long profiles = result.out().lines()
        .map(l -> l.replaceAll(".*\"protocol\":\"([^\"]+)\".*", "$1")).distinct().count();
    long withErrors = result.out().lines().filter(l -> l.contains("\"severity\":\"ERROR\""))
        .count();
    assertThat(profiles).isGreaterThanOrEqualTo(5);
    assertThat(withErrors).isBetween(2L, 15L);
  }

  @Test
  void theTrialProfileIsTheFormatExampleBasedOnIptAcute16() throws IOException {
    ProtocolProfile profile = IptJson.strict().readProfile(
        read(ROOT.resolve("examples/data/my-trial-2026.json")), ProtocolRegistry.builtIn());

    assertThat(profile.id()).isEqualTo("my-trial-2026");
    assertThat(profile.basedOn()).hasValue("ipt-acute-16");
    assertThat(profile.sessions()).isEqualTo(IntRange.of(12, 12));
    assertThat(profile.maxMeasureInterval()).isEqualTo(1);
    assertThat(profile.rules()).containsEntry("T02", RuleSetting.OFF);
  }

  @Test
  void theReadmeRunCommandWorksAsTheReadmeSays() throws IOException {
    String readme = read(ROOT.resolve("README.md"));
    Matcher command = Pattern.compile(
        "mvn -q -DskipTests package && java -jar examples/cli/target/ipt\\.jar ([^\\n]+)")
        .matcher(readme);
    assertThat(command.find()).as("the run command in README.md").isTrue();
    List<String> args = new ArrayList<>();
    for (String arg : command.group(1).trim().split(" +")) {
      args.add(arg.startsWith("examples/") ? ROOT.resolve(arg).toString() : arg);
    }

    Cli.Result result = Cli.run(args.toArray(String[]::new));

    assertThat(result.code()).as("exit code the README explains").isEqualTo(ExitCodes.UNREADABLE);
    String tour = readme.substring(readme.indexOf("## Run the tool"), readme.indexOf("## Test"));
    for (String quoted : quotedLines(tour)) {
      if (quoted.startsWith("ipt: ")) {
        String start = quoted.replaceAll("…$", "");
        assertThat(result.err().replace(ROOT + "/", "")).as("README quotes standard error")
            .contains(start);
      } else if (!quoted.strip().equals("...") && !quoted.startsWith("mvn ")) {
        assertThat(result.out()).as("README quotes standard output").contains(quoted);
      }
    }
    Cli.Result validate = Cli.run("validate", TRIAL.toString());
    Matcher summary = Pattern.compile("`(\\d+ courses, \\d+ errors, \\d+ warnings, "
        + "\\d+ unreadable)`").matcher(tour);
    assertThat(summary.find()).isTrue();
    assertThat(validate.out()).endsWith(summary.group(1) + "\n");
  }

  private static List<String> quotedLines(String markdown) {
    List<String> lines = new ArrayList<>();
    String[] blocks = markdown.split("```");
    for (int i = 1; i < blocks.length; i += 2) {
      lines.addAll(Arrays.stream(blocks[i].split("\n")).filter(l -> !l.isBlank()).toList());
    }
    return lines;
  }

  @Test
  void theAgendaOfEveryOngoingSampleCourseReadsAsInstructions(@TempDir Path dir)
      throws IOException {
    int ongoing = 0;
    for (String line : Files.readAllLines(TRIAL, StandardCharsets.UTF_8)) {
      if (!line.contains("\"status\":\"ONGOING\"") || !line.endsWith("}")) {
        continue;
      }
      Path course = Files.writeString(dir.resolve("course-" + ongoing++ + ".json"), line);
      Cli.Result result = Cli.run("agenda", course.toString());
      assertThat(result.code()).as(result.err()).isZero();
      assertThat(result.out()).contains("Due in the next session")
          .doesNotContain("would be reported", "reported after");
      // Each item is a rule's instruction to the therapist: it starts with a verb.
      result.out().lines().filter(l -> l.matches("  [SPIFTMEN]\\d\\d .*")).forEach(item ->
          assertThat(item).matches("  [A-Z]\\d\\d +(?:(?:task|measure) \\S+ +)?(open|work|use|"
              + "record|review|address|make|discuss|assess|offer|give|take|share|agree|involve|"
              + "hold|keep|list|add|choose|evaluate|follow|finish|end|bill) .*"));
    }
    assertThat(ongoing).isEqualTo(9);
  }
}
