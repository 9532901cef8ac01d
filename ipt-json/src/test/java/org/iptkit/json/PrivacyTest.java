package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read errors never quote patient data: canary strings placed in the patient and therapist
 * references, ids and every free-text field of malformed documents appear in no message, whether
 * the document is read directly, through the Jackson module, or as a batch record.
 */
class PrivacyTest {
  static final String[] FIELDS = {"courseId", "patientRef", "therapistRef", "goal", "personId",
      "satisfying", "unsatisfying", "desiredChange", "fromRole", "toRole", "rater", "disputedId"};

  static String canary(String field) {
    return "Canary Jane Doe " + field + " 1984";
  }

  /** A course whose every private field holds a canary; {@code %s} placeholders are replaced. */
  static String document(String sessions, String personExtra) {
    return MalformedDocumentsTest.q("{'schemaVersion':'1.0','courseId':'" + canary("courseId")
        + "','patientRef':'" + canary("patientRef") + "','therapistRef':'"
        + canary("therapistRef") + "','protocol':'ipt-acute-16','status':'ONGOING',"
        + "'contracts':[{'kind':'ACUTE','agreedOn':'2026-01-19','goals':['" + canary("goal")
        + "']}],'inventories':[{'takenOn':'2026-01-12','people':[{'id':'" + canary("personId")
        + "','satisfying':['" + canary("satisfying") + "'],'unsatisfying':['"
        + canary("unsatisfying") + "'],'desiredChange':'" + canary("desiredChange") + "'"
        + personExtra + "}]}],"
        + "'problemAreas':[{'type':'ROLE_TRANSITION','fromRole':'" + canary("fromRole")
        + "','toRole':'" + canary("toRole") + "'},{'type':'ROLE_DISPUTE','personId':'"
        + canary("disputedId") + "'}],"
        + "'sessions':" + sessions + ","
        + "'fidelityRatings':[{'session':1,'scale':'IPT-QAS','rater':'" + canary("rater")
        + "','items':[3]}]}");
  }

  static Stream<String> malformedDocuments() {
    List<String> documents = new ArrayList<>();
    String valid = document("[]", "");
    // an error elsewhere in a document full of private data
    documents.add(document("[{'number':1,'date':'2026-01-05','attendance':'MAYBE'}]", ""));
    documents.add(document("[{'number':0,'date':'2026-01-05','attendance':'CANCELLED'}]", ""));
    documents.add(document("[]", ",'circle':0"));
    documents.add(document("[]", ",'diedOn':'2025-01-01'"));
    documents.add(document("[]", ",'mood':'" + canary("desiredChange") + "'"));
    documents.add(valid.replace("\"schemaVersion\":\"1.0\"", "\"schemaVersion\":\"3.0\""));
    documents.add(valid + " trailing");
    // every private field given a value of the wrong type, malformed, or cut off
    for (String field : FIELDS) {
      String quoted = "\"" + canary(field) + "\"";
      String bare = canary(field).replace(' ', '_');
      documents.add(valid.replace(quoted, "[" + quoted + "]"));
      documents.add(valid.replace(quoted, "{\"x\":" + quoted + "}"));
      documents.add(valid.replace(quoted, bare));
      documents.add(valid.replace(quoted, "'" + canary(field) + "'"));
      documents.add(valid.substring(0, valid.indexOf(quoted) + quoted.length() - 1));
      documents.add(valid.replace(quoted, quoted.replace(" 1984", "\u0001 1984")));
      documents.add(valid.replace(quoted, quoted.replace(" 1984", "\\q 1984")));
      documents.add(valid.replace(quoted, quoted + quoted));
      documents.add(valid.replace(quoted, quoted + "," + quoted));
      documents.add(valid.replace(quoted, quoted + ":" + quoted));
    }
    // the same person id twice; a person id that is blank after a canary elsewhere
    documents.add(valid.replace("}]}],\"problemAreas\"",
        "},{\"id\":\"" + canary("personId") + "\"}]}],\"problemAreas\""));
    return documents.stream();
  }

  @ParameterizedTest
  @MethodSource("malformedDocuments")
  void readErrorsNeverQuotePrivateValues(String document) {
    Throwable direct = catchThrowable(() -> IptJson.strict().readCourse(document));
    if (direct == null) {
      return; // a variant that happens to be valid (two goals instead of one) has no message
    }
    assertThat(direct).as(document).isInstanceOf(JsonReadException.class);
    assertNoCanary(direct);
    JsonReadException error = (JsonReadException) direct;
    assertNoCanary(error.expected());
    assertNoCanary(error.reason());
    assertNoCanary(error.toString());

    assertNoCanary(catchThrowable(
        () -> IptJson.strict().mapper().readValue(document, TreatmentCourse.class)));

    byte[] bytes = document.replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
    try (Stream<BatchRecord> records = IptJson.strict().batchReader()
        .read(new ByteArrayInputStream(bytes), "export.ndjson")) {
      records.forEach(record -> assertNoCanary(record.toString()));
    }
    try (Stream<BatchRecord> records = IptJson.builder().lenientUnknownFields(true).build()
        .batchReader().read(new ByteArrayInputStream(bytes), "export.json", BatchFormat.DOCUMENTS)) {
      records.forEach(record -> {
        assertNoCanary(record.toString());
        record.warnings().forEach(w -> assertNoCanary(w.toString()));
      });
    }
  }

  static void assertNoCanary(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertNoCanary(t.getMessage());
      assertNoCanary(t.toString());
    }
  }

  static void assertNoCanary(String text) {
    if (text == null) {
      return;
    }
    assertThat(text).doesNotContain("Canary").doesNotContain("Jane").doesNotContain("Doe")
        .doesNotContain("1984");
  }
}
