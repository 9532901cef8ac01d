package org.iptkit.fhir;

/**
 * The URLs under which iptkit publishes an IPT course in FHIR R4, and the external code systems
 * it uses: the iptkit {@code CodeSystem} of phases, problem areas, tasks, techniques,
 * instruments, relationships and fidelity rules; the base of the iptkit extensions and
 * {@code PlanDefinition}s; the identifier systems of the course id and the pseudonymous patient,
 * therapist and person references; and SNOMED CT, LOINC, CPT, UCUM and HL7 v3 RoleCode. See
 * {@code docs/fhir.md} for the element-by-element mapping.
 */
public final class FhirVocabulary {
  private FhirVocabulary() {}

  /** The root of every iptkit canonical URL. */
  public static final String BASE = "https://iptkit.org/fhir";

  /** The canonical URL of the iptkit code system (phases, areas, tasks, techniques, …). */
  public static final String CODE_SYSTEM = BASE + "/CodeSystem/iptkit";

  /** The prefix of every iptkit extension URL, e.g. {@code …/StructureDefinition/phase}. */
  public static final String EXTENSION_BASE = BASE + "/StructureDefinition/";

  /** The prefix of the canonical URL of a protocol profile's PlanDefinition. */
  public static final String PLAN_DEFINITION_BASE = BASE + "/PlanDefinition/";

  /** The identifier system of the host's course id (EpisodeOfCare and CarePlan identifiers). */
  public static final String COURSE_ID_SYSTEM = BASE + "/sid/course-id";

  /** The identifier system of a protocol profile's id (PlanDefinition identifier). */
  public static final String PROTOCOL_ID_SYSTEM = BASE + "/sid/protocol-id";

  /** The identifier system of the pseudonymous patient reference ({@code patientRef}). */
  public static final String PATIENT_REF_SYSTEM = BASE + "/sid/patient-ref";

  /** The identifier system of the pseudonymous therapist reference ({@code therapistRef}). */
  public static final String THERAPIST_REF_SYSTEM = BASE + "/sid/therapist-ref";

  /** The identifier system of the pseudonymous id of a person of the interpersonal inventory. */
  public static final String PERSON_ID_SYSTEM = BASE + "/sid/person-id";

  /**
   * The identifier system of an exported resource in a transaction Bundle: its name-based UUID
   * (of the course id and the resource's place in the course), by which a server tells that the
   * resource is already there ({@code ifNoneExist}).
   */
  public static final String ENTRY_ID_SYSTEM = BASE + "/sid/entry";

  /** SNOMED CT. */
  public static final String SNOMED = "http://snomed.info/sct";

  /** The SNOMED CT concept of interpersonal psychotherapy, the code of every session Procedure. */
  public static final String SNOMED_INTERPERSONAL_PSYCHOTHERAPY = "443730003";

  /** LOINC. */
  public static final String LOINC = "http://loinc.org";

  /** LOINC code of the PHQ-9 total score. */
  public static final String LOINC_PHQ9_TOTAL = "44261-6";

  /** LOINC code of the GAD-7 total score. */
  public static final String LOINC_GAD7_TOTAL = "70274-6";

  /** The AMA CPT code system (the psychotherapy billing code of a session). */
  public static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** UCUM, for minutes and the {@code {session}} annotation unit. */
  public static final String UCUM = "http://unitsofmeasure.org";

  /** HL7 v3 RoleCode, for the relationship of a person of the inventory to the patient. */
  public static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

  /** HL7 v3 ActCode, for the encounter class (ambulatory or virtual). */
  public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  /** The standard extension that marks a required element whose data is absent. */
  public static final String DATA_ABSENT_REASON =
      "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
}
