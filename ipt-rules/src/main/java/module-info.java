/**
 * The iptkit fidelity rules: protocol profiles (built-in IPT variants and custom trial
 * protocols), the rule catalog S01…N02, the checker that produces a per-course fidelity report,
 * cohort reports and the next-session agenda.
 */
module org.iptkit.rules {
  requires transitive org.iptkit.core;
  // Transitive only because FidelityReport.toValidation, the bridge for Vavr users, returns a
  // Vavr Validation; no other public signature names a Vavr type.
  requires transitive io.vavr;
  requires static org.immutables.value.annotations;

  exports org.iptkit.rules;
}
