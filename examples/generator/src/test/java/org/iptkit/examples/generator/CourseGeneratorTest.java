package org.iptkit.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Session;
import org.iptkit.core.Setting;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CourseGeneratorTest {
  @Test
  void sameSeedGivesEqualCourses() {
    CourseGenerator generator = CourseGenerator.builder().seed(11).deviationRate(0.3).build();
    CourseGenerator again = CourseGenerator.builder().seed(11).deviationRate(0.3).build();
    List<GeneratedCourse> first = generator.stream(200).toList();
    assertThat(again.stream(200).toList()).isEqualTo(first);
    assertThat(generator.stream(200).parallel().toList()).isEqualTo(first);
    assertThat(generator.generate(137)).isEqualTo(first.get(137));
  }

  @Test
  void differentSeedsGiveDifferentCourses() {
    List<GeneratedCourse> one = CourseGenerator.builder().seed(1).build().stream(50).toList();
    List<GeneratedCourse> two = CourseGenerator.builder().seed(2).build().stream(50).toList();
    int same = 0;
    for (int i = 0; i < 50; i++) {
      if (one.get(i).course().sessions().equals(two.get(i).course().sessions())) {
        same++;
      }
    }
    assertThat(same).isZero();
  }

  @Test
  void everyProfileProblemAreaAndStatusOccursInAThousandCourses() {
    Set<String> profiles = new HashSet<>();
    Set<ProblemAreaType> areas = EnumSet.noneOf(ProblemAreaType.class);
    Set<CourseStatus> statuses = EnumSet.noneOf(CourseStatus.class);
    Set<String> profileAreas = new HashSet<>();
    CourseGenerator.builder().seed(3).build().stream(1_000).forEach(generated -> {
      TreatmentCourse course = generated.course();
      profiles.add(course.protocol());
      statuses.add(course.status());
      for (var area : course.problemAreas()) {
        areas.add(area.type());
        profileAreas.add(course.protocol() + "/" + area.type());
      }
    });
    assertThat(profiles).containsExactlyInAnyOrderElementsOf(Protocols.ids());
    assertThat(areas).containsExactlyInAnyOrder(ProblemAreaType.values());
    assertThat(statuses).containsExactlyInAnyOrder(CourseStatus.values());
    assertThat(profileAreas).hasSize(Protocols.ids().size() * ProblemAreaType.values().length);
  }

  static List<ProtocolProfile> builtIns() {
    return Protocols.all();
  }

  @ParameterizedTest
  @MethodSource("builtIns")
  void cleanCoursesOfEveryBuiltInProfileKeepEveryRule(ProtocolProfile profile) {
    CourseGenerator generator = CourseGenerator.builder().seed(profile.id().hashCode())
        .profiles(List.of(profile)).build();
    FidelityChecker checker = FidelityChecker.of(profile);
    generator.stream(150).forEach(generated -> {
      assertThat(generated.isClean()).isTrue();
      assertThat(generated.course().protocol()).isEqualTo(profile.id());
      FidelityReport report = checker.check(generated.course());
      assertThat(report.findings()).as("%s %s", generated.course().courseId(),
          generated.course().status()).isEmpty();
    });
  }

  @Test
  void coursesLookLikeTheirProfile() {
    CourseGenerator.builder().seed(5).build().stream(400).forEach(generated -> {
      TreatmentCourse course = generated.course();
      assertThat(course.courseId()).isEqualTo("gen-5-" + generated.index());
      assertThat(course.therapistRef()).get().asString().matches("th-(0[1-9]|1[0-2])");
      assertThat(course.patientRef()).get().asString().matches("pt-[0-9a-f]{10}");
      ProtocolProfile profile = generated.profile();
      for (Session session : course.sessions()) {
        assertThat(session.date().getDayOfWeek()).as("%s session %d", course.courseId(),
            session.number()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      }
      for (Session session : course.attendedSessions()) {
        Phase phase = session.phase().orElseThrow();
        if (profile.isGroup() && phase != Phase.PRE_GROUP) {
          assertThat(session.setting()).contains(Setting.GROUP);
        }
        if (!profile.hasAcutePhases()) {
          assertThat(phase).isEqualTo(Phase.MAINTENANCE);
        }
      }
      if (profile.isGroup()) {
        assertThat(course.attendedSessions().get(0).phase()).contains(Phase.PRE_GROUP);
      }
      if (course.status() == CourseStatus.COMPLETED) {
        assertThat(course.endedOn()).isPresent();
      }
    });
  }

  @Test
  void injectedCoursesNameTheirRules() {
    CourseGenerator generator = CourseGenerator.builder().seed(9).deviationRate(1.0).build();
    generator.stream(300).forEach(generated -> {
      assertThat(generated.deviations()).isNotEmpty();
      for (InjectedDeviation deviation : generated.deviations()) {
        assertThat(deviation.rule()).matches("[SPIFTMEN]0[1-9]");
        assertThat(deviation.kind().appliesTo(generated.profile(), generated.course().status()))
            .isTrue();
      }
    });
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> CourseGenerator.builder().deviationRate(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CourseGenerator.builder().profiles(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CourseGenerator.builder().build().generate(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
