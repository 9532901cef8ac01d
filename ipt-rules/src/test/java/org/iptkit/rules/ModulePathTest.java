package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ipt-rules on the module path: the named module {@code org.iptkit.rules} exports its API
 * package and keeps the rule implementations ({@code org.iptkit.rules.internal}) to itself, and
 * a course is checked with Vavr and ipt-core as modules. Run by the build's {@code module-path}
 * test execution, which sets {@code iptkit.modulePath}; the class-path run skips it.
 */
class ModulePathTest {
  @BeforeAll
  static void onlyOnTheModulePath() {
    assumeTrue(Boolean.getBoolean("iptkit.modulePath"), "run by the module-path execution");
  }

  @Test
  void rulesIsANamedModuleThatKeepsItsInternalsToItself() {
    Module module = FidelityChecker.class.getModule();

    assertThat(module.isNamed()).as("on the module path").isTrue();
    assertThat(module.getName()).isEqualTo("org.iptkit.rules");
    assertThat(module.getDescriptor().exports()).extracting(ModuleDescriptor.Exports::source)
        .containsExactly("org.iptkit.rules");
    assertThat(module.getPackages()).contains("org.iptkit.rules.internal");
    assertThat(module.isExported("org.iptkit.rules.internal")).isFalse();
    assertThat(module.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
        .contains("org.iptkit.core", "io.vavr");
  }

  @Test
  void aCourseIsCheckedWithItsDependenciesAsModules() {
    assertThat(TreatmentCourse.class.getModule().getName()).isEqualTo("org.iptkit.core");
    assertThat(ModuleLayer.boot().findModule("io.vavr")).isPresent();

    TreatmentCourse course = TreatmentCourse.builder().courseId("c-1").protocol("ipt-acute-16")
        .status(CourseStatus.ONGOING).build();
    FidelityReport report = FidelityChecker.of(Protocols.get("ipt-acute-16")).check(course);

    assertThat(report.courseId()).isEqualTo("c-1");
    assertThat(report.status()).isEqualTo(CourseStatus.ONGOING);
  }
}
