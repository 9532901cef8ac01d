package org.iptkit.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.IntraclassCorrelation;
import org.junit.jupiter.api.Test;

/**
 * The generator double-rates a share of sessions with a known true reliability: the ICC(2,1) of
 * a generated cohort estimates it within what its sample size allows.
 */
class RatingReliabilityTest {
  @Test
  void theIccOfDoubleRatedSessionsEstimatesTheTrueReliability() {
    CourseGenerator generator = CourseGenerator.builder().seed(2027).build();
    List<double[]> rows = new ArrayList<>();
    long ratedSessions = 0;
    for (int i = 0; i < 6000; i++) {
      TreatmentCourse course = generator.generate(i).course();
      Map<Integer, Map<String, Double>> bySession = new HashMap<>();
      for (FidelityRating rating : course.fidelityRatings()) {
        assertThat(rating.items()).allSatisfy(item -> assertThat(item).isBetween(1, 5));
        bySession.computeIfAbsent(rating.session(), key -> new HashMap<>())
            .put(rating.rater().orElseThrow(), rating.mean());
      }
      ratedSessions += bySession.size();
      for (Map<String, Double> raters : bySession.values()) {
        if (raters.size() > 1) {
          assertThat(raters.keySet())
              .containsExactlyInAnyOrderElementsOf(RatingModel.RELIABILITY_RATERS);
          rows.add(new double[] {raters.get(RatingModel.RELIABILITY_RATERS.get(0)),
              raters.get(RatingModel.RELIABILITY_RATERS.get(1))});
        }
      }
    }
    int n = rows.size();
    // about a fifth of the rated sessions are rated twice
    assertThat((double) n / ratedSessions).isBetween(0.15, 0.25);
    assertThat(n).isGreaterThan(200);

    IntraclassCorrelation icc = IntraclassCorrelation.of(rows.toArray(new double[0][]));
    double rho = RatingModel.TRUE_RELIABILITY;
    // large-sample variance of the ICC with k = 2 raters (Fisher 1925; Donner & Eliasziw 1987):
    // 2 (1 - rho)^2 (1 + (k - 1) rho)^2 / (k (k - 1) (n - 1)); four standard errors leave a
    // chance of about 1 in 15,000 that a correct generator fails for some seed
    double se = Math.sqrt(2 * Math.pow(1 - rho, 2) * Math.pow(1 + rho, 2) / (2.0 * (n - 1)));
    assertThat(icc.icc().getAsDouble()).isBetween(rho - 4 * se, rho + 4 * se);
    assertThat(icc.lower().getAsDouble()).isLessThan(icc.icc().getAsDouble());
    assertThat(icc.upper().getAsDouble()).isGreaterThan(icc.icc().getAsDouble());
  }
}
