package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.it.Documents.SAMPLE;
import static org.iptkit.it.Documents.concat;
import static org.iptkit.it.Documents.utf8;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.it.HostileCorpus.Hostile;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.IptJson;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict reader answers every input of the {@link HostileCorpus} with its own error type and
 * a message that names the line and column (and the JSON Pointer where there is one): read as a
 * document from bytes or from a stream, as a line of an NDJSON export, and as an element of a JSON
 * array. Never another exception, a stack overflow, running out of memory, or hanging (each read is
 * guarded by a generous timeout, a hang guard rather than a performance check).
 */
class HostileInputTest {
  private static final IptJson JSON = IptJson.strict();
  private static final List<Hostile> CORPUS = HostileCorpus.all();

  static Stream<Hostile> corpus() {
    return CORPUS.stream();
  }

  static Stream<Hostile> validExtremes() {
    return HostileCorpus.validExtremes().stream();
  }

  @Test
  void corpusHoldsAtLeastAHundredDocumentsOfEveryKind() {
    Map<String, Integer> perCategory = new TreeMap<>();
    CORPUS.forEach(h -> perCategory.merge(h.category(), 1, Integer::sum));

    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(100);
    assertThat(perCategory).containsOnlyKeys("empty", "truncated", "binary", "bom", "utf8", "deep",
        "huge-string", "huge-number", "duplicate", "wrong-type", "impossible", "enormous",
        "trailing", "stored");
    assertThat(perCategory.get("stored")).as("hand-made files under hostile/").isGreaterThan(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void documentFromBytesIsRefusedWithALocatedReadError(Hostile hostile) {
    Throwable thrown = Guard.thrownWithin(() -> JSON.readCourse(hostile.bytes()));

    assertLocatedReadError(thrown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void documentFromAStreamIsRefusedWithALocatedReadError(Hostile hostile) {
    Throwable thrown = Guard.thrownWithin(
        () -> JSON.readCourse(new ByteArrayInputStream(hostile.bytes())));

    assertLocatedReadError(thrown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void ndjsonLineIsReportedWithItsLineAndTheValidLinesAroundItAreRead(Hostile hostile) {
    byte[] export = concat(utf8(SAMPLE + "\n"), hostile.bytes(), utf8("\n" + SAMPLE + "\n"));
    int lastLine = lineCount(export);

    List<BatchRecord> records = Guard.within(() -> readAll(export, BatchFormat.NDJSON));

    assertThat(records).isNotEmpty();
    assertThat(records.get(0).isCourse()).as("the line before").isTrue();
    assertThat(records.get(0).line()).isEqualTo(1);
    BatchRecord last = records.get(records.size() - 1);
    assertThat(last.isCourse()).as("the line after: %s", last).isTrue();
    assertThat(last.line()).isEqualTo(lastLine);
    for (BatchRecord record : records.subList(1, records.size() - 1)) {
      assertThat(record.line()).isBetween(2, lastLine - 1);
      record.error().ifPresent(e -> {
        // Jackson counts a bare carriage return inside a line as a line break of its own
        assertThat(e.line()).isBetween(record.line(), lastLine - 1);
        assertThat(record.toString()).startsWith("hostile.ndjson:" + record.line() + " record ");
      });
    }
    if (hostile.singleLine() && !hostile.blank()) {
      assertThat(records).as("exactly one record for the hostile line").hasSize(3);
      assertLocatedReadError(records.get(1).error().orElseThrow());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void arrayElementIsReportedAndTheElementBeforeItIsRead(Hostile hostile) {
    byte[] array = concat(utf8("[" + SAMPLE + ",\n"), hostile.bytes(), utf8(",\n" + SAMPLE + "]"));

    List<BatchRecord> records = Guard.within(() -> readAll(array, BatchFormat.JSON_ARRAY));

    assertThat(records.get(0).isCourse()).as("the element before").isTrue();
    List<JsonReadException> errors = new ArrayList<>();
    records.forEach(r -> r.error().ifPresent(errors::add));
    if (hostile.validIn().contains(HostileCorpus.Context.ARRAY_ELEMENT)) {
      assertThat(records).hasSize(3).allMatch(BatchRecord::isCourse);
      return;
    }
    assertThat(errors).as("records of %s", records).isNotEmpty();
    errors.forEach(HostileInputTest::assertLocatedReadError);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validExtremes")
  void extremeButValidDocumentIsReadCheckedAndWrittenBackUnchanged(Hostile valid) {
    TreatmentCourse course = Guard.within(() -> JSON.readCourse(valid.bytes()));

    assertThat(Guard.within(() -> JSON.readCourse(new ByteArrayInputStream(valid.bytes()))))
        .isEqualTo(course);
    assertThat(Guard.within(() -> JSON.readCourse(JSON.writeCourse(course)))).isEqualTo(course);
    for (var profile : Protocols.all()) {
      Guard.within(() -> Invariants.checkConsistently(FidelityChecker.of(profile), course));
    }
  }

  @Test
  void leadingUtf8ByteOrderMarkIsAcceptedInDocumentsNdjsonAndArrays() {
    byte[] bom = HostileCorpus.BOM;
    TreatmentCourse course = JSON.readCourse(SAMPLE);

    assertThat(JSON.readCourse(concat(bom, utf8(SAMPLE)))).isEqualTo(course);
    assertThat(readAll(concat(bom, utf8(SAMPLE + "\n" + SAMPLE + "\n")), BatchFormat.AUTO))
        .allSatisfy(r -> assertThat(r.courseOrThrow()).isEqualTo(course)).hasSize(2);
    assertThat(readAll(concat(bom, utf8("[" + SAMPLE + "]")), BatchFormat.AUTO))
        .allSatisfy(r -> assertThat(r.courseOrThrow()).isEqualTo(course)).hasSize(1);
  }

  @Test
  void byteOrderMarkAnywhereButTheStartIsRefused() {
    byte[] bom = HostileCorpus.BOM;
    byte[] inside = concat(utf8("{"), bom, utf8(SAMPLE.substring(1)));
    byte[] twice = concat(bom, bom, utf8(SAMPLE));

    for (byte[] bytes : List.of(inside, twice)) {
      Throwable thrown = Guard.thrownWithin(() -> JSON.readCourse(bytes));
      assertLocatedReadError(thrown);
      assertThat(((JsonReadException) thrown).problem())
          .isEqualTo(JsonReadException.Problem.MALFORMED_JSON);
    }
  }

  @Test
  void byteOrderMarkCharacterAtTheStartOfTextIsSkippedAsInBytesAndRefusedElsewhere() {
    // Java's UTF-8 decoding keeps a file's mark (Files.readString), so text may start with it;
    // RFC 8259 section 8.1 lets a parser ignore it, and bytes already are read that way.
    assertThat(Guard.within(() -> JSON.readCourse("\uFEFF" + SAMPLE)))
        .isEqualTo(JSON.readCourse(SAMPLE));

    for (String text : List.of("\uFEFF\uFEFF" + SAMPLE, "{\uFEFF" + SAMPLE.substring(1))) {
      Throwable thrown = Guard.thrownWithin(() -> JSON.readCourse(text));
      assertLocatedReadError(thrown);
      assertThat(((JsonReadException) thrown).problem())
          .isEqualTo(JsonReadException.Problem.MALFORMED_JSON);
    }
  }

  static void assertLocatedReadError(Throwable thrown) {
    assertThat(thrown).as("the input was accepted").isNotNull();
    assertThat(thrown).isInstanceOf(JsonReadException.class);
    JsonReadException e = (JsonReadException) thrown;
    assertThat(e.line()).as("line of %s", e.getMessage()).isPositive();
    assertThat(e.column()).as("column of %s", e.getMessage()).isPositive();
    assertThat(e.getMessage()).contains("(line " + e.line() + ", column " + e.column() + ")");
    assertThat(e.getMessage()).startsWith(e.pointer().isEmpty() ? "" : e.pointer() + ": ");
    assertThat(e.expected()).isNotBlank();
    assertThat(e.getCause()).isNull();
  }

  private static List<BatchRecord> readAll(byte[] bytes, BatchFormat format) {
    String name = format == BatchFormat.AUTO ? "export" : "hostile.ndjson";
    try (Stream<BatchRecord> records = JSON.batchReader()
        .read(new ByteArrayInputStream(bytes), name, format)) {
      return records.toList();
    }
  }

  private static int lineCount(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
