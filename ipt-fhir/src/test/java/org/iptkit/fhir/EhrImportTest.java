package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.internal.FhirInput;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.examples.generator.GeneratedCourse;
import org.iptkit.json.IptJson;
import org.iptkit.json.internal.JsonSettings;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * Import beyond iptkit's own Bundles and the limits every FHIR input is held to: the host's
 * patient identifier system, records of another patient, entered-in-error resources, transaction
 * Bundles, the course reader's strictness (duplicate names, UTF-8, lengths, depth, size).
 */
class EhrImportTest {
  private static final IptFhir FHIR = IptFhir.create();

  private static TreatmentCourse sample() {
    return CourseGenerator.builder().seed(5).build().generate(3).course();
  }

  @Test
  void theHostsPatientSystemIsWrittenAndReadBack() {
    IptFhir host = FHIR.withPatientSystem("urn:oid:2.16.840.1.113883.19.5");
    TreatmentCourse course = sample();
    Bundle bundle = host.exportCourse(course, Protocols.IPT_ACUTE_16);
    EpisodeOfCare episode = (EpisodeOfCare) bundle.getEntryFirstRep().getResource();
    assertThat(episode.getPatient().getIdentifier().getSystem())
        .isEqualTo("urn:oid:2.16.840.1.113883.19.5");
    assertThat(host.importCourse(host.parseBundle(host.toJson(bundle)))).isEqualTo(course);
    // A reader expecting iptkit's own system refuses it, naming the system it expected.
    assertThatThrownBy(() -> FHIR.importCourse(bundle))
        .isInstanceOfSatisfying(FhirMappingException.class, e -> assertThat(e.problem())
            .contains(FhirVocabulary.PATIENT_REF_SYSTEM));
  }

