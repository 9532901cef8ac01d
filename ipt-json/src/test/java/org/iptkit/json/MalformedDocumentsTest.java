package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iptkit.json.JsonReadException.Problem.DUPLICATE_FIELD;
import static org.iptkit.json.JsonReadException.Problem.EMPTY_INPUT;
import static org.iptkit.json.JsonReadException.Problem.INVALID_DATE;
import static org.iptkit.json.JsonReadException.Problem.INVALID_VALUE;
import static org.iptkit.json.JsonReadException.Problem.LIMIT_EXCEEDED;
import static org.iptkit.json.JsonReadException.Problem.MALFORMED_JSON;
import static org.iptkit.json.JsonReadException.Problem.MISSING_FIELD;
import static org.iptkit.json.JsonReadException.Problem.TRAILING_CONTENT;
import static org.iptkit.json.JsonReadException.Problem.UNKNOWN_FIELD;
import static org.iptkit.json.JsonReadException.Problem.UNKNOWN_VALUE;
import static org.iptkit.json.JsonReadException.Problem.UNSUPPORTED_VERSION;
import static org.iptkit.json.JsonReadException.Problem.WRONG_TYPE;

import java.util.stream.Stream;
import org.iptkit.json.JsonReadException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict reader's table of malformed course documents: each is rejected with the exact JSON
 * Pointer, the kind of problem and a message that says what was expected.
 */
class MalformedDocumentsTest {
  /** A valid course touching every object kind, written with ' for " to stay readable. */
  static final String BASE = q("{'schemaVersion':'1.0','courseId':'c-1','patientRef':'pt-1',"
      + "'therapistRef':'th-1','protocol':'ipt-acute-16','status':'COMPLETED',"
      + "'contracts':[{'kind':'ACUTE','agreedOn':'2026-01-19','plannedSessions':16,"
      + "'frequency':'WEEKLY','sessionMinutes':50,'goals':['fewer arguments']}],"
      + "'inventories':[{'takenOn':'2026-01-12','people':["
      + "{'id':'partner','relationship':'PARTNER','circle':1,'contact':'DAILY','confidant':false,"
      + "'satisfying':['walks'],'desiredChange':'calm talk'},"
      + "{'id':'father','relationship':'PARENT','circle':2,'deceased':true,'diedOn':'2025-06-02'}"
      + "]}],"
      + "'problemAreas':[{'type':'ROLE_DISPUTE','primary':true,'personId':'partner',"
      + "'stage':'IMPASSE'},{'type':'ROLE_TRANSITION','fromRole':'worker','toRole':'retiree',"
      + "'transition':'RETIREMENT'}],"
      + "'formulation':{'sharedOn':'2026-01-19','areas':['ROLE_DISPUTE'],'patientAgreed':true},"
      + "'sessions':[{'number':1,'date':'2026-01-05','minutes':50,'attendance':'ATTENDED',"
      + "'phase':'INITIAL','setting':'INDIVIDUAL','modality':'IN_PERSON','cpt':'90834',"
      + "'tasks':['DIAGNOSIS_NAMED','PSYCHOEDUCATION'],'techniques':['EXPLORATION'],"
      + "'focus':['ROLE_DISPUTE'],"
      + "'measures':[{'instrument':'PHQ9','items':[2,3,2,2,1,2,2,1,0],'total':15}]},"
      + "{'number':2,'date':'2026-01-12','attendance':'CANCELLED'}],"
      + "'measures':[{'instrument':'GAD7','total':9,'date':'2026-01-02'}],"
      + "'fidelityRatings':[{'session':1,'scale':'IPT-QAS','rater':'sup-1','items':[4,3,5,4]}],"
      + "'endedOn':'2026-04-20'}");

