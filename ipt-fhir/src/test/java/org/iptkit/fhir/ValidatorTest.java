package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.examples.generator.GeneratedCourse;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What iptkit writes passes the official HL7 validator with no error. */
class ValidatorTest {
  private static OfficialValidator validator;

  @BeforeAll
  static void start() {
    validator = new OfficialValidator();
  }

  private static final IptFhir FHIR = IptFhir.create();

  @Test
  void everyPlanDefinitionValidates() {
    for (ProtocolProfile profile : Protocols.all()) {
      assertThat(validator.errors(FHIR.planDefinition(profile))).as(profile.id()).isEmpty();
    }
  }

  @Test
  void theCodeSystemAndEveryStructureDefinitionValidate() {
    assertThat(validator.errors(FHIR.codeSystem())).isEmpty();
    for (var definition : FHIR.structureDefinitions()) {
      // The snapshot a server derives from the differential: generated without error.
      var snapshot = validator.withSnapshot(definition);
      assertThat(snapshot.getSnapshot().getElement()).as(definition.getUrl()).isNotEmpty();
      // Validating a StructureDefinition makes the validator regenerate its snapshot from the
      // hl7.fhir.r4.core NPM package, which an offline validator cannot load: that one message
      // is about the validator's set-up (docs/fhir.md), every other one counts.
      assertThat(validator.errors(snapshot)).as(definition.getUrl())
          .filteredOn(f -> !f.message().contains("Unable to resolve package id hl7.fhir.r4.core"))
          .isEmpty();
    }
  }

  @Test
  void aGeneratedCohortAcrossAllProfilesValidatesAsCollectionsAndTransactions() {
    // Every built-in profile, courses of every status, some with injected deviations.
    List<GeneratedCourse> cohort = CourseGenerator.builder().seed(28).deviationRate(0.3).build()
        .stream(45).toList();
    assertThat(cohort.stream().map(c -> c.profile().id()).distinct().count())
        .isEqualTo(Protocols.all().size());
    Map<String, Integer> warnings = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (GeneratedCourse generated : cohort) {
      for (Bundle.BundleType type : List.of(Bundle.BundleType.COLLECTION,
          Bundle.BundleType.TRANSACTION)) {
        Bundle bundle = FHIR.withBundleType(type).exportCourse(generated.course(),
            generated.profile());
        for (OfficialValidator.Finding finding : validator.validate(bundle)) {
          switch (finding.severity()) {
            case ERROR, FATAL -> errors.add(generated.index() + " " + finding);
            case WARNING -> warnings.merge(finding.message().replaceAll("\\d+", "#"), 1,
                Integer::sum);
            default -> { }
          }
        }
      }
      var report = FidelityChecker.of(generated.profile()).check(generated.course());
      for (OfficialValidator.Finding finding : validator.errors(FHIR.operationOutcome(report))) {
        errors.add(generated.index() + " OperationOutcome " + finding);
      }
    }
    assertThat(errors).isEmpty();
    System.out.println("validator warnings over the cohort: " + warnings);
  }
}
