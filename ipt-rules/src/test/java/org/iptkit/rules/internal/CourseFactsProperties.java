package org.iptkit.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The rules' day arithmetic agrees with the JDK's on any pair of dates. */
class CourseFactsProperties {
  @Property(tries = 2000)
  void daysBetweenIsTheJdksDayCount(@ForAll @IntRange(min = -800_000, max = 800_000) int from,
      @ForAll @IntRange(min = -800_000, max = 800_000) int to) {
    LocalDate a = LocalDate.ofEpochDay(from);
    LocalDate b = LocalDate.ofEpochDay(to);
    assertThat(CourseFacts.daysBetween(a, b)).isEqualTo(ChronoUnit.DAYS.between(a, b));
  }
}