  static final String STATUS = "one of ONGOING, COMPLETED, DISCONTINUED";

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** The base document with one unique fragment replaced (both given with ' for "). */
  static String with(String from, String to) {
    String target = q(from);
    int at = BASE.indexOf(target);
    if (at < 0 || BASE.indexOf(target, at + 1) >= 0) {
      throw new IllegalArgumentException("not exactly once in the base document: " + from);
    }
    return BASE.substring(0, at) + q(to) + BASE.substring(at + target.length());
  }

  static String without(String fragment) {
    return with(fragment, "");
  }

  /** A minimal valid course with extra fields before the sessions, given with ' for ". */
  static String mini(String fields, String sessions) {
    return q("{'schemaVersion':'1.0','courseId':'c','protocol':'p','status':'ONGOING',"
        + fields + "'sessions':" + sessions + "}");
  }

  static Arguments row(String name, String document, String pointer, Problem problem,
      String fragment) {
    return Arguments.of(name, document, pointer, problem, fragment);
  }

  static Stream<Arguments> malformedDocuments() {
    String deep = "[".repeat(70) + "]".repeat(70);
    return Stream.of(
        // unknown fields, at every depth, including builder method names (pitfall 5)
        row("unknown course field", with("'status':'COMPLETED',", "'status':'COMPLETED','mood':'low',"),
            "/mood", UNKNOWN_FIELD, "unknown field, expected one of schemaVersion, courseId"),
        row("unknown field at depth", with("'total':15}", "'total':15,'mood':{'a':[1]}}"),
            "/sessions/0/measures/0/mood", UNKNOWN_FIELD, "expected one of instrument, items, total, date"),
        row("unknown person field", with("'id':'father',", "'id':'father','nickname':'dad',"),
            "/inventories/0/people/1/nickname", UNKNOWN_FIELD, "unknown field"),
        row("builder method from is no field", with("'courseId':'c-1',", "'courseId':'c-1','from':{},"),
            "/from", UNKNOWN_FIELD, "unknown field"),
        row("builder method addAllSessions is no field",
            with("'status':'COMPLETED',", "'status':'COMPLETED','addAllSessions':[],"),
            "/addAllSessions", UNKNOWN_FIELD, "unknown field"),
        row("builder method addTask is no field",
            with("'cpt':'90834',", "'cpt':'90834','addTask':'INVENTORY',"),
            "/sessions/0/addTask", UNKNOWN_FIELD, "unknown field"),
        row("stage is no field of a role transition",
            with("'transition':'RETIREMENT'", "'transition':'RETIREMENT','stage':'IMPASSE'"),
            "/problemAreas/1/stage", UNKNOWN_FIELD,
            "field not defined for a ROLE_TRANSITION problem area, expected one of type, primary, fromRole, toRole, transition"),
        // duplicate keys
        row("duplicate course field", with("'courseId':'c-1',", "'courseId':'c-1','courseId':'c-2',"),
            "/courseId", DUPLICATE_FIELD, "duplicate field"),
        row("duplicate session field", with("'date':'2026-01-12',", "'date':'2026-01-12','date':'2026-01-13',"),
            "/sessions/1/date", DUPLICATE_FIELD, "duplicate field"),
        // wrong JSON types in each object kind
        row("course id as number", with("'courseId':'c-1'", "'courseId':1"),
            "/courseId", WRONG_TYPE, "expected a string, got an integer"),
        row("sessions as object", mini("", "{'number':1}"),
            "/sessions", WRONG_TYPE, "expected an array of sessions, got an object"),
        row("session as string", with("{'number':2,'date':'2026-01-12','attendance':'CANCELLED'}", "'s2'"),
            "/sessions/1", WRONG_TYPE, "expected a session object, got a string"),
        row("planned sessions as string", with("'plannedSessions':16", "'plannedSessions':'16'"),
            "/contracts/0/plannedSessions", WRONG_TYPE, "expected an integer, got a string"),
        row("people as object", mini("'inventories':[{'takenOn':'2026-01-12','people':{}}],", "[]"),
            "/inventories/0/people", WRONG_TYPE, "expected an array of people, got an object"),
        row("inventory as string", mini("'inventories':['2026-01-12'],", "[]"),
            "/inventories/0", WRONG_TYPE, "expected an inventory object, got a string"),
        row("contract as number", mini("'contracts':[16],", "[]"),
            "/contracts/0", WRONG_TYPE, "expected a contract object, got an integer"),
        row("problem area as array", mini("'problemAreas':[['GRIEF']],", "[]"),
            "/problemAreas/0", WRONG_TYPE, "expected a problem area object, got an array"),
        row("person as boolean", mini("'inventories':[{'takenOn':'2026-01-12','people':[true]}],", "[]"),
            "/inventories/0/people/0", WRONG_TYPE, "expected a person object, got a boolean"),
        row("measure as string", mini("'measures':['PHQ9'],", "[]"),
            "/measures/0", WRONG_TYPE, "expected a measure object, got a string"),
        row("rating as null", mini("'fidelityRatings':[null],", "[]"),
            "/fidelityRatings/0", WRONG_TYPE, "expected a fidelity rating object, got null"),
        row("goals as string", with("'goals':['fewer arguments']", "'goals':'fewer arguments'"),
            "/contracts/0/goals", WRONG_TYPE, "expected an array of strings, got a string"),
        row("confidant as string", with("'confidant':false", "'confidant':'no'"),
            "/inventories/0/people/0/confidant", WRONG_TYPE, "expected true or false, got a string"),
        row("primary as number", with("'primary':true", "'primary':1"),
            "/problemAreas/0/primary", WRONG_TYPE, "expected true or false, got an integer"),
        row("formulation as array", with("'formulation':{'sharedOn':'2026-01-19','areas':['ROLE_DISPUTE'],'patientAgreed':true}", "'formulation':[]"),
            "/formulation", WRONG_TYPE, "expected a formulation object, got an array"),
        row("items as string", with("'items':[2,3,2,2,1,2,2,1,0]", "'items':'2,3'"),
            "/sessions/0/measures/0/items", WRONG_TYPE, "expected an array of integers, got a string"),
        row("rating item as string", with("'items':[4,3,5,4]", "'items':[4,'3',5,4]"),
            "/fidelityRatings/0/items/1", WRONG_TYPE, "expected an integer, got a string"),
        row("null phase", with("'phase':'INITIAL'", "'phase':null"),
            "/sessions/0/phase", WRONG_TYPE, "got null"),
        row("1.5 as minutes", with("'minutes':50", "'minutes':1.5"),
            "/sessions/0/minutes", WRONG_TYPE, "expected an integer, got 1.5"),
        row("minutes beyond int range", with("'minutes':50", "'minutes':3000000000"),
            "/sessions/0/minutes", WRONG_TYPE, "got 3000000000, which is out of range"),
        row("course as array", "[" + BASE + "]", "", WRONG_TYPE,
            "expected a course object, got an array"),
        // unknown enumeration values, each listing the allowed values
        row("bad status", with("'status':'COMPLETED'", "'status':'DONE'"),
            "/status", UNKNOWN_VALUE, "expected " + STATUS + ", got \"DONE\""),
        row("bad attendance", with("'attendance':'CANCELLED'", "'attendance':'MAYBE'"),
            "/sessions/1/attendance", UNKNOWN_VALUE,
            "expected one of ATTENDED, CANCELLED, NO_SHOW, got \"MAYBE\""),
        row("lower-case attendance", with("'attendance':'ATTENDED'", "'attendance':'attended'"),
            "/sessions/0/attendance", UNKNOWN_VALUE, "one of ATTENDED, CANCELLED, NO_SHOW, got \"attended\""),
        row("bad contract kind", with("'kind':'ACUTE'", "'kind':'ACUTE_PHASE'"),
            "/contracts/0/kind", UNKNOWN_VALUE, "one of ACUTE, CONTINUATION, MAINTENANCE"),
        row("bad frequency", with("'frequency':'WEEKLY'", "'frequency':'DAILY'"),
            "/contracts/0/frequency", UNKNOWN_VALUE, "one of TWICE_WEEKLY, WEEKLY, FORTNIGHTLY, MONTHLY"),
        row("bad relationship", with("'relationship':'PARENT'", "'relationship':'FATHER'"),
            "/inventories/0/people/1/relationship", UNKNOWN_VALUE,
            "one of PARTNER, EX_PARTNER, PARENT, CHILD, SIBLING, OTHER_RELATIVE, FRIEND, COLLEAGUE, CARER, OTHER"),
        row("bad contact", with("'contact':'DAILY'", "'contact':'HOURLY'"),
            "/inventories/0/people/0/contact", UNKNOWN_VALUE, "one of DAILY, WEEKLY, MONTHLY, RARELY, NONE"),
        row("bad problem area type", with("'type':'ROLE_DISPUTE'", "'type':'DISPUTE'"),
            "/problemAreas/0/type", UNKNOWN_VALUE,
            "one of GRIEF, ROLE_DISPUTE, ROLE_TRANSITION, INTERPERSONAL_DEFICITS, got \"DISPUTE\""),
        row("bad dispute stage", with("'stage':'IMPASSE'", "'stage':'STUCK'"),
            "/problemAreas/0/stage", UNKNOWN_VALUE, "one of RENEGOTIATION, IMPASSE, DISSOLUTION"),
        row("bad transition", with("'transition':'RETIREMENT'", "'transition':'PENSION'"),
            "/problemAreas/1/transition", UNKNOWN_VALUE, "one of PARENTHOOD, SEPARATION"),
        row("bad phase", with("'phase':'INITIAL'", "'phase':'OPENING'"),
            "/sessions/0/phase", UNKNOWN_VALUE, "one of PRE_GROUP, INITIAL, MIDDLE, TERMINATION, MAINTENANCE"),
        row("bad setting", with("'setting':'INDIVIDUAL'", "'setting':'COUPLE'"),
            "/sessions/0/setting", UNKNOWN_VALUE, "one of INDIVIDUAL, GROUP, JOINT"),
        row("bad modality", with("'modality':'IN_PERSON'", "'modality':'ONLINE'"),
            "/sessions/0/modality", UNKNOWN_VALUE, "one of IN_PERSON, VIDEO, TELEPHONE"),
        row("bad task", with("'PSYCHOEDUCATION'", "'HOMEWORK_SET'"),
            "/sessions/0/tasks/1", UNKNOWN_VALUE, "one of DIAGNOSIS_NAMED, PSYCHOEDUCATION"),
        row("bad technique", with("'techniques':['EXPLORATION']", "'techniques':['EXPLORATION','HYPNOSIS']"),
            "/sessions/0/techniques/1", UNKNOWN_VALUE, "ROLE_PLAY, INTERPERSONAL_INCIDENT, TRANSFERENCE_INTERPRETATION"),
        row("bad focus", with("'focus':['ROLE_DISPUTE']", "'focus':['LONELINESS']"),
            "/sessions/0/focus/0", UNKNOWN_VALUE, "one of GRIEF, ROLE_DISPUTE"),
        row("bad instrument", with("'instrument':'PHQ9'", "'instrument':'PHQ-9'"),
            "/sessions/0/measures/0/instrument", UNKNOWN_VALUE,
            "one of PHQ9, GAD7, EPDS, HAMD17, BDI2, PCL5, got \"PHQ-9\""),
        row("bad formulation area", with("'areas':['ROLE_DISPUTE']", "'areas':['GRIEVING']"),
            "/formulation/areas/0", UNKNOWN_VALUE, "one of GRIEF"),
        row("repeated task", with("'PSYCHOEDUCATION'", "'DIAGNOSIS_NAMED'"),
            "/sessions/0/tasks/1", INVALID_VALUE, "DIAGNOSIS_NAMED is listed twice"),
        // missing required fields
        row("missing schemaVersion", without("'schemaVersion':'1.0',"),
            "/schemaVersion", MISSING_FIELD, "missing required field, expected a schema version"),
        row("missing courseId", without("'courseId':'c-1',"), "/courseId", MISSING_FIELD,
            "missing required field, expected a string"),
        row("missing protocol", without("'protocol':'ipt-acute-16',"), "/protocol", MISSING_FIELD,
            "missing required field"),
        row("missing status", without("'status':'COMPLETED',"), "/status", MISSING_FIELD,
            "missing required field, expected " + STATUS),
        row("missing sessions", q("{'schemaVersion':'1.0','courseId':'c','protocol':'p','status':'ONGOING'}"),
            "/sessions", MISSING_FIELD, "missing required field, expected an array of sessions"),
        row("missing session number", without("'number':1,"), "/sessions/0/number", MISSING_FIELD,
            "expected an integer from 1"),
        row("missing session date", without("'date':'2026-01-12',"), "/sessions/1/date",
            MISSING_FIELD, "expected a date YYYY-MM-DD"),
        row("missing attendance", without(",'attendance':'CANCELLED'"), "/sessions/1/attendance",
            MISSING_FIELD, "expected one of ATTENDED, CANCELLED, NO_SHOW"),
        row("attended session without phase", without("'phase':'INITIAL',"), "/sessions/0/phase",
            MISSING_FIELD, "an ATTENDED session needs its phase"),
        row("missing contract kind", without("'kind':'ACUTE',"), "/contracts/0/kind",
            MISSING_FIELD, "one of ACUTE, CONTINUATION, MAINTENANCE"),
        row("missing agreedOn", without("'agreedOn':'2026-01-19',"), "/contracts/0/agreedOn",
            MISSING_FIELD, "expected a date YYYY-MM-DD"),
        row("missing takenOn", without("'takenOn':'2026-01-12',"), "/inventories/0/takenOn",
            MISSING_FIELD, "missing required field"),
        row("missing person id", without("'id':'father',"), "/inventories/0/people/1/id",
            MISSING_FIELD, "expected a string"),
        row("missing problem area type", without("'type':'ROLE_TRANSITION',"),
            "/problemAreas/1/type", MISSING_FIELD, "one of GRIEF, ROLE_DISPUTE"),
        row("missing sharedOn", without("'sharedOn':'2026-01-19',"), "/formulation/sharedOn",
            MISSING_FIELD, "missing required field"),
        row("missing instrument", without("'instrument':'GAD7',"), "/measures/0/instrument",
            MISSING_FIELD, "one of PHQ9"),
        row("measure without items or total", without("'total':9,"), "/measures/0/items",
            MISSING_FIELD, "expected an array of item scores, or a total"),
        row("missing rating scale", without("'scale':'IPT-QAS',"), "/fidelityRatings/0/scale",
            MISSING_FIELD, "missing required field"),
        row("missing rating items", without(",'items':[4,3,5,4]"), "/fidelityRatings/0/items",
            MISSING_FIELD, "expected an array of item scores"),
        // dates
        row("impossible date", with("'date':'2026-01-05'", "'date':'2026-02-30'"),
            "/sessions/0/date", INVALID_DATE,
            "expected a date YYYY-MM-DD, got \"2026-02-30\", which is not a calendar date"),
        row("date in another format", with("'endedOn':'2026-04-20'", "'endedOn':'20/04/2026'"),
            "/endedOn", INVALID_DATE, "expected a date YYYY-MM-DD, got \"20/04/2026\""),
        row("date without zero padding", with("'agreedOn':'2026-01-19'", "'agreedOn':'2026-1-19'"),
            "/contracts/0/agreedOn", INVALID_DATE, "expected a date YYYY-MM-DD"),
        row("date as number", with("'diedOn':'2025-06-02'", "'diedOn':20250602"),
            "/inventories/0/people/1/diedOn", WRONG_TYPE, "expected a date YYYY-MM-DD, got an integer"),
        // schema version
        row("newer major version", with("'schemaVersion':'1.0'", "'schemaVersion':'2.0'"),
            "/schemaVersion", UNSUPPORTED_VERSION, "schema version 2.0 is newer than this reader supports"),
        row("newer major version after a new field",
            q("{'courseId':'c-1','futureField':{'x':1},'schemaVersion':'2.1'}"),
            "/schemaVersion", UNSUPPORTED_VERSION, "schema version 2.1 is newer"),
        row("version that is no version", with("'schemaVersion':'1.0'", "'schemaVersion':'latest'"),
            "/schemaVersion", UNKNOWN_VALUE, "expected a schema version 1.x such as \"1.0\""),
        row("major version with a leading zero", with("'schemaVersion':'1.0'", "'schemaVersion':'01.0'"),
            "/schemaVersion", UNKNOWN_VALUE, "expected a schema version 1.x such as \"1.0\""),
        row("version as number", with("'schemaVersion':'1.0'", "'schemaVersion':1.0"),
            "/schemaVersion", WRONG_TYPE, "got a number"),
        // document level
        row("trailing document", BASE + " {}", "", TRAILING_CONTENT,
            "trailing content after the course document"),
        row("trailing garbage", BASE + "\n]", "", TRAILING_CONTENT,
            "trailing content after the course document"),
        row("empty input", "", "", EMPTY_INPUT, "empty input"),
        row("only white space", " \n\t ", "", EMPTY_INPUT, "empty input"),
        row("missing comma", with("'courseId':'c-1',", "'courseId':'c-1' "), "/courseId",
            MALFORMED_JSON, "malformed JSON: unexpected character (code 34), expected ',' or '}'"
                + " after a field"),
        row("unclosed document", BASE.substring(0, BASE.length() - 1), "/endedOn", MALFORMED_JSON,
            "malformed JSON: unexpected end of input inside an object, expected '}'"),
        // malformed JSON in plain words: no parser internals, no quoted content
        row("document cut inside an array",
            BASE.substring(0, BASE.indexOf(q("'fewer arguments'"))), "/contracts/0/goals",
            MALFORMED_JSON, "malformed JSON: unexpected end of input inside an array, expected ']'"),
        row("document cut inside a string", BASE.substring(0, BASE.length() - 5), "/endedOn",
            MALFORMED_JSON, "malformed JSON: unexpected end of input inside a string"),
        row("document cut after a comma", BASE.substring(0, BASE.length() - 1).replace(
                q("'endedOn':'2026-04-20'"), q("'endedOn':'2026-04-20',")), "/endedOn",
            MALFORMED_JSON, "malformed JSON: unexpected end of input inside an object, expected a"
                + " field or '}'"),
        row("missing colon", with("'courseId':'c-1'", "'courseId' 'c-1'"), "/courseId",
            MALFORMED_JSON, "malformed JSON: unexpected character (code 34), expected ':' after a"
                + " field name"),
        row("missing value", with("'minutes':50", "'minutes':"), "/sessions/0/minutes",
            MALFORMED_JSON, "malformed JSON: unexpected character (code 44), expected a value"),
        row("unquoted field name", with("'status':'COMPLETED'", "status:'COMPLETED'"), "/protocol",
            MALFORMED_JSON, "malformed JSON: unexpected character (code 115), expected a field name"
                + " in double quotes"),
        row("mismatched bracket", with("'goals':['fewer arguments']", "'goals':['fewer arguments'}"),
            "/contracts/0/goals/0", MALFORMED_JSON, "malformed JSON: unexpected '}', expected ']'"),
        row("bare word as value", with("'status':'COMPLETED'", "'status':COMPLETED"), "/status",
            MALFORMED_JSON, "malformed JSON: unrecognized word, expected a string, number, array,"
                + " object, true, false or null"),
        row("line break inside a string", with("'calm talk'", "'calm\ntalk'"),
            "/inventories/0/people/0/desiredChange", MALFORMED_JSON,
            "malformed JSON: control character (code 10) inside a string, expected it escaped"),
        row("leading zero", with("'minutes':50", "'minutes':050"), "/sessions/0/minutes",
            MALFORMED_JSON, "malformed JSON: invalid number: leading zeroes are not allowed"),
        row("nesting deeper than 64 inside sessions", with("'sessions':[{'number':1,",
                "'sessions':[" + deep + ",{'number':1,"),
            "/sessions/0" + "/0".repeat(62), LIMIT_EXCEEDED, "nesting depth exceeds the maximum of 64"),
        row("nesting deeper than 64 in an unknown field", with("'status':'COMPLETED',",
                "'status':'COMPLETED','x':" + deep + ","),
            "/x" + "/0".repeat(63), LIMIT_EXCEEDED, "nesting depth"),
        // core invariants, pointed at the offending value
        row("item out of range", with("'items':[2,3,2,2,1,2,2,1,0]", "'items':[2,3,2,4,1,2,2,1,0]"),
            "/sessions/0/measures/0/items/3", INVALID_VALUE, "PHQ-9 item 4 must be 0..3, was 4"),
        row("wrong number of items", with("'items':[2,3,2,2,1,2,2,1,0],'total':15",
                "'items':[2,3,2,2,1,2,2,1]"),
            "/sessions/0/measures/0/items", INVALID_VALUE, "PHQ-9 has 9 items, 8 were given"),
        row("empty items beside a total", with("'items':[2,3,2,2,1,2,2,1,0]", "'items':[]"),
            "/sessions/0/measures/0/items", INVALID_VALUE, "PHQ-9 has 9 items, 0 were given"),
        row("empty items alone", with("'items':[2,3,2,2,1,2,2,1,0],'total':15", "'items':[]"),
            "/sessions/0/measures/0/items", INVALID_VALUE, "PHQ-9 has 9 items, 0 were given"),
        row("total disagrees with items", with("'total':15", "'total':14"),
            "/sessions/0/measures/0/total", INVALID_VALUE, "PHQ-9 total 14 disagrees with the sum of its items, 15"),
        row("total beyond the instrument", with("'total':9", "'total':22"),
            "/measures/0/total", INVALID_VALUE, "GAD-7 total must be 0..21, was 22"),
        row("cancelled session with tasks", with("'attendance':'CANCELLED'",
                "'attendance':'CANCELLED','tasks':['INVENTORY']"),
            "/sessions/1/tasks", INVALID_VALUE, "session 2 is CANCELLED and cannot record tasks"),
        row("no-show session with measures", with("'attendance':'CANCELLED'",
                "'attendance':'NO_SHOW','measures':[{'instrument':'GAD7','total':3}]"),
            "/sessions/1/measures", INVALID_VALUE, "NO_SHOW and cannot record measures"),
        row("repeated session number", with("{'number':2,", "{'number':1,"),
            "/sessions/1/number", INVALID_VALUE, "session number 1 is used more than once"),
        row("session numbered 0", with("'number':1,", "'number':0,"),
            "/sessions/0/number", INVALID_VALUE, "session number must be >= 1, was 0"),
        row("circle 0", with("'circle':2", "'circle':0"),
            "/inventories/0/people/1/circle", INVALID_VALUE, "circle must be >= 1, was 0"),
        row("601 minutes", with("'minutes':50", "'minutes':601"),
            "/sessions/0/minutes", INVALID_VALUE, "minutes must be 1..600, was 601"),
        row("blank course id", with("'courseId':'c-1'", "'courseId':'  '"),
            "/courseId", INVALID_VALUE, "courseId must not be blank"),
        row("date of death of a living person", with("'deceased':true,", ""),
            "/inventories/0/people/1/diedOn", INVALID_VALUE, "diedOn is given for a person not marked deceased"),
        row("repeated person id", with("'id':'father'", "'id':'partner'"),
            "/inventories/0/people/1/id", INVALID_VALUE, "repeats an earlier id"),
        row("empty rating items", with("'items':[4,3,5,4]", "'items':[]"),
            "/fidelityRatings/0/items", INVALID_VALUE, "items must not be empty"),
        row("negative rating item", with("'items':[4,3,5,4]", "'items':[4,-1,5,4]"),
            "/fidelityRatings/0/items/1", INVALID_VALUE, "rating item 2 must be >= 0, was -1"),
        row("zero planned sessions", with("'plannedSessions':16", "'plannedSessions':0"),
            "/contracts/0/plannedSessions", INVALID_VALUE, "plannedSessions must be >= 1, was 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedDocuments")
  void malformedDocumentIsRejectedWithPointerAndExpectation(String name, String document,
      String pointer, Problem problem, String fragment) {
    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).as("pointer").isEqualTo(pointer);
          assertThat(e.problem()).as("problem").isEqualTo(problem);
          assertThat(e.getMessage()).as("message").contains(fragment);
          assertThat(e.getMessage()).as("message starts with the pointer")
              .startsWith(pointer.isEmpty() ? "" : pointer + ": ");
          assertThat(e.expected()).as("expected").isNotBlank();
          // Every check of the core says what a possible value is.
          assertThat(e.expected()).as("expected").isNotEqualTo("a possible value");
          if (problem != EMPTY_INPUT) {
            assertThat(e.line()).as("line").isPositive();
            assertThat(e.column()).as("column").isPositive();
          }
        });
  }

