/**
 * Internals of the rules module, not exported: the rule definitions by domain
 * ({@code StructureRules} … {@code InventoryRules}), the per-course {@code CourseFacts} computed
 * once per check, and {@code Evaluation}, which accumulates a rule's deviations on Vavr
 * collections.
 */
package org.iptkit.rules.internal;
