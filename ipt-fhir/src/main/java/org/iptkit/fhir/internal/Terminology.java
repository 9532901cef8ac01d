package org.iptkit.fhir.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.codesystems.V3RoleCode;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.fhir.FhirVocabulary;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleInfo;

/**
 * The iptkit code system: every code of the phases, problem areas, tasks, techniques, instruments
 * (totals and items), relationships and fidelity rules, with display and definition, and the
 * external codes used next to them (LOINC for PHQ-9 and GAD-7, HL7 v3 RoleCode).
 */
public final class Terminology {
  private Terminology() {}

  static final String LOINC_PHQ9_TOTAL_DISPLAY =
      "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]";
  static final String LOINC_GAD7_TOTAL_DISPLAY =
      "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]";

  private static final Map<Phase, String> PHASES = new EnumMap<>(Map.of(
      Phase.PRE_GROUP, "An individual session before group IPT starts (WHO Group IPT).",
      Phase.INITIAL, "Initial phase: diagnosis, psychoeducation, sick role, interpersonal "
          + "inventory, choice of focus, formulation and treatment contract.",
      Phase.MIDDLE, "Middle phase: work on the chosen problem area(s) with IPT strategies and "
          + "techniques, each session opening with an interim review.",
      Phase.TERMINATION, "Ending (termination, conclusion): progress reviewed, feelings about "
          + "ending addressed, relapse prevention.",
      Phase.MAINTENANCE, "Continuation or maintenance treatment under its own contract."));

  private static final Map<ProblemAreaType, String> AREAS = new EnumMap<>(Map.of(
      ProblemAreaType.GRIEF,
      "Onset or persistence of symptoms linked to the death of a significant person.",
      ProblemAreaType.ROLE_DISPUTE,
      "Non-reciprocal expectations with a significant other, at a stage (renegotiation, impasse, "
          + "dissolution).",
      ProblemAreaType.ROLE_TRANSITION,
      "Difficulty with a change of social role (move, job, separation, parenthood, illness, "
          + "retirement).",
      ProblemAreaType.INTERPERSONAL_DEFICITS,
      "Few or unsatisfying relationships and none of the other areas; the area of last resort."));

  private static final Map<SessionTask, String> TASKS = tasks();
  private static final Map<Technique, String> TECHNIQUES = techniques();
  private static final Map<Relationship, String> RELATIONSHIPS = relationships();

  private static Map<SessionTask, String> tasks() {
    Map<SessionTask, String> m = new EnumMap<>(SessionTask.class);
    m.put(SessionTask.DIAGNOSIS_NAMED,
        "Symptoms reviewed and the diagnosis named against standard criteria.");
    m.put(SessionTask.PSYCHOEDUCATION, "Psychoeducation about depression and its treatment.");
    m.put(SessionTask.SICK_ROLE_GIVEN, "The sick role given.");
    m.put(SessionTask.LIMITED_SICK_ROLE_GIVEN, "The limited sick role of IPT-A given.");
    m.put(SessionTask.MEDICATION_EVALUATED, "The need for medication evaluated.");
    m.put(SessionTask.INVENTORY, "The interpersonal inventory taken.");
    m.put(SessionTask.FORMULATION_SHARED,
        "The interpersonal formulation shared with the patient.");
    m.put(SessionTask.CONTRACT_AGREED,
        "The treatment contract agreed: number of sessions, frequency, goals.");
    m.put(SessionTask.CAREGIVER_INVOLVED, "A caregiver involved in the session.");
    m.put(SessionTask.INTERIM_REVIEW,
        "The interim review that opens a middle-phase session: mood linked to recent events.");
    m.put(SessionTask.MOURNING_FACILITATED, "Grief: mourning facilitated.");
    m.put(SessionTask.RELATIONSHIP_RECONSTRUCTED,
        "Grief: the relationship with the deceased reconstructed.");
    m.put(SessionTask.DISPUTE_STAGE_ASSESSED, "Role dispute: the dispute and its stage assessed.");
    m.put(SessionTask.OLD_NEW_ROLES_EVALUATED,
        "Role transition: old and new roles evaluated (positives and negatives).");
    m.put(SessionTask.PAST_RELATIONSHIPS_REVIEWED,
        "Interpersonal deficits: past significant relationships and their patterns reviewed.");
    m.put(SessionTask.NEW_RELATIONSHIPS_ENCOURAGED,
        "Interpersonal deficits: new relationships encouraged, isolation reduced.");
    m.put(SessionTask.TREATMENT_PLAN_REVIEWED, "The treatment plan reviewed.");
    m.put(SessionTask.RISK_ASSESSED, "A suicide risk assessment done.");
    m.put(SessionTask.ENDING_DISCUSSED,
        "The ending of treatment discussed explicitly, ahead of the last session.");
    m.put(SessionTask.PROGRESS_REVIEWED, "Progress reviewed and gains consolidated.");
    m.put(SessionTask.FEELINGS_ABOUT_ENDING, "Feelings about the ending addressed.");
    m.put(SessionTask.RELAPSE_PREVENTION_PLAN,
        "A relapse prevention plan made: warning signs and a contingency plan.");
    m.put(SessionTask.FURTHER_TREATMENT_OFFERED,
        "Further treatment offered: an alternative after non-response, or continuation or "
            + "maintenance under a new contract.");
    return m;
  }