  static Stream<Arguments> malformedJsonRows() {
    return malformedDocuments().filter(row -> row.get()[3] == MALFORMED_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedJsonRows")
  void malformedJsonIsDescribedInPlainWordsWithoutParserInternals(String name, String document,
      String pointer, Problem problem, String fragment) {
    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> assertThat(e.getMessage())
            .doesNotContain("Source", "REDACTED", "marker", "end-of-input", "VALUE_STRING",
                "Feature", "`", "was expecting", "COMPLETED", "calm", "fewer"));
  }

  @Test
  void baseDocumentOfTheTableIsValid() {
    assertThat(IptJson.strict().readCourse(BASE).sessions()).hasSize(2);
  }

  @Test
  void anImpossibleValueSaysWhatAPossibleOneIs() {
    String item4 = with("'items':[2,3,2,2,1,2,2,1,0]", "'items':[2,3,2,4,1,2,2,1,0]");
    String total = with("'total':15", "'total':14");
    assertThatThrownBy(() -> IptJson.strict().readCourse(item4)).isInstanceOfSatisfying(
        JsonReadException.class, e -> assertThat(e.expected()).isEqualTo("an item score 0..3"));
    assertThatThrownBy(() -> IptJson.strict().readCourse(total)).isInstanceOfSatisfying(
        JsonReadException.class,
        e -> assertThat(e.expected()).isEqualTo("the sum of the items, 15"));
  }

  @Test
  void aLeadingByteOrderMarkIsSkippedInTextAsInBytes() {
    IptJson json = IptJson.strict();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] base = BASE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = java.util.Arrays.copyOf(bom, bom.length + base.length);
    System.arraycopy(base, 0, withBom, bom.length, base.length);

    assertThat(json.readCourse("\uFEFF" + BASE)).isEqualTo(json.readCourse(BASE));
    assertThat(json.readCourse(withBom)).isEqualTo(json.readCourse(BASE));
    // Only one mark, and only at the start: anything else is not JSON.
    assertThatThrownBy(() -> json.readCourse("\uFEFF\uFEFF" + BASE))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.problem()).isEqualTo(MALFORMED_JSON));
  }

  @Test
  void tableHasAtLeastFortyDocuments() {
    assertThat(malformedDocuments().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void errorNamesLineAndColumnOfTheOffendingValue() {
    String document = """
        {
          "schemaVersion": "1.0",
          "courseId": "c-1",
          "protocol": "ipt-acute-16",
          "status": "ONGOING",
          "sessions": [
            { "number": 1, "date": "2026-01-05", "attendance": "MAYBE" }
          ]
        }""";

    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("/sessions/0/attendance: expected one of ATTENDED,"
              + " CANCELLED, NO_SHOW, got \"MAYBE\" (line 7, column 56)");
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.column()).isEqualTo(56);
          assertThat(e.expected()).isEqualTo("one of ATTENDED, CANCELLED, NO_SHOW");
          assertThat(e.reason()).isEqualTo(
              "expected one of ATTENDED, CANCELLED, NO_SHOW, got \"MAYBE\"");
        });
  }

  @Test
  void invariantErrorIsLocatedAtTheItemItNames() {
    String document = q("""
        {'schemaVersion':'1.0','courseId':'c','protocol':'p','status':'ONGOING',
         'sessions':[{'number':1,'date':'2026-01-05','attendance':'ATTENDED','phase':'INITIAL',
          'measures':[{'instrument':'PHQ9',
            'items':[0,0,0,
                     4,0,0,0,0,0]}]}]}""");

    assertThatThrownBy(() -> IptJson.strict().readCourse(document))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.pointer()).isEqualTo("/sessions/0/measures/0/items/3");
          assertThat(e.line()).isEqualTo(5);
          assertThat(e.column()).isEqualTo(14);
        });
  }

  @Test
  void anyMinorVersionOfTheFirstMajorIsRead() {
    for (String version : new String[] {"1.0", "1.1", "1.12"}) {
      assertThat(IptJson.strict().readCourse(with("'schemaVersion':'1.0'",
          "'schemaVersion':'" + version + "'")).courseId()).isEqualTo("c-1");
    }
  }

  @Test
  void fieldsMayComeInAnyOrder() {
    String reordered = q("{'sessions':[],'status':'ONGOING','protocol':'p','courseId':'c',"
        + "'schemaVersion':'1.0'}");

    assertThat(IptJson.strict().readCourse(reordered).protocol()).isEqualTo("p");
  }
}
