package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iptkit.core.Instrument;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.IptJson;
import org.iptkit.json.internal.SplitRecord;
import org.iptkit.json.internal.ToolPlumbing;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.ProtocolRegistry;
import org.junit.jupiter.api.Test;

/** The parts behind the commands: ordered parallel checking, trajectories, progress, text. */
class InternalsTest {
  @Test
  void progressGoesToStandardErrorOnlyWhenThatIsATerminal() {
    assertThat(Io.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(Io.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(Io.isTerminalDevice("/dev/console")).isTrue();
    assertThat(Io.isTerminalDevice("pipe:[48213]")).isFalse();
    assertThat(Io.isTerminalDevice("/tmp/ipt-errors.log")).isFalse();
    assertThat(Io.isTerminalDevice("/dev/null")).isFalse();
  }

  @Test
  void thePipelineKeepsInputOrderOnManyThreads() {
    CourseGenerator generator = Fixtures.generator(13, 0.3);
    List<SplitRecord> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(SplitRecord.of(BatchRecord.ofCourse("mem", i, i + 1,
          generator.generate(i).course(), List.of())));
    }
    CourseChecks checks = new CourseChecks(ProtocolRegistry.builtIn(), Optional.empty());
    for (int threads : new int[] {1, 2, 3, 8}) {
      List<String> seen = new ArrayList<>();
      new CheckPipeline(threads, checks).run(records.iterator(),
          checked -> seen.add(checked.report().courseId()));
      assertThat(seen).as("threads " + threads).isEqualTo(records.stream()
          .map(r -> r.read().course().orElseThrow().courseId()).collect(Collectors.toList()));
    }
  }

  /** NDJSON of {@code count} lines, every seventh one (from the fourth) not a course. */
  private static byte[] ndjsonWithBadLines(int count, int padding) {
    CourseGenerator generator = Fixtures.generator(21, 0.3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i % 7 == 3 ? "{\"broken\": " : IptJson.strict()
          .writeCourse(generator.generate(i % 40).course())).append(" ".repeat(padding))
          .append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<SplitRecord> pending(byte[] ndjson) {
    if (ndjson.length == 0) {
      return List.of();
    }
    try (Stream<SplitRecord> records = ToolPlumbing.readPending(IptJson.strict(),
        new ByteArrayInputStream(ndjson), "mem.ndjson", BatchFormat.AUTO)) {
      return records.toList();
    }
  }

  /** What one result says: its place and whether it is a checked course, and which. */
  private static String outcome(Checked checked) {
    if (checked.record() == null) {
      return checked.unread().index() + " failed " + checked.failure().getMessage();
    }
    BatchRecord record = checked.record();
    return record.index() + " line " + record.line() + (checked.report() != null
        ? " " + checked.report().courseId() : checked.failure() != null ? " failed"
        : " unreadable");
  }

  private static List<String> run(int threads, List<SplitRecord> records,
      Function<SplitRecord, BatchRecord> reader) {
    List<String> seen = new ArrayList<>();
    new CheckPipeline(threads, new CourseChecks(ProtocolRegistry.builtIn(), Optional.empty()),
        reader).run(records.iterator(), checked -> seen.add(outcome(checked)));
    return seen;
  }

  @Test
  void thePipelineGivesEveryRecordInOrderAroundBatchBoundaries() {
    int batch = CheckPipeline.BATCH_RECORDS;
    for (int count : new int[] {0, 1, batch - 1, batch, batch + 1, 3 * batch + 7}) {
      List<SplitRecord> records = pending(ndjsonWithBadLines(count, 0));
      List<String> expected = new ArrayList<>();
      for (SplitRecord record : records) {
        BatchRecord read = record.read();
        expected.add(read.index() + " line " + read.line() + (read.isCourse()
            ? " " + read.course().orElseThrow().courseId() : " unreadable"));
      }
      assertThat(expected).hasSize(count);
      assertThat(expected).filteredOn(e -> e.endsWith("unreadable")).hasSize((count + 3) / 7);
      for (int threads : new int[] {1, 2, 3, 8}) {
        assertThat(run(threads, records, SplitRecord::read))
            .as(count + " records on " + threads + " threads").isEqualTo(expected);
      }
    }
  }

  @Test
  void reportsAreFinishedOnTheWorkersAndAFailingFinishIsReportedForItsRecord() {
    List<SplitRecord> records = pending(ndjsonWithBadLines(2 * CheckPipeline.BATCH_RECORDS
        + 9, 0));
    CourseChecks checks = new CourseChecks(ProtocolRegistry.builtIn(), Optional.empty());
    org.iptkit.json.ReportWriter encoder = IptJson.strict()
        .reportWriter(new java.io.ByteArrayOutputStream(), org.iptkit.json.ReportFormat.NDJSON);
    java.util.Set<String> finishers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.function.UnaryOperator<Checked> finish = checked -> {
      finishers.add(Thread.currentThread().getName());
      if (checked.record().index() % 11 == 2) {
        throw new IllegalStateException("cannot encode");
      }
      return checked.withEncoded(ToolPlumbing.encode(encoder, checked.report()));
    };
    for (int threads : new int[] {2, 3}) {
      finishers.clear();
      List<String> seen = new ArrayList<>();
      new CheckPipeline(threads, checks, finish).run(records.iterator(), checked -> seen.add(
          outcome(checked) + (checked.encoded() != null ? " encoded" : "")));
      assertThat(seen).hasSize(records.size());
      assertThat(finishers).allMatch(name -> name.startsWith("ipt-check-"));
      for (int i = 0; i < records.size(); i++) {
        BatchRecord read = records.get(i).read();
        String line = seen.get(i);
        if (!read.isCourse()) {
          assertThat(line).endsWith("unreadable");
        } else if (i % 11 == 2) {
          assertThat(line).endsWith(" failed");
        } else {
          assertThat(line).endsWith(read.course().orElseThrow().courseId() + " encoded");
        }
      }
    }
    // one thread: the sink writes each report as it comes, nothing is finished ahead
    finishers.clear();
    List<Checked> inline = new ArrayList<>();
    new CheckPipeline(1, checks, finish).run(records.iterator(), inline::add);
    assertThat(finishers).isEmpty();
    assertThat(inline).allMatch(checked -> checked.encoded() == null);
  }

  @Test
  void batchesAreCutByBytesAsWellAsByRecords() {
    int padding = 100_000;   // three lines make a batch of more than BATCH_BYTES
    List<SplitRecord> records = pending(ndjsonWithBadLines(23, padding));
    assertThat(records.get(0).textLength()).isGreaterThan(padding);

    List<String> one = run(1, records, SplitRecord::read);

    assertThat(one).hasSize(23);
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(run(threads, records, SplitRecord::read)).as("threads " + threads)
          .isEqualTo(one);
    }
  }

  @Test
  void aDefectWhileReadingIsReportedForItsRecordAndTheRunGoesOn() {
    List<SplitRecord> records = pending(ndjsonWithBadLines(2 * CheckPipeline.BATCH_RECORDS
        + 5, 0));
    Function<SplitRecord, BatchRecord> faulty = record -> {
      if (record.index() % 10 == 5) {
        throw new IllegalStateException("defect " + record.index());
      }
      return record.read();
    };
    List<String> one = run(1, records, faulty);

    assertThat(one).hasSize(records.size());
    assertThat(one).filteredOn(o -> o.contains("failed"))
        .hasSize((records.size() + 4) / 10)
        .allSatisfy(o -> assertThat(o).matches("(\\d*5) failed defect \\1"));
    for (int threads : new int[] {2, 3, 8}) {
      assertThat(run(threads, records, faulty)).as("threads " + threads).isEqualTo(one);
    }
  }

  @Test
  void anErrorOnAWorkerEndsTheRun() {
    List<SplitRecord> records = pending(ndjsonWithBadLines(3 * CheckPipeline.BATCH_RECORDS,
        0));
    Function<SplitRecord, BatchRecord> broken = record -> {
      if (record.index() == 100) {
        throw new AssertionError("broken");
      }
      return record.read();
    };

    assertThatThrownBy(() -> run(2, records, broken)).isInstanceOf(AssertionError.class)
        .hasMessage("broken");
  }

  @Test
  void thePipelineReadsAheadOnlyABoundedNumberOfRecords() {
    CourseGenerator generator = Fixtures.generator(13, 0);
    AtomicLong read = new AtomicLong();
    long[] maxAhead = new long[1];
    long[] emitted = new long[1];
    java.util.Iterator<SplitRecord> endless = new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return read.get() < 5_000;
      }

      @Override
      public SplitRecord next() {
        long i = read.getAndIncrement();
        return SplitRecord.of(BatchRecord.ofCourse("mem", i, 0,
            generator.generate(i % 50).course(), List.of()));
      }
    };
    int threads = 2;
    new CheckPipeline(threads, new CourseChecks(ProtocolRegistry.builtIn(), Optional.empty()))
        .run(endless, checked -> {
          emitted[0]++;
          maxAhead[0] = Math.max(maxAhead[0], read.get() - emitted[0]);
        });

