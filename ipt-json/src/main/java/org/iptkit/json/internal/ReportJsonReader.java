package org.iptkit.json.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.internal.JsonTree.Node;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.Finding;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleResult;

/**
 * Reads a fidelity report document (docs/format.md, Fidelity report) from a {@link JsonTree},
 * strictly: unknown or missing fields, wrong types and unknown enumeration values are errors, as
 * are ratios outside 0..1, negative counts, paths that are not JSON Pointers, and results that
 * disagree with the findings (a FINDINGS outcome without findings of its rule, a finding of a rule
 * that passed). Each rule result gets the findings of its rule, in the order of the document. The
 * document carries no therapist reference, so the report read has none.
 */
public final class ReportJsonReader {
  // The field names of each object of a report, from the description of the wire format.
  static final List<String> REPORT = WireFormat.REPORT.nameList();
  static final List<String> SUMMARY = WireFormat.REPORT.part("summary").nameList();
  static final List<String> OUTCOME = WireFormat.REPORT.part("outcome").nameList();
  static final List<String> RESULT = element("results").nameList();
  static final List<String> FINDING = element("findings").nameList();
  static final List<String> DOMAINS = WireFormat.REPORT.part("summary").part("byDomain")
      .nameList();

  /** Every field name of the report format. */
  public static final Set<String> FIELD_NAMES = WireFormat.REPORT.allNames();

  private ReportJsonReader() {}

  /** The object type of the elements of the report's list field {@code name}. */
  private static WireFormat.ObjectType element(String name) {
    return (WireFormat.ObjectType) ((WireFormat.ListOf) WireFormat.REPORT.field(name).shape())
        .items();
  }

  /**
   * The report the document describes.
   *
   * @throws JsonReadException if the document is not a valid fidelity report
   */
  public static FidelityReport read(Node root) {
    Fields o = Fields.of(root, "a fidelity report object", REPORT);
    String courseId = o.identifier("courseId");
    if (courseId == null) {
      throw o.missing("courseId", "a course id");
    }
    String protocol = o.identifier("protocol");
    if (protocol == null) {
      throw o.missing("protocol", "a protocol profile id");
    }
    // Present when the course was checked against another profile than the one it names.
    String courseProtocol = o.identifier("courseProtocol");
    var status = o.enumValue("status", EnumCodec.STATUS);
    if (status == null) {
      throw o.missing("status", EnumCodec.STATUS.oneOf());
    }
    o.require("summary", "a summary object");
    FidelitySummary summary = summary(o.object("summary", "a summary object", SUMMARY));
    o.require("outcome", "an outcome object");
    ClinicalOutcome outcome = outcome(o.object("outcome", "an outcome object", OUTCOME));
    List<Node> resultNodes = o.array("results", "an array of rule results");
    if (resultNodes == null) {
      throw o.missing("results", "an array of rule results");
    }
    List<Node> findingNodes = o.array("findings", "an array of findings");
    if (findingNodes == null) {
      throw o.missing("findings", "an array of findings");
    }
    List<Finding> findings = new ArrayList<>(findingNodes.size());
    for (Node node : findingNodes) {
      findings.add(finding(node));
    }
    List<RuleResult> results = results(resultNodes, findingNodes, findings);
    return FidelityReport.builder()
        .courseId(courseId)
        .protocol(protocol)
        .courseProtocol(java.util.Optional.ofNullable(courseProtocol))
        .status(status)
        .summary(summary)
        .outcome(outcome)
        .results(results)
        .findings(findings)
        .build();
  }

  private static FidelitySummary summary(Fields s) {
    double adherence = ratio(s, "adherence");
    int errors = count(s, "errors");
    int warnings = count(s, "warnings");
    int infos = count(s, "infos");
    Map<RuleDomain, Double> byDomain = new EnumMap<>(RuleDomain.class);
    Fields domains = s.object("byDomain", "an object of adherence by domain letter", DOMAINS);
    if (domains == null) {
      throw s.missing("byDomain", "an object of adherence by domain letter");
    }
    for (String name : domains.names()) {
      byDomain.put(RuleDomain.valueOf(name), ratio(domains, name));
    }
    return FidelitySummary.builder()
        .adherence(adherence)
        .byDomain(byDomain)
        .errors(errors)
        .warnings(warnings)
        .infos(infos)
        .build();
  }

  private static double ratio(Fields o, String name) {
    Double value = o.number(name);
    if (value == null) {
      throw o.missing(name, "a number from 0 to 1");
    }
    if (value < 0 || value > 1) {
      throw o.get(name).error(Problem.INVALID_VALUE, "a number from 0 to 1",
          "expected a number from 0 to 1, got " + o.get(name).text());
    }
    return value;
  }

  private static int count(Fields o, String name) {
    Integer value = o.integer(name);
    if (value == null) {
      throw o.missing(name, "a count from 0");
    }
    return nonNegative(o, name, value);
  }

  private static int nonNegative(Fields o, String name, int value) {
    if (value < 0) {
      throw o.get(name).error(Problem.INVALID_VALUE, "an integer from 0",
          "expected an integer from 0, got " + value);
    }
    return value;
  }

