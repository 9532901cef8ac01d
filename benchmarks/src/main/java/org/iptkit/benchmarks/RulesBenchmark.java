package org.iptkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fidelity rules alone, on courses already in memory: one 16-session IPT_ACUTE_16 course
 * checked with a checker built once (every rule on, the profile's own settings), clean or with
 * injected deviations, on one thread and on two threads sharing the checker; and a mixed cohort
 * of courses over all nine profiles, each checked by its profile's shared checker.
 *
 * <p>Target (docs/performance.md): at most 10 µs per 16-session course on one core, that is at
 * least 100 000 courses a second, with little allocation per check ({@code -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RulesBenchmark {
  /** The number of courses in the mixed cohort. */
  static final int MIXED = 1_000;

  private FidelityChecker checker;
  private TreatmentCourse[] mixed;
  private FidelityChecker[] mixedCheckers;

  /** The 16-session course, clean or with injected deviations. */
  @State(Scope.Benchmark)
  public static class SixteenSessions {
    /** Whether the course is clean or carries injected deviations (findings). */
    @Param({"clean", "deviations"})
    public String course;

    TreatmentCourse value;

    /** Picks the course. */
    @Setup
    public void setUp() {
      value = Inputs.sixteenSessionCourse(course.equals("deviations"));
    }
  }

  /** Builds the checkers once and generates the mixed cohort. */
  @Setup
  public void setUp() {
    checker = FidelityChecker.of(Protocols.IPT_ACUTE_16);
    List<TreatmentCourse> courses = Inputs.mixedCourses(MIXED);
    mixed = courses.toArray(new TreatmentCourse[0]);
    mixedCheckers = new FidelityChecker[mixed.length];
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    for (int i = 0; i < mixed.length; i++) {
      mixedCheckers[i] = registry.checkerFor(mixed[i].protocol());
    }
  }

  /** Checks the 16-session course: the rules-only figure per course. */
  @Benchmark
  public FidelityReport checkSixteenSessionCourse(SixteenSessions course) {
    return checker.check(course.value);
  }

  /** The same on two threads sharing the one checker (time per course per thread). */
  @Benchmark
  @Threads(2)
  public FidelityReport checkSixteenSessionCourseTwoThreads(SixteenSessions course) {
    return checker.check(course.value);
  }

  /**
   * Checks 1 000 generated courses of every profile, status and length (a fifth with
   * deviations), each with its profile's shared checker; the score is per course.
   */
  @Benchmark
  @OperationsPerInvocation(MIXED)
  public void checkMixedCourses(Blackhole blackhole) {
    TreatmentCourse[] courses = mixed;
    FidelityChecker[] checkers = mixedCheckers;
    for (int i = 0; i < courses.length; i++) {
      blackhole.consume(checkers[i].check(courses[i]));
    }
  }
}