  private static Map<Technique, String> techniques() {
    Map<Technique, String> m = new EnumMap<>(Technique.class);
    m.put(Technique.EXPLORATION, "IPT technique: nondirective exploration.");
    m.put(Technique.DIRECT_ELICITATION, "IPT technique: direct elicitation of material.");
    m.put(Technique.ENCOURAGEMENT_OF_AFFECT, "IPT technique: encouragement of affect.");
    m.put(Technique.CLARIFICATION, "IPT technique: clarification.");
    m.put(Technique.COMMUNICATION_ANALYSIS, "IPT technique: communication analysis.");
    m.put(Technique.THERAPEUTIC_RELATIONSHIP,
        "IPT technique: use of the therapeutic relationship.");
    m.put(Technique.DECISION_ANALYSIS, "IPT technique: decision analysis.");
    m.put(Technique.ROLE_PLAY, "IPT technique: role play.");
    m.put(Technique.INTERPERSONAL_INCIDENT, "IPT technique: interpersonal incidents.");
    m.put(Technique.TRANSFERENCE_INTERPRETATION, "Not IPT: transference interpretation.");
    m.put(Technique.DREAM_INTERPRETATION, "Not IPT: dream interpretation.");
    m.put(Technique.GENETIC_INTERPRETATION,
        "Not IPT: genetic (childhood-origin) interpretation.");
    m.put(Technique.FREE_ASSOCIATION, "Not IPT: free association.");
    m.put(Technique.COGNITIVE_RESTRUCTURING,
        "Not IPT: cognitive restructuring of automatic thoughts as the primary target.");
    m.put(Technique.ASSIGNED_HOMEWORK, "Not IPT: formally assigned CBT-style homework.");
    return m;
  }

  private static Map<Relationship, String> relationships() {
    Map<Relationship, String> m = new EnumMap<>(Relationship.class);
    m.put(Relationship.PARTNER, "The patient's partner or spouse.");
    m.put(Relationship.EX_PARTNER, "A former partner or spouse.");
    m.put(Relationship.PARENT, "A parent.");
    m.put(Relationship.CHILD, "A child.");
    m.put(Relationship.SIBLING, "A sibling.");
    m.put(Relationship.OTHER_RELATIVE, "A relative other than partner, parent, child or sibling.");
    m.put(Relationship.FRIEND, "A friend.");
    m.put(Relationship.COLLEAGUE, "A colleague at work or school.");
    m.put(Relationship.CARER, "A carer of the patient.");
    m.put(Relationship.OTHER, "Another relationship.");
    return m;
  }

  private static final Map<Relationship, V3RoleCode> ROLE_CODES = new EnumMap<>(Map.of(
      Relationship.PARTNER, V3RoleCode.SIGOTHR,
      Relationship.PARENT, V3RoleCode.PRN,
      Relationship.CHILD, V3RoleCode.CHILD,
      Relationship.SIBLING, V3RoleCode.SIB,
      Relationship.OTHER_RELATIVE, V3RoleCode.FAMMEMB,
      Relationship.FRIEND, V3RoleCode.FRND));

  // -----------------------------------------------------------------------------------------
  // Codings

  /** The iptkit coding of a phase. */
  public static Coding coding(Phase phase) {
    return iptkit(phase.name(), display(phase.name()));
  }

  /** The iptkit coding of a problem area. */
  public static Coding coding(ProblemAreaType area) {
    return iptkit(area.name(), display(area.name()));
  }

  /** The iptkit coding of a session task. */
  public static Coding coding(SessionTask task) {
    return iptkit(task.name(), display(task.name()));
  }

