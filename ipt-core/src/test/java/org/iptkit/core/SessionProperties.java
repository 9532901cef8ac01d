package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iptkit.core.fixtures.CourseArbitraries;

class SessionProperties {

  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Property
  void sessionNumberBelowOneIsAlwaysRejected(
      @ForAll @IntRange(min = Integer.MIN_VALUE, max = 0) int number) {
    assertThatThrownBy(() -> Session.builder().number(number).date(DAY)
        .attendance(Attendance.CANCELLED).build())
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.field()).isEqualTo("number"))
        .hasMessageContaining("was " + number);
  }

  @Property
  void minutesOutsideOneTo600AreAlwaysRejected(@ForAll int minutes) {
    Session.Builder builder = Session.builder().number(1).date(DAY)
        .attendance(Attendance.ATTENDED).phase(Phase.INITIAL).minutes(minutes);

    if (minutes >= 1 && minutes <= 600) {
      assertThat(builder.build().minutes()).hasValue(minutes);
    } else {
      assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidValueException.class,
          e -> assertThat(e.field()).isEqualTo("minutes"));
    }
  }

  @Property
  void attendedSessionCanBeMarkedMissedOnlyWhenItRecordedNothing(
      @ForAll("attendedSessions") Session session, @ForAll boolean noShow) {
    Attendance missed = noShow ? Attendance.NO_SHOW : Attendance.CANCELLED;
    boolean recordedSomething = !session.tasks().isEmpty() || !session.techniques().isEmpty()
        || !session.measures().isEmpty() || session.minutes().isPresent();

    if (recordedSomething) {
      assertThatThrownBy(() -> Session.copyOf(session).withAttendance(missed))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.field()).isIn("minutes", "tasks", "techniques", "measures"));
    } else {
      Session changed = Session.copyOf(session).withAttendance(missed);
      assertThat(changed.isAttended()).isFalse();
      assertThat(changed.isIn(session.phase().orElseThrow())).isFalse();
    }
  }

  @Property
  void sessionCopiedOrRebuiltEqualsTheOriginal(@ForAll("sessions") Session session) {
    assertThat(Session.copyOf(session)).isEqualTo(session);
    assertThat(Session.builder().from(session).build())
        .isEqualTo(session).hasSameHashCodeAs(session);
  }

  @Provide
  Arbitrary<Session> attendedSessions() {
    return CourseArbitraries.attendedSessions();
  }

  @Provide
  Arbitrary<Session> sessions() {
    return CourseArbitraries.sessions();
  }
}
