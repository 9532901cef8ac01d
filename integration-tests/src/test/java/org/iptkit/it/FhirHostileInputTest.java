package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.fhir.FhirVocabulary;
import org.iptkit.fhir.IptFhir;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * Hostile FHIR input through the {@code ipt} tool: records of another patient, entered-in-error
 * scores, a name given twice, bytes that are not UTF-8, and hostile text in codes and URLs. Each
 * is refused (or, for entered-in-error, left out with a counted warning) with one located
 * {@code ipt:} line that echoes nothing of the input and names no Java exception.
 */
class FhirHostileInputTest {
  private static final String CANARY = "CANARY\u001b[8m\u202eHIDDEN";
  private static final IptFhir FHIR = IptFhir.create();

  private static Bundle bundle() {
    var course = CourseGenerator.builder().seed(29).build().generate(1).course();
    return FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);
  }

  private static List<Observation> observations(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
  }

  private static Tool.Result importing(byte[] json) {
    return Tool.runWithInput(json, "fhir", "import", "-");
  }

  private static Tool.Result importing(String json) {
    return importing(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void refusedQuietly(Tool.Result result) {
    assertThat(result.code()).as(result.toString()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("ipt: ").doesNotContain("CANARY").doesNotContain("HIDDEN")
        .doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(result.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void anotherPatientsObservationIsRefused() {
    Bundle bundle = bundle();
    observations(bundle).get(0).setSubject(new Reference().setIdentifier(new Identifier()
        .setSystem(FhirVocabulary.PATIENT_REF_SYSTEM).setValue(CANARY)));
    Tool.Result result = importing(FHIR.toJson(bundle));
    refusedQuietly(result);
    assertThat(result.err()).contains("another patient").contains(".subject");
  }

  @Test
  void enteredInErrorScoresAreLeftOutAndCounted() {
    Bundle bundle = bundle();
    List<Observation> observations = observations(bundle);
    observations.forEach(o -> o.setStatus(Observation.ObservationStatus.ENTEREDINERROR));
    Tool.Result result = importing(FHIR.toJson(bundle));
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.err()).contains("(" + observations.size() + " entered in error)");
    assertThat(result.out()).doesNotContain("\"measures\"");
  }

  @Test
  void aNameGivenTwiceIsRefused() {
    String json = FHIR.toJson(bundle()).replaceFirst("\"type\": \"collection\"",
        "\"type\": \"collection\", \"type\": \"CANARY\"");
    Tool.Result result = importing(json);
    refusedQuietly(result);
    assertThat(result.err()).contains("given twice").contains("line");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] json = FHIR.toJson(bundle()).getBytes(StandardCharsets.UTF_8);
    json[json.length / 2] = (byte) 0xFF;
    refusedQuietly(importing(json));
  }

  @Test
  void hostileTextInACodeOrAnExtensionUrlIsNeverEchoed() {
    Bundle phase = bundle();
    phase.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(org.hl7.fhir.r4.model.Encounter.class::isInstance)
        .map(org.hl7.fhir.r4.model.Encounter.class::cast).findFirst().orElseThrow()
        .getExtensionByUrl(FhirVocabulary.EXTENSION_BASE + "phase").setValue(
            new org.hl7.fhir.r4.model.Coding(FhirVocabulary.CODE_SYSTEM, CANARY, null));
    refusedQuietly(importing(FHIR.toJson(phase)));

    Bundle url = bundle();
    observations(url).get(0).addExtension(FhirVocabulary.EXTENSION_BASE + CANARY,
        new org.hl7.fhir.r4.model.BooleanType(true));
    refusedQuietly(importing(FHIR.toJson(url)));
  }
}