  /** The iptkit coding of a technique. */
  public static Coding coding(Technique technique) {
    return iptkit(technique.name(), display(technique.name()));
  }

  /** The iptkit coding of a relationship. */
  public static Coding coding(Relationship relationship) {
    return iptkit(relationship.name(), display(relationship.name()));
  }

  /** The HL7 v3 RoleCode coding of a relationship, when there is a fitting one. */
  public static Optional<Coding> roleCode(Relationship relationship) {
    V3RoleCode code = ROLE_CODES.get(relationship);
    return code == null ? Optional.empty()
        : Optional.of(new Coding(code.getSystem(), code.toCode(), code.getDisplay()));
  }

  /** The relationship an HL7 v3 RoleCode maps back to (for bundles without an iptkit coding). */
  public static Optional<Relationship> fromRoleCode(String code) {
    for (Map.Entry<Relationship, V3RoleCode> e : ROLE_CODES.entrySet()) {
      if (e.getValue().toCode().equals(code)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** The iptkit coding of an instrument's total score. */
  public static Coding instrumentCoding(Instrument instrument) {
    return iptkit(instrument.name(), instrument.displayName() + " total score");
  }

  /** The LOINC coding of an instrument's total score, where verified (PHQ-9, GAD-7). */
  public static Optional<Coding> loincTotal(Instrument instrument) {
    return switch (instrument) {
      case PHQ9 -> Optional.of(new Coding(FhirVocabulary.LOINC,
          FhirVocabulary.LOINC_PHQ9_TOTAL, LOINC_PHQ9_TOTAL_DISPLAY));
      case GAD7 -> Optional.of(new Coding(FhirVocabulary.LOINC,
          FhirVocabulary.LOINC_GAD7_TOTAL, LOINC_GAD7_TOTAL_DISPLAY));
      default -> Optional.empty();
    };
  }

  /** The instrument whose total score a LOINC code denotes. */
  public static Optional<Instrument> fromLoincTotal(String code) {
    if (FhirVocabulary.LOINC_PHQ9_TOTAL.equals(code)) {
      return Optional.of(Instrument.PHQ9);
    }
    if (FhirVocabulary.LOINC_GAD7_TOTAL.equals(code)) {
      return Optional.of(Instrument.GAD7);
    }
    return Optional.empty();
  }

  /** The iptkit code of item {@code number} (1-based) of an instrument, e.g. {@code PHQ9-9}. */
  public static String itemCode(Instrument instrument, int number) {
    return instrument.name() + "-" + number;
  }

  /** The iptkit coding of an instrument item. */
  public static Coding itemCoding(Instrument instrument, int number) {
    return iptkit(itemCode(instrument, number), instrument.displayName() + " item " + number);
  }

  /** The LOINC coding of an item, where verified (the PHQ-9 and GAD-7 items). */
  public static Optional<Coding> loincItem(Instrument instrument, int number) {
    return Loinc.item(instrument, number).map(code -> new Coding(FhirVocabulary.LOINC, code, null));
  }

  /** The iptkit coding of a fidelity rule. */
  public static Coding ruleCoding(String code) {
    return iptkit(code, RuleCatalog.find(code).map(RuleInfo::name).orElse(null));
  }

  private static Coding iptkit(String code, String display) {
    return new Coding(FhirVocabulary.CODE_SYSTEM, code, display);
  }

  /** A display from an UPPER_SNAKE name: {@code ROLE_DISPUTE} → "Role dispute". */
  static String display(String name) {
    if (name.equals("PRE_GROUP")) {
      return "Pre-group";
    }
    if (name.equals("EX_PARTNER")) {
      return "Ex-partner";
    }
    String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  // -----------------------------------------------------------------------------------------
  // The CodeSystem resource

  /** The iptkit CodeSystem resource, complete. */
  public static CodeSystem codeSystem() {
    CodeSystem cs = new CodeSystem();
    cs.setId("iptkit");
    cs.setUrl(FhirVocabulary.CODE_SYSTEM);
    cs.setName("IptkitCodes");
    cs.setTitle("iptkit codes for Interpersonal Psychotherapy (IPT)");
    cs.setStatus(PublicationStatus.ACTIVE);
    cs.setExperimental(false);
    cs.setPublisher("iptkit");
    cs.setDescription("Codes of the IPT protocol as iptkit records it: phases, problem areas, "
        + "session tasks, techniques (IPT and non-IPT), symptom instruments and their items, "
        + "relationships of the interpersonal inventory and the fidelity rules S01-N02. Structure "
        + "and parameters only: no text of the copyrighted manuals or instruments.");
    cs.setCaseSensitive(true);
    cs.setHierarchyMeaning(CodeSystem.CodeSystemHierarchyMeaning.GROUPEDBY);
    cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    cs.addProperty().setCode("notSelectable")
        .setUri("http://hl7.org/fhir/concept-properties#notSelectable")
        .setDescription("A grouping concept, not used in data.")
        .setType(CodeSystem.PropertyType.BOOLEAN);

    ConceptDefinitionComponent phases = group(cs, "phase", "Phase",
        "The phase of IPT a session belongs to.");
    for (Phase phase : Phase.values()) {
      concept(phases, phase.name(), display(phase.name()), PHASES.get(phase));
    }
    ConceptDefinitionComponent areas = group(cs, "problem-area", "Problem area",
        "The four IPT problem areas, the focus of treatment.");
    for (ProblemAreaType area : ProblemAreaType.values()) {
      concept(areas, area.name(), display(area.name()), AREAS.get(area));
    }
    ConceptDefinitionComponent tasks = group(cs, "task", "Session task",
        "A protocol task recorded as done in a session.");
    for (SessionTask task : SessionTask.values()) {
      concept(tasks, task.name(), display(task.name()), TASKS.get(task));
    }
    ConceptDefinitionComponent techniques = group(cs, "technique", "Technique",
        "A technique recorded as used in a session: IPT techniques and proscribed non-IPT ones.");
    for (Technique technique : Technique.values()) {
      concept(techniques, technique.name(), display(technique.name()),
          TECHNIQUES.get(technique));
    }
    ConceptDefinitionComponent instruments = group(cs, "instrument", "Instrument",
        "A symptom measure; the code of the instrument denotes its total score, its children its"
            + " items (scored values).");
    for (Instrument instrument : Instrument.values()) {
      ConceptDefinitionComponent total = concept(instruments, instrument.name(),
          instrument.displayName() + " total score",
          instrument.displayName() + " total score, 0-" + instrument.maxTotal() + ".");
      for (int n = 1; n <= instrument.itemCount(); n++) {
        concept(total, itemCode(instrument, n), instrument.displayName() + " item " + n,
            instrument.displayName() + " item " + n + ", scored 0-" + instrument.itemMax(n)
                + ".");
      }
    }
    ConceptDefinitionComponent relationships = group(cs, "relationship", "Relationship",
        "How a person of the interpersonal inventory is related to the patient.");
    for (Relationship relationship : Relationship.values()) {
      concept(relationships, relationship.name(), display(relationship.name()),
          RELATIONSHIPS.get(relationship));
    }
    ConceptDefinitionComponent rules = group(cs, "rule", "Fidelity rule",
        "A rule of the iptkit fidelity rule catalog; the display is the rule's name.");
    for (RuleInfo rule : RuleCatalog.all()) {
      concept(rules, rule.code(), rule.name(), rule.checks());
    }
    cs.setCount(countConcepts(cs.getConcept()));
    return cs;
  }

  /** Every code of the iptkit CodeSystem, with its display (selectable and grouping codes). */
  public static Map<String, String> allCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    collect(codeSystem().getConcept(), codes);
    return codes;
  }

  private static void collect(List<ConceptDefinitionComponent> concepts, Map<String, String> out) {
    for (ConceptDefinitionComponent concept : concepts) {
      out.put(concept.getCode(), concept.getDisplay());
      collect(concept.getConcept(), out);
    }
  }

  private static int countConcepts(List<ConceptDefinitionComponent> concepts) {
    int count = 0;
    for (ConceptDefinitionComponent concept : concepts) {
      count += 1 + countConcepts(concept.getConcept());
    }
    return count;
  }

  private static ConceptDefinitionComponent group(CodeSystem cs, String code, String display,
      String definition) {
    ConceptDefinitionComponent group = cs.addConcept().setCode(code).setDisplay(display)
        .setDefinition(definition);
    group.addProperty().setCode("notSelectable").setValue(new BooleanType(true));
    return group;
  }

  private static ConceptDefinitionComponent concept(ConceptDefinitionComponent parent,
      String code, String display, String definition) {
    return parent.addConcept().setCode(code).setDisplay(display).setDefinition(definition);
  }

  /** The names of an enum's constants, for "expected one of" messages. */
  static <E extends Enum<E>> List<String> names(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    return names;
  }
}
