package org.iptkit.fhir.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.codesystems.ObservationCategory;
import org.hl7.fhir.r4.model.codesystems.V3ActCode;
import org.iptkit.core.Contract;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Formulation;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Measure;
import org.iptkit.core.Modality;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.FhirVocabulary;

/**
 * Writes one course as a FHIR R4 {@code Bundle} of type collection (docs/fhir.md): the
 * EpisodeOfCare, the CarePlan, a Goal per contract goal, a RelatedPerson per person of each
 * inventory, an Encounter per session, a Procedure per attended session and an Observation per
 * measure. Entries are in a fixed order and have name-based ids, so the same course always
 * gives the same Bundle.
 */
public final class CourseExporter {
  private final TreatmentCourse course;
  private final String protocolCanonical;
  private final Coding condition;
  private final String patientSystem;
  private final Bundle.BundleType type;
  private final Consumer<Bundle.BundleEntryComponent> sink;
  /** The entries before the sessions, held until they are complete (the inventories fill them). */
  private final List<Bundle.BundleEntryComponent> head = new ArrayList<>();
  private boolean streaming;

  private CourseExporter(TreatmentCourse course, String protocolCanonical, Coding condition,
      String patientSystem, Bundle.BundleType type, Consumer<Bundle.BundleEntryComponent> sink) {
    this.course = course;
    this.protocolCanonical = protocolCanonical;
    this.condition = condition;
    this.patientSystem = patientSystem;
    this.type = type;
    this.sink = sink;
  }

  /**
   * The Bundle of {@code course}, of type collection or transaction; its CarePlan instantiates
   * the PlanDefinition at {@code protocolCanonical} and addresses a Condition coded
   * {@code condition} when not null; the patient is an identifier of {@code patientSystem}.
   */
  public static Bundle export(TreatmentCourse course, String protocolCanonical,
      Coding condition, String patientSystem, Bundle.BundleType type) {
    Bundle bundle = new Bundle();
    bundle.setType(type);
    stream(course, protocolCanonical, condition, patientSystem, type, bundle::addEntry);
    return bundle;
  }

  /**
   * The entries of the course's Bundle (see {@link #export}), handed to {@code sink} one by one
   * in Bundle order: the entries of a session are made only when the session is reached, so a
   * writer that does not keep them needs memory for one session at a time.
   */
  public static void stream(TreatmentCourse course, String protocolCanonical, Coding condition,
      String patientSystem, Bundle.BundleType type, Consumer<Bundle.BundleEntryComponent> sink) {
    new CourseExporter(course, protocolCanonical, condition, patientSystem, type, sink).build();
  }

