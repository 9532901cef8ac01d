package org.iptkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU time of the current thread and the quantiles of a series of timings, for the harnesses
 * that compare figures within one JVM ({@link PipelineRatio}, {@link PairedBuilds}). CPU time of
 * the measuring thread, unlike wall-clock time, leaves out the time the thread waited for a core,
 * which on a shared virtual machine is most of the noise between runs.
 */
final class CpuTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimes() {}

  /** The CPU time the current thread has used, in nanoseconds. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** The {@code q} quantile (0 to 1, nearest rank below) of {@code values}. */
  static double quantile(List<Double> values, double q) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[(int) (q * (sorted.length - 1))];
  }

  /** The median of {@code values}. */
  static double median(List<Double> values) {
    return quantile(values, 0.5);
  }

  /** The median, quartiles and minimum of {@code values}, in nanoseconds, as one line of text. */
  static String describe(List<Double> values) {
    return String.format("median %8.0f ns  p25 %8.0f  p75 %8.0f  min %8.0f", median(values),
        quantile(values, 0.25), quantile(values, 0.75), quantile(values, 0));
  }
}
