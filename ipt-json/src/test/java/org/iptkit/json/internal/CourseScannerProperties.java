package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.FidelityRating;
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
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.CourseArbitraries;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.json.IptJson;
import org.iptkit.json.JsonArbitraries;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.SafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast course scanner never reads a course the strict reader would not read equally (on
 * valid, mutated and embedded documents, and under a small string limit), never throws, and
 * accepts every course written in plain compact form whose strings need no escaping.
 */
class CourseScannerProperties {
  private static final IptJson COMPACT = IptJson.strict();
  private static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();
  private static final int LIMIT = IptJson.DEFAULT_MAX_STRING_LENGTH;
  private static final JsonMapper TREES = JsonMapper.builder().build();
  private static final Map<Integer, JsonSettings> SETTINGS = new HashMap<>();
  /** The compact format example (docs/format.md, Course). */
  static final String SAMPLE = COMPACT.writeCourse(SampleCourses.formatExample());
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // ---------------------------------------------------------------- the reference

  /** The course the strict reader reads from the whole of {@code bytes}, or null if it refuses. */
  static TreatmentCourse strict(byte[] bytes) {
    return strict(bytes, 0, bytes.length, LIMIT);
  }

  /**
   * The course the strict reader reads from {@code bytes[from, from + length)} with strings of at
   * most {@code maxStringLength} characters, or null if it refuses them: bytes that are not UTF-8
   * (as the batch path checks first) or a {@link JsonReadException}.
   */
  static TreatmentCourse strict(byte[] bytes, int from, int length, int maxStringLength) {
    if (Encodings.problemOf(bytes, from, length, 0) != null) {
      return null;
    }
    JsonSettings settings;
    synchronized (SETTINGS) {
      settings = SETTINGS.computeIfAbsent(maxStringLength,
          max -> new JsonSettings(false, false, 10_000_000L, max));
    }
    try (JsonParser parser = settings.courseParser(bytes, from, length)) {
      return new CourseJsonReader(parser, false, null, 0, 0).readDocument();
    } catch (JsonReadException | JacksonException e) {
      return null;
    }
  }

  /**
   * What is wrong with the scanner's answer for {@code bytes[from, from + length)}: "threw" when
   * it throws, "accepted" when it reads a course the strict reader refuses, "differs" when it
   * reads another course than the strict reader; null when the contract holds.
   */
  static String violation(byte[] bytes, int from, int length, int maxStringLength) {
    TreatmentCourse scanned;
    try {
      scanned = CourseScanner.scan(bytes, from, length, maxStringLength);
    } catch (Throwable e) { // stack overflows included: the scanner must never throw
      return "threw " + e.getClass().getSimpleName();
    }
    if (scanned == null) {
      return null;
    }
    TreatmentCourse reference = strict(bytes, from, length, maxStringLength);
    if (reference == null) {
      return "accepted";
    }
    return reference.equals(scanned) ? null : "differs";
  }

  /** Fails, with the smallest input still showing it, if the scanner breaks its contract. */
  static void assertAgrees(byte[] bytes, int from, int length, int maxStringLength) {
    String problem = violation(bytes, from, length, maxStringLength);
    if (problem == null) {
      return;
    }
    byte[] alone = Arrays.copyOfRange(bytes, from, from + length);
    String detail = "";
    if (problem.startsWith("threw")) {
      StringBuilder trace = new StringBuilder();
      try {
        CourseScanner.scan(bytes, from, length, maxStringLength);
      } catch (Throwable e) {
        trace.append(e).append('\n');
        for (StackTraceElement frame : e.getStackTrace()) {
          trace.append("  at ").append(frame).append('\n');
          if (frame.getClassName().startsWith("org.junit") || trace.length() > 3_000) {
            break;
          }
        }
      }
      detail = "\n" + trace;
    }
    String where = from == 0 && length == bytes.length ? ""
        : " (at offset " + from + ", length " + length + " of " + bytes.length + " bytes)";
    String minimal = problem.equals(violation(alone, 0, alone.length, maxStringLength))
        ? "\nminimal input: " + show(minimize(alone, problem, maxStringLength)) : "";
    fail("scan " + problem + where + " with maxStringLength " + maxStringLength + minimal
        + "\ninput: " + show(alone) + detail);
  }

  /** The contract on the whole of {@code bytes} with the default string limit. */
  static void assertAgrees(byte[] bytes) {
    assertAgrees(bytes, 0, bytes.length, LIMIT);
  }

  /**
   * A short input with the same {@link #violation}: found by removing whole fields and elements
   * while that keeps it, then ever smaller chunks of bytes.
   */
  static byte[] minimize(byte[] input, String problem, int maxStringLength) {
    byte[] best = input;
    int budget = 30_000;
    for (boolean progress = true; progress && budget > 0; ) {
      progress = false;
      List<Mutator.Member> members = Mutator.members(Mutator.tokens(best));
      for (int k = members.size() - 1; k >= 0 && budget-- > 0; k--) {
        byte[] candidate = Mutator.without(best, members.get(k));
        if (problem.equals(quietViolation(candidate, maxStringLength))) {
          best = candidate;
          progress = true;
          break;
        }
      }
    }
    for (int chunk = Integer.highestOneBit(Math.max(1, best.length)); chunk >= 1; chunk /= 2) {
      boolean progress = true;
      while (progress && budget > 0) {
        progress = false;
        for (int at = 0; at + chunk <= best.length && budget-- > 0; ) {
          byte[] candidate = splice(best, at, at + chunk, new byte[0]);
          if (problem.equals(quietViolation(candidate, maxStringLength))) {
            best = candidate;
            progress = true;
          } else {
            at += chunk;
          }
        }
      }
    }
    return best;
  }

  private static String quietViolation(byte[] candidate, int maxStringLength) {
    try {
      return violation(candidate, 0, candidate.length, maxStringLength);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Bytes as a Java string literal: printable ASCII as is, everything else escaped. */
  static String show(byte[] bytes) {
    StringBuilder s = new StringBuilder("\"");
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c == '"' || c == '\\') {
        s.append('\\').append((char) c);
      } else if (c >= 0x20 && c < 0x7F) {
        s.append((char) c);
      } else {
        s.append(String.format("\\x%02X", c));
      }
      if (s.length() > 6_000) {
        return s.append("…\" (").append(bytes.length).append(" bytes)").toString();
      }
    }
    return s.append("\" (").append(bytes.length).append(" bytes)").toString();
  }

  // ---------------------------------------------------------------- generators

