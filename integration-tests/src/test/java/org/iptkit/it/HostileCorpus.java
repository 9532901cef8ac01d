package org.iptkit.it;

import static org.iptkit.it.Documents.SAMPLE;
import static org.iptkit.it.Documents.SAMPLE_PRETTY;
import static org.iptkit.it.Documents.concat;
import static org.iptkit.it.Documents.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of hostile inputs, every one of which a strict course reader must refuse: empty and
 * binary input, truncated documents, misplaced byte order marks, invalid UTF-8, nesting 100 000
 * levels deep, huge strings and numbers, duplicate keys, a wrong type at every place of the format
 * example, out-of-range and impossible values, and enormous arrays. The big inputs are generated
 * here; small hand-made ones (realistic export mistakes) are stored under {@code hostile/} in the
 * test resources. Also the inputs that look hostile but are valid and must be read: a leading
 * UTF-8 byte order mark, strings just under the limit, extreme but possible numbers and dates.
 */
final class HostileCorpus {
  /** One hostile input, named for test reports (the bytes are never printed). */
  record Hostile(String category, String name, byte[] bytes, Set<Context> validIn) {
    Hostile(String category, String name, byte[] bytes, Context... validIn) {
      this(category, name, bytes, validIn.length == 0 ? Set.of() : EnumSet.copyOf(List.of(validIn)));
    }

    @Override
    public String toString() {
      return category + ": " + name + " (" + bytes.length + " bytes)";
    }

    /** Whether the input spans one line (no line feed): one NDJSON record. */
    boolean singleLine() {
      for (byte b : bytes) {
        if (b == '\n') {
          return false;
        }
      }
      return true;
    }

