/**
 * Reliability and privacy tests of iptkit across its modules: a hostile-input corpus the strict
 * course reader must refuse with located errors, Jazzer fuzz tests of the reader and the fidelity
 * checker (regression runs over committed inputs in a normal build), batch integrity over a large
 * NDJSON export, concurrency and determinism of the shared checker and JSON layer, and canary
 * checks that no patient identifier or free text leaks into messages, reports or printed output.
 */
package org.iptkit.it;
