package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

class OperationOutcomeTest {
  private static final IptFhir FHIR = IptFhir.create();
  private static final FidelityChecker CHECKER = FidelityChecker.of(Protocols.IPT_ACUTE_16);

  /** The reference course with the inventory and relapse prevention left out. */
  private static FidelityReport reportWithFindings() {
    TreatmentCourse course = ReferenceCourses.withoutTask(
        ReferenceCourses.withoutTask(ReferenceCourses.acute16(), SessionTask.INVENTORY),
        SessionTask.RELAPSE_PREVENTION_PLAN);
    FidelityReport report = CHECKER.check(course);
    assertThat(report.findings()).as("the broken course has findings").isNotEmpty();
    return report;
  }

  @Test
  void everyFindingBecomesAnIssueInReportOrder() {
    FidelityReport report = reportWithFindings();
    OperationOutcome outcome = StrictParsing.reparse(FHIR.operationOutcome(report));

    List<Finding> findings = report.findings();
    assertThat(outcome.getIssue()).hasSize(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      OperationOutcomeIssueComponent issue = outcome.getIssue().get(i);
      assertThat(issue.getDetails().getCodingFirstRep().getSystem())
          .isEqualTo(FhirVocabulary.CODE_SYSTEM);
      assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo(finding.rule());
      assertThat(issue.getDetails().getCodingFirstRep().getDisplay()).isEqualTo(finding.name());
      assertThat(issue.getDetails().getText()).isEqualTo(finding.message());
      assertThat(issue.getSeverity().toCode()).isEqualTo(switch (finding.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "information";
      });
      if (finding.path().isEmpty()) {
        assertThat(issue.getLocation()).isEmpty();
      } else {
        assertThat(issue.getLocation()).extracting(l -> l.getValue())
            .containsExactly(finding.path());
      }
    }
  }

  @Test
  void inventoryFindingIsAnErrorAboutRuleI05() {
    OperationOutcome outcome = FHIR.operationOutcome(reportWithFindings());

    assertThat(outcome.getIssue()).anySatisfy(issue -> {
      assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("I05");
      assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
    });
  }

  @Test
  void sessionFindingCarriesItsPointerExpressionAndSessionNumber() {
    OperationOutcome outcome = FHIR.operationOutcome(reportWithFindings());
    Finding finding = reportWithFindings().findings().stream()
        .filter(f -> f.session().isPresent() && f.path().startsWith("/sessions/"))
        .findFirst().orElseThrow();
    OperationOutcomeIssueComponent issue = outcome.getIssue().get(
        reportWithFindings().findings().indexOf(finding));

    String index = finding.path().split("/")[2];
    assertThat(issue.getExpression()).extracting(e -> e.getValue())
        .first().asString().startsWith("sessions[" + index + "]");
    assertThat(issue.getExtensionByUrl(FhirVocabulary.EXTENSION_BASE + "session-number")
        .getValue().primitiveValue())
        .isEqualTo(Integer.toString(finding.session().getAsInt()));
  }

  @Test
  void reportWithoutFindingsIsOneInformationalIssue() {
    FidelityReport report = CHECKER.check(ReferenceCourses.acute16());
    assertThat(report.findings()).isEmpty();

    OperationOutcome outcome = StrictParsing.reparse(FHIR.operationOutcome(report));

    assertThat(outcome.getIssue()).hasSize(1);
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
    assertThat(outcome.getIssueFirstRep().getCode())
        .isEqualTo(OperationOutcome.IssueType.INFORMATIONAL);
  }

  @Test
  void outcomeNamesTheProtocolButNoPatientReference() {
    String json = FHIR.operationOutcomeJson(reportWithFindings());

    assertThat(json).contains("\"valueString\": \"ipt-acute-16\"");
    assertThat(json).doesNotContain("patient");
  }
}
