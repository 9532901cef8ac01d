package org.iptkit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end ratio measured by CPU time in one JVM: the token walk, reading, reading and
 * checking, and end to end over the same 1 000 generated courses of {@link PipelineBenchmark},
 * one after another in every round, so that each round's ratio compares figures taken within a
 * second of each other. On a shared virtual machine whose speed changes from minute to minute,
 * these ratios are steadier than those of two JMH benchmarks run a minute apart.
 *
 * <p>Run it from the benchmarks jar, with the number of measured rounds (after five warm-up
 * rounds; each round is five walks and three passes of each of the other three):
 * <pre>java -cp benchmarks/target/benchmarks.jar org.iptkit.benchmarks.PipelineRatio 20</pre>
 * It prints the medians per course and the median and quartiles of the per-round ratio of end
 * to end to the walk. It is a diagnostic beside the JMH suite, not a replacement for it.
 */
public final class PipelineRatio {
  private static final int WARM_UP_ROUNDS = 5;

  private PipelineRatio() {}

  /**
   * Runs the rounds and prints the figures.
   *
   * @param args the number of measured rounds (default 20)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    if (rounds < 1) {
      throw new IllegalArgumentException("the number of rounds must be at least 1");
    }
    PipelineBenchmark pipeline = new PipelineBenchmark();
    pipeline.setUp();
    PipelineBenchmark.Output output = new PipelineBenchmark.Output();
    output.setUp();
    double courses = PipelineBenchmark.COURSES;
    List<Double> walk = new ArrayList<>();
    List<Double> read = new ArrayList<>();
    List<Double> readAndCheck = new ArrayList<>();
    List<Double> endToEnd = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    long sink = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      long t0 = CpuTimes.now();
      for (int k = 0; k < 5; k++) {
        sink += pipeline.tokenWalk();
      }
      long t1 = CpuTimes.now();
      for (int k = 0; k < 3; k++) {
        sink += pipeline.readCountingSessions();
      }
      long t2 = CpuTimes.now();
      for (int k = 0; k < 3; k++) {
        sink += pipeline.readAndCheckCountingFindings();
      }
      long t3 = CpuTimes.now();
      for (int k = 0; k < 3; k++) {
        sink += pipeline.endToEnd(output);
      }
      long t4 = CpuTimes.now();
      if (round < WARM_UP_ROUNDS) {
        continue;
      }
      double w = (t1 - t0) / (5 * courses);
      double e = (t4 - t3) / (3 * courses);
      walk.add(w);
      read.add((t2 - t1) / (3 * courses));
      readAndCheck.add((t3 - t2) / (3 * courses));
      endToEnd.add(e);
      ratio.add(e / w);
    }
    System.out.printf("CPU time per course, medians of %d rounds: walk %.0f ns, read %.0f ns,"
        + " read and check %.0f ns, end to end %.0f ns%n", rounds, CpuTimes.median(walk),
        CpuTimes.median(read), CpuTimes.median(readAndCheck), CpuTimes.median(endToEnd));
    System.out.printf("end to end / walk: median %.2f, quartiles %.2f-%.2f (checksum %d)%n",
        CpuTimes.median(ratio), CpuTimes.quantile(ratio, 0.25), CpuTimes.quantile(ratio, 0.75),
        sink % 1000);
  }
}
