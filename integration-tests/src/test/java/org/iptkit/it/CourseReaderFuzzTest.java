package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.IptJson;

/**
 * Coverage-guided fuzzing of the course reader with Jazzer: whatever bytes arrive, the strict
 * reader answers with a course or with its own located {@link JsonReadException}, never with
 * another exception; a course it accepts is written back and read again unchanged; and the batch
 * reader turns NDJSON and JSON arrays of any bytes into records without failing.
 *
 * <p>In a normal build these run as regression tests over the committed inputs in
 * {@code src/test/resources/org/iptkit/it/CourseReaderFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} one of them fuzzes (see docs/reliability.md).
 */
class CourseReaderFuzzTest {
  private static final IptJson JSON = IptJson.strict();
  /** A bound on records per input, so a fuzz input cannot make one execution slow. */
  private static final int MAX_RECORDS = 10_000;

  @FuzzTest(maxDuration = "5m")
  @DictionaryFile(resourcePath = "/org/iptkit/it/course.dict")
  void readCourseAnswersWithACourseOrItsOwnLocatedError(byte[] input) {
    TreatmentCourse course;
    try {
      course = JSON.readCourse(input);
    } catch (JsonReadException e) {
      assertLocated(e);
      assertThat(streamAnswer(input)).as("a stream of the same bytes is refused too").isNull();
      return;
    }
    assertThat(streamAnswer(input)).as("a stream of the same bytes").isEqualTo(course);
    assertThat(JSON.readCourse(JSON.writeCourse(course))).isEqualTo(course);
  }

  @FuzzTest(maxDuration = "5m")
  @DictionaryFile(resourcePath = "/org/iptkit/it/course.dict")
  void ndjsonBatchYieldsACourseOrALocatedErrorPerLine(byte[] input) {
    readBatch(input, BatchFormat.NDJSON);
  }

  @FuzzTest(maxDuration = "5m")
  @DictionaryFile(resourcePath = "/org/iptkit/it/course.dict")
  void arrayBatchYieldsACourseOrALocatedErrorPerElement(byte[] input) {
    readBatch(input, BatchFormat.JSON_ARRAY);
  }

  private static TreatmentCourse streamAnswer(byte[] input) {
    try {
      return JSON.readCourse(new ByteArrayInputStream(input));
    } catch (JsonReadException e) {
      assertLocated(e);
      return null;
    }
  }

  private static void readBatch(byte[] input, BatchFormat format) {
    try (Stream<BatchRecord> records = JSON.batchReader()
        .read(new ByteArrayInputStream(input), "fuzz", format)) {
      Iterator<BatchRecord> it = records.iterator();
      for (int n = 0; n < MAX_RECORDS && it.hasNext(); n++) {
        BatchRecord record = it.next();
        assertThat(record.isCourse()).isNotEqualTo(record.error().isPresent());
        record.error().filter(e -> e.problem() != Problem.EMPTY_INPUT)
            .ifPresent(CourseReaderFuzzTest::assertLocated);
      }
    }
  }

  private static void assertLocated(JsonReadException e) {
    assertThat(e.line()).as(e.getMessage()).isPositive();
    assertThat(e.column()).as(e.getMessage()).isPositive();
    assertThat(e.getCause()).isNull();
  }
}
