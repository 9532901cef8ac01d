package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * The FHIR layer prints nothing, even in a host that binds no SLF4J provider (HAPI logs through
 * SLF4J, whose API otherwise warns on standard error): a fresh JVM with this module's class path
 * minus the test's no-op provider exports and imports a course and prints nothing.
 */
class QuietFhirTest {
  /** Exports and imports one course; run in a JVM of its own by the test. */
  public static void main(String[] args) {
    IptFhir fhir = IptFhir.create();
    var course = CourseGenerator.builder().seed(1).build().generate(0).course();
    String json = fhir.exportCourseJson(course, Protocols.IPT_ACUTE_16);
    if (!fhir.importCourseJson(json).equals(course)) {
      throw new AssertionError("round trip");
    }
  }

  @Test
  void exportAndImportPrintNothingWithoutALoggingProvider() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator))
        .filter(entry -> !entry.contains("slf4j-nop"))
        .collect(Collectors.joining(File.pathSeparator));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", classPath,
        QuietFhirTest.class.getName()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).isEmpty();
  }
}
