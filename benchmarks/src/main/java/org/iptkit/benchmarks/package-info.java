/**
 * JMH benchmarks of iptkit, run from {@code benchmarks/target/benchmarks.jar} (see
 * {@code docs/performance.md}): {@link org.iptkit.benchmarks.RulesBenchmark} checks one
 * 16-session course with a built checker, {@link org.iptkit.benchmarks.ReadBenchmark} reads one
 * course document from JSON bytes, {@link org.iptkit.benchmarks.PipelineBenchmark} runs the whole
 * pipeline (NDJSON bytes to courses to fidelity reports to NDJSON bytes) against the floor of a
 * bare Jackson token walk over the same bytes, and {@link org.iptkit.benchmarks.CohortBenchmark}
 * aggregates 100 000 fidelity reports into a cohort report;
 * {@link org.iptkit.benchmarks.CommandLimitsBenchmark} runs the tool's {@code validate},
 * {@code show} and {@code agenda} commands on a course at the document limit under
 * {@code -Xmx256m}.
 *
 * <p>Every input comes from the synthetic-course generator with a fixed seed
 * ({@link org.iptkit.benchmarks.Inputs}), so runs compare like with like. Checkers, readers and
 * writers are built once per trial and reused across courses, as real hosts do.
 *
 * <p>Beside the JMH benchmarks, two command-line harnesses compare figures by thread CPU time
 * within one JVM, which a shared machine's changing speed disturbs less:
 * {@link org.iptkit.benchmarks.PipelineRatio} (the end-to-end ratio to the token walk, round by
 * round) and {@link org.iptkit.benchmarks.PairedBuilds} (the rules of two builds taking turns).
 * {@link org.iptkit.benchmarks.ResultsTable} turns the JSON results of a run of the suite into the
 * rows and targets of the performance page.
 */
package org.iptkit.benchmarks;
