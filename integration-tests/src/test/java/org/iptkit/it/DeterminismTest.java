package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import org.iptkit.json.ReportFormat;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolRegistry;
import org.junit.jupiter.api.Test;

/**
 * The same input gives the same bytes (docs/format.md, Fidelity report): the JSON of generated
 * courses, their fidelity reports and agendas, the reports streamed as NDJSON and CSV, and the
 * cohort report are byte-identical whether computed by 1, 2 or 8 threads (cohort parts combined in
 * any order), by fresh instances, and in another JVM whose identity hash codes all collide, so
 * output that followed the iteration order of an identity-hashed set or map would show.
 */
class DeterminismTest {
  private static final long SEED = 4_711L;
  private static final int COURSES = 450;

  @Test
  void outputIsByteIdenticalWhateverTheNumberOfThreads() throws Exception {
    String one = digest(1);

    assertThat(digest(2)).isEqualTo(one);
    assertThat(digest(8)).isEqualTo(one);
    assertThat(digest(1)).isEqualTo(one);
  }

  @Test
  void outputIsByteIdenticalInAnotherJvm() throws Exception {
    String here = digest(3);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process other = new ProcessBuilder(java.toString(), "-Xmx256m",
        "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2",
        "-cp", System.getProperty("java.class.path"), OtherJvm.class.getName(), "2")
        .redirectErrorStream(true)
        .start();
    other.getOutputStream().close();
    String printed = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(other.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(other.exitValue()).as(printed).isZero();
    assertThat(printed.strip()).isEqualTo(here);
  }

  /** Prints the digest of {@link #digest(int)} computed by the number of threads given. */
  static final class OtherJvm {
    private OtherJvm() {}

    /** Entry point of the other JVM. */
    public static void main(String[] args) throws Exception {
      System.out.println(digest(Integer.parseInt(args[0])));
    }
  }

  /**
   * The SHA-256 of everything written about the generated courses, computed by {@code threads}
   * threads over consecutive slices, each with its own fresh {@link IptJson} and registry.
   */
  static String digest(int threads) throws Exception {
    List<TreatmentCourse> courses = Documents.generated(SEED, 0.3, COURSES);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Slice>> slices = new ArrayList<>();
      int size = (courses.size() + threads - 1) / threads;
      for (int from = 0; from < courses.size(); from += size) {
        List<TreatmentCourse> part = courses.subList(from, Math.min(courses.size(), from + size));
        slices.add(pool.submit(() -> Slice.of(part)));
      }
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      List<FidelityReport> reports = new ArrayList<>();
      CohortReport.Accumulator cohort = CohortReport.accumulator();
      for (int i = slices.size() - 1; i >= 0; i--) {
        cohort.combine(slices.get(i).get().cohort);
      }
      for (Future<Slice> slice : slices) {
        all.write(slice.get().text);
        reports.addAll(slice.get().reports);
      }
      for (Future<Slice> slice : slices) {
        all.write(slice.get().ndjson);
      }
      IptJson json = IptJson.builder().build();
      for (ReportFormat format : ReportFormat.values()) {
        try (ReportWriter writer = json.reportWriter(unclosable(all), format)) {
          reports.forEach(writer::write);
        }
      }
      all.write(json.writeCohortReport(cohort.build()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256(all.toByteArray()));
    } finally {
      pool.shutdownNow();
    }
  }

  /** What one thread writes about its slice of the courses. */
  private record Slice(byte[] text, byte[] ndjson, List<FidelityReport> reports,
      CohortReport.Accumulator cohort) {
    static Slice of(List<TreatmentCourse> courses) {
      IptJson json = IptJson.builder().prettyPrint(true).build();
      ProtocolRegistry registry = ProtocolRegistry.builtIn();
      StringBuilder out = new StringBuilder();
      List<FidelityReport> reports = new ArrayList<>();
      CohortReport.Accumulator cohort = CohortReport.accumulator();
      for (TreatmentCourse course : courses) {
        FidelityChecker checker = registry.checkerFor(course.protocol());
        FidelityReport report = checker.check(course);
        reports.add(report);
        cohort.add(report);
        out.append(json.writeCourse(course)).append('\n')
            .append(json.writeReport(report)).append('\n')
            .append(json.writeAgenda(checker.agenda(course))).append('\n');
      }
      ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
      json.writeNdjson(courses, ndjson);
      return new Slice(out.toString().getBytes(StandardCharsets.UTF_8), ndjson.toByteArray(),
          reports, cohort);
    }
  }

  private static OutputStream unclosable(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
