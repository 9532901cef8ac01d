package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.SeverityBand;
import org.iptkit.core.Technique;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleSetting;
import org.iptkit.rules.Severity;
import org.iptkit.rules.SickRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published schemas of protocol profiles and fidelity reports: valid draft 2020-12, handed
 * out by name, accepting what the writers write and listing exactly the model's enumerations and
 * rule codes.
 */
class ProfileAndReportSchemaTest {
  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  static final Schema PROFILE = REGISTRY.getSchema(IptJson.profileSchema(), InputFormat.JSON);
  static final Schema REPORT = REGISTRY.getSchema(IptJson.reportSchema(), InputFormat.JSON);
  static final JsonNode PROFILE_TREE = JsonMapper.shared().readTree(IptJson.profileSchema());
  static final JsonNode REPORT_TREE = JsonMapper.shared().readTree(IptJson.reportSchema());

  static List<Error> validateProfile(String document) {
    return PROFILE.validate(document, InputFormat.JSON);
  }

  static List<Error> validateReport(String document) {
    return REPORT.validate(document, InputFormat.JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"course", "protocol", "report", "cohort"})
  void everySchemaIsAValidDraft202012SchemaHandedOutByName(String name) {
    Schema meta = REGISTRY.getSchema(
        SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    String schema = IptJson.schema(name);

    assertThat(meta.validate(schema, InputFormat.JSON)).isEmpty();
    assertThat(JsonMapper.shared().readTree(schema).get("$id").asString())
        .endsWith("/" + name + ".schema.json");
  }

  @Test
  void schemaByNameIsTheSameAsTheNamedMethods() {
    assertThat(IptJson.schema("course")).isEqualTo(IptJson.courseSchema());
    assertThat(IptJson.schema("protocol")).isEqualTo(IptJson.profileSchema());
    assertThat(IptJson.schema("report")).isEqualTo(IptJson.reportSchema());
    assertThat(IptJson.schema("cohort")).isEqualTo(IptJson.cohortSchema());
    assertThat(IptJson.SCHEMA_NAMES).containsExactly("course", "protocol", "report", "cohort");
  }

  @Test
  void unknownSchemaNameListsTheKnownNames() {
    assertThatThrownBy(() -> IptJson.schema("profile"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown schema 'profile'; known schemas: course, protocol, report, cohort");
  }

  static Stream<ProtocolProfile> builtInProfiles() {
    return Protocols.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInProfiles")
  void everyBuiltInProfileWrittenIsValid(ProtocolProfile profile) {
    assertThat(validateProfile(IptJson.strict().writeProfile(profile))).isEmpty();
  }

  @Test
  void formatExampleProfileIsValid() {
    assertThat(validateProfile(FormatExampleTest.resource("format-example-profile.json")))
        .isEmpty();
    assertThat(validateProfile("{\"id\":\"t\",\"basedOn\":\"ipt-acute-16\"}")).isEmpty();
  }

  @Test
  void goldenAndExampleReportsAreValid() {
    assertThat(validateReport(FormatExampleTest.resource("format-example-report.golden.json")))
        .isEmpty();
    assertThat(validateReport(FormatExampleTest.resource("format-example-report.json")))
        .isEmpty();
  }

  private static final java.util.Set<JsonReadException.Problem> SYNTAX = java.util.EnumSet.of(
      JsonReadException.Problem.MALFORMED_JSON, JsonReadException.Problem.EMPTY_INPUT,
      JsonReadException.Problem.TRAILING_CONTENT, JsonReadException.Problem.LIMIT_EXCEEDED,
      JsonReadException.Problem.DUPLICATE_FIELD);

  static Stream<org.junit.jupiter.params.provider.Arguments> malformedProfiles() {
    return MalformedProfilesTest.malformedProfiles()
        .filter(row -> !SYNTAX.contains((JsonReadException.Problem) row.get()[3]));
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> malformedReports() {
    return MalformedReportsTest.malformedReports()
        .filter(row -> !SYNTAX.contains((JsonReadException.Problem) row.get()[3]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedProfiles")
  void profileSchemaRejectsWhatTheReaderRejectsWhereASchemaCanTell(String name, String document,
      String pointer, JsonReadException.Problem problem, String message, boolean schemaCatches) {
    if (schemaCatches) {
      assertThat(validateProfile(document)).as(name).isNotEmpty();
    } else {
      assertThat(validateProfile(document)).as("a gap only the reader closes: " + name).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedReports")
  void reportSchemaRejectsWhatTheReaderRejectsWhereASchemaCanTell(String name, String document,
      String pointer, JsonReadException.Problem problem, String message, boolean schemaCatches) {
    if (schemaCatches) {
      assertThat(validateReport(document)).as(name).isNotEmpty();
    } else {
      assertThat(validateReport(document)).as("a gap only the reader closes: " + name).isEmpty();
    }
  }

  @Test
  void profileWithNullsForUnsetOptionalParametersIsValid() {
    String written = IptJson.strict().writeProfile(ProtocolProfile.builder()
        .from(Protocols.IPT_M_MONTHLY).id("t").basedOn("ipt-acute-16").build());

    assertThat(written).contains("\"initial\":null");
    assertThat(validateProfile(written)).isEmpty();
  }

  @Test
  void ruleCodesOfTheProfileSchemaAreTheCatalogs() {
    assertThat(strings(PROFILE_TREE.path("$defs").path("ruleCode").path("enum")))
        .isEqualTo(RuleCatalog.codes());
  }

  @Test
  void enumerationsAreExactlyTheModelsConstants() {
    assertEnum(PROFILE_TREE, "instrument", Instrument.class);
    assertEnum(PROFILE_TREE, "technique", Technique.class);
    assertEnum(PROFILE_TREE, "sickRole", SickRole.class);
    assertEnum(PROFILE_TREE, "ruleSetting", RuleSetting.class);
    assertEnum(REPORT_TREE, "instrument", Instrument.class);
    assertEnum(REPORT_TREE, "band", SeverityBand.class);
    assertEnum(REPORT_TREE, "severity", Severity.class);
    assertEnum(REPORT_TREE, "outcome", RuleOutcome.class);
    assertThat(strings(REPORT_TREE.path("properties").path("status").path("enum")))
        .containsExactly(names(CourseStatus.class));
    List<String> domains = new ArrayList<>();
    REPORT_TREE.path("properties").path("summary").path("properties").path("byDomain")
        .path("properties").properties().forEach(e -> domains.add(e.getKey()));
    assertThat(domains).containsExactly(names(RuleDomain.class));
  }

  private static <E extends Enum<E>> void assertEnum(JsonNode tree, String name, Class<E> type) {
    assertThat(strings(tree.path("$defs").path(name).path("enum"))).as(name)
        .containsExactly(names(type));
  }

  private static <E extends Enum<E>> String[] names(Class<E> type) {
    return Stream.of(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  @Test
  void schemasHaveNoOpenObjectsBesidesRuleSettings() {
    List<String> open = new ArrayList<>();
    collectOpenObjects(PROFILE_TREE, "", open);
    collectOpenObjects(REPORT_TREE, "", open);
    assertThat(open).containsExactly("/properties/rules");
    assertThat(PROFILE_TREE.path("properties").path("rules").path("additionalProperties")
        .path("$ref").asString()).isEqualTo("#/$defs/ruleSetting");
  }

  private static void collectOpenObjects(JsonNode node, String path, List<String> open) {
    if (node.isObject()) {
      boolean declaresObject = "object".equals(node.path("type").asString(""));
      if (declaresObject && !node.path("additionalProperties").isBoolean()) {
        open.add(path);
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        collectOpenObjects(child.getValue(), path + "/" + child.getKey(), open);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectOpenObjects(node.get(i), path + "/" + i, open);
      }
    }
  }
}
