package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iptkit.json.CourseBatchReaderTest.course;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.internal.SplitRecord;
import org.iptkit.json.internal.ToolPlumbing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records read later: for every layout of a batch, reading the pending records (on any thread, in
 * any order) gives exactly the records the batch reader gives at once, and NDJSON lines are only
 * split, not parsed, until they are read.
 */
class PendingRecordTest {
  private static final IptJson JSON = IptJson.strict();

  /** Everything a record says: where it is, the course or the error, the warnings. */
  record Seen(String source, long index, int line, TreatmentCourse course, Problem problem,
      String pointer, int errorLine, int errorColumn, String message, List<ReadWarning> warnings) {
    static Seen of(BatchRecord r) {
      JsonReadException e = r.error().orElse(null);
      return new Seen(r.source(), r.index(), r.line(), r.course().orElse(null),
          e == null ? null : e.problem(), e == null ? null : e.pointer(),
          e == null ? 0 : e.line(), e == null ? 0 : e.column(),
          e == null ? null : e.getMessage(), r.warnings());
    }
  }

  /** One batch source: bytes, name and format, read with some options. */
  record Source(String name, IptJson json, byte[] bytes, String sourceName, BatchFormat format) {
    List<Seen> readNow() {
      try (Stream<BatchRecord> records = json.batchReader()
          .read(new ByteArrayInputStream(bytes), sourceName, format)) {
        return records.map(Seen::of).toList();
      }
    }

