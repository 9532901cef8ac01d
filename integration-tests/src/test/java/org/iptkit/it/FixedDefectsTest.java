package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.iptkit.it.Documents.SAMPLE;
import static org.iptkit.it.Documents.concat;
import static org.iptkit.it.Documents.utf8;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.IptJson;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * The defects the hostile corpus and the fuzzers found, one test each, so each fix stays fixed:
 * bytes in an unsupported or invalid encoding escaped as I/O errors or were silently accepted, a
 * document over the length limit given as bytes or text escaped as a Jackson exception, and the
 * agenda of a course whose last session had the largest number overflowed.
 */
class FixedDefectsTest {
  private static final IptJson JSON = IptJson.strict();

  @Test
  void fourByteOrderJacksonCannotReadIsAReadErrorNotAnIoError() {
    byte[] ucs4 = HexFormat.of().parseHex("00400000");

    for (Throwable thrown : List.of(catchRead(ucs4), catchStreamRead(ucs4))) {
      assertThat(thrown).isInstanceOfSatisfying(JsonReadException.class, e -> {
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertThat(e.getMessage()).contains("unsupported byte order").contains("(line 1, column 1)");
      });
    }
    assertThat(records(ucs4, BatchFormat.NDJSON)).singleElement()
        .satisfies(r -> assertThat(r.error()).isPresent());
    assertThat(records(ucs4, BatchFormat.JSON_ARRAY)).singleElement()
        .satisfies(r -> assertThat(r.error()).isPresent());
  }

  @Test
  void utf32CodePointAboveTheUnicodeRangeIsAReadError() {
    byte[] utf32 = HexFormat.of().parseHex("7b000000" + "22000000" + "00001100" + "22000000");

    assertThat(catchRead(utf32)).isInstanceOf(JsonReadException.class);
    assertThat(catchStreamRead(utf32)).isInstanceOf(JsonReadException.class);
  }

  @Test
  void overlongUtf8IsRefusedWhereItStandsInsteadOfReadAsAQuote() {
    int at = SAMPLE.indexOf("c-0001");
    byte[] overlong = concat(utf8(SAMPLE.substring(0, at)), HexFormat.of().parseHex("c0a2"),
        utf8(SAMPLE.substring(at)));

    for (Throwable thrown : List.of(catchRead(overlong), catchStreamRead(overlong))) {
      assertThat(thrown).isInstanceOfSatisfying(JsonReadException.class, e -> {
        assertThat(e.problem()).isEqualTo(Problem.MALFORMED_JSON);
        assertThat(e.getMessage()).contains("not UTF-8")
            .contains("(line 1, column " + (at + 1) + ")");
      });
    }
  }

  @Test
  void codePointAboveU10ffffInUtf8IsRefused() {
    int at = SAMPLE.indexOf("c-0001");
    byte[] beyond = concat(utf8(SAMPLE.substring(0, at)), HexFormat.of().parseHex("f4908080"),
        utf8(SAMPLE.substring(at)));

    assertThat(catchRead(beyond)).isInstanceOf(JsonReadException.class);
    assertThat(catchStreamRead(beyond)).isInstanceOf(JsonReadException.class);
  }

  @Test
  void arrayElementBeforeInvalidUtf8IsStillRead() {
    byte[] array = concat(utf8("[" + SAMPLE + ",\n" + SAMPLE.substring(0, 40)),
        HexFormat.of().parseHex("c080"), utf8(SAMPLE.substring(40) + "]"));

    List<BatchRecord> records = records(array, BatchFormat.JSON_ARRAY);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).isCourse()).isTrue();
    assertThat(records.get(1).error()).hasValueSatisfying(
        e -> assertThat(e.getMessage()).contains("not UTF-8").contains("line 2, column 41"));
  }

  @Test
  void documentOverTheLengthLimitAsBytesOrTextIsALimitErrorAtTheFirstByteTooMany() {
    IptJson small = IptJson.builder().maxDocumentLength(100).build();
    String padded = "\n".repeat(50) + SAMPLE;

    for (Throwable thrown : List.of(catchThrowable(() -> small.readCourse(utf8(padded))),
        catchThrowable(() -> small.readCourse(padded)))) {
      assertThat(thrown).isInstanceOfSatisfying(JsonReadException.class, e -> {
        assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("document longer than the maximum of 100")
            .contains("(line 51, column 51)");
      });
    }
  }

  @Test
  void agendaOfACourseWhoseLastSessionHasTheLargestNumberSaysNoSessionCanFollow() {
    TreatmentCourse course = TreatmentCourse.builder()
        .from(JSON.readCourse(SAMPLE))
        .status(CourseStatus.ONGOING)
        .endedOn(java.util.Optional.empty())
        .sessions(List.of(Session.builder().from(JSON.readCourse(SAMPLE).sessions().get(0))
            .number(Integer.MAX_VALUE).build()))
        .build();

    Agenda agenda = FidelityChecker.of(Protocols.IPT_ACUTE_16).agenda(course);

    assertThat(agenda.nextSessionNumber()).isEmpty();
    assertThat(agenda.items()).isEmpty();
    assertThat(agenda.reason()).hasValueSatisfying(r -> assertThat(r).contains("2147483647"));
  }

  private static Throwable catchRead(byte[] bytes) {
    return catchThrowable(() -> JSON.readCourse(bytes));
  }

  private static Throwable catchStreamRead(byte[] bytes) {
    return catchThrowable(() -> JSON.readCourse(new ByteArrayInputStream(bytes)));
  }

  private static List<BatchRecord> records(byte[] bytes, BatchFormat format) {
    try (Stream<BatchRecord> records = JSON.batchReader()
        .read(new ByteArrayInputStream(bytes), "defect", format)) {
      return records.toList();
    }
  }
}
