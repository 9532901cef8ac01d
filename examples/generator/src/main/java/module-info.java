/**
 * The iptkit synthetic-course generator: realistic, reproducible IPT courses for every protocol
 * profile, optionally with known protocol deviations injected as ground truth for the fidelity
 * rules. It has no I/O: hosts (the {@code ipt generate} command, tests, benchmarks) write the
 * courses out themselves.
 */
module org.iptkit.examples.generator {
  requires transitive org.iptkit.core;
  requires transitive org.iptkit.rules;

  exports org.iptkit.examples.generator;
}
