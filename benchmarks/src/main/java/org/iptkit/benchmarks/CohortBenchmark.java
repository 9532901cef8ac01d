package org.iptkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cohort aggregation: 100 000 fidelity reports of generated courses (every profile, status and
 * length, a fifth with deviations) folded into one {@link CohortReport} through
 * {@link CohortReport.Accumulator}, as {@code ipt report} does. Single-threaded; with two workers
 * that each fill their own accumulator and combine them, as a parallel host does; and with two
 * benchmark threads each aggregating its own 100 000 (throughput on two cores). The score is
 * the time for the whole cohort.
 *
 * <p>The reports are computed once. {@code distinct} of them are different courses; the 100 000
 * cycle through those, which keeps the setup short without changing the work per report.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CohortBenchmark {
  /** The number of reports aggregated per operation. */
  static final int REPORTS = 100_000;

  /** How many of the reports come from different courses. */
  @Param({"10000"})
  public int distinct;

  private FidelityReport[] reports;
  private ExecutorService workers;

  /** Generates and checks the courses once; starts the two workers. */
  @Setup
  public void setUp() {
    CourseGenerator generator = CourseGenerator.builder()
        .seed(Inputs.SEED)
        .deviationRate(Inputs.DEVIATION_RATE)
        .build();
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    FidelityReport[] pool = new FidelityReport[Math.min(distinct, REPORTS)];
    for (int i = 0; i < pool.length; i++) {
      TreatmentCourse course = generator.generate(i).course();
      pool[i] = registry.check(course);
    }
    reports = new FidelityReport[REPORTS];
    for (int i = 0; i < REPORTS; i++) {
      reports[i] = pool[i % pool.length];
    }
    workers = Executors.newFixedThreadPool(2);
  }

  /** Stops the workers. */
  @TearDown
  public void tearDown() {
    workers.shutdownNow();
  }

  /** One accumulator fed 100 000 reports on one thread, then built. */
  @Benchmark
  public CohortReport aggregate() {
    return aggregate(0, REPORTS).build();
  }

  /** The same with two benchmark threads each aggregating its own 100 000 reports. */
  @Benchmark
  @Threads(2)
  public CohortReport aggregateTwoThreads() {
    return aggregate(0, REPORTS).build();
  }

  /** Two workers each fill an accumulator with half of the reports; combined, then built. */
  @Benchmark
  public CohortReport aggregateSplitOverTwoWorkers()
      throws InterruptedException, ExecutionException {
    int half = REPORTS / 2;
    List<Future<CohortReport.Accumulator>> parts = new ArrayList<>(2);
    parts.add(workers.submit(() -> aggregate(0, half)));
    parts.add(workers.submit(() -> aggregate(half, REPORTS)));
    CohortReport.Accumulator total = parts.get(0).get();
    total.combine(parts.get(1).get());
    return total.build();
  }

  private CohortReport.Accumulator aggregate(int from, int to) {
    CohortReport.Accumulator accumulator = CohortReport.accumulator();
    FidelityReport[] all = reports;
    for (int i = from; i < to; i++) {
      accumulator.add(all[i]);
    }
    return accumulator;
  }
}
