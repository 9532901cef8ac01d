package org.iptkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one course document from JSON bytes with the strict reader (every check of the wire
 * format and of the core model's invariants): the same 16-session IPT_ACUTE_16 course the rules
 * benchmark checks, written compactly as {@code ipt generate} writes it; on one thread and on two
 * threads sharing the reader, as a server reading courses from several requests does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ReadBenchmark {
  private IptJson json;
  private byte[] document;

  /** Writes the course once. */
  @Setup
  public void setUp() {
    json = IptJson.strict();
    document = json.writeCourse(Inputs.sixteenSessionCourse(false))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads the 16-session course from its bytes. */
  @Benchmark
  public TreatmentCourse readSixteenSessionCourse() {
    return json.readCourse(document);
  }

  /** The same on two threads sharing the {@link IptJson} (time per course per thread). */
  @Benchmark
  @Threads(2)
  @Warmup(iterations = 3, time = 5)
  public TreatmentCourse readSixteenSessionCourseTwoThreads() {
    return json.readCourse(document);
  }
}
