package org.iptkit.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iptkit.core.CourseStatus;

/**
 * The running counts behind a cohort report's outcome blocks and rating summaries: mutable,
 * thread-confined, combined by addition, so that the result does not depend on the order of the
 * courses.
 */
final class Tallies {
  private Tallies() {}

  /** The counts of one outcome block. */
  static final class Outcomes {
    final long[] byStatus = new long[CourseStatus.values().length];
    long courses;
    long completers;
    long completerN;
    long acuteEnded;
    long acuteNoBaseline;
    long acuteNotCase;
    long completedFinal;
    long discontinuedFinal;
    long discontinuedCaseFinal;
    long completerResponders;
    long completerRemitters;
    long completerN2;
    long startedResponders;
    long startedRemitters;
    long startedN;
    long maintenanceEnded;
    long stayedBelow;
    long stayedN;
    long deteriorated;
    long deterioratedN;

    void add(FidelityReport report) {
      ClinicalOutcome o = report.outcome();
      CourseStatus status = report.status();
      courses++;
      byStatus[status.ordinal()]++;
      if (status == CourseStatus.ONGOING) {
        return;
      }
      if (o.completer().isPresent()) {
        completerN++;
        if (o.completer().get()) {
          completers++;
        }
      }
      if (o.maintenanceOnly()) {
        maintenanceEnded++;
        if (o.stayedBelowCutOff().isPresent()) {
          stayedN++;
          stayedBelow += o.stayedBelowCutOff().get() ? 1 : 0;
        }
        if (o.deteriorated().isPresent()) {
          deterioratedN++;
          deteriorated += o.deteriorated().get() ? 1 : 0;
        }
        return;
      }
      acuteEnded++;
      if (o.baseline().isEmpty()) {
        acuteNoBaseline++;
        return;
      }
      boolean isCase = o.caseAtBaseline().get();
      boolean finalMeasure = o.last().isPresent();
      if (!isCase) {
        acuteNotCase++;
      }
      if (status == CourseStatus.COMPLETED && finalMeasure) {
        completedFinal++;
      }
      if (status == CourseStatus.DISCONTINUED && finalMeasure) {
        discontinuedFinal++;
        discontinuedCaseFinal += isCase ? 1 : 0;
      }
      if (!isCase) {
        return;
      }
      startedN++;
      startedResponders += o.responseCarried().get() ? 1 : 0;
      startedRemitters += o.remissionCarried().get() ? 1 : 0;
      if (status == CourseStatus.COMPLETED && finalMeasure) {
        completerN2++;
        completerResponders += o.response().get() ? 1 : 0;
        completerRemitters += o.remission().get() ? 1 : 0;
      }
    }

    void combine(Outcomes other) {
      for (int i = 0; i < byStatus.length; i++) {
        byStatus[i] += other.byStatus[i];
      }
      courses += other.courses;
      completers += other.completers;
      completerN += other.completerN;
      acuteEnded += other.acuteEnded;
      acuteNoBaseline += other.acuteNoBaseline;
      acuteNotCase += other.acuteNotCase;
      completedFinal += other.completedFinal;
      discontinuedFinal += other.discontinuedFinal;
      discontinuedCaseFinal += other.discontinuedCaseFinal;
      completerResponders += other.completerResponders;
      completerRemitters += other.completerRemitters;
      completerN2 += other.completerN2;
      startedResponders += other.startedResponders;
      startedRemitters += other.startedRemitters;
      startedN += other.startedN;
      maintenanceEnded += other.maintenanceEnded;
      stayedBelow += other.stayedBelow;
      stayedN += other.stayedN;
      deteriorated += other.deteriorated;
      deterioratedN += other.deterioratedN;
    }

    OutcomeSummary build() {
      Map<CourseStatus, Long> statuses = new EnumMap<>(CourseStatus.class);
      for (CourseStatus status : CourseStatus.values()) {
        statuses.put(status, byStatus[status.ordinal()]);
      }
      return OutcomeSummary.builder()
          .courses(courses)
          .byStatus(statuses)
          .completers(Proportion.of(completers, completerN))
          .acuteEnded(acuteEnded)
          .acuteNoBaseline(acuteNoBaseline)
          .acuteNotCaseAtBaseline(acuteNotCase)
          .completedWithFinalMeasure(completedFinal)
          .discontinuedWithFinalMeasure(discontinuedFinal)
          .discontinuedCasesWithFinalMeasure(discontinuedCaseFinal)
          .completerResponse(Proportion.of(completerResponders, completerN2))
          .completerRemission(Proportion.of(completerRemitters, completerN2))
          .startedResponse(Proportion.of(startedResponders, startedN))
          .startedRemission(Proportion.of(startedRemitters, startedN))
          .maintenanceEnded(maintenanceEnded)
          .maintenanceStayedBelowCutOff(Proportion.of(stayedBelow, stayedN))
          .maintenanceDeteriorated(Proportion.of(deteriorated, deterioratedN))
          .build();
    }
  }