    /** Whether the input holds nothing but white space and byte order marks (a blank line). */
    boolean blank() {
      String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "");
      return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
    }
  }

  /**
   * Where an input that is no course document is nevertheless valid: as an element of a JSON
   * array (only records count towards the length limit, not the white space between them), or as
   * a whole batch (an empty array, an array of courses, NDJSON lines, trailing blank lines).
   */
  enum Context { ARRAY_ELEMENT, BATCH }

  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final JsonMapper TREES = JsonMapper.builder().build();

  private HostileCorpus() {}

  /** Every hostile input, generated and stored. */
  static List<Hostile> all() {
    List<Hostile> all = new ArrayList<>();
    empty(all);
    truncated(all);
    binary(all);
    byteOrderMarks(all);
    invalidUtf8(all);
    deepNesting(all);
    hugeStrings(all);
    hugeNumbers(all);
    duplicateKeys(all);
    wrongTypes(all);
    impossibleValues(all);
    enormousArrays(all);
    trailing(all);
    stored(all);
    return List.copyOf(all);
  }

  // ---------------------------------------------------------------- categories

  private static void empty(List<Hostile> out) {
    String[] texts = {"", " ", "\n\n\n", "\t\r\n", "null", "true", "0", "-1", "\"\"",
        "\"course\"", "[]", "{}", "{", "}", "[", "]", ",", ":", "// a comment", "/* */ {}",
        "{\"\":\"\"}", "[{}]"};
    for (String text : texts) {
      out.add(new Hostile("empty", describe(text), utf8(text),
          text.equals("[]") ? new Context[] {Context.BATCH} : new Context[0]));
    }
    out.add(new Hostile("empty", "a NUL byte", new byte[] {0}));
  }

  private static void truncated(List<Hostile> out) {
    for (String doc : List.of(SAMPLE, SAMPLE_PRETTY)) {
      byte[] bytes = utf8(doc);
      String kind = doc == SAMPLE ? "compact" : "pretty";
      int cuts = 30;
      for (int i = 1; i < cuts; i++) {
        int at = (int) ((long) bytes.length * i / cuts);
        out.add(new Hostile("truncated", kind + " cut at byte " + at,
            Arrays.copyOf(bytes, at)));
      }
      out.add(new Hostile("truncated", kind + " without its last byte",
          Arrays.copyOf(bytes, bytes.length - 1)));
    }
    // cut inside a string, inside a number, inside a literal, inside an escape, after a name
    cutAfter(out, "\"goals\":[\"Fewer");
    cutAfter(out, "\"plannedSessions\":1");
    cutAfter(out, "\"conflict\":tr");
    cutAfter(out, "\"courseId\":");
    cutAfter(out, "\"courseId\"");
    out.add(new Hostile("truncated", "inside a unicode escape",
        utf8(SAMPLE.substring(0, SAMPLE.indexOf("Fewer")) + "\\u00")));
  }

  private static void cutAfter(List<Hostile> out, String prefix) {
    int at = SAMPLE.indexOf(prefix);
    if (at < 0) {
      throw new IllegalStateException("not in the sample: " + prefix);
    }
    out.add(new Hostile("truncated", "after " + prefix,
        utf8(SAMPLE.substring(0, at + prefix.length()))));
  }

  private static void binary(List<Hostile> out) {
    SplittableRandom random = new SplittableRandom(20261123L);
    for (int size : new int[] {1, 2, 3, 4, 5, 7, 16, 100, 1_000, 65_536, 1_000_000}) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      out.add(new Hostile("binary", "random " + size + " bytes", bytes));
    }
    for (int i = 0; i < 5; i++) {
      byte[] bytes = new byte[200 + i * 300];
      random.nextBytes(bytes);
      bytes[0] = '{';
      bytes[1] = '"';
      out.add(new Hostile("binary", "random bytes after {\" #" + i, bytes));
    }
    out.add(new Hostile("binary", "1024 NUL bytes", new byte[1024]));
    byte[] ones = new byte[1024];
    Arrays.fill(ones, (byte) 0xFF);
    out.add(new Hostile("binary", "1024 0xFF bytes", ones));
    out.add(new Hostile("binary", "gzip of the sample", gzip(utf8(SAMPLE))));
    out.add(new Hostile("binary", "zip header", concat(hex("504b0304140000000800"),
        utf8(SAMPLE))));
    out.add(new Hostile("binary", "PNG header", hex("89504e470d0a1a0a0000000d49484452")));
    out.add(new Hostile("binary", "Java serialization header", hex("aced0005737200")));
    // encodings Jackson's detection looks at the first four bytes for
    out.add(new Hostile("binary", "UCS-4 in unusual order 3412", hex("00400000")));
    out.add(new Hostile("binary", "UCS-4 in unusual order 2143", hex("0000400000004000")));
    out.add(new Hostile("binary", "UTF-32BE brace then nothing", hex("0000007b")));
    out.add(new Hostile("binary", "UTF-32LE with a code point above U+10FFFF",
        concat(hex("7b000000"), hex("22000000"), hex("00001100"), hex("22000000"))));
    out.add(new Hostile("binary", "UTF-16BE BOM and an odd byte", hex("feff007b00")));
    out.add(new Hostile("binary", "UTF-16LE with an unpaired high surrogate",
        concat(hex("fffe"), utf16le("{\"courseId\":\""), hex("00d8"), utf16le("\"}"))));
  }

  private static void byteOrderMarks(List<Hostile> out) {
    out.add(new Hostile("bom", "a byte order mark alone", BOM));
    out.add(new Hostile("bom", "two byte order marks", concat(BOM, BOM, utf8(SAMPLE))));
    out.add(new Hostile("bom", "a byte order mark and white space", concat(BOM, utf8("  \n"))));
    out.add(new Hostile("bom", "a byte order mark inside the document",
        concat(utf8("{"), BOM, utf8(SAMPLE.substring(1)))));
    out.add(new Hostile("bom", "a byte order mark after the document",
        concat(utf8(SAMPLE), BOM)));
    out.add(new Hostile("bom", "a UTF-16LE byte order mark before UTF-8",
        concat(hex("fffe"), utf8(SAMPLE))));
    out.add(new Hostile("bom", "a UTF-16BE byte order mark before UTF-8",
        concat(hex("feff"), utf8(SAMPLE))));
    out.add(new Hostile("bom", "a UTF-8 byte order mark before UTF-16",
        concat(BOM, SAMPLE.getBytes(StandardCharsets.UTF_16LE))));
    out.add(new Hostile("bom", "a byte order mark and a truncated document",
        concat(BOM, utf8(SAMPLE.substring(0, 100)))));
  }

  /** Sequences that are not UTF-8 (RFC 3629), placed in a goal, a field name, and between values. */
  private static void invalidUtf8(List<Hostile> out) {
    Map<String, String> sequences = Map.ofEntries(
        Map.entry("0xFF", "ff"),
        Map.entry("0xFE", "fe"),
        Map.entry("overlong NUL C0 80", "c080"),
        Map.entry("overlong quote C0 A2", "c0a2"),
        Map.entry("overlong C1 BF", "c1bf"),
        Map.entry("overlong three bytes E0 80 80", "e08080"),
        Map.entry("overlong four bytes F0 80 80 80", "f0808080"),
        Map.entry("encoded surrogate ED A0 80", "eda080"),
        Map.entry("encoded low surrogate ED BF BF", "edbfbf"),
        Map.entry("beyond U+10FFFF F4 90 80 80", "f4908080"),
        Map.entry("lead byte F5", "f5808080"),
        Map.entry("five-byte form F8", "f888808080"),
        Map.entry("six-byte form FC", "fc8480808080"),
        Map.entry("lone continuation 0x80", "80"),
        Map.entry("lone continuation 0xBF", "bf"),
        Map.entry("two-byte lead then ASCII", "c328"),
        Map.entry("three-byte lead cut short", "e282"),
        Map.entry("four-byte lead cut short", "f09f98"),
        Map.entry("Latin-1 e acute", "e9"));
    int goal = SAMPLE.indexOf("arguments with partner");
    int name = SAMPLE.indexOf("plannedSessions") + 4;
    int between = SAMPLE.indexOf(",\"frequency\"");
    sequences.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
      byte[] bad = hex(entry.getValue());
      out.add(new Hostile("utf8", entry.getKey() + " in a goal", insert(goal, bad)));
      out.add(new Hostile("utf8", entry.getKey() + " in a field name", insert(name, bad)));
      out.add(new Hostile("utf8", entry.getKey() + " between values", insert(between, bad)));
    });
    out.add(new Hostile("utf8", "a goal cut inside a sequence at the end of the input",
        concat(utf8(SAMPLE.substring(0, goal)), hex("e282"))));
  }

  private static byte[] insert(int at, byte[] bad) {
    return concat(utf8(SAMPLE.substring(0, at)), bad, utf8(SAMPLE.substring(at)));
  }

  private static void deepNesting(List<Hostile> out) {
    int depth = 100_000;
    out.add(new Hostile("deep", "100000 open arrays", utf8("[".repeat(depth))));
    out.add(new Hostile("deep", "100000 nested arrays, closed",
        utf8("[".repeat(depth) + "]".repeat(depth))));
    out.add(new Hostile("deep", "100000 open objects", utf8("{\"a\":".repeat(depth))));
    out.add(new Hostile("deep", "100000 nested objects, closed",
        utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))));
    out.add(new Hostile("deep", "100000 closing brackets", utf8("]".repeat(depth))));
    out.add(new Hostile("deep", "100000 levels in the sessions",
        utf8(SAMPLE.replace("\"sessions\":[", "\"sessions\":[" + "[".repeat(depth)))));
    out.add(new Hostile("deep", "100000 levels as the end date",
        utf8(SAMPLE.replace("\"endedOn\":\"2026-04-20\"",
            "\"endedOn\":" + "[".repeat(depth) + "]".repeat(depth)))));
    out.add(new Hostile("deep", "100000 levels as an unknown field",
        utf8(SAMPLE.replace("\"status\":", "\"x\":" + "{\"y\":".repeat(depth) + "0"
            + "}".repeat(depth) + ",\"status\":"))));
    out.add(new Hostile("deep", "alternating arrays and objects",
        utf8("[{\"a\":".repeat(depth / 2))));
    out.add(new Hostile("deep", "65 levels, one past the limit",
        utf8(SAMPLE.replace("\"status\":", "\"x\":" + "[".repeat(65) + "]".repeat(65)
            + ",\"status\":"))));
  }

  private static void hugeStrings(List<Hostile> out) {
    out.add(new Hostile("huge-string", "a desired change of 1000001 characters",
        utf8(SAMPLE.replace("talk without shouting", "a".repeat(1_000_001)))));
    out.add(new Hostile("huge-string", "a course id of 5000000 characters",
        utf8(SAMPLE.replace("c-0001", "c".repeat(5_000_000)))));
    out.add(new Hostile("huge-string", "a goal of 1100000 escaped characters",
        utf8(SAMPLE.replace("PHQ-9 below 5", "\\u0041".repeat(1_100_000)))));
    out.add(new Hostile("huge-string", "an unterminated string of 2000000 characters",
        utf8(SAMPLE.substring(0, SAMPLE.indexOf("Fewer")) + "x".repeat(2_000_000))));
    out.add(new Hostile("huge-string", "a field name of 2000 characters",
        utf8(SAMPLE.replace("\"status\":", "\"" + "n".repeat(2_000) + "\":1,\"status\":"))));
    out.add(new Hostile("huge-string", "an unknown enumeration value of 1000 characters",
        utf8(SAMPLE.replace("\"COMPLETED\"", "\"" + "C".repeat(1_000) + "\""))));
    out.add(new Hostile("huge-string", "a date of 100000 characters",
        utf8(SAMPLE.replace("\"2026-04-20\"", "\"" + "2".repeat(100_000) + "\""))));
    // Too long as a document; in an array only the records count, not the white space between.
    out.add(new Hostile("huge-string", "a document of 11 MB of white space before the course",
        utf8(" ".repeat(11_000_000) + SAMPLE), Context.ARRAY_ELEMENT));
    out.add(new Hostile("huge-string", "a document of 11 MB padded after the course",
        utf8(SAMPLE + "\n".repeat(11_000_000)), Context.ARRAY_ELEMENT, Context.BATCH));
    out.add(new Hostile("huge-string", "a goal list of 11 MB",
        utf8(SAMPLE.replace("\"PHQ-9 below 5\"",
            ("\"" + "g".repeat(999) + "\",").repeat(11_000) + "\"g\""))));
  }

  private static void hugeNumbers(List<Hostile> out) {
    String[] numbers = {"9".repeat(101), "9".repeat(10_000), "1" + "0".repeat(99), "1e999999",
        "-1e-999999", "1E+2147483648", "2147483648", "-2147483649", "9223372036854775808",
        "50.0", "5e1", "50.5", "NaN", "Infinity", "-Infinity", "0x32", "050", "+50", ".5",
        "5.", "--50", "5_0", "\"50\"", "1e400"};
    for (String number : numbers) {
      out.add(new Hostile("huge-number", "minutes " + describe(number),
          utf8(SAMPLE.replace("\"minutes\":50,\"attendance\":\"ATTENDED\",\"phase\":\"INITIAL\","
              + "\"setting\"", "\"minutes\":" + number
              + ",\"attendance\":\"ATTENDED\",\"phase\":\"INITIAL\",\"setting\""))));
    }
    out.add(new Hostile("huge-number", "a PHQ-9 item of 10000 digits",
        utf8(SAMPLE.replace("[2,3,2,2,1,2,2,1,0]", "[2,3,2,2,1,2,2,1," + "7".repeat(10_000) + "]"))));
    out.add(new Hostile("huge-number", "a fraction of 100 digits as circle",
        utf8(SAMPLE.replace("\"circle\":2", "\"circle\":0." + "1".repeat(100)))));
  }

  private static void duplicateKeys(List<Hostile> out) {
    replace(out, "duplicate", "course id twice", "\"courseId\":\"c-0001\",",
        "\"courseId\":\"c-0001\",\"courseId\":\"c-0002\",");
    replace(out, "duplicate", "course id 10000 times", "\"courseId\":\"c-0001\",",
        "\"courseId\":\"c-0001\",".repeat(10_000));
    replace(out, "duplicate", "sessions twice", "\"fidelityRatings\":",
        "\"sessions\":[],\"fidelityRatings\":");
    replace(out, "duplicate", "session number twice", "\"number\":1,", "\"number\":1,\"number\":1,");
    replace(out, "duplicate", "person id twice", "\"id\":\"partner\",",
        "\"id\":\"partner\",\"id\":\"other\",");
    replace(out, "duplicate", "instrument twice", "\"instrument\":\"PHQ9\",",
        "\"instrument\":\"PHQ9\",\"instrument\":\"PHQ9\",");
    replace(out, "duplicate", "items twice", "\"items\":[4,3,5,4]",
        "\"items\":[4,3,5,4],\"items\":[4,3,5,4]");
    replace(out, "duplicate", "formulation key twice", "\"patientAgreed\":true",
        "\"patientAgreed\":true,\"patientAgreed\":false");
    replace(out, "duplicate", "schema version twice", "\"schemaVersion\":\"1.0\",",
        "\"schemaVersion\":\"1.0\",\"schemaVersion\":\"1.0\",");
    replace(out, "duplicate", "a repeated unknown key", "\"status\":",
        "\"x\":1,\"x\":2,\"status\":");
  }

  /**
   * Every value of the format example replaced, one at a time, by values of other JSON types (a
   * number for a string, null for a date, an object for an array...).
   */
  private static void wrongTypes(List<Hostile> out) {
    JsonNode root = TREES.readTree(SAMPLE);
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    for (String pointer : pointers) {
      JsonNode original = root.at(pointer);
      for (JsonNode replacement : wrongTypesFor(original)) {
        if (replacement.isNull() && ITEM_OF_A_MEASURE.matcher(pointer).matches()) {
          continue; // null is an unanswered item: the one place a null is a value
        }
        JsonNode copy = root.deepCopy();
        set(copy, pointer, replacement);
        out.add(new Hostile("wrong-type", pointer + " as " + replacement,
            utf8(TREES.writeValueAsString(copy))));
      }
    }
    out.add(new Hostile("wrong-type", "the document as an array of courses",
        utf8("[" + SAMPLE + "]"), Context.BATCH));
    out.add(new Hostile("wrong-type", "the document as a string", utf8(
        TREES.writeValueAsString(JsonNodeFactory.instance.stringNode(SAMPLE)))));
  }

  private static final java.util.regex.Pattern ITEM_OF_A_MEASURE =
      java.util.regex.Pattern.compile(".*/measures/[0-9]+/items/[0-9]+");

  private static void collect(JsonNode node, String pointer, List<String> out) {
    if (!pointer.isEmpty()) {
      out.add(pointer);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collect(field.getValue(), pointer + "/" + field.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static List<JsonNode> wrongTypesFor(JsonNode original) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> all = List.of(f.nullNode(), f.booleanNode(true), f.numberNode(7),
        f.numberNode(7.5), f.stringNode("7"), f.arrayNode(), f.objectNode());
    List<JsonNode> wrong = new ArrayList<>();
    for (JsonNode candidate : all) {
      boolean sameType = candidate.getNodeType() == original.getNodeType()
          && (!candidate.isNumber() || candidate.isIntegralNumber() == original.isIntegralNumber());
      if (!sameType) {
        wrong.add(candidate);
      }
    }
    return wrong;
  }

  private static void set(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
  }

  private static void impossibleValues(List<Hostile> out) {
    String items = "\"items\":[2,3,2,2,1,2,2,1,0]";
    String[][] cases = {
        {"a PHQ-9 item scored 4", items, "\"items\":[2,3,2,2,1,2,2,1,4]"},
        {"a PHQ-9 item scored -1", items, "\"items\":[2,3,2,2,1,2,2,1,-1]"},
        {"a PHQ-9 with 8 items", items, "\"items\":[2,3,2,2,1,2,2,1]"},
        {"a PHQ-9 with 10 items", items, "\"items\":[2,3,2,2,1,2,2,1,0,0]"},
        {"a PHQ-9 without items", items, "\"items\":[]"},
        {"a total that disagrees with the items", items, items + ",\"total\":3"},
        {"a PHQ-9 total of 28", items, "\"total\":28"},
        {"a PHQ-9 total of -1", items, "\"total\":-1"},
        {"a measure with neither items nor total", "," + items, ""},
        {"an unknown instrument", "\"PHQ9\"", "\"PHQ10\""},
        {"session number 0", "\"number\":1,", "\"number\":0,"},
        {"session number -5", "\"number\":1,", "\"number\":-5,"},
        {"two sessions numbered 2", "\"number\":1,", "\"number\":2,"},
        {"minutes 0", "\"minutes\":50,\"attendance\":\"ATTENDED\",\"phase\":\"INITIAL\",\"setting\"",
            "\"minutes\":0,\"attendance\":\"ATTENDED\",\"phase\":\"INITIAL\",\"setting\""},
        {"minutes 601", "\"minutes\":50,\"attendance\":\"ATTENDED\",\"phase\":\"INITIAL\",\"tasks\"",
            "\"minutes\":601,\"attendance\":\"ATTENDED\",\"phase\":\"INITIAL\",\"tasks\""},
        {"contract minutes 0", "\"sessionMinutes\":50", "\"sessionMinutes\":0"},
        {"planned sessions 0", "\"plannedSessions\":16", "\"plannedSessions\":0"},
        {"planned sessions -16", "\"plannedSessions\":16", "\"plannedSessions\":-16"},
        {"circle 0", "\"circle\":2", "\"circle\":0"},
        {"circle -1", "\"circle\":2", "\"circle\":-1"},
        {"30 February", "\"date\":\"2026-01-05\"", "\"date\":\"2026-02-30\""},
        {"month 13", "\"date\":\"2026-01-05\"", "\"date\":\"2026-13-01\""},
        {"day 0", "\"date\":\"2026-01-05\"", "\"date\":\"2026-01-00\""},
        {"29 February of a common year", "\"date\":\"2026-01-05\"", "\"date\":\"2027-02-29\""},
        {"date without leading zeros", "\"date\":\"2026-01-05\"", "\"date\":\"2026-1-5\""},
        {"date with time", "\"date\":\"2026-01-05\"", "\"date\":\"2026-01-05T10:00:00Z\""},
        {"date 0000-00-00", "\"date\":\"2026-01-05\"", "\"date\":\"0000-00-00\""},
        {"date in words", "\"date\":\"2026-01-05\"", "\"date\":\"yesterday\""},
        {"empty date", "\"date\":\"2026-01-05\"", "\"date\":\"\""},
        {"date with a five-digit year", "\"date\":\"2026-01-05\"", "\"date\":\"12026-01-05\""},
        {"date with full-width digits", "\"date\":\"2026-01-05\"",
            "\"date\":\"\uFF12\uFF10\uFF12\uFF16-01-05\""},
        {"schema version 2.0", "\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"2.0\""},
        {"schema version 0.9", "\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"0.9\""},
        {"schema version 1", "\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"1\""},
        {"schema version empty", "\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"\""},
        {"schema version 1.0.0", "\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"1.0.0\""},
        {"schema version 99999999999.0", "\"schemaVersion\":\"1.0\"",
            "\"schemaVersion\":\"99999999999.0\""},
        {"schema version missing", "\"schemaVersion\":\"1.0\",", ""},
        {"status DONE", "\"COMPLETED\"", "\"DONE\""},
        {"status in lower case", "\"COMPLETED\"", "\"completed\""},
        {"status with a trailing space", "\"COMPLETED\"", "\"COMPLETED \""},
        {"attendance MAYBE", "\"attendance\":\"ATTENDED\"", "\"attendance\":\"MAYBE\""},
        {"contract kind SHORT", "\"kind\":\"ACUTE\"", "\"kind\":\"SHORT\""},
        {"a cancelled session with a phase and tasks", "\"attendance\":\"ATTENDED\",\"phase\":"
            + "\"INITIAL\",\"setting\"", "\"attendance\":\"CANCELLED\",\"phase\":\"INITIAL\","
            + "\"setting\""},
        {"an attended session without a phase", "\"phase\":\"INITIAL\",\"setting\"", "\"setting\""},
        {"a task listed twice", "\"tasks\":[\"INVENTORY\"]", "\"tasks\":[\"INVENTORY\",\"INVENTORY\"]"},
        {"an unknown task", "\"tasks\":[\"INVENTORY\"]", "\"tasks\":[\"HYPNOSIS\"]"},
        {"two people with the same id", "\"id\":\"sister\"", "\"id\":\"partner\""},
        {"a blank person id", "\"id\":\"sister\"", "\"id\":\"  \""},
        {"a date of death without death", "\"deceased\":true,", ""},
        {"a fidelity rating of session 0", "\"session\":5", "\"session\":0"},
        {"a fidelity rating without items", "\"items\":[4,3,5,4]", "\"items\":[]"},
        {"a fidelity rating item -4", "\"items\":[4,3,5,4]", "\"items\":[-4,3,5,4]"},
        {"a grief area with a dispute stage", "\"type\":\"ROLE_DISPUTE\"", "\"type\":\"GRIEF\""},
        {"a role transition with a person", "\"type\":\"ROLE_DISPUTE\"",
            "\"type\":\"ROLE_TRANSITION\""},
        {"an unknown problem area", "\"type\":\"ROLE_DISPUTE\"", "\"type\":\"LONELINESS\""},
        {"a problem area without a type", "\"type\":\"ROLE_DISPUTE\",", ""},
        {"the same area twice in the formulation", "\"areas\":[\"ROLE_DISPUTE\"]",
            "\"areas\":[\"ROLE_DISPUTE\",\"ROLE_DISPUTE\"]"},
        {"no course id", "\"courseId\":\"c-0001\",", ""},
        {"a blank course id", "\"courseId\":\"c-0001\"", "\"courseId\":\"\""},
        {"no protocol", "\"protocol\":\"ipt-acute-16\",", ""},
        {"no status", "\"status\":\"COMPLETED\",", ""},
        {"no sessions", ",\"sessions\":[", ",\"sessionz\":["},
        {"an unknown field", "\"status\":", "\"mood\":\"low\",\"status\":"},
        {"a field in another case", "\"courseId\"", "\"CourseId\""},
        {"a builder method as a field", "\"status\":", "\"from\":{},\"status\":"},
        {"a builder method addAllSessions", "\"status\":", "\"addAllSessions\":[],\"status\":"},
    };
    for (String[] c : cases) {
      replace(out, "impossible", c[0], c[1], c[2]);
    }
  }

  private static void enormousArrays(List<Hostile> out) {
    int n = 500_000;
    StringBuilder zeros = new StringBuilder(2 * n);
    for (int i = 0; i < n; i++) {
      zeros.append(i == 0 ? "0" : ",0");
    }
    replace(out, "enormous", "a PHQ-9 of 500000 items", "[2,3,2,2,1,2,2,1,0]",
        "[" + zeros + "]");
    replace(out, "enormous", "500000 sessions of the wrong type", "\"sessions\":[",
        "\"sessions\":[" + zeros + "],\"x\":[");
    replace(out, "enormous", "1000000 tasks, the second one repeated", "\"tasks\":[\"INVENTORY\"]",
        "\"tasks\":[" + "\"INVENTORY\",".repeat(1_000_000) + "\"INVENTORY\"]");
    replace(out, "enormous", "250000 goals and then a number", "\"PHQ-9 below 5\"",
        "\"g\",".repeat(250_000) + "7");
    StringBuilder sessions = new StringBuilder();
    for (int i = 3; i < 30_003; i++) {
      sessions.append(",{\"number\":").append(i)
          .append(",\"date\":\"2026-01-19\",\"attendance\":\"CANCELLED\"}");
    }
    replace(out, "enormous", "30000 sessions, then one of the wrong type",
        "\"techniques\":[\"DIRECT_ELICITATION\"]}", "\"techniques\":[\"DIRECT_ELICITATION\"]}"
            + sessions + ",7");
    replace(out, "enormous", "30000 sessions, then a number used twice",
        "\"techniques\":[\"DIRECT_ELICITATION\"]}", "\"techniques\":[\"DIRECT_ELICITATION\"]}"
            + sessions + ",{\"number\":3,\"date\":\"2026-01-19\",\"attendance\":\"CANCELLED\"}");
    out.add(new Hostile("enormous", "a top-level array of 1000000 numbers",
        utf8("[" + "1,".repeat(1_000_000) + "1]")));
    out.add(new Hostile("enormous", "an object of 500000 unknown fields",
        utf8(SAMPLE.replace("\"status\":", sequence("\"f%d\":0,", 500_000) + "\"status\":"))));
  }

  private static String sequence(String format, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(String.format(format, i));
    }
    return s.toString();
  }

  private static void trailing(List<Hostile> out) {
    String[] tails = {"x", " " + SAMPLE, "\n" + SAMPLE, "]", "}", ",", "null", "\u0000",
        "\n\n\n// end", "{"};
    for (String tail : tails) {
      out.add(new Hostile("trailing", "the sample and then " + describe(tail),
          utf8(SAMPLE + tail), tail.equals("\n" + SAMPLE) ? new Context[] {Context.BATCH}
              : new Context[0]));
    }
  }

  /** The small hand-made inputs stored under {@code hostile/} in the test resources. */
  private static void stored(List<Hostile> out) {
    URL folder = HostileCorpus.class.getResource("/hostile");
    if (folder == null) {
      throw new IllegalStateException("the hostile/ test resources are missing");
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        out.add(new Hostile("stored", name, Files.readAllBytes(file),
            name.startsWith("two-courses") ? new Context[] {Context.BATCH} : new Context[0]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- inputs that must be read

  /**
   * Inputs that look hostile but are valid course documents, each with its name: a leading UTF-8
   * byte order mark, strings just under the length limit, the largest numbers and the earliest and
   * latest dates the format allows, thousands of sessions and people.
   */
  static List<Hostile> validExtremes() {
    List<Hostile> out = new ArrayList<>();
    out.add(new Hostile("valid", "a UTF-8 byte order mark before the compact sample",
        concat(BOM, utf8(SAMPLE))));
    out.add(new Hostile("valid", "a UTF-8 byte order mark before the pretty sample",
        concat(BOM, utf8(SAMPLE_PRETTY))));
    out.add(new Hostile("valid", "the sample in UTF-16 with its byte order mark",
        SAMPLE.getBytes(StandardCharsets.UTF_16)));
    out.add(new Hostile("valid", "a desired change of 999999 characters",
        utf8(SAMPLE.replace("talk without shouting", "a".repeat(999_999)))));
    out.add(new Hostile("valid", "escapes, NUL and astral characters in free text",
        utf8(SAMPLE.replace("talk without shouting", "\\u0000\\t\\\" \\uD83D\\uDE00 \u00e9"))));
    String extremes = SAMPLE
        .replace("\"plannedSessions\":16", "\"plannedSessions\":2147483647")
        .replace("\"circle\":2", "\"circle\":2147483647")
        .replace("\"session\":5", "\"session\":2147483647")
        .replace("\"items\":[4,3,5,4]", "\"items\":[2147483647,0,0,0]")
        .replace("\"number\":2,\"date\":\"2026-01-12\"", "\"number\":2147483647,"
            + "\"date\":\"9999-12-31\"")
        .replace("\"agreedOn\":\"2026-01-19\"", "\"agreedOn\":\"0000-01-01\"")
        .replace("\"endedOn\":\"2026-04-20\"", "\"endedOn\":\"9999-12-31\"");
    out.add(new Hostile("valid", "the largest numbers and the extreme dates", utf8(extremes)));
    out.add(new Hostile("valid", "an ongoing course whose last session is number 2147483647",
        utf8(extremes.replace("\"COMPLETED\"", "\"ONGOING\"").replace(",\"endedOn\":\"9999-12-31\"",
            ""))));
    out.add(new Hostile("valid", "session dates in reverse order", utf8(SAMPLE
        .replace("\"date\":\"2026-01-05\"", "\"date\":\"2026-03-05\""))));
    StringBuilder sessions = new StringBuilder();
    for (int i = 3; i <= 5_000; i++) {
      sessions.append(",{\"number\":").append(i).append(",\"date\":\"")
          .append(java.time.LocalDate.of(2026, 1, 12).plusDays(i)).append("\",\"minutes\":50,"
              + "\"attendance\":\"ATTENDED\",\"phase\":\"MIDDLE\",\"tasks\":[\"INTERIM_REVIEW\"],"
              + "\"measures\":[{\"instrument\":\"PHQ9\",\"total\":").append(i % 28).append("}]}");
    }
    // The course ends on the day of its last session (it cannot end before it).
    String lastDay = java.time.LocalDate.of(2026, 1, 12).plusDays(5_000).toString();
    String many = SAMPLE.replace("\"techniques\":[\"DIRECT_ELICITATION\"]}",
        "\"techniques\":[\"DIRECT_ELICITATION\"]}" + sessions)
        .replace("\"endedOn\":\"2026-04-20\"", "\"endedOn\":\"" + lastDay + "\"");
    out.add(new Hostile("valid", "5000 sessions", utf8(many)));
    out.add(new Hostile("valid", "5000 sessions of an ongoing course",
        utf8(many.replace("\"COMPLETED\"", "\"ONGOING\"")
            .replace(",\"endedOn\":\"" + lastDay + "\"", ""))));
    out.add(new Hostile("valid", "5000 people", utf8(SAMPLE.replace(
        "\"diedOn\":\"2025-06-02\"}", "\"diedOn\":\"2025-06-02\"}"
            + sequence(",{\"id\":\"p%d\",\"relationship\":\"FRIEND\",\"circle\":3}", 5_000)))));
    out.add(new Hostile("valid", "10000 goals",
        utf8(SAMPLE.replace("\"PHQ-9 below 5\"", "\"g\",".repeat(10_000) + "\"PHQ-9 below 5\""))));
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------- helpers

  private static void replace(List<Hostile> out, String category, String name, String from,
      String to) {
    if (!SAMPLE.contains(from)) {
      throw new IllegalStateException("not in the sample: " + from);
    }
    out.add(new Hostile(category, name, utf8(SAMPLE.replaceFirst(
        java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)))));
  }

  private static String describe(String text) {
    String shown = text.length() > 20 ? text.substring(0, 20) + "… (" + text.length() + ")" : text;
    return "'" + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        .replace("\u0000", "\\0") + "'";
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] utf16le(String text) {
    return text.getBytes(StandardCharsets.UTF_16LE);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
