package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.FocusRulesTest.check;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;

import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests of the technique rules T01–T03. */
class TechniqueRulesTest {

  @Nested
  class T01 {
    private final TreatmentCourse proscribed = withSession(acute16(), 6,
        s -> s.withTechniques(Technique.COMMUNICATION_ANALYSIS, Technique.DREAM_INTERPRETATION,
            Technique.ASSIGNED_HOMEWORK));

    @Test
    void t01ReportsEachProscribedTechniqueOfASession() {
      RuleResult result = check(proscribed, "T01");
      assertThat(result.findings()).hasSize(2).allSatisfy(f -> {
        assertThat(f.rule()).isEqualTo("T01");
        assertThat(f.name()).isEqualTo("non-ipt-technique");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/sessions/5/techniques");
        assertThat(f.session()).hasValue(6);
        assertThat(f.protocolPath()).contains("/allowedTechniques");
      });
      assertThat(result.findings()).extracting(Finding::message).containsExactly(
          "assigned homework, a technique outside IPT that the protocol does not allow, was"
              + " recorded in session 6",
          "dream interpretation, a technique outside IPT that the protocol does not allow, was"
              + " recorded in session 6");
    }

    @Test
    void t01ChecksSessionsOfEveryPhase() {
      TreatmentCourse course = withSession(acute16(), 15,
          s -> s.withTechniques(Technique.TRANSFERENCE_INTERPRETATION));
      assertThat(check(course, "T01").findings()).singleElement()
          .satisfies(f -> assertThat(f.path()).isEqualTo("/sessions/14/techniques"));
    }

    @Test
    void t01SparesTechniquesTheProfileAllows() {
      ProtocolProfile homework = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("homework-trial").addAllowedTechnique(Technique.ASSIGNED_HOMEWORK).build();
      assertThat(check(proscribed, homework, "T01").findings()).singleElement()
          .satisfies(f -> assertThat(f.message()).startsWith("dream interpretation"));
    }

    @Test
    void t01PassesTheReferenceCourse() {
      assertThat(check(acute16(), "T01").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void t01DoesNotApplyWithoutAttendedSessions() {
      TreatmentCourse empty = TreatmentCourse.copyOf(acute16Ongoing(1)).withSessions();
      RuleResult result = check(empty, "T01");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no attended sessions");
    }
  }

  @Nested
  class T02 {
    @Test
    void t02ReportsAMiddleSessionWithoutInterimReview() {
      TreatmentCourse course = withSession(acute16(), 7,
          s -> s.withTasks(SessionTask.RISK_ASSESSED));
      assertThat(check(course, "T02").findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("T02");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.path()).isEqualTo("/sessions/6/tasks");
        assertThat(f.session()).hasValue(7);
        assertThat(f.message()).isEqualTo("middle-phase session 7 records no interim review");
      });
    }

    @Test
    void t02PassesTheReferenceCourse() {
      assertThat(check(acute16(), "T02").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void t02DoesNotApplyBeforeTheMiddlePhase() {
      RuleResult result = check(acute16Ongoing(3), "T02");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no middle-phase sessions");
    }

    @Test
    void t02DoesNotApplyToAMaintenanceProfile() {
      RuleResult result = check(EndingRulesTest.maintenanceCourse(), Protocols.IPT_M_MONTHLY,
          "T02");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("the profile has no acute phases");
    }
  }

  @Nested
  class T03 {
    @Test
    void t03ReportsAMiddleSessionWithoutAnIptTechnique() {
      TreatmentCourse course = withSession(acute16(), 8,
          s -> s.withTechniques(Technique.ASSIGNED_HOMEWORK));
      assertThat(check(course, "T03").findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("T03");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/sessions/7/techniques");
        assertThat(f.session()).hasValue(8);
        assertThat(f.message()).isEqualTo("middle-phase session 8 records no IPT technique");
      });
      TreatmentCourse none = withSession(acute16(), 9, s -> s.withTechniques());
      assertThat(check(none, "T03").findings()).singleElement()
          .satisfies(f -> assertThat(f.path()).isEqualTo("/sessions/8/techniques"));
    }

    @Test
    void t03PassesTheReferenceCourse() {
      assertThat(check(acute16(), "T03").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16Ongoing(6), "T03").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void t03DoesNotApplyBeforeTheMiddlePhase() {
      RuleResult result = check(acute16Ongoing(2), "T03");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no middle-phase sessions");
    }
  }
}
