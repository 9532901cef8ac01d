package org.iptkit.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.iptkit.json.internal.EncodedReport;
import org.iptkit.json.internal.ToolPlumbing;
import org.iptkit.json.IptJson;
import org.iptkit.json.ReportFormat;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt validate}: checks every course of the input against its protocol profile and writes
 * the findings — as text blocks with a closing summary line, or as JSON, NDJSON or CSV for
 * pipelines — and exits 1 when a finding is at or above {@code --fail-on}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Check course documents for fidelity to their IPT protocol profile.",
        "PATH is a .json file (one course or an array), an .ndjson/.jsonl file, a directory "
            + "(read recursively, in sorted order) or - for standard input."})
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  @Mixin
  ProfileOptions profile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json (an array of reports), ndjson (one report per line) or csv "
          + "(one finding per row); default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Exit with 1 when a finding is at or above this severity: error, warning "
          + "or never; default: ${DEFAULT-VALUE}.")
  String failOn;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Check on N threads; the output keeps the input order. Default: "
          + "${DEFAULT-VALUE}.")
  int threads;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Course files, "
      + "directories, or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    String chosenFormat = Choices.of(spec, "--format", format, "text", "json", "ndjson", "csv");
    String threshold = Choices.of(spec, "--fail-on", failOn, "error", "warning", "never");
    Choices.threads(spec, threads);
    Severity failSeverity = switch (threshold) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      default -> null;
    };
    CourseChecks checks = profile.checks();
    long[] counts = new long[3];
    boolean[] failing = new boolean[1];
    Diagnostics diagnostics;
    try (Output output = Output.of(ipt.io(), null)) {
      ReportSink sink = switch (chosenFormat) {
        case "text" -> new TextSink(output);
        case "json" -> new JsonSink(output, ReportFormat.JSON_ARRAY);
        case "ndjson" -> new JsonSink(output, ReportFormat.NDJSON);
        default -> new JsonSink(output, ReportFormat.CSV);
      };
      // JSON, NDJSON and CSV reports are encoded on the thread that checked the course.
      UnaryOperator<Checked> finish = sink instanceof JsonSink json
          ? checked -> checked.withEncoded(json.encode(checked.report()))
          : UnaryOperator.identity();
      diagnostics = BatchRun.run(ipt, checks, threads, paths, finish, checked -> {
        FidelityReport report = checked.report();
        counts[0]++;
        counts[1] += report.summary().errors();
        counts[2] += report.summary().warnings();
        if (failSeverity != null && report.hasFindingsAtLeast(failSeverity)) {
          failing[0] = true;
        }
        sink.write(checked);
      });
      sink.finish(counts[0] + " courses, " + counts[1] + " errors, " + counts[2]
          + " warnings, " + diagnostics.unreadableRecords() + " unreadable");
    }
    return ExitCodes.of(diagnostics.anyUnreadable(), failing[0]);
  }

  /** Where the reports of {@code validate} go, one at a time. */
  private interface ReportSink {
    void write(Checked checked);

    void finish(String summary);
  }

  /** One block per course with findings, then the summary line. */
  private static final class TextSink implements ReportSink {
    private final Output output;

    TextSink(Output output) {
      this.output = output;
    }

    @Override
    public void write(Checked checked) {
      FidelityReport report = checked.report();
      if (report.findings().isEmpty()) {
        return;
      }
      output.line(TextReports.courseHeading(report));
      TextReports.findings(report, output);
      output.line("");
    }

    @Override
    public void finish(String summary) {
      output.line(summary);
    }
  }

  /** A JSON array, NDJSON or CSV, written by the JSON layer's streaming report writer. */
  private static final class JsonSink implements ReportSink {
    private final ReportWriter writer;

    JsonSink(Output output, ReportFormat format) {
      this.writer = IptJson.strict().reportWriter(output.stream(), format);
    }

    /** The report encoded for this output; may be called from any thread. */
    EncodedReport encode(FidelityReport report) {
      return ToolPlumbing.encode(writer, report);
    }

    @Override
    public void write(Checked checked) {
      if (checked.encoded() != null) {
        ToolPlumbing.write(writer, checked.encoded());
      } else {
        writer.write(checked.report());
      }
    }

    @Override
    public void finish(String summary) {
      writer.close();
    }
  }
}
