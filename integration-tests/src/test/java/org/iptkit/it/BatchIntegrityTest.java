package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.IptJson;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolRegistry;
import org.junit.jupiter.api.Test;

/**
 * Nothing valid is lost and nothing bad is hidden in a large export: an NDJSON stream of 100 000
 * generated courses, 1 % of its lines corrupted in twelve different ways, with blank lines and
 * CRLF line ends here and there, is generated and written by one thread and read, checked and
 * summed up by others as it arrives (never held in memory: the test JVM has a 512 MB heap, and
 * the export is about 500 MB). Every valid record yields exactly one course and one report, in order and with
 * its line; every bad line is reported exactly once with its line number; the counts add up.
 */
class BatchIntegrityTest {
  private static final int RECORDS = 100_000;
  private static final long SEED = 20_261_123L;
  private static final IptJson JSON = IptJson.strict();

  /** How a line is corrupted, and the problem the reader must report for it. */
  enum Corruption {
    TRUNCATED(Problem.MALFORMED_JSON),
    NOT_UTF8(Problem.MALFORMED_JSON),
    NEWER_VERSION(Problem.UNSUPPORTED_VERSION),
    DUPLICATE_KEY(Problem.DUPLICATE_FIELD),
    WRONG_TYPE(Problem.WRONG_TYPE),
    GARBAGE(Problem.MALFORMED_JSON),
    EMPTY_OBJECT(Problem.MISSING_FIELD),
    ARRAY_INSTEAD(Problem.WRONG_TYPE),
    TRAILING(Problem.TRAILING_CONTENT),
    UNKNOWN_STATUS(Problem.UNKNOWN_VALUE),
    DEEP(Problem.LIMIT_EXCEEDED),
    BOM_INSIDE(Problem.MALFORMED_JSON);

    final Problem problem;

    Corruption(Problem problem) {
      this.problem = problem;
    }

    String apply(String line, long index) {
      return switch (this) {
        case TRUNCATED -> line.substring(0, line.length() / 2);
        case NOT_UTF8 -> "\u0000"; // replaced by bytes C0 80 when written
        case NEWER_VERSION -> line.replace("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"2.0\"");
        case DUPLICATE_KEY -> "{\"courseId\":\"dup\"," + line.substring(1);
        case WRONG_TYPE -> line.replace("\"sessions\":[", "\"sessions\":[7,");
        case GARBAGE -> "garbage line " + index + " <html>";
        case EMPTY_OBJECT -> "{}";
        case ARRAY_INSTEAD -> "[" + line + "]";
        case TRAILING -> line + " trailing";
        case UNKNOWN_STATUS -> line.replaceFirst("\"status\":\"[A-Z]+\"", "\"status\":\"DONE\"");
        case DEEP -> "[".repeat(100) + "]".repeat(100);
        case BOM_INSIDE -> "{\uFEFF" + line.substring(1);
      };
    }
  }

  /** The corruption of record {@code index}, or null: 1 % of the records, kinds in turn. */
  static Corruption corruption(long index) {
    long h = (index * 0x9E3779B97F4A7C15L) >>> 40;
    if (h % 100 != 0) {
      return null;
    }
    Corruption[] kinds = Corruption.values();
    return kinds[(int) ((h / 100) % kinds.length)];
  }

  /** A blank line follows every 10 000th record; lines are numbered from 1. */
  static int lineOf(long index) {
    return (int) (index + 1 + index / 10_000);
  }

