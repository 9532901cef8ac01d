package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.fixtures.ReferenceCourses;
import org.iptkit.rules.fixtures.SyntheticReports;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort report, the next-session agenda and the rule catalog as JSON: every value of the
 * model in its field, therapist references as the cohort's grouping keys, absent values left out,
 * and the same bytes every time.
 */
class CohortAgendaCatalogJsonTest {
  static final IptJson JSON = IptJson.strict();
  static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();

  static JsonNode tree(String json) {
    return JsonMapper.shared().readTree(json);
  }

  static CohortReport cohort() {
    List<FidelityReport> reports = List.of(
        SyntheticReports.course("c-3").therapist("th-b").sessions(16).adherence(0.9)
            .completer(true).outcome(true, true).rule("S01", RuleOutcome.PASS)
            .rule("M04", RuleOutcome.FINDINGS).error().build(),
        SyntheticReports.course("c-1").therapist("th-a").sessions(12).adherence(1.0 / 3.0)
            .completer(false).outcome(false, false).rule("S01", RuleOutcome.FINDINGS)
            .rule("M04", RuleOutcome.PASS).build(),
        SyntheticReports.course("c-2").status(CourseStatus.ONGOING).sessions(5).adherence(1.0)
            .rule("S01", RuleOutcome.NOT_APPLICABLE).rule("M04", RuleOutcome.PASS).error()
            .build());
    return CohortReport.of(reports);
  }

  @Test
  void cohortReportCarriesEveryFigureOfTheModel() {
    JsonNode c = tree(JSON.writeCohortReport(cohort()));

    assertThat(c.get("courses").asInt()).isEqualTo(3);
    assertThat(c.get("byStatus").toString())
        .isEqualTo("{\"ONGOING\":1,\"COMPLETED\":2,\"DISCONTINUED\":0}");
    assertThat(c.get("sessionsAttended").toString()).isEqualTo(
        "{\"mean\":11.0,\"median\":12.0,\"distribution\":{\"5\":1,\"12\":1,\"16\":1}}");
    assertThat(c.get("meanAdherence").toString()).isEqualTo("0.7444");
    assertThat(c.get("adherenceInterval").get("lower").asDouble()).isEqualTo(0.0);
    assertThat(c.get("rules").toString()).isEqualTo(
        "[{\"rule\":\"S01\",\"applicable\":2,\"passed\":1,\"share\":0.5,"
            + "\"lower\":0.0945,\"upper\":0.9055},"
            + "{\"rule\":\"M04\",\"applicable\":3,\"passed\":2,\"share\":0.6667,"
            + "\"lower\":0.2077,\"upper\":0.9385}]");
    JsonNode outcomes = c.get("outcomes");
    assertThat(outcomes.get("completers").toString())
        .isEqualTo("{\"count\":1,\"n\":2,\"rate\":0.5,\"lower\":0.0945,\"upper\":0.9055}");
    assertThat(outcomes.get("acute").get("completerAnalysis").get("response").toString())
        .isEqualTo("{\"count\":1,\"n\":2,\"rate\":0.5,\"lower\":0.0945,\"upper\":0.9055}");
    assertThat(outcomes.get("acute").get("allWhoStarted").get("remission").get("n").asInt())
        .isEqualTo(2);
    assertThat(outcomes.get("acute").get("completedWithFinalMeasure").asInt()).isEqualTo(2);
    assertThat(outcomes.get("maintenance").toString()).isEqualTo("{\"ended\":0,"
        + "\"stayedBelowCutOff\":{\"count\":0,\"n\":0},\"deteriorated\":{\"count\":0,\"n\":0}}");
    assertThat(c.get("byProfile").get(0).get("protocol").asString()).isEqualTo("ipt-acute-16");
    assertThat(c.get("byProfile").get(0).get("outcomes")).isEqualTo(outcomes);
    assertThat(c.get("coursesWithErrors").toString()).isEqualTo("[\"c-2\",\"c-3\"]");
  }

