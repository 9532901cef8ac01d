package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

class ReferenceCourseTest {
  @Test
  void cleanAcute16CourseHasNoFindings() {
    FidelityReport report = FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .check(ReferenceCourses.acute16());
    assertThat(report.findings()).isEmpty();
    assertThat(report.summary().adherence()).isEqualTo(1.0);
    assertThat(report.outcome().response()).contains(true);
    assertThat(report.outcome().remission()).contains(true);
    assertThat(report.outcome().completer()).contains(true);
  }

  @Test
  void m04FlagsPositiveItem9WithoutRiskAssessment() {
    var course = ReferenceCourses.withSession(ReferenceCourses.acute16(), 1, s -> s.withMeasures(
        org.iptkit.core.Measure.ofItems(org.iptkit.core.Instrument.PHQ9,
            3, 2, 2, 2, 2, 2, 2, 1, 2)));
    FidelityReport report = FidelityChecker.of(Protocols.IPT_ACUTE_16).check(course);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("M04");
      assertThat(f.path()).isEqualTo("/sessions/0/measures/0");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("item 9 scored 2 in session 1");
    });
  }
}
