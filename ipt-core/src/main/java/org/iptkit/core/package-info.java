/**
 * The immutable model of an IPT course of treatment.
 *
 * <p>A {@link org.iptkit.core.TreatmentCourse} is the aggregate: its treatment
 * {@link org.iptkit.core.Contract contracts}, the {@link org.iptkit.core.InterpersonalInventory
 * interpersonal inventories} (dated snapshots of the patient's social network of
 * {@link org.iptkit.core.Person people}), the chosen {@link org.iptkit.core.ProblemArea problem
 * areas} ({@link org.iptkit.core.Grief}, {@link org.iptkit.core.RoleDispute},
 * {@link org.iptkit.core.RoleTransition}, {@link org.iptkit.core.InterpersonalDeficits}), the
 * shared {@link org.iptkit.core.Formulation}, the {@link org.iptkit.core.Session sessions} with
 * their {@link org.iptkit.core.Phase phase}, {@link org.iptkit.core.SessionTask tasks} and
 * {@link org.iptkit.core.Technique techniques}, symptom {@link org.iptkit.core.Measure measures}
 * scored by their {@link org.iptkit.core.Instrument instrument}, and observer
 * {@link org.iptkit.core.FidelityRating fidelity ratings}.
 *
 * <p>Every type is an immutable value built with its own builder
 * ({@code Session.builder()…build()}), copied with {@code Session.copyOf(…)} and changed with
 * {@code with*} ({@code session.withMinutes(50)}); the classes Immutables generates behind them
 * are not part of the API. Construction rejects impossible data (a PHQ-9 item scored 4, a session
 * numbered 0, a no-show session with minutes, an ONGOING course with an end date), a required
 * value left out and a {@code null} element, always with an
 * {@link org.iptkit.core.InvalidValueException} that names the field and says what was
 * expected; whether a course follows its protocol is judged by the rules module, not here.
 * Patient references and free text never appear in {@code toString()} or in a message.
 *
 * <p>A partly answered PHQ-9 or GAD-7 (an unanswered item is {@code null}) has a prorated total
 * when at most two items, none of them the safety item, are unanswered; see
 * {@link org.iptkit.core.Measure}.
 *
 * <p>The network helpers ({@link org.iptkit.core.NetworkMetrics},
 * {@link org.iptkit.core.NetworkComparison}) answer whether the patient's social support grew
 * between the first and the last inventory; the outcome helpers
 * ({@link org.iptkit.core.SymptomChange}) give baseline, last score, response and remission.
 */
@IptStyle
package org.iptkit.core;
