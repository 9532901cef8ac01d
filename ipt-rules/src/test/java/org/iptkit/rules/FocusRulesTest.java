package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;
import static org.iptkit.rules.fixtures.ReferenceCourses.withoutTask;

import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Grief;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests of the focus rules F01–F06. */
class FocusRulesTest {
  private static final String NO_AREA = "no problem area chosen (I06 reports it)";

  static RuleResult check(TreatmentCourse course, ProtocolProfile profile, String code) {
    return FidelityChecker.of(profile).check(course).result(code).orElseThrow();
  }

  static RuleResult check(TreatmentCourse course, String code) {
    return check(course, Protocols.IPT_ACUTE_16, code);
  }

  static TreatmentCourse withAreas(TreatmentCourse course, ProblemArea... areas) {
    return TreatmentCourse.copyOf(course).withProblemAreas(areas);
  }

  static RoleDispute dispute() {
    return RoleDispute.builder().primary(true).personId("partner").stage(DisputeStage.IMPASSE)
        .build();
  }

  static RoleTransition transition() {
    return RoleTransition.builder().fromRole("secret old role").toRole("secret new role").build();
  }

  /** The reference course with the middle sessions {@code numbers} addressing no chosen area. */
  static TreatmentCourse offFocus(TreatmentCourse course, int... numbers) {
    TreatmentCourse result = course;
    for (int number : numbers) {
      result = withSession(result, number, s -> s.withFocus(ProblemAreaType.GRIEF));
    }
    return result;
  }

  /** The reference course with a deceased father added to its inventory. */
  static TreatmentCourse withDeceasedFather(TreatmentCourse course) {
    InterpersonalInventory inventory = course.inventories().get(0);
    return TreatmentCourse.copyOf(course).withInventories(
        InterpersonalInventory.builder().from(inventory)
            .addPerson(Person.builder().id("father").relationship(Relationship.PARENT)
                .circle(2).contact(ContactFrequency.NONE).deceased(true).build())
            .build());
  }

