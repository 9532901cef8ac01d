package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * The fidelity report's outcome says {@code "prorated": true} when the baseline or the last
 * score is the prorated total of a partly answered form; the outcome reads back equal and the
 * report agrees with the published schema. A report from complete forms has no such field.
 */
class ProratedOutcomeJsonTest {
  private static final IptJson JSON = IptJson.strict();
  private static final FidelityChecker CHECKER = FidelityChecker.of(Protocols.IPT_ACUTE_16);

  private static TreatmentCourse withBaseline(Measure baseline) {
    TreatmentCourse example = SampleCourses.formatExample();
    List<Session> sessions = new ArrayList<>(example.sessions());
    sessions.set(0, Session.copyOf(sessions.get(0)).withMeasures(baseline));
    return TreatmentCourse.copyOf(example).withSessions(sessions);
  }

  @Test
  void aProratedBaselineIsMarkedInTheOutcomeAndReadBack() {
    FidelityReport report = CHECKER.check(withBaseline(
        Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, 1, 2, 2, 1, 0)));

    assertThat(report.outcome().prorated()).isTrue();
    assertThat(report.outcome().baseline()).hasValue(15);
    String json = JSON.writeReport(report);
    assertThat(json).contains("\"prorated\":true");
    assertThat(JSON.readReport(json).outcome()).isEqualTo(report.outcome());
    assertThat(ProfileAndReportSchemaTest.REPORT.validate(json, InputFormat.JSON)).isEmpty();
  }

  @Test
  void aReportFromCompleteFormsHasNoProratedField() {
    FidelityReport report = CHECKER.check(SampleCourses.formatExample());

    assertThat(report.outcome().prorated()).isFalse();
    assertThat(JSON.writeReport(report)).doesNotContain("prorated");
  }

  @Test
  void aFormWithoutATotalIsNoBaseline() {
    FidelityReport report = CHECKER.check(withBaseline(
        Measure.ofAnswers(Instrument.PHQ9, 2, null, null, null, 1, 2, 2, 1, 0)));

    assertThat(report.outcome().baseline()).isEmpty();
    assertThat(report.outcome().prorated()).isFalse();
  }
}