    List<SplitRecord> pending() {
      try (Stream<SplitRecord> records = ToolPlumbing.readPending(json,
          new ByteArrayInputStream(bytes), sourceName, format)) {
        return records.toList();
      }
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static List<Source> sources() {
    IptJson small = IptJson.builder().maxDocumentLength(400).build();
    IptJson lenient = IptJson.builder().lenientUnknownFields(true).build();
    IptJson pretty = IptJson.builder().prettyPrint(true).build();
    String badLines = String.join("\n",
        course("c-1"),
        "",
        "{\"schemaVersion\":\"1.0\",\"courseId\":",
        course("c-2"),
        course("c-3").replace("\"ONGOING\"", "\"DONE\""),
        "   ",
        course("c-4") + "\r",
        course("c-5").replace("\"number\":1", "\"number\":0"),
        "[]",
        course("c-6") + " {}",
        course("c-7"));
    String array = "[\n" + String.join(",\n",
        course("a-0"),
        course("a-1").replace("\"2026-01-05\"", "\"2026-13-05\""),
        "42",
        course("a-3").replace("\"courseId\":\"a-3\"", "\"courseId\":\"a-3\",\"courseId\":\"x\""),
        course("a-4")) + "\n]\n";
    String documents = pretty.writeCourse(JSON.readCourse(course("d-1"))) + "\n"
        + course("d-2").replace("\"ONGOING\"", "[\"ONGOING\"]") + "\n"
        + pretty.writeCourse(JSON.readCourse(course("d-3"))) + "\n";
    return List.of(
        new Source("ndjson with bad lines", JSON, utf8(badLines), "export.ndjson",
            BatchFormat.AUTO),
        new Source("ndjson, CRLF", JSON, utf8(course("c-1") + "\r\n\r\n" + course("c-2")
            + "\r\n{\r\n"), "-", BatchFormat.NDJSON),
        new Source("ndjson with a byte order mark", JSON, utf8("\uFEFF" + course("c-1") + "\n"
            + course("c-2") + "\n"), "-", BatchFormat.AUTO),
        new Source("ndjson, a line too long", small, utf8(course("c-1") + "\n"
            + course("c-2").replace("\"ipt-acute-16\"", "\"" + "x".repeat(1000) + "\"") + "\n"
            + course("c-3") + "\n"), "big.ndjson", BatchFormat.AUTO),
        new Source("ndjson, not UTF-8", JSON, concat(utf8(course("c-1") + "\n"),
            utf8(course("c-2").replace("c-2", "c-\u00e9")), new byte[] {(byte) 0xC3, '\n'},
            utf8("{\"courseId\":\"\u00e9\u0301\"\n" + course("c-3") + "\n"),
            new byte[] {'{', '"', (byte) 0xFF, '"', '}', '\n'}, utf8(course("c-4"))),
            "bytes.ndjson", BatchFormat.NDJSON),
        new Source("ndjson, lenient", lenient, utf8(course("c-1").replace("\"status\"",
            "\"mood\":\"low\",\"status\"") + "\n" + course("c-2") + "\n"), "-",
            BatchFormat.NDJSON),
        new Source("empty ndjson", JSON, utf8(""), "empty.ndjson", BatchFormat.AUTO),
        new Source("blank ndjson", JSON, utf8("\n \n\t\n"), "-", BatchFormat.AUTO),
        new Source("array with bad elements", JSON, utf8(array), "export.json",
            BatchFormat.AUTO),
        new Source("array, malformed", JSON, utf8("[" + course("a-0") + ",\n"
            + course("a-1").replace(",\"protocol\"", "\"protocol\"") + "]"), "broken.json",
            BatchFormat.AUTO),
        new Source("array with a byte order mark", JSON, utf8("\uFEFF[" + course("a-0") + "]"),
            "-", BatchFormat.AUTO),
        new Source("documents", JSON, utf8(documents), "two.json", BatchFormat.AUTO),
        new Source("empty documents", JSON, utf8(""), "-", BatchFormat.DOCUMENTS));
  }

  @Test
  void readingSplitRecordsGivesExactlyTheRecordsReadAtOnce() {
    for (Source source : sources()) {
      List<Seen> now = source.readNow();
      List<Seen> later = source.pending().stream().map(SplitRecord::read).map(Seen::of)
          .toList();

      assertThat(now).as(source.name()).isNotEmpty();
      assertThat(later).as(source.name()).isEqualTo(now);
      assertThat(source.pending()).as(source.name())
          .extracting(SplitRecord::source, SplitRecord::index, SplitRecord::line)
          .containsExactlyElementsOf(now.stream()
              .map(s -> org.assertj.core.groups.Tuple.tuple(s.source(), s.index(), s.line()))
              .toList());
    }
  }

  @Test
  void theSourcesCoverCoursesAndEveryKindOfProblem() {
    List<Seen> all = sources().stream().flatMap(s -> s.readNow().stream()).toList();

    assertThat(all).extracting(Seen::problem).contains(null, Problem.MALFORMED_JSON,
        Problem.UNKNOWN_VALUE, Problem.INVALID_VALUE, Problem.WRONG_TYPE,
        Problem.TRAILING_CONTENT, Problem.LIMIT_EXCEEDED, Problem.EMPTY_INPUT,
        Problem.DUPLICATE_FIELD);
    assertThat(all).filteredOn(s -> s.message() != null)
        .anySatisfy(s -> assertThat(s.message()).contains("UTF-8"));
    assertThat(all).anySatisfy(s -> assertThat(s.warnings()).isNotEmpty());
  }

  @Test
  void readingOnSeveralThreadsInShuffledOrderGivesTheSameRecords() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Source source : sources()) {
        List<Seen> now = source.readNow();
        List<SplitRecord> pending = source.pending();
        for (int round = 0; round < 5; round++) {
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < pending.size() * 3; i++) {
            order.add(i % pending.size());
          }
          Collections.shuffle(order, new Random(round));
          List<Future<Seen>> futures = new ArrayList<>();
          for (int i : order) {
            futures.add(pool.submit(() -> Seen.of(pending.get(i).read())));
          }
          for (int k = 0; k < order.size(); k++) {
            assertThat(futures.get(k).get()).as(source.name() + " record " + order.get(k))
                .isEqualTo(now.get(order.get(k)));
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ndjsonLinesAreSplitWithoutBeingParsed() {
    String malformed = "{\"schemaVersion\":\"1.0\",\"courseId\":";
    byte[] notText = {'{', '"', (byte) 0xFF, '"', '}'};
    byte[] input = concat(utf8(malformed + "\n" + course("c-1") + "\r\n"), notText);
    List<SplitRecord> pending;
    try (Stream<SplitRecord> records = ToolPlumbing.readPending(JSON,
        new ByteArrayInputStream(input), "x.ndjson", BatchFormat.AUTO)) {
      pending = records.toList();  // splitting malformed JSON or bad bytes throws nothing
    }

    assertThat(pending).extracting(SplitRecord::textLength)
        .containsExactly(malformed.length(), course("c-1").length(), notText.length);
    assertThat(pending).extracting(SplitRecord::line).containsExactly(1, 2, 3);
    assertThat(pending.get(0).toString()).isEqualTo("x.ndjson:1 record 0: pending");
    assertThat(pending.get(0).read().error().orElseThrow().problem())
        .isEqualTo(Problem.MALFORMED_JSON);
    assertThat(pending.get(1).read().courseOrThrow().courseId()).isEqualTo("c-1");
    assertThat(pending.get(2).read().error().orElseThrow().getMessage()).contains("UTF-8");
  }

  @Test
  void recordsOfArraysAndBadLinesFoundWhileSplittingAreReadAlready() {
    IptJson small = IptJson.builder().maxDocumentLength(100).build();
    try (Stream<SplitRecord> records = ToolPlumbing.readPending(JSON,
        new ByteArrayInputStream(utf8("[" + course("a-0") + "]")), "-", BatchFormat.AUTO)) {
      assertThat(records.toList()).singleElement()
          .satisfies(p -> assertThat(p.textLength()).isZero());
    }
    try (Stream<SplitRecord> records = ToolPlumbing.readPending(small,
        new ByteArrayInputStream(utf8(course("c-1") + "\n")), "-", BatchFormat.NDJSON)) {
      assertThat(records.toList()).singleElement().satisfies(p -> {
        assertThat(p.textLength()).isZero();
        assertThat(p.read().error().orElseThrow().problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
      });
    }
  }

  @Test
  void aRecordReadAlreadyIsHandedOnAsItIs() {
    BatchRecord record = BatchRecord.ofCourse("mem", 4, 0, JSON.readCourse(course("c-1")),
        List.of());

    SplitRecord pending = SplitRecord.of(record);

    assertThat(pending.read()).isSameAs(record);
    assertThat(pending.source()).isEqualTo("mem");
    assertThat(pending.index()).isEqualTo(4);
    assertThat(pending.line()).isZero();
    assertThat(pending.textLength()).isZero();
    assertThat(pending.toString()).isEqualTo("mem record 4: pending");
  }

  @Test
  void aDirectoryGivesTheSameRecordsPendingAsReadAtOnce(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.json"), "[" + course("b-1") + ",42]");
    Files.writeString(dir.resolve("a.ndjson"), course("a-1") + "\n{\n" + course("a-2") + "\n");
    Files.createDirectories(dir.resolve("c"));
    Files.writeString(dir.resolve("c/z.jsonl"), course("cz-1") + "\n");
    Files.writeString(dir.resolve("c/e.ndjson"), "");

    List<Seen> now;
    try (Stream<BatchRecord> records = JSON.batchReader().read(dir)) {
      now = records.map(Seen::of).toList();
    }
    List<Seen> later;
    try (Stream<SplitRecord> records = ToolPlumbing.readPending(JSON, dir, BatchFormat.AUTO)) {
      later = records.map(SplitRecord::read).map(Seen::of).toList();
    }
    List<Seen> laterAsNdjson;
    try (Stream<SplitRecord> records = ToolPlumbing.readPending(JSON, dir.resolve("a.ndjson"),
        BatchFormat.NDJSON)) {
      laterAsNdjson = records.map(SplitRecord::read).map(Seen::of).toList();
    }

    assertThat(now).hasSize(7);
    assertThat(later).isEqualTo(now);
    assertThat(laterAsNdjson).isEqualTo(now.subList(0, 3));
  }
}
