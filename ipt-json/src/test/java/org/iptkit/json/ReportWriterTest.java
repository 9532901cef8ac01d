package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.Severity;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming report writers of the command-line tool: a JSON array, NDJSON and CSV with one
 * finding per row, RFC 4180 quoting, deterministic bytes, and a clean end of output.
 */
class ReportWriterTest {
  static final IptJson JSON = IptJson.strict();

  static FidelityReport clean() {
    return FidelityChecker.of(Protocols.IPT_ACUTE_16).check(ReferenceCourses.acute16());
  }

  static FidelityReport withFindings() {
    return ReportJsonTest.formatExampleReport();
  }

  /** A report with one finding whose message holds a comma, quotes and a line break. */
  static FidelityReport awkward() {
    Finding finding = Finding.builder().rule("S06").name("session-length").severity(Severity.INFO)
        .path("/sessions/0/minutes").session(1).protocolPath("/sessionMinutes")
        .message("minutes \"70\", above 60,\nsee the \"protocol\"\r\nend").build();
    List<RuleResult> results = new ArrayList<>();
    for (RuleResult result : clean().results()) {
      results.add(result.rule().equals("S06")
          ? RuleResult.builder().rule("S06").outcome(RuleOutcome.FINDINGS).addFinding(finding)
              .build()
          : result);
    }
    return FidelityReport.builder().from(clean()).courseId("c,\"42\"")
        .results(results).findings(List.of(finding)).build();
  }

  static String write(ReportFormat format, FidelityReport... reports) {
    return write(JSON, format, reports);
  }

