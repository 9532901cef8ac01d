package org.iptkit.examples.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;

/**
 * The primary-score trajectories of a cohort, collected while the courses stream past: for each
 * protocol profile and its primary instrument, and each attended session (the first attended
 * treatment session is 1, the second 2, whatever their numbers), how many courses scored each
 * total. That is small and bounded data (series × sessions up to {@link #MAX_SESSION} × possible
 * totals), from which the median and the spread (quartiles) per attended session are exact,
 * whatever the number of courses. Profiles are kept apart, so a chart never mixes a 16-session
 * acute course with a monthly maintenance course.
 */
public final class Trajectories {
  /** Attended sessions after this one are not charted (counted in {@link #beyond()} instead). */
  public static final int MAX_SESSION = 60;

  /** One chart: the courses of one profile on its primary instrument. */
  public record Series(String profile, Instrument instrument) {}

  private static final Comparator<Series> ORDER = Comparator.comparing(Series::profile)
      .thenComparing(Series::instrument);

  private final Map<Series, long[][]> counts = new HashMap<>();
  private final Map<Series, Long> courses = new HashMap<>();
  private final Map<Series, Long> prorated = new HashMap<>();
  private long beyond;

  /** Adds the scores of one course on its profile's primary instrument. */
  public void add(TreatmentCourse course, String profile, Instrument primary) {
    Map<Integer, Integer> ordinal = new HashMap<>();
    for (Session session : course.sessionsByNumber()) {
      if (session.isAttended() && session.phase().orElse(null) != Phase.PRE_GROUP) {
        ordinal.put(session.number(), ordinal.size() + 1);
      }
    }
    Series series = new Series(profile, primary);
    boolean any = false;
    for (Score score : course.scores(primary)) {
      if (score.sessionNumber().isEmpty()) {
        continue;
      }
      Integer attended = ordinal.get(score.sessionNumber().getAsInt());
      if (attended == null) {
        continue;
      }
      if (attended > MAX_SESSION) {
        beyond++;
        continue;
      }
      long[][] perSession = counts.computeIfAbsent(series, key -> new long[MAX_SESSION + 1][]);
      if (perSession[attended] == null) {
        perSession[attended] = new long[primary.maxTotal() + 1];
      }
      perSession[attended][Math.max(0, Math.min(primary.maxTotal(), score.total()))]++;
      if (score.prorated()) {
        prorated.merge(series, 1L, Long::sum);
      }
      any = true;
    }
    if (any) {
      courses.merge(series, 1L, Long::sum);
    }
  }

  /** The series with at least one score in an attended session, by profile, then instrument. */
  public List<Series> series() {
    List<Series> result = new ArrayList<>(counts.keySet());
    result.sort(ORDER);
    return result;
  }

  /** The number of courses of a series with at least one score in an attended session. */
  public long courses(Series series) {
    return courses.getOrDefault(series, 0L);
  }

  /**
   * How many of the series' charted scores are prorated totals of partly answered forms (see
   * {@link ScoreText}); they are counted with the others.
   */
  public long prorated(Series series) {
    return prorated.getOrDefault(series, 0L);
  }

  /** The scores in attended sessions after the {@link #MAX_SESSION}th, left out of the charts. */
  public long beyond() {
    return beyond;
  }

  /** The distribution of totals at one attended session, or empty when nobody was scored there. */
  public Distribution at(Series series, int session) {
    long[][] perSession = counts.get(series);
    if (perSession == null || session < 0 || session > MAX_SESSION
        || perSession[session] == null) {
      return new Distribution(new long[0]);
    }
    return new Distribution(perSession[session]);
  }

  /** The last attended session with a score in this series, or 0. */
  public int lastSession(Series series) {
    long[][] perSession = counts.get(series);
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
