package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.iptkit.it.Documents.SAMPLE;
import static org.iptkit.it.Documents.concat;
import static org.iptkit.it.Documents.utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.it.HostileCorpus.Hostile;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.internal.CourseJsonReader;
import org.iptkit.json.internal.CourseScanner;
import org.iptkit.json.internal.Encodings;
import org.iptkit.json.internal.JsonSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The fast course scanner agrees with the strict reader on every input of the
 * {@link HostileCorpus} and every committed input of the course reader's fuzz tests: it never
 * throws, and a course it reads (alone, as an NDJSON line, or at an offset inside a larger
 * array) is one the strict reader reads equally.
 */
class ScannerAgreementTest {
  private static final int LIMIT = 1_000_000;
  /**
   * The longest document the scanner is given: its callers refuse longer ones before calling it
   * (IptJson reading bytes, and the NDJSON line reader), as it has no length limit of its own.
   */
  private static final long MAX_DOCUMENT = 10_000_000L;
  private static final JsonSettings SETTINGS = new JsonSettings(false, false, MAX_DOCUMENT,
      LIMIT);

  static Stream<Hostile> corpus() {
    return Stream.concat(HostileCorpus.all().stream(), HostileCorpus.validExtremes().stream());
  }

  /** Every file committed under the fuzz tests' inputs folder of the course reader. */
  static Stream<Path> fuzzInputs() {
    URL folder = ScannerAgreementTest.class.getResource("CourseReaderFuzzTestInputs");
    if (folder == null) {
      throw new IllegalStateException("the CourseReaderFuzzTestInputs resources are missing");
    }
    try (Stream<Path> files = Files.walk(Path.of(folder.toURI()))) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      assertThat(all).as("committed fuzz inputs").isNotEmpty();
      return all.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void hostileInputIsNeverReadOtherwiseThanByTheStrictReader(Hostile hostile) {
    Guard.within(() -> assertAgreesEverywhere(hostile.toString(), hostile.bytes()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fuzzInputs")
  void fuzzInputIsNeverReadOtherwiseThanByTheStrictReader(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getParent().getFileName() + "/" + file.getFileName();
    Guard.within(() -> {
      assertAgreesEverywhere(name, bytes);
      // each line, as an NDJSON batch hands it over (without its LF, with and without its CR)
      int start = 0;
      for (int i = 0; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == '\n') {
          int length = i - start;
          assertAgrees(name + " line from byte " + start, bytes, start, length);
          if (length > 0 && bytes[i - 1] == '\r') {
            assertAgrees(name + " line from byte " + start + " without CR", bytes, start,
                length - 1);
          }
          start = i + 1;
        }
      }
      // each element, as a JSON array batch hands it over
      for (int[] element : arrayElements(bytes)) {
        assertAgrees(name + " element at byte " + element[0], bytes, element[0],
            element[1] - element[0]);
      }
    });
  }

  /** The contract on the input alone and at an offset between two valid documents. */
  static void assertAgreesEverywhere(String name, byte[] bytes) {
    assertAgrees(name, bytes, 0, bytes.length);
    byte[] before = utf8("[" + SAMPLE + ",\n");
    byte[] embedded = concat(before, bytes, utf8(",\n" + SAMPLE + "]"));
    assertAgrees(name + " inside an array", embedded, before.length, bytes.length);
    TreatmentCourse alone = CourseScanner.scan(bytes, 0, bytes.length, LIMIT);
    TreatmentCourse inside = CourseScanner.scan(embedded, before.length, bytes.length, LIMIT);
    assertThat(inside).as("%s: the same answer at an offset as alone", name).isEqualTo(alone);
  }

  /** The byte ranges of the objects at the top level of a JSON array, as far as it parses. */
  static List<int[]> arrayElements(byte[] bytes) {
    List<int[]> elements = new ArrayList<>();
    try (JsonParser p = SETTINGS.streamFactory().createParser(
        tools.jackson.core.ObjectReadContext.empty(), bytes)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return elements;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
        int start = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getByteOffset();
        elements.add(new int[] {start, end});
      }
    } catch (JacksonException e) {
      // malformed from here on: the elements before are still checked
    }
    return elements;
  }

  // ---------------------------------------------------------------- the reference

  /**
   * The course the strict reader reads from {@code bytes[from, from + length)}, or null if it
   * refuses them (bytes that are not UTF-8, as the batch path checks first, or a read error).
   */
  static TreatmentCourse strict(byte[] bytes, int from, int length) {
    if (Encodings.problemOf(bytes, from, length, 0) != null) {
      return null;
    }
    try (JsonParser parser = SETTINGS.courseParser(bytes, from, length)) {
      return new CourseJsonReader(parser, false, null, 0, 0).readDocument();
    } catch (JsonReadException | JacksonException e) {
      return null;
    }
  }

  /** What breaks the scanner's contract on the range ("threw", "accepted", "differs"), or null. */
  static String violation(byte[] bytes, int from, int length) {
    TreatmentCourse scanned;
    try {
      scanned = CourseScanner.scan(bytes, from, length, LIMIT);
    } catch (Throwable e) {
      return "threw " + e;
    }
    if (scanned == null) {
      return null;
    }
    TreatmentCourse reference = strict(bytes, from, length);
    return reference == null ? "accepted" : reference.equals(scanned) ? null : "differs";
  }

  /**
   * Fails, with the smallest input still showing it, if the scanner breaks its contract on the
   * range; over the document limit only checks that it does not throw (see {@link #MAX_DOCUMENT}).
   */
  static void assertAgrees(String name, byte[] bytes, int from, int length) {
    if (length > MAX_DOCUMENT) {
      assertThat(violation(bytes, from, length)).as(name).isIn(null, "accepted", "differs");
      return;
    }
    String problem = violation(bytes, from, length);
    if (problem != null) {
      byte[] alone = Arrays.copyOfRange(bytes, from, from + length);
      String minimal = alone.length <= 100_000 && problem.equals(violation(alone, 0, alone.length))
          ? show(minimize(alone, problem)) : "(not minimized)";
      fail(name + ": scan " + problem + "; smallest input showing it: " + minimal);
    }
  }

  /** A shorter input with the same violation, found by deleting ever smaller chunks. */
  static byte[] minimize(byte[] input, String problem) {
    byte[] best = input;
    for (int chunk = Integer.highestOneBit(Math.max(1, best.length)); chunk >= 1; chunk /= 2) {
      for (int at = 0; at + chunk <= best.length; ) {
        byte[] candidate = new byte[best.length - chunk];
        System.arraycopy(best, 0, candidate, 0, at);
        System.arraycopy(best, at + chunk, candidate, at, best.length - at - chunk);
        if (problem.equals(violation(candidate, 0, candidate.length))) {
          best = candidate;
        } else {
          at += chunk;
        }
      }
    }
    return best;
  }

  /** Bytes as a Java string literal, non-printable ones as {@code \xNN}. */
  static String show(byte[] bytes) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < Math.min(bytes.length, 4_000); i++) {
      int c = bytes[i] & 0xFF;
      s.append(c == '"' || c == '\\' ? "\\" + (char) c
          : c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
    }
    return s.append(bytes.length > 4_000 ? "…" : "").append("\" (").append(bytes.length)
        .append(" bytes)").toString();
  }
}
