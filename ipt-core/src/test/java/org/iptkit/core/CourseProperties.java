package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.fixtures.CourseArbitraries;

/** Generated courses of every shape and status (see {@link CourseArbitraries#courses()}). */
class CourseProperties {

  private static final String CANARY = "CANARY-7f3a";

  @Property(tries = 300)
  void attendedSessionsAreAllAttendedAndSortedByNumber(@ForAll("courses") TreatmentCourse course) {
    List<Session> attended = course.attendedSessions();

    assertThat(attended).allMatch(Session::isAttended);
    assertThat(attended).isSortedAccordingTo(Comparator.comparingInt(Session::number));
    assertThat(attended).hasSize((int) course.sessions().stream()
        .filter(s -> s.attendance() == Attendance.ATTENDED).count());
    assertThat(course.sessionsByNumber()).containsExactlyInAnyOrderElementsOf(course.sessions());
  }

  @Property(tries = 300)
  void sessionsOfThePhasesTogetherAreTheAttendedSessions(
      @ForAll("courses") TreatmentCourse course) {
    List<Session> byPhase = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      byPhase.addAll(course.sessionsIn(phase));
    }

    assertThat(byPhase).containsExactlyInAnyOrderElementsOf(course.attendedSessions());
  }

  @Property(tries = 300)
  void lastAndFirstAttendedSessionsAreTheEndsOfTheAttendedSessions(
      @ForAll("courses") TreatmentCourse course) {
    List<Session> attended = course.attendedSessions();

    if (attended.isEmpty()) {
      assertThat(course.lastAttendedSession()).isEmpty();
      assertThat(course.firstAttendedSession()).isEmpty();
    } else {
      assertThat(course.lastAttendedSession()).containsSame(attended.get(attended.size() - 1));
      assertThat(course.firstAttendedSession()).containsSame(attended.get(0));
      assertThat(course.lastSession().orElseThrow().number())
          .isGreaterThanOrEqualTo(course.lastAttendedSession().get().number());
    }
  }

  @Property(tries = 300)
  void copyOfAndBuilderFromGiveAnEqualCourse(@ForAll("courses") TreatmentCourse course) {
    TreatmentCourse rebuilt = TreatmentCourse.builder().from(course).build();

    assertThat(TreatmentCourse.copyOf(course)).isEqualTo(course);
    assertThat(rebuilt).isEqualTo(course).hasSameHashCodeAs(course);
    assertThat(rebuilt.toString()).isEqualTo(course.toString());
    assertThat(rebuilt.attendedSessions()).isEqualTo(course.attendedSessions());
  }

  @Property(tries = 300)
  void scoresAreInDateOrderAndComeFromAttendedSessionsOrDatedMeasures(
      @ForAll("courses") TreatmentCourse course) {
    for (Instrument instrument : Instrument.values()) {
      List<Score> scores = course.scores(instrument);
      long fromSessions = course.attendedSessions().stream()
          .flatMap(s -> s.measures().stream()).filter(m -> m.instrument() == instrument).count();
      long dated = course.measures().stream()
          .filter(m -> m.instrument() == instrument && m.date().isPresent()).count();

      assertThat(scores).hasSize((int) (fromSessions + dated));
      assertThat(scores).isSortedAccordingTo(Comparator.comparing(Score::date));
      assertThat(scores).allMatch(score -> score.instrument() == instrument);
    }
  }

  @Property(tries = 300)
  void baselineLastScoreAndSymptomChangeAgree(@ForAll("courses") TreatmentCourse course) {
    for (Instrument instrument : Instrument.values()) {
      List<Score> scores = course.scores(instrument);
      if (scores.isEmpty()) {
        assertThat(course.baseline(instrument)).isEmpty();
        assertThat(course.symptomChange(instrument)).isEmpty();
        continue;
      }
      Score baseline = course.baseline(instrument).orElseThrow();
      Score last = course.lastScore(instrument).orElseThrow();
      assertThat(baseline).isEqualTo(scores.get(0));
      assertThat(last).isEqualTo(scores.get(scores.size() - 1));
      assertThat(course.symptomChange(instrument)).isEqualTo(scores.size() < 2
          ? java.util.Optional.empty()
          : java.util.Optional.of(SymptomChange.of(instrument, baseline.total(), last.total())));
    }
  }

  @Property(tries = 300)
  void inventoryAsOfTheLastInventoryDateIsTheLastInventory(
      @ForAll("courses") TreatmentCourse course) {
    course.lastInventory().ifPresentOrElse(
        last -> {
          assertThat(course.inventoryAsOf(last.takenOn())).containsSame(last);
          assertThat(course.inventoryAsOf(course.firstInventory().get().takenOn().minusDays(1)))
              .isEmpty();
        },
        () -> assertThat(course.firstInventory()).isEmpty());
  }

  @Property(tries = 300)
  void referencesNeverAppearInToString(@ForAll("courses") TreatmentCourse course) {
    TreatmentCourse marked = TreatmentCourse.copyOf(course)
        .withCourseId(CANARY + "-course")
        .withPatientRef(CANARY + "-patient")
        .withTherapistRef(CANARY + "-therapist");

    assertThat(marked.toString()).doesNotContain(CANARY);
  }

  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return CourseArbitraries.courses();
  }
}
