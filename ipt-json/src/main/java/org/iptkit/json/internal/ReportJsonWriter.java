package org.iptkit.json.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.SeverityBand;
import org.iptkit.json.SafeText;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.AgendaItem;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.Finding;
import org.iptkit.rules.InterRaterReliability;
import org.iptkit.rules.IntraclassCorrelation;
import org.iptkit.rules.OutcomeSummary;
import org.iptkit.rules.Proportion;
import org.iptkit.rules.RatingSummary;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.Severity;
import org.iptkit.rules.TherapistSummary;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonGeneratorBase;

/**
 * Writes the outputs of the rules engine as JSON: the fidelity report of one course in the shape
 * of docs/format.md, Fidelity report, the cohort report, the next-session agenda and the rule
 * catalog. Output is deterministic: fields in a fixed order, absent optional values left out, lists
 * in the order the rules engine gives them (results in catalog order, findings by path then rule),
 * maps in the order of their enumeration, and every ratio (adherence, shares, rates, means) written
 * with at most four decimals, rounded half up from the exact binary value, as a plain decimal.
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
    // Reports repeat a few values (adherence is passed / applicable over a few dozen rules), and
    // the exact rounding below costs more than the rest of a report's numbers: remember the text
    // of recent values. Entries are immutable, so a slot read while another thread replaces it
    // is either the old entry or the new one, never a torn one.
    long bits = Double.doubleToLongBits(value);
    int hash = Long.hashCode(bits);
    int slot = (hash ^ (hash >>> 16)) & (DECIMAL_CACHE.length - 1);
    Decimal cached = DECIMAL_CACHE[slot];
    if (cached != null && cached.bits() == bits) {
      return cached.text();
    }
    String text = exactDecimal(value);
    DECIMAL_CACHE[slot] = new Decimal(bits, text);
    return text;
  }

  /** A recently written value and its text. */
  private record Decimal(long bits, String text) {}

  private static final Decimal[] DECIMAL_CACHE = new Decimal[1024];

  private static String exactDecimal(double value) {
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

  // A report is mostly field names, rule codes and enumeration names, the same in every report:
  // they are written as pre-encoded UTF-8 (quoted and escaped once), not encoded per report.
  private static final SerializedString COURSE_ID = new SerializedString("courseId");
  private static final SerializedString PROTOCOL = new SerializedString("protocol");
  private static final SerializedString COURSE_PROTOCOL = new SerializedString("courseProtocol");
  private static final SerializedString STATUS = new SerializedString("status");
  private static final SerializedString SUMMARY = new SerializedString("summary");
  private static final SerializedString ADHERENCE = new SerializedString("adherence");
  private static final SerializedString ERRORS = new SerializedString("errors");
  private static final SerializedString WARNINGS = new SerializedString("warnings");
  private static final SerializedString INFOS = new SerializedString("infos");
  private static final SerializedString BY_DOMAIN = new SerializedString("byDomain");
  private static final SerializedString OUTCOME = new SerializedString("outcome");
  private static final SerializedString INSTRUMENT = new SerializedString("instrument");
  private static final SerializedString BASELINE = new SerializedString("baseline");
  private static final SerializedString LAST = new SerializedString("last");
  private static final SerializedString CHANGE = new SerializedString("change");
  private static final SerializedString BASELINE_BAND = new SerializedString("baselineBand");
  private static final SerializedString LAST_BAND = new SerializedString("lastBand");
  private static final SerializedString RESPONSE = new SerializedString("response");
  private static final SerializedString REMISSION = new SerializedString("remission");
  private static final SerializedString PRORATED = new SerializedString("prorated");
  private static final SerializedString SESSIONS_ATTENDED =
      new SerializedString("sessionsAttended");
  private static final SerializedString SESSIONS_PLANNED = new SerializedString("sessionsPlanned");
  private static final SerializedString COMPLETER = new SerializedString("completer");
  private static final SerializedString RESULTS = new SerializedString("results");
  private static final SerializedString RULE = new SerializedString("rule");
  private static final SerializedString REASON = new SerializedString("reason");
  private static final SerializedString FINDINGS = new SerializedString("findings");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString SEVERITY = new SerializedString("severity");
  private static final SerializedString PATH = new SerializedString("path");
  private static final SerializedString SESSION = new SerializedString("session");
  private static final SerializedString PROTOCOL_PATH = new SerializedString("protocolPath");
  private static final SerializedString MESSAGE = new SerializedString("message");

  private static final SerializedString[] STATUSES = encoded(CourseStatus.values());
  private static final SerializedString[] OUTCOMES = encoded(RuleOutcome.values());
  private static final SerializedString[] SEVERITIES = encoded(Severity.values());
  private static final SerializedString[] DOMAINS = encoded(RuleDomain.values());
  private static final SerializedString[] INSTRUMENTS = encoded(Instrument.values());
  private static final SerializedString[] BANDS = encoded(SeverityBand.values());
  /** The catalog's rule codes pre-encoded, by {@link #slot(String) slot}. */
  private static final SerializedString[] RULE_CODES = new SerializedString[26 * 100];

  /**
   * Whole rule results as compact JSON objects, the same in every report: {@code {"rule":"S01",
   * "outcome":"PASS"}} for each catalog rule and outcome, by slot and outcome ordinal. Most of a
   * report's 43 results are one of these, so a compact writer copies each as one run of bytes.
   */
  private static final SerializedString[][] BARE_RESULTS = new SerializedString[26 * 100][];

  /**
   * By slot, the results with a reason the rule gave last (the same reason string object: rules
   * give a few constant texts), newest first; once one came twice, with the whole result as
   * compact JSON.
   */
  private static final RecentReasons[] REASONED_RESULTS = new RecentReasons[26 * 100];

  /** How many results with a reason are remembered per rule. */
  private static final int REASONS_PER_RULE = 4;
  private static final ReasonedResult[] NO_REASONS = {};

  static {
    for (RuleInfo rule : RuleCatalog.all()) {
      int slot = slot(rule.code());
      if (slot < 0 || RULE_CODES[slot] != null) {
        throw new IllegalStateException("rule codes are a capital letter and two digits");
      }
      RULE_CODES[slot] = new SerializedString(rule.code());
      SerializedString[] bare = new SerializedString[RuleOutcome.values().length];
      for (RuleOutcome outcome : RuleOutcome.values()) {
        bare[outcome.ordinal()] = new SerializedString(resultPrefix(rule.code(), outcome) + "}");
      }
      BARE_RESULTS[slot] = bare;
    }
  }

  /** A result's outcome and reason, with the whole result as compact JSON once it repeats. */
  private record ReasonedResult(RuleOutcome outcome, String reason, SerializedString json) {}

  /**
   * The results with a reason a rule gave last, newest first. Never changed once made (a new one
   * replaces it), and read through a final field, so another thread sees it whole.
   */
  private record RecentReasons(ReasonedResult[] results) {}

  /**
   * The start of a compact result object up to its outcome: {@code {"rule":"S01","outcome":"PASS"}}
   * without the closing brace.
   */
  private static String resultPrefix(String code, RuleOutcome outcome) {
    // Codes are a capital letter and two digits, outcomes enumeration names: nothing to escape.
    return "{\"rule\":\"" + code + "\",\"outcome\":\"" + outcome.name() + "\"";
  }

  private static SerializedString[] encoded(Enum<?>[] values) {
    SerializedString[] encoded = new SerializedString[values.length];
    for (Enum<?> value : values) {
      encoded[value.ordinal()] = new SerializedString(value.name());
    }
    return encoded;
  }

  /** The slot of a rule code such as {@code S01} (letter, two digits), or -1 for another text. */
  private static int slot(String code) {
    if (code.length() != 3) {
      return -1;
    }
    int letter = code.charAt(0) - 'A';
    int tens = code.charAt(1) - '0';
    int units = code.charAt(2) - '0';
    if (letter < 0 || letter >= 26 || tens < 0 || tens > 9 || units < 0 || units > 9) {
      return -1;
    }
    return letter * 100 + tens * 10 + units;
  }

  /** Writes the {@code rule} field, pre-encoded for a catalog code. */
  private static void writeRule(JsonGenerator g, String code) {
    g.writeName(RULE);
    int slot = slot(code);
    SerializedString encoded = slot < 0 ? null : RULE_CODES[slot];
    if (encoded != null) {
      g.writeString(encoded);
    } else {
      g.writeString(code);
    }
  }

  /**
   * Writes a catalog rule's result as one pre-encoded object when it is the same in every report
   * (no reason, or a reason its rule gave recently too); returns false when it is not.
   */
  private static boolean writeWhole(JsonGenerator g, RuleResult result) {
    int slot = slot(result.rule());
    SerializedString[] bare = slot < 0 ? null : BARE_RESULTS[slot];
    if (bare == null) {
      return false;
    }
    RuleOutcome outcome = result.outcome();
    if (result.reason().isEmpty()) {
      g.writeRawValue(bare[outcome.ordinal()]);
      return true;
    }
    String reason = result.reason().get();
    RecentReasons recent = REASONED_RESULTS[slot];
    ReasonedResult[] known = recent == null ? NO_REASONS : recent.results();
    for (int i = 0; i < known.length; i++) {
      ReasonedResult seen = known[i];
      if (seen.reason() == reason && seen.outcome() == outcome) {
        SerializedString json = seen.json();
        if (json == null && SafeText.firstUnsafe(reason) >= 0) {
          // The plain JSON encoder below does not know the writers' escapes (JsonEscapes).
          return false;
        }
        if (json == null) {
          json = new SerializedString(resultPrefix(result.rule(), outcome) + ",\"reason\":\""
              + new String(JsonStringEncoder.getInstance().quoteAsCharArray(reason)) + "\"}");
          ReasonedResult[] next = known.clone();
          next[i] = new ReasonedResult(outcome, reason, json);
          REASONED_RESULTS[slot] = new RecentReasons(next);
        }
        g.writeRawValue(json);
        return true;
      }
    }
    // A first sighting: a reason built for this course alone is not worth encoding whole.
    int kept = Math.min(known.length, REASONS_PER_RULE - 1);
    ReasonedResult[] next = new ReasonedResult[kept + 1];
    next[0] = new ReasonedResult(outcome, reason, null);
    System.arraycopy(known, 0, next, 1, kept);
    REASONED_RESULTS[slot] = new RecentReasons(next);
    return false;
  }

  private static void decimal(JsonGenerator g, SerializedString name, double value) {
    g.writeName(name);
    g.writeNumber(decimal(value));
  }

  private static void string(JsonGenerator g, SerializedString name, String value) {
    g.writeName(name);
    g.writeString(value);
  }

  private static void string(JsonGenerator g, SerializedString name, SerializedString value) {
    g.writeName(name);
    g.writeString(value);
  }

  private static void number(JsonGenerator g, SerializedString name, int value) {
    g.writeName(name);
    g.writeNumber(value);
  }

  private static void bool(JsonGenerator g, SerializedString name, boolean value) {
    g.writeName(name);
    g.writeBoolean(value);
  }

  /**
   * Writes the fidelity report of one course. The therapist reference is not written: it is a
   * staff identifier that only the cohort report uses, as a grouping key.
   */
  public static void writeReport(JsonGenerator g, FidelityReport report) {
    // Compact JSON text takes the results that are the same in every report as whole objects
    // (raw JSON); an indenting writer, or a generator of anything but JSON text (a token buffer,
    // another format), gets every field.
    writeReport(g, report, g.getPrettyPrinter() == null && g instanceof JsonGeneratorBase);
  }

  /**
   * Writes a report, taking results that are the same in every report as pre-encoded whole
   * objects when {@code wholeResults} (only for compact output), else field by field; both give
   * the same bytes.
   */
  static void writeReport(JsonGenerator g, FidelityReport report, boolean wholeResults) {
    g.writeStartObject();
    string(g, COURSE_ID, report.courseId());
    string(g, PROTOCOL, report.protocol());
    if (report.courseProtocol().isPresent()) {
      string(g, COURSE_PROTOCOL, report.courseProtocol().get());
    }
    string(g, STATUS, STATUSES[report.status().ordinal()]);
    writeSummary(g, report.summary());
    writeOutcome(g, report.outcome());
    g.writeName(RESULTS);
    g.writeStartArray();
    for (RuleResult result : report.results()) {
      if (wholeResults && writeWhole(g, result)) {
        continue;
      }
      g.writeStartObject();
      // Field by field: indented output, a rule outside the catalog, a reason seen once.
      writeRule(g, result.rule());
      string(g, OUTCOME, OUTCOMES[result.outcome().ordinal()]);
      if (result.reason().isPresent()) {
        string(g, REASON, result.reason().get());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeName(FINDINGS);
    g.writeStartArray();
    for (Finding finding : sortedFindings(report)) {
      writeFinding(g, finding);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The report's findings in the order of docs/format.md, Fidelity report (by path with array
   * indexes as numbers, then rule, then message): the checker's order already, and the order a
   * hand-built report is written in too.
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
    g.writeName(SUMMARY);
    g.writeStartObject();
    decimal(g, ADHERENCE, summary.adherence());
    number(g, ERRORS, summary.errors());
    number(g, WARNINGS, summary.warnings());
    number(g, INFOS, summary.infos());
    g.writeName(BY_DOMAIN);
    g.writeStartObject();
    Map<RuleDomain, Double> byDomain = summary.byDomain();
    for (RuleDomain domain : RuleDomain.values()) {
      Double adherence = byDomain.get(domain);
      if (adherence != null) {
        decimal(g, DOMAINS[domain.ordinal()], adherence);
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeOutcome(JsonGenerator g, ClinicalOutcome o) {
    g.writeName(OUTCOME);
    g.writeStartObject();
    string(g, INSTRUMENT, INSTRUMENTS[o.instrument().ordinal()]);
    if (o.baseline().isPresent()) {
      number(g, BASELINE, o.baseline().getAsInt());
    }
    if (o.last().isPresent()) {
      number(g, LAST, o.last().getAsInt());
    }
    if (o.change().isPresent()) {
      number(g, CHANGE, o.change().getAsInt());
    }
    if (o.baselineBand().isPresent()) {
      string(g, BASELINE_BAND, BANDS[o.baselineBand().get().ordinal()]);
    }
    if (o.lastBand().isPresent()) {
      string(g, LAST_BAND, BANDS[o.lastBand().get().ordinal()]);
    }
    if (o.response().isPresent()) {
      bool(g, RESPONSE, o.response().get());
    }
    if (o.remission().isPresent()) {
      bool(g, REMISSION, o.remission().get());
    }
    // Written only when true: a score taken from a partly answered form is shown as prorated.
    if (o.prorated()) {
      bool(g, PRORATED, true);
    }
    number(g, SESSIONS_ATTENDED, o.sessionsAttended());
    if (o.sessionsPlanned().isPresent()) {
      number(g, SESSIONS_PLANNED, o.sessionsPlanned().getAsInt());
    }
    if (o.completer().isPresent()) {
      bool(g, COMPLETER, o.completer().get());
    }
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) {
    g.writeStartObject();
    writeRule(g, f.rule());
    string(g, NAME, f.name());
    string(g, SEVERITY, SEVERITIES[f.severity().ordinal()]);
    string(g, PATH, f.path());
    if (f.session().isPresent()) {
      number(g, SESSION, f.session().getAsInt());
    }
    if (f.protocolPath().isPresent()) {
      string(g, PROTOCOL_PATH, f.protocolPath().get());
    }
    string(g, MESSAGE, f.message());
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- cohort

  /**
   * Writes a cohort report: courses by status, sessions attended (mean, median, distribution),
   * mean adherence with its interval, the outcome block of the cohort and of each protocol
   * profile, per rule the share of applicable courses that pass, the observer ratings per scale
   * and their inter-rater reliability, the same per therapist (here therapist references are
   * written: they are the grouping keys), and the ids of the courses with ERROR findings. Every
   * proportion is {@code {count, n, rate, lower, upper}} (95 % Wilson interval; no rate or
   * interval when n is 0). Written as it goes: a generator over a stream holds one therapist at a
   * time, never the whole document.
   */
  public static void writeCohort(JsonGenerator g, CohortReport c) {
    g.writeStartObject();
    g.writeNumberProperty("courses", c.courses());
    byStatus(g, c.byStatus());
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
    interval(g, "adherenceInterval", c.adherenceLower(), c.adherenceUpper());
    outcomes(g, "outcomes", c.outcomes());
    g.writeArrayPropertyStart("byProfile");
    for (Map.Entry<String, OutcomeSummary> profile : c.byProfile().entrySet()) {
      g.writeStartObject();
      g.writeStringProperty("protocol", profile.getKey());
      outcomes(g, "outcomes", profile.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    tallies(g, "rules", c.rules());
    ratings(g, c.ratings());
    g.writeArrayPropertyStart("reliability");
    for (InterRaterReliability reliability : c.reliability()) {
      g.writeStartObject();
      g.writeStringProperty("scale", reliability.scale());
      g.writeNumberProperty("multiplyRatedSessions", reliability.multiplyRatedSessions());
      g.writeNumberProperty("sessionsNotUsed", reliability.sessionsNotUsed());
      if (reliability.correlation().isPresent()) {
        IntraclassCorrelation icc = reliability.correlation().get();
        g.writeNumberProperty("sessions", icc.sessions());
        g.writeNumberProperty("raters", icc.raters());
        optionalDecimal(g, "icc", icc.icc());
        optionalDecimal(g, "lower", icc.lower());
        optionalDecimal(g, "upper", icc.upper());
        if (icc.band().isPresent()) {
          g.writeStringProperty("band", icc.band().get().name());
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("therapists");
    for (TherapistSummary therapist : c.therapists()) {
      g.writeStartObject();
      if (therapist.therapistRef().isPresent()) {
        g.writeStringProperty("therapistRef", therapist.therapistRef().get());
      }
      g.writeNumberProperty("courses", therapist.courses());
      decimal(g, "meanAdherence", therapist.meanAdherence());
      interval(g, "adherenceInterval", therapist.adherenceLower(), therapist.adherenceUpper());
      g.writeNumberProperty("coursesWithErrors", therapist.coursesWithErrors());
      outcomes(g, "outcomes", therapist.outcomes());
      ratings(g, therapist.ratings());
      tallies(g, "rules", therapist.rules());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayPropertyStart("coursesWithErrors");
    for (String courseId : c.coursesWithErrors()) {
      g.writeString(courseId);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void byStatus(JsonGenerator g, Map<CourseStatus, Long> byStatus) {
    g.writeObjectPropertyStart("byStatus");
    for (CourseStatus status : CourseStatus.values()) {
      Long count = byStatus.get(status);
      g.writeNumberProperty(status.name(), count == null ? 0L : count);
    }
    g.writeEndObject();
  }

  private static void outcomes(JsonGenerator g, String name, OutcomeSummary o) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("courses", o.courses());
    byStatus(g, o.byStatus());
    proportion(g, "completers", o.completers());
    g.writeObjectPropertyStart("acute");
    g.writeNumberProperty("ended", o.acuteEnded());
    g.writeNumberProperty("noBaseline", o.acuteNoBaseline());
    g.writeNumberProperty("notCaseAtBaseline", o.acuteNotCaseAtBaseline());
    g.writeNumberProperty("completedWithFinalMeasure", o.completedWithFinalMeasure());
    g.writeNumberProperty("discontinuedWithFinalMeasure", o.discontinuedWithFinalMeasure());
    g.writeNumberProperty("discontinuedCasesWithFinalMeasure",
        o.discontinuedCasesWithFinalMeasure());
    g.writeObjectPropertyStart("completerAnalysis");
    proportion(g, "response", o.completerResponse());
    proportion(g, "remission", o.completerRemission());
    g.writeEndObject();
    g.writeObjectPropertyStart("allWhoStarted");
    proportion(g, "response", o.startedResponse());
    proportion(g, "remission", o.startedRemission());
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectPropertyStart("maintenance");
    g.writeNumberProperty("ended", o.maintenanceEnded());
    proportion(g, "stayedBelowCutOff", o.maintenanceStayedBelowCutOff());
    proportion(g, "deteriorated", o.maintenanceDeteriorated());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void ratings(JsonGenerator g, List<RatingSummary> ratings) {
    g.writeArrayPropertyStart("ratings");
    for (RatingSummary rating : ratings) {
      g.writeStartObject();
      g.writeStringProperty("scale", rating.scale());
      proportion(g, "rated", rating.rated());
      decimal(g, "mean", rating.mean());
      decimal(g, "min", rating.min());
      decimal(g, "max", rating.max());
      optionalDecimal(g, "passMark", rating.passMark());
      if (rating.passed().isPresent()) {
        proportion(g, "passed", rating.passed().get());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void interval(JsonGenerator g, String name, OptionalDouble lower,
      OptionalDouble upper) {
    if (lower.isPresent() && upper.isPresent()) {
      g.writeObjectPropertyStart(name);
      decimal(g, "lower", lower.getAsDouble());
      decimal(g, "upper", upper.getAsDouble());
      g.writeEndObject();
    }
  }

  private static void proportion(JsonGenerator g, String name, Proportion p) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("count", p.count());
    g.writeNumberProperty("n", p.n());
    optionalDecimal(g, "rate", p.rate());
    optionalDecimal(g, "lower", p.lower());
    optionalDecimal(g, "upper", p.upper());
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
      Proportion proportion = tally.proportion();
      optionalDecimal(g, "lower", proportion.lower());
      optionalDecimal(g, "upper", proportion.upper());
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
