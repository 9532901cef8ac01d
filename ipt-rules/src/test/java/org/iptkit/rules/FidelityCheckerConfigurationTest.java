package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iptkit.core.Attendance;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

class FidelityCheckerConfigurationTest {
  private static final Set<String> ACUTE_PHASE_RULES = Set.of(
      "P02", "P03", "P04", "I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09",
      "F05", "F06", "T02", "T03", "E01", "E02", "E03", "E04");

  /** The reference course with a 17th attended session: S01 reports it (12–16 expected). */
  private static TreatmentCourse seventeenSessions() {
    TreatmentCourse course = acute16();
    List<Session> sessions = new ArrayList<>(course.sessions());
    sessions.add(Session.builder().from(sessions.get(15)).number(17)
        .date(ReferenceCourses.dateOf(17)).build());
    return ReferenceCourses.withSessions(course, sessions);
  }

  /** The reference course with PHQ-9 item 9 positive and no risk assessment in sessions 10, 11. */
  private static TreatmentCourse positiveItem9InSessionsTenAndEleven() {
    TreatmentCourse course = acute16();
    for (int number : new int[] {10, 11}) {
      course = withSession(course, number, s -> s.withMeasures(
          Measure.ofItems(Instrument.PHQ9, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
    }
    return course;
  }

  private static RuleResult result(FidelityReport report, String code) {
    return report.result(code).orElseThrow();
  }

  @Test
  void aRuleSwitchedOffByTheProfileIsNotApplicable() {
    ProtocolProfile profile = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("no-s01").putRule("S01", RuleSetting.OFF).build();
    RuleResult s01 = result(FidelityChecker.of(profile).check(seventeenSessions()), "S01");
    assertThat(s01.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    assertThat(s01.reason()).contains("switched off by configuration");
  }

  @Test
  void aRuleSwitchedOffByTheCallIsNotApplicable() {
    FidelityChecker checker = FidelityChecker.builder(Protocols.IPT_ACUTE_16).off("S01").build();
    RuleResult s01 = result(checker.check(seventeenSessions()), "S01");
    assertThat(s01.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    assertThat(s01.reason()).contains("switched off by configuration");
    assertThat(checker.check(seventeenSessions()).findings())
        .noneMatch(f -> f.rule().equals("S01"));
  }

  @Test
  void theCallsSettingWinsOverTheProfiles() {
    ProtocolProfile profile = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("no-s01").putRule("S01", RuleSetting.OFF).build();
    FidelityChecker checker = FidelityChecker.builder(profile)
        .setting("S01", RuleSetting.INFO).build();
    RuleResult s01 = result(checker.check(seventeenSessions()), "S01");
    assertThat(s01.outcome()).isEqualTo(RuleOutcome.FINDINGS);
    assertThat(s01.findings()).allMatch(f -> f.severity() == Severity.INFO);
  }

  @Test
  void aSeverityOverrideChangesTheFindingsSeverityAndTheSummaryCounts() {
    TreatmentCourse course = seventeenSessions();
    FidelityReport standard = FidelityChecker.of(Protocols.IPT_ACUTE_16).check(course);
    FidelityReport lowered = FidelityChecker.builder(Protocols.IPT_ACUTE_16)
        .severity("S01", Severity.WARNING).build().check(course);
    List<Finding> s01 = result(lowered, "S01").findings();
    assertThat(s01).isNotEmpty().allMatch(f -> f.severity() == Severity.WARNING);
    assertThat(result(standard, "S01").findings()).allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(lowered.summary().errors()).isEqualTo(standard.summary().errors() - s01.size());
    assertThat(lowered.summary().warnings())
        .isEqualTo(standard.summary().warnings() + s01.size());
    assertThat(FidelityChecker.builder(Protocols.IPT_ACUTE_16)
        .severity("S01", Severity.WARNING).build().severityOf("S01"))
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void aProfileSeveritySettingAppliesToItsChecker() {
    ProtocolProfile profile = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("s01-info").putRule("S01", RuleSetting.INFO).build();
    FidelityReport report = FidelityChecker.of(profile).check(seventeenSessions());
    assertThat(result(report, "S01").findings()).allMatch(f -> f.severity() == Severity.INFO);
  }

  @Test
  void m04CannotBeSwitchedOffByAProfile() {
    assertThatThrownBy(() -> ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("unsafe").putRule("M04", RuleSetting.OFF).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule M04 (safety-item-followed-up) cannot be switched off");
  }

  @Test
  void m04CannotBeSwitchedOffByTheCall() {
    FidelityChecker.Builder builder = FidelityChecker.builder(Protocols.IPT_ACUTE_16);
    assertThatThrownBy(() -> builder.off("M04"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule M04 (safety-item-followed-up) cannot be switched off");
    assertThatThrownBy(() -> builder.setting("M04", RuleSetting.OFF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be switched off");
  }

  @Test
  void anUnknownRuleCodeInAProfileIsAnErrorListingTheCodes() {
    assertThatThrownBy(() -> ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("typo").putRule("S99", RuleSetting.OFF).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown rule code S99")
        .hasMessageContaining(RuleCatalog.codes().toString());
  }

  @Test
  void anUnknownRuleCodeInTheCallIsAnErrorListingTheCodes() {
    assertThatThrownBy(() -> FidelityChecker.builder(Protocols.IPT_ACUTE_16).off("s01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown rule code s01")
        .hasMessageContaining(RuleCatalog.codes().toString());
    assertThatThrownBy(() -> FidelityChecker.builder(Protocols.IPT_ACUTE_16)
        .severity("X01", Severity.INFO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known codes");
  }

  @Test
  void monthlyMaintenanceMarksTheAcutePhaseRulesNotApplicable() {
    TreatmentCourse course = TreatmentCourse.copyOf(ReferenceCourses.acute16Ongoing(4));
    FidelityReport report = FidelityChecker.of(Protocols.IPT_M_MONTHLY).check(course);
    assertThat(report.results()).extracting(RuleResult::rule)
        .containsExactlyElementsOf(RuleCatalog.codes());
    for (RuleResult result : report.results()) {
      if (ACUTE_PHASE_RULES.contains(result.rule())) {
        assertThat(result.outcome()).as(result.rule()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
        assertThat(result.reason()).as(result.rule()).contains("the profile has no acute phases");
      } else {
        assertThat(result.reason()).as(result.rule())
            .isNotEqualTo(java.util.Optional.of("the profile has no acute phases"));
      }
    }
    FidelityReport acute = FidelityChecker.of(Protocols.IPT_ACUTE_16).check(course);
    assertThat(acute.results()).noneMatch(r ->
        r.reason().equals(java.util.Optional.of("the profile has no acute phases")));
  }

  @Test
  void switchingOffWinsOverTheMissingAcutePhasesReason() {
    List<String> acuteRules = RuleCatalog.codes().stream()
        .filter(ACUTE_PHASE_RULES::contains).toList();
    FidelityChecker.Builder builder = FidelityChecker.builder(Protocols.IPT_M_MONTHLY);
    acuteRules.forEach(builder::off);
    FidelityReport report = builder.build().check(ReferenceCourses.acute16Ongoing(4));
    for (String code : acuteRules) {
      assertThat(result(report, code).reason()).contains("switched off by configuration");
    }
  }

  @Test
  void adherenceIsPassedOverApplicableOverallAndPerDomain() {
    FidelityChecker.Builder builder = FidelityChecker.builder(Protocols.IPT_ACUTE_16);
    for (String code : RuleCatalog.codes()) {
      if (!code.equals("S01") && !code.equals("M04")) {
        builder.off(code);
      }
    }
    FidelityReport report = builder.build().check(seventeenSessions());
    assertThat(report.summary().byDomain())
        .containsExactly(Map.entry(RuleDomain.S, 0.0), Map.entry(RuleDomain.M, 1.0));
    assertThat(report.summary().adherence()).isEqualTo(0.5);
    assertThat(report.summary().errors()).isEqualTo(1);
  }

  @Test
  void theSummaryAgreesWithTheResultsForAnyConfiguration() {
    List<FidelityReport> reports = List.of(
        FidelityChecker.of(Protocols.IPT_ACUTE_16).check(acute16()),
        FidelityChecker.of(Protocols.IPT_ACUTE_16).check(seventeenSessions()),
        FidelityChecker.of(Protocols.IPT_ACUTE_16).check(positiveItem9InSessionsTenAndEleven()),
        FidelityChecker.of(Protocols.IPT_B_8).check(seventeenSessions()),
        FidelityChecker.of(Protocols.IPT_M_MONTHLY).check(seventeenSessions()));
    for (FidelityReport report : reports) {
      Map<RuleDomain, int[]> counts = new EnumMap<>(RuleDomain.class);
      int passed = 0;
      int applicable = 0;
      for (RuleResult result : report.results()) {
        if (result.outcome() == RuleOutcome.NOT_APPLICABLE) {
          continue;
        }
        int[] c = counts.computeIfAbsent(RuleCatalog.get(result.rule()).domain(),
            d -> new int[2]);
        c[1]++;
        applicable++;
        if (result.outcome() == RuleOutcome.PASS) {
          c[0]++;
          passed++;
        }
      }
      Map<RuleDomain, Double> expected = new EnumMap<>(RuleDomain.class);
      counts.forEach((domain, c) -> expected.put(domain, (double) c[0] / c[1]));
      assertThat(report.summary().byDomain()).isEqualTo(expected);
      assertThat(report.summary().adherence())
          .isEqualTo(applicable == 0 ? 1.0 : (double) passed / applicable);
    }
  }

  @Test
  void findingsAreSortedByPathWithArrayIndexesAsNumbers() {
    FidelityReport report = FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .check(positiveItem9InSessionsTenAndEleven());
    List<String> m04Paths = report.findings().stream()
        .filter(f -> f.rule().equals("M04")).map(Finding::path).toList();
    assertThat(m04Paths).containsExactly("/sessions/9/measures/0", "/sessions/10/measures/0");
    assertThat(report.findings()).isSortedAccordingTo(Finding.ORDER);
    assertThat(report.findings().stream().filter(f -> f.rule().equals("M04")))
        .extracting(f -> f.session().getAsInt()).containsExactly(10, 11);
  }

  @Test
  void aCancelledSessionIsNotAttendedForTheOutcome() {
    TreatmentCourse course = withSession(acute16(), 7, s -> org.iptkit.core.Session
        .builder().from(s).attendance(Attendance.CANCELLED).phase(Phase.MIDDLE)
        .minutes(java.util.OptionalInt.empty())
        .tasks(List.<SessionTask>of()).techniques(List.of()).focus(List.of())
        .measures(List.of()).build());
    assertThat(FidelityChecker.of(Protocols.IPT_ACUTE_16).check(course).outcome()
        .sessionsAttended()).isEqualTo(15);
  }
}
