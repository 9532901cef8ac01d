package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolProfile;

/**
 * Everything the writers write is valid against the published JSON Schemas: generated courses,
 * the fidelity reports of generated courses, and generated protocol profiles.
 */
class SchemaProperties {
  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return JsonArbitraries.courses();
  }

  @Provide
  Arbitrary<FidelityReport> reports() {
    return JsonArbitraries.reports();
  }

  @Provide
  Arbitrary<ProtocolProfile> profiles() {
    return JsonArbitraries.profiles();
  }

  @Property(tries = 200)
  void writtenCourseIsValidAgainstTheSchema(@ForAll("courses") TreatmentCourse course) {
    String json = IptJson.strict().writeCourse(course);

    assertThat(CourseSchemaTest.SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
  }

  @Property(tries = 150)
  void reportOfAGeneratedCourseIsValidAgainstTheReportSchema(
      @ForAll("reports") FidelityReport report) {
    String json = IptJson.strict().writeReport(report);

    assertThat(ProfileAndReportSchemaTest.validateReport(json)).isEmpty();
  }

  @Property(tries = 200)
  void writtenProfileIsValidAgainstTheProtocolSchema(@ForAll("profiles") ProtocolProfile profile) {
    String json = IptJson.strict().writeProfile(profile);

    assertThat(ProfileAndReportSchemaTest.validateProfile(json)).isEmpty();
  }
}
