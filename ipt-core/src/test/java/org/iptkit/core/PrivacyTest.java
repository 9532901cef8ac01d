package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iptkit.core.fixtures.SampleCourses;
import org.junit.jupiter.api.Test;

/**
 * Patient references, ids and free text must never leak into {@code toString()} (logs, debugger
 * views, exception messages of host code) nor into the messages of rejected values.
 */
class PrivacyTest {

  private static final String CANARY = "CANARY-7f3a";
  private static final LocalDate DAY = LocalDate.of(2026, 1, 12);

  private static String canary(String what) {
    return CANARY + "-" + what;
  }

  private static Person canaryPerson(String what, int circle) {
    return Person.builder().id(canary(what)).circle(circle).confidant(circle == 1)
        .addSatisfying(canary("satisfying")).addUnsatisfying(canary("unsatisfying"))
        .desiredChange(canary("desired change")).build();
  }

  private static InterpersonalInventory canaryInventory(LocalDate takenOn, int partnerCircle) {
    return InterpersonalInventory.builder().takenOn(takenOn)
        .addPerson(canaryPerson("partner", partnerCircle))
        .addPerson(canaryPerson("friend", 4 - partnerCircle))
        .build();
  }

  private static Contract canaryContract() {
    return Contract.builder().kind(ContractKind.ACUTE).agreedOn(DAY).plannedSessions(16)
        .addGoals(canary("goal 1"), canary("goal 2")).build();
  }

  private static FidelityRating canaryRating() {
    return FidelityRating.builder().session(2).scale("IPT-QAS").rater(canary("rater"))
        .addItems(4, 3).build();
  }

  private static List<ProblemArea> canaryAreas() {
    return List.of(
        Grief.builder().personId(canary("deceased")).build(),
        RoleDispute.builder().primary(true).personId(canary("partner"))
            .stage(DisputeStage.IMPASSE).build(),
        RoleTransition.builder().fromRole(canary("from role")).toRole(canary("to role"))
            .transition(TransitionKind.JOB).build());
  }

  private static TreatmentCourse canaryCourse() {
    return TreatmentCourse.builder()
        .courseId(canary("course"))
        .patientRef(canary("patient"))
        .therapistRef(canary("therapist"))
        .protocol("ipt-acute-16")
        .status(CourseStatus.COMPLETED)
        .addContract(canaryContract())
        .addInventories(canaryInventory(DAY, 1), canaryInventory(DAY.plusWeeks(14), 3))
        .addAllProblemAreas(canaryAreas())
        .addSession(Session.builder().number(1).date(DAY).attendance(Attendance.ATTENDED)
            .phase(Phase.INITIAL).addMeasure(Measure.ofTotal(Instrument.PHQ9, 14)).build())
        .addFidelityRating(canaryRating())
        .build();
  }

  @Test
  void courseToStringShowsNoReferenceIdOrFreeText() {
    String text = canaryCourse().toString();

    assertThat(text).doesNotContain(CANARY).contains("ipt-acute-16").contains("***");
  }

  @Test
  void personToStringShowsNoIdOrFreeText() {
    assertThat(canaryPerson("sister", 1).toString()).doesNotContain(CANARY).contains("circle");
  }

  @Test
  void inventoryToStringShowsNoPersonIdOrFreeText() {
    assertThat(canaryInventory(DAY, 1).toString()).doesNotContain(CANARY);
  }

  @Test
  void contractToStringShowsNoGoals() {
    assertThat(canaryContract().toString()).doesNotContain(CANARY).contains("plannedSessions");
  }

  @Test
  void problemAreasToStringShowNoPersonIdsOrRoles() {
    for (ProblemArea area : canaryAreas()) {
      assertThat(area.toString()).as(area.type().name()).doesNotContain(CANARY);
    }
  }

  @Test
  void fidelityRatingToStringShowsNoRater() {
    assertThat(canaryRating().toString()).doesNotContain(CANARY).contains("IPT-QAS");
  }

  @Test
  void networkComparisonAndMetricsToStringShowNoPersonIds() {
    NetworkComparison comparison = canaryCourse().networkChange().orElseThrow();

    assertThat(comparison.enteredInnerCircle()).containsExactly(canary("friend"));
    assertThat(comparison.leftInnerCircle()).containsExactly(canary("partner"));
    assertThat(comparison.toString()).doesNotContain(CANARY);
    assertThat(comparison.before().toString()).doesNotContain(CANARY);
  }

  @Test
  void derivedValuesOfACourseShowNoCanary() {
    TreatmentCourse course = canaryCourse();

    assertThat(course.primaryProblemArea().orElseThrow().toString()).doesNotContain(CANARY);
    assertThat(course.firstInventory().orElseThrow().metrics().toString())
        .doesNotContain(CANARY);
    assertThat(course.baseline(Instrument.PHQ9).orElseThrow().toString())
        .doesNotContain(CANARY);
    assertThat(course.attendedSessions().toString()).doesNotContain(CANARY);
  }

  @Test
  void formatExampleToStringShowsNoneOfItsPrivateValues() {
    String text = SampleCourses.formatExample().toString();

    assertThat(text).doesNotContain("c-0001", "pt-7f3a", "th-12", "sup-1", "partner",
        "shared parenting", "arguments about money", "talk without shouting",
        "Fewer arguments", "PHQ-9 below 5");
  }

  @Test
  void rejectionMessagesNeverQuoteAReferenceIdOrFreeText() {
    List<ThrowingCallable> impossible = List.of(
        () -> Person.builder().from(canaryPerson("partner", 1)).circle(0).build(),
        () -> Person.builder().from(canaryPerson("father", 2)).diedOn(DAY).build(),
        () -> InterpersonalInventory.builder().takenOn(DAY)
            .addPeople(canaryPerson("partner", 1), canaryPerson("partner", 2)).build(),
        () -> TreatmentCourse.builder().from(canaryCourse())
            .addSession(Session.builder().number(1).date(DAY).attendance(Attendance.NO_SHOW)
                .build())
            .build(),
        () -> TreatmentCourse.builder().from(canaryCourse()).protocol(" ").build(),
        () -> Contract.builder().from(canaryContract()).plannedSessions(0).build(),
        () -> Contract.builder().from(canaryContract()).sessionMinutes(601).build(),
        () -> FidelityRating.builder().from(canaryRating()).addItem(-1).build(),
        () -> FidelityRating.builder().from(canaryRating()).session(0).build());

    for (ThrowingCallable build : impossible) {
      Throwable thrown = catchThrowable(build);
      assertThat(thrown).isInstanceOf(InvalidValueException.class);
      assertThat(thrown.getMessage()).doesNotContain(CANARY);
      assertThat(((InvalidValueException) thrown).field()).doesNotContain(CANARY);
    }
  }

  @Test
  void missingRequiredValueMessagesNeverQuoteFreeText() {
    Throwable thrown = catchThrowable(() -> TreatmentCourse.builder()
        .courseId(canary("course")).patientRef(canary("patient")).protocol("ipt-b-8").build());

    assertThat(thrown).isInstanceOf(InvalidValueException.class);
    assertThat(thrown.getMessage()).contains("status").doesNotContain(CANARY);
  }
}
