package org.iptkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ipt-core as a host using the module path sees it: the named module {@code org.iptkit.core},
 * exporting its one package to everyone, whose builders and scoring work there. Run by the build's {@code module-path} test
 * execution, which sets {@code iptkit.modulePath}; the class-path run skips it.
 */
class ModulePathTest {
  @BeforeAll
  static void onlyOnTheModulePath() {
    assumeTrue(Boolean.getBoolean("iptkit.modulePath"), "run by the module-path execution");
  }

  @Test
  void coreIsANamedModuleExportingOnlyItsApi() {
    Module module = TreatmentCourse.class.getModule();

    assertThat(module.isNamed()).as("on the module path").isTrue();
    assertThat(module.getName()).isEqualTo("org.iptkit.core");
    assertThat(module.getDescriptor().exports()).extracting(ModuleDescriptor.Exports::source)
        .containsExactly("org.iptkit.core");
    assertThat(module.getDescriptor().exports()).allMatch(export -> !export.isQualified());
  }

  @Test
  void coursesAreBuiltAndScoredOnTheModulePath() {
    TreatmentCourse course = TreatmentCourse.builder()
        .courseId("c-1").protocol("ipt-acute-16").status(CourseStatus.ONGOING)
        .addSession(Session.builder().number(1).date(java.time.LocalDate.of(2026, 1, 5))
            .attendance(Attendance.ATTENDED).phase(Phase.INITIAL)
            .addMeasure(Measure.ofItems(Instrument.PHQ9, 2, 3, 2, 2, 1, 2, 2, 1, 0)).build())
        .build();

    assertThat(course.baseline(Instrument.PHQ9)).get().extracting(Score::total).isEqualTo(15);
  }
}
