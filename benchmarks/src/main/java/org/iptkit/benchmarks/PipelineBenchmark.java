package org.iptkit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.CourseBatchReader;
import org.iptkit.json.IptJson;
import org.iptkit.json.ReportFormat;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The whole pipeline a host such as {@code ipt validate --format ndjson} runs, on 1 000 generated
 * courses of every profile held as NDJSON bytes: read them with the {@link CourseBatchReader},
 * check each with its profile's shared checker, write each fidelity report as one NDJSON line
 * with {@link IptJson#reportWriter(java.io.OutputStream, ReportFormat)}.
 * Against it, the floor: a bare Jackson token walk over the same bytes, which is as fast as any
 * JSON-reading pipeline can be. Two steps of the pipeline are also measured alone (reading;
 * reading and checking) to show where the time goes. Every score is per course.
 *
 * <p>Target (docs/performance.md): end to end at most 3 times the token walk on one core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The whole pipeline takes the JIT compiler several seconds of one core to settle.
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PipelineBenchmark {
  /** The number of courses in the NDJSON input. */
  static final int COURSES = 1_000;

  private byte[] ndjson;
  private IptJson json;
  private CourseBatchReader reader;
  private ProtocolRegistry registry;
  private JsonFactory factory;

  /** One output buffer per benchmark thread, emptied before each pass. */
  @State(Scope.Thread)
  public static class Output {
    ByteArrayOutputStream bytes;

    /** Allocates the buffer once. */
    @Setup
    public void setUp() {
      bytes = new ByteArrayOutputStream(COURSES * 4_096);
    }
  }

  /** Generates the courses and writes them as NDJSON once. */
  @Setup
  public void setUp() {
    ndjson = Inputs.ndjson(Inputs.mixedCourses(COURSES));
    json = IptJson.strict();
    reader = json.batchReader();
    registry = ProtocolRegistry.builtIn();
    factory = JsonFactory.builder().build();
  }

  /** The floor: every token of the NDJSON bytes, nothing built. */
  @Benchmark
  @OperationsPerInvocation(COURSES)
  public long tokenWalk() {
    return walk();
  }

  /** The floor on two threads, each walking the bytes. */
  @Benchmark
  @OperationsPerInvocation(COURSES)
  @Threads(2)
  public long tokenWalkTwoThreads() {
    return walk();
  }

  private long walk() {
    long tokens = 0;
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), ndjson)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /** Reading only: NDJSON bytes to courses. */
  @Benchmark
  @OperationsPerInvocation(COURSES)
  public void read(Blackhole blackhole) {
    try (Stream<BatchRecord> records = records()) {
      Iterator<BatchRecord> it = records.iterator();
      while (it.hasNext()) {
        blackhole.consume(it.next().courseOrThrow());
      }
    }
  }

  /** Reading and checking: NDJSON bytes to fidelity reports, nothing written. */
  @Benchmark
  @OperationsPerInvocation(COURSES)
  public void readAndCheck(Blackhole blackhole) {
    try (Stream<BatchRecord> records = records()) {
      Iterator<BatchRecord> it = records.iterator();
      while (it.hasNext()) {
        TreatmentCourse course = it.next().courseOrThrow();
        blackhole.consume(registry.checkerFor(course.protocol()).check(course));
      }
    }
  }

  /**
   * Reads every course as {@link #read} does and returns how many sessions they hold, for the
   * {@link PipelineRatio} harness, which runs without JMH's {@code Blackhole}.
   */
  long readCountingSessions() {
    long sessions = 0;
    try (Stream<BatchRecord> records = records()) {
      Iterator<BatchRecord> it = records.iterator();
      while (it.hasNext()) {
        sessions += it.next().courseOrThrow().sessions().size();
      }
    }
    return sessions;
  }

  /**
   * Reads and checks every course as {@link #readAndCheck} does and returns how many findings
   * the reports hold, for the {@link PipelineRatio} harness.
   */
  long readAndCheckCountingFindings() {
    long findings = 0;
    try (Stream<BatchRecord> records = records()) {
      Iterator<BatchRecord> it = records.iterator();
      while (it.hasNext()) {
        TreatmentCourse course = it.next().courseOrThrow();
        findings += registry.checkerFor(course.protocol()).check(course).findings().size();
      }
    }
    return findings;
  }

  /** End to end: NDJSON bytes to courses to fidelity reports to NDJSON bytes. */
  @Benchmark
  @OperationsPerInvocation(COURSES)
  public int endToEnd(Output output) {
    return pipeline(output);
  }

  /** End to end on two threads sharing the reader and the checkers. */
  @Benchmark
  @OperationsPerInvocation(COURSES)
  @Threads(2)
  public int endToEndTwoThreads(Output output) {
    return pipeline(output);
  }

  private int pipeline(Output output) {
    output.bytes.reset();
    try (Stream<BatchRecord> records = records();
        ReportWriter writer = json.reportWriter(output.bytes, ReportFormat.NDJSON)) {
      Iterator<BatchRecord> it = records.iterator();
      while (it.hasNext()) {
        TreatmentCourse course = it.next().courseOrThrow();
        FidelityReport report = registry.checkerFor(course.protocol()).check(course);
        writer.write(report);
      }
    }
    return output.bytes.size();
  }

  private Stream<BatchRecord> records() {
    return reader.read(new ByteArrayInputStream(ndjson), "bench.ndjson", BatchFormat.NDJSON);
  }
}
