/**
 * An IPT course in HL7 FHIR R4, built on HAPI FHIR.
 *
 * <p>{@link org.iptkit.fhir.IptFhir} is the entry point. It writes a
 * {@link org.iptkit.core.TreatmentCourse} as a FHIR {@code Bundle} of type collection (an
 * EpisodeOfCare, a CarePlan that instantiates the protocol's PlanDefinition, a Goal per contract
 * goal, a RelatedPerson per person of each interpersonal inventory, an Encounter per session, a
 * Procedure coded SNOMED CT 443730003 per attended session and an Observation per symptom
 * measure) and reads such a Bundle back, so that export then import gives the same course. It
 * also writes each {@link org.iptkit.rules.ProtocolProfile} as a {@code PlanDefinition}, a
 * {@link org.iptkit.rules.FidelityReport} as an {@code OperationOutcome}, and the iptkit
 * {@code CodeSystem} and extension {@code StructureDefinition}s, so the whole can be loaded into a
 * FHIR server. It also reads what EHRs hold: PHQ-9, GAD-7 and EPDS as LOINC panels, totals or
 * QuestionnaireResponses, Encounters of the episode, the patient by a literal reference or the
 * host's identifier system ({@link org.iptkit.fhir.IptFhir#importBundle}), saying in
 * {@link org.iptkit.fhir.FhirImportWarning}s what it left out.
 * {@link org.iptkit.fhir.FhirVocabulary} names every URL and code system used;
 * {@link org.iptkit.fhir.FhirMappingException} reports a Bundle that is not a course, with the
 * entry and a FHIRPath-like location and never a patient reference or free text.
 *
 * <p>The patient appears only as the pseudonymous {@code patientRef}, an identifier: no Patient
 * resource and no demographics are invented. The mapping table is in {@code docs/fhir.md}.
 *
 * <p>This module has no {@code module-info}: HAPI FHIR 8 ships as plain jars whose localisation
 * uses {@code ResourceBundle.Control}, which the JDK refuses in a named module, so HAPI cannot run
 * on the module path. The jar declares the automatic module name {@code org.iptkit.fhir}; put HAPI
 * on the class path (docs/fhir.md, "Java modules").
 */
package org.iptkit.fhir;
