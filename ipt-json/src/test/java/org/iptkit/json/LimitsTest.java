package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.MalformedDocumentsTest.BASE;
import static org.iptkit.json.MalformedDocumentsTest.with;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;

/** The reader's safety limits: string, number and document length, nesting depth, I/O failures. */
class LimitsTest {
  @Test
  void stringLongerThanTheLimitIsRefused() {
    IptJson small = IptJson.builder().maxStringLength(100).build();
    String document = with("'desiredChange':'calm talk'", "'desiredChange':'" + "a".repeat(101) + "'");

    assertThatThrownBy(() -> small.readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
          assertThat(e.pointer()).isEqualTo("/inventories/0/people/0/desiredChange");
          assertThat(e.getMessage()).contains("string longer than the maximum of 100 characters");
        });
    assertThat(small.readCourse(BASE).courseId()).isEqualTo("c-1");
  }

  @Test
  void fieldNameLongerThanTheLimitIsPointedAtTheObjectHoldingIt() {
    String longName = "k".repeat(1001);
    String top = with("'courseId':'c-1',", "'courseId':'c-1','" + longName + "':1,");
    String inPerson = with("'id':'father',", "'id':'father','" + longName + "':1,");

    for (String[] row : new String[][] {{top, ""}, {inPerson, "/inventories/0/people/1"}}) {
      assertThatThrownBy(() -> IptJson.strict().readCourse(row[0]))
          .isInstanceOfSatisfying(JsonReadException.class, e -> {
            assertThat(e.problem()).isEqualTo(JsonReadException.Problem.LIMIT_EXCEEDED);
            assertThat(e.pointer()).isEqualTo(row[1]);
            assertThat(e.getMessage()).contains("field name longer than the maximum of 1000");
          });
    }
  }

  @Test
  void documentLongerThanTheLimitIsRefused() {
    IptJson small = IptJson.builder().maxDocumentLength(BASE.length() - 10).build();
    byte[] bytes = BASE.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> small.readCourse(new ByteArrayInputStream(bytes)))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
          assertThat(e.getMessage()).contains("document longer than the maximum of");
        });
    assertThat(IptJson.builder().maxDocumentLength(BASE.length()).build().readCourse(bytes))
        .isNotNull();
  }

  @Test
  void numberLongerThanAHundredDigitsIsRefused() {
    String document = with("'minutes':50", "'minutes':" + "9".repeat(101));

    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
          assertThat(e.getMessage()).contains("number longer than the maximum of 100 digits");
        });
  }

  @Test
  void sixtyFourLevelsAreEnoughAndSixtyFiveAreTooMany() {
    IptJson lenient = IptJson.builder().lenientUnknownFields(true).build();
    String ok = with("'status':'COMPLETED',",
        "'status':'COMPLETED','x':" + "[".repeat(63) + "]".repeat(63) + ",");
    String tooDeep = with("'status':'COMPLETED',",
        "'status':'COMPLETED','x':" + "[".repeat(64) + "]".repeat(64) + ",");

    assertThat(lenient.readCourseWithWarnings(ok).warnings()).hasSize(1);
    assertThatThrownBy(() -> lenient.readCourse(tooDeep))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.getMessage()).contains("nesting depth exceeds the maximum of 64"));
  }

  @Test
  void unreadableStreamIsAnIoErrorNotABadDocument() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };

    assertThatThrownBy(() -> IptJson.strict().readCourse(failing))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
  }

  @Test
  void unwritableStreamIsAnIoError() {
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };
    TreatmentCourse course = IptJson.strict().readCourse(BASE);

    assertThatThrownBy(() -> IptJson.strict().writeCourse(course, failing))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> IptJson.strict().writeNdjson(java.util.List.of(course), failing))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void yearsOutsideFourDigitsCannotBeWritten() {
    TreatmentCourse course = TreatmentCourse.builder().courseId("c").protocol("p")
        .status(CourseStatus.COMPLETED).endedOn(LocalDate.of(10_000, 1, 1)).build();

    assertThatThrownBy(() -> IptJson.strict().writeCourse(course))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endedOn");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> IptJson.builder().maxDocumentLength(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IptJson.builder().maxStringLength(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
