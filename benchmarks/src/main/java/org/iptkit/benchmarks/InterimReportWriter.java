package org.iptkit.benchmarks;

import java.io.OutputStream;
import java.util.Map;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.Finding;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleResult;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A stand-in writer of fidelity reports as NDJSON (format.md §2), used by the pipeline benchmark
 * until the library's own report writer ({@code IptJson.reportWriter}) is available. It writes the
 * same fields with Jackson's streaming generator, one report per line, over one generator per
 * output stream.
 */
final class InterimReportWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final JsonGenerator generator;

  InterimReportWriter(OutputStream out) {
    this.generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
  }

  void write(FidelityReport report) {
    JsonGenerator g = generator;
    g.writeStartObject();
    g.writeStringProperty("courseId", report.courseId());
    g.writeStringProperty("protocol", report.protocol());
    g.writeStringProperty("status", report.status().name());
    FidelitySummary summary = report.summary();
    g.writeName("summary");
    g.writeStartObject();
    g.writeNumberProperty("adherence", summary.adherence());
    g.writeNumberProperty("errors", summary.errors());
    g.writeNumberProperty("warnings", summary.warnings());
    g.writeNumberProperty("infos", summary.infos());
    g.writeName("byDomain");
    g.writeStartObject();
    for (Map.Entry<RuleDomain, Double> entry : summary.byDomain().entrySet()) {
      g.writeNumberProperty(entry.getKey().name(), entry.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    ClinicalOutcome outcome = report.outcome();
    g.writeName("outcome");
    g.writeStartObject();
    g.writeStringProperty("instrument", outcome.instrument().name());
    if (outcome.baseline().isPresent()) {
      g.writeNumberProperty("baseline", outcome.baseline().getAsInt());
    }
    if (outcome.last().isPresent()) {
      g.writeNumberProperty("last", outcome.last().getAsInt());
    }
    if (outcome.change().isPresent()) {
      g.writeNumberProperty("change", outcome.change().getAsInt());
    }
    if (outcome.baselineBand().isPresent()) {
      g.writeStringProperty("baselineBand", outcome.baselineBand().get().name());
    }
    if (outcome.lastBand().isPresent()) {
      g.writeStringProperty("lastBand", outcome.lastBand().get().name());
    }
    if (outcome.response().isPresent()) {
      g.writeBooleanProperty("response", outcome.response().get());
    }
    if (outcome.remission().isPresent()) {
      g.writeBooleanProperty("remission", outcome.remission().get());
    }
    g.writeNumberProperty("sessionsAttended", outcome.sessionsAttended());
    if (outcome.sessionsPlanned().isPresent()) {
      g.writeNumberProperty("sessionsPlanned", outcome.sessionsPlanned().getAsInt());
    }
    if (outcome.completer().isPresent()) {
      g.writeBooleanProperty("completer", outcome.completer().get());
    }
    g.writeEndObject();
    g.writeName("results");
    g.writeStartArray();
    for (RuleResult result : report.results()) {
      g.writeStartObject();
      g.writeStringProperty("rule", result.rule());
      g.writeStringProperty("outcome", result.outcome().name());
      if (result.reason().isPresent()) {
        g.writeStringProperty("reason", result.reason().get());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName("findings");
    g.writeStartArray();
    for (Finding finding : report.findings()) {
      g.writeStartObject();
      g.writeStringProperty("rule", finding.rule());
      g.writeStringProperty("name", finding.name());
      g.writeStringProperty("severity", finding.severity().name());
      g.writeStringProperty("path", finding.path());
      if (finding.session().isPresent()) {
        g.writeNumberProperty("session", finding.session().getAsInt());
      }
      g.writeStringProperty("message", finding.message());
      if (finding.protocolPath().isPresent()) {
        g.writeStringProperty("protocolPath", finding.protocolPath().get());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  @Override
  public void close() {
    generator.close();
  }
}
