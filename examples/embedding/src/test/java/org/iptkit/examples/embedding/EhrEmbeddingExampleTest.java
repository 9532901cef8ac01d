package org.iptkit.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Test;

class EhrEmbeddingExampleTest {
  private static String run(TreatmentCourse[] result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result[0] = EhrEmbeddingExample.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void agendaBeforeSession4NamesTheMiddlePhaseAndItsInterimReview() {
    String output = run(new TreatmentCourse[1]);
    assertThat(output).contains("Before session 4 (MIDDLE):");
    assertThat(output).containsPattern("(?m)^  DUE: .*interim review");
  }

  @Test
  void theForgottenPhq9ShowsUpAsAMeasurementIntervalFinding() {
    String output = run(new TreatmentCourse[1]);
    assertThat(output).contains("M02 WARNING at /sessions/");
    assertThat(output).contains("PHQ-9 17 -> 4, response true");
  }

  @Test
  void theCourseSurvivesTheJsonRoundTrip() {
    TreatmentCourse[] result = new TreatmentCourse[1];
    String output = run(result);
    assertThat(output).contains("JSON round trip equal");
    assertThat(result[0].sessions()).hasSize(16);
  }

  @Test
  void nothingPrintedNamesThePatient() {
    assertThat(run(new TreatmentCourse[1])).doesNotContain("pt-7f3a").doesNotContain("partner");
  }
}
