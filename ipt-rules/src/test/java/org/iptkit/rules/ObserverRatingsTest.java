package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.junit.jupiter.api.Test;

/** Observer ratings: per course, per therapist and per cohort, with inter-rater reliability. */
class ObserverRatingsTest {
  private static final FidelityChecker CHECKER = FidelityChecker.of(Protocols.IPT_ACUTE_16);

  private static FidelityRating rating(int session, String scale, String rater, int... items) {
    var rating = FidelityRating.builder().session(session).scale(scale);
    if (rater != null) {
      rating.rater(rater);
    }
    for (int item : items) {
      rating.addItems(item);
    }
    return rating.build();
  }

  private static FidelityReport check(String therapist, FidelityRating... ratings) {
    TreatmentCourse course = TreatmentCourse.builder().from(ReferenceCourses.acute16())
        .therapistRef(therapist).addFidelityRatings(ratings).build();
    return CHECKER.check(course);
  }

  @Test
  void aCourseCountsItsRatedAttendedSessionsAndTheirMean() {
    FidelityReport report = check("t-1",
        rating(3, "IPT-QAS", "r-1", 4, 4, 2, 2),
        rating(3, "IPT-QAS", "r-2", 5, 5, 5, 5),
        rating(5, "IPT-QAS", null, 2, 2, 2, 2),
        rating(40, "IPT-QAS", "r-1", 1, 1, 1, 1));

    ObserverRatings ratings = report.ratings();
    assertThat(ratings.ratedSessions()).isEqualTo(2);
    // session 3: (3 + 5) / 2 = 4; session 5: 2; session 40 was not attended
    assertThat(ratings.sessions()).extracting(RatedSession::score).containsExactly(4.0, 2.0);
    assertThat(ratings.sessions().get(0).raterScores()).containsOnlyKeys("r-1", "r-2");
    assertThat(ratings.sessions().get(1).raterScores()).isEmpty();
    assertThat(ratings.meanRating()).hasValue(3.0);
  }

  @Test
  void aCourseRatedOnTwoScalesHasNoSingleMeanAndOneWithoutRatingsHasNone() {
    FidelityReport mixed = check("t-1", rating(3, "IPT-QAS", "r-1", 4),
        rating(4, "CSPRS-IPT", "r-1", 6));
    assertThat(mixed.ratings().ratedSessions()).isEqualTo(2);
    assertThat(mixed.ratings().meanRating()).isEmpty();
    FidelityReport none = check("t-1");
    assertThat(none.ratings().ratedSessions()).isZero();
    assertThat(none.ratings().meanRating()).isEmpty();
  }

  @Test
  void theCohortSummarisesEachScaleWithItsPassMark() {
    CohortReport cohort = CohortReport.of(List.of(
        check("t-1", rating(3, "IPT-QAS", "r-1", 4, 4), rating(4, "IPT-QAS", "r-1", 2, 3)),
        check("t-2", rating(6, "CSPRS-IPT", "r-2", 5, 4), rating(7, "OTHER", "r-2", 1)),
        check("t-2")));

    assertThat(cohort.ratings()).extracting(RatingSummary::scale)
        .containsExactly("CSPRS-IPT", "IPT-QAS", "OTHER");
    RatingSummary qas = cohort.ratings().get(1);
    // three courses of 16 attended sessions each
    assertThat(qas.rated()).isEqualTo(Proportion.of(2, 48));
    assertThat(qas.mean()).isCloseTo(3.25, within(1e-12));
    assertThat(qas.min()).isEqualTo(2.5);
    assertThat(qas.max()).isEqualTo(4.0);
    assertThat(qas.passMark()).hasValue(3.0);
    assertThat(qas.passed()).contains(Proportion.of(1, 2));
    assertThat(cohort.ratings().get(0).passed()).contains(Proportion.of(1, 1));
    assertThat(cohort.ratings().get(2).passed()).isEmpty();
    TherapistSummary t2 = cohort.therapist(Optional.of("t-2")).orElseThrow();
    assertThat(t2.ratings().get(0).rated()).isEqualTo(Proportion.of(1, 32));
  }

  @Test
  void reliabilityRestsOnTheMostCommonSetOfRaters() {
    List<FidelityReport> reports = new ArrayList<>();
    double[][] table = IntraclassCorrelationTest.SHROUT_FLEISS;
    for (int i = 0; i < table.length; i++) {
      FidelityRating[] ratings = new FidelityRating[4];
      for (int j = 0; j < 4; j++) {
        ratings[j] = rating(2 + i, "IPT-QAS", "judge-" + j, (int) table[i][j]);
      }
      reports.add(check("t-1", ratings));
    }
    // a session rated by another pair, and one rated once: counted, not used
    reports.add(check("t-1", rating(2, "IPT-QAS", "x", 3), rating(2, "IPT-QAS", "y", 4),
        rating(3, "IPT-QAS", "x", 3)));

    CohortReport cohort = CohortReport.of(reports);
    InterRaterReliability reliability = cohort.reliability().get(0);

    assertThat(reliability.scale()).isEqualTo("IPT-QAS");
    assertThat(reliability.multiplyRatedSessions()).isEqualTo(7);
    assertThat(reliability.sessionsNotUsed()).isEqualTo(1);
    IntraclassCorrelation icc = reliability.correlation().orElseThrow();
    assertThat(icc).isEqualTo(IntraclassCorrelation.of(table));
    assertThat(icc.icc().getAsDouble()).isCloseTo(0.290, within(0.0005));
  }

  @Test
  void noReliabilityWithoutSessionsRatedTwice() {
    CohortReport cohort = CohortReport.of(List.of(check("t-1", rating(3, "IPT-QAS", "r-1", 4))));
    assertThat(cohort.reliability()).isEmpty();
    assertThat(cohort.ratings()).hasSize(1);
  }
}
