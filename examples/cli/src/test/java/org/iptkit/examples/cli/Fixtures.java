package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.examples.generator.GeneratedCourse;
import org.iptkit.json.IptJson;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.Severity;

/** Course files for the tool's tests, made by the synthetic-course generator. */
final class Fixtures {
  /** A patient reference no output may ever contain. */
  static final String CANARY_PATIENT = "CANARYPATIENT9931";
  /** A therapist reference that only the by-therapist report may contain. */
  static final String CANARY_THERAPIST = "CANARYTHERAPIST4417";
  /** Free text (goals, satisfying, unsatisfying, desired change) no output may contain. */
  static final List<String> CANARY_TEXT = List.of("CANARYGOAL5521", "CANARYSATISFYING",
      "CANARYUNSATISFYING", "CANARYCHANGE", "canarypersonid");

  /**
   * A course document in the shape of docs/format.md, Course, whose patient reference, therapist
   * reference, person id and free text are canary strings; it has a PHQ-9 item 9 of 2 in session
   * 1 without a risk assessment, so it carries an ERROR finding (M04).
   */
  static final String CANARY_COURSE = """
      {"schemaVersion":"1.0","courseId":"c-canary","patientRef":"CANARYPATIENT9931",
       "therapistRef":"CANARYTHERAPIST4417","protocol":"ipt-acute-16","status":"ONGOING",
       "contracts":[{"kind":"ACUTE","agreedOn":"2026-01-19","plannedSessions":16,
         "frequency":"WEEKLY","sessionMinutes":50,"goals":["CANARYGOAL5521"]}],
       "inventories":[{"takenOn":"2026-01-12","people":[
         {"id":"canarypersonid","relationship":"PARTNER","circle":1,"contact":"DAILY",
          "confidant":false,"conflict":true,"changedNearOnset":true,
          "satisfying":["CANARYSATISFYING"],"unsatisfying":["CANARYUNSATISFYING"],
          "expectationsMet":false,"desiredChange":"CANARYCHANGE"},
         {"id":"sister","relationship":"SIBLING","circle":2,"contact":"WEEKLY"}]}],
       "problemAreas":[{"type":"ROLE_DISPUTE","primary":true,"personId":"canarypersonid",
         "stage":"IMPASSE"}],
       "formulation":{"sharedOn":"2026-01-19","areas":["ROLE_DISPUTE"],"patientAgreed":true},
       "sessions":[
        {"number":1,"date":"2026-01-05","minutes":50,"attendance":"ATTENDED","phase":"INITIAL",
         "tasks":["DIAGNOSIS_NAMED","PSYCHOEDUCATION","SICK_ROLE_GIVEN"],
         "measures":[{"instrument":"PHQ9","items":[2,3,2,2,1,2,2,1,2]}]},
        {"number":2,"date":"2026-01-12","minutes":50,"attendance":"ATTENDED","phase":"INITIAL",
         "tasks":["INVENTORY","MEDICATION_EVALUATED"]}]}
      """.replace("\n", "").replace("  ", "");

  private Fixtures() {}

  /**
   * {@link #CANARY_COURSE} with the given PHQ-9 items ({@code null} for an item left unanswered,
   * so that a form with one or two of them has a prorated total) in session 1 and in the last
   * session; with {@code middle}, session 2 has those items and a third session the last ones.
   */
  static String scoredCourse(String first, String middle, String last) {
    String third = "{\"number\":3,\"date\":\"2026-01-19\",\"minutes\":50,"
        + "\"attendance\":\"ATTENDED\",\"phase\":\"MIDDLE\",\"measures\":[" + phq9(last)
        + "]}";
    return CANARY_COURSE
        .replace("\"items\":[2,3,2,2,1,2,2,1,2]", "\"items\":[" + first + "]")
        .replace("\"MEDICATION_EVALUATED\"]}", "\"MEDICATION_EVALUATED\"],\"measures\":["
            + phq9(middle == null ? last : middle) + "]}" + (middle == null ? "" : "," + third));
  }

  private static String phq9(String items) {
    return "{\"instrument\":\"PHQ9\",\"items\":[" + items + "]}";
  }

  /** The generator with a fixed seed and the given deviation rate. */
  static CourseGenerator generator(long seed, double deviationRate) {
    return CourseGenerator.builder().seed(seed).deviationRate(deviationRate).build();
  }

  /** Generated courses, as NDJSON text. */
  static String ndjson(long seed, int count, double deviationRate) {
    StringBuilder text = new StringBuilder();
    generator(seed, deviationRate).stream(count).forEach(g ->
        text.append(IptJson.strict().writeCourse(g.course())).append('\n'));
    return text.toString();
  }

  /** Writes text to a file (creating its directories) and returns the path. */
  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generated clean courses (no finding at any severity), one per line. */
  static String cleanNdjson(int count) {
    List<String> lines = new ArrayList<>();
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    for (long i = 0; lines.size() < count; i++) {
      GeneratedCourse generated = generator(11, 0).generate(i);
      TreatmentCourse course = generated.course();
      if (registry.check(course).findings().isEmpty()) {
        lines.add(IptJson.strict().writeCourse(course));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** A generated course whose report has findings of exactly the wanted worst severity. */
  static String courseWithWorst(Severity worst) {
    ProtocolRegistry registry = ProtocolRegistry.builtIn();
    CourseGenerator generator = generator(5, 1.0);
    for (long i = 0; i < 10_000; i++) {
      TreatmentCourse course = generator.generate(i).course();
      var findings = registry.check(course).findings();
      if (!findings.isEmpty() && findings.stream().map(f -> f.severity())
          .min(Enum::compareTo).orElseThrow() == worst) {
        return IptJson.strict().writeCourse(course);
      }
    }
    throw new IllegalStateException("no course with worst severity " + worst);
  }

  /** The first generated course with the given status, as one JSON document. */
  static String courseWithStatus(CourseStatus status) {
    CourseGenerator generator = generator(3, 0);
    for (long i = 0; i < 10_000; i++) {
      TreatmentCourse course = generator.generate(i).course();
      if (course.status() == status && course.protocol().equals(Protocols.IPT_ACUTE_16.id())) {
        return IptJson.strict().writeCourse(course);
      }
    }
    throw new IllegalStateException("no course with status " + status);
  }
}
