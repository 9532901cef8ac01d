package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.MalformedDocumentsTest.BASE;
import static org.iptkit.json.MalformedDocumentsTest.q;
import static org.iptkit.json.MalformedDocumentsTest.with;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.iptkit.core.Grief;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;

/**
 * A lenient reader ignores unknown fields (a newer minor version, a host's own additions) and
 * reports each as a warning with its pointer; everything else stays strict.
 */
class LenientModeTest {
  private static final IptJson LENIENT = IptJson.builder().lenientUnknownFields(true).build();

  @Test
  void unknownFieldsAtEveryDepthAreWarningsWithTheirPointers() {
    String document = with("'status':'COMPLETED',", "'status':'COMPLETED','site':{'name':'x','beds':[1,2]},")
        .replace(q("'total':15}"), q("'total':15,'scoredBy':'nurse'}"))
        .replace(q("'id':'father',"), q("'id':'father','nickname':'dad',"));

    ReadResult result = LENIENT.readCourseWithWarnings(document);

    assertThat(result.course()).isEqualTo(IptJson.strict().readCourse(BASE));
    assertThat(result.clean()).isFalse();
    assertThat(result.warnings()).extracting(ReadWarning::pointer).containsExactly(
        "/site", "/inventories/0/people/1/nickname", "/sessions/0/measures/0/scoredBy");
    assertThat(result.warnings().get(0).message()).isEqualTo("unknown field, ignored");
    assertThat(result.warnings().get(0).line()).isEqualTo(1);
    assertThat(result.warnings().get(0).column()).isPositive();
    assertThat(result.warnings().get(0).toString()).startsWith("/site: unknown field, ignored (line 1");
  }

  @Test
  void fieldOfAnotherKindOfProblemAreaIsDroppedWithAWarning() {
    String document = MalformedDocumentsTest.mini(
        "'problemAreas':[{'type':'GRIEF','personId':'father','stage':'IMPASSE'}],", "[]");

    ReadResult result = LENIENT.readCourseWithWarnings(document);

    assertThat(result.course().problemAreas()).singleElement().isInstanceOfSatisfying(Grief.class,
        grief -> assertThat(grief.personId()).contains("father"));
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.pointer()).isEqualTo("/problemAreas/0/stage");
      assertThat(w.message()).isEqualTo("field not defined for a GRIEF problem area, ignored");
    });
    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.pointer()).isEqualTo("/problemAreas/0/stage"));
  }

  @Test
  void strictReaderHasNoWarningsAndLenientReadCourseDropsThem() {
    assertThat(IptJson.strict().readCourseWithWarnings(BASE).warnings()).isEmpty();
    assertThat(IptJson.strict().readCourseWithWarnings(BASE).clean()).isTrue();
    String document = with("'status':'COMPLETED',", "'status':'COMPLETED','x':1,");
    assertThat(LENIENT.readCourse(document)).isEqualTo(IptJson.strict().readCourse(BASE));
    assertThat(LENIENT.readCourseWithWarnings(
        new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))).warnings())
        .hasSize(1);
    assertThat(LENIENT.lenientUnknownFields()).isTrue();
    assertThat(IptJson.strict().lenientUnknownFields()).isFalse();
  }

  @Test
  void everythingButUnknownFieldsStaysStrict() {
    String duplicate = with("'courseId':'c-1',", "'courseId':'c-1','courseId':'c-2',");
    String badEnum = with("'status':'COMPLETED'", "'status':'DONE'");
    String wrongType = with("'minutes':50", "'minutes':'50'");
    String newer = with("'schemaVersion':'1.0'", "'schemaVersion':'2.0'");

    assertThatThrownBy(() -> LENIENT.readCourse(duplicate)).isInstanceOfSatisfying(
        JsonReadException.class, e -> assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_FIELD));
    assertThatThrownBy(() -> LENIENT.readCourse(badEnum)).isInstanceOfSatisfying(
        JsonReadException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_VALUE));
    assertThatThrownBy(() -> LENIENT.readCourse(wrongType)).isInstanceOfSatisfying(
        JsonReadException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_TYPE));
    assertThatThrownBy(() -> LENIENT.readCourse(newer)).isInstanceOfSatisfying(
        JsonReadException.class,
        e -> assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_VERSION));
  }

  @Test
  void anUnknownFieldGivenTwiceIsADuplicateAtAnyDepth() {
    String twice = with("'status':'COMPLETED',", "'status':'COMPLETED','x':1,'x':2,");
    String nested = with("'status':'COMPLETED',", "'status':'COMPLETED','site':[{'a':1,'a':2}],");
    String distinct = with("'status':'COMPLETED',", "'status':'COMPLETED','site':[{'a':1},{'a':2}],");

    assertThatThrownBy(() -> LENIENT.readCourse(twice)).isInstanceOfSatisfying(
        JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_FIELD);
          assertThat(e.pointer()).isEqualTo("/x");
        });
    assertThatThrownBy(() -> LENIENT.readCourse(nested)).isInstanceOfSatisfying(
        JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_FIELD);
          assertThat(e.pointer()).isEqualTo("/site/0/a");
        });
    assertThat(LENIENT.readCourseWithWarnings(distinct).warnings())
        .extracting(ReadWarning::pointer).containsExactly("/site");
  }

  @Test
  void newerMinorVersionWithNewFieldsIsReadLeniently() {
    String document = with("'schemaVersion':'1.0'", "'schemaVersion':'1.4'")
        .replace(q("'endedOn'"), q("'followUp':{'weeks':12},'endedOn'"));

    ReadResult result = LENIENT.readCourseWithWarnings(document);

    assertThat(result.course().courseId()).isEqualTo("c-1");
    assertThat(result.warnings()).extracting(ReadWarning::pointer).containsExactly("/followUp");
  }
}
