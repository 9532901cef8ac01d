package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.iptkit.it.Canaries.assertNoLeak;
import static org.iptkit.it.Canaries.assertNoLeakInToString;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Person;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.IptJson;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.ReadResult;
import org.iptkit.json.ReportFormat;
import org.iptkit.json.ReportWriter;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No patient data leaks: with {@linkplain Canaries canaries} in the patient and therapist
 * references, the person ids and every free-text field of generated courses, no canary appears in
 * the {@code toString()} of any value reachable from a course, a report, an agenda or a cohort
 * report, in any finding, in report, agenda or CSV output, or in any error message, including
 * those for malformed documents with the canary right at the error. The one exception, by design:
 * a cohort report groups by therapist reference (see docs/reliability.md).
 */
class PrivacyTest {
  private static final IptJson JSON = IptJson.strict();
  private static final List<TreatmentCourse> COURSES = canaryCourses();

  private static List<TreatmentCourse> canaryCourses() {
    List<TreatmentCourse> generated = Documents.generated(99, 0.5, 60);
    return IntStream.range(0, generated.size())
        .mapToObj(i -> Canaries.inject(generated.get(i), i)).toList();
  }

  @Test
  void canariesReachEveryPrivateFieldOfTheTestCourses() {
    String all = String.join("\n", COURSES.stream().map(JSON::writeCourse).toList());

    for (String canary : List.of("Qz9-patientRef", "Qz9 therapistRef", "Qz9-id-", "Qz9 goal",
        "Qz9 satisfying", "Qz9 unsatisfying", "Qz9 desiredChange", "Qz9 fromRole", "Qz9 toRole",
        "Qz9 rater")) {
      assertThat(all).contains(canary);
    }
    assertThat(COURSES).anySatisfy(c -> assertThat(c.problemAreas())
        .anyMatch(a -> a instanceof RoleTransition t && t.fromRole().isPresent()));
  }

