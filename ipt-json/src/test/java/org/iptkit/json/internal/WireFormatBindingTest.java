package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.iptkit.json.internal.WireFormat.Field;
import org.iptkit.json.internal.WireFormat.ObjectType;
import org.junit.jupiter.api.Test;

/**
 * Every object of a course document is bound completely in the one description: each field
 * says how the walks get and give it, each object how it is built and named in errors.
 */
class WireFormatBindingTest {
  @Test
  void everyCourseFieldHasItsAccessAndEveryObjectItsBinding() {
    for (ObjectType type : WireFormat.COURSE_PARTS.values()) {
      assertThat(type.binding()).as(type.def()).isNotNull();
      assertThat(type.binding().noun()).as(type.def()).matches("an? [a-z ]+");
      for (Field field : type.fields()) {
        assertThat(field.access()).as("%s.%s", type.def(), field.name()).isNotNull();
        assertThat(field.access().get()).as("%s.%s", type.def(), field.name()).isNotNull();
        if (field.shape() != WireFormat.SCHEMA_VERSION) {
          assertThat(field.access().put()).as("%s.%s", type.def(), field.name()).isNotNull();
        }
      }
    }
  }

  @Test
  void theWalkPlansEveryPartAndNamesWhatAnErrorExpects() {
    assertThat(CourseWalk.Plan.PARTS).containsOnlyKeys(WireFormat.COURSE_PARTS.keySet());
    CourseWalk.Plan session = CourseWalk.Plan.PARTS.get(org.iptkit.core.Session.class);
    assertThat(session.expected).isEqualTo("a session object");
    assertThat(session.names[session.key]).isEqualTo("number");
    assertThat(CourseWalk.Plan.COURSE.slots[WireFormat.COURSE.index("sessions")].expected)
        .isEqualTo("an array of sessions");
    assertThat(CourseWalk.Plan.COURSE.slots[WireFormat.COURSE.index("schemaVersion")].missing)
        .isEqualTo("a schema version such as \"1.0\"");
  }
}
