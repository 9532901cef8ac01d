package org.iptkit.it;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.IptJson;
import org.iptkit.json.ReportFormat;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * The library neither logs, prints nor talks to the network: its main code (core, rules, JSON,
 * generator) depends on no logging API, no standard stream and nothing in {@code java.net} (the
 * {@code ipt} tool on no logging API and nothing in {@code java.net} either), and
 * reading, checking, planning and writing courses full of canaries, malformed records among them,
 * puts nothing on standard output or error and no record in any logger.
 */
class QuietLibraryTest {
  private static final String[] LIBRARY = {"org.iptkit.core..", "org.iptkit.rules..",
      "org.iptkit.json..", "org.iptkit.examples.generator.."};
  private static final String[] WITH_TOOL = {"org.iptkit.core..", "org.iptkit.rules..",
      "org.iptkit.json..", "org.iptkit.examples.generator..", "org.iptkit.examples.cli.."};

  /** Main classes only, whether from a class folder or a jar of the reactor. */
  private static final ImportOption MAIN_CODE_ONLY = new ImportOption() {
    private final Pattern testJar = Pattern.compile(".*-tests\\.jar!?/.*");

    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.matches(testJar);
    }
  };

  private static JavaClasses library() {
    return new ClassFileImporter().withImportOption(MAIN_CODE_ONLY)
        .importPackages("org.iptkit.core", "org.iptkit.rules", "org.iptkit.json",
            "org.iptkit.examples.generator", "org.iptkit.examples.cli");
  }

  @Test
  void libraryCodeUsesNoNetworkLoggingOrStandardStreams() {
    JavaClasses classes = library();

    assertThat(classes).hasSizeGreaterThan(100);
    noClasses().that().resideInAnyPackage(WITH_TOOL).should().dependOnClassesThat(
            resideInAnyPackage("java.net..", "javax.net..", "jdk.net..", "java.rmi..",
                "javax.naming..")
                .or(simpleNameContaining("Socket")).or(simpleNameContaining("Datagram")))
        .because("neither the library nor the tool makes network access")
        .check(classes);
    noClasses().that().resideInAnyPackage(WITH_TOOL).should().dependOnClassesThat()
        .resideInAnyPackage("java.util.logging..", "org.slf4j..", "org.apache.logging..",
            "org.apache.commons.logging..", "ch.qos.logback..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
        .because("course content must never reach a log")
        .check(classes);
    noClasses().that().resideInAnyPackage(LIBRARY)
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .because("only the tool prints, and only results and messages about records")
        .check(classes);
  }

  @Test
  void readingCheckingPlanningAndWritingPrintAndLogNothing() {
    List<TreatmentCourse> courses = Documents.generated(5, 0.5, 40).stream()
        .map(c -> Canaries.inject(c, 1)).toList();
    ByteArrayOutputStream export = new ByteArrayOutputStream();
    IptJson.strict().writeNdjson(courses, export);
    byte[] ndjson = Documents.concat(export.toByteArray(),
        Documents.utf8("{\"schemaVersion\":\"1.0\",\"patientRef\":\"Canary Qz9\" x}\n[]\n"));

    Capture capture = Capture.start();
    try {
      IptJson json = IptJson.builder().prettyPrint(true).build();
      CohortReport.Accumulator cohort = CohortReport.accumulator();
      ByteArrayOutputStream reports = new ByteArrayOutputStream();
      try (Stream<BatchRecord> records = json.batchReader()
          .read(new ByteArrayInputStream(ndjson), "export.ndjson");
          ReportWriter writer = json.reportWriter(reports, ReportFormat.CSV)) {
        records.forEach(record -> record.course().ifPresent(course -> {
          for (var profile : Protocols.all()) {
            FidelityChecker checker = FidelityChecker.of(profile);
            FidelityReport report = checker.check(course);
            writer.write(report);
            cohort.add(report);
            json.writeAgenda(checker.agenda(course));
            json.writeReport(report);
          }
          json.writeCourse(course);
        }));
      }
      json.writeCohortReport(cohort.build());
    } finally {
      capture.stop();
    }

    assertThat(capture.out()).as("standard output").isEmpty();
    assertThat(capture.err()).as("standard error").isEmpty();
    assertThat(capture.records()).as("log records").isEmpty();
  }

  /** Standard streams and every logger, caught for the duration of some work. */
  private static final class Capture {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final List<String> records = new ArrayList<>();
    private final Logger root = LogManager.getLogManager().getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record.getLoggerName() + ": " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };

    static Capture start() {
      Capture capture = new Capture();
      System.setOut(new PrintStream(capture.outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capture.errBytes, true, StandardCharsets.UTF_8));
      capture.handler.setLevel(Level.ALL);
      capture.root.setLevel(Level.ALL);
      capture.root.addHandler(capture.handler);
      return capture;
    }

    void stop() {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(handler);
      root.setLevel(rootLevel);
    }

    String out() {
      return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }

    List<String> records() {
      synchronized (records) {
        return List.copyOf(records);
      }
    }
  }
}
