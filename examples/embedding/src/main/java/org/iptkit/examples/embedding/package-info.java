/**
 * An EHR-style host of iptkit, as a worked example to copy from.
 *
 * <p>{@link org.iptkit.examples.embedding.EhrEmbeddingExample} maps an EHR's own visit records
 * onto the core builders, asks the agenda what is due before the next session, checks the
 * completed course against a protocol profile with one shared
 * {@link org.iptkit.rules.FidelityChecker} and prints the findings as a clinician would read them,
 * then stores the course as JSON and reads it back. It runs as a test
 * ({@code EhrEmbeddingExampleTest}), so it keeps compiling and working as the library changes.
 */
package org.iptkit.examples.embedding;
