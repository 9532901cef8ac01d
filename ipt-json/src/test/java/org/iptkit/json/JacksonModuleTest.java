package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.MalformedDocumentsTest.BASE;
import static org.iptkit.json.MalformedDocumentsTest.q;
import static org.iptkit.json.MalformedDocumentsTest.with;

import java.util.List;
import java.util.ServiceLoader;
import org.iptkit.core.Attendance;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.Measure;
import org.iptkit.core.Instrument;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.TransitionKind;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** A host's own Jackson mapper reads and writes courses through the module, just as strictly. */
class JacksonModuleTest {
  /** A host document that carries a course. */
  public record Referral(String clinic, TreatmentCourse course) {}

  private static final JsonMapper HOST = JsonMapper.builder().addModule(new IptJsonModule()).build();

  @Test
  void moduleIsFoundAsAService() {
    assertThat(ServiceLoader.load(JacksonModule.class))
        .anySatisfy(module -> assertThat(module).isInstanceOf(IptJsonModule.class));
    JsonMapper found = JsonMapper.builder().findAndAddModules().build();
    assertThat(found.readValue(BASE, TreatmentCourse.class))
        .isEqualTo(IptJson.strict().readCourse(BASE));
  }

  @Test
  void hostDocumentCarriesACourseAndErrorsPointIntoIt() {
    TreatmentCourse course = IptJson.strict().readCourse(BASE);
    String json = HOST.writeValueAsString(new Referral("north", course));

    assertThat(json).isEqualTo("{\"clinic\":\"north\",\"course\":" + IptJson.strict().writeCourse(course) + "}");
    assertThat(HOST.readValue(json, Referral.class)).isEqualTo(new Referral("north", course));

    String bad = json.replace("\"CANCELLED\"", "\"MAYBE\"");
    assertThatThrownBy(() -> HOST.readValue(bad, Referral.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("/course/sessions/1/attendance: expected one of ATTENDED")
        .cause().isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.pointer()).isEqualTo("/course/sessions/1/attendance"));
  }

  @Test
  void builderMethodNamesAreRejectedAsUnknownFields() {
    for (String builderMethod : new String[] {"from", "addAllSessions", "addSession", "sessions2"}) {
      String document = with("'status':'COMPLETED',", "'status':'COMPLETED','" + builderMethod + "':[],");
      assertThatThrownBy(() -> HOST.readValue(document, TreatmentCourse.class))
          .isInstanceOf(DatabindException.class)
          .cause().isInstanceOfSatisfying(JsonReadException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_FIELD);
            assertThat(e.pointer()).isEqualTo("/" + builderMethod);
          });
    }
    String session = q("{'number':1,'date':'2026-01-05','attendance':'CANCELLED','from':{}}");
    assertThatThrownBy(() -> HOST.readValue(session, Session.class))
        .cause().isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.pointer()).isEqualTo("/from"));
  }

  @Test
  void partsOfACourseAreReadAndWrittenToo() {
    Session session = HOST.readValue(
        q("{'number':3,'date':'2026-01-19','attendance':'NO_SHOW'}"), Session.class);
    assertThat(session.attendance()).isEqualTo(Attendance.NO_SHOW);
    assertThat(HOST.writeValueAsString(session))
        .isEqualTo(q("{'number':3,'date':'2026-01-19','attendance':'NO_SHOW'}"));

    List<ProblemArea> areas = List.of(
        RoleTransition.builder().primary(true).transition(TransitionKind.JOB).build(),
        InterpersonalDeficits.builder().build());
    String json = HOST.writeValueAsString(areas);
    assertThat(json).isEqualTo(q("[{'type':'ROLE_TRANSITION','primary':true,'transition':'JOB'},"
        + "{'type':'INTERPERSONAL_DEFICITS'}]"));
    assertThat(HOST.readValue(json, new TypeReference<List<ProblemArea>>() {})).isEqualTo(areas);

    Measure measure = Measure.ofItems(Instrument.GAD7, 1, 1, 1, 1, 1, 1, 1);
    assertThat(HOST.readValue(HOST.writeValueAsString(measure), Measure.class)).isEqualTo(measure);
  }

  @Test
  void configuredMapperKeepsTheReaderLimitsForHostTypesToo() {
    JsonMapper mapper = IptJson.strict().mapper();
    assertThat(mapper).isSameAs(IptJson.strict().mapper());

    assertThatThrownBy(() -> mapper.readTree("{\"a\":1,\"a\":2}"))
        .hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> mapper.readTree("[".repeat(65) + "]".repeat(65)))
        .hasMessageContaining("nesting depth");
    assertThatThrownBy(() -> mapper.readValue(BASE + " []", TreatmentCourse.class))
        .isInstanceOf(DatabindException.class);
  }

  @Test
  void prettyMapperUsesTheCourseLayout() {
    IptJson pretty = IptJson.builder().prettyPrint(true).build();
    TreatmentCourse course = IptJson.strict().readCourse(BASE);

    assertThat(pretty.mapper().writeValueAsString(course)).isEqualTo(pretty.writeCourse(course));
  }
}