  @Test
  void canaryCheckFindsACanaryInAnyReachableToString() {
    Finding leaking = Finding.builder().rule("S01").name("session-count").severity(
        org.iptkit.rules.Severity.ERROR).path("").message(Canaries.canary("goal", 1)).build();

    assertThat(catchThrowable(() -> assertNoLeakInToString(List.of(leaking))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("private data in");
    assertThat(catchThrowable(() -> assertNoLeak("text", "x Qz9 y")))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void valuesOfTheCourseModelNeverShowPrivateDataInToString() {
    for (TreatmentCourse course : COURSES) {
      assertNoLeakInToString(course);
    }
  }

  @Test
  void reportsAgendasAndTheirJsonCarryNoPrivateData() {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    for (var profile : Protocols.all()) {
      FidelityChecker checker = FidelityChecker.of(profile);
      List<FidelityReport> reports = new ArrayList<>();
      for (TreatmentCourse course : COURSES) {
        FidelityReport report = checker.check(course);
        reports.add(report);
        assertNoLeakInToString(report);
        for (Finding finding : report.findings()) {
          assertNoLeak("finding " + finding.rule(), finding.message());
          assertNoLeak("finding path", finding.path());
        }
        assertNoLeak("report JSON", JSON.writeReport(report));
        Agenda agenda = checker.agenda(course);
        assertNoLeakInToString(agenda);
        assertNoLeak("agenda JSON", JSON.writeAgenda(agenda));
      }
      for (ReportFormat format : ReportFormat.values()) {
        try (ReportWriter writer = JSON.reportWriter(written, format)) {
          reports.forEach(writer::write);
        }
        assertNoLeak(format + " reports", written.toString(StandardCharsets.UTF_8));
        written.reset();
      }
    }
  }

  @Test
  void cohortReportShowsTherapistReferencesOnlyWhereItGroupsByThem() {
    CohortReport cohort = COURSES.stream()
        .map(c -> FidelityChecker.of(Protocols.get(c.protocol())).check(c))
        .collect(CohortReport.collector());

    assertNoLeakInToString(cohort);
    String json = JSON.writeCohortReport(cohort);
    Matcher therapists = Canaries.THERAPIST.matcher(json);
    assertThat(therapists.find()).as("therapist references group the cohort, by design").isTrue();
    assertNoLeak("cohort JSON without its therapist grouping keys",
        Canaries.THERAPIST.matcher(json).replaceAll("therapist"));
  }

  @Test
  void invariantErrorsOfTheModelNeverQuotePrivateValues() {
    String id = Canaries.idCanary("id", 1, "partner");
    List<Throwable> thrown = List.of(
        catchThrowable(() -> InterpersonalInventory.builder()
            .takenOn(java.time.LocalDate.of(2026, 1, 5))
            .addPerson(Person.builder().id(id).build()).addPerson(Person.builder().id(id).build())
            .build()),
        catchThrowable(() -> Person.builder().id(id).circle(0)
            .addSatisfying(Canaries.canary("satisfying", 1))
            .desiredChange(Canaries.canary("desiredChange", 1)).build()),
        catchThrowable(() -> Person.builder().id(id).diedOn(java.time.LocalDate.of(2025, 1, 1))
            .build()),
        catchThrowable(() -> FidelityRating.builder().session(0).scale("IPT-QAS")
            .rater(Canaries.canary("rater", 1)).addItem(-1).build()),
        catchThrowable(() -> Contract.builder().kind(ContractKind.ACUTE)
            .agreedOn(java.time.LocalDate.of(2026, 1, 5)).plannedSessions(0)
            .addGoal(Canaries.canary("goal", 1)).build()),
        catchThrowable(() -> Person.builder().id(" ").build()));

    assertThat(thrown).allSatisfy(t -> assertThat(t).isNotNull());
    thrown.forEach(t -> assertNoLeak("model invariant", t));
  }

  static Stream<String> malformedNearACanary() {
    List<String> documents = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      String valid = JSON.writeCourse(COURSES.get(n));
      Matcher m = java.util.regex.Pattern.compile("\"(Canary[^\"]*)\"").matcher(valid);
      while (m.find()) {
        String quoted = m.group();
        String bare = m.group(1);
        int at = m.start();
        String before = valid.substring(0, at);
        String after = valid.substring(m.end());
        documents.add(before + bare + after);                               // unquoted
        documents.add(before + bare.replace(' ', '_') + after);             // a bare token
        documents.add(before + quoted.substring(0, quoted.length() - 1));   // cut inside
        documents.add(before + quoted);                                     // cut after
        documents.add(before + "\"" + bare + "\u0001\"" + after);           // control character
        documents.add(before + "\"" + bare + "\\q\"" + after);              // bad escape
        documents.add(before + quoted + quoted + after);                    // two strings
        documents.add(before + quoted + ":" + quoted + after);              // value as a name
        documents.add(before + "{\"x\":" + quoted + "}" + after);           // wrong type
        documents.add(before + "[" + quoted + ",7]" + after);               // wrong type
        documents.add(before + "7" + after);                                // wrong type nearby
        documents.add(before + quoted + "," + quoted + after);              // extra value
        documents.add(before + quoted + "}" + after);                       // early close
      }
    }
    return documents.stream();
  }

  @ParameterizedTest
  @MethodSource("malformedNearACanary")
  void readErrorsNearACanaryNeverQuoteIt(String document) {
    Throwable direct = catchThrowable(() -> JSON.readCourse(document));
    if (direct != null) {
      assertThat(direct).isInstanceOf(JsonReadException.class);
      assertNoLeak("read error", direct);
      JsonReadException e = (JsonReadException) direct;
      assertNoLeak("expected", e.expected());
      assertNoLeak("reason", e.reason());
      assertNoLeak("pointer", e.pointer());
    }
    assertNoLeak("stream read error", catchThrowable(() -> JSON.readCourse(
        new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)))));
    assertNoLeak("mapper read error",
        catchThrowable(() -> JSON.mapper().readValue(document, TreatmentCourse.class)));
    ReadResult lenient = null;
    try {
      lenient = IptJson.builder().lenientUnknownFields(true).build().readCourseWithWarnings(document);
    } catch (JsonReadException e) {
      assertNoLeak("lenient read error", e);
    }
    if (lenient != null) {
      lenient.warnings().forEach(w -> assertNoLeak("warning", w.toString()));
    }
    byte[] line = document.replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
    for (BatchFormat format : List.of(BatchFormat.NDJSON, BatchFormat.JSON_ARRAY)) {
      byte[] batch = format == BatchFormat.NDJSON ? line
          : Documents.concat("[".getBytes(StandardCharsets.UTF_8), line,
              "]".getBytes(StandardCharsets.UTF_8));
      try (Stream<BatchRecord> records = JSON.batchReader()
          .read(new ByteArrayInputStream(batch), "export", format)) {
        records.forEach(r -> assertNoLeak("batch record", r.toString()));
      }
    }
  }
}
