package org.iptkit.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Session;

/**
 * The observer fidelity ratings of one course (docs/cohort.md), summarised for its report: per
 * scale, each attended session rated on it with its score and the raters' scores. Ratings of a
 * session that was not attended (or is a pre-group session) are not counted: the share rated is
 * a share of the attended treatment sessions.
 */
@Value.Immutable
public abstract class ObserverRatings {
  ObserverRatings() {}

  /** The rated attended sessions, by scale id, then session number. */
  public abstract List<RatedSession> sessions();

  /** The number of attended sessions rated on at least one scale. */
  public int ratedSessions() {
    Set<Integer> numbers = new HashSet<>();
    for (RatedSession rated : sessions()) {
      numbers.add(rated.session());
    }
    return numbers.size();
  }

  /**
   * The mean score of the rated sessions when the course is rated on one scale only; empty
   * without ratings, or when its ratings are on several scales (whose ranges differ, so no one
   * mean means anything).
   */
  public OptionalDouble meanRating() {
    if (sessions().isEmpty()) {
      return OptionalDouble.empty();
    }
    String scale = sessions().get(0).scale();
    double sum = 0;
    for (RatedSession rated : sessions()) {
      if (!rated.scale().equals(scale)) {
        return OptionalDouble.empty();
      }
      sum += rated.score();
    }
    return OptionalDouble.of(sum / sessions().size());
  }

  /** No ratings. */
  public static ObserverRatings none() {
    return ImmutableObserverRatings.builder().build();
  }

  /**
   * The ratings of the given attended treatment sessions: each rating of one of them is counted
   * on its scale; ratings of other sessions are left out.
   */
  public static ObserverRatings of(List<FidelityRating> ratings, List<Session> attended) {
    if (ratings.isEmpty()) {
      return none();
    }
    Set<Integer> attendedNumbers = new HashSet<>();
    for (Session session : attended) {
      attendedNumbers.add(session.number());
    }
    // scale -> session -> (all item means, rater -> item means)
    Map<String, Map<Integer, List<FidelityRating>>> byScale = new TreeMap<>();
    for (FidelityRating rating : ratings) {
      if (attendedNumbers.contains(rating.session())) {
        byScale.computeIfAbsent(rating.scale(), key -> new TreeMap<>())
            .computeIfAbsent(rating.session(), key -> new ArrayList<>()).add(rating);
      }
    }
    ImmutableObserverRatings.Builder result = ImmutableObserverRatings.builder();
    for (Map.Entry<String, Map<Integer, List<FidelityRating>>> scale : byScale.entrySet()) {
      for (Map.Entry<Integer, List<FidelityRating>> session : scale.getValue().entrySet()) {
        double sum = 0;
        Map<String, double[]> byRater = new TreeMap<>();
        for (FidelityRating rating : session.getValue()) {
          double mean = rating.mean();
          sum += mean;
          if (rating.rater().isPresent()) {
            double[] rater = byRater.computeIfAbsent(rating.rater().get(), key -> new double[2]);
            rater[0] += mean;
            rater[1]++;
          }
        }
        Map<String, Double> raterScores = new LinkedHashMap<>();
        byRater.forEach((rater, total) -> raterScores.put(rater, total[0] / total[1]));
        result.addSessions(RatedSession.builder()
            .scale(scale.getKey())
            .session(session.getKey())
            .score(sum / session.getValue().size())
            .raterScores(raterScores)
            .build());
      }
    }
    return result.build();
  }
}
