package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.fixtures.CoursePointers;
import org.iptkit.rules.fixtures.RulesTestArbitraries;

class FidelityCheckerProperties {
  private static final List<String> IDENTIFIERS = identifiers();

  private static List<String> identifiers() {
    List<String> ids = new ArrayList<>();
    ids.add(RulesTestArbitraries.COURSE_ID);
    ids.add(RulesTestArbitraries.PATIENT_REF);
    ids.add(RulesTestArbitraries.FREE_TEXT);
    ids.addAll(RulesTestArbitraries.THERAPISTS);
    ids.addAll(RulesTestArbitraries.PERSON_IDS);
    ids.add("ID-PERSON-GHOST");
    return ids;
  }

  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return RulesTestArbitraries.courses();
  }

  @Provide
  Arbitrary<TreatmentCourse> ongoingCourses() {
    return RulesTestArbitraries.courses(CourseStatus.ONGOING);
  }

  @Provide
  Arbitrary<ProtocolProfile> profiles() {
    return RulesTestArbitraries.builtInProfiles();
  }

  @Property
  void checkingNeverThrowsAndTheSameCourseGivesAnEqualReport(
      @ForAll("courses") TreatmentCourse course, @ForAll("profiles") ProtocolProfile profile) {
    FidelityReport report = FidelityChecker.of(profile).check(course);
    assertThat(FidelityChecker.of(profile).check(TreatmentCourse.copyOf(course)))
        .isEqualTo(report);
    assertThat(FidelityChecker.of(profile).check(course)).isEqualTo(report);
  }

  @Property
  void adherenceLiesBetweenZeroAndOne(@ForAll("courses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    FidelitySummary summary = FidelityChecker.of(profile).check(course).summary();
    assertThat(summary.adherence()).isBetween(0.0, 1.0);
    assertThat(summary.byDomain().values()).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
  }

  @Property
  void everyFindingPointsInsideTheCourse(@ForAll("courses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    for (Finding finding : FidelityChecker.of(profile).check(course).findings()) {
      assertThat(CoursePointers.problem(course, finding.path()))
          .as("%s %s", finding.rule(), finding.path()).isEmpty();
    }
  }

  @Property
  void theReportIsConsistentSortedAndFreeOfIdentifiers(
      @ForAll("courses") TreatmentCourse course, @ForAll("profiles") ProtocolProfile profile) {
    FidelityReport report = FidelityChecker.of(profile).check(course);
    assertThat(report.results()).extracting(RuleResult::rule)
        .containsExactlyElementsOf(RuleCatalog.codes());
    assertThat(report.findings()).isSortedAccordingTo(Finding.ORDER);
    List<Finding> fromResults = new ArrayList<>();
    report.results().forEach(r -> fromResults.addAll(r.findings()));
    assertThat(report.findings()).containsExactlyInAnyOrderElementsOf(fromResults);
    FidelitySummary summary = report.summary();
    assertThat(summary.errors() + summary.warnings() + summary.infos())
        .isEqualTo(report.findings().size());
    assertThat(report.findingsAtLeast(Severity.ERROR)).hasSize(summary.errors());
    for (RuleResult result : report.results()) {
      result.reason().ifPresent(reason -> assertThat(reason).doesNotContain(IDENTIFIERS));
    }
    for (Finding finding : report.findings()) {
      assertThat(finding.message()).as(finding.rule()).doesNotContain(IDENTIFIERS);
    }
    assertThat(report.toString()).doesNotContain(RulesTestArbitraries.COURSE_ID);
  }

  @Property
  void theAgendaNeverThrowsAndIsSortedAndFreeOfIdentifiers(
      @ForAll("ongoingCourses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    Agenda agenda = FidelityChecker.of(profile).agenda(course);
    assertThat(agenda.reason()).isEmpty();
    assertThat(agenda.nextSessionNumber()).isPresent();
    assertThat(agenda.nextPhase()).isPresent();
    assertThat(agenda.items()).isSortedAccordingTo(AgendaItem.ORDER).doesNotHaveDuplicates();
    for (AgendaItem item : agenda.items()) {
      assertThat(item.message()).doesNotContain(IDENTIFIERS);
    }
    assertThat(agenda).isEqualTo(FidelityChecker.of(profile).agenda(course));
  }

  @Property(tries = 200)
  void endedCoursesHaveAnEmptyAgenda(@ForAll("courses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    Agenda agenda = FidelityChecker.of(profile).agenda(course);
    assertThat(agenda.reason().isPresent()).isEqualTo(course.status() != CourseStatus.ONGOING);
    if (course.status() != CourseStatus.ONGOING) {
      assertThat(agenda.items()).isEmpty();
    }
  }
}
