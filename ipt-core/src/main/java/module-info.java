/**
 * The iptkit core model: an immutable record of an Interpersonal Psychotherapy (IPT) course of
 * treatment, the interpersonal inventory (the patient's social network) and symptom-measure
 * scoring. It has no I/O and no dependencies at run time.
 */
module org.iptkit.core {
  requires static org.immutables.value.annotations;

  exports org.iptkit.core;
}
