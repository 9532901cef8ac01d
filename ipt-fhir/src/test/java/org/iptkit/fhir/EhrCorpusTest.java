package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of EHR-shaped Bundles under {@code src/test/resources/ehr} (PHQ-9, GAD-7 and EPDS as
 * LOINC panels with components or members, totals alone, QuestionnaireResponses; collection,
 * transaction, batch and searchset Bundles with server ids and absolute URLs; literal patient
 * references; minutes from the period): each gives exactly the course beside it
 * ({@code NAME.course.json}) with exactly the warnings listed ({@code NAME.warnings.txt}), or
 * raises the error beside it ({@code NAME.error.txt}: where, then what). A course equal to the
 * expected one and warnings equal to the listed ones mean nothing was dropped silently.
 */
class EhrCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/ehr");
  private static final IptFhir FHIR = IptFhir.create();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bundle.json"))
          .map(n -> n.substring(0, n.length() - ".bundle.json".length())).sorted().toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachBundleGivesItsCourseOrItsError(String name) throws IOException {
    Path expectedCourse = CORPUS.resolve(name + ".course.json");
    Path expectedError = CORPUS.resolve(name + ".error.txt");
    assertThat(Files.exists(expectedCourse) != Files.exists(expectedError))
        .as(name + ": exactly one of .course.json and .error.txt").isTrue();
    if (Files.exists(expectedCourse)) {
      FhirImport read;
      try (InputStream in = Files.newInputStream(CORPUS.resolve(name + ".bundle.json"))) {
        read = FHIR.importBundle(in);
      }
      TreatmentCourse expected = IptJson.strict().readCourse(Files.readString(expectedCourse));
      assertThat(read.course()).as(name).isEqualTo(expected);
      List<String> kinds = read.warnings().stream().map(w -> w.kind().name()).toList();
      assertThat(kinds).as(name + " warnings " + read.warnings())
          .isEqualTo(Files.readAllLines(CORPUS.resolve(name + ".warnings.txt")).stream()
              .filter(line -> !line.isBlank()).toList());
      for (FhirImportWarning warning : read.warnings()) {
        assertThat(warning.location()).startsWith("Bundle.entry[" + warning.entry() + "]");
      }
    } else {
      List<String> error = Files.readAllLines(expectedError);
      String json = Files.readString(CORPUS.resolve(name + ".bundle.json"),
          StandardCharsets.UTF_8);
      assertThatThrownBy(() -> FHIR.importBundle(FHIR.parseBundle(json))).as(name)
          .isInstanceOfSatisfying(FhirMappingException.class, e -> {
            assertThat(e.location()).contains(error.get(0));
            assertThat(e.problem()).contains(error.get(1));
            // never an id, a reference or a found code of the input
            assertThat(e.getMessage()).doesNotContain("p-81").doesNotContain("p-99")
                .doesNotContain("LA12345-6").doesNotContain("ehr.example.org");
          });
    }
  }
}
