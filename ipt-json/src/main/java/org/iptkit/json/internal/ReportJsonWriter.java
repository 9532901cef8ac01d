package org.iptkit.json.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.AgendaItem;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.Finding;
import org.iptkit.rules.Proportion;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.TherapistSummary;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the outputs of the rules engine as JSON: the fidelity report of one course in the shape
 * of format.md §2, the cohort report, the next-session agenda and the rule catalog. Output is
 * deterministic: fields in a fixed order, absent optional values left out, lists in the order
 * the rules engine gives them (results in catalog order, findings by path then rule), maps in
 * the order of their enumeration, and every ratio (adherence, shares, rates, means) written with
 * at most four decimals, rounded half up from the exact binary value, as a plain decimal.
 */
public final class ReportJsonWriter {
  /** The number of decimals of ratios and means in reports. */
  public static final int DECIMALS = 4;

  private ReportJsonWriter() {}

  /**
   * A ratio or mean as written in reports: at most four decimals, rounded half up from the exact
   * value, no exponent, at least one decimal ({@code 1.0}, {@code 0.9333}, {@code 13.5}).
   */
  public static String decimal(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a report value must be a finite number, was " + value);
    }
    BigDecimal rounded = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_UP)
        .stripTrailingZeros();
    if (rounded.scale() < 1) {
      rounded = rounded.setScale(1, RoundingMode.UNNECESSARY);
    }
    if (rounded.signum() == 0) {
      return "0.0";
    }
    return rounded.toPlainString();
  }

  private static void decimal(JsonGenerator g, String name, double value) {
    g.writeName(name);
    g.writeNumber(decimal(value));
  }

  // ---------------------------------------------------------------- one course

  /**
   * Writes the fidelity report of one course. The therapist reference is not written: it is a
   * staff identifier that only the cohort report uses, as a grouping key.
   */
  public static void writeReport(JsonGenerator g, FidelityReport report) {
    g.writeStartObject();
    g.writeStringProperty("courseId", report.courseId());
    g.writeStringProperty("protocol", report.protocol());
    g.writeStringProperty("status", report.status().name());
    writeSummary(g, report.summary());
    writeOutcome(g, report.outcome());
    g.writeArrayPropertyStart("results");
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
    g.writeArrayPropertyStart("findings");
    for (Finding finding : sortedFindings(report)) {
      writeFinding(g, finding);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The report's findings in the order of format.md §2 (by path with array indexes as numbers,
   * then rule, then message): the checker's order already, and the order a hand-built report is
   * written in too.
   */
  public static List<Finding> sortedFindings(FidelityReport report) {
    List<Finding> findings = report.findings();
    for (int i = 1; i < findings.size(); i++) {
      if (Finding.ORDER.compare(findings.get(i - 1), findings.get(i)) > 0) {
        List<Finding> sorted = new java.util.ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        return sorted;
      }
    }
    return findings;
  }

  private static void writeSummary(JsonGenerator g, FidelitySummary summary) {
    g.writeObjectPropertyStart("summary");
    decimal(g, "adherence", summary.adherence());
    g.writeNumberProperty("errors", summary.errors());
    g.writeNumberProperty("warnings", summary.warnings());
    g.writeNumberProperty("infos", summary.infos());
    g.writeObjectPropertyStart("byDomain");
    Map<RuleDomain, Double> byDomain = summary.byDomain();
    for (RuleDomain domain : RuleDomain.values()) {
      Double adherence = byDomain.get(domain);
      if (adherence != null) {
        decimal(g, domain.name(), adherence);
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeOutcome(JsonGenerator g, ClinicalOutcome o) {
    g.writeObjectPropertyStart("outcome");
    g.writeStringProperty("instrument", o.instrument().name());
    if (o.baseline().isPresent()) {
      g.writeNumberProperty("baseline", o.baseline().getAsInt());
    }
    if (o.last().isPresent()) {
      g.writeNumberProperty("last", o.last().getAsInt());
    }
    if (o.change().isPresent()) {
      g.writeNumberProperty("change", o.change().getAsInt());
    }
    if (o.baselineBand().isPresent()) {
      g.writeStringProperty("baselineBand", o.baselineBand().get().name());
    }
    if (o.lastBand().isPresent()) {
      g.writeStringProperty("lastBand", o.lastBand().get().name());
    }
    if (o.response().isPresent()) {
      g.writeBooleanProperty("response", o.response().get());
    }
    if (o.remission().isPresent()) {
      g.writeBooleanProperty("remission", o.remission().get());
    }
    g.writeNumberProperty("sessionsAttended", o.sessionsAttended());
    if (o.sessionsPlanned().isPresent()) {
      g.writeNumberProperty("sessionsPlanned", o.sessionsPlanned().getAsInt());
    }
    if (o.completer().isPresent()) {
      g.writeBooleanProperty("completer", o.completer().get());
    }
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) {
    g.writeStartObject();
    g.writeStringProperty("rule", f.rule());
    g.writeStringProperty("name", f.name());
    g.writeStringProperty("severity", f.severity().name());
    g.writeStringProperty("path", f.path());
    if (f.session().isPresent()) {
      g.writeNumberProperty("session", f.session().getAsInt());
    }
    if (f.protocolPath().isPresent()) {
      g.writeStringProperty("protocolPath", f.protocolPath().get());
    }
    g.writeStringProperty("message", f.message());
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- cohort

  /**
   * Writes a cohort report: courses by status, completers, sessions attended (mean, median,
   * distribution), mean adherence, per rule the share of applicable courses that pass, the same
   * per therapist (here therapist references are written: they are the grouping keys), response
   * and remission with their n, and the ids of the courses with ERROR findings.
   */
  public static void writeCohort(JsonGenerator g, CohortReport c) {
    g.writeStartObject();
    g.writeNumberProperty("courses", c.courses());
    g.writeObjectPropertyStart("byStatus");
    for (CourseStatus status : CourseStatus.values()) {
      Long count = c.byStatus().get(status);
      g.writeNumberProperty(status.name(), count == null ? 0L : count);
    }
    g.writeEndObject();
    proportion(g, "completers", c.completers());
    g.writeObjectPropertyStart("sessionsAttended");
    optionalDecimal(g, "mean", c.meanSessionsAttended());
    optionalDecimal(g, "median", c.medianSessionsAttended());
    g.writeObjectPropertyStart("distribution");
    for (Map.Entry<Integer, Long> entry : c.sessionsAttendedDistribution().entrySet()) {
      g.writeNumberProperty(Integer.toString(entry.getKey()), entry.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    optionalDecimal(g, "meanAdherence", c.meanAdherence());
    tallies(g, "rules", c.rules());
    g.writeArrayPropertyStart("therapists");
    for (TherapistSummary therapist : c.therapists()) {
      g.writeStartObject();
      if (therapist.therapistRef().isPresent()) {
        g.writeStringProperty("therapistRef", therapist.therapistRef().get());
      }
      g.writeNumberProperty("courses", therapist.courses());
      decimal(g, "meanAdherence", therapist.meanAdherence());
      g.writeNumberProperty("coursesWithErrors", therapist.coursesWithErrors());
      tallies(g, "rules", therapist.rules());
      g.writeEndObject();
    }
    g.writeEndArray();
    proportion(g, "response", c.response());
    proportion(g, "remission", c.remission());
    g.writeArrayPropertyStart("coursesWithErrors");
    for (String courseId : c.coursesWithErrors()) {
      g.writeString(courseId);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void proportion(JsonGenerator g, String name, Proportion p) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("count", p.count());
    g.writeNumberProperty("n", p.n());
    optionalDecimal(g, "rate", p.rate());
    g.writeEndObject();
  }

  private static void tallies(JsonGenerator g, String name, List<RuleTally> tallies) {
    g.writeArrayPropertyStart(name);
    for (RuleTally tally : tallies) {
      g.writeStartObject();
      g.writeStringProperty("rule", tally.rule());
      g.writeNumberProperty("applicable", tally.applicable());
      g.writeNumberProperty("passed", tally.passed());
      optionalDecimal(g, "share", tally.share());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void optionalDecimal(JsonGenerator g, String name, OptionalDouble value) {
    if (value.isPresent()) {
      decimal(g, name, value.getAsDouble());
    }
  }

  // ---------------------------------------------------------------- agenda and catalog

  /** Writes the next-session agenda of a course. */
  public static void writeAgenda(JsonGenerator g, Agenda a) {
    g.writeStartObject();
    g.writeStringProperty("protocol", a.protocol());
    g.writeStringProperty("status", a.status().name());
    if (a.reason().isPresent()) {
      g.writeStringProperty("reason", a.reason().get());
    }
    if (a.nextSessionNumber().isPresent()) {
      g.writeNumberProperty("nextSessionNumber", a.nextSessionNumber().getAsInt());
    }
    if (a.nextSessionDate().isPresent()) {
      LocalDate date = a.nextSessionDate().get();
      g.writeStringProperty("nextSessionDate", date.toString());
    }
    if (a.nextPhase().isPresent()) {
      g.writeStringProperty("nextPhase", a.nextPhase().get().name());
    }
    g.writeNumberProperty("sessionsAttended", a.sessionsAttended());
    if (a.plannedSessions().isPresent()) {
      g.writeNumberProperty("plannedSessions", a.plannedSessions().getAsInt());
    }
    if (a.sessionsRemaining().isPresent()) {
      g.writeNumberProperty("sessionsRemaining", a.sessionsRemaining().getAsInt());
    }
    g.writeArrayPropertyStart("items");
    for (AgendaItem item : a.items()) {
      g.writeStartObject();
      g.writeStringProperty("kind", item.kind().name());
      if (item.rule().isPresent()) {
        g.writeStringProperty("rule", item.rule().get());
      }
      if (item.task().isPresent()) {
        g.writeStringProperty("task", item.task().get().name());
      }
      if (item.instrument().isPresent()) {
        g.writeStringProperty("instrument", item.instrument().get().name());
      }
      g.writeStringProperty("message", item.message());
      if (item.sinceSession().isPresent()) {
        g.writeNumberProperty("sinceSession", item.sinceSession().getAsInt());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Writes the rule catalog: an array of every rule with all its catalog fields. */
  public static void writeCatalog(JsonGenerator g, List<RuleInfo> rules) {
    g.writeStartArray();
    for (RuleInfo rule : rules) {
      g.writeStartObject();
      g.writeStringProperty("code", rule.code());
      g.writeStringProperty("name", rule.name());
      g.writeStringProperty("defaultSeverity", rule.defaultSeverity().name());
      g.writeStringProperty("domain", rule.domain().name());
      g.writeStringProperty("domainTitle", rule.domain().title());
      g.writeStringProperty("checks", rule.checks());
      g.writeStringProperty("rationale", rule.rationale());
      g.writeStringProperty("source", rule.source());
      g.writeBooleanProperty("canBeSwitchedOff", rule.canBeSwitchedOff());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
