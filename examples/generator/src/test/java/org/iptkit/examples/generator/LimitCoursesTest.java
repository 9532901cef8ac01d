package org.iptkit.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.iptkit.core.CourseStatus;
import org.junit.jupiter.api.Test;

/** The courses at the size limits stay under the readers' 10 MB document limit. */
class LimitCoursesTest {
  private static final int DOCUMENT_LIMIT = 10_000_000;

  @Test
  void aCourseOfAHundredThousandSessionsFitsUnderTheDocumentLimit() {
    String json = LimitCourses.document(100_000, 3, CourseStatus.COMPLETED);

    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(DOCUMENT_LIMIT);
    assertThat(json).startsWith("{\"schemaVersion\":\"1.0\"").endsWith("\"endedOn\":\"2273-10-19\"}")
        .contains("{\"number\":99999,\"date\":\"2273-10-17\",\"attendance\":\"ATTENDED\","
            + "\"phase\":\"TERMINATION\"}");
  }

  @Test
  void anOngoingCourseHasNoEndDateAndACrowdedOneListsEveryPersonTwice() {
    String ongoing = LimitCourses.document(10, 3, CourseStatus.ONGOING);
    String crowded = LimitCourses.document(5, 100_000, CourseStatus.COMPLETED);

    assertThat(ongoing).doesNotContain("endedOn");
    assertThat(crowded.getBytes(StandardCharsets.UTF_8).length).isLessThan(DOCUMENT_LIMIT);
    assertThat(crowded.split("\\{\"id\":\"p99999\"\\}", -1)).hasSize(3);
  }
}
