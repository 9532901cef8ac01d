package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16;
import static org.iptkit.rules.fixtures.ReferenceCourses.acute16Ongoing;
import static org.iptkit.rules.fixtures.ReferenceCourses.dateOf;
import static org.iptkit.rules.fixtures.ReferenceCourses.withSession;
import static org.iptkit.rules.fixtures.ReferenceCourses.withoutTask;

import java.util.List;
import java.util.Optional;
import org.iptkit.core.Attendance;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgendaTest {
  private static final FidelityChecker ACUTE = FidelityChecker.of(Protocols.IPT_ACUTE_16);

  private static Optional<AgendaItem> item(Agenda agenda, AgendaItem.Kind kind, String rule) {
    return agenda.items().stream()
        .filter(i -> i.kind() == kind && i.rule().equals(Optional.of(rule)))
        .findFirst();
  }

  private static List<SessionTask> dueTasks(Agenda agenda) {
    return agenda.due().stream().flatMap(i -> i.task().stream()).toList();
  }

  @Nested
  class WhereTheCourseStands {
    @Test
    void afterSessionOneTheNextSessionIsTheSecondInitialOneAWeekLater() {
      Agenda agenda = ACUTE.agenda(acute16Ongoing(1));
      assertThat(agenda.reason()).isEmpty();
      assertThat(agenda.protocol()).isEqualTo("ipt-acute-16");
      assertThat(agenda.nextSessionNumber()).hasValue(2);
      assertThat(agenda.nextSessionDate()).contains(dateOf(2));
      assertThat(agenda.nextPhase()).contains(Phase.INITIAL);
      assertThat(agenda.sessionsAttended()).isEqualTo(1);
      assertThat(agenda.plannedSessions()).hasValue(16);
      assertThat(agenda.sessionsRemaining()).hasValue(15);
    }

    @Test
    void theExpectedPhaseFollowsTheProfilesPhaseRanges() {
      assertThat(ACUTE.agenda(acute16Ongoing(2)).nextPhase()).contains(Phase.INITIAL);
      assertThat(ACUTE.agenda(acute16Ongoing(3)).nextPhase()).contains(Phase.MIDDLE);
      assertThat(ACUTE.agenda(acute16Ongoing(11)).nextPhase()).contains(Phase.MIDDLE);
      assertThat(ACUTE.agenda(acute16Ongoing(12)).nextPhase()).contains(Phase.TERMINATION);
      assertThat(ACUTE.agenda(acute16Ongoing(15)).nextPhase()).contains(Phase.TERMINATION);
    }

    @Test
    void theExpectedPhaseNeverGoesBackBehindTheLastSession() {
      TreatmentCourse early = withSession(acute16Ongoing(2), 2, s -> s.withPhase(Phase.MIDDLE));
      assertThat(ACUTE.agenda(early).nextPhase()).contains(Phase.MIDDLE);
    }

    @Test
    void theNextDateFollowsTheContractsFrequency() {
      TreatmentCourse course = acute16Ongoing(4);
      Contract fortnightly = Contract.builder().from(course.contracts().get(0))
          .frequency(Frequency.FORTNIGHTLY).build();
      Agenda agenda = ACUTE.agenda(
          TreatmentCourse.copyOf(course).withContracts(fortnightly));
      assertThat(agenda.nextSessionDate()).contains(dateOf(4).plusDays(14));
    }

    @Test
    void withoutAContractNothingIsPlannedAndTheNextSessionIsAWeekLater() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(4))
          .withContracts(List.of());
      Agenda agenda = ACUTE.agenda(course);
      assertThat(agenda.plannedSessions()).isEmpty();
      assertThat(agenda.sessionsRemaining()).isEmpty();
      assertThat(agenda.nextSessionDate()).contains(dateOf(5));
    }

    @Test
    void theNextNumberFollowsTheLastRecordedSessionEvenIfMissed() {
      TreatmentCourse course = withSession(acute16Ongoing(5), 5,
          s -> Session.builder().from(s).attendance(Attendance.NO_SHOW)
              .minutes(java.util.OptionalInt.empty())
              .tasks(List.of()).techniques(List.of()).focus(List.of()).measures(List.of())
              .build());
      Agenda agenda = ACUTE.agenda(course);
      assertThat(agenda.nextSessionNumber()).hasValue(6);
      assertThat(agenda.nextSessionDate()).contains(dateOf(6));
      assertThat(agenda.sessionsAttended()).isEqualTo(4);
      assertThat(agenda.sessionsRemaining()).hasValue(12);
    }

    @Test
    void theAgendaOfTheCheckerEqualsAgendaOf() {
      TreatmentCourse course = acute16Ongoing(6);
      assertThat(ACUTE.agenda(course)).isEqualTo(Agenda.of(ACUTE, course));
    }
  }

  @Nested
  class InitialPhase {
    @Test
    void theInitialTasksStillMissingAreDueInTheLastInitialSession() {
      // The reference records the formulation in session 3: after session 2 it is due.
      Agenda agenda = ACUTE.agenda(acute16Ongoing(2));
      assertThat(item(agenda, AgendaItem.Kind.DUE, "I07")).hasValueSatisfying(i -> {
        assertThat(i.task()).contains(SessionTask.FORMULATION_SHARED);
        assertThat(i.message()).isEqualTo("share the interpersonal formulation naming the chosen"
            + " problem areas and ask for the patient's agreement: the initial phase ends with"
            + " this session");
      });
      assertThat(dueTasks(agenda)).doesNotContain(SessionTask.DIAGNOSIS_NAMED,
          SessionTask.PSYCHOEDUCATION, SessionTask.INVENTORY);
      assertThat(agenda.overdue()).isEmpty();
    }

    @Test
    void beforeTheLastInitialSessionNoInitialTaskIsDueYet() {
      assertThat(ACUTE.agenda(acute16Ongoing(1)).items())
          .noneMatch(i -> i.rule().orElse("").startsWith("I"));
    }

    @Test
    void onceTheInitialPhaseIsOverNoInitialTaskIsDue() {
      Agenda agenda = ACUTE.agenda(acute16Ongoing(3));
      assertThat(agenda.items()).noneMatch(i -> i.rule().orElse("").startsWith("I"));
    }

    @Test
    void adolescentsGetTheLimitedSickRoleAndACaregiver() {
      // IPT-A's initial phase has up to 4 sessions: session 4 is its last.
      TreatmentCourse course = withoutTask(withoutTask(acute16Ongoing(3),
          SessionTask.SICK_ROLE_GIVEN), SessionTask.CAREGIVER_INVOLVED);
      Agenda agenda = FidelityChecker.of(Protocols.IPT_A_12).agenda(course);
      assertThat(dueTasks(agenda)).contains(SessionTask.LIMITED_SICK_ROLE_GIVEN,
          SessionTask.CAREGIVER_INVOLVED);
      assertThat(item(agenda, AgendaItem.Kind.DUE, "I03")).hasValueSatisfying(i ->
          assertThat(i.message()).startsWith("give the limited sick role: "));
    }

    @Test
    void aCourseNotYetStartedHasTheBaselineDue() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(0))
          .withContracts(List.of()).withInventories(List.of()).withProblemAreas(List.of())
          .withFormulation(Optional.empty());
      Agenda agenda = ACUTE.agenda(course);
      assertThat(agenda.nextSessionNumber()).hasValue(1);
      assertThat(agenda.nextSessionDate()).isEmpty();
      assertThat(agenda.nextPhase()).contains(Phase.INITIAL);
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M01")).hasValueSatisfying(i -> {
        assertThat(i.instrument()).contains(Instrument.PHQ9);
        assertThat(i.message()).isEqualTo("record the PHQ-9 baseline in this session: this is"
            + " the first session");
      });
      assertThat(agenda.overdue()).isEmpty();
    }

    @Test
    void aGroupCourseStartsWithAPreGroupSession() {
      FidelityChecker group = FidelityChecker.of(Protocols.GROUP_IPT_8);
      TreatmentCourse empty = TreatmentCourse.builder().courseId("g-1").protocol("group-ipt-8")
          .status(CourseStatus.ONGOING).build();
      assertThat(group.agenda(empty).nextPhase()).contains(Phase.PRE_GROUP);
      TreatmentCourse afterPreGroup = TreatmentCourse.copyOf(empty).withSessions(
          Session.builder().number(1).date(dateOf(1)).attendance(Attendance.ATTENDED)
              .phase(Phase.PRE_GROUP).setting(Setting.INDIVIDUAL).build());
      Agenda agenda = group.agenda(afterPreGroup);
      assertThat(agenda.nextPhase()).contains(Phase.INITIAL);
      assertThat(agenda.sessionsAttended()).isZero();
      assertThat(dueTasks(agenda)).contains(SessionTask.DIAGNOSIS_NAMED);
    }

    @Test
    void aRuleSwitchedOffGivesNoItem() {
      assertThat(dueTasks(ACUTE.agenda(acute16Ongoing(2))))
          .contains(SessionTask.FORMULATION_SHARED);
      FidelityChecker checker = FidelityChecker.builder(Protocols.IPT_ACUTE_16).off("I07").build();
      assertThat(checker.agenda(acute16Ongoing(2)).items())
          .noneMatch(i -> i.rule().equals(Optional.of("I07")));
    }
  }

  @Nested
  class Measurement {
    @Test
    void afterSessionFourWithThePhq9LastInSessionOneTheMeasureIsDue() {
      Agenda agenda = ACUTE.agenda(acute16Ongoing(4));
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M02")).hasValueSatisfying(i -> {
        assertThat(i.instrument()).contains(Instrument.PHQ9);
        assertThat(i.sinceSession()).isEmpty();
        assertThat(i.message()).isEqualTo("record a PHQ-9 in this session: the last one was in"
            + " session 1, 4 sessions ago; the protocol asks for it at least every 4 attended"
            + " sessions");
      });
    }

    @Test
    void afterSessionThreeTheMeasureIsNotYetDue() {
      assertThat(item(ACUTE.agenda(acute16Ongoing(3)), AgendaItem.Kind.DUE, "M02")).isEmpty();
    }

    @Test
    void aMeasurePastItsIntervalIsOverdue() {
      TreatmentCourse course = withSession(acute16Ongoing(8), 5, s -> s.withMeasures(List.of()));
      Agenda agenda = ACUTE.agenda(course);
      assertThat(item(agenda, AgendaItem.Kind.OVERDUE, "M02")).hasValueSatisfying(i -> {
        assertThat(i.sinceSession()).hasValue(5);
        assertThat(i.message()).isEqualTo("record a PHQ-9 in this session: it was due by session"
            + " 5; the last one was in session 1; the protocol asks for it at least every 4 attended"
            + " sessions");
      });
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M02")).isEmpty();
    }

    /** The course cut after session {@code last}, the PHQ-9 taken only in session 1. */
    private TreatmentCourse measuredOnlyInSessionOne(int last) {
      TreatmentCourse course = acute16Ongoing(last);
      for (int n = 2; n <= last; n++) {
        course = withSession(course, n, s -> s.withMeasures(List.of()));
      }
      return course;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "after session {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 4, 5, 6, 7})
    void theMeasureIsOverdueExactlyWhenTakingItInTheNextSessionIsTooLateForM02(int last) {
      Agenda agenda = ACUTE.agenda(measuredOnlyInSessionOne(last));
      TreatmentCourse takenNext = withSession(measuredOnlyInSessionOne(last + 1), last + 1,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, 10)));
      boolean tooLate = ACUTE.check(takenNext).findings().stream()
          .anyMatch(f -> f.rule().equals("M02"));

      // At most 4 attended sessions from one PHQ-9 to the next: session 5 is the last in time.
      assertThat(tooLate).isEqualTo(last >= 5);
      assertThat(item(agenda, AgendaItem.Kind.OVERDUE, "M02").isPresent()).isEqualTo(tooLate);
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M02").isPresent()).isEqualTo(last == 4);
    }

    @Test
    void aScreeningBaselineCountsAsTheFirstSessionsMeasureAsForM02() {
      TreatmentCourse course = TreatmentCourse.copyOf(withSession(
              measuredOnlyInSessionOne(4), 1, s -> s.withMeasures(List.of())))
          .withMeasures(Measure.builder().instrument(Instrument.PHQ9).total(12)
              .date(dateOf(1).minusDays(3)).build());

      Agenda agenda = ACUTE.agenda(course);

      assertThat(ACUTE.check(course).findings()).noneMatch(f -> f.rule().equals("M02"));
      assertThat(item(agenda, AgendaItem.Kind.OVERDUE, "M02")).isEmpty();
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M02")).hasValueSatisfying(i ->
          assertThat(i.message()).startsWith("record a PHQ-9 in this session: the last one was"
              + " the screening before session 1, 4 sessions ago"));
    }

    @Test
    void everySessionProfilesAlwaysHaveTheMeasureDue() {
      ProtocolProfile everySession = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
          .id("every-session").maxMeasureInterval(1).build();
      Agenda agenda = FidelityChecker.of(everySession).agenda(acute16Ongoing(5));
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M02")).hasValueSatisfying(i ->
          assertThat(i.message()).contains("in every session"));
    }

    @Test
    void aMissingBaselineIsOverdue() {
      TreatmentCourse course = withSession(acute16Ongoing(2), 1, s -> s.withMeasures(List.of()));
      assertThat(item(ACUTE.agenda(course), AgendaItem.Kind.OVERDUE, "M01"))
          .hasValueSatisfying(i -> {
            assertThat(i.instrument()).contains(Instrument.PHQ9);
            assertThat(i.sinceSession()).hasValue(1);
          });
    }

    @Test
    void aPositiveSafetyItemWithoutRiskAssessmentIsOverdue() {
      TreatmentCourse course = withSession(acute16Ongoing(7), 5, s -> s.withMeasures(
          Measure.ofItems(Instrument.PHQ9, 2, 2, 1, 1, 1, 2, 1, 1, 1)));
      Agenda agenda = ACUTE.agenda(course);
      assertThat(item(agenda, AgendaItem.Kind.OVERDUE, "M04")).hasValueSatisfying(i -> {
        assertThat(i.task()).contains(SessionTask.RISK_ASSESSED);
        assertThat(i.sinceSession()).hasValue(5);
        assertThat(i.message()).contains("item 9 scored 1 in session 5");
      });
      assertThat(agenda.items().get(0).kind()).isEqualTo(AgendaItem.Kind.OVERDUE);
    }
  }

  @Nested
  class Ending {
    @Test
    void afterSessionThirteenWithoutAnEndingDiscussionItIsDue() {
      Agenda agenda = ACUTE.agenda(withoutTask(acute16Ongoing(13), SessionTask.ENDING_DISCUSSED));
      assertThat(agenda.nextSessionNumber()).hasValue(14);
      assertThat(agenda.sessionsRemaining()).hasValue(3);
      assertThat(item(agenda, AgendaItem.Kind.DUE, "E01")).hasValueSatisfying(i -> {
        assertThat(i.task()).contains(SessionTask.ENDING_DISCUSSED);
        assertThat(i.message()).isEqualTo("discuss the ending in this session: this is the last"
            + " session at least 2 sessions before the planned last session 16");
      });
    }

    @Test
    void afterSessionFourteenWithoutAnEndingDiscussionItIsOverdue() {
      Agenda agenda = ACUTE.agenda(withoutTask(acute16Ongoing(14), SessionTask.ENDING_DISCUSSED));
      assertThat(item(agenda, AgendaItem.Kind.OVERDUE, "E01")).hasValueSatisfying(i ->
          assertThat(i.message()).isEqualTo("discuss the ending in this session: it was due by"
              + " session 14, the last session at least 2 sessions before the planned last"
              + " session 16"));
      assertThat(item(agenda, AgendaItem.Kind.DUE, "E01")).isEmpty();
    }

    @Test
    void anEndingDiscussedAlreadyNeedsNoItem() {
      assertThat(ACUTE.agenda(acute16Ongoing(13)).items())
          .noneMatch(i -> i.rule().equals(Optional.of("E01")));
    }

    @Test
    void tooEarlyForTheEndingDiscussionNoItem() {
      Agenda agenda = ACUTE.agenda(withoutTask(acute16Ongoing(12), SessionTask.ENDING_DISCUSSED));
      assertThat(item(agenda, AgendaItem.Kind.DUE, "E01")).isEmpty();
    }

    @Test
    void theTerminationTasksStillMissingAreDueInTheLastSession() {
      TreatmentCourse course = acute16Ongoing(15);
      for (SessionTask task : List.of(SessionTask.PROGRESS_REVIEWED,
          SessionTask.RELAPSE_PREVENTION_PLAN, SessionTask.FEELINGS_ABOUT_ENDING)) {
        course = withoutTask(course, task);
      }
      Agenda agenda = ACUTE.agenda(course);
      assertThat(dueTasks(agenda)).contains(SessionTask.PROGRESS_REVIEWED,
          SessionTask.RELAPSE_PREVENTION_PLAN, SessionTask.FEELINGS_ABOUT_ENDING);
      assertThat(item(agenda, AgendaItem.Kind.DUE, "E03")).hasValueSatisfying(i ->
          assertThat(i.message()).isEqualTo("make a relapse prevention plan in this session:"
              + " warning signs and a contingency plan: the termination phase ends with this"
              + " session"));
      // Earlier in the termination phase they are not due yet.
      assertThat(dueTasks(ACUTE.agenda(withoutTask(acute16Ongoing(12),
          SessionTask.PROGRESS_REVIEWED)))).doesNotContain(SessionTask.PROGRESS_REVIEWED);
    }

    @Test
    void terminationTasksAlreadyRecordedAreNotDueAgain() {
      Agenda agenda = ACUTE.agenda(acute16Ongoing(13));
      assertThat(dueTasks(agenda)).doesNotContain(SessionTask.PROGRESS_REVIEWED,
          SessionTask.RELAPSE_PREVENTION_PLAN, SessionTask.FEELINGS_ABOUT_ENDING);
    }

    @Test
    void aFinalMeasureIsDueInTheLastPlannedSessionWithoutOneInTheSessionBefore() {
      assertThat(item(ACUTE.agenda(acute16Ongoing(14)), AgendaItem.Kind.DUE, "M03")).isEmpty();
      assertThat(item(ACUTE.agenda(acute16Ongoing(15)), AgendaItem.Kind.DUE, "M03"))
          .hasValueSatisfying(i -> {
            assertThat(i.instrument()).contains(Instrument.PHQ9);
            assertThat(i.message()).isEqualTo("record the final PHQ-9 in this session: it is the"
                + " last planned session and none was recorded in the one before");
          });
    }

    @Test
    void furtherTreatmentIsDueAtTheEndAfterNonResponse() {
      TreatmentCourse nonResponse = withSession(acute16Ongoing(15), 13,
          s -> s.withMeasures(Measure.ofTotal(Instrument.PHQ9, 12)));
      assertThat(item(ACUTE.agenda(nonResponse), AgendaItem.Kind.DUE, "E05"))
          .hasValueSatisfying(i -> {
            assertThat(i.task()).contains(SessionTask.FURTHER_TREATMENT_OFFERED);
            assertThat(i.message()).isEqualTo("offer further treatment in this session: the last"
                + " PHQ-9 score of 12 (baseline 16) is not a response, and the course ends with"
                + " this session");
          });
      assertThat(item(ACUTE.agenda(acute16Ongoing(15)), AgendaItem.Kind.DUE, "E05")).isEmpty();
    }
  }

  @Nested
  class HypotheticalNextSession {
    @Test
    void aSessionBeyondTheMaximumWouldBeReported() {
      TreatmentCourse atMaximum = TreatmentCourse.copyOf(acute16())
          .withEndedOn(Optional.empty()).withStatus(CourseStatus.ONGOING);
      Agenda agenda = ACUTE.agenda(atMaximum);
      assertThat(agenda.sessionsRemaining()).hasValue(0);
      assertThat(item(agenda, AgendaItem.Kind.DUE, "S01")).hasValueSatisfying(i -> {
        assertThat(i.message()).isEqualTo("hold no more sessions than the protocol allows: end"
            + " acute treatment, or agree a continuation contract");
        assertThat(i.sinceSession()).isEmpty();
      });
    }
  }

  @Nested
  class Maintenance {
    @Test
    void monthlyMaintenanceHasNoAcutePhaseItems() {
      TreatmentCourse course = TreatmentCourse.builder().courseId("m-1").protocol("ipt-m-monthly")
          .status(CourseStatus.ONGOING)
          .addContract(Contract.builder().kind(ContractKind.MAINTENANCE).agreedOn(dateOf(1))
              .plannedSessions(12).frequency(Frequency.MONTHLY).build())
          .addSession(Session.builder().number(1).date(dateOf(1))
              .attendance(Attendance.ATTENDED).phase(Phase.MAINTENANCE)
              .addMeasure(Measure.ofTotal(Instrument.PHQ9, 6)).build())
          .addSession(Session.builder().number(2).date(dateOf(5))
              .attendance(Attendance.ATTENDED).phase(Phase.MAINTENANCE).build())
          .addSession(Session.builder().number(3).date(dateOf(9))
              .attendance(Attendance.ATTENDED).phase(Phase.MAINTENANCE).build())
          .build();
      Agenda agenda = FidelityChecker.of(Protocols.IPT_M_MONTHLY).agenda(course);
      assertThat(agenda.nextPhase()).contains(Phase.MAINTENANCE);
      assertThat(agenda.nextSessionDate()).contains(dateOf(9).plusMonths(1));
      assertThat(agenda.plannedSessions()).hasValue(12);
      assertThat(agenda.sessionsRemaining()).hasValue(9);
      assertThat(agenda.items()).noneMatch(i -> i.rule().orElse("").startsWith("I")
          || i.rule().equals(Optional.of("E01")));
      assertThat(item(agenda, AgendaItem.Kind.DUE, "M02")).hasValueSatisfying(i ->
          assertThat(i.message()).contains("at least every 3 attended sessions"));
    }
  }

  @Nested
  class EndedCourses {
    @Test
    void aCompletedCourseHasAnEmptyAgendaWithAReason() {
      Agenda agenda = ACUTE.agenda(acute16());
      assertThat(agenda.items()).isEmpty();
      assertThat(agenda.status()).isEqualTo(CourseStatus.COMPLETED);
      assertThat(agenda.reason()).hasValueSatisfying(r ->
          assertThat(r).contains("ONGOING").contains("COMPLETED"));
      assertThat(agenda.nextSessionNumber()).isEmpty();
      assertThat(agenda.nextPhase()).isEmpty();
      assertThat(agenda.sessionsAttended()).isEqualTo(16);
    }

    @Test
    void aDiscontinuedCourseHasAnEmptyAgendaWithAReason() {
      TreatmentCourse course = TreatmentCourse.copyOf(acute16Ongoing(5))
          .withStatus(CourseStatus.DISCONTINUED);
      Agenda agenda = ACUTE.agenda(course);
      assertThat(agenda.items()).isEmpty();
      assertThat(agenda.reason()).hasValueSatisfying(r -> assertThat(r).contains("DISCONTINUED"));
    }
  }

  @Nested
  class Presentation {
    @Test
    void itemsAreSortedOverdueFirstThenByRuleInCatalogOrder() {
      TreatmentCourse course = withoutTask(withSession(acute16Ongoing(14), 13, s -> s
          .withMeasures(Measure.ofItems(Instrument.PHQ9, 2, 2, 1, 1, 1, 2, 1, 1, 1))),
          SessionTask.ENDING_DISCUSSED);
      Agenda agenda = ACUTE.agenda(course);
      assertThat(agenda.items()).isSortedAccordingTo(AgendaItem.ORDER);
      assertThat(agenda.items()).extracting(i -> i.kind() + " " + i.rule().orElse("-"))
          .startsWith("OVERDUE M04", "OVERDUE E01");
    }

    @Test
    void messagesNameNoIdentifiersOrFreeText() {
      for (int last = 0; last <= 16; last++) {
        TreatmentCourse course = withoutTask(acute16Ongoing(last), SessionTask.ENDING_DISCUSSED);
        for (AgendaItem item : ACUTE.agenda(course).items()) {
          assertThat(item.message()).doesNotContain("ref-acute-16", "pt-ref", "th-1",
              "partner", "sister", "friend", "fewer arguments");
        }
      }
    }

    @Test
    void toStringShowsKindRuleAndMessage() {
      Agenda agenda = ACUTE.agenda(acute16Ongoing(4));
      assertThat(agenda.toString()).contains("M02").contains("DUE");
    }
  }
}
