package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.TreatmentCourse;

/** Every valid course the writer writes is valid against the published JSON Schema. */
class SchemaProperties {
  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return JsonTestCourses.courses();
  }

  @Property(tries = 200)
  void writtenCourseIsValidAgainstTheSchema(@ForAll("courses") TreatmentCourse course) {
    String json = IptJson.strict().writeCourse(course);

    assertThat(CourseSchemaTest.SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
  }
}
