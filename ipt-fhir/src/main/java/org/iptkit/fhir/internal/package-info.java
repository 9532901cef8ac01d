/**
 * The workings of the FHIR layer, not part of the API: the course exporter and importer, the
 * PlanDefinition and OperationOutcome builders, the iptkit terminology and extension catalog
 * ({@code Ext}) from which the StructureDefinitions are generated, deterministic ids, and the
 * rewording of parse errors so they quote no value. Use {@link org.iptkit.fhir.IptFhir} instead.
 */
package org.iptkit.fhir.internal;