    assertThat(emitted[0]).isEqualTo(5_000);
    assertThat(maxAhead[0]).isLessThanOrEqualTo(
        (long) threads * CheckPipeline.BATCHES_PER_THREAD * CheckPipeline.BATCH_RECORDS);
  }

  @Test
  void trajectoryQuantilesAreExact() {
    Trajectories.Distribution d = new Trajectories.Distribution(new long[] {1, 0, 2, 0, 1});
    // totals 0, 2, 2, 4

    assertThat(d.n()).isEqualTo(4);
    assertThat(d.quantile(0.5)).isEqualTo(2.0);
    assertThat(d.quantile(0.25)).isEqualTo(1.5);
    assertThat(d.quantile(0.75)).isEqualTo(2.5);
    assertThat(d.quantile(0)).isEqualTo(0.0);
    assertThat(d.quantile(1)).isEqualTo(4.0);
    assertThat(new Trajectories.Distribution(new long[3]).quantile(0.5)).isNaN();
  }

  @Test
  void scoreTextMarksProratedTotalsAndTheOutcomeTheTrajectoryBearsOut() {
    var course = IptJson.strict().readCourse(
        Fixtures.scoredCourse("2,3,null,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0"));
    var outcome = ProtocolRegistry.builtIn().check(course).outcome();

    assertThat(ScoreText.total(17, true)).isEqualTo("17*");
    assertThat(ScoreText.total(17, false)).isEqualTo("17");
    assertThat(ScoreText.anyProrated(course.scores(Instrument.PHQ9))).isTrue();
    assertThat(ScoreText.outcomeMarked(outcome)).isTrue();
    assertThat(ScoreText.outcome(outcome, course))
        .isEqualTo("PHQ-9 baseline 17* (MODERATELY_SEVERE), last 8 (MILD), change -9,"
            + " response, no remission");
    // An outcome marked prorated that the course's trajectory does not bear out (a report of
    // another version of the course): both totals are marked rather than neither.
    var complete = IptJson.strict().readCourse(
        Fixtures.scoredCourse("2,3,2,2,1,2,2,1,2", null, "1,1,1,1,1,1,1,1,0"));
    assertThat(ScoreText.outcome(outcome, complete)).startsWith("PHQ-9 baseline 17* (")
        .contains(", last 8* (");
    ClinicalOutcome.Builder plain = ClinicalOutcome.builder();
    plain.from(outcome).prorated(false);
    assertThat(ScoreText.outcome(plain.build(), course)).doesNotContain("*");
  }

  @Test
  void trajectoriesCollectScoresByAttendedSessionPerProfile() {
    Trajectories trajectories = new Trajectories();
    CourseGenerator generator = Fixtures.generator(1, 0);
    int acute = 0;
    int maintenance = 0;
    for (int i = 0; acute < 20 || maintenance < 3; i++) {
      var course = generator.generate(i).course();
      if (course.protocol().equals("ipt-acute-16") && acute < 20) {
        trajectories.add(course, course.protocol(), Instrument.PHQ9);
        acute++;
      } else if (course.protocol().equals("ipt-m-monthly") && maintenance < 3) {
        trajectories.add(course, course.protocol(), Instrument.PHQ9);
        maintenance++;
      }
    }
    Trajectories.Series series = new Trajectories.Series("ipt-acute-16", Instrument.PHQ9);

    assertThat(trajectories.series()).containsExactly(series,
        new Trajectories.Series("ipt-m-monthly", Instrument.PHQ9));
    assertThat(trajectories.courses(series)).isEqualTo(20);
    assertThat(trajectories.at(series, 1).n()).isPositive();
    Trajectories.Series none = new Trajectories.Series("ipt-acute-16", Instrument.EPDS);
    assertThat(trajectories.courses(none)).isZero();
    assertThat(trajectories.at(none, 1).n()).isZero();
  }

  @Test
  void progressStaysQuietOffATerminal() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    Progress progress = new Progress(new PrintWriter(err), false, () -> now[0]);

    now[0] = 10 * Progress.QUIET_NANOS;
    progress.update(1_000);
    progress.done();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void progressShowsOnlyAfterAWhileAndIsWipedAtTheEnd() {
    StringWriter err = new StringWriter();
    long[] now = {0};
    Progress progress = new Progress(new PrintWriter(err), true, () -> now[0]);

    progress.update(10);
    assertThat(err.toString()).isEmpty();
    now[0] = Progress.QUIET_NANOS + 1;
    progress.update(5_000);
    assertThat(err.toString()).isEqualTo("\ript: 5000 records checked");
    progress.done();
    assertThat(err.toString()).endsWith("\r");
  }

  @Test
  void percentagesNeverRoundToAllOrNothing() {
    assertThat(Text.percent(0.996)).isEqualTo("99%");
    assertThat(Text.percent(1.0)).isEqualTo("100%");
    assertThat(Text.percent(0.004)).isEqualTo("1%");
    assertThat(Text.percent(0.0)).isEqualTo("0%");
    assertThat(Text.percent(0.875)).isEqualTo("88%");
  }
}
