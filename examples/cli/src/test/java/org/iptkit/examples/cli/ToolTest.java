package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tool as a whole: help, version, usage errors and what standard error never shows. */
class ToolTest {
  @TempDir
  static Path dir;

  @Test
  void helpListsEveryCommandAndExitsZero() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("validate", "report", "agenda", "show", "generate", "rules",
        "protocols", "schema", "fhir", "--version");
  }

  @Test
  void eachCommandHasHelp() {
    for (String command : List.of("validate", "report", "agenda", "show", "generate", "rules",
        "protocols", "schema", "fhir")) {
      Cli.Result result = Cli.run(command, "--help");
      assertThat(result.code()).as(command).isZero();
      assertThat(result.out()).as(command).startsWith("Usage: ipt " + command);
    }
  }

  @Test
  void versionNamesTheBuild() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.code()).isZero();
    assertThat(result.out()).matches("ipt \\(iptkit\\) \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result result = Cli.run();

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("a command is required").contains("validate");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAHint() {
    Cli.Result result = Cli.run("validate", "--fial-on", "warning", "x.json");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("Unknown option: '--fial-on'")
        .contains("Try 'ipt validate --help'");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Cli.Result result = Cli.run("valdate", "x.json");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("valdate");
  }

  static Stream<Arguments> userErrors() {
    Path missing = dir.resolve("missing.ndjson");
    Path malformed = Fixtures.write(dir.resolve("malformed.ndjson"), "{\"a\":\n[1,2\n\u0000\n");
    Path badProfile = Fixtures.write(dir.resolve("profile.json"), "{\"id\": 5}");
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of(List.of("validate", missing.toString())));
    cases.add(Arguments.of(List.of("validate", malformed.toString())));
    cases.add(Arguments.of(List.of("validate", "--protocol", "nope", malformed.toString())));
    cases.add(Arguments.of(List.of("validate", "--protocol-file", badProfile.toString(),
        malformed.toString())));
    cases.add(Arguments.of(List.of("validate", "--protocol-file", missing.toString(),
        malformed.toString())));
    cases.add(Arguments.of(List.of("validate", "--threads", "x", malformed.toString())));
    cases.add(Arguments.of(List.of("report", "--format", "pdf", malformed.toString())));
    cases.add(Arguments.of(List.of("report", malformed.toString())));
    cases.add(Arguments.of(List.of("agenda", malformed.toString())));
    cases.add(Arguments.of(List.of("show", missing.toString())));
    cases.add(Arguments.of(List.of("generate", "--courses", "-1")));
    cases.add(Arguments.of(List.of("protocols", "--show", "x")));
    cases.add(Arguments.of(List.of("schema")));
    cases.add(Arguments.of(List.of("fhir", "import", malformed.toString())));
    cases.add(Arguments.of(List.of("fhir", "export", missing.toString())));
    cases.add(Arguments.of(List.of("fhir", "plan", "nope")));
    cases.add(Arguments.of(List.of("--nope")));
    cases.add(Arguments.of(List.of("validate", dir.toString(), "--debug", "--format", "x")));
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("userErrors")
  void userErrorsExitTwoWithoutAStackTrace(List<String> args) {
    Cli.Result result = Cli.run(args.toArray(String[]::new));

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).startsWith("ipt: ")
        .doesNotContain("\tat ", "Exception", "picocli.");
  }

  @Test
  void debugGivenAfterTheCommandStillSwitchesDebuggingOn() {
    for (String[] args : new String[][] {{"--debug", "validate", "x.json"},
        {"validate", "--debug", "x.json"}}) {
      picocli.CommandLine cli = Ipt.commandLine(new Io(java.io.InputStream.nullInputStream(),
          java.io.OutputStream.nullOutputStream(), new java.io.PrintWriter(
              java.io.Writer.nullWriter()), false));
      cli.parseArgs(args);
      Ipt ipt = cli.getCommand();
      assertThat(ipt.debug()).as(String.join(" ", args)).isTrue();
    }
  }

  @Test
  void debugIsAcceptedBeforeAndAfterTheCommand() {
    Path file = Fixtures.write(dir.resolve("clean.ndjson"), Fixtures.cleanNdjson(1));

    assertThat(Cli.run("--debug", "validate", file.toString()).code()).isZero();
    assertThat(Cli.run("validate", "--debug", file.toString()).code()).isZero();
  }
}