  @Nested
  class F01 {
    @Test
    void f01ReportsMoreAreasThanTheProfileAllows() {
      TreatmentCourse course = withAreas(withDeceasedFather(acute16()), dispute(), transition(),
          Grief.builder().personId("father").build());
      RuleResult result = check(course, "F01");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.FINDINGS);
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("F01");
        assertThat(f.name()).isEqualTo("focus-limit");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/problemAreas");
        assertThat(f.session()).isEmpty();
        assertThat(f.protocolPath()).contains("/focus/maxAreas");
        assertThat(f.message()).isEqualTo(
            "3 problem areas were chosen; the protocol allows at most 2");
      });
    }

    @Test
    void f01ReadsTheProfilesMaximumSoBriefIptAllowsOneArea() {
      TreatmentCourse course = withAreas(acute16(), dispute(), transition());
      assertThat(check(course, "F01").outcome()).isEqualTo(RuleOutcome.PASS);
      RuleResult brief = check(course, Protocols.IPT_B_8, "F01");
      assertThat(brief.findings()).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("2 problem areas", "at most 1"));
    }

    @Test
    void f01PassesTheReferenceCourse() {
      assertThat(check(acute16(), "F01").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f01DoesNotApplyWithoutAProblemArea() {
      RuleResult result = check(withAreas(acute16()), "F01");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains(NO_AREA);
    }
  }

  @Nested
  class F02 {
    @Test
    void f02ReportsDeficitsCombinedWithAnotherArea() {
      TreatmentCourse course = withAreas(acute16(), dispute(),
          InterpersonalDeficits.builder().build());
      RuleResult result = check(course, "F02");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("F02");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/problemAreas/1");
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).isEqualTo("interpersonal deficits (problem area 2) is combined"
            + " with role dispute; it is the area of last resort, chosen only when no other"
            + " area applies");
      });
    }

    @Test
    void f02PassesDeficitsAsTheOnlyArea() {
      TreatmentCourse course = withAreas(acute16(),
          InterpersonalDeficits.builder().primary(true).build());
      assertThat(check(course, "F02").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16(), "F02").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f02DoesNotApplyWithoutAProblemArea() {
      RuleResult result = check(withAreas(acute16()), "F02");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains(NO_AREA);
    }
  }

  @Nested
  class F03 {
    @Test
    void f03ReportsEachMissingDetailAtItsField() {
      TreatmentCourse course = withAreas(acute16(),
          RoleDispute.builder().primary(true).build(),
          RoleTransition.builder().fromRole("secret old role").build(),
          Grief.builder().personId(" ").build());
      RuleResult result = check(course, "F03");
      assertThat(result.findings()).extracting(Finding::path).containsExactly(
          "/problemAreas/0/personId", "/problemAreas/0/stage", "/problemAreas/1/toRole",
          "/problemAreas/2/personId");
      assertThat(result.findings()).allSatisfy(f -> {
        assertThat(f.rule()).isEqualTo("F03");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).doesNotContain("secret");
      });
      assertThat(result.findings()).extracting(Finding::message).containsExactly(
          "problem area 1 (role dispute) does not name the other person in the dispute",
          "problem area 1 (role dispute) does not give the stage of the dispute",
          "problem area 2 (role transition) does not name the new role",
          "problem area 3 (grief) does not name the deceased person");
    }

    @Test
    void f03PassesAreasWithAllTheirDetails() {
      TreatmentCourse course = withAreas(withDeceasedFather(acute16()), dispute(), transition(),
          Grief.builder().personId("father").build(), InterpersonalDeficits.builder().build());
      assertThat(check(course, "F03").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f03DoesNotApplyWithoutAProblemArea() {
      RuleResult result = check(withAreas(acute16()), "F03");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains(NO_AREA);
    }
  }

  @Nested
  class F04 {
    @Test
    void f04ReportsAPersonMissingFromEveryInventoryWithoutPrintingTheId() {
      TreatmentCourse course = withAreas(acute16(), RoleDispute.builder().primary(true)
          .personId("stranger-42").stage(DisputeStage.RENEGOTIATION).build());
      RuleResult result = check(course, "F04");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("F04");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.path()).isEqualTo("/problemAreas/0/personId");
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).isEqualTo("the person named by problem area 1 (role dispute)"
            + " is not listed in any interpersonal inventory");
        assertThat(f.message()).doesNotContain("stranger");
      });
    }

    @Test
    void f04ReportsAGriefPersonNotMarkedDeceased() {
      TreatmentCourse course = withAreas(acute16(), dispute(),
          Grief.builder().personId("sister").build());
      assertThat(check(course, "F04").findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/problemAreas/1/personId");
        assertThat(f.message()).isEqualTo("the person named by problem area 2 (grief) is listed"
            + " in the inventory but not marked deceased");
      });
    }

    @Test
    void f04ReportsEveryNamedPersonWhenNoInventoryWasTaken() {
      TreatmentCourse course = TreatmentCourse.copyOf(withAreas(acute16(), dispute(),
          Grief.builder().personId("father").build(), transition())).withInventories();
      RuleResult result = check(course, "F04");
      assertThat(result.findings()).extracting(Finding::path)
          .containsExactly("/problemAreas/0/personId", "/problemAreas/1/personId");
      assertThat(result.findings()).allSatisfy(f -> assertThat(f.message())
          .endsWith("cannot be found: no interpersonal inventory was recorded"));
    }

    @Test
    void f04FindsPeopleInAnyInventoryOfTheCourse() {
      TreatmentCourse base = acute16();
      TreatmentCourse course = TreatmentCourse.copyOf(withAreas(base, dispute(),
              Grief.builder().personId("father").build()))
          .withInventories(base.inventories().get(0), InterpersonalInventory.builder()
              .takenOn(dateOf(16))
              .addPerson(Person.builder().id("father").deceased(true).build())
              .build());
      assertThat(check(course, "F04").outcome()).isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16(), "F04").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f04DoesNotApplyWhenNoAreaNamesAPerson() {
      RuleResult result = check(withAreas(acute16(), transition()), "F04");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no problem area names a person");
    }
  }

  @Nested
  class F05 {
    @Test
    void f05ReportsEachOffFocusMiddleSessionWhenTheShareIsTooLow() {
      RuleResult result = check(offFocus(acute16(), 5, 6, 7), "F05");
      assertThat(result.findings()).extracting(Finding::path)
          .containsExactly("/sessions/4/focus", "/sessions/5/focus", "/sessions/6/focus");
      assertThat(result.findings()).allSatisfy(f -> {
        assertThat(f.rule()).isEqualTo("F05");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.protocolPath()).contains("/focus/middleOnFocusShare");
      });
      assertThat(result.findings().get(0).session()).hasValue(5);
      assertThat(result.findings().get(0).message()).isEqualTo("session 5 did not address a"
          + " chosen problem area; 6 of 9 middle-phase sessions (66%) addressed a chosen"
          + " problem area; the protocol expects at least 75%");
    }

    @Test
    void f05PassesWhenTheShareIsMet() {
      assertThat(check(offFocus(acute16(), 5, 6), "F05").outcome())
          .isEqualTo(RuleOutcome.PASS);
      assertThat(check(acute16(), "F05").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f05ReadsTheProfilesShare() {
      ProtocolProfile lenient = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("lenient-trial").middleOnFocusShare(0.6).build();
      assertThat(check(offFocus(acute16(), 5, 6, 7), lenient, "F05").outcome())
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f05ChecksAnOngoingCourseOverItsMiddleSessionsSoFar() {
      RuleResult result = check(offFocus(acute16Ongoing(5), 5), "F05");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.session()).hasValue(5);
        assertThat(f.message()).contains("1 of 2 middle-phase sessions (50%)");
      });
    }

    @Test
    void f05DoesNotApplyWithoutMiddleSessions() {
      RuleResult result = check(acute16Ongoing(3), "F05");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no middle-phase sessions");
    }
  }

  @Nested
  class F06 {
    @Test
    void f06ReportsAMissingCoreTaskOfTheArea() {
      RuleResult result = check(withoutTask(acute16(), SessionTask.DISPUTE_STAGE_ASSESSED),
          "F06");
      assertThat(result.findings()).singleElement().satisfies(f -> {
        assertThat(f.rule()).isEqualTo("F06");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("/problemAreas/0");
        assertThat(f.session()).isEmpty();
        assertThat(f.message()).isEqualTo("problem area 1 (role dispute): assessing the"
            + " dispute and its stage was never recorded in a middle-phase session");
      });
    }

    @Test
    void f06ReportsAMissingCoreTechniqueOfTheArea() {
      TreatmentCourse course = acute16();
      for (int n = 4; n <= 12; n++) {
        course = withSession(course, n, s -> s.withTechniques(Technique.CLARIFICATION));
      }
      assertThat(check(course, "F06").findings()).singleElement().satisfies(f -> assertThat(
          f.message()).isEqualTo("problem area 1 (role dispute): communication analysis was"
              + " never recorded in a middle-phase session"));
    }

    @Test
    void f06NeedsBothGriefStrategiesInTheMiddlePhase() {
      TreatmentCourse course = withAreas(withDeceasedFather(acute16()), dispute(),
          Grief.builder().personId("father").build());
      course = withSession(course, 6, s -> s.withTasks(SessionTask.INTERIM_REVIEW,
          SessionTask.MOURNING_FACILITATED));
      // Recorded in a termination session, which is not the middle phase.
      course = withSession(course, 14, s -> s.withTasks(SessionTask.PROGRESS_REVIEWED,
          SessionTask.RELATIONSHIP_RECONSTRUCTED));
      assertThat(check(course, "F06").findings()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo("/problemAreas/1");
        assertThat(f.message()).isEqualTo("problem area 2 (grief): reconstructing the"
            + " relationship with the deceased was never recorded in a middle-phase session");
      });
      TreatmentCourse kept = withSession(course, 7, s -> s.withTasks(SessionTask.INTERIM_REVIEW,
          SessionTask.RELATIONSHIP_RECONSTRUCTED));
      assertThat(check(kept, "F06").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f06PassesTheReferenceCourse() {
      assertThat(check(acute16(), "F06").outcome()).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void f06IsDueForAnOngoingCourseOnceTheTerminationPhaseBegan() {
      TreatmentCourse course = withoutTask(acute16Ongoing(13), SessionTask.DISPUTE_STAGE_ASSESSED);
      assertThat(check(course, "F06").outcome()).isEqualTo(RuleOutcome.FINDINGS);
      TreatmentCourse discontinued = TreatmentCourse.copyOf(course)
          .withStatus(CourseStatus.DISCONTINUED);
      assertThat(check(discontinued, "F06").outcome()).isEqualTo(RuleOutcome.FINDINGS);
    }

    @Test
    void f06DoesNotApplyWhileTheMiddlePhaseGoesOn() {
      TreatmentCourse course = withoutTask(acute16Ongoing(8), SessionTask.DISPUTE_STAGE_ASSESSED);
      RuleResult result = check(course, "F06");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("the middle phase has not ended");
    }

    @Test
    void f06DoesNotApplyToACompletedCourseWithoutMiddleSessions() {
      List<Session> sessions = new ArrayList<>();
      for (Session session : acute16().sessions()) {
        sessions.add(session.isIn(Phase.MIDDLE)
            ? Session.copyOf(session).withPhase(Phase.TERMINATION) : session);
      }
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withSessions(sessions);
      RuleResult result = check(course, "F06");
      assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
      assertThat(result.reason()).contains("no middle-phase sessions (P03 reports it)");
    }
  }
}
