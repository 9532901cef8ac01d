package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/** Bundles that are not a course give located errors that quote no reference or free text. */
class BadBundleTest {
  private static final IptFhir FHIR = IptFhir.create();
  private static final String EXT = FhirVocabulary.EXTENSION_BASE;

  /** Values of the format example that must never appear in an error message. */
  private static final List<String> SECRETS = List.of("pt-7f3a", "th-12", "sup-1", "partner",
      "Fewer arguments", "PHQ-9 below 5", "shared parenting", "arguments about money",
      "talk without shouting");

  private static Bundle example() {
    return FHIR.exportCourse(SampleCourses.formatExample(), Protocols.IPT_ACUTE_16);
  }

  private static <T extends Resource> T nth(Bundle bundle, Class<T> type, int n) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).skip(n).findFirst().orElseThrow();
  }

  private static int entryOf(Bundle bundle, Resource resource) {
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      if (bundle.getEntry().get(i).getResource() == resource) {
        return i;
      }
    }
    throw new AssertionError("not in the bundle");
  }

  /** Imports the example changed by {@code change}, expecting a located error. */
  private static FhirMappingException importBroken(Consumer<Bundle> change) {
    Bundle bundle = example();
    change.accept(bundle);
    FhirMappingException error = catchThrowableOfType(FhirMappingException.class,
        () -> FHIR.importCourse(bundle));
    assertThat(error).as("the import should fail").isNotNull();
    assertThat(error.getMessage()).doesNotContain(SECRETS);
    return error;
  }

  @Test
  void bundleWithoutEpisodeOfCareIsRejected() {
    FhirMappingException error = importBroken(bundle -> bundle.getEntry().remove(0));

    assertThat(error.getMessage()).contains("expected exactly one EpisodeOfCare, found 0");
    assertThat(error.entry()).isEmpty();
  }

  @Test
  void bundleWithTwoCarePlansIsRejected() {
    FhirMappingException error = importBroken(bundle -> bundle.addEntry()
        .setFullUrl("urn:uuid:00000000-0000-0000-0000-000000000001")
        .setResource(new CarePlan()));

    assertThat(error.getMessage()).contains("expected exactly one CarePlan, found 2");
  }

  @Test
  void encounterWithoutSessionNumberNamesTheEntryAndTheExtension() {
    Bundle[] seen = new Bundle[1];
    FhirMappingException error = importBroken(bundle -> {
      seen[0] = bundle;
      nth(bundle, Encounter.class, 1).getExtension()
          .removeIf(e -> e.getUrl().equals(EXT + "session-number"));
    });

    int entry = entryOf(seen[0], nth(seen[0], Encounter.class, 1));
    assertThat(error.resourceType()).contains("Encounter");
    assertThat(error.entry()).hasValue(entry);
    assertThat(error.location()).isEqualTo("Bundle.entry[" + entry
        + "].resource.ofType(Encounter).extension('" + EXT + "session-number')");
    assertThat(error.problem()).contains("missing").contains("session number");
  }

  @Test
  void unknownPhaseCodeListsTheAllowedPhases() {
    FhirMappingException error = importBroken(bundle -> ((Coding) nth(bundle, Encounter.class, 0)
        .getExtensionByUrl(EXT + "phase").getValue()).setCode("OPENING"));

    assertThat(error.location()).endsWith("extension('" + EXT + "phase').code");
    assertThat(error.problem()).contains("an unknown code").doesNotContain("OPENING")
        .contains("PRE_GROUP, INITIAL, MIDDLE, TERMINATION, MAINTENANCE");
  }

  @Test
  void phaseFromAnotherCodeSystemIsRejected() {
    FhirMappingException error = importBroken(bundle -> ((Coding) nth(bundle, Encounter.class, 0)
        .getExtensionByUrl(EXT + "phase").getValue()).setSystem("http://example.org/phases"));

    assertThat(error.location()).endsWith(".system");
    assertThat(error.problem()).contains("expected the system " + FhirVocabulary.CODE_SYSTEM);
  }

  @Test
  void valueOfTheWrongTypeNamesTheExpectedType() {
    FhirMappingException error = importBroken(bundle -> nth(bundle, Encounter.class, 0)
        .getExtensionByUrl(EXT + "session-number").setValue(new StringType("one")));

    assertThat(error.problem()).isEqualTo("expected an integer value, found valueString");
  }

  @Test
  void phq9ItemOutOfRangeIsRejectedAtItsObservation() {
    Bundle[] seen = new Bundle[1];
    FhirMappingException error = importBroken(bundle -> {
      seen[0] = bundle;
      Observation phq9 = nth(bundle, Observation.class, 0);
      phq9.getComponent().get(3).setValue(new IntegerType(4));
      phq9.setValue(new IntegerType(17));
    });

    assertThat(error.resourceType()).contains("Observation");
    assertThat(error.entry()).hasValue(entryOf(seen[0], nth(seen[0], Observation.class, 0)));
    assertThat(error.problem()).contains("PHQ-9 item 4 must be 0..3, was 4");
  }

  @Test
  void computedTotalThatDisagreesWithTheItemsIsRejected() {
    FhirMappingException error = importBroken(bundle ->
        nth(bundle, Observation.class, 0).setValue(new IntegerType(14)));

    assertThat(error.location()).endsWith(".value");
    assertThat(error.problem()).contains("total disagrees with the sum of its items")
        .doesNotContain("14").doesNotContain("15");
  }

  @Test
  void missingItemOfAnObservationIsNamed() {
    FhirMappingException error = importBroken(bundle ->
        nth(bundle, Observation.class, 0).getComponent().remove(8));

    assertThat(error.problem()).contains("PHQ-9 item 9 is missing");
  }

  @Test
  void unresolvedGoalReferenceIsRejected() {
    FhirMappingException error = importBroken(bundle ->
        ((Reference) nth(bundle, CarePlan.class, 0).getExtensionByUrl(EXT + "contract")
            .getExtensionsByUrl("goal").get(1).getValue()).setReference("urn:uuid:nothing"));

    assertThat(error.location()).contains("extension('" + EXT + "contract')[0]")
        .endsWith("extension('goal')[1]");
    assertThat(error.problem()).contains("does not resolve to a Goal");
  }

  @Test
  void personReferenceToAnotherResourceTypeIsRejected() {
    FhirMappingException error = importBroken(bundle -> {
      Extension inventory = nth(bundle, EpisodeOfCare.class, 0).getExtensionByUrl(
          EXT + "inventory");
      String encounterUrl = bundle.getEntry().stream()
          .filter(e -> e.getResource() instanceof Encounter).findFirst().orElseThrow()
          .getFullUrl();
      ((Reference) inventory.getExtensionsByUrl("person").get(0).getValue())
          .setReference(encounterUrl);
    });

    assertThat(error.problem()).contains("resolves to a Encounter; expected a RelatedPerson");
  }

  @Test
  void missingRequiredSubExtensionIsNamed() {
    FhirMappingException error = importBroken(bundle -> nth(bundle, CarePlan.class, 0)
        .getExtensionByUrl(EXT + "contract").getExtension()
        .removeIf(e -> e.getUrl().equals("agreedOn")));

    assertThat(error.location()).endsWith("extension('agreedOn')");
    assertThat(error.problem()).contains("required");
  }

  @Test
  void unknownIptkitExtensionIsRejectedRatherThanSilentlyDropped() {
    FhirMappingException error = importBroken(bundle -> nth(bundle, Encounter.class, 0)
        .addExtension(EXT + "phse", new CodeType("MIDDLE")));

    assertThat(error.problem()).contains("an iptkit extension that is not expected on Encounter")
        .doesNotContain("phse");
  }

  @Test
  void extensionsOfOtherPublishersAreIgnored() {
    Bundle bundle = example();
    nth(bundle, Encounter.class, 0).addExtension("http://example.org/fhir/room",
        new StringType("B12"));

    assertThat(FHIR.importCourse(bundle)).isEqualTo(SampleCourses.formatExample());
  }

  @Test
  void duplicateSessionNumbersPointAtTheSecondEncounter() {
    Bundle[] seen = new Bundle[1];
    FhirMappingException error = importBroken(bundle -> {
      seen[0] = bundle;
      nth(bundle, Encounter.class, 1).getExtensionByUrl(EXT + "session-number")
          .setValue(new PositiveIntType(1));
    });

    assertThat(error.entry()).hasValue(entryOf(seen[0], nth(seen[0], Encounter.class, 1)));
    assertThat(error.problem()).contains("session number 1 is used more than once");
  }

  @Test
  void procedureWithTasksForACancelledSessionIsRejectedAtTheProcedure() {
    FhirMappingException error = importBroken(bundle -> {
      Encounter second = nth(bundle, Encounter.class, 1);
      second.getExtensionByUrl(EXT + "attendance").setValue(new CodeType("CANCELLED"));
      second.setStatus(Encounter.EncounterStatus.CANCELLED);
      second.getExtension().removeIf(e -> e.getUrl().equals(EXT + "phase"));
      // A cancelled session has no length either: only the tasks make this one impossible.
      second.setLength(null);
    });

    assertThat(error.resourceType()).contains("Procedure");
    assertThat(error.problem()).contains("records this session as held");
  }

  @Test
  void finishedEncounterRecordedAsCancelledIsAContradiction() {
    FhirMappingException error = importBroken(bundle -> nth(bundle, Encounter.class, 1)
        .getExtensionByUrl(EXT + "attendance").setValue(new CodeType("CANCELLED")));

    assertThat(error.resourceType()).contains("Encounter");
    assertThat(error.location()).endsWith(".status");
    assertThat(error.problem()).contains("finished").contains("not held");
  }

  @Test
  void procedureWhoseEncounterIsNotInTheBundleIsRejected() {
    FhirMappingException error = importBroken(bundle ->
        nth(bundle, Procedure.class, 0).getEncounter().setReference("Encounter/elsewhere"));

    assertThat(error.resourceType()).contains("Procedure");
    assertThat(error.location()).endsWith(".encounter");
  }

  @Test
  void patientNamedOnceByServerIdAndElsewhereByIdentifierCannotBeMatched() {
    FhirMappingException error = importBroken(bundle -> nth(bundle, EpisodeOfCare.class, 0)
        .setPatient(new Reference("Patient/pt-7f3a")));

    assertThat(error.location()).endsWith("CarePlan).subject");
    assertThat(error.problem()).contains("another patient").doesNotContain("pt-7f3a");
    assertThat(error.getMessage()).doesNotContain("pt-7f3a");
  }

  @Test
  void patientIdentifierOfAnotherSystemIsRejectedWithoutQuotingIt() {
    FhirMappingException error = importBroken(bundle -> nth(bundle, EpisodeOfCare.class, 0)
        .getPatient().getIdentifier().setSystem("urn:oid:1.2.3.secret"));

    assertThat(error.location()).endsWith(".patient.identifier");
    assertThat(error.problem()).contains(FhirVocabulary.PATIENT_REF_SYSTEM)
        .doesNotContain("secret");
  }

  @Test
  void personWithoutIdIsRejected() {
    FhirMappingException error = importBroken(bundle ->
        nth(bundle, RelatedPerson.class, 0).getIdentifier().clear());

    assertThat(error.resourceType()).contains("RelatedPerson");
    assertThat(error.problem()).contains("no person id");
  }

  @Test
  void carePlanStatusWithoutACourseStatusIsRejected() {
    FhirMappingException error = importBroken(bundle ->
        nth(bundle, CarePlan.class, 0).setStatus(CarePlan.CarePlanStatus.DRAFT));

    assertThat(error.location()).endsWith(".status");
    assertThat(error.problem()).doesNotContain("draft").contains("active, completed or revoked");
  }

  @Test
  void stageOnAGriefAreaIsRejected() {
    FhirMappingException error = importBroken(bundle -> ((Coding) nth(bundle, CarePlan.class, 0)
        .getExtensionByUrl(EXT + "problem-area").getExtensionByUrl("type").getValue())
        .setCode("GRIEF"));

    assertThat(error.problem()).contains("not allowed for problem area GRIEF");
  }

  @Test
  void malformedJsonIsAnErrorThatQuotesNothingOfTheInput() {
    assertThatThrownBy(() -> FHIR.importCourseJson("{ talk without shouting"))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageStartingWith("not a valid FHIR R4 Bundle: malformed JSON")
        .hasMessageNotContaining("talk");
    // One line, located as the library's other messages are.
    assertThatThrownBy(() -> FHIR.importCourseJson("{\"resourceType\":\n"))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageNotContaining("\n").hasMessageNotContaining("[line:")
        .hasMessageContaining("(line 2, column 1)");
  }

  @Test
  void freeTextInABooleanIsReportedWithoutQuotingIt() {
    String json = FHIR.toJson(example()).replace("\"valueBoolean\": true",
        "\"valueBoolean\": \"talk without shouting\"");

    assertThatThrownBy(() -> FHIR.importCourseJson(json))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageContaining("element 'valueBoolean'")
        .hasMessageContaining("invalid value")
        .hasMessageNotContaining("talk");
  }

  @Test
  void freeTextHoldingQuotesIsNotShownBetweenThem() {
    String json = FHIR.toJson(example()).replaceFirst("\"valueDate\": \"[0-9-]+\"",
        java.util.regex.Matcher.quoteReplacement(
            "\"valueDate\": \"GOAL \\\"SECRET\\\" GOALSECRET2 it's x\""));

    assertThatThrownBy(() -> FHIR.importCourseJson(json))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageContaining("invalid value")
        .hasMessageNotContaining("SECRET").hasMessageNotContaining("GOAL");
  }

  @Test
  void aCodeThatIsNoCodeIsNotQuoted() {
    assertThat(org.iptkit.fhir.internal.ParseErrors.quotedCode("ROLE_DISPUTE"))
        .isEqualTo("'ROLE_DISPUTE'");
    assertThat(org.iptkit.fhir.internal.ParseErrors.quotedCode("my mother, since May"))
        .isEqualTo("'…'");
  }

  @Test
  void unknownElementIsRejectedByTheStrictParser() {
    String json = FHIR.toJson(example()).replace("\"intent\": \"plan\"",
        "\"intent\": \"plan\", \"mood\": \"low\"");

    assertThatThrownBy(() -> FHIR.importCourseJson(json))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageContaining("unknown element 'mood'");
  }

  @Test
  void anotherResourceTypeIsNotABundle() {
    assertThatThrownBy(() -> FHIR.parseBundle("{\"resourceType\": \"Patient\"}"))
        .isInstanceOf(FhirMappingException.class)
        .hasMessageContaining("expected \"Bundle\" but found \"Patient\"");
  }

  @Test
  void emptyInputIsAnError() {
    assertThatThrownBy(() -> FHIR.importCourseJson("  \n"))
        .isInstanceOf(FhirMappingException.class).hasMessage("empty input");
  }
}
