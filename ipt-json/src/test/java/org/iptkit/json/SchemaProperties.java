package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import com.networknt.schema.Schema;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.internal.JsonSchemas;
import org.iptkit.json.internal.WireFormat;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the writers write is valid against the published JSON Schemas: generated courses,
 * the fidelity reports of generated courses, generated protocol profiles, and the next-session
 * agendas of generated courses against the agenda's schema generated from the same description.
 */
class SchemaProperties {
  static final Schema AGENDA = ProfileAndReportSchemaTest.REGISTRY.getSchema(
      JsonMapper.shared().writeValueAsString(JsonSchemas.schema(WireFormat.AGENDA_DOCUMENT)),
      InputFormat.JSON);

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

  @Property(tries = 150)
  void agendaOfAGeneratedCourseIsValidAgainstTheAgendaDescription(
      @ForAll("courses") TreatmentCourse course) {
    String json = IptJson.strict().writeAgenda(FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .agenda(course));

    assertThat(AGENDA.validate(json, InputFormat.JSON)).isEmpty();
  }
}
