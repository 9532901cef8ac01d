package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.RuleDomain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report → JSON → report is the identity up to what the format leaves out on purpose (the
 * therapist reference) and rounds (ratios to four decimals); writing is deterministic, and the
 * streaming writers hold exactly the single reports.
 */
class ReportProperties {
  private static final IptJson COMPACT = IptJson.strict();
  private static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();

  @Provide
  Arbitrary<FidelityReport> reports() {
    return JsonArbitraries.reports();
  }

  /**
   * The report as the format carries it: no therapist reference, ratios to four decimals, and
   * none of what only a cohort report uses (observer ratings, the maintenance flags of the
   * outcome).
   */
  static FidelityReport asWritten(FidelityReport report) {
    Map<RuleDomain, Double> byDomain = new EnumMap<>(RuleDomain.class);
    report.summary().byDomain().forEach((domain, value) -> byDomain.put(domain, round(value)));
    return FidelityReport.builder().from(report)
        .therapistRef(Optional.empty())
        .ratings(org.iptkit.rules.ObserverRatings.none())
        .outcome(org.iptkit.rules.ClinicalOutcome.builder().from(report.outcome())
            .maintenanceOnly(false)
            .stayedBelowCutOff(Optional.empty())
            .deteriorated(Optional.empty())
            .build())
        .summary(FidelitySummary.builder().from(report.summary())
            .adherence(round(report.summary().adherence()))
            .byDomain(byDomain)
            .build())
        .build();
  }

  private static double round(double value) {
    return new BigDecimal(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  @Property(tries = 200)
  void writtenReportReadsBackAsWritten(@ForAll("reports") FidelityReport report) {
    FidelityReport read = COMPACT.readReport(COMPACT.writeReport(report));

    assertThat(read).isEqualTo(asWritten(report));
    assertThat(COMPACT.readReport(PRETTY.writeReport(report))).isEqualTo(read);
  }

  @Property(tries = 200)
  void writingAReportIsDeterministic(@ForAll("reports") FidelityReport report) {
    String first = PRETTY.writeReport(report);

    assertThat(PRETTY.writeReport(report)).isEqualTo(first);
    assertThat(PRETTY.writeReport(COMPACT.readReport(first))).isEqualTo(first);
  }

  @Property(tries = 200)
  void ratiosHaveAtMostFourDecimals(@ForAll("reports") FidelityReport report) {
    JsonNode summary = JsonMapper.shared().readTree(COMPACT.writeReport(report)).get("summary");

    assertThat(decimals(summary.get("adherence"))).isBetween(1, 4);
    summary.get("byDomain").forEach(value -> assertThat(decimals(value)).isBetween(1, 4));
  }

  private static int decimals(JsonNode number) {
    String text = number.toString();
    assertThat(text).matches("[01]\\.[0-9]+");
    return text.length() - 2;
  }

  @Property(tries = 30)
  void streamedReportsAreTheSingleReports(
      @ForAll @Size(max = 5) List<@net.jqwik.api.From("reports") FidelityReport> reports) {
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    ByteArrayOutputStream array = new ByteArrayOutputStream();
    try (ReportWriter lines = COMPACT.reportWriter(ndjson, ReportFormat.NDJSON);
        ReportWriter json = COMPACT.reportWriter(array, ReportFormat.JSON_ARRAY)) {
      for (FidelityReport report : reports) {
        lines.write(report);
        json.write(report);
      }
    }
    List<String> expected = reports.stream().map(COMPACT::writeReport).toList();

    assertThat(ndjson.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(expected);
    JsonNode parsed = JsonMapper.shared().readTree(array.toString(StandardCharsets.UTF_8));
    assertThat(parsed.size()).isEqualTo(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      assertThat(COMPACT.readReport(parsed.get(i).toString()))
          .isEqualTo(asWritten(reports.get(i)));
    }
  }

  @Property(tries = 50)
  void csvHasOneRowPerFinding(
      @ForAll @Size(max = 5) List<@net.jqwik.api.From("reports") FidelityReport> reports) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReportWriter csv = COMPACT.reportWriter(out, ReportFormat.CSV)) {
      reports.forEach(csv::write);
    }
    long findings = reports.stream().mapToLong(r -> r.findings().size()).sum();
    String text = out.toString(StandardCharsets.UTF_8);

    // rule messages hold no line breaks, so each row is one CRLF-terminated line
    assertThat(text.split("\r\n", -1)).hasSize((int) findings + 2);
    assertThat(text).startsWith(ReportWriter.CSV_HEADER + "\r\n").endsWith("\r\n");
  }
}
