package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.rules.StructureRulesTest.acuteContract;
import static org.iptkit.rules.StructureRulesTest.adolescent12;
import static org.iptkit.rules.StructureRulesTest.assertFinding;
import static org.iptkit.rules.StructureRulesTest.findings;
import static org.iptkit.rules.StructureRulesTest.firstSessions;
import static org.iptkit.rules.StructureRulesTest.groupIpt8;
import static org.iptkit.rules.StructureRulesTest.minus;
import static org.iptkit.rules.StructureRulesTest.monthly;
import static org.iptkit.rules.StructureRulesTest.onlyFinding;
import static org.iptkit.rules.StructureRulesTest.outcome;
import static org.iptkit.rules.StructureRulesTest.plus;
import static org.iptkit.rules.StructureRulesTest.reason;
import static org.iptkit.rules.StructureRulesTest.reshaped;
import static org.iptkit.rules.StructureRulesTest.withContract;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;
import static org.iptkit.rules.fixtures.ReferenceCourses.withoutTask;

import java.util.List;
import java.util.Optional;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Formulation;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Phase;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of the I rules (initial-phase tasks), each starting from the clean reference course and
 * changing one thing. The tasks are due once the initial phase is over.
 */
class InitialPhaseRulesTest {

  @Nested
  class I01DiagnosisNamed {
    @Test
    void i01ReportsADiagnosisNotNamedInTheInitialPhase() {
      TreatmentCourse course = withoutTask(acute16(), SessionTask.DIAGNOSIS_NAMED);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I01");
      assertFinding(finding, "I01", Severity.ERROR, "/sessions/2/tasks", 3,
          "the diagnosis was not named (DIAGNOSIS_NAMED) in the initial phase (sessions 1, 2, 3)");
      assertThat(finding.protocolPath()).isEmpty();
    }

    @Test
    void i01SaysWhenTheDiagnosisWasNamedOnlyLater() {
      TreatmentCourse course = withSession(withoutTask(acute16(), SessionTask.DIAGNOSIS_NAMED),
          5, s -> s.withTasks(plus(s.tasks(), SessionTask.DIAGNOSIS_NAMED)));
      assertThat(onlyFinding(Protocols.IPT_ACUTE_16, course, "I01").message()).endsWith(
          "; it was first recorded in session 5, after the initial phase");
    }

    @Test
    void i01ReportsACourseWithoutAnInitialPhase() {
      TreatmentCourse course = reshaped(acute16(), "ipt-acute-16", 16,
          n -> n <= 12 ? Phase.MIDDLE : Phase.TERMINATION);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I01");
      assertFinding(finding, "I01", Severity.ERROR, "/sessions", null,
          "the diagnosis was not named (DIAGNOSIS_NAMED): the course has no initial-phase"
              + " session; it was first recorded in session 1, after the initial phase");
    }

    @Test
    void i01CountsAPreGroupSessionAsInitial() {
      assertThat(outcome(Protocols.GROUP_IPT_8, groupIpt8(1), "I01")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i01PassesTheReferenceCourse() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "I01")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i01IsDueOnlyOnceTheInitialPhaseIsOver() {
      TreatmentCourse inInitialPhase = withoutTask(acute16Ongoing(3), SessionTask.DIAGNOSIS_NAMED);
      assertThat(reason(Protocols.IPT_ACUTE_16, inInitialPhase, "I01"))
          .isEqualTo("initial phase not over");
      TreatmentCourse afterIt = withoutTask(acute16Ongoing(4), SessionTask.DIAGNOSIS_NAMED);
      assertThat(findings(Protocols.IPT_ACUTE_16, afterIt, "I01")).hasSize(1);
      TreatmentCourse tooManyInitial = withSession(acute16Ongoing(4), 4,
          s -> s.withPhase(Phase.INITIAL));
      assertThat(outcome(Protocols.IPT_ACUTE_16,
          withoutTask(tooManyInitial, SessionTask.DIAGNOSIS_NAMED), "I01"))
          .as("more initial sessions than the maximum end the initial phase")
          .isEqualTo(RuleOutcome.FINDINGS);
    }
  }

