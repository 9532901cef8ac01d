package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Session numbers within a course and person ids within an inventory must not repeat: whatever
 * their order and however many there are, a repeat is rejected at the first element that repeats
 * an earlier one, and lists without repeats are accepted.
 */
class UniquenessProperties {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  /** The index of the first element equal to an earlier one, or -1. */
  private static <T> int firstRepeat(List<T> values) {
    Set<T> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Property(tries = 500)
  void aRepeatedSessionNumberIsRejectedAtItsFirstRepeat(
      @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 45) Integer> numbers,
      @ForAll boolean sorted) {
    List<Integer> order = sorted ? numbers.stream().sorted().toList() : numbers;
    TreatmentCourse.Builder course = TreatmentCourse.builder().courseId("c-1")
        .protocol("ipt-acute-16").status(CourseStatus.ONGOING);
    for (int number : order) {
      course.addSession(Session.builder().number(number).date(DAY)
          .attendance(Attendance.CANCELLED).build());
    }
    int repeat = firstRepeat(order);
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class, course::build);
    if (repeat < 0) {
      assertThat(e).isNull();
    } else {
      assertThat(e).isNotNull();
      assertThat(e.field()).isEqualTo("sessions/" + repeat + "/number");
    }
  }

  @Property(tries = 500)
  void aRepeatedPersonIdIsRejectedAtItsFirstRepeat(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 30) Integer> ids) {
    InterpersonalInventory.Builder inventory = InterpersonalInventory.builder()
        .takenOn(DAY);
    List<String> names = ids.stream().map(id -> "person-" + id).toList();
    for (String name : names) {
      inventory.addPerson(Person.builder().id(new String(name.toCharArray())).build());
    }
    int repeat = firstRepeat(names);
    InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
        inventory::build);
    if (repeat < 0) {
      assertThat(e).isNull();
    } else {
      assertThat(e).isNotNull();
      assertThat(e.field()).isEqualTo("people/" + repeat + "/id");
    }
  }
}