  private static ClinicalOutcome outcome(Fields o) {
    ClinicalOutcome.Builder b = ClinicalOutcome.builder();
    var instrument = o.enumValue("instrument", EnumCodec.INSTRUMENT);
    if (instrument == null) {
      throw o.missing("instrument", EnumCodec.INSTRUMENT.oneOf());
    }
    b.instrument(instrument);
    Integer baseline = o.integer("baseline");
    if (baseline != null) {
      b.baseline(baseline);
    }
    Integer last = o.integer("last");
    if (last != null) {
      b.last(last);
    }
    Integer change = o.integer("change");
    if (change != null) {
      b.change(change);
    }
    var baselineBand = o.enumValue("baselineBand", EnumCodec.BAND);
    if (baselineBand != null) {
      b.baselineBand(baselineBand);
    }
    var lastBand = o.enumValue("lastBand", EnumCodec.BAND);
    if (lastBand != null) {
      b.lastBand(lastBand);
    }
    Boolean response = o.bool("response");
    if (response != null) {
      b.response(response);
    }
    Boolean remission = o.bool("remission");
    if (remission != null) {
      b.remission(remission);
    }
    Boolean prorated = o.bool("prorated");
    if (prorated != null) {
      b.prorated(prorated);
    }
    Integer attended = o.integer("sessionsAttended");
    if (attended == null) {
      throw o.missing("sessionsAttended", "a count from 0");
    }
    b.sessionsAttended(nonNegative(o, "sessionsAttended", attended));
    Integer planned = o.integer("sessionsPlanned");
    if (planned != null) {
      b.sessionsPlanned(nonNegative(o, "sessionsPlanned", planned));
    }
    Boolean completer = o.bool("completer");
    if (completer != null) {
      b.completer(completer);
    }
    return b.build();
  }

  private static Finding finding(Node node) {
    Fields f = Fields.of(node, "a finding object", FINDING);
    Finding.Builder b = Finding.builder();
    b.rule(required(f, f.identifier("rule"), "rule", "a rule code"));
    b.name(required(f, f.identifier("name"), "name", "the rule's name"));
    var severity = f.enumValue("severity", EnumCodec.SEVERITY);
    b.severity(required(f, severity, "severity", EnumCodec.SEVERITY.oneOf()));
    b.path(pointer(f, required(f, f.string("path"), "path", "a JSON Pointer"), "path"));
    Integer session = f.integer("session");
    if (session != null) {
      if (session < 1) {
        throw f.get("session").error(Problem.INVALID_VALUE, "a session number from 1",
            "expected a session number from 1, got " + session);
      }
      b.session(session);
    }
    String protocolPath = f.string("protocolPath");
    if (protocolPath != null) {
      b.protocolPath(pointer(f, protocolPath, "protocolPath"));
    }
    b.message(required(f, f.string("message"), "message", "a message"));
    return b.build();
  }

  private static <T> T required(Fields o, T value, String name, String expected) {
    if (value == null) {
      throw o.missing(name, expected);
    }
    return value;
  }

  private static String pointer(Fields o, String value, String name) {
    if (!value.isEmpty() && value.charAt(0) != '/') {
      throw o.get(name).error(Problem.INVALID_VALUE, "a JSON Pointer (\"\" or starting with /)",
          "expected a JSON Pointer (\"\" or starting with /)");
    }
    return value;
  }

  private static List<RuleResult> results(List<Node> nodes, List<Node> findingNodes,
      List<Finding> findings) {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byRule.computeIfAbsent(finding.rule(), code -> new ArrayList<>()).add(finding);
    }
    Set<String> withFindings = new HashSet<>();
    Set<String> seen = new HashSet<>();
    List<RuleResult> results = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      Fields r = Fields.of(node, "a rule result object", RESULT);
      String rule = required(r, r.identifier("rule"), "rule", "a rule code");
      if (!seen.add(rule)) {
        throw r.get("rule").error(Problem.INVALID_VALUE, "each rule at most once",
            "rule " + JsonErrors.describeString(rule, JsonErrors.Quote.NAME)
                + " has a second result, expected each rule at most once");
      }
      RuleOutcome outcome = required(r, r.enumValue("outcome", EnumCodec.OUTCOME), "outcome",
          EnumCodec.OUTCOME.oneOf());
      String reason = r.string("reason");
      if (outcome == RuleOutcome.NOT_APPLICABLE && reason == null) {
        throw r.missing("reason", "why the rule did not apply (NOT_APPLICABLE)");
      }
      if (outcome != RuleOutcome.NOT_APPLICABLE && reason != null) {
        throw r.get("reason").error(Problem.INVALID_VALUE, "no reason unless NOT_APPLICABLE",
            "a reason goes with NOT_APPLICABLE only, expected no reason for " + outcome);
      }
      List<Finding> ruleFindings = byRule.getOrDefault(rule, List.of());
      if (outcome == RuleOutcome.FINDINGS) {
        if (ruleFindings.isEmpty()) {
          throw r.get("outcome").error(Problem.INVALID_VALUE,
              "findings of the rule in the findings array",
              "outcome FINDINGS but the findings array holds none of this rule");
        }
        withFindings.add(rule);
      }
      results.add(RuleResult.builder()
          .rule(rule)
          .outcome(outcome)
          .reason(java.util.Optional.ofNullable(reason))
          .findings(outcome == RuleOutcome.FINDINGS ? ruleFindings : List.of())
          .build());
    }
    for (int i = 0; i < findings.size(); i++) {
      if (!withFindings.contains(findings.get(i).rule())) {
        Node rule = findingNodes.get(i).fields().get("rule");
        throw rule.error(Problem.INVALID_VALUE, "a rule whose result is FINDINGS",
            "finding of rule " + JsonErrors.describeString(findings.get(i).rule(),
                JsonErrors.Quote.NAME) + ", whose result is not FINDINGS");
      }
    }
    return results;
  }
}