  @Test
  void cohortReportGroupsByTherapistReferenceWithTheUnnamedLast() {
    JsonNode therapists = tree(JSON.writeCohortReport(cohort())).get("therapists");

    assertThat(therapists.size()).isEqualTo(3);
    JsonNode first = therapists.get(0);
    assertThat(first.get("therapistRef").asString()).isEqualTo("th-a");
    assertThat(first.get("courses").asInt()).isEqualTo(1);
    assertThat(first.get("meanAdherence").toString()).isEqualTo("0.3333");
    assertThat(first.has("adherenceInterval")).isFalse();
    assertThat(first.get("outcomes").get("acute").get("completerAnalysis").get("response")
        .toString()).isEqualTo("{\"count\":0,\"n\":1,\"rate\":0.0,\"lower\":0.0,"
            + "\"upper\":0.7935}");
    assertThat(first.get("ratings").size()).isZero();
    assertThat(first.get("rules").toString()).isEqualTo("["
        + "{\"rule\":\"S01\",\"applicable\":1,\"passed\":0,\"share\":0.0,\"lower\":0.0,"
        + "\"upper\":0.7935},"
        + "{\"rule\":\"M04\",\"applicable\":1,\"passed\":1,\"share\":1.0,\"lower\":0.2065,"
        + "\"upper\":1.0}]");
    assertThat(therapists.get(1).get("therapistRef").asString()).isEqualTo("th-b");
    assertThat(therapists.get(1).get("coursesWithErrors").asInt()).isEqualTo(1);
    assertThat(therapists.get(2).has("therapistRef")).isFalse();
    assertThat(therapists.get(2).get("rules").get(0).toString())
        .isEqualTo("{\"rule\":\"S01\",\"applicable\":0,\"passed\":0}");
  }

  @Test
  void emptyCohortLeavesOutMeansRatesAndIntervals() {
    String json = JSON.writeCohortReport(CohortReport.of(List.of()));
    String none = "{\"count\":0,\"n\":0}";

    assertThat(json).isEqualTo("{\"courses\":0,"
        + "\"byStatus\":{\"ONGOING\":0,\"COMPLETED\":0,\"DISCONTINUED\":0},"
        + "\"sessionsAttended\":{\"distribution\":{}},"
        + "\"outcomes\":{\"courses\":0,"
        + "\"byStatus\":{\"ONGOING\":0,\"COMPLETED\":0,\"DISCONTINUED\":0},"
        + "\"completers\":" + none + ",\"acute\":{\"ended\":0,\"noBaseline\":0,"
        + "\"notCaseAtBaseline\":0,\"completedWithFinalMeasure\":0,"
        + "\"discontinuedWithFinalMeasure\":0,\"discontinuedCasesWithFinalMeasure\":0,"
        + "\"completerAnalysis\":{\"response\":" + none + ",\"remission\":" + none + "},"
        + "\"allWhoStarted\":{\"response\":" + none + ",\"remission\":" + none + "}},"
        + "\"maintenance\":{\"ended\":0,\"stayedBelowCutOff\":" + none + ",\"deteriorated\":"
        + none + "}},"
        + "\"byProfile\":[],\"rules\":[],\"ratings\":[],\"reliability\":[],"
        + "\"therapists\":[],\"coursesWithErrors\":[]}");
  }

  @Test
  void cohortReportIsDeterministicWhateverTheOrderOfTheCourses() {
    FidelityChecker checker = FidelityChecker.of(Protocols.IPT_ACUTE_16);
    List<FidelityReport> reports = new ArrayList<>();
    reports.add(checker.check(ReferenceCourses.acute16()));
    reports.add(ReportJsonTest.formatExampleReport());
    reports.add(checker.check(ReferenceCourses.acute16Ongoing(6)));
    List<FidelityReport> reversed = new ArrayList<>(reports);
    java.util.Collections.reverse(reversed);

    assertThat(PRETTY.writeCohortReport(CohortReport.of(reversed)))
        .isEqualTo(PRETTY.writeCohortReport(CohortReport.of(reports)));
  }