  /** The counts of the observer ratings of a group, per scale. */
  static final class Ratings {
    long attendedSessions;
    final Map<String, Scale> scales = new HashMap<>();

    void add(FidelityReport report) {
      attendedSessions += report.outcome().sessionsAttended();
      for (RatedSession rated : report.ratings().sessions()) {
        Scale scale = scales.computeIfAbsent(rated.scale(), Scale::new);
        scale.add(rated.score());
      }
    }

    void combine(Ratings other) {
      attendedSessions += other.attendedSessions;
      other.scales.forEach((name, theirs) ->
          scales.computeIfAbsent(name, Scale::new).combine(theirs));
    }

    List<RatingSummary> build() {
      List<RatingSummary> result = new ArrayList<>();
      for (Scale scale : new TreeMap<>(scales).values()) {
        result.add(scale.build(attendedSessions));
      }
      return result;
    }
  }

  /** The counts of one scale's rated sessions. */
  static final class Scale {
    final String name;
    final double passMark;
    long rated;
    long passed;
    BigDecimal sum = BigDecimal.ZERO;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    Scale(String name) {
      this.name = name;
      this.passMark = RatingSummary.passMark(name).orElse(Double.NaN);
    }

    void add(double score) {
      rated++;
      sum = sum.add(new BigDecimal(score));
      min = Math.min(min, score);
      max = Math.max(max, score);
      if (score >= passMark) {
        passed++;
      }
    }

    void combine(Scale other) {
      rated += other.rated;
      passed += other.passed;
      sum = sum.add(other.sum);
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
    }

    RatingSummary build(long attended) {
      RatingSummary.Builder summary = RatingSummary.builder()
          .scale(name)
          .rated(Proportion.of(Math.min(rated, attended), Math.max(rated, attended)))
          .mean(sum.divide(BigDecimal.valueOf(rated), java.math.MathContext.DECIMAL64)
              .doubleValue())
          .min(min)
          .max(max);
      if (!Double.isNaN(passMark)) {
        summary.passed(Proportion.of(passed, rated));
      }
      return summary.build();
    }
  }

  /** The two-way tables of the sessions rated by several named raters, per scale and rater set. */
  static final class Reliability {
    final Map<String, Map<List<String>, IntraclassCorrelation.Sums>> tables = new HashMap<>();
    final Map<String, long[]> multiplyRated = new HashMap<>();

    void add(FidelityReport report) {
      for (RatedSession rated : report.ratings().sessions()) {
        Map<String, Double> scores = rated.raterScores();
        if (scores.size() < 2) {
          continue;
        }
        multiplyRated.computeIfAbsent(rated.scale(), key -> new long[1])[0]++;
        List<String> raters = List.copyOf(scores.keySet());
        double[] row = new double[raters.size()];
        for (int j = 0; j < row.length; j++) {
          row[j] = scores.get(raters.get(j));
        }
        tables.computeIfAbsent(rated.scale(), key -> new HashMap<>())
            .computeIfAbsent(raters, key -> new IntraclassCorrelation.Sums(key.size()))
            .add(row);
      }
    }

    void combine(Reliability other) {
      other.multiplyRated.forEach((scale, count) ->
          multiplyRated.computeIfAbsent(scale, key -> new long[1])[0] += count[0]);
      other.tables.forEach((scale, sets) -> {
        Map<List<String>, IntraclassCorrelation.Sums> mine =
            tables.computeIfAbsent(scale, key -> new HashMap<>());
        sets.forEach((raters, sums) -> mine.computeIfAbsent(raters,
            key -> new IntraclassCorrelation.Sums(key.size())).combine(sums));
      });
    }

    List<InterRaterReliability> build() {
      List<InterRaterReliability> result = new ArrayList<>();
      for (String scale : new TreeMap<>(multiplyRated).keySet()) {
        List<String> best = null;
        IntraclassCorrelation.Sums bestSums = null;
        for (Map.Entry<List<String>, IntraclassCorrelation.Sums> set
            : tables.get(scale).entrySet()) {
          long sessions = set.getValue().sessions();
          if (best == null || sessions > bestSums.sessions()
              || sessions == bestSums.sessions() && compare(set.getKey(), best) < 0) {
            best = set.getKey();
            bestSums = set.getValue();
          }
        }
        result.add(InterRaterReliability.builder()
            .scale(scale)
            .multiplyRatedSessions(multiplyRated.get(scale)[0])
            .correlation(bestSums.correlation())
            .build());
      }
      return result;
    }

    private static int compare(List<String> left, List<String> right) {
      for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
        int c = left.get(i).compareTo(right.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(left.size(), right.size());
    }
  }
}
