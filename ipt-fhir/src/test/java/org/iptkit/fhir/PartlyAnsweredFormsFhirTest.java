package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.core.fixtures.SampleCourses;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;

/**
 * A partly answered form goes to FHIR and back unchanged: an unanswered item is a component with
 * a data-absent reason and no value, a form without a total an Observation with a data-absent
 * reason instead of its value, a prorated total the Observation's value.
 */
class PartlyAnsweredFormsFhirTest {
  private static final IptFhir FHIR = IptFhir.create();

  private static TreatmentCourse withFirstMeasure(Measure measure) {
    TreatmentCourse example = SampleCourses.formatExample();
    List<Session> sessions = new ArrayList<>(example.sessions());
    sessions.set(0, Session.copyOf(sessions.get(0)).withMeasures(measure));
    return TreatmentCourse.copyOf(example).withSessions(sessions);
  }

  private static Observation phq9Observation(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(Observation.class::cast)
        .filter(o -> o.getCode().getText().equals(Instrument.PHQ9.displayName()))
        .findFirst().orElseThrow();
  }

  @Test
  void proratedFormKeepsItsUnansweredItemAndItsTotal() {
    TreatmentCourse course = withFirstMeasure(
        Measure.ofAnswers(Instrument.PHQ9, 2, 3, null, 2, 1, 2, 2, 1, 0));
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);

    Observation observation = phq9Observation(bundle);
    assertThat(observation.getValueIntegerType().getValue()).isEqualTo(15);
    assertThat(observation.getComponent().get(2).hasValue()).isFalse();
    assertThat(observation.getComponent().get(2).getDataAbsentReason().getCodingFirstRep()
        .getCode()).isEqualTo("asked-unknown");
    assertThat(FHIR.importCourse(bundle)).isEqualTo(course);
    assertThat(FHIR.importCourseJson(FHIR.toJson(bundle))).isEqualTo(course);
  }

  @Test
  void formWithoutATotalHasADataAbsentReasonForIt() {
    TreatmentCourse course = withFirstMeasure(
        Measure.ofAnswers(Instrument.PHQ9, 2, null, null, null, 1, 2, 2, 1, 0));
    Bundle bundle = FHIR.exportCourse(course, Protocols.IPT_ACUTE_16);

    Observation observation = phq9Observation(bundle);
    assertThat(observation.hasValue()).isFalse();
    assertThat(observation.hasDataAbsentReason()).isTrue();
    assertThat(FHIR.importCourse(bundle)).isEqualTo(course);
  }
}
