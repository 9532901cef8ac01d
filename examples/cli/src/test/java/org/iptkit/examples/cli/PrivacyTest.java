package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of the tool — results or messages, any command, any format — contains a patient
 * reference, a person id or free text of the input; therapist references appear only in the
 * report asked for by therapist.
 */
class PrivacyTest {
  @TempDir
  Path dir;

  private List<String> forbidden(boolean therapistAllowed) {
    List<String> canaries = new ArrayList<>(Fixtures.CANARY_TEXT);
    canaries.add(Fixtures.CANARY_PATIENT);
    if (!therapistAllowed) {
      canaries.add(Fixtures.CANARY_THERAPIST);
    }
    return canaries;
  }

  private Path batch() {
    return Fixtures.write(dir.resolve("batch.ndjson"), Fixtures.CANARY_COURSE + "\n"
        + Fixtures.ndjson(8, 10, 0.5)
        + Fixtures.CANARY_COURSE.replace("\"goals\":[\"CANARYGOAL5521\"]",
            "\"goals\":\"CANARYGOAL5521\"") + "\n"
        + Fixtures.CANARY_COURSE.replace("\"patientRef\":\"CANARYPATIENT9931\"",
            "\"patientRef\":[\"CANARYPATIENT9931\"]") + "\n"
        + Fixtures.CANARY_COURSE.replace("\"desiredChange\":\"CANARYCHANGE\"",
            "\"desiredChange\":\"CANARYCHANGE\",\"desiredChange\":\"CANARYCHANGE\"") + "\n"
        + Fixtures.CANARY_COURSE.replace("ipt-acute-16", "CANARYPROTOCOL") + "\n");
  }

  @Test
  void validateInEveryFormatLeaksNothing() {
    Path file = batch();
    for (String format : List.of("text", "json", "ndjson", "csv")) {
      Cli.Result result = Cli.run("validate", "--format", format, file.toString());
      assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
      assertThat(result.err()).as("bad records were reported").contains("batch.ndjson:13");
      assertThat(result.all()).as(format).doesNotContain(forbidden(false));
    }
  }

  @Test
  void reportInEveryFormatLeaksNothing() {
    Path file = batch();
    for (String format : List.of("text", "json", "csv", "html")) {
      assertThat(Cli.run("report", "--format", format, file.toString()).all()).as(format)
          .doesNotContain(forbidden(false));
    }
  }

  @Test
  void reportByTherapistShowsTheTherapistButNoPatientData() {
    Path file = batch();
    for (String format : List.of("text", "json", "csv", "html")) {
      Cli.Result result = Cli.run("report", "--format", format, "--by", "therapist",
          file.toString());
      assertThat(result.out()).as(format).contains(Fixtures.CANARY_THERAPIST);
      assertThat(result.all()).as(format).doesNotContain(forbidden(true));
    }
  }

  @Test
  void showAndAgendaLeakNothing() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);
    for (List<String> args : List.of(List.of("show"), List.of("show", "--format", "html"),
        List.of("agenda"))) {
      List<String> all = new ArrayList<>(args);
      all.add(file.toString());
      Cli.Result result = Cli.run(all.toArray(String[]::new));
      assertThat(result.code()).as(args.toString()).isZero();
      assertThat(result.all()).as(args.toString()).doesNotContain(forbidden(false));
    }
  }

  @Test
  void debugShowsNoPatientDataEither() {
    Path file = batch();

    Cli.Result result = Cli.run("--debug", "validate", file.toString());

    assertThat(result.all()).doesNotContain(forbidden(false));
  }
}
