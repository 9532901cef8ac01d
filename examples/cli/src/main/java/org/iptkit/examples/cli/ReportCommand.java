package org.iptkit.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iptkit.examples.cli.html.CohortPage;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.TherapistSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt report}: the cohort report of the input for researchers — courses by status,
 * completers, sessions attended, per-rule pass rates, response and remission rates, the courses
 * with ERROR findings, and with {@code --by therapist} the same per therapist — as text, JSON,
 * CSV or one self-contained HTML page with charts. Memory stays constant: only counts are kept.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write the cohort fidelity report of course documents.")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  @Mixin
  ProfileOptions profile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, csv (per-rule pass rates) or html (one self-contained page "
          + "with charts); default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--by", paramLabel = "GROUP",
      description = "therapist: add adherence and rule pass rates per therapist.")
  String by;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Course files, "
      + "directories, or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    String chosenFormat = Choices.of(spec, "--format", format, "text", "json", "csv", "html");
    if (by != null) {
      Choices.of(spec, "--by", by, "therapist");
    }
    boolean byTherapist = by != null;
    CourseChecks checks = profile.checks();
    CohortReport.Accumulator cohort = CohortReport.accumulator();
    Trajectories trajectories = new Trajectories();
    boolean html = chosenFormat.equals("html");
    Diagnostics diagnostics = BatchRun.run(ipt, checks, 1, paths, checked -> {
      cohort.add(checked.report());
      if (html) {
        trajectories.add(checked.course(), checked.checker().profile().primaryInstrument());
      }
    });
    CohortReport report = cohort.build();
    try (Output output = Output.of(ipt.io(), null)) {
      switch (chosenFormat) {
        case "text" -> TextReports.cohort(report, byTherapist, diagnostics.unreadableRecords(),
            output);
        case "json" -> {
          output.print(Json.PRETTY.writeCohortReport(byTherapist ? report
              : withoutTherapists(report)));
          output.line("");
        }
        case "csv" -> csv(report, byTherapist, output);
        default -> output.print(CohortPage.render(report, trajectories, byTherapist,
            diagnostics.unreadableRecords()));
      }
    }
    return ExitCodes.of(diagnostics.anyUnreadable(), false);
  }

  /** The header of the CSV of per-rule pass rates. */
  static final String CSV_HEADER = "scope,therapist,rule,name,applicable,passed,pass_rate";
  /** CSV rows end in CR LF (RFC 4180), as in {@code validate --format csv}. */
  private static final String CRLF = "\r\n";

  /** The report without the per-therapist part: therapist references only when asked for. */
  static CohortReport withoutTherapists(CohortReport report) {
    return report.withTherapists(List.of());
  }

  /**
   * Per-rule pass rates as CSV, one row per rule for the cohort and, with {@code --by
   * therapist}, one per therapist and rule; the pass rate has four decimals and is empty when
   * the rule applied to no course.
   */
  static void csv(CohortReport report, boolean byTherapist, Output out) {
    out.print(CSV_HEADER + CRLF);
    for (RuleTally tally : report.rules()) {
      out.print(csvRow("cohort", "", tally) + CRLF);
    }
    if (byTherapist) {
      for (TherapistSummary therapist : report.therapists()) {
        for (RuleTally tally : therapist.rules()) {
          out.print(csvRow("therapist", therapist.therapistRef().orElse(""), tally) + CRLF);
        }
      }
    }
  }

  private static String csvRow(String scope, String therapist, RuleTally tally) {
    return scope + "," + ReportWriter.csvField(therapist) + "," + tally.rule() + ","
        + TextReports.ruleName(tally.rule()) + "," + tally.applicable() + "," + tally.passed()
        + "," + (tally.share().isPresent()
            ? String.format(Locale.ROOT, "%.4f", tally.share().getAsDouble()) : "");
  }
}
