package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

class TerminologyTest {
  private static final IptFhir FHIR = IptFhir.create();

  private static List<String> codes(List<ConceptDefinitionComponent> concepts) {
    List<String> codes = new ArrayList<>();
    for (ConceptDefinitionComponent concept : concepts) {
      codes.add(concept.getCode());
      codes.addAll(codes(concept.getConcept()));
    }
    return codes;
  }

  private static ConceptDefinitionComponent group(CodeSystem cs, String code) {
    return cs.getConcept().stream().filter(c -> c.getCode().equals(code)).findFirst()
        .orElseThrow();
  }

  private static List<String> children(CodeSystem cs, String group) {
    return group(cs, group).getConcept().stream().map(ConceptDefinitionComponent::getCode)
        .toList();
  }

  private static <E extends Enum<E>> List<String> names(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    return names;
  }

  @Test
  void codeSystemHasEveryPhaseAreaTaskTechniqueInstrumentRelationshipAndRule() {
    CodeSystem cs = FHIR.codeSystem();

    assertThat(cs.getUrl()).isEqualTo(FhirVocabulary.CODE_SYSTEM);
    assertThat(children(cs, "phase")).containsExactlyElementsOf(names(Phase.class));
    assertThat(children(cs, "problem-area"))
        .containsExactlyElementsOf(names(ProblemAreaType.class));
    assertThat(children(cs, "task")).containsExactlyElementsOf(names(SessionTask.class));
    assertThat(children(cs, "technique")).containsExactlyElementsOf(names(Technique.class));
    assertThat(children(cs, "instrument")).containsExactlyElementsOf(names(Instrument.class));
    assertThat(children(cs, "relationship"))
        .containsExactlyElementsOf(names(Relationship.class));
    assertThat(children(cs, "rule")).containsExactlyElementsOf(RuleCatalog.codes());
  }

  @Test
  void everyCodeIsUniqueHasADisplayAndTheCountIsRight() {
    CodeSystem cs = StrictParsing.reparse(FHIR.codeSystem());
    List<String> codes = codes(cs.getConcept());

    assertThat(codes).doesNotHaveDuplicates();
    assertThat(cs.getCount()).isEqualTo(codes.size());
    assertThat(cs.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
  }

  @Test
  void instrumentItemsAreChildrenOfTheirInstrument() {
    ConceptDefinitionComponent phq9 = group(FHIR.codeSystem(), "instrument").getConcept()
        .get(0);

    assertThat(phq9.getCode()).isEqualTo("PHQ9");
    assertThat(phq9.getConcept()).extracting(ConceptDefinitionComponent::getCode)
        .containsExactly("PHQ9-1", "PHQ9-2", "PHQ9-3", "PHQ9-4", "PHQ9-5", "PHQ9-6", "PHQ9-7",
            "PHQ9-8", "PHQ9-9");
    assertThat(phq9.getConcept().get(8).getDefinition()).contains("0-3");
  }

  @Test
  void groupingConceptsAreNotSelectable() {
    ConceptDefinitionComponent phase = group(FHIR.codeSystem(), "phase");

    assertThat(phase.getPropertyFirstRep().getCode()).isEqualTo("notSelectable");
    assertThat(phase.getPropertyFirstRep().getValueBooleanType().booleanValue()).isTrue();
  }

  @Test
  void everyExtensionUsedInAnExportHasAStructureDefinitionThatParsesStrictly() {
    List<StructureDefinition> definitions = FHIR.structureDefinitions();
    List<String> urls = definitions.stream().map(StructureDefinition::getUrl).toList();
    String json = FHIR.toJson(FHIR.exportCourse(org.iptkit.core.fixtures.SampleCourses
        .formatExample(), Protocols.IPT_ACUTE_16));

    assertThat(urls).doesNotHaveDuplicates().allMatch(u ->
        u.startsWith(FhirVocabulary.EXTENSION_BASE));
    java.util.regex.Matcher used = java.util.regex.Pattern.compile(
        "\"url\": \"(" + java.util.regex.Pattern.quote(FhirVocabulary.EXTENSION_BASE)
            + "[^\"]+)\"").matcher(json);
    while (used.find()) {
      assertThat(urls).contains(used.group(1));
    }
    for (StructureDefinition definition : definitions) {
      StructureDefinition parsed = StrictParsing.reparse(definition);
      assertThat(parsed.getType()).isEqualTo("Extension");
      assertThat(parsed.getContext()).isNotEmpty();
    }
  }

  @Test
  void simpleExtensionFixesItsUrlAndValueType() {
    StructureDefinition sessionNumber = FHIR.structureDefinitions().stream()
        .filter(sd -> sd.getUrl().endsWith("/session-number")).findFirst().orElseThrow();
    List<ElementDefinition> elements = sessionNumber.getDifferential().getElement();

    assertThat(elements).extracting(ElementDefinition::getId).containsExactly("Extension",
        "Extension.extension", "Extension.url", "Extension.value[x]");
    assertThat(elements.get(2).getFixed().primitiveValue()).isEqualTo(sessionNumber.getUrl());
    assertThat(elements.get(3).getTypeFirstRep().getCode()).isEqualTo("positiveInt");
    assertThat(sessionNumber.getContext()).extracting(c -> c.getExpression())
        .containsExactly("Encounter", "OperationOutcome.issue");
  }

  @Test
  void complexExtensionSlicesItsSubExtensions() {
    StructureDefinition contract = FHIR.structureDefinitions().stream()
        .filter(sd -> sd.getUrl().endsWith("/contract")).findFirst().orElseThrow();

    assertThat(contract.getDifferential().getElement()).extracting(ElementDefinition::getSliceName)
        .filteredOn(java.util.Objects::nonNull)
        .containsExactly("kind", "agreedOn", "plannedSessions", "frequency", "sessionMinutes",
            "goal");
  }

  @Test
  void definitionsBundlePutsTheCodeSystemExtensionsAndPlanDefinitions() {
    Bundle bundle = StrictParsing.reparse(FHIR.definitions(Protocols.all()));

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.getEntry()).hasSize(1 + FHIR.structureDefinitions().size()
        + Protocols.all().size());
    assertThat(bundle.getEntry()).allSatisfy(e ->
        assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT));
    assertThat(bundle.getEntry().get(0).getRequest().getUrl()).isEqualTo("CodeSystem/iptkit");
    assertThat(bundle.getEntry().get(bundle.getEntry().size() - 1).getRequest().getUrl())
        .isEqualTo("PlanDefinition/ipt-m-monthly");
  }
}
