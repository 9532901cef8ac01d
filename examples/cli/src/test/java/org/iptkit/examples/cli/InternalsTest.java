package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.iptkit.core.Instrument;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.json.BatchRecord;
import org.iptkit.rules.ProtocolRegistry;
import org.junit.jupiter.api.Test;

/** The parts behind the commands: ordered parallel checking, trajectories, progress, text. */
class InternalsTest {
  @Test
  void thePipelineKeepsInputOrderOnManyThreads() {
    CourseGenerator generator = Fixtures.generator(13, 0.3);
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(BatchRecord.ofCourse("mem", i, i + 1, generator.generate(i).course(),
          List.of()));
    }
    CourseChecks checks = new CourseChecks(ProtocolRegistry.builtIn(), Optional.empty());
    for (int threads : new int[] {1, 2, 3, 8}) {
      List<String> seen = new ArrayList<>();
      new CheckPipeline(threads, checks).run(records.iterator(),
          checked -> seen.add(checked.report().courseId()));
      assertThat(seen).as("threads " + threads).isEqualTo(records.stream()
          .map(r -> r.course().orElseThrow().courseId()).collect(Collectors.toList()));
    }
  }

  @Test
  void thePipelineReadsAheadOnlyABoundedNumberOfRecords() {
    CourseGenerator generator = Fixtures.generator(13, 0);
    AtomicLong read = new AtomicLong();
    long[] maxAhead = new long[1];
    long[] emitted = new long[1];
    java.util.Iterator<BatchRecord> endless = new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return read.get() < 2_000;
      }

      @Override
      public BatchRecord next() {
        long i = read.getAndIncrement();
        return BatchRecord.ofCourse("mem", i, 0, generator.generate(i % 50).course(), List.of());
      }
    };
    new CheckPipeline(2, new CourseChecks(ProtocolRegistry.builtIn(), Optional.empty()))
        .run(endless, checked -> {
          emitted[0]++;
          maxAhead[0] = Math.max(maxAhead[0], read.get() - emitted[0]);
        });

    assertThat(emitted[0]).isEqualTo(2_000);
    assertThat(maxAhead[0]).isLessThanOrEqualTo(8);
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
  void trajectoriesCollectScoresBySessionNumber() {
    Trajectories trajectories = new Trajectories();
    CourseGenerator generator = Fixtures.generator(1, 0);
    int courses = 0;
    for (int i = 0; courses < 20; i++) {
      var course = generator.generate(i).course();
      if (course.protocol().equals("ipt-acute-16")) {
        trajectories.add(course, Instrument.PHQ9);
        courses++;
      }
    }

    assertThat(trajectories.courses(Instrument.PHQ9)).isEqualTo(20);
    assertThat(trajectories.at(Instrument.PHQ9, 1).n()).isPositive();
    assertThat(trajectories.courses(Instrument.EPDS)).isZero();
    assertThat(trajectories.at(Instrument.EPDS, 1).n()).isZero();
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