  @Test
  void agendaOfAnOngoingCourseNamesTheNextSessionAndItsItems() {
    Agenda agenda = FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .agenda(ReferenceCourses.acute16Ongoing(5));
    JsonNode a = tree(JSON.writeAgenda(agenda));

    assertThat(a.get("protocol").asString()).isEqualTo("ipt-acute-16");
    assertThat(a.get("status").asString()).isEqualTo("ONGOING");
    assertThat(a.has("reason")).isFalse();
    assertThat(a.get("nextSessionNumber").asInt()).isEqualTo(agenda.nextSessionNumber().getAsInt());
    assertThat(a.get("nextSessionDate").asString())
        .isEqualTo(agenda.nextSessionDate().orElseThrow().toString());
    assertThat(a.get("nextPhase").asString()).isEqualTo(agenda.nextPhase().orElseThrow().name());
    assertThat(a.get("sessionsAttended").asInt()).isEqualTo(5);
    assertThat(a.get("plannedSessions").asInt()).isEqualTo(16);
    assertThat(a.get("sessionsRemaining").asInt()).isEqualTo(11);
    assertThat(a.get("items").size()).isEqualTo(agenda.items().size()).isPositive();
    for (int i = 0; i < agenda.items().size(); i++) {
      var item = agenda.items().get(i);
      JsonNode node = a.get("items").get(i);
      assertThat(node.get("kind").asString()).isEqualTo(item.kind().name());
      assertThat(node.path("rule").asString(null)).isEqualTo(item.rule().orElse(null));
      assertThat(node.path("task").asString(null))
          .isEqualTo(item.task().map(Enum::name).orElse(null));
      assertThat(node.get("message").asString()).isEqualTo(item.message());
    }
  }

  @Test
  void agendaOfACompletedCourseGivesItsReasonAndNoNextSession() {
    Agenda agenda = FidelityChecker.of(Protocols.IPT_ACUTE_16).agenda(ReferenceCourses.acute16());
    String json = JSON.writeAgenda(agenda);

    assertThat(json).startsWith("{\"protocol\":\"ipt-acute-16\",\"status\":\"COMPLETED\","
        + "\"reason\":").doesNotContain("nextSession").endsWith("\"items\":[]}");
  }

  @Test
  void ruleCatalogListsEveryRuleWithAllItsFields() {
    JsonNode catalog = tree(JSON.writeRuleCatalog());
    List<RuleInfo> rules = RuleCatalog.all();

    assertThat(catalog.isArray()).isTrue();
    assertThat(catalog.size()).isEqualTo(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      RuleInfo rule = rules.get(i);
      JsonNode node = catalog.get(i);
      assertThat(node.get("code").asString()).isEqualTo(rule.code());
      assertThat(node.get("name").asString()).isEqualTo(rule.name());
      assertThat(node.get("defaultSeverity").asString()).isEqualTo(rule.defaultSeverity().name());
      assertThat(node.get("domain").asString()).isEqualTo(rule.domain().name());
      assertThat(node.get("domainTitle").asString()).isEqualTo(rule.domain().title());
      assertThat(node.get("checks").asString()).isEqualTo(rule.checks());
      assertThat(node.get("rationale").asString()).isEqualTo(rule.rationale());
      assertThat(node.get("source").asString()).isEqualTo(rule.source());
      assertThat(node.get("canBeSwitchedOff").asBoolean()).isEqualTo(!rule.code().equals("M04"));
      assertThat(node.size()).isEqualTo(9);
    }
  }

  @Test
  void prettyCatalogIsTheSameDocumentIndented() {
    assertThat(tree(PRETTY.writeRuleCatalog())).isEqualTo(tree(JSON.writeRuleCatalog()));
    assertThat(PRETTY.writeRuleCatalog()).startsWith("[\n  {\n    \"code\": \"S01\",");
  }
}
