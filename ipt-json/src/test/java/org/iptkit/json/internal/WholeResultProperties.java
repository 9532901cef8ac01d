package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.json.JsonArbitraries;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.fixtures.ReferenceCourses;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.TokenBuffer;

/**
 * A compact report writer copies the rule results that are the same in every report (a PASS, a
 * constant NOT_APPLICABLE reason) as pre-encoded whole objects. The bytes must be exactly those
 * of writing each result field by field, the first time a result is seen and every time after,
 * whatever the reason holds and whatever was written before.
 */
class WholeResultProperties {
  private static final JsonSettings SETTINGS = new JsonSettings(false, false, 1 << 20, 1 << 20);

  @Provide
  Arbitrary<FidelityReport> reports() {
    return JsonArbitraries.reports();
  }

  @Property(tries = 300)
  void compactReportsAreWrittenAsFieldByField(@ForAll("reports") FidelityReport report) {
    String fieldByField = write(report, false);

    // the first time fills the reason cache, the second and third take it
    assertThat(write(report, true)).isEqualTo(fieldByField);
    assertThat(write(report, true)).isEqualTo(fieldByField);
    assertThat(write(report, true)).isEqualTo(fieldByField);
  }

  @Example
  void reasonsThatNeedEscapingAreWrittenWholeAsTheyWouldBeFieldByField() {
    String reason = "no \"ending\" session\\ yet\n\t\u0001 — ñ 😀 </script>";
    String other = "no maintenance sessions";
    FidelityReport awkward = withResult(RuleResult.builder().rule("E06")
        .outcome(RuleOutcome.NOT_APPLICABLE).reason(reason).build());
    FidelityReport plain = withResult(RuleResult.builder().rule("E06")
        .outcome(RuleOutcome.NOT_APPLICABLE).reason(other).build());
    FidelityReport sameTextOtherRule = withResult(RuleResult.builder().rule("I09")
        .outcome(RuleOutcome.NOT_APPLICABLE).reason(reason).build());

    for (FidelityReport report : List.of(awkward, awkward, awkward, plain, awkward, plain, plain,
        sameTextOtherRule, sameTextOtherRule, awkward, awkward)) {
      assertThat(write(report, true)).isEqualTo(write(report, false));
    }
    assertThat(write(awkward, true))
        .contains("\"reason\":\"no \\\"ending\\\" session\\\\ yet\\n\\t\\u0001 — ñ 😀 </script>\"");
  }

  @Example
  void aRuleGivingMoreReasonsThanAreRememberedIsStillWrittenAsGiven() {
    List<FidelityReport> reports = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      reports.add(withResult(RuleResult.builder().rule("E06").outcome(RuleOutcome.NOT_APPLICABLE)
          .reason("reason " + i + " with \"quotes\"").build()));
    }
    for (int round = 0; round < 3; round++) {
      // the same six reasons in turn, then each twice in a row, then in reverse
      for (int i = 0; i < 6; i++) {
        FidelityReport report = reports.get(round == 2 ? 5 - i : i);
        for (int times = 0; times < (round == 1 ? 2 : 1); times++) {
          String text = write(report, true);
          assertThat(text).isEqualTo(write(report, false));
          assertThat(text).contains(
              "\"reason\":\"reason " + (round == 2 ? 5 - i : i) + " with \\\"quotes\\\"\"}");
        }
      }
    }
  }

  @Example
  void resultsOfRulesOutsideTheCatalogAreWrittenFieldByField() {
    for (String code : List.of("Z99", "X1", "custom-rule", "s01")) {
      FidelityReport report = withResult(RuleResult.builder().rule(code)
          .outcome(RuleOutcome.NOT_APPLICABLE).reason("not ours").build());

      String text = write(report, true);
      assertThat(text).isEqualTo(write(report, false));
      assertThat(write(report, true)).isEqualTo(text);
      assertThat(text).contains("{\"rule\":\"" + code + "\",\"outcome\":\"NOT_APPLICABLE\","
          + "\"reason\":\"not ours\"}");
    }
  }

  @Example
  void aGeneratorOfTokensRatherThanTextGetsEveryFieldOfEveryResult() {
    FidelityReport report = withResult(RuleResult.builder().rule("E06")
        .outcome(RuleOutcome.NOT_APPLICABLE).reason("no maintenance sessions").build());
    JsonMapper mapper = JsonMapper.shared();
    for (int i = 0; i < 3; i++) {
      try (TokenBuffer tokens = TokenBuffer.forGeneration()) {
        ReportJsonWriter.writeReport(tokens, report);
        JsonNode tree = mapper.readTree(tokens.asParser());

        assertThat(tree).isEqualTo(mapper.readTree(write(report, true)));
        for (JsonNode result : tree.get("results")) {
          assertThat(result.isObject()).as(result.toString()).isTrue();
        }
      }
    }
  }

  /**
   * The clean reference report with the result of {@code result}'s rule replaced by it, or, for
   * a rule outside the catalog, with it in place of E06.
   */
  private static FidelityReport withResult(RuleResult result) {
    FidelityReport clean = FidelityChecker.of(Protocols.IPT_ACUTE_16)
        .check(ReferenceCourses.acute16());
    List<RuleResult> results = new ArrayList<>(clean.results());
    int at = -1;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).rule().equals(result.rule()) || results.get(i).rule().equals("E06")
          && at < 0) {
        at = i;
      }
    }
    results.set(at, result);
    return FidelityReport.builder().from(clean).results(results).build();
  }

  private static String write(FidelityReport report, boolean wholeResults) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = SETTINGS.valueGenerator(out, false)) {
      ReportJsonWriter.writeReport(g, report, wholeResults);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
