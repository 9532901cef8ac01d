package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.EndingRulesTest.acuteThenMaintenance;
import static org.iptkit.rules.EndingRulesTest.contract;
import static org.iptkit.rules.EndingRulesTest.maintenanceSession;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;

import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Test;

/**
 * Acute treatment followed by continuation or maintenance in one course record (W2018 ch.2;
 * Frank 1990): the acute rules judge the acute sessions alone, the maintenance sessions keep
 * their own cadence and contract.
 */
class AcuteThenMaintenanceTest {
  private static final FidelityChecker ACUTE = FidelityChecker.of(Protocols.IPT_ACUTE_16);

  /** The reference course, then sessions 17-19 every four weeks under a continuation contract. */
  private static TreatmentCourse continued() {
    return acuteThenMaintenance(contract(ContractKind.CONTINUATION, dateOf(16)));
  }

  private static List<String> rulesWithFindings(TreatmentCourse course) {
    return ACUTE.check(course).findings().stream().map(Finding::rule).distinct().toList();
  }

  @Test
  void aCourseThatFollowsAcuteTreatmentWithContinuationKeepsTheProtocol() {
    assertThat(ACUTE.check(acute16()).findings()).isEmpty();
    assertThat(ACUTE.check(continued()).findings()).isEmpty();
    TreatmentCourse ongoing = TreatmentCourse.builder().from(continued())
        .status(CourseStatus.ONGOING).endedOn(java.util.Optional.empty()).build();
    assertThat(ACUTE.check(ongoing).findings()).isEmpty();
    // The acute rules judged the 16 acute sessions as a completed acute treatment.
    assertThat(ACUTE.check(ongoing).result("S02").orElseThrow().outcome())
        .isEqualTo(RuleOutcome.PASS);
  }

  @Test
  void maintenanceSessionsAreHeldToTheMaintenanceCadence() {
    List<Session> sessions = new ArrayList<>(continued().sessions());
    java.time.LocalDate twenty = dateOf(16).plusWeeks(12).plusDays(46);
    sessions.add(maintenanceSession(20, twenty));
    TreatmentCourse late = TreatmentCourse.builder().from(continued()).sessions(sessions)
        .endedOn(twenty).build();
    assertThat(ACUTE.check(late).findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("S04");
      assertThat(f.path()).isEqualTo("/sessions/19/date");
      assertThat(f.message()).isEqualTo("gap of 46 days between maintenance sessions 19 and 20;"
          + " the maintenance cadence allows 45");
    });
  }

  @Test
  void withoutAContinuationContractTheMaintenanceSessionsCountAsAcuteOnes() {
    // No contract after the acute one: E06 reports the sessions, which the acute rules count.
    assertThat(rulesWithFindings(acuteThenMaintenance()))
        .contains("E06", "S01", "S02", "S04", "S05");
    // A continuation contract agreed before the acute one does not cover them either.
    assertThat(rulesWithFindings(acuteThenMaintenance(
        contract(ContractKind.CONTINUATION, dateOf(1).minusDays(30))))).contains("E06", "S01");
  }
}
