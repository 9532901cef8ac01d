/**
 * Protocol fidelity for IPT courses.
 *
 * <p>A {@link org.iptkit.rules.ProtocolProfile} holds every parameter of a protocol
 * (docs/format.md, Protocol profile); the nine built-in IPT variants are constants of
 * {@link org.iptkit.rules.Protocols}. A
 * {@link org.iptkit.rules.FidelityChecker}, built once per profile and shared freely, checks a
 * {@link org.iptkit.core.TreatmentCourse} against every rule of the
 * {@link org.iptkit.rules.RuleCatalog} (codes S01…N02) and returns a
 * {@link org.iptkit.rules.FidelityReport}: per rule a {@link org.iptkit.rules.RuleResult}
 * (PASS, FINDINGS or NOT_APPLICABLE with a reason), the {@link org.iptkit.rules.Finding findings}
 * with JSON Pointers into the course, a {@link org.iptkit.rules.FidelitySummary} and the
 * {@link org.iptkit.rules.ClinicalOutcome}. Reports deviations; never throws for one.
 *
 * <p>A {@link org.iptkit.rules.CohortReport} aggregates any number of course reports as they
 * stream past (per-rule pass shares, per therapist, response and remission rates); an
 * {@link org.iptkit.rules.Agenda} tells a clinician what is due and overdue in the next session
 * of an ongoing course; a {@link org.iptkit.rules.ProtocolRegistry} holds the built-in and a
 * trial's own profiles, with one cached checker per profile.
 */
@RulesStyle
package org.iptkit.rules;
