package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Bundle;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.CourseArbitraries;
import org.iptkit.rules.Protocols;

/** Export then import is the identity for every generated course, in memory and through JSON. */
class CourseRoundTripProperties {
  private static final IptFhir FHIR = IptFhir.create();

  @Property(tries = 300)
  void exportThenImportGivesTheSameCourse(@ForAll("courses") TreatmentCourse course) {
    Bundle bundle = Protocols.find(course.protocol())
        .map(profile -> FHIR.exportCourse(course, profile))
        .orElseGet(() -> FHIR.exportCourse(course));

    assertThat(FHIR.importCourse(bundle)).isEqualTo(course);
  }

  @Property(tries = 100)
  void jsonExportParsesStrictlyAndImportsToTheSameCourse(
      @ForAll("courses") TreatmentCourse course) {
    String json = FHIR.toJson(FHIR.exportCourse(course));

    Bundle strict = StrictParsing.strictParser().parseResource(Bundle.class, json);
    assertThat(FHIR.toJson(strict)).isEqualTo(json);
    assertThat(FHIR.importCourseJson(json)).isEqualTo(course);
  }

  @Property(tries = 30)
  void exportIsDeterministic(@ForAll("courses") TreatmentCourse course) {
    IptFhir compact = FHIR.withPrettyPrint(false);

    assertThat(compact.toJson(compact.exportCourse(course)))
        .isEqualTo(compact.toJson(compact.exportCourse(course)));
  }

  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return CourseArbitraries.courses();
  }
}