  /** Courses of every shape, half of them with free text that needs escaping. */
  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return JsonArbitraries.courses();
  }

  /** Courses whose free text needs no escaping but reaches beyond ASCII (emoji included). */
  @Provide
  Arbitrary<TreatmentCourse> plainCourses() {
    return Combinators.combine(CourseArbitraries.courses(), plainText().list().ofMinSize(1)
        .ofMaxSize(4)).as(CourseScannerProperties::withPlainText);
  }

  /**
   * Text of code points that the writers write without an escape: printable ASCII but the quote
   * and the backslash, two- three- and four-byte UTF-8 (U+00A0, U+FEFF, U+FFFF, emoji), but not
   * the characters every writer escapes (DEL, C1 controls, bidi controls, U+2028 and U+2029).
   */
  static Arbitrary<String> plainText() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)
            .filter(c -> c != '"' && c != '\\')),
        Tuple.of(1, Arbitraries.of(0xA0, 0xE9, 0x7FF, 0x800, 0x2027, 0x202F, 0xFEFF, 0xFFFD,
            0xFFFF, 0x10000, 0x1F600, 0x10FFFF)),
        Tuple.of(1, Arbitraries.integers().between(0xA0, 0xD7FF)
            .filter(c -> !SafeText.isUnsafe(c))),
        Tuple.of(1, Arbitraries.integers().between(0xE000, 0x10FFFF)));
    return codePoints.list().ofMaxSize(20).map(points -> {
      StringBuilder s = new StringBuilder("x");
      points.forEach(s::appendCodePoint);
      return s.toString();
    });
  }

  /** The course with {@code texts} as its patient and therapist references, goals and rater. */
  static TreatmentCourse withPlainText(TreatmentCourse course, List<String> texts) {
    int[] next = {0};
    Supplier<String> text = () -> texts.get(next[0]++ % texts.size());
    List<Contract> contracts = new ArrayList<>();
    for (Contract contract : course.contracts()) {
      contracts.add(Contract.copyOf(contract).withGoals(text.get(), text.get()));
    }
    List<FidelityRating> ratings = new ArrayList<>();
    for (FidelityRating rating : course.fidelityRatings()) {
      ratings.add(FidelityRating.copyOf(rating).withRater(text.get()));
    }
    return TreatmentCourse.copyOf(course).withPatientRef(text.get())
        .withTherapistRef(text.get()).withContracts(contracts).withFidelityRatings(ratings);
  }

  /** The course as the compact writer writes it, in UTF-8. */
  static byte[] compact(TreatmentCourse course) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    COMPACT.writeCourse(course, out);
    return out.toByteArray();
  }

  /** The course as the pretty writer writes it, in UTF-8. */
  static byte[] pretty(TreatmentCourse course) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PRETTY.writeCourse(course, out);
    return out.toByteArray();
  }

  /** Whether the bytes hold a backslash: an escape, which the scanner leaves to the reader. */
  static boolean hasBackslash(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\\') {
        return true;
      }
    }
    return false;
  }

  /** The UTF-8 bytes of a text. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- valid courses

  @Property(tries = 300)
  void everyCompactCourseTheWriterWritesIsReadEqually(@ForAll("courses") TreatmentCourse course) {
    // Half of the courses carry free text with quotes, backslashes, control characters and line
    // breaks, which the writer escapes: the scanner decodes those escapes as the reader does.
    byte[] bytes = compact(course);
    assertThat(strict(bytes)).isEqualTo(course);
    assertAgrees(bytes);
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT))
        .as("compact course %s", show(bytes)).isNotNull().isEqualTo(course);
  }

  /** A small course with one contract goal, GOAL, to replace. */
  private static final String SAMPLE_WITH_GOAL = "{\"schemaVersion\":\"1.0\",\"courseId\":\"c-1\","
      + "\"protocol\":\"ipt\",\"status\":\"ONGOING\",\"contracts\":[{\"kind\":\"ACUTE\","
      + "\"agreedOn\":\"2026-01-19\",\"goals\":[\"GOAL\"]}],\"sessions\":[]}";

  @Test
  void everyJsonEscapeInFreeTextIsDecodedAsTheReaderDecodesIt() {
    // Each escape JSON defines, upper- and lower-case hex, a lone surrogate and a pair, an
    // escaped NUL, and an escape at the start and the end of the string.
    String text = "\\\"a\\\\b\\/c\\bd\\fe\\nf\\rg\\th\\u00e9\\u00C9\\ud83d\\ude00"
        + "\\uD800 \\u0000z\\u2028\\\"";
    byte[] bytes = utf8(SAMPLE_WITH_GOAL.replace("GOAL", text));
    TreatmentCourse reference = strict(bytes);
    assertThat(reference).isNotNull();
    assertThat(reference.contracts().get(0).goals().get(0)).isEqualTo(
        "\"a\\b/c\bd\fe\nf\rg\th\u00e9\u00c9\ud83d\ude00\ud800 \u0000z\u2028\"");
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT)).isEqualTo(reference);
    // Escapes JSON does not define, cut-off ones and escapes in enumeration values are left
    // to the reader (which refuses the first two and reads the last).
    for (String odd : new String[] {"\\x41", "\\u00G1", "\\u00e", "\\'", "\\U0041", "a\\"}) {
      byte[] oddBytes = utf8(SAMPLE_WITH_GOAL.replace("GOAL", odd));
      assertThat(CourseScanner.scan(oddBytes, 0, oddBytes.length, LIMIT)).as(odd).isNull();
      assertThat(strict(oddBytes)).as(odd).isNull();
    }
    byte[] escapedEnum = utf8(SAMPLE_WITH_GOAL.replace("GOAL", "g")
        .replace("\"kind\":\"ACUTE\"", "\"kind\":\"\\u0041CUTE\""));
    assertThat(strict(escapedEnum)).isNotNull();
    assertThat(CourseScanner.scan(escapedEnum, 0, escapedEnum.length, LIMIT)).isNull();
  }

  @Test
  void textTheWritersEscapeIsWrittenEscapedAndReadBackUnchanged() {
    TreatmentCourse sample = SampleCourses.formatExample();
    for (String text : List.of("a\u007fb", "\u2028\u2029", "x\u0085y", "\u202Eab\u202C",
        "\u2066\u200E\u200F\u061C", "\u009B31m")) {
      TreatmentCourse course = TreatmentCourse.builder().from(sample).patientRef(text).build();
      byte[] bytes = compact(course);
      String written = new String(bytes, StandardCharsets.UTF_8);
      assertThat(written).as(text).contains("\"patientRef\":\"" + SafeText.escape(text) + "\"");
      for (int i = 0; i < written.length(); i++) {
        assertThat(SafeText.isUnsafe(written.charAt(i))).as("raw in %s", written).isFalse();
      }
      assertThat(strict(bytes)).as(text).isEqualTo(course);
    }
  }

  @Property(tries = 300)
  void plainTextBeyondAsciiIsAlwaysRead(@ForAll("plainCourses") TreatmentCourse course) {
    byte[] bytes = compact(course);
    assertThat(hasBackslash(bytes)).as("plain text written with an escape").isFalse();
    assertThat(strict(bytes)).isEqualTo(course);
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT))
        .as("plain compact course %s", show(bytes)).isNotNull().isEqualTo(course);
  }

  @Property(tries = 100)
  void prettyCoursesAndNdjsonLinesAreReadEquallyOrLeftToTheStrictReader(
      @ForAll("courses") TreatmentCourse course) {
    byte[] pretty = pretty(course);
    assertAgrees(pretty);
    byte[] line = concat(compact(course), utf8("\r\n"));
    assertAgrees(line);
    assertAgrees(line, 0, line.length - 1, LIMIT);
  }

  // ---------------------------------------------------------------- mutated courses

  @Property(tries = 2500, shrinking = ShrinkingMode.OFF)
  void mutatedCoursesAreNeverReadOtherwiseThanByTheStrictReader(
      @ForAll("courses") TreatmentCourse course, @ForAll long seed) {
    Random random = new Random(seed);
    byte[] original = random.nextInt(8) == 0 ? pretty(course) : compact(course);
    for (int i = 0; i < 6; i++) {
      byte[] mutant = Mutator.mutate(original, random, mutations(random));
      assertAgrees(mutant);
      collectOutcome(mutant);
    }
  }

  /** Counts, for jqwik's statistics, how many mutants the scanner read (all checked equal). */
  static void collectOutcome(byte[] mutant) {
    boolean scanned = CourseScanner.scan(mutant, 0, mutant.length, LIMIT) != null;
    Statistics.label("mutants").collect(scanned ? "read by the scanner"
        : "left to the strict reader");
  }

  /** One to three mutations, one half of the time (most single ones keep a valid document). */
  static int mutations(Random random) {
    return random.nextBoolean() ? 1 : 1 + random.nextInt(3);
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void mutatedSampleIsNeverReadOtherwiseThanByTheStrictReader(@ForAll long seed) {
    Random random = new Random(seed);
    byte[] original = utf8(SAMPLE);
    for (int i = 0; i < 5; i++) {
      byte[] mutant = Mutator.mutate(original, random, mutations(random));
      assertAgrees(mutant);
      collectOutcome(mutant);
    }
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void onlyTheGivenRangeIsRead(@ForAll("courses") TreatmentCourse course, @ForAll long seed) {
    Random random = new Random(seed);
    byte[] written = compact(course);
    boolean plain = random.nextBoolean();
    byte[] document = plain ? written : Mutator.mutate(written, random, mutations(random));
    byte[] prefix = surroundings(random, written);
    byte[] suffix = surroundings(random, written);
    byte[] all = concat(prefix, document, suffix);
    int from = prefix.length;
    assertAgrees(all, from, document.length, LIMIT);
    TreatmentCourse embedded = CourseScanner.scan(all, from, document.length, LIMIT);
    TreatmentCourse alone = CourseScanner.scan(document, 0, document.length, LIMIT);
    assertThat(embedded).as("the same answer at offset %d of %s as alone: %s", from,
        show(all), show(document)).isEqualTo(alone);
    if (plain && !hasBackslash(written)) {
      assertThat(embedded).as("plain course at offset %d", from).isEqualTo(course);
    }
  }

  /** Bytes around an embedded document: nothing, noise, or things that continue its syntax. */
  static byte[] surroundings(Random random, byte[] document) {
    String[] texts = {"", " ", "\n", "[", "]", "}", "{", ",", "\"", "\\", "0", "123", "e5", ".5",
        "x", ",\"x\":1}", "\"courseId\":\"z\"}", "\u00e9", "\r\n"};
    return switch (random.nextInt(5)) {
      case 0 -> new byte[0];
      case 1 -> utf8(texts[random.nextInt(texts.length)]);
      case 2 -> document;
      case 3 -> {
        byte[] noise = new byte[1 + random.nextInt(40)];
        random.nextBytes(noise);
        yield noise;
      }
      default -> {
        byte[] b = new byte[1 + random.nextInt(8)];
        for (int i = 0; i < b.length; i++) {
          b[i] = Mutator.SPECIAL[random.nextInt(Mutator.SPECIAL.length)];
        }
        yield b;
      }
    };
  }

  // ---------------------------------------------------------------- the string limit

  @Property(tries = 150, shrinking = ShrinkingMode.OFF)
  void aSmallStringLimitIsTheStrictReadersLimit(@ForAll("plainCourses") TreatmentCourse course,
      @ForAll @IntRange(min = 1, max = 40) int limit, @ForAll long seed) {
    byte[] bytes = compact(course);
    assertAgrees(bytes, 0, bytes.length, limit);
    Random random = new Random(seed);
    byte[] mutant = Mutator.mutate(bytes, random, 1 + random.nextInt(2));
    assertAgrees(mutant, 0, mutant.length, limit);
  }

  @Test
  void aGoalOverTheStringLimitIsLeftToTheStrictReader() {
    String course = "{\"schemaVersion\":\"1.0\",\"courseId\":\"c-1\",\"protocol\":\"ipt\","
        + "\"status\":\"ONGOING\",\"contracts\":[{\"kind\":\"ACUTE\",\"agreedOn\":\"2026-01-19\","
        + "\"goals\":[\"GOAL\"]}],\"sessions\":[]}";
    byte[] fifty = utf8(course.replace("GOAL", "g".repeat(50)));
    assertThat(strict(fifty)).as("valid with the default limit").isNotNull();
    assertThat(strict(fifty, 0, fifty.length, 10)).as("the strict reader with limit 10").isNull();
    assertThat(CourseScanner.scan(fifty, 0, fifty.length, 10)).isNull();
    // Jackson counts characters (UTF-16 units): six emoji are 12 of them, eight é are 8
    for (String goal : List.of("g".repeat(10), "g".repeat(11), "\uD83D\uDE00".repeat(5),
        "\uD83D\uDE00".repeat(6), "\u00e9".repeat(8), "\u65e5".repeat(11))) {
      byte[] bytes = utf8(course.replace("GOAL", goal));
      for (int limit = 8; limit <= 13; limit++) {
        assertAgrees(bytes, 0, bytes.length, limit);
      }
    }
  }

  @Test
  void aStringOverTheLimitInBytesButNotInCharactersIsLeftToTheReader() {
    // 500 001 two-byte characters: within the default limit of 1 000 000 characters, over it
    // in bytes. The scanner compares bytes with the limit and leaves such a string to the
    // reader, which counts characters and reads the course.
    String goal = "\u00e9".repeat(500_001);
    TreatmentCourse sample = SampleCourses.formatExample();
    byte[] bytes = compact(TreatmentCourse.copyOf(sample)
        .withContracts(Contract.copyOf(sample.contracts().get(0)).withGoals(goal)));
    assertThat(strict(bytes)).isNotNull();
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT)).isNull();
  }

  // ---------------------------------------------------------------- targeted examples

  /** A named input for a parameterized example. */
  record Case(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The sample with the first {@code from} replaced by {@code to}. */
  static Case replace(String name, String from, String to) {
    return replace(name, SAMPLE, from, to);
  }

  /** {@code document} with the first {@code from} replaced by {@code to}. */
  static Case replace(String name, String document, String from, String to) {
    int at = document.indexOf(from);
    if (at < 0) {
      throw new IllegalStateException(name + ": not in the document: " + from);
    }
    return new Case(name, utf8(document.substring(0, at) + to
        + document.substring(at + from.length())));
  }

  /** The sample with bytes {@code inserted} just before {@code before}. */
  static Case insertBytes(String name, String before, byte[] inserted) {
    int at = SAMPLE.indexOf(before);
    if (at < 0) {
      throw new IllegalStateException(name + ": not in the sample: " + before);
    }
    return new Case(name, concat(utf8(SAMPLE.substring(0, at)), inserted,
        utf8(SAMPLE.substring(at))));
  }

  /** The sample with the object at {@code pointer} changed by {@code edit}, written compactly. */
  static Case edit(String name, String pointer, Consumer<ObjectNode> edit) {
    JsonNode root = TREES.readTree(SAMPLE);
    JsonNode target = root.at(pointer);
    if (!(target instanceof ObjectNode object)) {
      throw new IllegalStateException(name + ": no object at " + pointer);
    }
    edit.accept(object);
    return new Case(name, utf8(TREES.writeValueAsString(root)));
  }

  /** The sample without {@code field} in the object at {@code pointer}. */
  static Case without(String pointer, String field) {
    return edit("no " + field + " in " + (pointer.isEmpty() ? "the course" : pointer), pointer,
        o -> {
          if (o.remove(field) == null) {
            throw new IllegalStateException("no " + field + " at " + pointer);
          }
        });
  }

  /** Inputs the strict reader refuses, one per rule of the format the scanner must keep. */
  static Stream<Case> refused() {
    List<Case> c = new ArrayList<>();
    // unknown fields
    c.add(replace("an unknown field", "\"status\":", "\"mood\":\"low\",\"status\":"));
    c.add(replace("an unknown field in a session", "\"number\":1,", "\"number\":1,\"mood\":1,"));
    c.add(replace("an unknown field in a measure", "\"instrument\":\"PHQ9\",",
        "\"instrument\":\"PHQ9\",\"x\":[],"));
    c.add(replace("an unknown field last", "\"endedOn\":\"2026-04-20\"",
        "\"endedOn\":\"2026-04-20\",\"x\":null"));
    c.add(replace("a field name in another case", "\"courseId\"", "\"CourseId\""));
    c.add(replace("a field name with a trailing space", "\"courseId\"", "\"courseId \""));
    c.add(replace("a prefix of a field name", "\"courseId\"", "\"course\""));
    c.add(replace("a field name one letter longer", "\"courseId\"", "\"courseIds\""));
    c.add(replace("a builder method as a field", "\"status\":", "\"from\":{},\"status\":"));
    c.add(replace("a field of a session in the course", "\"status\":", "\"phase\":\"INITIAL\","
        + "\"status\":"));
    c.add(replace("a field of the course in a session", "\"number\":1,",
        "\"number\":1,\"status\":\"ONGOING\","));
    // repeated fields
    c.add(replace("the course id twice", "\"courseId\":\"c-0001\",",
        "\"courseId\":\"c-0001\",\"courseId\":\"c-0001\","));
    c.add(replace("the course id twice, differently", "\"courseId\":\"c-0001\",",
        "\"courseId\":\"c-0001\",\"courseId\":\"c-0002\","));
    c.add(replace("the schema version twice", "\"schemaVersion\":\"1.0\",",
        "\"schemaVersion\":\"1.0\",\"schemaVersion\":\"1.0\","));
    c.add(replace("the sessions twice", "\"fidelityRatings\":",
        "\"sessions\":[],\"fidelityRatings\":"));
    c.add(replace("the end date twice", "\"endedOn\":\"2026-04-20\"",
        "\"endedOn\":\"2026-04-20\",\"endedOn\":\"2026-04-20\""));
    c.add(replace("the contracts twice", "\"inventories\":",
        "\"contracts\":[],\"inventories\":"));
    c.add(replace("a session number twice", "\"number\":1,", "\"number\":1,\"number\":1,"));
    c.add(replace("session minutes twice, differently", "\"minutes\":50,",
        "\"minutes\":50,\"minutes\":45,"));
    c.add(replace("a session attendance twice", "\"attendance\":\"ATTENDED\",",
        "\"attendance\":\"ATTENDED\",\"attendance\":\"ATTENDED\","));
    c.add(replace("the tasks of a session twice", "\"tasks\":[\"INVENTORY\"]",
        "\"tasks\":[\"INVENTORY\"],\"tasks\":[\"INVENTORY\"]"));
    c.add(replace("a person id twice", "\"id\":\"partner\",",
        "\"id\":\"partner\",\"id\":\"other\","));
    c.add(replace("an instrument twice", "\"instrument\":\"PHQ9\",",
        "\"instrument\":\"PHQ9\",\"instrument\":\"PHQ9\","));
    c.add(replace("rating items twice", "\"items\":[4,3,5,4]",
        "\"items\":[4,3,5,4],\"items\":[4,3,5,4]"));
    c.add(replace("a formulation field twice", "\"patientAgreed\":true",
        "\"patientAgreed\":true,\"patientAgreed\":true"));
    c.add(replace("a contract kind twice", "\"kind\":\"ACUTE\",",
        "\"kind\":\"ACUTE\",\"kind\":\"ACUTE\","));
    c.add(replace("a problem area stage twice", "\"stage\":\"IMPASSE\"",
        "\"stage\":\"IMPASSE\",\"stage\":\"IMPASSE\""));
    c.add(replace("a person flag twice", "\"confidant\":true",
        "\"confidant\":true,\"confidant\":true"));
    // repeated values of enumeration sets
    c.add(replace("a task listed twice", "\"tasks\":[\"INVENTORY\"]",
        "\"tasks\":[\"INVENTORY\",\"INVENTORY\"]"));
    c.add(replace("a task listed twice, apart", "\"MEDICATION_EVALUATED\"]",
        "\"MEDICATION_EVALUATED\",\"DIAGNOSIS_NAMED\"]"));
    c.add(replace("a technique listed twice", "\"techniques\":[\"EXPLORATION\"]",
        "\"techniques\":[\"EXPLORATION\",\"EXPLORATION\"]"));
    c.add(replace("an area listed twice in the formulation", "\"areas\":[\"ROLE_DISPUTE\"]",
        "\"areas\":[\"ROLE_DISPUTE\",\"ROLE_DISPUTE\"]"));
    c.add(replace("a focus listed twice", "\"tasks\":[\"INVENTORY\"]",
        "\"tasks\":[\"INVENTORY\"],\"focus\":[\"ROLE_DISPUTE\",\"ROLE_DISPUTE\"]"));
    // missing required fields
    c.add(without("", "schemaVersion"));
    c.add(without("", "courseId"));
    c.add(without("", "protocol"));
    c.add(without("", "status"));
    c.add(without("", "sessions"));
    c.add(without("/sessions/0", "number"));
    c.add(without("/sessions/0", "date"));
    c.add(without("/sessions/0", "attendance"));
    c.add(without("/sessions/1", "phase")); // an ATTENDED session
    c.add(without("/sessions/0/measures/0", "instrument"));
    c.add(without("/sessions/0/measures/0", "items")); // neither items nor total
    c.add(edit("a measure with \"items\":[]", "/sessions/0/measures/0",
        o -> o.putArray("items")));
    c.add(edit("a measure with \"items\":[] and a total", "/sessions/0/measures/0", o -> {
      o.putArray("items");
      o.put("total", 15);
    }));
    c.add(without("/contracts/0", "kind"));
    c.add(without("/contracts/0", "agreedOn"));
    c.add(without("/inventories/0", "takenOn"));
    c.add(without("/inventories/0", "people"));
    c.add(without("/inventories/0/people/1", "id"));
    c.add(without("/problemAreas/0", "type"));
    c.add(without("/formulation", "sharedOn"));
    c.add(without("/fidelityRatings/0", "session"));
    c.add(without("/fidelityRatings/0", "scale"));
    c.add(without("/fidelityRatings/0", "items"));
    // fields of another kind of problem area
    c.add(edit("a GRIEF area with fromRole", "/problemAreas/0", o -> {
      o.put("type", "GRIEF");
      o.remove("stage");
      o.put("fromRole", "worker");
    }));
    c.add(edit("a GRIEF area with a dispute stage", "/problemAreas/0",
        o -> o.put("type", "GRIEF")));
    c.add(edit("a ROLE_TRANSITION with a person", "/problemAreas/0",
        o -> o.put("type", "ROLE_TRANSITION")));
    c.add(edit("INTERPERSONAL_DEFICITS with a person", "/problemAreas/0", o -> {
      o.put("type", "INTERPERSONAL_DEFICITS");
      o.remove("stage");
    }));
    // schema versions
    for (String version : List.of("2.0", "1", "01.0", "1.", "1.123456789012", "", "0.9", "1.0.0",
        ".0", " 1.0", "1.0 ", "1.a", "1,0", "\uFF11.0", "1234567.0", "10.0", "-1.0", "+1.0")) {
      c.add(replace("schema version \"" + version + "\"", "\"schemaVersion\":\"1.0\"",
          "\"schemaVersion\":\"" + version + "\""));
    }
    for (String version : List.of("1.0", "1", "null", "[\"1.0\"]", "true")) {
      c.add(replace("schema version " + version + " unquoted", "\"schemaVersion\":\"1.0\"",
          "\"schemaVersion\":" + version));
    }
    // integers
    for (String number : List.of("2147483648", "4294967312", "9223372036854775824",
        "18446744073709551632", "1" + "0".repeat(100), "16.0", "1.0", "1e2", "1E2", "16e0",
        "1.6e1", "-1", "-16", "-0", "01", "016", "00", "+16", "0x10", ".5", "1.", "16.", "NaN",
        "Infinity", "--16", "1_6", "\"16\"", "null", "true", "[16]")) {
      c.add(replace("planned sessions " + number, "\"plannedSessions\":16",
          "\"plannedSessions\":" + number));
    }
    for (String number : List.of("4294967297", "-4294967295", "1.0", "01", "-1", "0")) {
      c.add(replace("session number " + number, "\"number\":1,", "\"number\":" + number + ","));
    }
    for (String number : List.of("4294967296", "4", "-1", "0.0", "1e0")) {
      c.add(replace("a PHQ-9 item " + number, "[2,3,2,2,1,2,2,1,0]",
          "[2,3,2,2,1,2,2,1," + number + "]"));
    }
    // dates
    for (String date : List.of("2025-02-30", "2025-2-03", "2025-02-29", "2026-13-01",
        "2026-00-10", "2026-01-00", "2026-01-32", "2026-1-190", "2026/01/19", "20260119",
        "2026-01-19T00:00", "2026-01-19 ", " 2026-01-19", "", "+2026-01-19", "-2026-01-19",
        "\uFF12\uFF10\uFF12\uFF16-01-19", "2026-01-1x", "2026-01-\u00e9", "02026-01-1",
        "2026-01/19", "2026-01019", "2026/01-19", "2026001-19", "2026-0a-19", "2026-01-1\u0000")) {
      c.add(replace("agreed on \"" + date + "\"", "\"agreedOn\":\"2026-01-19\"",
          "\"agreedOn\":\"" + date + "\""));
    }
    c.add(replace("a session date 2025-02-30", "\"date\":\"2026-01-05\"",
        "\"date\":\"2025-02-30\""));
    c.add(replace("an end date 2025-2-03", "\"endedOn\":\"2026-04-20\"",
        "\"endedOn\":\"2025-2-03\""));
    // raw control characters
    for (int control : new int[] {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F}) {
      c.add(insertBytes(String.format("a raw control character 0x%02X in a goal", control),
          "arguments with", new byte[] {(byte) control}));
    }
    c.add(insertBytes("a raw control character in a field name", "Id\":\"c-0001",
        new byte[] {1}));
    c.add(insertBytes("a raw control character in an enumeration value", "LETED\"",
        new byte[] {1}));
    // not UTF-8
    String[][] notUtf8 = {{"0xFF", "ff"}, {"0xFE", "fe"}, {"overlong C0 AF", "c0af"},
        {"overlong quote C0 A2", "c0a2"}, {"overlong E0 80 AF", "e080af"},
        {"overlong F0 80 80 AF", "f08080af"}, {"encoded surrogate ED A0 80", "eda080"},
        {"beyond U+10FFFF F4 90 80 80", "f4908080"}, {"lone continuation 80", "80"},
        {"a lead C3 and ASCII", "c328"}, {"a cut E2 82", "e282"}, {"a cut F0 9F 98", "f09f98"},
        {"Latin-1 e9", "e9"}, {"five bytes F8", "f888808080"}};
    for (String[] bad : notUtf8) {
      byte[] bytes = java.util.HexFormat.of().parseHex(bad[1]);
      c.add(insertBytes("not UTF-8 (" + bad[0] + ") inside a goal", "arguments with", bytes));
      c.add(insertBytes("not UTF-8 (" + bad[0] + ") at the end of a goal",
          "\",\"PHQ-9 below", bytes));
    }
    c.add(insertBytes("not UTF-8 (0xFF) in a field name", "Id\":\"c-0001",
        new byte[] {(byte) 0xFF}));
    c.add(insertBytes("not UTF-8 (0xFF) between values", ",\"frequency\"",
        new byte[] {(byte) 0xFF}));
    // trailing content, several documents, nothing at all
    for (String tail : List.of(" x", "x", "}", "]", ",", "{", "\u0000", "null", "0", "\"\"",
        "//", "/* */", "\u00a0", SAMPLE, "\n" + SAMPLE, " {}")) {
      c.add(new Case("the document and then " + tail.replace("\u0000", "NUL")
          .replace(SAMPLE, "SAMPLE").replace("\n", "\\n"), utf8(SAMPLE + tail)));
    }
    c.add(new Case("the document and a byte order mark", concat(utf8(SAMPLE), BOM)));
    c.add(new Case("two byte order marks", concat(BOM, BOM, utf8(SAMPLE))));
    c.add(new Case("a byte order mark inside", concat(utf8("{"), BOM, utf8(SAMPLE.substring(1)))));
    for (String text : List.of("", " ", " \n\t\r ", "\n\n", "{}", "[]", "null", "\"c-0001\"",
        "[" + SAMPLE + "]", "{\"\":\"\"}", "1", "true")) {
      c.add(new Case("only " + (text.length() > 10 ? "[SAMPLE]" : "'" + text.replace("\n", "\\n")
          .replace("\t", "\\t").replace("\r", "\\r") + "'"), utf8(text)));
    }
    c.add(new Case("only a byte order mark", BOM));
    c.add(new Case("a byte order mark and white space", concat(BOM, utf8(" \n"))));
    // malformed syntax
    c.add(replace("a trailing comma in the course", "\"endedOn\":\"2026-04-20\"}",
        "\"endedOn\":\"2026-04-20\",}"));
    c.add(replace("a trailing comma in an array", "\"PHQ-9 below 5\"]", "\"PHQ-9 below 5\",]"));
    c.add(replace("a leading comma in an array", "\"goals\":[", "\"goals\":[,"));
    c.add(replace("a missing comma", "\"courseId\":\"c-0001\",", "\"courseId\":\"c-0001\""));
    c.add(replace("a missing comma in an array", "[2,3,", "[2 3,"));
    c.add(replace("a missing colon", "\"courseId\":", "\"courseId\""));
    c.add(replace("a double colon", "\"courseId\":", "\"courseId\"::"));
    c.add(replace("single quotes", "\"courseId\":\"c-0001\"", "'courseId':'c-0001'"));
    c.add(replace("an unquoted field name", "\"courseId\":", "courseId:"));
    c.add(replace("an unquoted value", "\"COMPLETED\"", "COMPLETED"));
    c.add(replace("a comment", "\"status\":", "/* x */\"status\":"));
    c.add(replace("True", "\"conflict\":true", "\"conflict\":True"));
    c.add(replace("tru", "\"conflict\":true", "\"conflict\":tru"));
    c.add(replace("truex", "\"conflict\":true", "\"conflict\":truex"));
    c.add(replace("a boolean as a string", "\"conflict\":true", "\"conflict\":\"true\""));
    c.add(replace("a boolean as a number", "\"conflict\":true", "\"conflict\":1"));
    c.add(replace("an unclosed array", "\"goals\":[\"Fewer arguments with partner\",\"PHQ-9 "
        + "below 5\"]", "\"goals\":[\"Fewer arguments with partner\",\"PHQ-9 below 5\""));
    c.add(replace("a bracket for a brace", "\"sessionMinutes\":50,\"goals\":[\"Fewer arguments"
        + " with partner\",\"PHQ-9 below 5\"]}", "\"sessionMinutes\":50,\"goals\":[\"Fewer "
        + "arguments with partner\",\"PHQ-9 below 5\"]]"));
    c.add(new Case("the document without its closing brace",
        utf8(SAMPLE.substring(0, SAMPLE.length() - 1))));
    c.add(new Case("the document cut inside a string",
        utf8(SAMPLE.substring(0, SAMPLE.indexOf("Fewer") + 3))));
    c.add(replace("an unterminated escape", "c-0001", "c-0001\\"));
    c.add(replace("a bad escape", "c-0001", "c-\\x0001"));
    c.add(replace("a short unicode escape", "c-0001", "c-\\u001"));
    c.add(replace("vertical tab as white space", "\"status\":", "\u000b\"status\":"));
    c.add(replace("form feed as white space", "\"status\":", "\f\"status\":"));
    c.add(replace("no-break space as white space", "\"status\":", "\u00a0\"status\":"));
    c.add(replace("line separator as white space", "\"status\":", "\u2028\"status\":"));
    // nulls and values of other types
    for (String[] field : new String[][] {{"patientRef", "\"pt-7f3a\""},
        {"endedOn", "\"2026-04-20\""}, {"goals", "[\"Fewer arguments with partner\",\"PHQ-9 "
        + "below 5\"]"}, {"confidant", "true"}, {"formulation", "{\"sharedOn\":\"2026-01-19\","
        + "\"areas\":[\"ROLE_DISPUTE\"],\"patientAgreed\":true}"}, {"cpt", "\"90834\""},
        {"setting", "\"INDIVIDUAL\""}, {"status", "\"COMPLETED\""}, {"courseId", "\"c-0001\""}}) {
      String from = "\"" + field[0] + "\":" + field[1];
      c.add(replace(field[0] + " null", from, "\"" + field[0] + "\":null"));
      c.add(replace(field[0] + " 7", from, "\"" + field[0] + "\":7"));
      c.add(replace(field[0] + " {}", from, "\"" + field[0] + "\":{}"));
    }
    c.add(replace("a goal null", "\"PHQ-9 below 5\"", "null"));
    c.add(replace("a goal 5", "\"PHQ-9 below 5\"", "5"));
    c.add(replace("a task null", "\"tasks\":[\"INVENTORY\"]", "\"tasks\":[null]"));
    c.add(replace("tasks as a string", "\"tasks\":[\"INVENTORY\"]", "\"tasks\":\"INVENTORY\""));
    c.add(replace("sessions as an object", "\"sessions\":[", "\"sessions\":{\"a\":"));
    c.add(replace("circle as a string", "\"circle\":2", "\"circle\":\"2\""));
    // enumeration values
    String[][] enumValues = {{"\"status\":\"COMPLETED\"", "DONE"},
        {"\"status\":\"COMPLETED\"", "completed"}, {"\"status\":\"COMPLETED\"", "COMPLETED "},
        {"\"status\":\"COMPLETED\"", "COMPLETE"}, {"\"status\":\"COMPLETED\"", "COMPLETEDX"},
        {"\"status\":\"COMPLETED\"", "ATTENDED"}, {"\"status\":\"COMPLETED\"", ""},
        {"\"attendance\":\"ATTENDED\"", "COMPLETED"}, {"\"instrument\":\"PHQ9\"", "GRIEF"},
        {"\"instrument\":\"PHQ9\"", "PHQ10"}, {"\"tasks\":[\"INVENTORY\"", "EXPLORATION"},
        {"\"areas\":[\"ROLE_DISPUTE\"", "INVENTORY"}, {"\"type\":\"ROLE_DISPUTE\"", "IMPASSE"},
        {"\"phase\":\"INITIAL\"", "INITIAL\u0000"}, {"\"kind\":\"ACUTE\"", "WEEKLY"}};
    for (String[] value : enumValues) {
      int quote = value[0].lastIndexOf('"', value[0].length() - 2);
      c.add(replace(value[0] + " as \"" + value[1].replace("\u0000", "NUL") + "\"", value[0],
          value[0].substring(0, quote) + "\"" + value[1] + "\""));
    }
    // what the core model refuses
    c.add(replace("two sessions numbered 1", "\"number\":2,", "\"number\":1,"));
    c.add(replace("a blank course id", "\"courseId\":\"c-0001\"", "\"courseId\":\"\""));
    c.add(replace("a blank person id", "\"id\":\"sister\"", "\"id\":\"  \""));
    c.add(replace("two people with the same id", "\"id\":\"sister\"", "\"id\":\"partner\""));
    c.add(replace("a PHQ-9 with 8 items", "[2,3,2,2,1,2,2,1,0]", "[2,3,2,2,1,2,2,1]"));
    c.add(replace("a total that disagrees with the items", "[2,3,2,2,1,2,2,1,0]",
        "[2,3,2,2,1,2,2,1,0],\"total\":3"));
    c.add(replace("a cancelled session with a phase", "\"attendance\":\"ATTENDED\",\"phase\":"
        + "\"INITIAL\",\"setting\"", "\"attendance\":\"CANCELLED\",\"phase\":\"INITIAL\","
        + "\"setting\""));
    c.add(replace("a date of death without death", "\"deceased\":true,", ""));
    c.add(replace("a total for a PHQ-9 whose safety item is unanswered", "[2,3,2,2,1,2,2,1,0]",
        "[2,3,2,2,1,2,2,1,null],\"total\":15"));
    c.add(replace("a total for a PHQ-9 with three items unanswered", "[2,3,2,2,1,2,2,1,0]",
        "[2,null,null,null,1,2,2,1,0],\"total\":15"));
    c.add(replace("an ONGOING course with an end date", "\"status\":\"COMPLETED\"",
        "\"status\":\"ONGOING\""));
    c.add(replace("an end date before the last session", "\"endedOn\":\"2026-04-20\"",
        "\"endedOn\":\"2026-01-06\""));
    c.add(replace("a CPT code that is not one", "\"cpt\":\"90834\"", "\"cpt\":\"hello\""));
    c.add(replace("a cancelled session with minutes", "\"attendance\":\"ATTENDED\",\"phase\":"
        + "\"INITIAL\",\"tasks\":[\"INVENTORY\"],\"techniques\":[\"DIRECT_ELICITATION\"]",
        "\"attendance\":\"CANCELLED\""));
    c.add(replace("a fidelity rating without items", "\"items\":[4,3,5,4]", "\"items\":[]"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedByTheStrictReaderAndNotReadByTheScanner(Case refused) {
    byte[] bytes = refused.bytes();
    assertThat(strict(bytes)).as("the strict reader reads %s", show(bytes)).isNull();
    assertAgrees(bytes);
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT)).isNull();
    // and the same inside a larger array, between two valid documents
    byte[] around = utf8(SAMPLE + "\n");
    byte[] embedded = concat(around, bytes, around);
    assertThat(CourseScanner.scan(embedded, around.length, bytes.length, LIMIT)).isNull();
  }

  /** Valid documents in forms the compact writer never produces: the scanner may leave them. */
  static Stream<Case> unusualButValid() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("a byte order mark first", concat(BOM, utf8(SAMPLE))));
    c.add(new Case("the pretty sample", utf8(PRETTY.writeCourse(SampleCourses.formatExample()))));
    c.add(new Case("white space around", utf8(" \r\n\t" + SAMPLE + " \r\n\t")));
    c.add(new Case("white space between every token", utf8(SAMPLE.replace(":", " :\t")
        .replace(",", "\r\n,\n").replace("{", "{ ").replace("[", "[ ").replace("]", " ]")
        .replace("}", "\t}"))));
    c.add(replace("an escape in a field name", "\"courseId\"", "\"course\\u0049d\""));
    c.add(replace("an escaped solidus", "\"ipt-acute-16\"", "\"ipt\\/acute-16\""));
    c.add(replace("escapes in free text", "talk without shouting",
        "talk \\\"without\\\" \\\\ \\n \\u00e9 \\uD83D\\uDE00"));
    c.add(replace("an escape in an enumeration value", "\"COMPLETED\"", "\"COMPLETE\\u0044\""));
    c.add(replace("an escape in a date", "\"2026-04-20\"", "\"2026-04-2\\u0030\""));
    c.add(replace("an escape in the schema version", "\"1.0\"", "\"1\\u002e0\""));
    c.add(replace("an escape in a course id", "\"c-0001\"", "\"c-\\u0030001\""));
    c.add(replace("schema version 1.1", "\"1.0\"", "\"1.1\""));
    c.add(replace("schema version 1.12345678901", "\"1.0\"", "\"1.12345678901\""));
    c.add(replace("schema version 1.00", "\"1.0\"", "\"1.00\""));
    c.add(new Case("the schema version last", utf8(SAMPLE
        .replace("\"schemaVersion\":\"1.0\",", "")
        .replace("\"endedOn\":\"2026-04-20\"}",
            "\"endedOn\":\"2026-04-20\",\"schemaVersion\":\"1.0\"}"))));
    c.add(replace("fields in another order", "\"courseId\":\"c-0001\",\"patientRef\":\"pt-7f3a\"",
        "\"patientRef\":\"pt-7f3a\",\"courseId\":\"c-0001\""));
    c.add(replace("session fields in another order", "\"number\":1,\"date\":\"2026-01-05\"",
        "\"date\":\"2026-01-05\",\"number\":1"));
    c.add(replace("false flags written out", "\"confidant\":true",
        "\"confidant\":true,\"conflict\":false,\"deceased\":false"));
    c.add(replace("primary false", "\"primary\":true", "\"primary\":false"));
    c.add(replace("empty arrays written out", "\"tasks\":[\"INVENTORY\"]",
        "\"tasks\":[],\"focus\":[],\"measures\":[]"));
    c.add(replace("an empty goals array", "\"goals\":[\"Fewer arguments with partner\","
        + "\"PHQ-9 below 5\"]", "\"goals\":[]"));
    c.add(replace("the largest int", "\"plannedSessions\":16", "\"plannedSessions\":2147483647"));
    c.add(replace("a raw DEL in free text", "talk without", "talk\u007fwithout"));
    c.add(replace("a number -0", "[2,3,2,2,1,2,2,1,0]", "[2,3,2,2,1,2,2,1,-0]"));
    c.add(replace("a leap day", "\"agreedOn\":\"2026-01-19\"", "\"agreedOn\":\"2024-02-29\""));
    c.add(replace("an unanswered PHQ-9 item", "[2,3,2,2,1,2,2,1,0]", "[2,3,2,2,1,null,2,1,0]"));
    c.add(replace("an unanswered PHQ-9 item with the prorated total",
        "[2,3,2,2,1,2,2,1,0]", "[2,3,2,2,1,null,2,1,0],\"total\":15"));
    c.add(replace("three unanswered PHQ-9 items", "[2,3,2,2,1,2,2,1,0]",
        "[2,null,null,null,1,2,2,1,0]"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusualButValid")
  void readByTheStrictReaderAndByTheScannerOnlyAsEqual(Case valid) {
    byte[] bytes = valid.bytes();
    assertThat(strict(bytes)).as("the strict reader refuses %s", show(bytes)).isNotNull();
    assertAgrees(bytes);
  }

  @Test
  void anUnansweredItemIsReadByTheScannerAsByTheStrictReader() {
    byte[] bytes = utf8(SAMPLE.replace("[2,3,2,2,1,2,2,1,0]", "[2,3,2,2,1,null,2,1,0]"));

    TreatmentCourse course = strict(bytes);
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT)).isNotNull().isEqualTo(course);
    assertThat(course.sessions().get(0).measures().get(0).isProrated()).isTrue();
    assertThat(course.sessions().get(0).measures().get(0).totalScore()).isEqualTo(15);
  }

  /** Courses the compact writer writes without an escape: the scanner must read every one. */
  static Stream<Case> plainCompact() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("the format example", utf8(SAMPLE)));
    TreatmentCourse sample = SampleCourses.formatExample();
    for (String text : List.of("Zo\u00eb", "\u65e5\u672c", "\uD83D\uDE00", "a\u00a0b",
        "\u2027\u202F", "\uFEFFx", "\uFFFF", "\uDBFF\uDFFF", "x\u00a0y", "/ and \u20ac")) {
      c.add(new Case("patient ref '" + text + "'", compact(TreatmentCourse.copyOf(sample)
          .withPatientRef(text))));
      c.add(new Case("goal '" + text + "'", compact(TreatmentCourse.copyOf(sample)
          .withContracts(Contract.copyOf(sample.contracts().get(0))
              .withGoals(text, "PHQ-9 " + text)))));
    }
    c.add(new Case("course id Zoë-日本-😀", compact(TreatmentCourse.copyOf(sample)
        .withCourseId("Zo\u00eb-\u65e5\u672c-\uD83D\uDE00"))));
    // extreme numbers and dates, read from text and written back by the writer
    c.add(rewritten("planned sessions 999999999", SAMPLE.replace("\"plannedSessions\":16",
        "\"plannedSessions\":999999999")));
    for (String number : List.of("1000000000", "2147483647")) {
      c.add(rewritten("planned sessions " + number, SAMPLE.replace("\"plannedSessions\":16",
          "\"plannedSessions\":" + number)));
      c.add(rewritten("the last session numbered " + number, SAMPLE.replace("\"number\":2,",
          "\"number\":" + number + ",")));
      c.add(rewritten("a rating item " + number, SAMPLE.replace("\"items\":[4,3,5,4]",
          "\"items\":[" + number + ",0,0,0]")));
    }
    c.add(rewritten("the extreme dates", SAMPLE
        .replace("\"date\":\"2026-01-12\"", "\"date\":\"9999-12-31\"")
        .replace("\"agreedOn\":\"2026-01-19\"", "\"agreedOn\":\"0000-01-01\"")
        // The course ends on the last session's day at the latest (it was a leap day before the
        // end date could not be before the last session).
        .replace("\"endedOn\":\"2026-04-20\"", "\"endedOn\":\"9999-12-31\"")));
    c.add(rewritten("the fewest fields", "{\"schemaVersion\":\"1.0\",\"courseId\":\"c\","
        + "\"protocol\":\"p\",\"status\":\"ONGOING\",\"sessions\":[]}"));
    c.add(rewritten("a transition and a grief area", SAMPLE.replace("\"problemAreas\":[{\"type\":"
        + "\"ROLE_DISPUTE\",\"primary\":true,\"personId\":\"partner\",\"stage\":\"IMPASSE\"}]",
        "\"problemAreas\":[{\"type\":\"ROLE_DISPUTE\",\"primary\":true,\"personId\":\"partner\","
        + "\"stage\":\"IMPASSE\"},{\"type\":\"ROLE_TRANSITION\",\"fromRole\":\"w\u00f6rker\","
        + "\"toRole\":\"\u9000\u4f11\",\"transition\":\"" + TransitionKind.values()[0] + "\"},"
        + "{\"type\":\"GRIEF\",\"personId\":\"father\"},{\"type\":\"INTERPERSONAL_DEFICITS\"}]")));
    return c.stream();
  }

  /** The course read from {@code text}, written back by the compact writer. */
  static Case rewritten(String name, String text) {
    TreatmentCourse course = strict(utf8(text));
    if (course == null) {
      throw new IllegalStateException(name + ": the strict reader refuses " + text);
    }
    return new Case(name, compact(course));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainCompact")
  void plainCompactCoursesAreReadByTheScanner(Case plain) {
    byte[] bytes = plain.bytes();
    assertThat(hasBackslash(bytes)).as("written with an escape: %s", show(bytes)).isFalse();
    TreatmentCourse reference = strict(bytes);
    assertThat(reference).as("the strict reader refuses %s", show(bytes)).isNotNull();
    assertThat(CourseScanner.scan(bytes, 0, bytes.length, LIMIT)).as("scan of %s", show(bytes))
        .isNotNull().isEqualTo(reference);
    byte[] embedded = concat(utf8("[" + SAMPLE + ",\n"), bytes, utf8(",\n" + SAMPLE + "]"));
    int from = SAMPLE.length() + 3;
    assertThat(CourseScanner.scan(embedded, from, bytes.length, LIMIT)).as("scan at offset")
        .isNotNull().isEqualTo(reference);
  }

  @Test
  void theMutatorsStructureHelpersFindFieldsAndElements() {
    byte[] bytes = utf8("{\"a\":[1,2],\"b\":{\"c\":\"x,y\"}}");
    List<Mutator.Member> members = Mutator.members(Mutator.tokens(bytes));
    assertThat(members).extracting(m -> new String(bytes, m.start(), m.end() - m.start(),
        StandardCharsets.UTF_8)).containsExactlyInAnyOrder("\"a\":[1,2]", "1", "2",
        "\"b\":{\"c\":\"x,y\"}", "\"c\":\"x,y\"");
    Random random = new Random(1);
    for (int i = 0; i < 200; i++) {
      assertThat(Mutator.mutate(bytes, random, 3)).isNotNull();
    }
  }

  // ---------------------------------------------------------------- mutations

  /** Random damage to a document, byte-wise and along its JSON structure. */
  static final class Mutator {
    /** Bytes that mean something to JSON or to UTF-8. */
    static final byte[] SPECIAL = bytes('"', '\\', '{', '}', '[', ']', ',', ':', '-', '+', '0',
        '1', '9', '.', 'e', 'E', 'n', 't', 'f', 'u', 'a', 'A', '/', ' ', '\t', '\r', '\n', 0x00,
        0x01, 0x0B, 0x0C, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFF);
    static final String[] VALUES = {"null", "true", "false", "0", "1", "-1", "7", "2147483647",
        "2147483648", "4294967297", "1.0", "1e2", "-0", "01", "\"\"", "\" \"", "\"x\"", "[]",
        "{}", "[\"x\"]", "[1]", "[null]", "\"1.0\"", "\"2026-01-05\"", "\"2025-02-30\"",
        "\"GRIEF\"", "\"ATTENDED\"", "\"PHQ9\"", "\"INITIAL\"", "\"INVENTORY\"", "\"COMPLETED\""};
    static final String[] NUMBERS = {"0", "00", "01", "007", "1", "2", "-1", "-0", "1.0", "0.5",
        "1e2", "1E+2", "1e-2", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967296", "4294967297", "9223372036854775807", "9223372036854775808",
        "18446744073709551617", "9".repeat(40), "9".repeat(101), "13", "29", "30", "31", "32",
        "2", "9999", "10000", "0000", "1.", ".1", "+1", "1_0", "0x1"};
    static final String[] VERSIONS = {"2.0", "01.0", "1.", "1.123456789012", "1.12345678901",
        "1", "0.9", "1.0.0", "", "1.1", "1.00", "10.0", "1.0 ", ".0", "1.-1", "123456.0",
        "1234567.0", "0.0", "1e0", "1.0\u0000"};
    static final String[] TRAILERS = {" ", "\n", "\r\n", "\t", "x", "}", "]", ",", "{}", "null",
        "0", "\u0000", "\"", "\\", "//", "/**/", "\u00a0", "\u2028", "\uFEFF", " {\"a\":1}"};
    static final String[] IN_STRINGS = {"\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041",
        "\\u00e9", "\\uD83D\\uDE00", "\\uD83D", "\\uDE00", "\\u0000", "\\x", "\\u12", "\\",
        "\u00e9", "\u65e5", "\uD83D\uDE00", "\u2028", "\uFEFF", "\u007f"};
    static final byte[][] RAW_IN_STRINGS = {{0x00}, {0x01}, {0x09}, {0x0A}, {0x0D}, {0x1F},
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    static final String[] FIELD_NAMES = {"schemaVersion", "courseId", "patientRef",
        "therapistRef", "protocol", "status", "contracts", "inventories", "problemAreas",
        "formulation", "sessions", "measures", "fidelityRatings", "endedOn", "kind", "agreedOn",
        "plannedSessions", "frequency", "sessionMinutes", "goals", "takenOn", "people", "id",
        "relationship", "circle", "contact", "confidant", "conflict", "changedNearOnset",
        "deceased", "diedOn", "satisfying", "unsatisfying", "expectationsMet", "desiredChange",
        "type", "primary", "personId", "stage", "fromRole", "toRole", "transition", "sharedOn",
        "areas", "patientAgreed", "number", "date", "minutes", "attendance", "phase", "setting",
        "modality", "cpt", "tasks", "techniques", "focus", "instrument", "items", "total",
        "session", "scale", "rater", "", "x", "from", "addTask", "CourseId", "courseid",
        "courseId ", "course", "courseIdx", "sessionz"};
    static final List<String> ENUM_NAMES = enumNames();

    private Mutator() {}

    static byte[] bytes(int... values) {
      byte[] b = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        b[i] = (byte) values[i];
      }
      return b;
    }

    private static List<String> enumNames() {
      Set<String> names = new LinkedHashSet<>();
      for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(Attendance.class,
          ContactFrequency.class, ContractKind.class, CourseStatus.class, DisputeStage.class,
          Frequency.class, Instrument.class, Modality.class, Phase.class, ProblemAreaType.class,
          Relationship.class, SessionTask.class, Setting.class, Technique.class,
          TransitionKind.class)) {
        for (Enum<?> constant : type.getEnumConstants()) {
          names.add(constant.name());
        }
      }
      return List.copyOf(names);
    }

    /** One token: a string (kind {@code "}), another value (kind a) or punctuation. */
    record Token(int start, int end, char kind) {}

    /**
     * One element of an array or member of an object: its bytes, the separators before and after
     * it (a bracket, brace or comma), the container it is in, and for an object member where its
     * name ends and its value starts (-1 when it has none).
     */
    record Member(int start, int end, int before, int after, int container, boolean inObject,
        int nameEnd, int valueStart) {}

    /** The tokens of JSON-like bytes; anything unrecognised is a value token. */
    static List<Token> tokens(byte[] b) {
      List<Token> out = new ArrayList<>();
      int i = 0;
      while (i < b.length) {
        int c = b[i] & 0xFF;
        if (c == '"') {
          int j = i + 1;
          while (j < b.length && b[j] != '"') {
            j += b[j] == '\\' ? 2 : 1;
          }
          int end = Math.min(j + 1, b.length);
          out.add(new Token(i, end, '"'));
          i = end;
        } else if ("{}[],:".indexOf(c) >= 0) {
          out.add(new Token(i, i + 1, (char) c));
          i++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          i++;
        } else {
          int j = i + 1;
          while (j < b.length && "{}[],:\" \t\r\n".indexOf(b[j] & 0xFF) < 0) {
            j++;
          }
          out.add(new Token(i, j, 'a'));
          i = j;
        }
      }
      return out;
    }

    /** The elements and members of every container, as far as the brackets match. */
    static List<Member> members(List<Token> tokens) {
      List<Member> out = new ArrayList<>();
      // per open container: its token index, whether an object, first token of the member
      Deque<int[]> open = new ArrayDeque<>();
      for (int k = 0; k < tokens.size(); k++) {
        Token t = tokens.get(k);
        switch (t.kind()) {
          case '{', '[' -> open.push(new int[] {k, t.kind() == '{' ? 1 : 0, k + 1});
          case ',' -> {
            if (!open.isEmpty()) {
              add(out, tokens, open.peek(), k);
              open.peek()[2] = k + 1;
            }
          }
          case '}', ']' -> {
            if (!open.isEmpty()) {
              add(out, tokens, open.pop(), k);
            }
          }
          default -> { }
        }
      }
      return out;
    }

    private static void add(List<Member> out, List<Token> tokens, int[] frame, int k) {
      int first = frame[2];
      if (first >= k) {
        return;
      }
      boolean inObject = frame[1] == 1;
      int nameEnd = -1;
      int valueStart = -1;
      if (inObject && first + 2 < k && tokens.get(first).kind() == '"'
          && tokens.get(first + 1).kind() == ':') {
        nameEnd = tokens.get(first).end();
        valueStart = tokens.get(first + 2).start();
      }
      out.add(new Member(tokens.get(first).start(), tokens.get(k - 1).end(),
          tokens.get(first - 1).start(), tokens.get(k).start(), tokens.get(frame[0]).start(),
          inObject, nameEnd, valueStart));
    }

    /** {@code bytes} after {@code count} random mutations. */
    static byte[] mutate(byte[] bytes, Random random, int count) {
      byte[] b = bytes;
      for (int i = 0; i < count; i++) {
        b = once(b, random);
      }
      return b;
    }

    static byte[] once(byte[] b, Random r) {
      if (b.length == 0) {
        return utf8(VALUES[r.nextInt(VALUES.length)]);
      }
      int at = r.nextInt(b.length);
      return switch (r.nextInt(22)) {
        case 0 -> { // replace a byte
          byte[] copy = b.clone();
          copy[at] = r.nextBoolean() ? SPECIAL[r.nextInt(SPECIAL.length)]
              : r.nextBoolean() ? (byte) (copy[at] ^ (1 << r.nextInt(8))) : (byte) r.nextInt();
          yield copy;
        }
        case 1 -> splice(b, at, Math.min(b.length, at + (r.nextBoolean() ? 1 // delete
            : 1 + r.nextInt(r.nextBoolean() ? 8 : Math.max(1, b.length / 4)))), new byte[0]);
        case 2 -> splice(b, at, at, new byte[] {SPECIAL[r.nextInt(SPECIAL.length)]}); // insert
        case 3 -> { // duplicate a range, after itself or anywhere
          int end = Math.min(b.length, at + 1 + r.nextInt(40));
          int to = r.nextBoolean() ? end : r.nextInt(b.length + 1);
          yield splice(b, to, to, Arrays.copyOfRange(b, at, end));
        }
        case 4 -> swap(b, r);
        case 5 -> Arrays.copyOf(b, at); // truncate
        case 6 -> concat(b, utf8(TRAILERS[r.nextInt(TRAILERS.length)]));
        case 7 -> concat(BOM, b);
        case 8, 9 -> digits(b, r);
        case 10, 11 -> value(b, r);
        case 12 -> version(b, r);
        case 13, 14 -> member(b, r);
        case 15 -> rename(b, r);
        case 16 -> space(b, r);
        case 17 -> inString(b, r);
        case 18 -> literal(b, r);
        default -> { // a few bytes overwritten by random ones
          byte[] noise = new byte[1 + r.nextInt(4)];
          r.nextBytes(noise);
          yield splice(b, at, Math.min(b.length, at + noise.length), noise);
        }
      };
    }

    /** Two ranges of bytes swapped. */
    static byte[] swap(byte[] b, Random r) {
      int a = r.nextInt(b.length);
      int c = r.nextInt(b.length);
      int first = Math.min(a, c);
      int second = Math.max(a, c);
      int length = Math.min(Math.min(1 + r.nextInt(20), second - first), b.length - second);
      if (length <= 0) {
        return b;
      }
      byte[] copy = b.clone();
      System.arraycopy(b, second, copy, first, length);
      System.arraycopy(b, first, copy, second, length);
      return copy;
    }

    /** White space (some of it not JSON white space) put before a token. */
    static byte[] space(byte[] b, Random r) {
      List<Token> tokens = tokens(b);
      int cut = tokens.isEmpty() ? 0 : tokens.get(r.nextInt(tokens.size())).start();
      String[] spaces = {" ", "\t", "\r\n", "\n  ", "\u000b", "\f", "\u00a0"};
      return splice(b, cut, cut, utf8(spaces[r.nextInt(spaces.length)]));
    }

    /** A literal or number replaced by another literal. */
    static byte[] literal(byte[] b, Random r) {
      List<Token> atoms = tokens(b).stream().filter(t -> t.kind() == 'a').toList();
      if (atoms.isEmpty()) {
        return b;
      }
      Token t = atoms.get(r.nextInt(atoms.size()));
      String[] literals = {"true", "false", "null", "tru", "nul", "TRUE", "0", "1"};
      return splice(b, t.start(), t.end(), utf8(literals[r.nextInt(literals.length)]));
    }

    /** A run of digits (in a number, a date, a version...) replaced by another number. */
    static byte[] digits(byte[] b, Random r) {
      List<int[]> runs = new ArrayList<>();
      for (int i = 0; i < b.length; ) {
        if (b[i] >= '0' && b[i] <= '9') {
          int j = i;
          while (j < b.length && b[j] >= '0' && b[j] <= '9') {
            j++;
          }
          runs.add(new int[] {i, j});
          i = j;
        } else {
          i++;
        }
      }
      if (runs.isEmpty()) {
        return b;
      }
      int[] run = runs.get(r.nextInt(runs.size()));
      String old = new String(b, run[0], run[1] - run[0], StandardCharsets.US_ASCII);
      String replacement = switch (r.nextInt(4)) {
        case 0 -> "0" + old;
        case 1 -> "-" + old;
        case 2 -> old.length() < 18 ? Long.toString(Long.parseLong(old) + (r.nextBoolean() ? 1
            : -1)) : old + "0";
        default -> NUMBERS[r.nextInt(NUMBERS.length)];
      };
      return splice(b, run[0], run[1], utf8(replacement));
    }

    /** A value (a string, another scalar, or a whole member's value) replaced by another. */
    static byte[] value(byte[] b, Random r) {
      String replacement = r.nextInt(3) == 0
          ? "\"" + ENUM_NAMES.get(r.nextInt(ENUM_NAMES.size())) + "\""
          : VALUES[r.nextInt(VALUES.length)];
      if (r.nextBoolean()) {
        List<Member> values = members(tokens(b)).stream()
            .filter(m -> !m.inObject() || m.valueStart() >= 0).toList();
        if (!values.isEmpty()) {
          Member m = values.get(r.nextInt(values.size()));
          return splice(b, m.inObject() ? m.valueStart() : m.start(), m.end(), utf8(replacement));
        }
      }
      List<Token> tokens = tokens(b);
      List<Token> scalars = new ArrayList<>();
      for (int k = 0; k < tokens.size(); k++) {
        boolean isName = k + 1 < tokens.size() && tokens.get(k + 1).kind() == ':';
        if ((tokens.get(k).kind() == '"' || tokens.get(k).kind() == 'a') && !isName) {
          scalars.add(tokens.get(k));
        }
      }
      if (scalars.isEmpty()) {
        return b;
      }
      Token t = scalars.get(r.nextInt(scalars.size()));
      return splice(b, t.start(), t.end(), utf8(replacement));
    }

    /** The schema version changed (or, if there is none, another digit run). */
    static byte[] version(byte[] b, Random r) {
      byte[] key = utf8("\"schemaVersion\":\"");
      int at = indexOf(b, key);
      if (at < 0) {
        return digits(b, r);
      }
      int start = at + key.length;
      int end = start;
      while (end < b.length && b[end] != '"') {
        end++;
      }
      return splice(b, start, end, utf8(VERSIONS[r.nextInt(VERSIONS.length)]));
    }

    /** An element or member removed, repeated, or swapped with a sibling. */
    static byte[] member(byte[] b, Random r) {
      List<Member> members = members(tokens(b));
      if (members.isEmpty()) {
        return b;
      }
      Member m = members.get(r.nextInt(members.size()));
      switch (r.nextInt(3)) {
        case 0:
          return without(b, m);
        case 1: { // repeat
          byte[] copy = concat(Arrays.copyOfRange(b, m.start(), m.end()), utf8(","));
          return splice(b, m.start(), m.start(), copy);
        }
        default: { // swap with a later sibling
          List<Member> siblings = members.stream()
              .filter(o -> o.container() == m.container() && o.start() > m.end()).toList();
          if (siblings.isEmpty()) {
            return splice(b, m.start(), m.start(), concat(Arrays.copyOfRange(b, m.start(),
                m.end()), utf8(",")));
          }
          Member o = siblings.get(r.nextInt(siblings.size()));
          return concat(Arrays.copyOfRange(b, 0, m.start()),
              Arrays.copyOfRange(b, o.start(), o.end()), Arrays.copyOfRange(b, m.end(), o.start()),
              Arrays.copyOfRange(b, m.start(), m.end()), Arrays.copyOfRange(b, o.end(), b.length));
        }
      }
    }

    /** {@code b} without the member or element {@code m} and one of the commas around it. */
    static byte[] without(byte[] b, Member m) {
      if (b[m.after()] == ',') {
        return splice(b, m.start(), m.after() + 1, new byte[0]);
      }
      if (b[m.before()] == ',') {
        return splice(b, m.before(), m.end(), new byte[0]);
      }
      return splice(b, m.start(), m.end(), new byte[0]);
    }

    /** A field renamed: to another field of the format, a near miss, or an unknown name. */
    static byte[] rename(byte[] b, Random r) {
      List<Member> named = members(tokens(b)).stream().filter(m -> m.nameEnd() >= 0).toList();
      if (named.isEmpty()) {
        return b;
      }
      Member m = named.get(r.nextInt(named.size()));
      String name = FIELD_NAMES[r.nextInt(FIELD_NAMES.length)];
      return splice(b, m.start(), m.nameEnd(), utf8("\"" + name + "\""));
    }

    /** Something put inside a string: an escape, a raw control character, non-ASCII, not UTF-8. */
    static byte[] inString(byte[] b, Random r) {
      List<Token> strings = tokens(b).stream()
          .filter(t -> t.kind() == '"' && t.end() - t.start() >= 2).toList();
      if (strings.isEmpty()) {
        return b;
      }
      Token t = strings.get(r.nextInt(strings.size()));
      int at = t.start() + 1 + r.nextInt(t.end() - t.start() - 1);
      byte[] inserted = r.nextBoolean() ? utf8(IN_STRINGS[r.nextInt(IN_STRINGS.length)])
          : RAW_IN_STRINGS[r.nextInt(RAW_IN_STRINGS.length)];
      return r.nextInt(3) == 0 ? splice(b, t.start() + 1, t.end() - 1, inserted)
          : splice(b, at, at, inserted);
    }

    static int indexOf(byte[] b, byte[] key) {
      outer:
      for (int i = 0; i + key.length <= b.length; i++) {
        for (int j = 0; j < key.length; j++) {
          if (b[i + j] != key[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  // ---------------------------------------------------------------- bytes

  /** {@code b} with {@code [from, to)} replaced by {@code with}. */
  static byte[] splice(byte[] b, int from, int to, byte[] with) {
    byte[] out = new byte[b.length - (to - from) + with.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(with, 0, out, from, with.length);
    System.arraycopy(b, to, out, from + with.length, b.length - to);
    return out;
  }

  /** {@code parts} joined into one array. */
  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
