package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.MalformedDocumentsTest.BASE;
import static org.iptkit.json.MalformedDocumentsTest.q;
import static org.iptkit.json.MalformedDocumentsTest.with;

import java.util.stream.Stream;
import org.iptkit.core.Measure;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records that cannot have happened, read from JSON, are located errors like every other
 * invariant: the JSON Pointer, line and column of the field, what was expected, and never the
 * offending free text. Partly answered forms ({@code null} items) are read, prorated or without a
 * total, and written back unchanged.
 */
class ImpossibleRecordsJsonTest {

  static Stream<Arguments> impossibleRecords() {
    return Stream.of(
        Arguments.of("an ONGOING course with an end date",
            with("'status':'COMPLETED'", "'status':'ONGOING'"),
            "/endedOn", "an ONGOING course has no endedOn"),
        Arguments.of("an end date before the last session",
            with("'endedOn':'2026-04-20'", "'endedOn':'2026-01-10'"),
            "/endedOn", "endedOn 2026-01-10 is before session 2 on 2026-01-12"),
        Arguments.of("a cancelled session with minutes",
            with("'attendance':'CANCELLED'", "'attendance':'CANCELLED','minutes':50"),
            "/sessions/1/minutes", "session 2 is CANCELLED and cannot record minutes"),
        Arguments.of("a rating of a cancelled session",
            with("'fidelityRatings':[{'session':1,", "'fidelityRatings':[{'session':2,"),
            "/fidelityRatings/0/session", "rates session 2, which is CANCELLED"),
        Arguments.of("a CPT code that is not one",
            with("'cpt':'90834'", "'cpt':'hello'"),
            "/sessions/0/cpt", "cpt is not a CPT code"),
        Arguments.of("a total for a form with three items unanswered",
            with("'items':[2,3,2,2,1,2,2,1,0],'total':15",
                "'items':[2,null,null,null,1,2,2,1,0],'total':15"),
            "/sessions/0/measures/0/total", "PHQ-9 with 3 items unanswered has no total"),
        Arguments.of("a total other than the prorated one",
            with("'items':[2,3,2,2,1,2,2,1,0],'total':15",
                "'items':[2,3,null,2,1,2,2,1,0],'total':13"),
            "/sessions/0/measures/0/total", "disagrees with the prorated total of its items, 15"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("impossibleRecords")
  void impossibleRecordIsALocatedError(String name, String document, String pointer,
      String fragment) {
    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.problem()).isEqualTo(Problem.INVALID_VALUE);
          assertThat(e.getMessage()).startsWith(pointer + ": ").contains(fragment)
              .doesNotContain("hello");
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.column()).isGreaterThan(1);
          assertThat(e.expected()).isNotBlank().isNotEqualTo("a possible value");
        });
  }

  @Test
  void theErrorPointsAtTheImpossibleValue() {
    String document = with("'cpt':'90834'", "'cpt':'hello'");

    JsonReadException e = (JsonReadException) org.assertj.core.api.Assertions.catchThrowable(
        () -> IptJson.strict().readCourse(document));

    assertThat(e.column()).isEqualTo(document.indexOf(q("'hello'")) + 1);
  }

  @Test
  void partlyAnsweredFormsAreReadProratedAndWrittenBackUnchanged() {
    String document = with("'items':[2,3,2,2,1,2,2,1,0],'total':15",
        "'items':[2,3,null,2,1,2,2,1,0]");
    IptJson json = IptJson.strict();

    TreatmentCourse course = json.readCourse(document);
    Measure measure = course.sessions().get(0).measures().get(0);

    assertThat(measure.items()).containsExactly(2, 3, null, 2, 1, 2, 2, 1, 0);
    assertThat(measure.isProrated()).isTrue();
    assertThat(measure.totalScore()).isEqualTo(15);
    assertThat(json.writeCourse(course)).contains(q("'items':[2,3,null,2,1,2,2,1,0]"));
    assertThat(json.readCourse(json.writeCourse(course))).isEqualTo(course);
  }

  @Test
  void aFormWithTooManyUnansweredItemsIsReadWithoutATotal() {
    TreatmentCourse course = IptJson.strict().readCourse(with(
        "'items':[2,3,2,2,1,2,2,1,0],'total':15", "'items':[2,null,null,null,1,2,2,1,null]"));

    Measure measure = course.sessions().get(0).measures().get(0);
    assertThat(measure.hasTotal()).isFalse();
    assertThat(measure.unansweredItems()).containsExactly(2, 3, 4, 9);
  }

  @Test
  void theBaseDocumentIsPossible() {
    assertThat(IptJson.strict().readCourse(BASE).sessions()).hasSize(2);
  }
}
