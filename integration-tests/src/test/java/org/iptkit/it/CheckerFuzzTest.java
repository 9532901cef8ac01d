package org.iptkit.it;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.IptJson;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.Protocols;

/**
 * Coverage-guided fuzzing of the fidelity checker with Jazzer, fed with the courses the strict
 * reader accepts from fuzzed bytes: for every built-in profile, checking and planning the next
 * session never throw, and every report keeps its invariants (adherence in [0, 1], counts that
 * match the findings, findings sorted; see {@link Invariants}); a cohort of the reports builds.
 *
 * <p>In a normal build this runs as a regression test over the committed inputs in
 * {@code src/test/resources/org/iptkit/it/CheckerFuzzTestInputs/<method>/}, realistic generated
 * courses of every profile among them; with {@code JAZZER_FUZZ=1} it fuzzes (see docs/reliability.md).
 */
class CheckerFuzzTest {
  private static final IptJson JSON = IptJson.strict();
  private static final List<FidelityChecker> CHECKERS =
      Protocols.all().stream().map(FidelityChecker::of).toList();

  @FuzzTest(maxDuration = "5m")
  @DictionaryFile(resourcePath = "/org/iptkit/it/course.dict")
  void everyProfileChecksAndPlansAnyReadableCourseConsistently(byte[] input) {
    TreatmentCourse course;
    try {
      course = JSON.readCourse(input);
    } catch (JsonReadException e) {
      return;
    }
    CohortReport.Accumulator cohort = CohortReport.accumulator();
    for (FidelityChecker checker : CHECKERS) {
      cohort.add(Invariants.checkConsistently(checker, course));
    }
    cohort.build();
  }
}