  @Test
  void aMeasureOfAnotherPatientIsRefusedAndOneOfTheSamePatientIsRead() {
    TreatmentCourse course = sample();
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);
    Observation first = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(Observation.class::cast).findFirst()
        .orElseThrow();
    assertThat(FHIR.importCourse(bundle)).isEqualTo(course);
    first.setSubject(new Reference().setIdentifier(new Identifier()
        .setSystem(FhirVocabulary.PATIENT_REF_SYSTEM).setValue("someone-else")));
    assertThatThrownBy(() -> FHIR.importCourse(bundle))
        .isInstanceOfSatisfying(FhirMappingException.class, e -> {
          assertThat(e.resourceType()).contains("Observation");
          assertThat(e.location()).endsWith(".subject");
          assertThat(e.getMessage()).contains("another patient").doesNotContain("someone-else");
        });
  }

  @Test
  void anEnteredInErrorMeasureIsLeftOutWithACountedWarning() {
    TreatmentCourse course = sample();
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);
    long observations = bundle.getEntry().stream()
        .filter(e -> e.getResource() instanceof Observation).count();
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(Observation.class::cast)
        .forEach(o -> o.setStatus(Observation.ObservationStatus.ENTEREDINERROR));
    FhirImport read = FHIR.importBundle(bundle);
    assertThat(read.count(FhirImportWarning.Kind.ENTERED_IN_ERROR)).isEqualTo(observations);
    assertThat(read.course().sessions()).allSatisfy(s -> assertThat(s.measures()).isEmpty());
    assertThat(read.course().measures()).isEmpty();
    assertThat(observations).isPositive();
  }

  @Test
  void aTransactionBundleCreatesEachResourceOnlyOnceAndReadsBack() {
    IptFhir transactions = FHIR.withBundleType(Bundle.BundleType.TRANSACTION);
    for (GeneratedCourse generated : CourseGenerator.builder().seed(9).build().stream(20)
        .toList()) {
      Bundle bundle = transactions.exportCourse(generated.course(), generated.profile());
      assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
        assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType());
        String uuid = entry.getFullUrl().substring("urn:uuid:".length());
        assertThat(entry.getRequest().getIfNoneExist())
            .isEqualTo("identifier=" + FhirVocabulary.ENTRY_ID_SYSTEM + "|" + uuid);
      }
      // The same course exported again asks for the same conditional creates.
      assertThat(transactions.toJson(transactions.exportCourse(generated.course(),
          generated.profile()))).isEqualTo(transactions.toJson(bundle));
      assertThat(transactions.importCourse(transactions.parseBundle(transactions.toJson(bundle))))
          .isEqualTo(generated.course());
    }
  }

  @Test
  void streamedJsonIsTheSameBytesAsTheWholeBundle() throws Exception {
    for (IptFhir fhir : new IptFhir[] {FHIR, FHIR.withPrettyPrint(false),
        FHIR.withBundleType(Bundle.BundleType.TRANSACTION),
        FHIR.withBundleType(Bundle.BundleType.TRANSACTION).withPrettyPrint(false)}) {
      for (GeneratedCourse generated : CourseGenerator.builder().seed(11).build().stream(15)
          .toList()) {
        StringWriter out = new StringWriter();
        fhir.writeCourseJson(generated.course(), generated.profile(), out);
        assertThat(out.toString())
            .isEqualTo(fhir.toJson(fhir.exportCourse(generated.course(), generated.profile())));
      }
    }
  }

  @Test
  void theInputLimitsAreTheCourseReadersLimits() {
    assertThat(FhirInput.MAX_DOCUMENT_LENGTH).isEqualTo(IptJson.DEFAULT_MAX_DOCUMENT_LENGTH);
    assertThat(FhirInput.MAX_STRING_LENGTH).isEqualTo(IptJson.DEFAULT_MAX_STRING_LENGTH);
    assertThat(FhirInput.MAX_NESTING_DEPTH).isEqualTo(JsonSettings.MAX_NESTING_DEPTH);
    assertThat(FhirInput.MAX_NUMBER_LENGTH).isEqualTo(JsonSettings.MAX_NUMBER_LENGTH);
    assertThat(FhirInput.MAX_NAME_LENGTH).isEqualTo(JsonSettings.MAX_NAME_LENGTH);
  }

  @Test
  void anEndlessStreamIsRefusedAtTheDocumentLimitWithoutReadingItAll() {
    InputStream zeros = new InputStream() {
      long served;

      @Override
      public int read() {
        served++;
        if (served > 50_000_000L) {
          throw new AssertionError("read past the limit");
        }
        return 0;
      }
    };
    assertThatThrownBy(() -> FHIR.importBundle(zeros))
        .isInstanceOfSatisfying(FhirMappingException.class, e ->
            assertThat(e.problem()).contains("longer than the limit of 10,000,000 bytes"));
  }

  @Test
  void aNameGivenTwiceIsRefusedLikeInTheCourseReader() {
    String json = FHIR.toJson(FHIR.exportCourse(sample(), Protocols.IPT_ACUTE_16))
        .replaceFirst("\"type\": \"collection\",",
            "\"type\": \"collection\", \"type\": \"batch\",");
    assertThatThrownBy(() -> FHIR.parseBundle(json))
        .isInstanceOfSatisfying(FhirMappingException.class, e -> {
          assertThat(e.problem()).contains("given twice").contains("line 3");
          assertThat(e.getMessage()).doesNotContain("batch");
        });
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
    byte[] head = "{\n \"resourceType\": \"Bundle\",\n \"type\": \"coll".getBytes(
        StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC0, (byte) 0xA2};
    byte[] tail = "ection\"\n}".getBytes(StandardCharsets.UTF_8);
    InputStream in = new SequenceInputStream(Collections.enumeration(java.util.List.of(
        new ByteArrayInputStream(head), new ByteArrayInputStream(bad),
        new ByteArrayInputStream(tail))));
    assertThatThrownBy(() -> FHIR.importBundle(in))
        .isInstanceOfSatisfying(FhirMappingException.class, e ->
            assertThat(e.problem()).contains("not UTF-8").contains("line 3"));
  }

  @Test
  void aStringBeyondTheLimitAndNestingBeyondTheLimitAreRefused() {
    String longText = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"id\":\""
        + "a".repeat(1_000_001) + "\"}";
    assertThatThrownBy(() -> FHIR.parseBundle(longText))
        .isInstanceOfSatisfying(FhirMappingException.class, e ->
            assertThat(e.problem()).contains("a string longer than 1,000,000 characters"));
    String deep = "{\"resourceType\":\"Bundle\",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}";
    assertThatThrownBy(() -> FHIR.parseBundle(deep))
        .isInstanceOfSatisfying(FhirMappingException.class, e ->
            assertThat(e.problem()).contains("nested deeper than 64 levels"));
  }

  @Test
  void aBadNumberNamesNoJavaException() {
    String json = FHIR.toJson(FHIR.exportCourse(sample(), Protocols.IPT_ACUTE_16))
        .replaceFirst("\"valuePositiveInt\": (\\d+)", "\"valuePositiveInt\": 1.5");
    assertThatThrownBy(() -> FHIR.importCourseJson(json))
        .isInstanceOfSatisfying(FhirMappingException.class, e ->
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java."));
  }

  @Test
  void anUnknownElementIsNamedOnlyWhenItLooksLikeAName() {
    String json = FHIR.toJson(FHIR.exportCourse(sample(), Protocols.IPT_ACUTE_16));
    assertThatThrownBy(() -> FHIR.parseBundle(json.replaceFirst("\"type\": \"collection\",",
        "\"type\": \"collection\", \"colour\": 1,")))
        .isInstanceOfSatisfying(FhirMappingException.class, e ->
            assertThat(e.problem()).contains("unknown element 'colour'"));
    assertThatThrownBy(() -> FHIR.parseBundle(json.replaceFirst("\"type\": \"collection\",",
        "\"type\": \"collection\", \"CANARY\\u001b[8m\": 1,")))
        .isInstanceOfSatisfying(FhirMappingException.class, e -> {
          assertThat(e.problem()).contains("unknown element '…'");
          assertThat(e.getMessage()).doesNotContain("CANARY").doesNotContain("\u001b");
        });
  }
}
