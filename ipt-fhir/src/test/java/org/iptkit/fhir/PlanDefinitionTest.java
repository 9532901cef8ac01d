package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.iptkit.core.Instrument;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanDefinitionTest {
  private static final IptFhir FHIR = IptFhir.create();

  static List<String> builtIns() {
    return Protocols.ids();
  }

  private static List<String> codes(List<PlanDefinitionActionComponent> actions) {
    return actions.stream().map(a -> a.getCodeFirstRep().getCoding().stream()
            .filter(c -> FhirVocabulary.CODE_SYSTEM.equals(c.getSystem()))
            .map(Coding::getCode).findFirst().orElse("?"))
        .collect(Collectors.toList());
  }

  private static PlanDefinitionActionComponent action(PlanDefinition plan, String id) {
    return plan.getAction().stream().filter(a -> id.equals(a.getId())).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + id));
  }

  private static void assertSessions(PlanDefinitionActionComponent action, int low, int high) {
    Range range = action.getTimingRange();
    assertThat(range.getLow().getValue().intValue()).isEqualTo(low);
    assertThat(range.getHigh().getValue().intValue()).isEqualTo(high);
    assertThat(range.getLow().getCode()).isEqualTo("{session}");
    assertThat(range.getLow().getSystem()).isEqualTo(FhirVocabulary.UCUM);
  }

  @ParameterizedTest
  @MethodSource("builtIns")
  void everyBuiltInIsAClinicalProtocolThatParsesStrictly(String id) {
    ProtocolProfile profile = Protocols.get(id);
    PlanDefinition plan = StrictParsing.reparse(FHIR.planDefinition(profile));

    assertThat(plan.getUrl()).isEqualTo(FhirVocabulary.PLAN_DEFINITION_BASE + id);
    assertThat(plan.getIdElement().getIdPart()).isEqualTo(id);
    assertThat(plan.getIdentifierFirstRep().getValue()).isEqualTo(id);
    assertThat(plan.getTitle()).isEqualTo(profile.title());
    assertThat(plan.getName()).matches("[A-Z][A-Za-z0-9]*");
    assertThat(plan.getType().getCodingFirstRep().getCode()).isEqualTo("clinical-protocol");
    assertThat(plan.getRelatedArtifactFirstRep().getCitation()).isEqualTo(
        profile.source().orElseThrow());
    assertThat(action(plan, "measurement").getTimingRange().getHigh().getValue().intValue())
        .isEqualTo(profile.maxMeasureInterval());
  }

  @ParameterizedTest
  @MethodSource("builtIns")
  void phasesFollowEachOtherAndAreTimedInSessions(String id) {
    ProtocolProfile profile = Protocols.get(id);
    PlanDefinition plan = FHIR.planDefinition(profile);

    List<PlanDefinitionActionComponent> phases = plan.getAction().subList(0,
        plan.getAction().size() - 1);
    if (!profile.hasAcutePhases()) {
      assertThat(codes(phases)).containsExactly("MAINTENANCE");
      assertSessions(phases.get(0), profile.sessions().min(), profile.sessions().max());
      return;
    }
    List<String> expected = profile.isGroup()
        ? List.of("PRE_GROUP", "INITIAL", "MIDDLE", "TERMINATION")
        : List.of("INITIAL", "MIDDLE", "TERMINATION");
    assertThat(codes(phases)).containsExactlyElementsOf(expected);
    IntRange initial = profile.initialPhase().orElseThrow();
    IntRange termination = profile.terminationPhase().orElseThrow();
    assertSessions(action(plan, "initial"), initial.min(), initial.max());
    assertSessions(action(plan, "termination"), termination.min(), termination.max());
    assertThat(action(plan, "middle").getRelatedActionFirstRep().getActionId())
        .isEqualTo("initial");
    assertThat(action(plan, "termination").getRelatedActionFirstRep().getActionId())
        .isEqualTo("middle");
  }

  @Test
  void acute16HasTheInitialTasksMiddleStrategiesAndEndingTasks() {
    PlanDefinition plan = FHIR.planDefinition(Protocols.IPT_ACUTE_16);

    assertThat(codes(action(plan, "initial").getAction())).containsExactly("DIAGNOSIS_NAMED",
        "PSYCHOEDUCATION", "SICK_ROLE_GIVEN", "MEDICATION_EVALUATED", "INVENTORY",
        "FORMULATION_SHARED", "CONTRACT_AGREED");
    assertSessions(action(plan, "middle"), 5, 14);
    PlanDefinitionActionComponent areas = action(plan, "middle").getAction().get(1);
    assertThat(codes(areas.getAction())).containsExactly("GRIEF", "ROLE_DISPUTE",
        "ROLE_TRANSITION", "INTERPERSONAL_DEFICITS");
    assertThat(codes(areas.getAction().get(1).getAction()))
        .containsExactly("DISPUTE_STAGE_ASSESSED", "COMMUNICATION_ANALYSIS");
    PlanDefinitionActionComponent ending = action(plan, "middle").getAction().get(2);
    assertThat(codes(List.of(ending))).containsExactly("ENDING_DISCUSSED");
    assertThat(ending.getRelatedActionFirstRep().getActionId()).isEqualTo("termination");
    assertThat(ending.getRelatedActionFirstRep().getRelationship().toCode())
        .isEqualTo("before-end");
    assertThat(ending.getRelatedActionFirstRep().getOffsetRange().getLow().getValue()
        .intValue()).isEqualTo(2);
    assertThat(codes(action(plan, "termination").getAction())).containsExactly(
        "PROGRESS_REVIEWED", "FEELINGS_ABOUT_ENDING", "RELAPSE_PREVENTION_PLAN",
        "FURTHER_TREATMENT_OFFERED");
  }

  @Test
  void adolescentProtocolGivesTheLimitedSickRoleAndInvolvesACaregiver() {
    PlanDefinition plan = FHIR.planDefinition(Protocols.IPT_A_12);

    assertThat(codes(action(plan, "initial").getAction()))
        .contains("LIMITED_SICK_ROLE_GIVEN", "CAREGIVER_INVOLVED")
        .doesNotContain("SICK_ROLE_GIVEN");
    assertThat(codes(action(plan, "termination").getAction())).contains("CAREGIVER_INVOLVED");
  }

  @Test
  void maintenanceProtocolHasNoSickRoleAndItsOwnContract() {
    PlanDefinition plan = FHIR.planDefinition(Protocols.IPT_M_MONTHLY);

    assertThat(codes(action(plan, "maintenance").getAction()))
        .containsExactly("CONTRACT_AGREED", "ENDING_DISCUSSED");
    assertThat(FHIR.toJson(plan)).doesNotContain("SICK_ROLE");
  }

  @Test
  void perinatalProtocolMeasuresEpdsAndAssessesRiskOnItem10() {
    PlanDefinitionActionComponent measurement = action(FHIR.planDefinition(
        Protocols.IPT_PPD_12), "measurement");

    assertThat(measurement.getCodeFirstRep().getCoding()).extracting(Coding::getCode)
        .containsExactly("EPDS");
    assertThat(codes(measurement.getAction())).containsExactly("RISK_ASSESSED");
    assertThat(measurement.getAction().get(0).getDescription()).contains("item 10");
  }

  @Test
  void phq9MeasurementCarriesTheLoincTotalCode() {
    PlanDefinitionActionComponent measurement = action(FHIR.planDefinition(
        Protocols.IPT_ACUTE_16), "measurement");

    assertThat(measurement.getCodeFirstRep().getCoding()).extracting(Coding::getCode)
        .containsExactly("44261-6", "PHQ9");
    assertThat(measurement.getDescription()).contains("at least every 4 attended sessions");
  }

  @Test
  void customProfileIsDerivedFromItsBaseAndKeepsItsParameters() {
    ProtocolProfile trial = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("my-trial-2026").title("Trial X: 12-session IPT, PHQ-9 every session")
        .basedOn("ipt-acute-16").source(java.util.Optional.empty())
        .sessions(IntRange.of(12, 12)).maxMeasureInterval(1)
        .primaryInstrument(Instrument.GAD7).maxAreas(1).build();
    PlanDefinition plan = StrictParsing.reparse(FHIR.planDefinition(trial));

    assertThat(plan.getUrl()).endsWith("/PlanDefinition/my-trial-2026");
    assertThat(plan.getRelatedArtifact()).extracting(RelatedArtifact::getType,
            RelatedArtifact::getResource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            RelatedArtifact.RelatedArtifactType.DERIVEDFROM,
            FhirVocabulary.PLAN_DEFINITION_BASE + "ipt-acute-16"));
    assertThat(action(plan, "measurement").getDescription()).contains("every attended session");
    assertThat(action(plan, "measurement").getCodeFirstRep().getCoding())
        .extracting(Coding::getCode).containsExactly("70274-6", "GAD7");
    assertThat(action(plan, "middle").getAction().get(1).getSelectionBehavior().toCode())
        .isEqualTo("exactly-one");
    assertThat(plan.getDescription()).startsWith("12 attended sessions of 45-60 minutes");
  }

  @Test
  void planDefinitionJsonOfABuiltInIdIsTheSameAsOfItsProfile() {
    assertThat(FHIR.planDefinitionJson("ipc-6"))
        .isEqualTo(FHIR.planDefinitionJson(Protocols.IPC_6));
  }
}
