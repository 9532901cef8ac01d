package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path dir;

  @Test
  void theSameSeedGivesTheSameBytes() {
    Cli.Result first = Cli.run("generate", "--courses", "25", "--seed", "7",
        "--deviation-rate", "0.3");
    Cli.Result second = Cli.run("generate", "--courses", "25", "--seed", "7",
        "--deviation-rate", "0.3");

    assertThat(first.code()).isZero();
    assertThat(first.outBytes()).isNotEmpty().isEqualTo(second.outBytes());
  }

  @Test
  void anotherSeedGivesOtherCourses() {
    assertThat(Cli.run("generate", "--courses", "5", "--seed", "1").outBytes())
        .isNotEqualTo(Cli.run("generate", "--courses", "5", "--seed", "2").outBytes());
  }

  @Test
  void itWritesOneCourseDocumentPerLineAsTheGeneratorMakesThem() {
    Cli.Result result = Cli.run("generate", "--courses", "12", "--seed", "3",
        "--deviation-rate", "0.5");

    assertThat(result.out()).isEqualTo(Fixtures.ndjson(3, 12, 0.5));
  }

  @Test
  void generatedCoursesReadBackWithoutAnUnreadableRecord() {
    Path file = dir.resolve("g.ndjson");
    assertThat(Cli.run("generate", "--courses", "30", "--out", file.toString()).code()).isZero();

    Cli.Result result = Cli.run("validate", "--fail-on", "never", file.toString());

    assertThat(result.out()).contains("30 courses, ").endsWith("0 unreadable\n");
  }

  @Test
  void outWritesTheFileAndNothingToStandardOutput() throws Exception {
    Path file = dir.resolve("g.ndjson");

    Cli.Result result = Cli.run("generate", "--courses", "3", "--seed", "4", "--out",
        file.toString());

    assertThat(result.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(Fixtures.ndjson(4, 3, 0));
  }

  @Test
  void protocolRestrictsTheCoursesToOneProfile() {
    Cli.Result result = Cli.run("generate", "--courses", "10", "--protocol", "ipt-b-8");

    assertThat(result.out().lines()).hasSize(10)
        .allSatisfy(line -> assertThat(line).contains("\"protocol\":\"ipt-b-8\""));
  }

  @Test
  void zeroCoursesWriteNothing() {
    Cli.Result result = Cli.run("generate", "--courses", "0");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownProtocolIsAUsageErrorListingTheKnownIds() {
    Cli.Result result = Cli.run("generate", "--courses", "1", "--protocol", "nope");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("unknown protocol profile 'nope'").contains("ipc-6");
  }

  @Test
  void aDeviationRateAboveOneIsAUsageError() {
    Cli.Result result = Cli.run("generate", "--courses", "1", "--deviation-rate", "2");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--deviation-rate");
  }

  @Test
  void coursesIsRequired() {
    Cli.Result result = Cli.run("generate");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("--courses");
  }
}
