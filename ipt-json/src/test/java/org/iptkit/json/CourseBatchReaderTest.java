package org.iptkit.json;

import org.iptkit.json.internal.SplitRecord;
import org.iptkit.json.internal.ToolPlumbing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.iptkit.json.MalformedDocumentsTest.q;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches of course records: every valid record read, every bad one reported once, in order. */
class CourseBatchReaderTest {
  private static final IptJson JSON = IptJson.strict();

  static String course(String id) {
    return q("{'schemaVersion':'1.0','courseId':'" + id + "','protocol':'ipt-acute-16',"
        + "'status':'ONGOING','sessions':[{'number':1,'date':'2026-01-05',"
        + "'attendance':'ATTENDED','phase':'INITIAL'}]}");
  }

  static List<BatchRecord> read(String text, String source) {
    return read(JSON, text, source, BatchFormat.AUTO);
  }

  static List<BatchRecord> read(IptJson json, String text, String source, BatchFormat format) {
    try (Stream<BatchRecord> records = json.batchReader()
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source, format)) {
      return records.toList();
    }
  }

  static List<String> ids(List<BatchRecord> records) {
    return records.stream().filter(BatchRecord::isCourse)
        .map(r -> r.courseOrThrow().courseId()).toList();
  }

  static List<BatchRecord> errors(List<BatchRecord> records) {
    return records.stream().filter(r -> !r.isCourse()).toList();
  }

  @Test
  void ndjsonWithBadLinesInterleavedReturnsEveryValidCourseAndReportsEachBadLineOnce() {
    String text = String.join("\n",
        course("c-1"),                                          // line 1
        "",                                                      // line 2 (blank)
        "{\"schemaVersion\":\"1.0\",\"courseId\":",              // line 3: malformed JSON
        course("c-2"),                                          // line 4
        course("c-3").replace("\"ONGOING\"", "\"DONE\""),       // line 5: bad enum
        "   ",                                                   // line 6 (blank)
        course("c-4") + "\r",                                    // line 7 (CRLF)
        course("c-5").replace("\"number\":1", "\"number\":0"),  // line 8: invariant
        "[]",                                                    // line 9: not a course
        course("c-6") + " {}",                                   // line 10: trailing content
        course("c-7"));                                          // line 11, no final newline

    List<BatchRecord> records = read(text, "export.ndjson");

    assertThat(ids(records)).containsExactly("c-1", "c-2", "c-4", "c-7");
    assertThat(errors(records)).extracting(BatchRecord::line).containsExactly(3, 5, 8, 9, 10);
    assertThat(errors(records)).extracting(r -> r.error().orElseThrow().line())
        .containsExactly(3, 5, 8, 9, 10);
    assertThat(errors(records)).extracting(r -> r.error().orElseThrow().problem())
        .containsExactly(Problem.MALFORMED_JSON, Problem.UNKNOWN_VALUE, Problem.INVALID_VALUE,
            Problem.WRONG_TYPE, Problem.TRAILING_CONTENT);
    assertThat(errors(records).get(1).error().orElseThrow().pointer()).isEqualTo("/status");
    assertThat(errors(records).get(2).error().orElseThrow().pointer())
        .isEqualTo("/sessions/0/number");
    assertThat(records).extracting(BatchRecord::index)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(records).extracting(BatchRecord::source).containsOnly("export.ndjson");
    assertThat(errors(records).get(1).toString())
        .startsWith("export.ndjson:5 record 3: /status: expected one of ONGOING");
  }

  @Test
  void aBareCarriageReturnInsideAnNdjsonRecordDoesNotMoveItsErrorsOffTheRecordsLine() {
    // JSON allows a CR as white space; Jackson counts it as a line break, but the record is one
    // line of its file: errors and warnings after it are on that line, at their byte column.
    String record = "{\"schemaVersion\":\"1.0\",\r\"courseId\":5}";
    String text = course("c-1") + "\n\n" + record + "\n"
        + course("c-2").replace(",\"status\"", ",\r\r\"mood\":1,\"status\"") + "\n";
    int column = record.indexOf(":5") + 2; // 1-based column of the 5

    List<BatchRecord> records = read(text, "export.ndjson");

    JsonReadException error = errors(records).get(0).error().orElseThrow();
    assertThat(errors(records)).hasSize(2);
    assertThat(error.pointer()).isEqualTo("/courseId");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.getMessage()).contains("(line 3, column " + column + ")");
    JsonReadException unknown = errors(records).get(1).error().orElseThrow();
    String fourth = text.split("\n")[3];
    assertThat(unknown.pointer()).isEqualTo("/mood");
    assertThat(unknown.line()).isEqualTo(4);
    assertThat(unknown.column()).isEqualTo(fourth.indexOf("\"mood\"") + 1);

    IptJson lenient = IptJson.builder().lenientUnknownFields(true).build();
    BatchRecord read = read(lenient, text, "export.ndjson", BatchFormat.AUTO).get(2);
    assertThat(read.isCourse()).isTrue();
    assertThat(read.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(4);
      assertThat(w.column()).isEqualTo(fourth.indexOf("\"mood\"") + 1);
    });
    // without a bare CR nothing changes: the column Jackson gives is the byte column
    String plain = course("c-3").replace("\"c-3\"", "7");
    JsonReadException same = errors(read(plain + "\n", "x.ndjson")).get(0).error().orElseThrow();
    assertThat(same.line()).isEqualTo(1);
    assertThat(same.column()).isEqualTo(plain.indexOf(":7") + 2);
  }

  @Test
  void jsonArrayWithABadElementInTheMiddleReportsItsIndexPointerAndGoesOn() {
    String text = "[\n" + String.join(",\n",
        course("c-0"),
        course("c-1"),
        course("c-2").replace("\"2026-01-05\"", "\"2026-13-05\""),
        course("c-3").replace("\"status\"", "\"mood\":{\"deep\":[[1],{\"x\":2}]},\"status\""),
        "42",
        course("c-5").replace("\"courseId\":\"c-5\"", "\"courseId\":\"c-5\",\"courseId\":\"c-x\""),
        course("c-6")) + "\n]\n";

    List<BatchRecord> records = read(text, "export.json");

    assertThat(ids(records)).containsExactly("c-0", "c-1", "c-6");
    assertThat(errors(records)).extracting(r -> r.error().orElseThrow().pointer())
        .containsExactly("/2/sessions/0/date", "/3/mood", "/4", "/5/courseId");
    assertThat(errors(records)).extracting(BatchRecord::index).containsExactly(2L, 3L, 4L, 5L);
    assertThat(errors(records)).extracting(BatchRecord::line).containsExactly(4, 5, 6, 7);
    assertThat(errors(records).get(3).error().orElseThrow().problem())
        .isEqualTo(Problem.DUPLICATE_FIELD);
  }

  @Test
  void malformedJsonInsideAnArrayIsReportedOnceAndEndsTheFile() {
    String text = "[" + course("c-0") + ",\n" + course("c-1").replace(",\"protocol\"", "\"protocol\"")
        + ",\n" + course("c-2") + "]";

    List<BatchRecord> records = read(text, "broken.json");

    assertThat(ids(records)).containsExactly("c-0");
    assertThat(errors(records)).singleElement().satisfies(r -> {
      assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.MALFORMED_JSON);
      assertThat(r.error().orElseThrow().line()).isEqualTo(2);
      assertThat(r.index()).isEqualTo(1);
      // c-2 is lost with the rest of the array: the report says so.
      assertThat(r.error().orElseThrow().getMessage())
          .contains("; nothing after it in this source can be read (line 2");
    });
    // A bad element that leaves the syntax whole does not end the array.
    String wrongValue = "[" + course("c-0").replace("\"ONGOING\"", "\"X\"") + ",\n"
        + course("c-1") + "]";
    assertThat(errors(read(wrongValue, "bad.json"))).singleElement().satisfies(r ->
        assertThat(r.error().orElseThrow().getMessage()).doesNotContain("nothing after it"));
  }

  @Test
  void contentAfterTheArrayIsReported() {
    List<BatchRecord> records = read("[" + course("c-0") + "] []", "a.json");

    assertThat(ids(records)).containsExactly("c-0");
    assertThat(errors(records)).singleElement().extracting(r -> r.error().orElseThrow().problem())
        .isEqualTo(Problem.TRAILING_CONTENT);
  }

  @Test
  void emptySourceIsAnErrorButAnEmptyArrayIsAnEmptyBatch() {
    for (String empty : new String[] {"", "\n\n  \n"}) {
      assertThat(read(empty, "empty.ndjson")).singleElement().satisfies(r ->
          assertThat(r.error().orElseThrow().getMessage()).startsWith("empty input"));
      assertThat(read(empty, "-")).singleElement().satisfies(r ->
          assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.EMPTY_INPUT));
    }
    assertThat(read("[ ]", "none.json")).isEmpty();
  }

  @Test
  void prettyPrintedCoursesOneAfterAnotherAreDocuments() {
    IptJson pretty = IptJson.builder().prettyPrint(true).build();
    TreatmentCourse first = JSON.readCourse(course("c-1"));
    TreatmentCourse second = JSON.readCourse(course("c-2"));
    String text = pretty.writeCourse(first) + "\n" + pretty.writeCourse(second) + "\n";

    List<BatchRecord> records = read(text, "two.json");

    assertThat(records).extracting(BatchRecord::courseOrThrow).containsExactly(first, second);
    assertThat(records).extracting(BatchRecord::line).containsExactly(1, 15);
  }

  @Test
  void badDocumentInASequenceIsSkippedAndReadingGoesOn() {
    String text = course("c-1").replace("\"ONGOING\"", "[\"ONGOING\"]") + "\n" + course("c-2");

    List<BatchRecord> records = read(JSON, text, "-", BatchFormat.DOCUMENTS);

    assertThat(ids(records)).containsExactly("c-2");
    assertThat(errors(records)).singleElement()
        .satisfies(r -> assertThat(r.error().orElseThrow().pointer()).isEqualTo("/status"));
  }

  @Test
  void formatIsDecidedByNameOrFirstCharacters() {
    String ndjson = course("c-1") + "\n" + course("c-2") + "\n";
    String array = "[" + course("c-1") + "," + course("c-2") + "]";
    String pretty = IptJson.builder().prettyPrint(true).build()
        .writeCourse(JSON.readCourse(course("c-1")));

    assertThat(ids(read(ndjson, "-"))).containsExactly("c-1", "c-2");
    assertThat(ids(read(ndjson, "x.jsonl"))).containsExactly("c-1", "c-2");
    assertThat(ids(read("\uFEFF" + array, "-"))).containsExactly("c-1", "c-2");
    assertThat(ids(read(pretty, "-"))).containsExactly("c-1");
    assertThat(errors(read(array, "x.ndjson"))).singleElement()
        .satisfies(r -> assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.WRONG_TYPE));
    assertThat(errors(read(JSON, course("c-1"), "-", BatchFormat.JSON_ARRAY))).singleElement()
        .satisfies(r -> assertThat(r.error().orElseThrow().expected())
            .isEqualTo("an array of course documents"));
  }

  @Test
  void tooLongNdjsonLineIsReportedAndTheNextLineRead() {
    IptJson small = IptJson.builder().maxDocumentLength(400).build();
    String text = course("c-1") + "\n" + course("c-2").replace("\"ipt-acute-16\"",
        "\"" + "x".repeat(1000) + "\"") + "\n" + course("c-3") + "\n";

    List<BatchRecord> records = read(small, text, "big.ndjson", BatchFormat.AUTO);

    assertThat(ids(records)).containsExactly("c-1", "c-3");
    assertThat(errors(records)).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
    });
  }

  @Test
  void tooLongArrayElementIsReportedAndEndsTheFile() {
    IptJson small = IptJson.builder().maxDocumentLength(600).build();
    String big = course("c-2").replace("\"sessions\":[", "\"sessions\":["
        + "{\"number\":9,\"date\":\"2026-01-06\",\"attendance\":\"CANCELLED\"},".repeat(12));
    String text = "[" + course("c-1") + "," + big + "," + course("c-3") + "]";

    List<BatchRecord> records = read(small, text, "big.json", BatchFormat.AUTO);

    assertThat(ids(records)).containsExactly("c-1");
    assertThat(errors(records)).singleElement().satisfies(r ->
        assertThat(r.error().orElseThrow().getMessage()).contains("record longer than the maximum"));
  }

  @Test
  void lenientBatchRecordsCarryTheirWarnings() {
    IptJson lenient = IptJson.builder().lenientUnknownFields(true).build();
    String text = course("c-1").replace("\"status\"", "\"mood\":\"low\",\"status\"") + "\n"
        + course("c-2") + "\n";

    List<BatchRecord> records = read(lenient, text, "-", BatchFormat.NDJSON);

    assertThat(ids(records)).containsExactly("c-1", "c-2");
    assertThat(records.get(0).warnings()).singleElement()
        .satisfies(w -> assertThat(w.pointer()).isEqualTo("/mood"));
    assertThat(records.get(1).warnings()).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = BatchFormat.class,
      names = {"NDJSON", "JSON_ARRAY", "DOCUMENTS"})
  void aRepeatedUnknownFieldIsADuplicateInALenientBatchOfEveryFormat(BatchFormat format) {
    // Lenient reading skips unknown fields unread, so only the parser can see them repeated.
    IptJson lenient = IptJson.builder().lenientUnknownFields(true).build();
    String repeated = course("c-1")
        .replace("\"status\"", "\"mood\":{\"a\":1,\"a\":[2]},\"status\"");
    String text = switch (format) {
      case JSON_ARRAY -> "[" + repeated + ",\n" + course("c-2") + "]";
      default -> repeated + "\n" + course("c-2") + "\n";
    };

    List<BatchRecord> records = read(lenient, text, "-", format);

    assertThat(ids(records)).containsExactly("c-2");
    assertThat(errors(records)).singleElement().satisfies(r ->
        assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.DUPLICATE_FIELD));
    assertThat(errors(records).get(0).error().orElseThrow().pointer())
        .isEqualTo(format == BatchFormat.JSON_ARRAY ? "/0/mood/a" : "/mood/a");
  }

  @Test
  void directoryIsReadRecursivelyInSortedOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.json"), "[" + course("b-1") + "," + course("b-2") + "]");
    Files.writeString(dir.resolve("a.ndjson"), course("a-1") + "\n" + course("a-2") + "\n");
    Files.createDirectories(dir.resolve("c/d"));
    Files.writeString(dir.resolve("c/z.jsonl"), course("cz-1") + "\n");
    Files.writeString(dir.resolve("c/d/y.json"), IptJson.builder().prettyPrint(true).build()
        .writeCourse(JSON.readCourse(course("cdy-1"))));
    Files.writeString(dir.resolve("c/a.json"), course("ca-1").replace("\"ONGOING\"", "\"X\""));
    Files.writeString(dir.resolve("notes.txt"), "not a course");
    Files.writeString(dir.resolve(".hidden.json"), course("hidden"));
    Files.createDirectories(dir.resolve("e"));

    List<BatchRecord> records;
    try (Stream<BatchRecord> stream = CourseBatchReader.of(JSON).read(dir)) {
      records = stream.toList();
    }

    assertThat(records).extracting(r -> dir.relativize(Path.of(r.source())).toString()
            .replace('\\', '/'))
        .containsExactly("a.ndjson", "a.ndjson", "b.json", "b.json", "c/a.json", "c/d/y.json",
            "c/z.jsonl");
    assertThat(ids(records)).containsExactly("a-1", "a-2", "b-1", "b-2", "cdy-1", "cz-1");
    assertThat(errors(records)).singleElement()
        .satisfies(r -> assertThat(r.error().orElseThrow().pointer()).isEqualTo("/status"));
  }

  /** Reads every record of a directory, both eagerly and deferred, which must agree. */
  private static List<BatchRecord> readDirectory(Path dir) {
    List<BatchRecord> records;
    try (Stream<BatchRecord> stream = CourseBatchReader.of(JSON).read(dir)) {
      records = stream.toList();
    }
    try (Stream<SplitRecord> pending = ToolPlumbing.readPending(JSON, dir, BatchFormat.AUTO)) {
      // Read errors are exceptions, equal only to themselves: compare what the records say.
      assertThat(pending.map(SplitRecord::read).map(BatchRecord::toString).toList())
          .isEqualTo(records.stream().map(BatchRecord::toString).toList());
    }
    return records;
  }

  @Test
  void aFileOfADirectoryThatCannotBeReadIsOneRecordAndTheOtherFilesAreRead(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("a.ndjson"), course("a-1") + "\n");
    Path locked = Files.writeString(dir.resolve("b.ndjson"), course("b-1") + "\n");
    Files.createDirectories(dir.resolve("c"));
    Files.writeString(dir.resolve("c/d.ndjson"), course("d-1") + "\n");
    assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
        "the file system lets this user read a file without read permission (root)");
    try {
      List<BatchRecord> records = readDirectory(dir);

      assertThat(ids(records)).containsExactly("a-1", "d-1");
      assertThat(errors(records)).singleElement().satisfies(r -> {
        assertThat(r.source()).isEqualTo(locked.toString());
        assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.UNREADABLE_FILE);
        assertThat(r.error().orElseThrow().getMessage())
            .isEqualTo("cannot read the file: permission denied");
      });
    } finally {
      locked.toFile().setReadable(true, false);
    }
  }

  @Test
  void aSubdirectoryThatCannotBeListedIsOneRecordAndNotAlsoAnEmptyDirectory(@TempDir Path dir)
      throws IOException {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("a.ndjson"), course("a-1") + "\n");
    assumeTrue(locked.toFile().setReadable(false, false) && !Files.isReadable(locked),
        "the file system lets this user list a directory without read permission (root)");
    try {
      List<BatchRecord> records = readDirectory(dir);

      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.source()).isEqualTo(locked.toString());
        assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.UNREADABLE_FILE);
        assertThat(r.error().orElseThrow().getMessage())
            .isEqualTo("cannot read the directory: permission denied");
      });
    } finally {
      locked.toFile().setReadable(true, false);
    }
  }

  @Test
  void aDirectoryWithoutCourseFilesIsEmptyInputNotAnEmptyBatch(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("sub/x.json"));
    Files.writeString(dir.resolve("notes.txt"), "not a course");

    List<BatchRecord> records = readDirectory(dir);

    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.source()).isEqualTo(dir.toString());
      assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.EMPTY_INPUT);
      assertThat(r.error().orElseThrow().getMessage())
          .isEqualTo("no course file (.json, .ndjson or .jsonl) in the directory");
    });
    // A course file holding no course is a batch of none, as a file read alone is.
    Files.writeString(dir.resolve("none.json"), "[]");
    assertThat(readDirectory(dir)).isEmpty();
  }

  @Test
  void aFileThatFailsWhileBeingReadKeepsWhatCameBeforeAndTheDirectoryGoesOn(@TempDir Path dir)
      throws IOException {
    // Reading /proc/self/mem from its start fails with an I/O error, for root too (Linux).
    Path mem = Path.of("/proc/self/mem");
    assumeTrue(Files.isRegularFile(mem), "no /proc/self/mem here");
    Files.writeString(dir.resolve("a.ndjson"), course("a-1") + "\n");
    Files.createSymbolicLink(dir.resolve("b.ndjson"), mem);
    Files.writeString(dir.resolve("c.ndjson"), course("c-1") + "\n");

    List<BatchRecord> records = readDirectory(dir);

    assertThat(ids(records)).containsExactly("a-1", "c-1");
    assertThat(errors(records)).singleElement().satisfies(r -> {
      assertThat(r.source()).endsWith("b.ndjson");
      assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.UNREADABLE_FILE);
      assertThat(r.error().orElseThrow().getMessage()).startsWith("cannot read the file: ");
    });
  }

  @Test
  void aSymbolicLinkToNothingIsOneUnreadableRecordWithItsPath(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("a.ndjson"), course("a-1") + "\n");
    Path dangling = Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("gone.json"));
    Path loop = Files.createSymbolicLink(dir.resolve("c.json"), dir.resolve("c.json"));
    Files.createSymbolicLink(dir.resolve("d.txt"), dir.resolve("gone.txt"));
    Files.writeString(dir.resolve("e.json"), course("e-1"));

    List<BatchRecord> records = readDirectory(dir);

    assertThat(ids(records)).containsExactly("a-1", "e-1");
    assertThat(errors(records)).hasSize(2).allSatisfy(r -> {
      assertThat(r.error().orElseThrow().problem()).isEqualTo(Problem.UNREADABLE_FILE);
      assertThat(r.error().orElseThrow().getMessage())
          .contains("a symbolic link to a file that does not exist");
    });
    assertThat(errors(records).stream().map(BatchRecord::source))
        .containsExactly(dangling.toString(), loop.toString());
  }

  @Test
  void singleFileIsReadByPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("one.json");
    Files.writeString(file, course("c-1"));

    try (Stream<BatchRecord> stream = CourseBatchReader.of(JSON).read(file)) {
      assertThat(stream.map(BatchRecord::courseOrThrow).map(TreatmentCourse::status))
          .containsExactly(CourseStatus.ONGOING);
    }
  }

  @Test
  void ndjsonIsStreamedWithoutReadingAheadOfTheConsumer() {
    RepeatingInput input = new RepeatingInput("", course("c") + "\n");

    try (Stream<BatchRecord> records = JSON.batchReader().read(input, "endless.ndjson")) {
      assertThat(records.limit(2_000).filter(BatchRecord::isCourse).count()).isEqualTo(2_000);
    }
    assertThat(input.served()).isLessThan(2_100L * (course("c").length() + 1));
  }

  @Test
  void jsonArrayIsStreamedWithoutReadingAheadOfTheConsumer() {
    RepeatingInput input = new RepeatingInput("[", course("c") + ",\n");

    try (Stream<BatchRecord> records = JSON.batchReader().read(input, "endless.json")) {
      assertThat(records.limit(2_000).filter(BatchRecord::isCourse).count()).isEqualTo(2_000);
    }
    assertThat(input.served()).isLessThan(2_100L * (course("c").length() + 2) + (1 << 16));
  }

  /** An endless stream: a head, then one record after another, never an end. */
  static final class RepeatingInput extends InputStream {
    private final byte[] head;
    private final byte[] record;
    private final AtomicLong served = new AtomicLong();
    private int position;
    private boolean inHead = true;

    RepeatingInput(String head, String record) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.record = record.getBytes(StandardCharsets.UTF_8);
      this.inHead = this.head.length > 0;
    }

    @Override
    public int read() {
      byte[] source = inHead ? head : record;
      int b = source[position++] & 0xFF;
      if (position == source.length) {
        position = 0;
        inHead = false;
      }
      served.incrementAndGet();
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n = Math.min(length, 4096);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }

    long served() {
      return served.get();
    }
  }

  /** Makes a named pipe, or skips the test where {@code mkfifo} is missing. */
  private static Path fifo(Path file) throws InterruptedException {
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(made, "mkfifo is available");
    return file;
  }

  /** Reads a named pipe by path while another thread writes {@code text} into it. */
  private static List<BatchRecord> readThroughPipe(Path pipe, String text) throws Exception {
    Thread writer = new Thread(() -> {
      try (var out = Files.newOutputStream(pipe)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    try (Stream<BatchRecord> records = JSON.batchReader().read(pipe)) {
      return records.toList();
    } finally {
      writer.join(10_000);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"export.ndjson", "export.json",
      "export"})
  void aNamedPipeIsReadByPathWithoutSeeking(String name, @TempDir Path dir) throws Exception {
    Path pipe = fifo(dir.resolve(name));
    // Large enough that the buffered reader sees short reads from the pipe.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      text.append(course("c" + i)).append('\n');
    }

    List<BatchRecord> records = readThroughPipe(pipe, text.toString());

    assertThat(records).hasSize(400).allMatch(BatchRecord::isCourse);
    assertThat(records.get(399).courseOrThrow().courseId()).isEqualTo("c399");
  }

  @Test
  void aNamedPipeHoldingAJsonArrayIsDetectedFromItsFirstBytes(@TempDir Path dir)
      throws Exception {
    Path pipe = fifo(dir.resolve("from-command"));

    List<BatchRecord> records = readThroughPipe(pipe,
        "[\n" + course("a") + ",\n" + course("b") + "\n]\n");

    assertThat(records).extracting(r -> r.courseOrThrow().courseId()).containsExactly("a", "b");
  }
}