  @Test
  void initialPhaseTasksAreDueInACompletedCourseThatNeverLeftTheInitialPhase() {
    TreatmentCourse course = TreatmentCourse.copyOf(
        withoutTask(acute16Ongoing(2), SessionTask.DIAGNOSIS_NAMED))
        .withStatus(CourseStatus.COMPLETED);
    assertThat(findings(Protocols.IPT_ACUTE_16, course, "I01")).extracting(Finding::path)
        .containsExactly("/sessions/1/tasks");
  }

  @Nested
  class I02Psychoeducation {
    @Test
    void i02ReportsMissingPsychoeducation() {
      TreatmentCourse course = withoutTask(acute16(), SessionTask.PSYCHOEDUCATION);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I02");
      assertFinding(finding, "I02", Severity.WARNING, "/sessions/2/tasks", 3,
          "no psychoeducation was given (PSYCHOEDUCATION) in the initial phase"
              + " (sessions 1, 2, 3)");
    }

    @Test
    void i02PassesPsychoeducationInAnyInitialSession() {
      TreatmentCourse course = withSession(withoutTask(acute16(), SessionTask.PSYCHOEDUCATION),
          3, s -> s.withTasks(plus(s.tasks(), SessionTask.PSYCHOEDUCATION)));
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "I02")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i02IsDueOnlyOnceTheInitialPhaseIsOver() {
      assertThat(reason(Protocols.IPT_ACUTE_16,
          withoutTask(acute16Ongoing(2), SessionTask.PSYCHOEDUCATION), "I02"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I03SickRole {
    @Test
    void i03ReportsAMissingSickRole() {
      TreatmentCourse course = withoutTask(acute16(), SessionTask.SICK_ROLE_GIVEN);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I03");
      assertFinding(finding, "I03", Severity.WARNING, "/sessions/2/tasks", 3,
          "the full sick role was not given (SICK_ROLE_GIVEN) in the initial phase"
              + " (sessions 1, 2, 3)");
      assertThat(finding.protocolPath()).contains("/sickRole");
    }

    @Test
    void i03ReportsTheOtherKindOfSickRoleWithItsOwnMessage() {
      TreatmentCourse limitedInAdultIpt = withSession(acute16(), 1, s -> s.withTasks(plus(
          minus(s.tasks(), SessionTask.SICK_ROLE_GIVEN), SessionTask.LIMITED_SICK_ROLE_GIVEN)));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, limitedInAdultIpt, "I03");
      assertFinding(finding, "I03", Severity.WARNING, "/sessions/0/tasks", 1,
          "session 1 gave the limited sick role (LIMITED_SICK_ROLE_GIVEN); the protocol gives"
              + " the full sick role (SICK_ROLE_GIVEN)");

      TreatmentCourse fullInIptA = withSession(adolescent12(), 1, s -> s.withTasks(plus(
          minus(s.tasks(), SessionTask.LIMITED_SICK_ROLE_GIVEN), SessionTask.SICK_ROLE_GIVEN)));
      assertThat(findings(Protocols.IPT_A_12, fullInIptA, "I03")).extracting(Finding::message)
          .containsExactly("session 1 gave the full sick role (SICK_ROLE_GIVEN); the protocol"
              + " gives the limited sick role (LIMITED_SICK_ROLE_GIVEN)");
    }

    @Test
    void i03PassesTheSickRoleOfTheProfile() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "I03")).isEqualTo(RuleOutcome.PASS);
      assertThat(outcome(Protocols.IPT_A_12, adolescent12(), "I03")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i03DoesNotApplyToAProfileWithoutASickRole() {
      ProtocolProfile noSickRole = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .sickRole(SickRole.NONE).build();
      assertThat(reason(noSickRole, withoutTask(acute16(), SessionTask.SICK_ROLE_GIVEN), "I03"))
          .isEqualTo("the profile gives no sick role");
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16Ongoing(1), "I03"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I04MedicationEvaluated {
    @Test
    void i04ReportsMedicationNotEvaluated() {
      TreatmentCourse course = withoutTask(acute16(), SessionTask.MEDICATION_EVALUATED);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I04");
      assertFinding(finding, "I04", Severity.WARNING, "/sessions/2/tasks", 3,
          "the need for medication was not evaluated (MEDICATION_EVALUATED) in the initial"
              + " phase (sessions 1, 2, 3)");
    }

    @Test
    void i04PassesTheReferenceCourse() {
      assertThat(outcome(Protocols.IPT_ACUTE_16, acute16(), "I04")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i04IsDueOnlyOnceTheInitialPhaseIsOver() {
      assertThat(reason(Protocols.IPT_ACUTE_16,
          withoutTask(acute16Ongoing(3), SessionTask.MEDICATION_EVALUATED), "I04"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I05InventoryTaken {
    @Test
    void i05ReportsACourseWithoutAnInventory() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16())
          .withInventories(List.of());
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I05");
      assertFinding(finding, "I05", Severity.ERROR, "/inventories", null,
          "no interpersonal inventory was recorded");
    }

    @Test
    void i05ReportsAnInventoryTakenAfterTheInitialPhase() {
      TreatmentCourse course = withInventory(acute16(), i -> i.withTakenOn(dateOf(5)));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I05");
      assertFinding(finding, "I05", Severity.ERROR, "/inventories/0/takenOn", null,
          "the interpersonal inventory was taken 14 days after the last initial-phase session"
              + " (session 3)");
    }

    @Test
    void i05ReportsAnInventoryThatListsNobody() {
      TreatmentCourse course = withInventory(acute16(), i -> i.withPeople(List.<Person>of()));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I05");
      assertFinding(finding, "I05", Severity.ERROR, "/inventories/0/people", null,
          "the interpersonal inventory lists no person");
    }

    @Test
    void i05ReportsTheInventoryTaskMissingAsAPartOfItsOwn() {
      TreatmentCourse course = withoutTask(acute16(), SessionTask.INVENTORY);
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I05");
      assertFinding(finding, "I05", Severity.ERROR, "/sessions/2/tasks", 3,
          "taking the interpersonal inventory was not recorded (INVENTORY) in the initial phase"
              + " (sessions 1, 2, 3)");
      TreatmentCourse both = TreatmentCourse.copyOf(course).withInventories(List.of());
      assertThat(findings(Protocols.IPT_ACUTE_16, both, "I05")).extracting(Finding::path)
          .containsExactly("/inventories", "/sessions/2/tasks");
    }

    @Test
    void i05AcceptsASecondInventoryAtTheEnd() {
      InterpersonalInventory first = acute16().inventories().get(0);
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withInventories(
          InterpersonalInventory.copyOf(first).withTakenOn(dateOf(16)), first);
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "I05")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i05IsDueOnlyOnceTheInitialPhaseIsOver() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(3))
          .withInventories(List.of());
      assertThat(reason(Protocols.IPT_ACUTE_16, course, "I05"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I06FocusChosen {
    @Test
    void i06ReportsACourseWithoutAProblemArea() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16())
          .withProblemAreas(List.of());
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I06");
      assertFinding(finding, "I06", Severity.ERROR, "/problemAreas", null,
          "no problem area was chosen");
    }

    @Test
    void i06ReportsAFormulationSharedAfterTheInitialPhase() {
      TreatmentCourse course = withFormulation(acute16(), f -> f.withSharedOn(dateOf(6)));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I06");
      assertFinding(finding, "I06", Severity.ERROR, "/formulation/sharedOn", null,
          "the formulation naming the focus was shared 21 days after the last initial-phase"
              + " session (session 3)");
    }

    @Test
    void i06DoesNotReadSessionFocusOrNeedAFormulation() {
      TreatmentCourse noFocusLists = StructureRulesTest.everySession(acute16(),
          s -> s.withFocus(List.of()));
      assertThat(outcome(Protocols.IPT_ACUTE_16, noFocusLists, "I06"))
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse noFormulation = TreatmentCourse.copyOf(acute16())
          .withFormulation(Optional.empty());
      assertThat(outcome(Protocols.IPT_ACUTE_16, noFormulation, "I06"))
          .isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i06IsDueOnlyOnceTheInitialPhaseIsOver() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(2))
          .withProblemAreas(List.of());
      assertThat(reason(Protocols.IPT_ACUTE_16, course, "I06"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I07FormulationShared {
    @Test
    void i07ReportsEachFailedPart() {
      TreatmentCourse course = withFormulation(
          withoutTask(withExtraArea(acute16()), SessionTask.FORMULATION_SHARED),
          f -> f.withPatientAgreed(false));
      List<Finding> findings = findings(Protocols.IPT_ACUTE_16, course, "I07");
      assertThat(findings).hasSize(3);
      assertFinding(findings.get(0), "I07", Severity.WARNING, "/formulation/areas", null,
          "the formulation does not name the chosen problem area role transition");
      assertFinding(findings.get(1), "I07", Severity.WARNING, "/formulation/patientAgreed", null,
          "the patient's agreement with the formulation was not recorded");
      assertFinding(findings.get(2), "I07", Severity.WARNING, "/sessions/2/tasks", 3,
          "sharing the interpersonal formulation was not recorded (FORMULATION_SHARED) in the"
              + " initial phase (sessions 1, 2, 3)");
    }

    @Test
    void i07ReportsAMissingFormulation() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16())
          .withFormulation(Optional.empty());
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I07");
      assertFinding(finding, "I07", Severity.WARNING, "/formulation", null,
          "no interpersonal formulation was recorded");
    }

    @Test
    void i07PassesAFormulationThatNamesEveryChosenArea() {
      TreatmentCourse course = withFormulation(withExtraArea(acute16()),
          f -> f.withAreas(ProblemAreaType.ROLE_DISPUTE, ProblemAreaType.ROLE_TRANSITION));
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "I07")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i07IsDueOnlyOnceTheInitialPhaseIsOver() {
      assertThat(reason(Protocols.IPT_ACUTE_16,
          withoutTask(acute16Ongoing(3), SessionTask.FORMULATION_SHARED), "I07"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I08ContractAgreed {
    @Test
    void i08ReportsACourseWithoutAnAcuteContract() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withContracts(
          Contract.builder().kind(ContractKind.MAINTENANCE).agreedOn(dateOf(3)).build());
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I08");
      assertFinding(finding, "I08", Severity.ERROR, "/contracts", null,
          "no acute treatment contract was recorded");
    }

    @Test
    void i08ReportsAContractAgreedAfterTheInitialPhase() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16())
          .withContracts(acuteContract(dateOf(5), 16));
      Finding finding = onlyFinding(Protocols.IPT_ACUTE_16, course, "I08");
      assertFinding(finding, "I08", Severity.ERROR, "/contracts/0/agreedOn", null,
          "the treatment contract was agreed 14 days after the last initial-phase session"
              + " (session 3)");
    }

    @Test
    void i08ReportsAContractWithoutSessionsOrFrequency() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16()).withContracts(
          Contract.builder().kind(ContractKind.ACUTE).agreedOn(dateOf(2)).build());
      assertThat(findings(Protocols.IPT_ACUTE_16, course, "I08")).extracting(Finding::message)
          .containsExactly("the treatment contract does not state the frequency of sessions",
              "the treatment contract does not state the number of sessions");
    }

    @Test
    void i08AcceptsARenegotiationAfterAContractAgreedInTime() {
      TreatmentCourse course = withContract(acute16(), acuteContract(dateOf(9), 14));
      assertThat(outcome(Protocols.IPT_ACUTE_16, course, "I08")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i08CountsPreGroupSessionsAsInitial() {
      TreatmentCourse contractInPreGroup = TreatmentCourse.copyOf(groupIpt8(1))
          .withContracts(acuteContract(dateOf(1), 8));
      assertThat(outcome(Protocols.GROUP_IPT_8, contractInPreGroup, "I08"))
          .isEqualTo(RuleOutcome.PASS);
      TreatmentCourse afterGroupSessionOne = TreatmentCourse.copyOf(groupIpt8(1))
          .withContracts(acuteContract(dateOf(3), 8));
      assertThat(findings(Protocols.GROUP_IPT_8, afterGroupSessionOne, "I08"))
          .extracting(Finding::message).containsExactly("the treatment contract was agreed"
              + " 7 days after the last initial-phase session (session 2)");
    }

    @Test
    void i08IsDueOnlyOnceTheInitialPhaseIsOver() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(2))
          .withContracts(List.of());
      assertThat(reason(Protocols.IPT_ACUTE_16, course, "I08"))
          .isEqualTo("initial phase not over");
    }
  }

  @Nested
  class I09CaregiverInvolved {
    @Test
    void i09ReportsNoCaregiverInTheInitialPhase() {
      TreatmentCourse course = withSession(adolescent12(), 1,
          s -> s.withTasks(minus(s.tasks(), SessionTask.CAREGIVER_INVOLVED)));
      Finding finding = onlyFinding(Protocols.IPT_A_12, course, "I09");
      assertFinding(finding, "I09", Severity.WARNING, "/sessions/3/tasks", 4,
          "no caregiver was involved (CAREGIVER_INVOLVED) in the initial phase"
              + " (sessions 1, 2, 3, 4)");
      assertThat(finding.protocolPath()).contains("/caregiverInvolvement");
    }

    @Test
    void i09ReportsNoCaregiverInTheTerminationPhaseOfACompletedCourse() {
      TreatmentCourse course = withSession(adolescent12(), 12,
          s -> s.withTasks(minus(s.tasks(), SessionTask.CAREGIVER_INVOLVED)));
      Finding finding = onlyFinding(Protocols.IPT_A_12, course, "I09");
      assertFinding(finding, "I09", Severity.WARNING, "/sessions/11/tasks", 12,
          "no caregiver was involved (CAREGIVER_INVOLVED) in the termination phase"
              + " (sessions 9, 10, 11, 12)");
    }

    @Test
    void i09ChecksOnlyTheInitialPhaseOfAnOngoingCourse() {
      TreatmentCourse ongoing = TreatmentCourse.copyOf(firstSessions(adolescent12(), 10))
          .withEndedOn(java.util.Optional.empty()).withStatus(CourseStatus.ONGOING);
      assertThat(outcome(Protocols.IPT_A_12, ongoing, "I09")).isEqualTo(RuleOutcome.PASS);
      TreatmentCourse noCaregiver = withSession(ongoing, 1,
          s -> s.withTasks(minus(s.tasks(), SessionTask.CAREGIVER_INVOLVED)));
      assertThat(findings(Protocols.IPT_A_12, noCaregiver, "I09")).extracting(Finding::path)
          .containsExactly("/sessions/3/tasks");
    }

    @Test
    void i09PassesACaregiverInvolvedAtStartAndEnd() {
      assertThat(outcome(Protocols.IPT_A_12, adolescent12(), "I09")).isEqualTo(RuleOutcome.PASS);
    }

    @Test
    void i09DoesNotApplyToProfilesThatDoNotRequireACaregiver() {
      assertThat(reason(Protocols.IPT_ACUTE_16, acute16(), "I09"))
          .isEqualTo("profile does not require caregiver involvement");
      TreatmentCourse early = TreatmentCourse.copyOf(firstSessions(adolescent12(), 3))
          .withEndedOn(java.util.Optional.empty()).withStatus(CourseStatus.ONGOING);
      assertThat(reason(Protocols.IPT_A_12, early, "I09")).isEqualTo("initial phase not over");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09"})
  void initialPhaseRulesDoNotApplyToAProfileWithoutAcutePhases(String rule) {
    RuleResult result = FidelityChecker.of(Protocols.IPT_M_MONTHLY).check(monthly(6))
        .result(rule).orElseThrow();
    assertThat(result.outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    assertThat(result.reason()).contains("the profile has no acute phases");
  }

  @Test
  void theIptAReferenceKeepsEveryInitialPhaseRule() {
    FidelityReport report = FidelityChecker.of(Protocols.IPT_A_12).check(adolescent12());
    for (String rule : List.of("I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09")) {
      assertThat(report.result(rule).orElseThrow().outcome()).as(rule)
          .isEqualTo(RuleOutcome.PASS);
    }
  }

  private static TreatmentCourse withInventory(TreatmentCourse course,
      java.util.function.UnaryOperator<InterpersonalInventory> change) {
    return TreatmentCourse.copyOf(course).withInventories(
        change.apply(InterpersonalInventory.copyOf(course.inventories().get(0))));
  }

  private static TreatmentCourse withFormulation(TreatmentCourse course,
      java.util.function.UnaryOperator<Formulation> change) {
    Formulation formulation = course.formulation().orElseThrow();
    return TreatmentCourse.copyOf(course)
        .withFormulation(change.apply(Formulation.copyOf(formulation)));
  }

  /** A copy of {@code course} with a second problem area, a role transition. */
  private static TreatmentCourse withExtraArea(TreatmentCourse course) {
    return TreatmentCourse.copyOf(course).withProblemAreas(StructureRulesTest.append(
        course.problemAreas(), RoleTransition.builder().primary(false).build()));
  }
}
