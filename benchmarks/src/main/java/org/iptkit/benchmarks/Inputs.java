package org.iptkit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.examples.generator.GeneratedCourse;
import org.iptkit.json.IptJson;
import org.iptkit.rules.Protocols;

/**
 * The benchmark inputs: synthetic courses from the generator with a fixed seed, so every run
 * measures the same courses. Nothing here is timed.
 */
final class Inputs {
  /** The seed of every generator used by the benchmarks. */
  static final long SEED = 20_261_101L;
  /** The share of mixed courses that get injected protocol deviations. */
  static final double DEVIATION_RATE = 0.2;

  private Inputs() {}

  /**
   * A COMPLETED IPT_ACUTE_16 course with exactly 16 attended treatment sessions: clean (it keeps
   * every rule) or with injected deviations (so the checker builds findings).
   */
  static TreatmentCourse sixteenSessionCourse(boolean withDeviations) {
    CourseGenerator generator = CourseGenerator.builder()
        .seed(SEED)
        .profiles(List.of(Protocols.IPT_ACUTE_16))
        .deviationRate(withDeviations ? 1.0 : 0.0)
        .build();
    for (long index = 0; index < 10_000; index++) {
      GeneratedCourse generated = generator.generate(index);
      TreatmentCourse course = generated.course();
      if (course.status() == CourseStatus.COMPLETED && treatmentSessions(course) == 16
          && generated.isClean() != withDeviations) {
        return course;
      }
    }
    throw new IllegalStateException("no 16-session course in the first 10 000 generated");
  }

  private static int treatmentSessions(TreatmentCourse course) {
    int count = 0;
    for (Session session : course.attendedSessions()) {
      if (!session.isIn(Phase.PRE_GROUP)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The first {@code count} courses of a generator over all nine built-in profiles, every
   * status and problem area, a fifth of them with injected deviations: a realistic cohort.
   */
  static List<TreatmentCourse> mixedCourses(int count) {
    CourseGenerator generator = CourseGenerator.builder()
        .seed(SEED)
        .deviationRate(DEVIATION_RATE)
        .build();
    List<TreatmentCourse> courses = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      courses.add(generator.generate(index).course());
    }
    return courses;
  }

  /** The courses as NDJSON bytes, as {@code ipt generate} writes them. */
  static byte[] ndjson(List<TreatmentCourse> courses) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(courses.size() * 8_192);
    IptJson.strict().writeNdjson(courses, out);
    return out.toByteArray();
  }
}
