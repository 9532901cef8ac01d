package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.SeverityBand;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.Severity;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

/**
 * The fidelity report of one course in the shape of docs/format.md, Fidelity report: the golden
 * report of the example course of docs/format.md, Course; the example report of docs/format.md
 * read as written; the therapist reference left out; adherence with at most four decimals; and
 * reading back.
 */
class ReportJsonTest {
  static final IptJson JSON = IptJson.strict();
  static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();

  static FidelityReport formatExampleReport() {
    return FidelityChecker.of(Protocols.IPT_ACUTE_16).check(SampleCourses.formatExample());
  }

  @Test
  void reportOfTheFormatExampleCourseIsTheGoldenFile() {
    String golden = FormatExampleTest.resource("format-example-report.golden.json");

    assertThat(PRETTY.writeReport(formatExampleReport()) + "\n").isEqualTo(golden);
  }

  @Test
  void goldenReportReadsBackAndWritesTheSameBytes() {
    String golden = FormatExampleTest.resource("format-example-report.golden.json");
    FidelityReport read = JSON.readReport(golden);

    assertThat(PRETTY.writeReport(read) + "\n").isEqualTo(golden);
    FidelityReport original = formatExampleReport();
    assertThat(read.results()).isEqualTo(original.results());
    assertThat(read.findings()).isEqualTo(original.findings());
    // the format carries the outcome without what only a cohort report uses
    assertThat(read.outcome()).isEqualTo(ReportProperties.asWritten(original).outcome());
    assertThat(read.therapistRef()).isEmpty();
  }

  @Test
  void reportHasTheFieldsOfFormatMdInOrder() {
    String json = JSON.writeReport(formatExampleReport());

    assertThat(json).startsWith("{\"courseId\":\"c-0001\",\"protocol\":\"ipt-acute-16\","
        + "\"status\":\"COMPLETED\",\"summary\":{\"adherence\":");
    assertThat(json).containsSubsequence("\"summary\":", "\"errors\":", "\"warnings\":",
        "\"infos\":", "\"byDomain\":{\"S\":", "\"outcome\":{\"instrument\":\"PHQ9\"",
        "\"results\":[{\"rule\":\"S01\"", "\"findings\":[");
  }

  @Test
  void findingsAreWrittenSortedByPathThenRuleWhateverTheReportsOrder() {
    FidelityReport report = formatExampleReport();
    java.util.List<Finding> reversed = new java.util.ArrayList<>(report.findings());
    java.util.Collections.reverse(reversed);
    FidelityReport unsorted = FidelityReport.builder().from(report).findings(reversed).build();

    assertThat(JSON.writeReport(unsorted)).isEqualTo(JSON.writeReport(report));
    assertThat(ReportWriterTest.write(ReportFormat.CSV, unsorted))
        .isEqualTo(ReportWriterTest.write(ReportFormat.CSV, report));
  }

  @Test
  void therapistReferenceIsNotWritten() {
    FidelityReport report = formatExampleReport();
    assertThat(report.therapistRef()).contains("th-12");

    assertThat(JSON.writeReport(report)).doesNotContain("th-12").doesNotContain("therapist");
  }

  @Test
  void formatMdReportExampleReadsAsWritten() {
    FidelityReport example = JSON.readReport(FormatExampleTest.resource("format-example-report.json"));

    assertThat(example.courseId()).isEqualTo("c-0001");
    assertThat(example.protocol()).isEqualTo("ipt-acute-16");
    assertThat(example.status()).isEqualTo(CourseStatus.COMPLETED);
    assertThat(example.summary().adherence()).isEqualTo(0.93);
    assertThat(example.summary().errors()).isEqualTo(1);
    assertThat(example.summary().warnings()).isEqualTo(2);
    assertThat(example.summary().byDomain()).hasSize(8)
        .containsEntry(RuleDomain.I, 0.89).containsEntry(RuleDomain.T, 0.67);
    assertThat(example.outcome().instrument()).isEqualTo(Instrument.PHQ9);
    assertThat(example.outcome().baseline()).hasValue(15);
    assertThat(example.outcome().change()).hasValue(-9);
    assertThat(example.outcome().baselineBand()).contains(SeverityBand.MODERATELY_SEVERE);
    assertThat(example.outcome().lastBand()).contains(SeverityBand.MILD);
    assertThat(example.outcome().response()).contains(true);
    assertThat(example.outcome().remission()).contains(false);
    assertThat(example.outcome().completer()).contains(true);
    assertThat(example.results()).extracting(RuleResult::rule, RuleResult::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("M04", RuleOutcome.FINDINGS),
            org.assertj.core.groups.Tuple.tuple("E04", RuleOutcome.NOT_APPLICABLE));
    assertThat(example.results().get(0).findings()).isEqualTo(example.findings());
    assertThat(example.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("M04");
      assertThat(f.name()).isEqualTo("safety-item-followed-up");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.path()).isEqualTo("/sessions/6/measures/0");
    });
  }

  @Test
  void adherenceIsWrittenWithAtMostFourDecimals() {
    FidelityReport report = withAdherence(formatExampleReport(), 2.0 / 3.0);

    assertThat(JSON.writeReport(report)).contains("\"adherence\":0.6667,");
    assertThat(JSON.writeReport(withAdherence(report, 1.0))).contains("\"adherence\":1.0,");
    assertThat(JSON.writeReport(withAdherence(report, 0.0))).contains("\"adherence\":0.0,");
    assertThat(JSON.writeReport(withAdherence(report, 0.00004))).contains("\"adherence\":0.0,");
    assertThat(JSON.writeReport(withAdherence(report, 0.00005))).contains("\"adherence\":0.0001,");
    assertThat(JSON.writeReport(withAdherence(report, 0.125))).contains("\"adherence\":0.125,");
  }

  private static FidelityReport withAdherence(FidelityReport report, double adherence) {
    return FidelityReport.builder().from(report)
        .summary(org.iptkit.rules.FidelitySummary.builder().from(report.summary())
            .adherence(adherence).build())
        .build();
  }

  @Test
  void referenceCourseWithFindingsRoundTripsThroughAStream() {
    FidelityReport report = FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .check(ReferenceCourses.withoutTask(ReferenceCourses.acute16(),
            org.iptkit.core.SessionTask.PSYCHOEDUCATION));
    assertThat(report.findings()).isNotEmpty();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeReport(report, out);
    FidelityReport read = JSON.readReport(new ByteArrayInputStream(out.toByteArray()));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JSON.writeReport(report));
    assertThat(read.findings()).isEqualTo(report.findings());
    assertThat(read.results()).isEqualTo(report.results());
    assertThat(read.findings()).extracting(Finding::rule).contains("I02");
  }
}
