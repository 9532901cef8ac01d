package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published course schema and the strict reader agree on hundreds of mutants of valid
 * courses: wrong JSON types, missing and unknown fields, bad enumeration values, numbers out of
 * range, impossible and possible calendar dates (leap years included), empty and blank strings,
 * trailing line breaks, repeated array entries and fields given twice. Where they disagree, it is
 * one of the {@link #BEYOND_THE_SCHEMA} cases, each named and each seen, which no JSON Schema can
 * state; every other disagreement fails the test.
 */
class SchemaReaderDifferentialTest {
  private static final JsonMapper MAPPER = JsonMapper.shared();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * What only the reader refuses, by name: how to recognise the case from the mutation and the
   * reader's message. The schema's {@code $comment} says the same in words.
   */
  static final Map<String, Case> BEYOND_THE_SCHEMA = Map.of(
      "integer written with a fraction", (kind, message) -> kind.equals("fraction")
          && message.contains("expected an integer"),
      "field given twice", (kind, message) -> kind.equals("duplicate key")
          && message.contains("duplicate field"),
      "total disagrees with items", (kind, message) ->
          message.contains("disagrees with the sum of its items")
              || message.contains("disagrees with the prorated total of its items")
              || message.contains("has no total"),
      "a cancelled or missed session rated", (kind, message) ->
          message.contains("cannot be rated"),
      "endedOn before the last session", (kind, message) -> message.contains("is before session"),
      "repeated session number", (kind, message) -> message.contains("is used more than once"),
      "repeated person id", (kind, message) -> message.contains("repeats an earlier id"));

  /** A documented disagreement, recognised from the mutation's kind and the reader's message. */
  interface Case {
    boolean matches(String kind, String readerMessage);
  }

  /** One mutant: what was changed, where, and the document. */
  record Mutant(String kind, String pointer, String document) {}

  /**
   * What only the profile reader refuses, by name; the protocol schema's {@code $comment} says
   * the same in words.
   */
  static final Map<String, Case> BEYOND_THE_PROFILE_SCHEMA = Map.of(
      "integer written with a fraction", (kind, message) -> kind.equals("fraction")
          && message.contains("expected an integer"),
      "field given twice", (kind, message) -> kind.equals("duplicate key")
          && message.contains("duplicate field"),
      "a range's min above its max", (kind, message) -> message.contains("0 <= min <= max"));

  /** The outcome of comparing a schema and a reader on many mutants. */
  static final class Tally {
    private final java.util.function.Function<String, Boolean> schema;
    private final java.util.function.Function<String, String> reader;
    private final Map<String, Case> beyond;
    int mutants;
    int bothAccept;
    int bothReject;
    final Map<String, Integer> documented = new TreeMap<>();
    final List<String> undocumented = new ArrayList<>();

    /** Compares the course schema and the course reader. */
    Tally() {
      this(document -> CourseSchemaTest.validate(document).isEmpty(),
          SchemaReaderDifferentialTest::readerMessage, BEYOND_THE_SCHEMA);
    }

    Tally(java.util.function.Function<String, Boolean> schema,
        java.util.function.Function<String, String> reader, Map<String, Case> beyond) {
      this.schema = schema;
      this.reader = reader;
      this.beyond = beyond;
    }

    void add(Mutant mutant) {
      mutants++;
      boolean schemaAccepts = schema.apply(mutant.document());
      String readerMessage = reader.apply(mutant.document());
      boolean readerAccepts = readerMessage == null;
      if (schemaAccepts == readerAccepts) {
        if (schemaAccepts) {
          bothAccept++;
        } else {
          bothReject++;
        }
        return;
      }
      if (schemaAccepts) {
        for (Map.Entry<String, Case> known : beyond.entrySet()) {
          if (known.getValue().matches(mutant.kind(), readerMessage)) {
            documented.merge(known.getKey(), 1, Integer::sum);
            return;
          }
        }
      }
      undocumented.add(mutant.kind() + " at " + mutant.pointer() + ": schema "
          + (schemaAccepts ? "accepts" : "rejects") + ", reader "
          + (readerAccepts ? "accepts" : "rejects: " + readerMessage) + "\n  " + mutant.document());
    }

    @Override
    public String toString() {
      return mutants + " mutants: " + bothAccept + " accepted by both, " + bothReject
          + " rejected by both, documented disagreements " + documented + ", undocumented "
          + undocumented.size();
    }
  }

  /** The reader's message for a document it rejects (from text and from bytes alike), or null. */
  static String readerMessage(String document) {
    String fromText;
    try {
      IptJson.strict().readCourse(document);
      fromText = null;
    } catch (JsonReadException e) {
      fromText = e.getMessage();
    }
    String fromBytes;
    try {
      IptJson.strict().readCourse(document.getBytes(StandardCharsets.UTF_8));
      fromBytes = null;
    } catch (JsonReadException e) {
      fromBytes = e.getMessage();
    }
    assertThat(fromBytes == null).as("bytes and text agree on %s", document)
        .isEqualTo(fromText == null);
    return fromText;
  }

  // ---------------------------------------------------------------- the mutations

  /** Every mutant of a valid document: several per field and per array entry. */
  static List<Mutant> mutants(String valid) {
    JsonNode root = MAPPER.readTree(valid);
    List<Mutant> out = new ArrayList<>();
    walk(root, "", root, out);
    return out;
  }

  private static void walk(JsonNode root, String pointer, JsonNode node, List<Mutant> out) {
    if (node.isObject()) {
      out.add(change(root, pointer, "unknown field",
          n -> ((ObjectNode) n).put("unknownField", 1)));
      List<String> names = new ArrayList<>();
      node.properties().forEach(e -> names.add(e.getKey()));
      if (!names.isEmpty()) {
        out.add(duplicateKey(root, pointer, names.get(0)));
      }
      for (String name : names) {
        String at = pointer + "/" + name;
        out.add(change(root, pointer, "missing field", n -> ((ObjectNode) n).remove(name)));
        values(root, at, node.get(name), v -> ((ObjectNode) root.at(pointer)).set(name, v), out);
        walk(root, at, node.get(name), out);
      }
    } else if (node.isArray()) {
      out.add(change(root, pointer, "empty array", n -> ((ArrayNode) n).removeAll()));
      if (!node.isEmpty()) {
        out.add(change(root, pointer, "repeated entry",
            n -> ((ArrayNode) n).add(n.get(0).deepCopy())));
      }
      for (int i = 0; i < node.size(); i++) {
        int index = i;
        String at = pointer + "/" + i;
        values(root, at, node.get(i), v -> ((ArrayNode) root.at(pointer)).set(index, v), out);
        walk(root, at, node.get(i), out);
      }
    }
  }

  /** The mutants that replace the value at {@code pointer}. */
  private static void values(JsonNode root, String pointer, JsonNode value,
      Consumer<JsonNode> set, List<Mutant> out) {
    Map<String, JsonNode> replacements = new LinkedHashMap<>();
    // another JSON type
    for (JsonNode other : List.of(NODES.numberNode(7), NODES.stringNode("x"),
        NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode())) {
      if (other.getNodeType() != value.getNodeType()) {
        replacements.put("wrong type " + other.getNodeType(), other);
      }
    }
    if (value.isIntegralNumber()) {
      int v = value.asInt();
      replacements.put("below zero", NODES.numberNode(-1));
      replacements.put("zero", NODES.numberNode(0));
      replacements.put("one more", NODES.numberNode(v + 1));
      replacements.put("above 600", NODES.numberNode(601));
      replacements.put("beyond int", NODES.numberNode(2_147_483_648L));
      replacements.put("fraction", NODES.numberNode(new java.math.BigDecimal(v + ".0")));
      replacements.put("half", NODES.numberNode(v + 0.5));
    } else if (value.isString()) {
      String v = value.asString();
      replacements.put("empty string", NODES.stringNode(""));
      replacements.put("blank string", NODES.stringNode(" \t"));
      replacements.put("trailing newline", NODES.stringNode(v + "\n"));
      replacements.put("trailing line separator", NODES.stringNode(v + "\u2028"));
      replacements.put("lower case", NODES.stringNode(v.toLowerCase(java.util.Locale.ROOT)));
      if (v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        for (String date : List.of("2026-02-30", "2026-04-31", "2023-02-29", "1900-02-29",
            "2024-02-29", "2000-02-29", "0000-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
            "2026-1-05", "2026-01-31")) {
          replacements.put("date " + date, NODES.stringNode(date));
        }
      }
    }
    replacements.forEach((kind, replacement) -> {
      JsonNode copy = root.deepCopy();
      JsonNode saved = root.at(pointer);
      set.accept(replacement);
      out.add(new Mutant(kind, pointer, MAPPER.writeValueAsString(root)));
      set.accept(saved);
      assertThat(root).isEqualTo(copy);
    });
  }

  private static Mutant change(JsonNode root, String pointer, String kind,
      Consumer<JsonNode> mutation) {
    JsonNode copy = root.deepCopy();
    mutation.accept(copy.at(pointer));
    return new Mutant(kind, pointer, MAPPER.writeValueAsString(copy));
  }

  /** The object at {@code pointer} with its first field written twice, as text. */
  private static Mutant duplicateKey(JsonNode root, String pointer, String name) {
    JsonNode copy = root.deepCopy();
    ObjectNode object = (ObjectNode) copy.at(pointer);
    String marker = "\"duplicateKeyMarker\":0";
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    object.removeAll();
    object.put("duplicateKeyMarker", 0);
    fields.forEach(object::set);
    String first = MAPPER.writeValueAsString(NODES.objectNode().set(name, fields.get(name)));
    String text = MAPPER.writeValueAsString(copy)
        .replace(marker, first.substring(1, first.length() - 1));
    return new Mutant("duplicate key", pointer + "/" + name, text);
  }

  // ---------------------------------------------------------------- the tests

  @Test
  void schemaAndReaderAgreeOnEveryMutantButTheDocumentedCases() {
    Tally tally = new Tally();
    for (String valid : List.of(MalformedDocumentsTest.BASE,
        FormatExampleTest.resource("format-example-course.json"))) {
      assertThat(CourseSchemaTest.validate(valid)).isEmpty();
      assertThat(readerMessage(valid)).isNull();
      mutants(valid).forEach(tally::add);
    }
    System.out.println("schema/reader differential: " + tally);

    assertThat(tally.undocumented).isEmpty();
    assertThat(tally.mutants).isGreaterThan(500);
    assertThat(tally.documented.keySet()).as("every documented case is seen")
        .containsExactlyInAnyOrderElementsOf(BEYOND_THE_SCHEMA.keySet());
  }

  /** The profile reader's message for a profile it rejects (no basedOn needed), or null. */
  static String profileReaderMessage(String document) {
    try {
      IptJson.strict().readProfile(document, org.iptkit.rules.ProtocolRegistry.builtIn());
      return null;
    } catch (JsonReadException e) {
      return e.getMessage();
    }
  }

  @Test
  void protocolSchemaAndProfileReaderAgreeOnEveryMutantButTheDocumentedCases() {
    Tally tally = new Tally(document -> ProfileAndReportSchemaTest.validateProfile(document)
        .isEmpty(), SchemaReaderDifferentialTest::profileReaderMessage,
        BEYOND_THE_PROFILE_SCHEMA);
    for (org.iptkit.rules.ProtocolProfile profile : org.iptkit.rules.ProtocolRegistry.builtIn()
        .profiles()) {
      String valid = IptJson.strict().writeProfile(profile);
      assertThat(profileReaderMessage(valid)).isNull();
      mutants(valid).forEach(tally::add);
    }
    System.out.println("protocol schema/reader differential: " + tally);

    assertThat(tally.undocumented).isEmpty();
    assertThat(tally.mutants).isGreaterThan(500);
    assertThat(tally.documented.keySet()).as("every documented case is seen")
        .containsExactlyInAnyOrderElementsOf(BEYOND_THE_PROFILE_SCHEMA.keySet());
  }

  /** What only the report reader refuses, by name, as the report schema's $comment says. */
  static final Map<String, Case> BEYOND_THE_REPORT_SCHEMA = Map.of(
      "integer written with a fraction", (kind, message) -> kind.equals("fraction")
          && message.contains("expected an integer"),
      "field given twice", (kind, message) -> kind.equals("duplicate key")
          && message.contains("duplicate field"),
      "results disagree with the findings", (kind, message) ->
          message.contains("but the findings array holds none of this rule")
              || message.contains("whose result is not FINDINGS"),
      "a rule with two results", (kind, message) -> message.contains("has a second result"));

  static String reportReaderMessage(String document) {
    try {
      IptJson.strict().readReport(document);
      return null;
    } catch (JsonReadException e) {
      return e.getMessage();
    }
  }

  @Test
  void reportSchemaAndReportReaderAgreeOnEveryMutantButTheDocumentedCases() {
    Tally tally = new Tally(document -> ProfileAndReportSchemaTest.validateReport(document)
        .isEmpty(), SchemaReaderDifferentialTest::reportReaderMessage, BEYOND_THE_REPORT_SCHEMA);
    var checker = org.iptkit.rules.FidelityChecker.of(org.iptkit.rules.Protocols.IPT_ACUTE_16);
    for (TreatmentCourse course : List.of(org.iptkit.rules.fixtures.ReferenceCourses.acute16(),
        IptJson.strict().readCourse(MalformedDocumentsTest.BASE))) {
      String valid = IptJson.strict().writeReport(checker.check(course));
      assertThat(reportReaderMessage(valid)).isNull();
      mutants(valid).forEach(tally::add);
    }
    System.out.println("report schema/reader differential: " + tally);

    assertThat(tally.undocumented).isEmpty();
    assertThat(tally.mutants).isGreaterThan(500);
    assertThat(tally.documented.keySet()).as("every documented case is seen")
        .containsExactlyInAnyOrderElementsOf(BEYOND_THE_REPORT_SCHEMA.keySet());
  }

  @Provide
  net.jqwik.api.Arbitrary<TreatmentCourse> courses() {
    return JsonArbitraries.courses();
  }

  @Property(tries = 15)
  void generatedCoursesAndTheirMutantsAreJudgedAlike(@ForAll("courses") TreatmentCourse course) {
    String valid = IptJson.strict().writeCourse(course);
    assertThat(CourseSchemaTest.validate(valid)).isEmpty();
    Tally tally = new Tally();
    List<Mutant> all = mutants(valid);
    int stride = Math.max(1, all.size() / 300); // a spread of at most about 300 per course
    for (int i = 0; i < all.size(); i += stride) {
      tally.add(all.get(i));
    }

    assertThat(tally.undocumented).isEmpty();
  }
}