  @Test
  void everyValidRecordGivesOneReportAndEveryBadLineOneLocatedErrorAndTheCountsAddUp()
      throws Exception {
    CourseGenerator generator = Documents.generator(SEED, 0.2);
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    BlockingQueue<TreatmentCourse> toCheck = new ArrayBlockingQueue<>(256);
    try (PipedInputStream in = new PipedInputStream(1 << 20)) {
      PipedOutputStream pipe = new PipedOutputStream(in);
      Future<?> written = threads.submit(() -> write(generator, pipe));
      Future<long[]> checked = threads.submit(() -> check(registry, toCheck));
      assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
        long courses = 0;
        Map<Corruption, Integer> errors = new EnumMap<>(Corruption.class);
        long expected = 0;
        try (Stream<BatchRecord> records = JSON.batchReader().read(in, "export.ndjson")) {
          Iterator<BatchRecord> it = records.iterator();
          while (it.hasNext()) {
            BatchRecord record = it.next();
            assertThat(expected).as("more records than lines written").isLessThan(RECORDS);
            assertThat(record.index()).isEqualTo(expected);
            assertThat(record.line()).as("line of record %d", expected)
                .isEqualTo(lineOf(expected));
            Corruption corruption = corruption(expected);
            if (corruption == null) {
              TreatmentCourse course = record.course().orElseThrow(() -> new AssertionError(
                  "valid record " + record.index() + " refused: " + record));
              assertThat(course.courseId()).isEqualTo(courseId(expected));
              courses++;
              hand(course, toCheck, checked);
            } else {
              JsonReadException error = record.error().orElseThrow(() -> new AssertionError(
                  corruption + " line " + record.line() + " was read as a course"));
              assertThat(error.problem()).as("%s at line %d: %s", corruption, record.line(),
                  error.getMessage()).isEqualTo(corruption.problem);
              assertThat(error.line()).isEqualTo(record.line());
              assertThat(record.toString()).startsWith("export.ndjson:" + record.line() + " ");
              errors.merge(corruption, 1, Integer::sum);
            }
            expected++;
          }
        }
        hand(END, toCheck, checked);
        long[] reports = checked.get();
        long bad = errors.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(expected).as("records read").isEqualTo(RECORDS);
        assertThat(courses + bad).isEqualTo(RECORDS);
        assertThat(reports[0]).as("reports").isEqualTo(courses);
        assertThat(reports[1]).as("courses in the cohort report").isEqualTo(courses);
        assertThat(bad).as("about 1 %% bad lines").isBetween(800L, 1_200L);
        assertThat(errors).as("every kind of corruption met").hasSize(Corruption.values().length);
      });
      written.get();
    } finally {
      threads.shutdownNow();
    }
  }

  /** Queues a course for checking, failing at once if the checking thread has failed. */
  private static void hand(TreatmentCourse course, BlockingQueue<TreatmentCourse> toCheck,
      Future<long[]> checked) throws Exception {
    while (!toCheck.offer(course, 100, TimeUnit.MILLISECONDS)) {
      if (checked.isDone()) {
        checked.get();
        throw new AssertionError("the checking thread ended early");
      }
    }
  }

  /** The end of the courses to check. */
  private static final TreatmentCourse END = Documents.generated(1, 0, 1).get(0);

  /**
   * Checks the courses as they arrive (on another thread, so reading and checking share the
   * machine's cores) until {@link #END}: returns the number of reports and the cohort's count.
   */
  private static long[] check(ProtocolRegistry registry, BlockingQueue<TreatmentCourse> courses)
      throws InterruptedException {
    CohortReport.Accumulator cohort = CohortReport.accumulator();
    long reports = 0;
    for (TreatmentCourse course = courses.take(); course != END; course = courses.take()) {
      FidelityReport report = registry.check(course);
      assertThat(report.courseId()).isEqualTo(course.courseId());
      reports++;
      cohort.add(report);
    }
    return new long[] {reports, cohort.build().courses()};
  }

  /** The id the generator gives course {@code index}. */
  static String courseId(long index) {
    return "gen-" + SEED + "-" + index;
  }

  /** Writes the export: one course per line, corrupted where {@link #corruption} says. */
  private static void write(CourseGenerator generator, OutputStream pipe) {
    try (OutputStream out = new BufferedOutputStream(pipe, 1 << 16)) {
      for (long i = 0; i < RECORDS; i++) {
        String line = JSON.writeCourse(generator.generate(i).course());
        Corruption corruption = corruption(i);
        if (corruption == Corruption.NOT_UTF8) {
          int cut = line.indexOf("\"protocol\"");
          out.write(line.substring(0, cut).getBytes(StandardCharsets.UTF_8));
          out.write(new byte[] {(byte) 0xC0, (byte) 0x80});
          out.write(line.substring(cut).getBytes(StandardCharsets.UTF_8));
        } else {
          if (corruption != null) {
            line = corruption.apply(line, i);
          }
          out.write(line.getBytes(StandardCharsets.UTF_8));
        }
        out.write(i % 7 == 3 ? "\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {'\n'});
        if ((i + 1) % 10_000 == 0) {
          out.write(i % 20_000 == 9_999 ? new byte[] {'\n'} : "  \t\n".getBytes(
              StandardCharsets.US_ASCII));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void corruptionsAreSpreadOverTheExportAndCoverEveryKind() {
    Map<Corruption, Integer> kinds = new EnumMap<>(Corruption.class);
    long count = 0;
    for (long i = 0; i < RECORDS; i++) {
      Corruption c = corruption(i);
      if (c != null) {
        kinds.merge(c, 1, Integer::sum);
        count++;
      }
    }
    assertThat(count).isBetween(800L, 1_200L);
    assertThat(kinds).hasSize(Corruption.values().length);
    kinds.values().forEach(n -> assertThat(n).isGreaterThan(40));
    if (corruption(0) != null && corruption(1) != null) {
      fail("corruptions should not cluster at the start");
    }
  }
}
