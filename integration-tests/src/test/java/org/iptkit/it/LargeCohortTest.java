package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iptkit.examples.cli.Io;
import org.iptkit.examples.cli.Ipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort of 30,000 tiny courses, each with its own therapist, reported with
 * {@code --by therapist} as JSON and as HTML in this test JVM's 512 MB heap. The JSON document is
 * about 160 MB: held as one string, with the buffer it grows in and the report beside it, it
 * would not fit. The output is counted, not kept. (That each writer passes its output on in
 * small pieces is shown directly by the CLI's CohortStreamingTest.)
 */
class LargeCohortTest {
  private static final int COURSES = 30_000;

  @TempDir
  Path dir;

  /** Counts the bytes written and keeps the first and last few, and how often a marker occurs. */
  static final class Counting extends OutputStream {
    private final byte[] marker;
    private int matched;
    long bytes;
    long markers;
    final StringBuilder head = new StringBuilder();
    final byte[] tail = new byte[64];

    Counting(String marker) {
      this.marker = marker.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
      if (head.length() < 64) {
        head.append((char) b);
      }
      tail[(int) (bytes % tail.length)] = (byte) b;
      bytes++;
      matched = b == marker[matched] ? matched + 1 : b == marker[0] ? 1 : 0;
      if (matched == marker.length) {
        markers++;
        matched = 0;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    String tail() {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < tail.length; i++) {
        text.append((char) tail[(int) ((bytes + i) % tail.length)]);
      }
      return text.toString();
    }
  }

  private Path tinyCourses() throws IOException {
    StringBuilder ndjson = new StringBuilder(COURSES * 140);
    for (int i = 0; i < COURSES; i++) {
      ndjson.append("{\"schemaVersion\":\"1.0\",\"courseId\":\"c-").append(i)
          .append("\",\"protocol\":\"ipt-acute-16\",\"status\":\"ONGOING\",\"therapistRef\":\"t-")
          .append(i).append("\",\"sessions\":[]}\n");
    }
    return Files.writeString(dir.resolve("tiny.ndjson"), ndjson);
  }

  private static int run(Counting out, String... args) {
    StringWriter err = new StringWriter();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true), false);
    int code = Ipt.run(io, args);
    assertThat(err.toString()).isEmpty();
    return code;
  }

  @Test
  void thirtyThousandTherapistsAsJsonAreStreamed() throws IOException {
    Path input = tinyCourses();
    Counting out = new Counting("\"therapistRef\"");

    int code = assertTimeoutPreemptively(Duration.ofMinutes(10),
        () -> run(out, "report", "--format", "json", "--by", "therapist", input.toString()));

    assertThat(code).isZero();
    assertThat(out.markers).isEqualTo(COURSES);
    assertThat(out.head.toString()).startsWith("{");
    assertThat(out.tail().stripTrailing()).endsWith("}");
    // about 160 MB: as one string, with the buffer it grows in and the report beside it, more
    // than this heap holds
    assertThat(out.bytes).isGreaterThan(150_000_000L);
  }

  @Test
  void thirtyThousandTherapistsAsHtmlAreStreamed() throws IOException {
    Path input = tinyCourses();
    Counting out = new Counting("<tr><td>t-");

    int code = assertTimeoutPreemptively(Duration.ofMinutes(10),
        () -> run(out, "report", "--format", "html", "--by", "therapist", input.toString()));

    assertThat(code).isZero();
    // one row in the therapist table and one in the per-rule table per therapist
    assertThat(out.markers).isEqualTo(2L * COURSES);
    assertThat(out.head.toString()).startsWith("<!DOCTYPE html>");
    assertThat(out.tail()).endsWith("</html>\n");
  }
}
