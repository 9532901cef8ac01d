package org.iptkit.examples.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import org.iptkit.core.Instrument;
import org.iptkit.core.Score;
import org.iptkit.core.TreatmentCourse;

/**
 * The primary-score trajectories of a cohort, collected while the courses stream past: for each
 * primary instrument and session number, how many courses scored each total. That is small and
 * bounded data (instruments × session numbers up to {@link #MAX_SESSION} × possible totals), from
 * which the median and the spread (quartiles) per session number are exact, whatever the number
 * of courses.
 */
public final class Trajectories {
  /** Session numbers above this are not charted (counted in {@link #beyond()} instead). */
  public static final int MAX_SESSION = 60;

  private final Map<Instrument, long[][]> counts = new EnumMap<>(Instrument.class);
  private final Map<Instrument, Long> courses = new EnumMap<>(Instrument.class);
  private long beyond;

  /** Adds the scores of one course on its profile's primary instrument. */
  public void add(TreatmentCourse course, Instrument primary) {
    boolean any = false;
    for (Score score : course.scores(primary)) {
      OptionalInt session = score.sessionNumber();
      if (session.isEmpty()) {
        continue;
      }
      int number = session.getAsInt();
      if (number > MAX_SESSION) {
        beyond++;
        continue;
      }
      long[][] perSession = counts.computeIfAbsent(primary,
          i -> new long[MAX_SESSION + 1][]);
      if (perSession[number] == null) {
        perSession[number] = new long[primary.maxTotal() + 1];
      }
      perSession[number][Math.max(0, Math.min(primary.maxTotal(), score.total()))]++;
      any = true;
    }
    if (any) {
      courses.merge(primary, 1L, Long::sum);
    }
  }

  /** The instruments with at least one score in a session, in enum order. */
  public Iterable<Instrument> instruments() {
    return counts.keySet();
  }

  /** The number of courses with at least one score on this instrument in a session. */
  public long courses(Instrument instrument) {
    return courses.getOrDefault(instrument, 0L);
  }

  /** The scores in sessions numbered above {@link #MAX_SESSION}, left out of the charts. */
  public long beyond() {
    return beyond;
  }

  /** The distribution of totals at one session number, or empty when nobody was scored there. */
  public Distribution at(Instrument instrument, int session) {
    long[][] perSession = counts.get(instrument);
    if (perSession == null || session < 0 || session > MAX_SESSION
        || perSession[session] == null) {
      return new Distribution(new long[0]);
    }
    return new Distribution(perSession[session]);
  }

  /** The highest session number with a score on this instrument, or 0. */
  public int lastSession(Instrument instrument) {
    long[][] perSession = counts.get(instrument);
    if (perSession == null) {
      return 0;
    }
    for (int i = MAX_SESSION; i >= 0; i--) {
      if (perSession[i] != null) {
        return i;
      }
    }
    return 0;
  }

  /** How many courses scored each total at one session; quantiles are exact. */
  public static final class Distribution {
    private final long[] countByTotal;
    private final long n;

    Distribution(long[] countByTotal) {
      this.countByTotal = countByTotal;
      long sum = 0;
      for (long count : countByTotal) {
        sum += count;
      }
      this.n = sum;
    }

    /** The number of scores. */
    public long n() {
      return n;
    }

    /**
     * The {@code q}-quantile (0..1) of the totals, interpolated linearly between the two
     * nearest ranks (so the 0.5-quantile is the median); NaN when there are no scores.
     */
    public double quantile(double q) {
      if (n == 0) {
        return Double.NaN;
      }
      double position = (n - 1) * q;
      long lower = (long) Math.floor(position);
      long upper = (long) Math.ceil(position);
      int a = valueAtRank(lower);
      int b = lower == upper ? a : valueAtRank(upper);
      return a + (b - a) * (position - lower);
    }

    private int valueAtRank(long rank) {
      long seen = 0;
      for (int total = 0; total < countByTotal.length; total++) {
        seen += countByTotal[total];
        if (seen > rank) {
          return total;
        }
      }
      throw new IllegalStateException("rank " + rank + " beyond " + n);
    }
  }
}
