package org.iptkit.examples.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.iptkit.examples.cli.html.CohortPage;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.Proportion;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.TherapistSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt report}: the cohort report of the input for researchers — courses by status,
 * sessions attended, outcome rates over explicit denominators with 95 % Wilson intervals, per-rule
 * pass rates, observer ratings and their inter-rater reliability, the courses with ERROR
 * findings, and with {@code --by therapist} the same per therapist — as text, JSON, CSV (per-rule
 * pass rates, or with {@code --table courses} one row per course) or one self-contained HTML page
 * with charts. Memory stays bounded: only counts are kept, and JSON and HTML are streamed.
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
      description = "text, json, csv (a table: see --table) or html (one self-contained page "
          + "with charts); default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--by", paramLabel = "GROUP",
      description = "therapist: add adherence, outcomes, ratings and rule pass rates per "
          + "therapist.")
  String by;

  @Option(names = "--table", paramLabel = "TABLE",
      description = "With --format csv: rules (per-rule pass rates with 95% Wilson intervals, "
          + "the default) or courses (the per-course table, one row per course).")
  String table;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Course files, "
      + "directories, or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    String chosenFormat = Choices.of(spec, "--format", format, "text", "json", "csv", "html");
    if (by != null) {
      Choices.of(spec, "--by", by, "therapist");
    }
    String chosenTable = table == null ? "rules"
        : Choices.of(spec, "--table", table, "rules", "courses");
    if (table != null && !chosenFormat.equals("csv")) {
      throw new ParameterException(spec.commandLine(),
          "--table applies to --format csv only");
    }
    boolean byTherapist = by != null;
    CourseChecks checks = profile.checks();
    if (chosenTable.equals("courses")) {
      return courseTable(checks, byTherapist);
    }
    CohortReport.Accumulator cohort = CohortReport.accumulator();
    Trajectories trajectories = new Trajectories();
    boolean html = chosenFormat.equals("html");
    Diagnostics diagnostics = BatchRun.run(ipt, checks, 1, paths, checked -> {
      cohort.add(checked.report());
      if (html) {
        trajectories.add(checked.course(), checked.checker().profile().id(),
            checked.checker().profile().primaryInstrument());
      }
    });
    CohortReport report = cohort.build();
    try (Output output = Output.of(ipt.io(), null)) {
      switch (chosenFormat) {
        case "text" -> TextReports.cohort(report, byTherapist, diagnostics.unreadableRecords(),
            output);
        case "json" -> {
          // streamed: a cohort of many therapists is never one string
          Json.PRETTY.writeCohortReport(byTherapist ? report : report.withoutTherapists(),
              output.stream());
          output.line("");
        }
        case "csv" -> csv(report, byTherapist, output);
        default -> CohortPage.render(report, trajectories, byTherapist,
            diagnostics.unreadableRecords(), output.text());
      }
    }
    return ExitCodes.of(diagnostics.anyUnreadable(), false);
  }

  /** The per-course table, one row written as each course is checked. */
  private Integer courseTable(CourseChecks checks, boolean byTherapist) {
    Diagnostics diagnostics;
    try (Output output = Output.of(ipt.io(), null);
        ReportWriter rows = Json.PRETTY.courseTableWriter(output.stream(), byTherapist)) {
      diagnostics = BatchRun.run(ipt, checks, 1, paths, checked -> rows.write(checked.report()));
    }
    return ExitCodes.of(diagnostics.anyUnreadable(), false);
  }

  /** The header of the CSV of per-rule pass rates. */
  static final String CSV_HEADER =
      "scope,therapist,rule,name,applicable,passed,pass_rate,lower,upper";
  /** CSV rows end in CR LF (RFC 4180), as in {@code validate --format csv}. */
  private static final String CRLF = "\r\n";

  /**
   * Per-rule pass rates as CSV, one row per rule for the cohort and, with {@code --by
   * therapist}, one per therapist and rule; the pass rate and its 95 % Wilson interval have four
   * decimals and are empty when the rule applied to no course.
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
    Proportion share = tally.proportion();
    return scope + "," + (therapist.isEmpty() ? "" : ReportWriter.csvField(therapist)) + ","
        + ReportWriter.csvField(tally.rule()) + ","
        + ReportWriter.csvField(TextReports.ruleName(tally.rule())) + "," + tally.applicable()
        + "," + tally.passed() + "," + fourDecimals(share.rate()) + ","
        + fourDecimals(share.lower()) + "," + fourDecimals(share.upper());
  }

  private static String fourDecimals(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.4f", value.getAsDouble()) : "";
  }
}
