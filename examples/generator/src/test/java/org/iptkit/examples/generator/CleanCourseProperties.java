package org.iptkit.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.Severity;

class CleanCourseProperties {
  @Property(tries = 300)
  void anyCleanCourseHasNoErrorsOrWarnings(@ForAll long seed,
      @ForAll @LongRange(min = 0, max = 1_000_000) long index) {
    GeneratedCourse generated = CourseGenerator.builder().seed(seed).build().generate(index);
    assertThat(FidelityChecker.of(generated.profile()).check(generated.course())
        .findingsAtLeast(Severity.WARNING)).isEmpty();
  }

  @Property(tries = 100)
  void generationIsAFunctionOfSeedAndIndex(@ForAll long seed,
      @ForAll @LongRange(min = 0, max = 1_000_000) long index) {
    CourseGenerator generator = CourseGenerator.builder().seed(seed).deviationRate(0.5).build();
    assertThat(generator.generate(index)).isEqualTo(generator.generate(index));
  }
}