  private void build() {
    String episodeId = id("episode-of-care");
    String carePlanId = id("care-plan");
    EpisodeOfCare episode = new EpisodeOfCare();
    CarePlan carePlan = new CarePlan();
    add(episode, episodeId);
    add(carePlan, carePlanId);
    Reference episodeRef = ref("EpisodeOfCare", episodeId);
    Reference carePlanRef = ref("CarePlan", carePlanId);

    fillEpisode(episode);
    fillCarePlan(carePlan);
    if (condition != null) {
      String conditionId = id("condition");
      Condition treated = new Condition();
      treated.setCode(new CodeableConcept().addCoding(condition.copy()));
      treated.setSubject(patient());
      add(treated, conditionId);
      carePlan.addAddresses(ref("Condition", conditionId));
    }
    inventories(episode);
    head.forEach(sink);
    head.clear();
    streaming = true;
    List<Session> sessions = course.sessions();
    for (int s = 0; s < sessions.size(); s++) {
      session(sessions.get(s), s, episodeRef, carePlanRef);
    }
    List<Measure> measures = course.measures();
    for (int m = 0; m < measures.size(); m++) {
      Observation observation = observation(measures.get(m), carePlanRef);
      measures.get(m).date().ifPresent(date -> observation.setEffective(dateTime(date)));
      add(observation, id("measure/" + m));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Course level

  private void fillEpisode(EpisodeOfCare episode) {
    episode.addIdentifier(courseIdentifier());
    episode.setStatus(course.status() == CourseStatus.ONGOING
        ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
        : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
    episode.setPatient(patient());
    course.therapistRef().ifPresent(ref -> episode.setCareManager(therapist(ref)));
    period().ifPresent(episode::setPeriod);
    for (FidelityRating rating : course.fidelityRatings()) {
      Extension ext = episode.addExtension().setUrl(Ext.FIDELITY_RATING.url());
      ext.addExtension("session", new PositiveIntType(rating.session()));
      ext.addExtension("scale", new StringType(rating.scale()));
      rating.rater().ifPresent(rater -> ext.addExtension("rater", new StringType(rater)));
      for (int item : rating.items()) {
        ext.addExtension("item", new UnsignedIntType(item));
      }
    }
  }

  private void fillCarePlan(CarePlan carePlan) {
    carePlan.addIdentifier(courseIdentifier());
    carePlan.addInstantiatesCanonical(protocolCanonical);
    carePlan.addExtension(Ext.PROTOCOL.url(), new StringType(course.protocol()));
    carePlan.setStatus(switch (course.status()) {
      case ONGOING -> CarePlan.CarePlanStatus.ACTIVE;
      case COMPLETED -> CarePlan.CarePlanStatus.COMPLETED;
      case DISCONTINUED -> CarePlan.CarePlanStatus.REVOKED;
    });
    carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
    carePlan.setSubject(patient());
    period().ifPresent(carePlan::setPeriod);
    course.therapistRef().ifPresent(ref -> carePlan.setAuthor(therapist(ref)));
    contracts(carePlan);
    for (ProblemArea area : course.problemAreas()) {
      Extension ext = carePlan.addExtension().setUrl(Ext.PROBLEM_AREA.url());
      ext.addExtension("type", Terminology.coding(area.type()));
      ext.addExtension("primary", new BooleanType(area.primary()));
      area.personId().ifPresent(id -> ext.addExtension("personId", new StringType(id)));
      if (area instanceof RoleDispute dispute) {
        dispute.stage().ifPresent(stage -> ext.addExtension("stage", new CodeType(stage.name())));
      } else if (area instanceof RoleTransition transition) {
        transition.fromRole().ifPresent(role -> ext.addExtension("fromRole", new StringType(role)));
        transition.toRole().ifPresent(role -> ext.addExtension("toRole", new StringType(role)));
        transition.transition().ifPresent(kind ->
            ext.addExtension("transition", new CodeType(kind.name())));
      }
    }
    course.formulation().ifPresent(formulation -> formulation(carePlan, formulation));
  }

  private static void formulation(CarePlan carePlan, Formulation formulation) {
    Extension ext = carePlan.addExtension().setUrl(Ext.FORMULATION.url());
    ext.addExtension("sharedOn", date(formulation.sharedOn()));
    for (ProblemAreaType area : formulation.areas()) {
      ext.addExtension("area", Terminology.coding(area));
    }
    ext.addExtension("patientAgreed", new BooleanType(formulation.patientAgreed()));
  }

  private void contracts(CarePlan carePlan) {
    List<Contract> contracts = course.contracts();
    for (int c = 0; c < contracts.size(); c++) {
      Contract contract = contracts.get(c);
      Extension ext = carePlan.addExtension().setUrl(Ext.CONTRACT.url());
      ext.addExtension("kind", new CodeType(contract.kind().name()));
      ext.addExtension("agreedOn", date(contract.agreedOn()));
      contract.plannedSessions().ifPresent(n ->
          ext.addExtension("plannedSessions", new PositiveIntType(n)));
      contract.frequency().ifPresent(f -> ext.addExtension("frequency", new CodeType(f.name())));
      contract.sessionMinutes().ifPresent(n ->
          ext.addExtension("sessionMinutes", new PositiveIntType(n)));
      List<String> goals = contract.goals();
      for (int g = 0; g < goals.size(); g++) {
        String goalId = id("contract/" + c + "/goal/" + g);
        Goal goal = new Goal();
        goal.setLifecycleStatus(switch (course.status()) {
          case ONGOING -> Goal.GoalLifecycleStatus.ACTIVE;
          case COMPLETED -> Goal.GoalLifecycleStatus.COMPLETED;
          case DISCONTINUED -> Goal.GoalLifecycleStatus.CANCELLED;
        });
        goal.setDescription(new CodeableConcept().setText(goals.get(g)));
        goal.setSubject(patient());
        goal.setStart(date(contract.agreedOn()));
        add(goal, goalId);
        carePlan.addGoal(ref("Goal", goalId));
        ext.addExtension("goal", ref("Goal", goalId));
      }
    }
  }

  private void inventories(EpisodeOfCare episode) {
    List<InterpersonalInventory> inventories = course.inventories();
    for (int i = 0; i < inventories.size(); i++) {
      InterpersonalInventory inventory = inventories.get(i);
      Extension ext = episode.addExtension().setUrl(Ext.INVENTORY.url());
      ext.addExtension("takenOn", date(inventory.takenOn()));
      List<Person> people = inventory.people();
      for (int p = 0; p < people.size(); p++) {
        String personId = id("inventory/" + i + "/person/" + p);
        add(relatedPerson(people.get(p)), personId);
        ext.addExtension("person", ref("RelatedPerson", personId));
      }
    }
  }

  private RelatedPerson relatedPerson(Person person) {
    RelatedPerson related = new RelatedPerson();
    related.addIdentifier(new Identifier().setSystem(FhirVocabulary.PERSON_ID_SYSTEM)
        .setValue(person.id()));
    related.setPatient(patient());
    person.relationship().ifPresent(relationship -> {
      CodeableConcept concept = related.addRelationship();
      Terminology.roleCode(relationship).ifPresent(concept::addCoding);
      concept.addCoding(Terminology.coding(relationship));
    });
    person.circle().ifPresent(circle -> ext(related, Ext.CIRCLE, new PositiveIntType(circle)));
    person.contact().ifPresent(contact ->
        ext(related, Ext.CONTACT, new CodeType(contact.name())));
    ext(related, Ext.CONFIDANT, new BooleanType(person.confidant()));
    ext(related, Ext.CONFLICT, new BooleanType(person.conflict()));
    ext(related, Ext.CHANGED_NEAR_ONSET, new BooleanType(person.changedNearOnset()));
    ext(related, Ext.DECEASED, new BooleanType(person.deceased()));
    person.diedOn().ifPresent(date -> ext(related, Ext.DIED_ON, date(date)));
    for (String text : person.satisfying()) {
      ext(related, Ext.SATISFYING, new StringType(text));
    }
    for (String text : person.unsatisfying()) {
      ext(related, Ext.UNSATISFYING, new StringType(text));
    }
    person.expectationsMet().ifPresent(met ->
        ext(related, Ext.EXPECTATIONS_MET, new BooleanType(met)));
    person.desiredChange().ifPresent(text ->
        ext(related, Ext.DESIRED_CHANGE, new StringType(text)));
    return related;
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions

  private void session(Session session, int index, Reference episodeRef,
      Reference carePlanRef) {
    String encounterId = id("session/" + index);
    Encounter encounter = new Encounter();
    ext(encounter, Ext.SESSION_NUMBER, new PositiveIntType(session.number()));
    ext(encounter, Ext.ATTENDANCE, new CodeType(session.attendance().name()));
    session.phase().ifPresent(phase -> ext(encounter, Ext.PHASE, Terminology.coding(phase)));
    session.setting().ifPresent(setting ->
        ext(encounter, Ext.SETTING, new CodeType(setting.name())));
    session.modality().ifPresent(modality ->
        ext(encounter, Ext.MODALITY, new CodeType(modality.name())));
    for (ProblemAreaType area : session.focus()) {
      ext(encounter, Ext.FOCUS, Terminology.coding(area));
    }
    encounter.setStatus(session.isAttended() ? Encounter.EncounterStatus.FINISHED
        : Encounter.EncounterStatus.CANCELLED);
    V3ActCode encounterClass = session.modality().isPresent()
        && session.modality().get() != Modality.IN_PERSON ? V3ActCode.VR : V3ActCode.AMB;
    encounter.setClass_(new Coding(encounterClass.getSystem(), encounterClass.toCode(),
        encounterClass.getDisplay()));
    session.cpt().ifPresent(cpt -> encounter.addType().addCoding()
        .setSystem(FhirVocabulary.CPT).setCode(cpt));
    encounter.setSubject(patient());
    encounter.addEpisodeOfCare(episodeRef.copy());
    encounter.setPeriod(new Period().setStartElement(dateTime(session.date()))
        .setEndElement(dateTime(session.date())));
    session.minutes().ifPresent(minutes -> encounter.setLength((Duration) new Duration()
        .setValue(minutes).setUnit("min").setSystem(FhirVocabulary.UCUM).setCode("min")));
    add(encounter, encounterId);
    Reference encounterRef = ref("Encounter", encounterId);

    if (session.isAttended()) {
      Procedure procedure = new Procedure();
      for (SessionTask task : session.tasks()) {
        ext(procedure, Ext.TASK, Terminology.coding(task));
      }
      for (Technique technique : session.techniques()) {
        ext(procedure, Ext.TECHNIQUE, Terminology.coding(technique));
      }
      procedure.addBasedOn(carePlanRef.copy());
      procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
      procedure.setCode(new CodeableConcept().addCoding(new Coding(FhirVocabulary.SNOMED,
          FhirVocabulary.SNOMED_INTERPERSONAL_PSYCHOTHERAPY, "Interpersonal psychotherapy")));
      procedure.setSubject(patient());
      procedure.setEncounter(encounterRef.copy());
      procedure.setPerformed(dateTime(session.date()));
      add(procedure, id("session/" + index + "/procedure"));
    }
    List<Measure> measures = session.measures();
    for (int m = 0; m < measures.size(); m++) {
      Measure measure = measures.get(m);
      Observation observation = observation(measure, carePlanRef);
      measure.date().ifPresent(date -> ext(observation, Ext.MEASURE_DATE, date(date)));
      observation.setEncounter(encounterRef.copy());
      observation.setEffective(dateTime(session.date()));
      add(observation, id("session/" + index + "/measure/" + m));
    }
  }

  private Observation observation(Measure measure, Reference carePlanRef) {
    Observation observation = new Observation();
    if (measure.total().isEmpty()) {
      ext(observation, Ext.TOTAL_COMPUTED, new BooleanType(true));
    }
    observation.addBasedOn(carePlanRef.copy());
    observation.setStatus(Observation.ObservationStatus.FINAL);
    ObservationCategory survey = ObservationCategory.SURVEY;
    observation.addCategory().addCoding(
        new Coding(survey.getSystem(), survey.toCode(), survey.getDisplay()));
    CodeableConcept code = observation.getCode();
    Terminology.loincTotal(measure.instrument()).ifPresent(code::addCoding);
    code.addCoding(Terminology.instrumentCoding(measure.instrument()));
    code.setText(measure.instrument().displayName());
    observation.setSubject(patient());
    if (measure.hasTotal()) {
      observation.setValue(new IntegerType(measure.totalScore()));
    } else {
      observation.setDataAbsentReason(unanswered());
    }
    List<Integer> items = measure.items();
    for (int i = 0; i < items.size(); i++) {
      int number = i + 1;
      CodeableConcept itemCode = new CodeableConcept();
      Terminology.loincItem(measure.instrument(), number).ifPresent(itemCode::addCoding);
      itemCode.addCoding(Terminology.itemCoding(measure.instrument(), number));
      Integer item = items.get(i);
      if (item == null) {
        observation.addComponent().setCode(itemCode).setDataAbsentReason(unanswered());
      } else {
        observation.addComponent().setCode(itemCode).setValue(new IntegerType(item.intValue()));
      }
    }
    return observation;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The reason of an item left unanswered, or of a total a partly answered form does not have. */
  static CodeableConcept unanswered() {
    return new CodeableConcept().addCoding(new Coding(
        "http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-unknown",
        "Asked But Unknown"));
  }

  private Optional<Period> period() {
    Optional<LocalDate> start = course.sessions().stream().map(Session::date)
        .min(LocalDate::compareTo);
    if (start.isEmpty() && course.endedOn().isEmpty()) {
      return Optional.empty();
    }
    Period period = new Period();
    start.ifPresent(date -> period.setStartElement(dateTime(date)));
    course.endedOn().ifPresent(date -> period.setEndElement(dateTime(date)));
    return Optional.of(period);
  }

  private Identifier courseIdentifier() {
    return new Identifier().setSystem(FhirVocabulary.COURSE_ID_SYSTEM)
        .setValue(course.courseId());
  }

  private Reference patient() {
    Reference patient = new Reference().setType("Patient");
    if (course.patientRef().isPresent()) {
      patient.setIdentifier(new Identifier().setSystem(patientSystem)
          .setValue(course.patientRef().get()));
    } else {
      patient.addExtension(FhirVocabulary.DATA_ABSENT_REASON, new CodeType("unknown"));
    }
    return patient;
  }

  private static Reference therapist(String therapistRef) {
    return new Reference().setType("Practitioner").setIdentifier(new Identifier()
        .setSystem(FhirVocabulary.THERAPIST_REF_SYSTEM).setValue(therapistRef));
  }

  private String id(String key) {
    return Ids.uuid(course.courseId(), key);
  }

  /**
   * Adds an entry identified by its {@code urn:uuid:} full URL (the resource carries no id). In
   * a transaction the resource also carries that UUID as an identifier, and is created only if
   * no resource with that identifier exists yet ({@code ifNoneExist}): exporting the same course
   * again creates nothing twice.
   */
  private void add(Resource resource, String uuid) {
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
        .setFullUrl(Ids.fullUrl(uuid)).setResource(resource);
    if (type == Bundle.BundleType.TRANSACTION) {
      Identifier identifier = new Identifier().setSystem(FhirVocabulary.ENTRY_ID_SYSTEM)
          .setValue(uuid);
      org.hl7.fhir.r4.model.Property property = resource.getNamedProperty("identifier");
      if (property != null && property.getMaxCardinality() > 1) {
        resource.setProperty("identifier", identifier); // adds to the list
      } else {
        throw new IllegalStateException(resource.fhirType() + " has no identifier list");
      }
      entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType())
          .setIfNoneExist("identifier=" + FhirVocabulary.ENTRY_ID_SYSTEM + "|" + uuid);
    }
    if (streaming) {
      sink.accept(entry);
    } else {
      head.add(entry);
    }
  }

  private static Reference ref(String type, String uuid) {
    return new Reference(Ids.fullUrl(uuid)).setType(type);
  }

  private static void ext(org.hl7.fhir.r4.model.DomainResource resource, Ext ext, Type value) {
    resource.addExtension(ext.url(), value);
  }

  static DateType date(LocalDate date) {
    return new DateType(date.toString());
  }

  static DateTimeType dateTime(LocalDate date) {
    return new DateTimeType(date.toString());
  }
}
