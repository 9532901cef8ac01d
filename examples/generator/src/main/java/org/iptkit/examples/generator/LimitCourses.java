package org.iptkit.examples.generator;

import java.time.LocalDate;
import org.iptkit.core.CourseStatus;

/**
 * Course documents at the size limits of the JSON readers (10 MB a document), for checking that
 * every command of a host stays bounded on the largest course it may be given: a course of up to
 * 100,000 attended sessions, or one whose interpersonal inventories list 100,000 people each. The
 * documents are valid and as compact as the format allows; they are written as JSON text here
 * because a course this large is what a host receives, not what it builds.
 */
public final class LimitCourses {
  private LimitCourses() {}

  /**
   * The course document of an {@code ipt-acute-16} course of {@code sessions} attended sessions,
   * one a day (the first three INITIAL, the last three TERMINATION, the rest MIDDLE; a PHQ-9 total
   * every tenth session, the role dispute as focus of every third middle session), with two
   * inventories of {@code people} people each; a course that is not ONGOING has an end date.
   */
  public static String document(int sessions, int people, CourseStatus status) {
    StringBuilder json = new StringBuilder(10_000_000);
    json.append("{\"schemaVersion\":\"1.0\",\"courseId\":\"limit\",\"protocol\":\"ipt-acute-16\",")
        .append("\"status\":\"").append(status.name()).append("\",\"inventories\":[");
    StringBuilder list = new StringBuilder("{\"id\":\"partner\",\"relationship\":\"PARTNER\","
        + "\"circle\":1}");
    for (int i = 1; i < people; i++) {
      list.append(",{\"id\":\"p").append(i).append("\"}");
    }
    json.append("{\"takenOn\":\"2000-01-04\",\"people\":[").append(list).append("]},")
        .append("{\"takenOn\":\"2000-01-05\",\"people\":[").append(list).append("]}],")
        .append("\"problemAreas\":[{\"type\":\"ROLE_DISPUTE\",\"primary\":true,")
        .append("\"personId\":\"partner\",\"stage\":\"IMPASSE\"}],\"sessions\":[");
    LocalDate start = LocalDate.of(2000, 1, 3);
    for (int i = 1; i <= sessions; i++) {
      String phase = i <= 3 ? "INITIAL" : i > sessions - 3 ? "TERMINATION" : "MIDDLE";
      json.append(i == 1 ? "" : ",").append("{\"number\":").append(i).append(",\"date\":\"")
          .append(start.plusDays(i)).append("\",\"attendance\":\"ATTENDED\",\"phase\":\"")
          .append(phase).append('"');
      if (i % 10 == 0) {
        json.append(",\"measures\":[{\"instrument\":\"PHQ9\",\"total\":10}]");
      }
      if (phase.equals("MIDDLE") && i % 3 == 0) {
        json.append(",\"focus\":[\"ROLE_DISPUTE\"]");
      }
      json.append('}');
    }
    json.append(']');
    if (status != CourseStatus.ONGOING) {
      json.append(",\"endedOn\":\"").append(start.plusDays(sessions + 1L)).append('"');
    }
    return json.append('}').toString();
  }
}
