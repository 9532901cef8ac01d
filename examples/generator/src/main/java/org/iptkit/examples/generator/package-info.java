/**
 * Synthetic IPT courses with ground truth.
 *
 * <p>{@link org.iptkit.examples.generator.CourseGenerator} builds realistic
 * {@link org.iptkit.core.TreatmentCourse courses} for the built-in protocol profiles (or for any
 * given ones): weekly or monthly sessions with holiday weeks and a few missed appointments, the
 * IPT phases with their tasks, an interpersonal inventory, one or two problem areas with their
 * strategies, a formulation and a contract, and symptom-score trajectories of responders, partial
 * responders and non-responders with the safety follow-ups the protocol asks for. Generation is
 * deterministic per seed and course index, so it can be split across threads and repeated.
 *
 * <p>With a deviation rate above zero, some courses carry one or two known protocol deviations.
 * Each {@link org.iptkit.examples.generator.GeneratedCourse} lists them as
 * {@link org.iptkit.examples.generator.InjectedDeviation}s: the
 * {@link org.iptkit.examples.generator.DeviationKind kind}, the rule code it must trigger and the
 * session where the deviation sits. This is the ground truth against which the library's
 * fidelity rules are measured.
 *
 * <pre>{@code
 * CourseGenerator generator = CourseGenerator.builder().seed(42).deviationRate(0.3).build();
 * generator.stream(1_000).forEach(generated -> {
 *   FidelityReport report = FidelityChecker.of(generated.profile()).check(generated.course());
 *   // compare report.findings() with generated.deviations()
 * });
 * }</pre>
 */
package org.iptkit.examples.generator;
