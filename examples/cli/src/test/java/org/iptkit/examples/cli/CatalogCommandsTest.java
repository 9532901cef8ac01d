package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.iptkit.json.IptJson;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CatalogCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void rulesTextListsEveryRuleWithSeverityAndSource() {
    Cli.Result result = Cli.run("rules");

    assertThat(result.code()).isZero();
    for (RuleInfo rule : RuleCatalog.all()) {
      assertThat(result.out()).contains(Text.pad(rule.code(), 5)
          + Text.pad(rule.defaultSeverity().name(), 9) + rule.name());
    }
    assertThat(result.out()).contains("Source: ");
  }

  @Test
  void rulesTextSaysWhichRuleIsMandatoryAndWhichJudgeAcuteTreatmentAlone() {
    String out = Cli.run("rules").out();
    String m04 = out.substring(out.indexOf("M04  "), out.indexOf("M05  "));
    assertThat(m04).contains("Mandatory: a configuration can neither switch it off nor lower it"
        + " below ERROR.").contains("first attended session on or after its date");
    assertThat(out.substring(out.indexOf("M05  "), out.indexOf("E01  ")))
        .contains("lowest earlier total").doesNotContain("Mandatory");
    assertThat(out.substring(out.indexOf("S01  "), out.indexOf("S02  ")))
        .contains("judges the acute sessions alone");
    assertThat(out.substring(out.indexOf("S03  "), out.indexOf("S04  ")))
        .doesNotContain("judges the acute sessions alone");
    assertThat(out.substring(out.indexOf("E05  "), out.indexOf("E06  ")))
        .contains("only the cut-off counts");
  }

  @Test
  void rulesJsonListsEveryCode() throws Exception {
    Cli.Result result = Cli.run("rules", "--format", "json");

    assertThat(result.code()).isZero();
    String text = result.out();
    JsonNode catalog = JSON.readTree(text);
    assertThat(catalog).isNotNull();
    for (String code : RuleCatalog.codes()) {
      assertThat(text).contains("\"" + code + "\"");
    }
  }

  @Test
  void protocolsListsEveryBuiltInProfile() {
    Cli.Result result = Cli.run("protocols");

    assertThat(result.code()).isZero();
    for (ProtocolProfile profile : Protocols.all()) {
      assertThat(result.out()).contains(profile.id()).contains(profile.title());
    }
  }

  static Iterable<String> builtInIds() {
    return Protocols.ids();
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void protocolsShowWritesAProfileThatReadsBackEqual(String id) {
    Cli.Result result = Cli.run("protocols", "--show", id);

    assertThat(result.code()).isZero();
    ProtocolProfile read = IptJson.strict().readProfile(result.out(), ProtocolRegistry.builtIn());
    assertThat(read).isEqualTo(Protocols.get(id));
  }

  @Test
  void protocolsShowOfAnUnknownIdListsTheKnownOnes() {
    Cli.Result result = Cli.run("protocols", "--show", "ipt-xyz");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("unknown protocol profile 'ipt-xyz'")
        .contains(String.join(", ", Protocols.ids()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"course", "protocol", "report"})
  void schemaPrintsAJsonSchema(String name) throws Exception {
    Cli.Result result = Cli.run("schema", name);

    assertThat(result.code()).isZero();
    JsonNode schema = JSON.readTree(result.out());
    assertThat(schema.get("$schema").asString()).contains("2020-12");
    assertThat(result.out()).isEqualTo(IptJson.schema(name).strip() + "\n");
  }

  @Test
  void schemaOfAnUnknownNameIsAUsageError() {
    Cli.Result result = Cli.run("schema", "patient");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("course, protocol, report");
  }
}