  static String write(IptJson json, ReportFormat format, FidelityReport... reports) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReportWriter writer = json.reportWriter(out, format)) {
      for (FidelityReport report : reports) {
        writer.write(report);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonArrayHoldsEveryReportOnItsOwnLine() {
    String text = write(ReportFormat.JSON_ARRAY, withFindings(), clean());

    assertThat(text).isEqualTo("[\n" + JSON.writeReport(withFindings()) + ",\n"
        + JSON.writeReport(clean()) + "\n]\n");
    JsonNode array = JsonMapper.shared().readTree(text);
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(2);
  }

  @Test
  void prettyJsonArrayIndentsEachReportAndIsStillOneArray() {
    IptJson pretty = IptJson.builder().prettyPrint(true).build();
    String text = write(pretty, ReportFormat.JSON_ARRAY, withFindings(), clean());

    assertThat(text).startsWith("[\n{\n  \"courseId\"");
    assertThat(JsonMapper.shared().readTree(text).size()).isEqualTo(2);
  }

  /** The report of {@link #clean()} with rule {@code code}'s result NOT_APPLICABLE for {@code reason}. */
  static FidelityReport notApplicable(String code, String reason) {
    List<RuleResult> results = new ArrayList<>();
    for (RuleResult result : clean().results()) {
      results.add(result.rule().equals(code) ? RuleResult.builder().rule(code)
          .outcome(RuleOutcome.NOT_APPLICABLE).reason(reason).build() : result);
    }
    return FidelityReport.builder().from(clean()).results(results).build();
  }

  @Test
  void reasonsAndRuleCodesAreWrittenAsGivenWhateverWasWrittenBefore() {
    // Rule codes and reasons are written from pre-encoded text: a changed reason, an equal
    // reason in another string, text that needs escaping and a code outside the catalog must
    // each come out exactly as given.
    String first = "no maintenance sessions";
    FidelityReport[] reports = {
        notApplicable("E06", first),
        notApplicable("E06", "no session was held after \"ending\" — ñ"),
        notApplicable("E06", new String(first.toCharArray())),
        notApplicable("E06", first)};
    String text = write(ReportFormat.NDJSON, reports);
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(4);
    for (int i = 0; i < reports.length; i++) {
      JsonNode e06 = JsonMapper.shared().readTree(lines[i]).get("results").get(40);
      assertThat(e06.get("rule").asString()).isEqualTo("E06");
      assertThat(e06.get("reason").asString())
          .isEqualTo(reports[i].results().get(40).reason().orElseThrow());
    }
    assertThat(lines[1]).contains("\"no session was held after \\\"ending\\\" — ñ\"");
  }

  @Test
  void reportsEncodedOnOtherThreadsAreWrittenAsTheReportsThemselvesWouldBe() throws Exception {
    FidelityReport[] reports = {withFindings(), clean(), awkward(), withFindings()};
    IptJson pretty = IptJson.builder().prettyPrint(true).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      for (IptJson json : new IptJson[] {JSON, pretty}) {
        for (ReportFormat format : ReportFormat.values()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (ReportWriter writer = json.reportWriter(out, format)) {
            List<java.util.concurrent.Future<EncodedReport>> encoded = new ArrayList<>();
            for (FidelityReport report : reports) {
              encoded.add(pool.submit(() -> writer.encode(report)));
            }
            for (java.util.concurrent.Future<EncodedReport> report : encoded) {
              writer.write(report.get());
            }
          }
          assertThat(out.toString(StandardCharsets.UTF_8)).as(format.toString())
              .isEqualTo(write(json, format, reports));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void encodedAndPlainReportsMixInOneOutput() {
    for (ReportFormat format : ReportFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ReportWriter writer = JSON.reportWriter(out, format)) {
        writer.write(writer.encode(withFindings()));
        writer.write(clean());
        writer.write(writer.encode(awkward()));
        assertThat(writer.written()).isEqualTo(3);
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).as(format.toString())
          .isEqualTo(write(format, withFindings(), clean(), awkward()));
    }
  }

  @Test
  void anEncodedReportIsWrittenOnlyInItsOwnFormatAndShowsNoContent() {
    EncodedReport csv = JSON.reportWriter(new ByteArrayOutputStream(), ReportFormat.CSV)
        .encode(awkward());
    try (ReportWriter ndjson = JSON.reportWriter(new ByteArrayOutputStream(),
        ReportFormat.NDJSON)) {
      assertThatThrownBy(() -> ndjson.write(csv)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CSV").hasMessageContaining("NDJSON");
    }
    assertThat(csv.format()).isEqualTo(ReportFormat.CSV);
    assertThat(csv.size()).isGreaterThan(0);
    assertThat(csv.toString()).doesNotContain("42").doesNotContain("minutes")
        .contains("CSV").contains(Integer.toString(csv.size()));
    ReportWriter closed = JSON.reportWriter(new ByteArrayOutputStream(), ReportFormat.CSV);
    closed.close();
    assertThatThrownBy(() -> closed.write(csv)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void emptyJsonArrayIsWrittenOnClose() {
    assertThat(write(ReportFormat.JSON_ARRAY)).isEqualTo("[]\n");
  }

  @Test
  void ndjsonWritesOneCompactReportPerLineEvenWhenPretty() {
    IptJson pretty = IptJson.builder().prettyPrint(true).build();
    String text = write(pretty, ReportFormat.NDJSON, withFindings(), clean(), withFindings());

    assertThat(text.split("\n", -1)).containsExactly(JSON.writeReport(withFindings()),
        JSON.writeReport(clean()), JSON.writeReport(withFindings()), "");
    assertThat(write(ReportFormat.NDJSON)).isEmpty();
  }

  @Test
  void csvWritesTheHeaderThenOneRowPerFinding() {
    FidelityReport report = withFindings();
    String text = write(ReportFormat.CSV, report, clean());
    String[] rows = text.split("\r\n", -1);

    assertThat(rows[0])
        .isEqualTo("courseId,protocol,status,rule,name,severity,session,path,protocolPath,message");
    assertThat(rows).hasSize(1 + report.findings().size() + 1);
    assertThat(rows[rows.length - 1]).isEmpty();
    assertThat(rows[1]).isEqualTo("c-0001,ipt-acute-16,COMPLETED,I08,contract-agreed,ERROR,,"
        + "/contracts/0/agreedOn,,the treatment contract was agreed 7 days after the last"
        + " initial-phase session (session 2)");
    assertThat(text).contains("\r\nc-0001,ipt-acute-16,COMPLETED,E02,progress-reviewed,WARNING,2,"
        + "/sessions/1/tasks,,no progress review was recorded: the course has no"
        + " termination-phase session\r\n");
  }

  @Test
  void courseWithoutFindingsWritesNoCsvRowAndAnEmptyRunWritesTheHeaderOnly() {
    assertThat(clean().findings()).isEmpty();
    String header = ReportWriter.CSV_HEADER + "\r\n";

    assertThat(write(ReportFormat.CSV, clean())).isEqualTo(header);
    assertThat(write(ReportFormat.CSV)).isEqualTo(header);
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaksAsRfc4180Says() {
    String text = write(ReportFormat.CSV, awkward());

    assertThat(text).isEqualTo(ReportWriter.CSV_HEADER + "\r\n"
        + "\"c,\"\"42\"\"\",ipt-acute-16,COMPLETED,S06,session-length,INFO,1,/sessions/0/minutes,"
        + "/sessionMinutes,\"minutes \"\"70\"\", above 60,\nsee the \"\"protocol\"\"\r\nend\"\r\n");
  }

  @Test
  void csvFieldQuotesOnlyWhatNeedsIt() {
    assertThat(ReportWriter.csvField("plain text; fine")).isEqualTo("plain text; fine");
    assertThat(ReportWriter.csvField("")).isEqualTo("");
    assertThat(ReportWriter.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(ReportWriter.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ReportWriter.csvField("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(ReportWriter.csvField("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
  }

  @Test
  void everyFormatIsDeterministic() {
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(write(format, withFindings(), awkward(), clean()))
          .as(format.name())
          .isEqualTo(write(format, withFindings(), awkward(), clean()));
    }
  }

  @Test
  void therapistReferenceIsInNoFormat() {
    FidelityReport report = withFindings();
    assertThat(report.therapistRef()).contains("th-12");

    for (ReportFormat format : ReportFormat.values()) {
      assertThat(write(format, report)).as(format.name()).doesNotContain("th-12");
    }
  }

  @Test
  void writingAfterCloseIsRefusedAndClosingTwiceDoesNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter writer = JSON.reportWriter(out, ReportFormat.JSON_ARRAY);
    writer.write(clean());
    writer.close();
    writer.close();

    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n]\n").startsWith("[\n");
    assertThat(writer.written()).isEqualTo(1);
    assertThatThrownBy(() -> writer.write(clean())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeDoesNotCloseTheStream() {
    class Tracking extends ByteArrayOutputStream {
      boolean closed;

      @Override
      public void close() {
        closed = true;
      }
    }
    Tracking out = new Tracking();
    JSON.reportWriter(out, ReportFormat.NDJSON).close();

    assertThat(out.closed).isFalse();
  }

  @Test
  void flushPassesReportsOnBeforeClose() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter writer = JSON.reportWriter(out, ReportFormat.NDJSON);
    writer.write(clean());
    writer.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JSON.writeReport(clean()) + "\n");
    writer.close();
  }

  @Test
  void failingStreamIsAnUncheckedIoException() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };
    ReportWriter writer = JSON.reportWriter(broken, ReportFormat.CSV);
    writer.write(withFindings());

    assertThatThrownBy(writer::close).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void statusOfEachCourseIsInItsCsvRows() {
    FidelityReport ongoing = FidelityReport.builder().from(withFindings())
        .status(CourseStatus.ONGOING).build();

    assertThat(write(ReportFormat.CSV, ongoing).lines().skip(1))
        .allSatisfy(row -> assertThat(row).startsWith("c-0001,ipt-acute-16,ONGOING,"));
  }
}
