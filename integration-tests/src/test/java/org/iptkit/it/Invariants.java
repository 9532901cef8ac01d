package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.AgendaItem;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.Severity;

/** What every fidelity report and agenda must satisfy, whatever course it is about. */
final class Invariants {
  private static final Pattern POINTER = Pattern.compile("(/[^/]*)*");

  private Invariants() {}

  /**
   * A report is consistent: adherence overall and per domain in [0, 1], one result per catalog
   * rule in catalog order, the findings exactly those of the results and sorted in report order,
   * and the counts per severity matching the findings.
   */
  static void assertConsistent(FidelityReport report, TreatmentCourse course) {
    double adherence = report.summary().adherence();
    assertThat(adherence).as("adherence").isBetween(0.0, 1.0);
    report.summary().byDomain().forEach((domain, share) ->
        assertThat(share).as("adherence of domain %s", domain).isBetween(0.0, 1.0));

    assertThat(report.results()).extracting(RuleResult::rule)
        .as("one result per catalog rule").containsExactlyElementsOf(RuleCatalog.codes());
    List<Finding> fromResults = new ArrayList<>();
    for (RuleResult result : report.results()) {
      assertThat(result.findings().isEmpty())
          .as("rule %s with outcome %s", result.rule(), result.outcome())
          .isEqualTo(result.outcome() != RuleOutcome.FINDINGS);
      for (Finding finding : result.findings()) {
        assertThat(finding.rule()).isEqualTo(result.rule());
        fromResults.add(finding);
      }
    }
    assertThat(multiset(report.findings())).as("findings are those of the results")
        .isEqualTo(multiset(fromResults));
    List<Finding> findings = report.findings();
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      if (i > 0 && Finding.ORDER.compare(findings.get(i - 1), finding) > 0) {
        fail("findings out of report order at %d: %s after %s", i, finding, findings.get(i - 1));
      }
      if (!POINTER.matcher(finding.path()).matches() || finding.message().isBlank()) {
        fail("finding without a pointer or message: %s", finding);
      }
    }
    assertThat(report.summary().errors()).as("errors").isEqualTo(count(report, Severity.ERROR));
    assertThat(report.summary().warnings()).as("warnings")
        .isEqualTo(count(report, Severity.WARNING));
    assertThat(report.summary().infos()).as("infos").isEqualTo(count(report, Severity.INFO));
    assertThat(report.courseId()).isEqualTo(course.courseId());
    assertThat(report.status()).isEqualTo(course.status());
  }

  /** How often each finding occurs (a linear-time comparison of thousands of findings). */
  private static Map<Finding, Integer> multiset(List<Finding> findings) {
    Map<Finding, Integer> counts = new HashMap<>();
    findings.forEach(f -> counts.merge(f, 1, Integer::sum));
    return counts;
  }

  private static long count(FidelityReport report, Severity severity) {
    return report.findings().stream().filter(f -> f.severity() == severity).count();
  }

  /** An agenda is consistent: sorted items, and only an ONGOING course has a next session. */
  static void assertConsistent(Agenda agenda, TreatmentCourse course) {
    List<AgendaItem> items = agenda.items();
    for (int i = 1; i < items.size(); i++) {
      if (AgendaItem.ORDER.compare(items.get(i - 1), items.get(i)) > 0) {
        fail("agenda items out of order at %d", i);
      }
    }
    if (course.status() != CourseStatus.ONGOING) {
      assertThat(agenda.items()).isEmpty();
      assertThat(agenda.nextSessionNumber()).isEmpty();
    }
    for (AgendaItem item : agenda.items()) {
      assertThat(item.message()).isNotBlank();
    }
  }

  /** Checks and plans the course with the checker and asserts both results consistent. */
  static FidelityReport checkConsistently(FidelityChecker checker, TreatmentCourse course) {
    FidelityReport report = checker.check(course);
    assertConsistent(report, course);
    assertConsistent(checker.agenda(course), course);
    return report;
  }
}
