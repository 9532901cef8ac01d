package org.iptkit.fhir.internal;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.StringType;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;

/**
 * A fidelity report as a FHIR {@code OperationOutcome}: one issue per finding, in report order,
 * with the severity, the rule code (iptkit code system) and message, the finding's JSON Pointer
 * as location and its FHIRPath-like rendering as expression, the session number, and the
 * profile parameter the rule read. A report without findings gives one informational issue.
 */
public final class OperationOutcomes {
  private OperationOutcomes() {}

  /** The OperationOutcome of {@code report}. */
  public static OperationOutcome of(FidelityReport report) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addExtension(Ext.PROTOCOL.url(), new StringType(report.protocol()));
    for (Finding finding : report.findings()) {
      OperationOutcomeIssueComponent issue = outcome.addIssue();
      issue.setSeverity(switch (finding.severity()) {
        case ERROR -> IssueSeverity.ERROR;
        case WARNING -> IssueSeverity.WARNING;
        case INFO -> IssueSeverity.INFORMATION;
      });
      issue.setCode(switch (finding.severity()) {
        case ERROR, WARNING -> IssueType.BUSINESSRULE;
        case INFO -> IssueType.INFORMATIONAL;
      });
      issue.setDetails(new CodeableConcept().addCoding(Terminology.ruleCoding(finding.rule())
          .setDisplay(finding.name())).setText(finding.message()));
      finding.protocolPath().ifPresent(path ->
          issue.setDiagnostics("protocol parameter " + path));
      if (!finding.path().isEmpty()) {
        issue.addLocation(finding.path());
        issue.addExpression(expression(finding.path()));
      }
      finding.session().ifPresent(number ->
          issue.addExtension(Ext.SESSION_NUMBER.url(), new PositiveIntType(number)));
    }
    if (report.findings().isEmpty()) {
      outcome.addIssue().setSeverity(IssueSeverity.INFORMATION)
          .setCode(IssueType.INFORMATIONAL)
          .setDetails(new CodeableConcept().setText("No fidelity findings: the course keeps "
              + "every rule of protocol " + report.protocol() + " that applies."));
    }
    return outcome;
  }

  /**
   * A FHIRPath-like rendering of a JSON Pointer into the course document:
   * {@code /sessions/6/measures/0} → {@code sessions[6].measures[0]}.
   */
  public static String expression(String pointer) {
    StringBuilder out = new StringBuilder();
    String[] segments = pointer.substring(1).split("/", -1);
    for (String raw : segments) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
          && out.length() > 0) {
        out.append('[').append(segment).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(segment.matches("[A-Za-z_][A-Za-z0-9_]*") ? segment : "`" + segment + "`");
      }
    }
    return out.toString();
  }
}
