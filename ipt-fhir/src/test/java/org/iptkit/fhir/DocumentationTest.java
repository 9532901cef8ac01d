package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** docs/fhir.md names every extension and identifier system the module uses. */
class DocumentationTest {
  private static String doc() throws IOException {
    return Files.readString(Paths.get("../docs/fhir.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyExtensionUrlIsDocumented() throws IOException {
    String doc = doc();
    for (StructureDefinition definition : IptFhir.create().structureDefinitions()) {
      assertThat(doc).contains("`" + definition.getUrl() + "`");
    }
  }

  @Test
  void everyCodeAndIdentifierSystemIsDocumented() throws IOException {
    assertThat(doc()).contains(FhirVocabulary.CODE_SYSTEM, FhirVocabulary.COURSE_ID_SYSTEM,
        FhirVocabulary.PATIENT_REF_SYSTEM, FhirVocabulary.THERAPIST_REF_SYSTEM,
        FhirVocabulary.PERSON_ID_SYSTEM, FhirVocabulary.PROTOCOL_ID_SYSTEM,
        FhirVocabulary.SNOMED, FhirVocabulary.LOINC, FhirVocabulary.CPT, FhirVocabulary.UCUM,
        FhirVocabulary.V3_ROLE_CODE);
  }
}
