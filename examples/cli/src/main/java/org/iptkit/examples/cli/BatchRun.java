package org.iptkit.examples.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One pass over the input of a checking command: splits the input of every path into records,
 * reads (parses) and checks them on the requested number of threads, reports bad records on standard error as they come (and
 * goes on), shows progress for long runs on a terminal, and hands every checked course to the
 * command's output in input order.
 */
final class BatchRun {
  private BatchRun() {}

  /**
   * Checks every record of {@code paths} and gives each checked course to {@code sink}.
   *
   * @return what went wrong with the input, for the exit code
   * @throws UserException when a path does not exist
   */
  static Diagnostics run(Ipt ipt, CourseChecks checks, int threads, List<String> paths,
      Consumer<Checked> sink) {
    return run(ipt, checks, threads, paths, UnaryOperator.identity(), sink);
  }

  /**
   * Checks every record of {@code paths}, runs {@code finish} on each checked course on the
   * thread that checked it, and gives each to {@code sink}.
   *
   * @return what went wrong with the input, for the exit code
   * @throws UserException when a path does not exist
   */
  static Diagnostics run(Ipt ipt, CourseChecks checks, int threads, List<String> paths,
      UnaryOperator<Checked> finish, Consumer<Checked> sink) {
    Diagnostics diagnostics = new Diagnostics(ipt.io().err(), ipt.debug());
    Progress progress = Progress.of(ipt.io());
    diagnostics.beforeEachMessage(progress::done);
    long[] seen = new long[1];
    try (RecordSource records = RecordSource.of(paths, ipt.io().in(), diagnostics)) {
      new CheckPipeline(threads, checks, finish).run(records, checked -> {
        seen[0]++;
        progress.update(seen[0]);
        if (checked.reportProblems(diagnostics)) {
          sink.accept(checked);
        }
      });
    } finally {
      diagnostics.finish();
      progress.done();
    }
    return diagnostics;
  }
}
