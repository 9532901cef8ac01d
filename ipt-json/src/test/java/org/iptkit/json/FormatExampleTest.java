package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.api.Test;

/** The example course of docs/format.md, Course, stored verbatim, reads as written and writes back
 * golden. */
class FormatExampleTest {
  static String resource(String name) {
    try (InputStream in = FormatExampleTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TreatmentCourse example() {
    return IptJson.strict().readCourse(resource("format-example-course.json"));
  }

  @Test
  void formatExampleReadsAsWritten() {
    TreatmentCourse course = example();

    assertThat(course.courseId()).isEqualTo("c-0001");
    assertThat(course.patientRef()).contains("pt-7f3a");
    assertThat(course.therapistRef()).contains("th-12");
    assertThat(course.protocol()).isEqualTo("ipt-acute-16");
    assertThat(course.status()).isEqualTo(CourseStatus.COMPLETED);
    assertThat(course.contracts()).singleElement().satisfies(contract -> {
      assertThat(contract.kind()).isEqualTo(ContractKind.ACUTE);
      assertThat(contract.plannedSessions()).hasValue(16);
      assertThat(contract.goals()).containsExactly("Fewer arguments with partner", "PHQ-9 below 5");
    });
    assertThat(course.inventories().get(0).people()).hasSize(3);
    assertThat(course.inventories().get(0).person("father").orElseThrow().diedOn())
        .contains(LocalDate.of(2025, 6, 2));
    assertThat(course.inventories().get(0).person("partner").orElseThrow().expectationsMet())
        .contains(false);
    assertThat(course.problemAreas()).singleElement().isInstanceOfSatisfying(RoleDispute.class,
        dispute -> {
          assertThat(dispute.primary()).isTrue();
          assertThat(dispute.personId()).contains("partner");
          assertThat(dispute.stage()).contains(DisputeStage.IMPASSE);
        });
    assertThat(course.formulation().orElseThrow().areas())
        .containsExactly(ProblemAreaType.ROLE_DISPUTE);
    assertThat(course.sessions()).hasSize(2);
    assertThat(course.sessions().get(0).attendance()).isEqualTo(Attendance.ATTENDED);
    assertThat(course.sessions().get(0).phase()).contains(Phase.INITIAL);
    assertThat(course.sessions().get(0).tasks()).containsExactly(SessionTask.DIAGNOSIS_NAMED,
        SessionTask.PSYCHOEDUCATION, SessionTask.SICK_ROLE_GIVEN,
        SessionTask.MEDICATION_EVALUATED);
    assertThat(course.sessions().get(0).focus()).isEmpty();
    assertThat(course.baseline(Instrument.PHQ9).orElseThrow().total()).isEqualTo(15);
    assertThat(course.fidelityRatings().get(0).items()).containsExactly(4, 3, 5, 4);
    assertThat(course.endedOn()).contains(LocalDate.of(2026, 4, 20));
  }

  @Test
  void formatExampleWritesBackTheGoldenDocument() {
    String golden = resource("format-example-course.golden.json");
    String written = IptJson.builder().prettyPrint(true).build().writeCourse(example());

    assertThat(written + "\n").isEqualTo(golden);
  }

  @Test
  void goldenDocumentStartsWithTheSchemaVersionAndReadsBackEqual() {
    String golden = resource("format-example-course.golden.json");

    assertThat(golden).startsWith("{\n  \"schemaVersion\": \"1.0\",\n  \"courseId\": \"c-0001\",");
    assertThat(IptJson.strict().readCourse(golden)).isEqualTo(example());
  }

  @Test
  void compactFormHasTheSameFieldOrderOnOneLine() {
    String compact = IptJson.strict().writeCourse(example());
    String pretty = IptJson.builder().prettyPrint(true).build().writeCourse(example());

    assertThat(compact).doesNotContain("\n");
    assertThat(pretty.replaceAll("\n *", "").replace("\": ", "\":").replace(", ", ","))
        .isEqualTo(compact);
  }

  @Test
  void writerLeavesOutEmptyOptionalsButAlwaysWritesSessions() {
    TreatmentCourse bare = TreatmentCourse.builder()
        .courseId("c-2").protocol("ipt-acute-16").status(CourseStatus.ONGOING).build();

    assertThat(IptJson.strict().writeCourse(bare)).isEqualTo(
        "{\"schemaVersion\":\"1.0\",\"courseId\":\"c-2\",\"protocol\":\"ipt-acute-16\","
            + "\"status\":\"ONGOING\",\"sessions\":[]}");
    assertThat(IptJson.builder().prettyPrint(true).build().writeCourse(bare)).isEqualTo("""
        {
          "schemaVersion": "1.0",
          "courseId": "c-2",
          "protocol": "ipt-acute-16",
          "status": "ONGOING",
          "sessions": []
        }""");
  }
}
