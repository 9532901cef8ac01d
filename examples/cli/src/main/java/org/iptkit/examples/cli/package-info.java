/**
 * The {@code ipt} command-line tool: a host application of iptkit for researchers and data teams
 * that reads course documents, checks them for fidelity to their IPT protocol profile and writes
 * reports (docs/cli.md).
 *
 * <p>{@link org.iptkit.examples.cli.Ipt} is the top command with one class per subcommand
 * ({@code validate}, {@code report}, {@code agenda}, {@code show}, {@code generate},
 * {@code rules}, {@code protocols}, {@code schema}, {@code fhir}); {@link org.iptkit.examples.cli.Main} starts
 * it. Input is streamed by the library's batch reader and checked in input order on one or more
 * threads with a bounded number of records in flight, so memory does not grow with the number
 * of courses. A bad record is reported on standard error with its file, line and JSON Pointer
 * and the run goes on; exit codes are those of {@link org.iptkit.examples.cli.ExitCodes}.
 *
 * <p>Extension point: a further subcommand is a picocli
 * {@code @Command} class in this package, listed in the {@code subcommands} of
 * {@link org.iptkit.examples.cli.Ipt}; it reaches the run's streams through
 * {@code @ParentCommand Ipt} and can reuse the {@code --protocol} options as a {@code @Mixin}.
 *
 * <pre>{@code
 * int exitCode = Ipt.run(Io.system(), "validate", "--format", "ndjson", "export/");
 * }</pre>
 *
 * <p>The module has no {@code module-info}: the tool ships as one shaded jar run on the class
 * path, where a module descriptor would not apply, and picocli fills the commands' fields by
 * reflection.
 */
package org.iptkit.examples.cli;
