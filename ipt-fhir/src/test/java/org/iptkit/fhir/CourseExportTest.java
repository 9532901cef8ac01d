package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.iptkit.core.Attendance;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Modality;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.Relationship;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.TransitionKind;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CourseExportTest {
  private static final IptFhir FHIR = IptFhir.create();
  private static final String EXT = FhirVocabulary.EXTENSION_BASE;
  private static final Path GOLDEN = Paths.get("src/test/resources/golden/format-example.bundle.json");

  private static Bundle formatExample() {
    return FHIR.exportCourse(SampleCourses.formatExample(), Protocols.IPT_ACUTE_16);
  }

  private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
    List<T> found = all(bundle, type);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void formatExampleExportsToTheGoldenBundle() throws IOException {
    String json = FHIR.toJson(formatExample()) + "\n";
    if (Boolean.getBoolean("iptkit.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, json, StandardCharsets.UTF_8);
    }

    assertThat(json).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void exportWithoutAProfileInstantiatesTheProtocolTheCourseNames() {
    assertThat(FHIR.exportCourseJson(SampleCourses.formatExample()))
        .isEqualTo(FHIR.exportCourseJson(SampleCourses.formatExample(), Protocols.IPT_ACUTE_16));
  }

  @Test
  void goldenBundleImportsToTheFormatExample() throws IOException {
    String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);

    assertThat(FHIR.importCourseJson(golden)).isEqualTo(SampleCourses.formatExample());
  }

  @Test
  void bundleIsACollectionOfTheCourseResourcesInAFixedOrder() {
    Bundle bundle = formatExample();

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly(
        "EpisodeOfCare", "CarePlan", "Goal", "Goal", "RelatedPerson", "RelatedPerson",
        "RelatedPerson", "Encounter", "Procedure", "Observation", "Encounter", "Procedure");
    assertThat(bundle.getEntry()).allSatisfy(e ->
        assertThat(e.getFullUrl()).startsWith("urn:uuid:"));
  }

  @Test
  void patientIsReferencedByItsPseudonymousIdentifierOnly() {
    Bundle bundle = formatExample();

    assertThat(all(bundle, org.hl7.fhir.r4.model.Patient.class)).isEmpty();
    Reference patient = only(bundle, EpisodeOfCare.class).getPatient();
    assertThat(patient.getReference()).isNull();
    assertThat(patient.getIdentifier().getSystem()).isEqualTo(FhirVocabulary.PATIENT_REF_SYSTEM);
    assertThat(patient.getIdentifier().getValue()).isEqualTo("pt-7f3a");
    assertThat(only(bundle, CarePlan.class).getSubject().getIdentifier().getValue())
        .isEqualTo("pt-7f3a");
  }

  @Test
  void courseWithoutPatientRefMarksThePatientAsAbsentAndReadsBackWithout() {
    TreatmentCourse course = TreatmentCourse.copyOf(SampleCourses.formatExample())
        .withPatientRef(java.util.Optional.empty());
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);

    Reference patient = only(bundle, EpisodeOfCare.class).getPatient();
    assertThat(patient.hasIdentifier()).isFalse();
    assertThat(patient.getExtensionByUrl(FhirVocabulary.DATA_ABSENT_REASON).getValue()
        .primitiveValue()).isEqualTo("unknown");
    assertThat(FHIR.importCourse(StrictParsing.reparse(bundle))).isEqualTo(course);
  }

  @Test
  void carePlanInstantiatesTheProfilesPlanDefinitionAndCarriesTheContractGoals() {
    Bundle bundle = formatExample();
    CarePlan plan = only(bundle, CarePlan.class);

    assertThat(plan.getInstantiatesCanonical()).extracting(c -> c.getValue())
        .containsExactly("https://iptkit.org/fhir/PlanDefinition/ipt-acute-16");
    assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
    assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
    assertThat(plan.getGoal()).hasSize(2);
    assertThat(all(bundle, Goal.class)).extracting(g -> g.getDescription().getText())
        .containsExactly("Fewer arguments with partner", "PHQ-9 below 5");
    assertThat(plan.getExtensionByUrl(EXT + "contract").getExtensionString("kind"))
        .isEqualTo("ACUTE");
    assertThat(plan.hasAddresses()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(CourseStatus.class)
  void carePlanStatusFollowsTheCourseStatus(CourseStatus status) {
    // An ONGOING course has not ended.
    TreatmentCourse course = TreatmentCourse.copyOf(SampleCourses.formatExample())
        .withEndedOn(status == CourseStatus.ONGOING ? java.util.Optional.empty()
            : SampleCourses.formatExample().endedOn())
        .withStatus(status);
    CarePlan plan = only(FHIR.exportCourse(course, Protocols.IPT_ACUTE_16), CarePlan.class);

    String expected = switch (status) {
      case ONGOING -> "active";
      case COMPLETED -> "completed";
      case DISCONTINUED -> "revoked";
    };
    assertThat(plan.getStatus().toCode()).isEqualTo(expected);
  }

  @Test
  void carePlanAddressesTheTreatedConditionWhenGiven() {
    Coding depression = new Coding(FhirVocabulary.SNOMED, "370143000",
        "Major depressive disorder");
    Bundle bundle = FHIR.exportCourse(SampleCourses.formatExample(), Protocols.IPT_ACUTE_16,
        depression);

    Condition condition = only(bundle, Condition.class);
    assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("370143000");
    String conditionUrl = bundle.getEntry().stream()
        .filter(e -> e.getResource() instanceof Condition).findFirst().orElseThrow()
        .getFullUrl();
    assertThat(only(bundle, CarePlan.class).getAddresses()).extracting(Reference::getReference)
        .containsExactly(conditionUrl);
    assertThat(FHIR.importCourse(bundle)).isEqualTo(SampleCourses.formatExample());
  }

  @Test
  void exportWithAnotherProfileInstantiatesThatProfileAndKeepsTheCoursesProtocol() {
    Bundle bundle = FHIR.exportCourse(SampleCourses.formatExample(), Protocols.IPT_UK_16);

    CarePlan plan = only(bundle, CarePlan.class);
    assertThat(plan.getInstantiatesCanonical().get(0).getValue()).endsWith("/ipt-uk-16");
    assertThat(FHIR.importCourse(bundle).protocol()).isEqualTo("ipt-acute-16");
  }

  @Test
  void oneEncounterPerSessionWithPeriodLengthStatusAndCptType() {
    Bundle bundle = formatExample();
    List<Encounter> encounters = all(bundle, Encounter.class);

    assertThat(encounters).hasSize(2);
    Encounter first = encounters.get(0);
    assertThat(first.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
    assertThat(first.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-05");
    assertThat(first.getLength().getValue().intValue()).isEqualTo(50);
    assertThat(first.getLength().getCode()).isEqualTo("min");
    assertThat(first.getLength().getSystem()).isEqualTo(FhirVocabulary.UCUM);
    assertThat(first.getTypeFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(FhirVocabulary.CPT);
    assertThat(first.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("90834");
    assertThat(first.getClass_().getCode()).isEqualTo("AMB");
    assertThat(((org.hl7.fhir.r4.model.PositiveIntType) first
        .getExtensionByUrl(EXT + "session-number").getValue()).getValue()).isEqualTo(1);
    assertThat(encounters.get(1).hasType()).isFalse();
  }

  @Test
  void missedSessionsAreCancelledEncountersWithoutProcedureAndVideoIsVirtual() {
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-9").protocol("ipt-acute-16")
        .status(CourseStatus.ONGOING)
        .addSession(Session.builder().number(1).date(LocalDate.of(2026, 2, 2))
            .attendance(Attendance.ATTENDED).phase(Phase.INITIAL).modality(Modality.VIDEO)
            .build())
        .addSession(Session.builder().number(2).date(LocalDate.of(2026, 2, 9))
            .attendance(Attendance.NO_SHOW).build())
        .addSession(Session.builder().number(3).date(LocalDate.of(2026, 2, 16))
            .attendance(Attendance.CANCELLED).build())
        .build();
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);

    List<Encounter> encounters = all(bundle, Encounter.class);
    assertThat(encounters).extracting(e -> e.getStatus().toCode(),
            e -> e.getExtensionString(EXT + "attendance"))
        .containsExactly(tuple("finished", "ATTENDED"), tuple("cancelled", "NO_SHOW"),
            tuple("cancelled", "CANCELLED"));
    assertThat(encounters.get(0).getClass_().getCode()).isEqualTo("VR");
    assertThat(all(bundle, Procedure.class)).hasSize(1);
    assertThat(FHIR.importCourse(StrictParsing.reparse(bundle))).isEqualTo(course);
  }

  @Test
  void attendedSessionIsAnInterpersonalPsychotherapyProcedureWithCodedTasksAndTechniques() {
    Procedure procedure = all(formatExample(), Procedure.class).get(0);

    assertThat(procedure.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(tuple("http://snomed.info/sct", "443730003"));
    assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
    assertThat(procedure.getExtensionsByUrl(EXT + "task"))
        .extracting(e -> ((Coding) e.getValue()).getSystem(), e -> ((Coding) e.getValue())
            .getCode())
        .containsExactly(
            tuple(FhirVocabulary.CODE_SYSTEM, "DIAGNOSIS_NAMED"),
            tuple(FhirVocabulary.CODE_SYSTEM, "PSYCHOEDUCATION"),
            tuple(FhirVocabulary.CODE_SYSTEM, "SICK_ROLE_GIVEN"),
            tuple(FhirVocabulary.CODE_SYSTEM, "MEDICATION_EVALUATED"));
    assertThat(procedure.getExtensionsByUrl(EXT + "technique"))
        .extracting(e -> ((Coding) e.getValue()).getCode()).containsExactly("EXPLORATION");
  }

  @Test
  void phq9ObservationHasTheLoincTotalAndTheNineLoincItemCodesInOrder() {
    Observation phq9 = only(formatExample(), Observation.class);

    assertThat(phq9.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(tuple("http://loinc.org", "44261-6"),
            tuple(FhirVocabulary.CODE_SYSTEM, "PHQ9"));
    assertThat(((IntegerType) phq9.getValue()).getValue()).isEqualTo(15);
    assertThat(phq9.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
        .containsExactly("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2",
            "44252-5", "44253-3", "44260-8");
    assertThat(phq9.getComponent()).extracting(c -> ((IntegerType) c.getValue()).getValue())
        .containsExactly(2, 3, 2, 2, 1, 2, 2, 1, 0);
    assertThat(phq9.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
    assertThat(phq9.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-01-05");
    assertThat(phq9.getExtensionByUrl(EXT + "total-computed")).isNotNull();
  }

  @Test
  void gad7UsesLoincAndInstrumentsWithoutAVerifiedLoincCodeUseTheIptkitSystem() {
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-8").protocol("ipt-ppd-12")
        .status(CourseStatus.ONGOING)
        .addMeasure(Measure.builder().from(Measure.ofTotal(Instrument.GAD7, 12))
            .date(LocalDate.of(2026, 1, 2)).build())
        .addMeasure(Measure.ofItems(Instrument.EPDS, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
        .build();
    List<Observation> observations = all(FHIR.exportCourse(course, Protocols.IPT_PPD_12),
        Observation.class);

    assertThat(observations.get(0).getCode().getCoding()).extracting(Coding::getCode)
        .containsExactly("70274-6", "GAD7");
    assertThat(observations.get(0).getComponent()).isEmpty();
    assertThat(observations.get(0).getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-01-02");
    assertThat(observations.get(1).getCode().getCoding()).extracting(Coding::getSystem)
        .containsExactly(FhirVocabulary.CODE_SYSTEM);
    assertThat(observations.get(1).getComponent())
        .extracting(c -> c.getCode().getCodingFirstRep().getCode())
        .startsWith("EPDS-1", "EPDS-2").endsWith("EPDS-10");
    assertThat(observations.get(1).hasEffective()).isFalse();
  }

  @Test
  void relatedPersonMapsRelationshipToV3RoleCodeAndKeepsCircleConfidantAndConflict() {
    List<RelatedPerson> people = all(formatExample(), RelatedPerson.class);

    RelatedPerson partner = people.get(0);
    assertThat(partner.getRelationshipFirstRep().getCoding())
        .extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(tuple(FhirVocabulary.V3_ROLE_CODE, "SIGOTHR"),
            tuple(FhirVocabulary.CODE_SYSTEM, "PARTNER"));
    assertThat(partner.getIdentifierFirstRep().getValue()).isEqualTo("partner");
    assertThat(partner.getExtensionByUrl(EXT + "closeness-circle").getValue().primitiveValue())
        .isEqualTo("1");
    assertThat(partner.getExtensionByUrl(EXT + "confidant").getValue().primitiveValue())
        .isEqualTo("false");
    assertThat(partner.getExtensionByUrl(EXT + "conflict").getValue().primitiveValue())
        .isEqualTo("true");
    assertThat(people).extracting(p -> p.getRelationshipFirstRep().getCodingFirstRep().getCode())
        .containsExactly("SIGOTHR", "SIB", "PRN");
  }

  @Test
  void relationshipsWithoutAFittingV3RoleCodeCarryOnlyTheIptkitCode() {
    TreatmentCourse course = TreatmentCourse.copyOf(SampleCourses.formatExample())
        .withInventories(org.iptkit.core.InterpersonalInventory.builder()
            .takenOn(LocalDate.of(2026, 1, 12))
            .addPerson(Person.builder().id("boss").relationship(Relationship.COLLEAGUE).build())
            .addPerson(Person.builder().id("ex").relationship(Relationship.EX_PARTNER).build())
            .addPerson(Person.builder().id("someone").build())
            .build());
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);

    List<RelatedPerson> people = all(bundle, RelatedPerson.class);
    assertThat(people.get(0).getRelationshipFirstRep().getCoding()).extracting(Coding::getCode)
        .containsExactly("COLLEAGUE");
    assertThat(people.get(1).getRelationshipFirstRep().getCoding()).extracting(Coding::getCode)
        .containsExactly("EX_PARTNER");
    assertThat(people.get(2).hasRelationship()).isFalse();
    assertThat(FHIR.importCourse(StrictParsing.reparse(bundle))).isEqualTo(course);
  }

  @Test
  void detailsNoGeneratorProducesStillRoundTrip() {
    Session session = Session.builder().number(1).date(LocalDate.of(2026, 3, 2))
        .attendance(Attendance.ATTENDED).phase(Phase.INITIAL)
        .addMeasure(Measure.builder().from(Measure.ofItems(Instrument.PHQ9, 1, 1, 1, 1, 1, 1, 1,
            1, 1)).total(9).date(LocalDate.of(2026, 3, 1)).build())
        .addMeasure(Measure.ofTotal(Instrument.HAMD17, 20))
        .build();
    TreatmentCourse course = TreatmentCourse.builder().courseId("c-ü/1 ?").protocol("my trial #2")
        .therapistRef("th-1").status(CourseStatus.DISCONTINUED)
        .addProblemArea(RoleTransition.builder().fromRole("student").toRole("employee")
            .transition(TransitionKind.JOB).primary(true).build())
        .addSession(session)
        .endedOn(LocalDate.of(2026, 3, 30))
        .build();
    Bundle bundle = FHIR.exportCourse(course);

    assertThat(only(bundle, CarePlan.class).getInstantiatesCanonical().get(0).getValue())
        .isEqualTo("https://iptkit.org/fhir/PlanDefinition/my+trial+%232");
    Observation phq9 = all(bundle, Observation.class).get(0);
    assertThat(phq9.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-02");
    assertThat(phq9.getExtensionByUrl(EXT + "measure-date").getValue().primitiveValue())
        .isEqualTo("2026-03-01");
    assertThat(FHIR.importCourse(StrictParsing.reparse(bundle))).isEqualTo(course);
  }
}
