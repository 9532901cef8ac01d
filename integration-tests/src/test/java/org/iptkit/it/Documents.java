package org.iptkit.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.examples.generator.GeneratedCourse;
import org.iptkit.json.IptJson;

/** Valid course documents the integration tests start from: the format example and generated ones. */
final class Documents {
  /** The compact format example (docs/format.md, Course) on one line. */
  static final String SAMPLE = IptJson.strict().writeCourse(SampleCourses.formatExample());
  /** The same course indented over many lines, so errors have line numbers above 1. */
  static final String SAMPLE_PRETTY = IptJson.builder().prettyPrint(true).build()
      .writeCourse(SampleCourses.formatExample());

  private Documents() {}

  /** UTF-8 bytes of a text. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code parts} joined into one byte array. */
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

  /** A generator over every built-in profile with the given share of injected deviations. */
  static CourseGenerator generator(long seed, double deviationRate) {
    return CourseGenerator.builder().seed(seed).deviationRate(deviationRate).build();
  }

  /** The first {@code count} courses of {@link #generator(long, double)}. */
  static List<TreatmentCourse> generated(long seed, double deviationRate, int count) {
    return generator(seed, deviationRate).stream(count).map(GeneratedCourse::course).toList();
  }
}
