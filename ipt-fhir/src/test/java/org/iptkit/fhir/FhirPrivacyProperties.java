package org.iptkit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.fixtures.RulesTestArbitraries;

/**
 * Courses whose identifiers and free text are all marked {@code ID-…}: reports and import errors
 * never repeat them, and a damaged Bundle only ever fails with a located mapping error.
 */
class FhirPrivacyProperties {
  private static final IptFhir FHIR = IptFhir.create();
  private static final String MARK = "ID-";

  @Property(tries = 150)
  void anyCourseTheCoreAcceptsSurvivesTheRoundTrip(@ForAll("courses") TreatmentCourse course) {
    assertThat(FHIR.importCourse(FHIR.exportCourse(course))).isEqualTo(course);
  }

  @Property(tries = 100)
  void operationOutcomeNamesNoIdentifierOrFreeText(@ForAll("courses") TreatmentCourse course,
      @ForAll("profiles") ProtocolProfile profile) {
    String json = FHIR.operationOutcomeJson(FidelityChecker.of(profile).check(course));

    assertThat(json).doesNotContain(MARK);
  }

  @Property(tries = 400)
  void damagedBundleFailsOnlyWithALocatedErrorThatQuotesNoIdentifier(
      @ForAll("courses") TreatmentCourse course, @ForAll long seed) {
    Bundle bundle = FHIR.exportCourse(course);
    String change = damage(bundle, new Random(seed));

    try {
      FHIR.importCourse(bundle);
      net.jqwik.api.statistics.Statistics.collect("imported", "");
    } catch (FhirMappingException e) {
      net.jqwik.api.statistics.Statistics.collect("rejected", change.replaceAll("https://iptkit.org/fhir/StructureDefinition/", ""));
      assertThat(e.getMessage()).as(change).doesNotContain(MARK);
      assertThat(e.location()).as(change).doesNotContain(MARK);
    }
  }

  /** Breaks the Bundle in one random way, injecting no new text; says what it did. */
  private static String damage(Bundle bundle, Random random) {
    List<List<Extension>> lists = new ArrayList<>();
    List<DomainResource> resources = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      DomainResource resource = (DomainResource) entry.getResource();
      resources.add(resource);
      collect(resource.getExtension(), lists);
    }
    lists.removeIf(List::isEmpty);
    int kind = random.nextInt(8);
    List<org.hl7.fhir.r4.model.RelatedPerson> people = new ArrayList<>();
    for (DomainResource resource : resources) {
      if (resource instanceof org.hl7.fhir.r4.model.RelatedPerson person
          && person.hasExtension()) {
        people.add(person);
      }
    }
    if (kind == 7 && !people.isEmpty()) {
      List<Extension> own = people.get(random.nextInt(people.size())).getExtension();
      Extension repeated = own.get(random.nextInt(own.size()));
      own.add(repeated.copy());
      return "person extension " + repeated.getUrl() + " repeated";
    }
    if (kind == 0 || lists.isEmpty()) {
      bundle.getEntry().remove(random.nextInt(bundle.getEntry().size()));
      return "entry removed";
    }
    List<Extension> list = lists.get(random.nextInt(lists.size()));
    Extension ext = list.get(random.nextInt(list.size()));
    switch (kind) {
      case 1:
        list.remove(ext);
        return "extension " + ext.getUrl() + " removed";
      case 2: {
        Type[] values = {new IntegerType(0), new IntegerType(-3), new BooleanType(true),
            new DateType("2026-01-01"), new Coding(FhirVocabulary.CODE_SYSTEM, "NOPE", null),
            new Reference("urn:uuid:missing"), new IntegerType(9999)};
        ext.setValue(values[random.nextInt(values.length)]);
        ext.getExtension().clear();
        return "value of " + ext.getUrl() + " replaced";
      }
      case 3:
        list.add(ext.copy());
        return "extension " + ext.getUrl() + " repeated";
      default:
        break;
    }
    DomainResource resource = resources.get(random.nextInt(resources.size()));
    if (resource instanceof Encounter encounter) {
      encounter.setPeriod(null);
      return "encounter period removed";
    }
    if (resource instanceof Procedure procedure) {
      procedure.setEncounter(new Reference("Encounter/missing"));
      return "procedure encounter broken";
    }
    if (resource instanceof Observation observation && observation.hasComponent()) {
      observation.getComponent().get(random.nextInt(observation.getComponent().size()))
          .setValue(new IntegerType(99));
      return "observation item out of range";
    }
    resource.getExtension().clear();
    return resource.fhirType() + " extensions cleared";
  }

  private static void collect(List<Extension> extensions, List<List<Extension>> lists) {
    lists.add(extensions);
    for (Extension ext : extensions) {
      if (ext.hasExtension()) {
        collect(ext.getExtension(), lists);
      }
    }
  }

  @Provide
  Arbitrary<TreatmentCourse> courses() {
    return RulesTestArbitraries.courses();
  }

  @Provide
  Arbitrary<ProtocolProfile> profiles() {
    return RulesTestArbitraries.builtInProfiles();
  }
}
