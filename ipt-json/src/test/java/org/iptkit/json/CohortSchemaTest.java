package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.iptkit.rules.fixtures.SyntheticReports;
import org.junit.jupiter.api.Test;

/** The published cohort schema accepts what the cohort writer writes, and only that. */
class CohortSchemaTest {
  static final Schema COHORT = ProfileAndReportSchemaTest.REGISTRY.getSchema(
      IptJson.cohortSchema(), InputFormat.JSON);

  static CohortReport rich() {
    FidelityChecker checker = FidelityChecker.of(Protocols.IPT_ACUTE_16);
    List<FidelityReport> reports = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TreatmentCourse course = TreatmentCourse.builder().from(ReferenceCourses.acute16())
          .courseId("c-" + i).therapistRef("th-" + (i % 2))
          .addFidelityRatings(FidelityRating.builder().session(3).scale("IPT-QAS").rater("a")
              .addItems(3 + i % 2, 4).build())
          .addFidelityRatings(FidelityRating.builder().session(3).scale("IPT-QAS").rater("b")
              .addItems(2 + i, 4).build())
          .build();
      reports.add(checker.check(course));
    }
    reports.add(checker.check(ReferenceCourses.acute16Ongoing(5)));
    reports.add(ReportJsonTest.formatExampleReport());
    reports.add(SyntheticReports.course("m-1").maintenance().status(CourseStatus.COMPLETED)
        .scores(4, 12).error().build());
    reports.add(SyntheticReports.course("x-1").status(CourseStatus.DISCONTINUED).build());
    return CohortReport.of(reports);
  }

  @Test
  void cohortReportsWithEveryBlockValidate() {
    CohortReport cohort = rich();
    assertThat(cohort.reliability()).isNotEmpty();

    assertThat(COHORT.validate(IptJson.strict().writeCohortReport(cohort), InputFormat.JSON))
        .isEmpty();
    assertThat(COHORT.validate(IptJson.strict().writeCohortReport(cohort.withoutTherapists()),
        InputFormat.JSON)).isEmpty();
    assertThat(COHORT.validate(IptJson.strict().writeCohortReport(CohortReport.of(List.of())),
        InputFormat.JSON)).isEmpty();
  }

  @Test
  void theSchemaRejectsAProportionWithoutItsDenominatorAndUnknownFields() {
    String json = IptJson.strict().writeCohortReport(rich());
    String noDenominator = json.replaceFirst("\"completers\":\\{\"count\":(\\d+),\"n\":\\d+,",
        "\"completers\":{\"count\":$1,");
    assertThat(noDenominator).isNotEqualTo(json);
    assertThat(COHORT.validate(noDenominator, InputFormat.JSON)).isNotEmpty();
    assertThat(COHORT.validate(json.replaceFirst("\\{", "{\"extra\":1,"), InputFormat.JSON))
        .isNotEmpty();
  }
}
