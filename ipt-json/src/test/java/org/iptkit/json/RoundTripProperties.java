package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.iptkit.core.TreatmentCourse;
import tools.jackson.core.type.TypeReference;

/** Course → JSON → course is the identity, whatever way the course is written and read. */
class RoundTripProperties {
  private static final IptJson COMPACT = IptJson.strict();
  private static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();

  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return JsonArbitraries.courses();
  }

  @Property(tries = 300)
  void compactJsonReadsBackEqual(@ForAll("courses") TreatmentCourse course) {
    String json = COMPACT.writeCourse(course);
    assertThat(COMPACT.readCourse(json)).isEqualTo(course);
    assertThat(json).doesNotContain("\n").startsWith("{\"schemaVersion\":\"1.0\",");
  }

  @Property(tries = 200)
  void prettyUtf8BytesReadBackEqual(@ForAll("courses") TreatmentCourse course) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PRETTY.writeCourse(course, out);
    byte[] bytes = out.toByteArray();
    assertThat(PRETTY.readCourse(bytes)).isEqualTo(course);
    assertThat(COMPACT.readCourse(new ByteArrayInputStream(bytes))).isEqualTo(course);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(PRETTY.writeCourse(course));
  }

  @Property(tries = 200)
  void writingIsDeterministic(@ForAll("courses") TreatmentCourse course) {
    String first = PRETTY.writeCourse(course);
    TreatmentCourse reread = PRETTY.readCourse(first);
    assertThat(PRETTY.writeCourse(reread)).isEqualTo(first);
    assertThat(COMPACT.writeCourse(reread)).isEqualTo(COMPACT.writeCourse(course));
  }

  @Property(tries = 100)
  void hostMapperReadsAndWritesTheSameDocument(@ForAll("courses") TreatmentCourse course) {
    String viaMapper = COMPACT.mapper().writeValueAsString(course);
    assertThat(viaMapper).isEqualTo(COMPACT.writeCourse(course));
    assertThat(COMPACT.mapper().readValue(viaMapper, TreatmentCourse.class)).isEqualTo(course);
  }

  @Property(tries = 50)
  void ndjsonBatchReadsBackEveryCourseInOrder(
      @ForAll @Size(max = 6) List<@net.jqwik.api.From("courses") TreatmentCourse> courses) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    COMPACT.writeNdjson(courses, out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(courses.size());
    if (courses.isEmpty()) {
      return;
    }
    try (Stream<BatchRecord> records = COMPACT.batchReader()
        .read(new ByteArrayInputStream(out.toByteArray()), "courses.ndjson")) {
      assertThat(records.map(BatchRecord::courseOrThrow).toList()).isEqualTo(courses);
    }
  }

  @Property(tries = 50)
  void listOfCoursesThroughTheMapperIsAJsonArrayBatch(
      @ForAll @Size(max = 5) List<@net.jqwik.api.From("courses") TreatmentCourse> courses) {
    String array = COMPACT.mapper().writeValueAsString(courses);
    assertThat(COMPACT.mapper().readValue(array, new TypeReference<List<TreatmentCourse>>() {}))
        .isEqualTo(courses);
    try (Stream<BatchRecord> records = COMPACT.batchReader()
        .read(new ByteArrayInputStream(array.getBytes(StandardCharsets.UTF_8)), "-")) {
      assertThat(records.map(BatchRecord::courseOrThrow).toList()).isEqualTo(courses);
    }
  }
}
