package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.Attendance;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.fixtures.RulesTestArbitraries;

/**
 * The agenda announces what the rules will report, and nothing else: for generated ONGOING
 * courses, every finding that checking the course one session later (the next session held,
 * nothing done in it) would add is announced, and every item announced is a finding the rules
 * report for the course as recorded, one session later, or played on to the end of its plan with
 * nothing done.
 */
class AgendaProperties {
  @Provide
  Arbitrary<TreatmentCourse> ongoingCourses() {
    return RulesTestArbitraries.courses(CourseStatus.ONGOING);
  }

  @Provide
  Arbitrary<ProtocolProfile> profiles() {
    return RulesTestArbitraries.builtInProfiles();
  }

  /**
   * The course with the agenda's next session held, nothing done in it: built here from the
   * agenda's number, date and phase; before the first session, which has no expected date, as
   * the planner builds it.
   */
  private static Optional<TreatmentCourse> oneSessionLater(FidelityChecker checker,
      TreatmentCourse course, Agenda agenda) {
    if (agenda.nextSessionNumber().isEmpty()) {
      return Optional.empty();
    }
    if (agenda.nextSessionDate().isEmpty()) {
      return AgendaPlanner.nextSessionHeld(checker, course);
    }
    List<Session> sessions = new ArrayList<>(course.sessions());
    sessions.add(Session.builder()
        .number(agenda.nextSessionNumber().getAsInt())
        .date(agenda.nextSessionDate().get())
        .attendance(Attendance.ATTENDED)
        .phase(agenda.nextPhase().orElseThrow())
        .build());
    return Optional.of(TreatmentCourse.builder().from(course).sessions(sessions).build());
  }

  private static Set<List<String>> keys(FidelityReport report) {
    Set<List<String>> keys = new HashSet<>();
    for (Finding finding : report.findings()) {
      keys.add(List.of(finding.rule(), finding.path()));
    }
    return keys;
  }

  private static Set<String> rules(FidelityReport report) {
    Set<String> rules = new HashSet<>();
    report.findings().forEach(f -> rules.add(f.rule()));
    return rules;
  }

  @Property(tries = 300)
  void everyFindingTheNextSessionWouldAddIsAnnounced(
      @ForAll("ongoingCourses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    FidelityChecker checker = FidelityChecker.of(profile);
    Agenda agenda = checker.agenda(course);
    Optional<TreatmentCourse> later = oneSessionLater(checker, course, agenda);
    if (later.isEmpty()) {
      return;
    }
    Set<List<String>> now = keys(checker.check(course));
    Set<String> announced = new HashSet<>();
    agenda.items().forEach(i -> announced.add(i.rule().orElseThrow()));
    for (Finding finding : checker.check(later.get()).findings()) {
      if (!now.contains(List.of(finding.rule(), finding.path()))) {
        assertThat(announced).as("%s %s: %s", finding.rule(), finding.path(), finding.message())
            .contains(finding.rule());
      }
    }
  }

  @Property(tries = 300)
  void theAgendaAnnouncesNothingTheRulesWouldNotReport(
      @ForAll("ongoingCourses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    FidelityChecker checker = FidelityChecker.of(profile);
    Agenda agenda = checker.agenda(course);
    Set<String> reported = new HashSet<>(rules(checker.check(course)));
    oneSessionLater(checker, course, agenda).ifPresent(c -> reported.addAll(rules(checker.check(c))));
    AgendaPlanner.playedToTheEnd(checker, course)
        .ifPresent(c -> reported.addAll(rules(checker.check(c))));
    for (AgendaItem item : agenda.items()) {
      assertThat(reported).as("%s %s", item.kind(), item.message())
          .contains(item.rule().orElseThrow());
      assertThat(item.message()).doesNotContain("would be reported");
    }
  }
}
