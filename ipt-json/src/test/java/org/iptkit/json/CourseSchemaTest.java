package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.Modality;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.Technique;
import org.iptkit.core.TransitionKind;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema agrees with the reader and with the core model: it accepts what the
 * writer writes, rejects what the reader rejects for schema reasons, and lists exactly the
 * model's enumeration values and instrument item ranges.
 */
class CourseSchemaTest {
  static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(IptJson.courseSchema(), InputFormat.JSON);
  static final JsonNode TREE = JsonMapper.shared().readTree(IptJson.courseSchema());

  /** Documents the reader rejects for reasons a JSON Schema cannot express. */
  static final Set<String> BEYOND_THE_SCHEMA = Set.of("total disagrees with items",
      "repeated session number", "repeated person id");

  static List<Error> validate(String document) {
    return SCHEMA.validate(document, InputFormat.JSON);
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(meta.validate(IptJson.courseSchema(), InputFormat.JSON)).isEmpty();
    assertThat(TREE.get("$schema").asString())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void schemaAndReaderAgreeOnWhichOneCharacterIdentifiersAreBlank() {
    // Every character of the Basic Multilingual Plane (but surrogates, which are no text alone)
    // as a whole courseId, written as a JSON escape so that control characters are legal JSON.
    List<String> disagreements = new java.util.ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String document = MalformedDocumentsTest.mini("", "[]")
          .replace("\"courseId\":\"c\"", "\"courseId\":\"" + String.format("\\u%04x", c) + "\"");
      boolean schemaAccepts = validate(document).isEmpty();
      boolean readerAccepts;
      try {
        IptJson.strict().readCourse(document);
        readerAccepts = true;
      } catch (JsonReadException e) {
        readerAccepts = false;
      }
      if (schemaAccepts != readerAccepts) {
        disagreements.add(String.format("U+%04X", c));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void formatExampleAndItsGoldenWriteBackAreValid() {
    assertThat(validate(FormatExampleTest.resource("format-example-course.json"))).isEmpty();
    assertThat(validate(FormatExampleTest.resource("format-example-course.golden.json")))
        .isEmpty();
    assertThat(validate(MalformedDocumentsTest.BASE)).isEmpty();
  }

  static Stream<Arguments> documentsRejectedForSchemaReasons() {
    Set<Problem> syntax = EnumSet.of(Problem.MALFORMED_JSON, Problem.EMPTY_INPUT,
        Problem.TRAILING_CONTENT, Problem.LIMIT_EXCEEDED, Problem.DUPLICATE_FIELD);
    return MalformedDocumentsTest.malformedDocuments()
        .filter(row -> !syntax.contains((Problem) row.get()[3]))
        .map(row -> Arguments.of(row.get()[0], row.get()[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentsRejectedForSchemaReasons")
  void schemaRejectsWhatTheReaderRejects(String name, String document) {
    if (BEYOND_THE_SCHEMA.contains(name)) {
      assertThat(validate(document)).as("a gap only the reader closes").isEmpty();
    } else {
      assertThat(validate(document)).as(name).isNotEmpty();
    }
  }

  @Test
  void schemaHasNoOpenObjects() {
    List<String> open = new ArrayList<>();
    collectOpenObjects(TREE, "", open);
    assertThat(open).isEmpty();
    assertThat(TREE.toString()).doesNotContain("\"additionalProperties\":true");
  }

  /** The keywords whose subschemas refine an object closed where it is declared. */
  private static final Set<String> CONDITIONS = Set.of("if", "then", "else", "not");

  static void collectOpenObjects(JsonNode node, String path, List<String> open) {
    if (node.isObject()) {
      boolean declaresObject = "object".equals(node.path("type").asString(""));
      if (declaresObject && !node.path("additionalProperties").isBoolean()) {
        open.add(path);
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        if (!CONDITIONS.contains(child.getKey())) {
          collectOpenObjects(child.getValue(), path + "/" + child.getKey(), open);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectOpenObjects(node.get(i), path + "/" + i, open);
      }
    }
  }

  @Test
  void enumerationsAreExactlyTheModelsConstants() {
    assertEnum("status", CourseStatus.class);
    assertEnum("contractKind", ContractKind.class);
    assertEnum("frequency", Frequency.class);
    assertEnum("relationship", Relationship.class);
    assertEnum("contact", ContactFrequency.class);
    assertEnum("problemAreaType", ProblemAreaType.class);
    assertEnum("disputeStage", DisputeStage.class);
    assertEnum("transition", TransitionKind.class);
    assertEnum("attendance", Attendance.class);
    assertEnum("phase", Phase.class);
    assertEnum("setting", Setting.class);
    assertEnum("modality", Modality.class);
    assertEnum("task", SessionTask.class);
    assertEnum("technique", Technique.class);
    assertEnum("instrument", Instrument.class);
  }

  private static <E extends Enum<E>> void assertEnum(String name, Class<E> type) {
    List<String> schema = new ArrayList<>();
    TREE.path("$defs").path(name).path("enum").forEach(value -> schema.add(value.asString()));
    assertThat(schema).as(name)
        .containsExactly(Stream.of(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
  }

  @Test
  void itemCountsAndRangesPerInstrumentAreTheModels() {
    JsonNode conditions = TREE.path("$defs").path("measure").path("allOf");
    assertThat(conditions.size()).isEqualTo(Instrument.values().length);
    for (JsonNode condition : conditions) {
      Instrument instrument = Instrument.valueOf(
          condition.path("if").path("properties").path("instrument").path("const").asString());
      JsonNode items = condition.path("then").path("properties").path("items");
      assertThat(items.path("minItems").asInt()).isEqualTo(instrument.itemCount());
      assertThat(items.path("maxItems").asInt()).isEqualTo(instrument.itemCount());
      for (int i = 1; i <= instrument.itemCount(); i++) {
        // each item: an integer up to its maximum, or null when unanswered
        JsonNode item = items.has("prefixItems") ? items.path("prefixItems").get(i - 1)
            : items.path("items");
        int max = item.path("anyOf").get(0).path("maximum").asInt();
        assertThat(item.path("anyOf").get(1).path("type").asString()).isEqualTo("null");
        assertThat(max).as(instrument + " item " + i).isEqualTo(instrument.itemMax(i));
      }
      assertThat(condition.path("then").path("properties").path("total").path("maximum").asInt())
          .isEqualTo(instrument.maxTotal());
    }
  }
}
