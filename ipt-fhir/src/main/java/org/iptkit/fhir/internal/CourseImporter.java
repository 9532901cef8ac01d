package org.iptkit.fhir.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Formulation;
import org.iptkit.core.Frequency;
import org.iptkit.core.Grief;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.InvalidValueException;
import org.iptkit.core.Measure;
import org.iptkit.core.Modality;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.Technique;
import org.iptkit.core.TransitionKind;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.FhirMappingException;
import org.iptkit.fhir.FhirVocabulary;

/**
 * Reads a course back from a FHIR R4 Bundle written by {@link CourseExporter} (or built the same
 * way by another system): one EpisodeOfCare and one CarePlan, the Goals, RelatedPersons,
 * Encounters, Procedures and Observations they lead to. Every problem is a
 * {@link FhirMappingException} naming the entry, the resource type and a FHIRPath-like location;
 * messages quote codes, numbers and dates only. Resources the course does not use (a Patient, a
 * Condition, Observations of other codes) are ignored; an iptkit extension where none is
 * expected is an error.
 */
public final class CourseImporter {

  private record Entry(int index, Resource resource, String type) {
    String path() {
      return "Bundle.entry[" + index + "].resource.ofType(" + type + ")";
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> byReference = new HashMap<>();

  private CourseImporter(Bundle bundle) {
    List<Bundle.BundleEntryComponent> list = bundle.getEntry();
    for (int i = 0; i < list.size(); i++) {
      Bundle.BundleEntryComponent component = list.get(i);
      Resource resource = component.getResource();
      if (resource == null) {
        continue;
      }
      Entry entry = new Entry(i, resource, resource.fhirType());
      entries.add(entry);
      if (component.hasFullUrl()) {
        byReference.putIfAbsent(component.getFullUrl(), entry);
        String fromUrl = typeAndId(component.getFullUrl());
        if (fromUrl != null) {
          byReference.putIfAbsent(fromUrl, entry);
        }
      }
      if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
        String idPart = resource.getIdElement().getIdPart();
        byReference.putIfAbsent(entry.type() + "/" + idPart, entry);
        if (idPart.startsWith("urn:uuid:")) {
          byReference.putIfAbsent(idPart, entry);
        }
      }
    }
  }

  /** The course the Bundle records. */
  public static TreatmentCourse read(Bundle bundle) {
    if (bundle == null) {
      throw new FhirMappingException("Bundle", "Bundle", -1, "no Bundle was given");
    }
    return new CourseImporter(bundle).course();
  }

  // ---------------------------------------------------------------------------------------------
  // Course

  private TreatmentCourse course() {
    Entry episodeEntry = exactlyOne("EpisodeOfCare");
    Entry carePlanEntry = exactlyOne("CarePlan");
    EpisodeOfCare episode = (EpisodeOfCare) episodeEntry.resource();
    CarePlan carePlan = (CarePlan) carePlanEntry.resource();
    allowOnly(episodeEntry, episode, EnumSet.of(Ext.INVENTORY, Ext.FIDELITY_RATING));
    allowOnly(carePlanEntry, carePlan, EnumSet.of(Ext.PROTOCOL, Ext.CONTRACT, Ext.PROBLEM_AREA,
        Ext.FORMULATION));

    TreatmentCourse.Builder course = TreatmentCourse.builder();
    course.courseId(courseId(episodeEntry, episode, carePlanEntry, carePlan));
    patientRef(episodeEntry, episode.getPatient(), ".patient").ifPresent(course::patientRef);
    therapistRef(episodeEntry, episode, carePlanEntry, carePlan).ifPresent(course::therapistRef);
    course.protocol(protocol(carePlanEntry, carePlan));
    course.status(status(carePlanEntry, carePlan));
    course.addAllContracts(contracts(carePlanEntry, carePlan));
    course.addAllProblemAreas(problemAreas(carePlanEntry, carePlan));
    formulation(carePlanEntry, carePlan).ifPresent(course::formulation);
    course.addAllInventories(inventories(episodeEntry, episode));
    course.addAllFidelityRatings(fidelityRatings(episodeEntry, episode));
    if (episode.hasPeriod() && episode.getPeriod().hasEnd()) {
      course.endedOn(localDate(episode.getPeriod().getEndElement(), episodeEntry,
          episodeEntry.path() + ".period.end"));
    }

    List<Entry> encounters = ofType("Encounter");
    Map<Entry, SessionParts> parts = new LinkedHashMap<>();
    for (Entry encounter : encounters) {
      parts.put(encounter, new SessionParts());
    }
    List<Measure> courseMeasures = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.resource() instanceof Procedure procedure && isSessionProcedure(procedure)) {
        allowOnly(entry, procedure, EnumSet.of(Ext.TASK, Ext.TECHNIQUE));
        Entry encounter = encounterOf(entry, procedure.getEncounter(), ".encounter");
        parts.get(encounter).procedures.add(entry);
      } else if (entry.resource() instanceof Observation observation
          && instrumentOf(entry, observation).isPresent()) {
        if (observation.hasEncounter()) {
          allowOnly(entry, observation, EnumSet.of(Ext.TOTAL_COMPUTED, Ext.MEASURE_DATE));
          Entry encounter = encounterOf(entry, observation.getEncounter(), ".encounter");
          parts.get(encounter).observations.add(entry);
        } else {
          allowOnly(entry, observation, EnumSet.of(Ext.TOTAL_COMPUTED));
          courseMeasures.add(measure(entry, observation, false));
        }
      }
    }
    List<Entry> sessionEntries = new ArrayList<>();
    for (Map.Entry<Entry, SessionParts> session : parts.entrySet()) {
      course.addSession(session(session.getKey(), session.getValue()));
      sessionEntries.add(session.getKey());
    }
    course.addAllMeasures(courseMeasures);
    try {
      return course.build();
    } catch (InvalidValueException e) {
      String field = e.field();
      if (field.startsWith("sessions/")) {
        int index = Integer.parseInt(field.split("/")[1]);
        Entry encounter = sessionEntries.get(index);
        throw fail(encounter, encounter.path() + ext(Ext.SESSION_NUMBER), e.getMessage());
      }
      throw fail(episodeEntry, episodeEntry.path() + ".identifier", e.getMessage());
    }
  }

  private String courseId(Entry episodeEntry, EpisodeOfCare episode, Entry carePlanEntry,
      CarePlan carePlan) {
    Optional<String> id = identifier(episodeEntry, episode.getIdentifier(),
        FhirVocabulary.COURSE_ID_SYSTEM, ".identifier");
    if (id.isEmpty()) {
      id = identifier(carePlanEntry, carePlan.getIdentifier(), FhirVocabulary.COURSE_ID_SYSTEM,
          ".identifier");
    }
    return id.orElseThrow(() -> fail(episodeEntry, episodeEntry.path() + ".identifier",
        "no course id: expected an identifier of system " + FhirVocabulary.COURSE_ID_SYSTEM));
  }

  private Optional<String> identifier(Entry entry, List<Identifier> identifiers, String system,
      String path) {
    String found = null;
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier identifier = identifiers.get(i);
      if (system.equals(identifier.getSystem())) {
        String where = entry.path() + path + "[" + i + "].value";
        if (found != null) {
          throw fail(entry, where, "more than one identifier of system " + system);
        }
        if (!identifier.hasValue() || identifier.getValue().isBlank()) {
          throw fail(entry, where, "the identifier of system " + system + " has no value");
        }
        found = identifier.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  private Optional<String> patientRef(Entry entry, Reference reference, String path) {
    if (reference == null || reference.isEmpty()
        || reference.hasExtension(FhirVocabulary.DATA_ABSENT_REASON)) {
      return Optional.empty();
    }
    Identifier identifier = reference.getIdentifier();
    if (identifier != null && FhirVocabulary.PATIENT_REF_SYSTEM.equals(identifier.getSystem())
        && identifier.hasValue() && !identifier.getValue().isBlank()) {
      return Optional.of(identifier.getValue());
    }
    throw fail(entry, entry.path() + path, "expected the patient as an identifier of system "
        + FhirVocabulary.PATIENT_REF_SYSTEM + " (or a data-absent-reason extension)");
  }

  private Optional<String> therapistRef(Entry episodeEntry, EpisodeOfCare episode,
      Entry carePlanEntry, CarePlan carePlan) {
    if (episode.hasCareManager()) {
      return Optional.of(practitioner(episodeEntry, episode.getCareManager(), ".careManager"));
    }
    if (carePlan.hasAuthor()) {
      return Optional.of(practitioner(carePlanEntry, carePlan.getAuthor(), ".author"));
    }
    return Optional.empty();
  }

  private String practitioner(Entry entry, Reference reference, String path) {
    Identifier identifier = reference.getIdentifier();
    if (identifier != null && FhirVocabulary.THERAPIST_REF_SYSTEM.equals(identifier.getSystem())
        && identifier.hasValue() && !identifier.getValue().isBlank()) {
      return identifier.getValue();
    }
    throw fail(entry, entry.path() + path, "expected the therapist as an identifier of system "
        + FhirVocabulary.THERAPIST_REF_SYSTEM);
  }

  private String protocol(Entry entry, CarePlan carePlan) {
    Optional<Extension> ext = single(entry, carePlan, Ext.PROTOCOL, "");
    if (ext.isPresent()) {
      return string(entry, ext.get(), entry.path() + ext(Ext.PROTOCOL));
    }
    for (int i = 0; i < carePlan.getInstantiatesCanonical().size(); i++) {
      String canonical = carePlan.getInstantiatesCanonical().get(i).getValue();
      if (canonical != null && canonical.startsWith(FhirVocabulary.PLAN_DEFINITION_BASE)
          && canonical.length() > FhirVocabulary.PLAN_DEFINITION_BASE.length()) {
        try {
          return Ids.protocolOf(canonical);
        } catch (IllegalArgumentException e) {
          throw fail(entry, entry.path() + ".instantiatesCanonical[" + i + "]",
              "the PlanDefinition URL is not validly URL-encoded");
        }
      }
    }
    throw fail(entry, entry.path() + ".instantiatesCanonical", "no protocol: expected the "
        + Ext.PROTOCOL.url() + " extension or a canonical URL starting with "
        + FhirVocabulary.PLAN_DEFINITION_BASE);
  }

  private CourseStatus status(Entry entry, CarePlan carePlan) {
    if (!carePlan.hasStatus()) {
      throw fail(entry, entry.path() + ".status",
          "missing; expected active, completed or revoked");
    }
    return switch (carePlan.getStatus()) {
      case ACTIVE -> CourseStatus.ONGOING;
      case COMPLETED -> CourseStatus.COMPLETED;
      case REVOKED -> CourseStatus.DISCONTINUED;
      default -> throw fail(entry, entry.path() + ".status", "'" + carePlan.getStatus().toCode()
          + "' has no course status; expected active, completed or revoked");
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Contracts, problem areas, formulation

  private List<Contract> contracts(Entry entry, CarePlan carePlan) {
    List<Contract> contracts = new ArrayList<>();
    List<Extension> exts = carePlan.getExtensionsByUrl(Ext.CONTRACT.url());
    for (int c = 0; c < exts.size(); c++) {
      String where = entry.path() + ext(Ext.CONTRACT) + "[" + c + "]";
      Complex ext = complex(entry, exts.get(c), Ext.CONTRACT, where);
      Contract.Builder contract = Contract.builder();
      contract.kind(enumValue(ContractKind.class, code(entry, ext.one("kind"), ext.at("kind")),
          entry, ext.at("kind")));
      contract.agreedOn(date(entry, ext.one("agreedOn"), ext.at("agreedOn")));
      ext.opt("plannedSessions").ifPresent(e ->
          contract.plannedSessions(integer(entry, e, ext.at("plannedSessions"))));
      ext.opt("frequency").ifPresent(e -> contract.frequency(enumValue(Frequency.class,
          code(entry, e, ext.at("frequency")), entry, ext.at("frequency"))));
      ext.opt("sessionMinutes").ifPresent(e ->
          contract.sessionMinutes(integer(entry, e, ext.at("sessionMinutes"))));
      List<Extension> goals = ext.all("goal");
      for (int g = 0; g < goals.size(); g++) {
        String goalWhere = ext.at("goal") + "[" + g + "]";
        Entry goal = resolve(entry, reference(entry, goals.get(g), goalWhere), goalWhere, "Goal");
        Goal resource = (Goal) goal.resource();
        CodeableConcept description = resource.getDescription();
        if (description == null || !description.hasText() || description.getText().isBlank()) {
          throw fail(goal, goal.path() + ".description.text", "missing; expected the goal text");
        }
        contract.addGoal(description.getText());
      }
      contracts.add(build(entry, where, contract::build));
    }
    return contracts;
  }

  private List<ProblemArea> problemAreas(Entry entry, CarePlan carePlan) {
    List<ProblemArea> areas = new ArrayList<>();
    List<Extension> exts = carePlan.getExtensionsByUrl(Ext.PROBLEM_AREA.url());
    for (int a = 0; a < exts.size(); a++) {
      String where = entry.path() + ext(Ext.PROBLEM_AREA) + "[" + a + "]";
      Complex ext = complex(entry, exts.get(a), Ext.PROBLEM_AREA, where);
      ProblemAreaType type = iptkitCode(ProblemAreaType.class, entry, ext.one("type"),
          ext.at("type"));
      boolean primary = ext.opt("primary").map(e -> bool(entry, e, ext.at("primary")))
          .orElse(false);
      Optional<String> personId = ext.opt("personId")
          .map(e -> string(entry, e, ext.at("personId")));
      Set<String> allowed = switch (type) {
        case GRIEF -> Set.of("type", "primary", "personId");
        case ROLE_DISPUTE -> Set.of("type", "primary", "personId", "stage");
        case ROLE_TRANSITION -> Set.of("type", "primary", "fromRole", "toRole", "transition");
        case INTERPERSONAL_DEFICITS -> Set.of("type", "primary");
      };
      for (Extension sub : exts.get(a).getExtension()) {
        if (!allowed.contains(sub.getUrl())) {
          throw fail(entry, ext.at(sub.getUrl()), "not allowed for problem area " + type.name()
              + "; expected only " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
      }
      areas.add(switch (type) {
        case GRIEF -> build(entry, where,
            () -> Grief.builder().primary(primary).personId(personId).build());
        case ROLE_DISPUTE -> {
          Optional<DisputeStage> stage = ext.opt("stage").map(e -> enumValue(DisputeStage.class,
              code(entry, e, ext.at("stage")), entry, ext.at("stage")));
          yield build(entry, where, () -> RoleDispute.builder().primary(primary)
              .personId(personId).stage(stage).build());
        }
        case ROLE_TRANSITION -> {
          Optional<String> from = ext.opt("fromRole").map(e -> string(entry, e,
              ext.at("fromRole")));
          Optional<String> to = ext.opt("toRole").map(e -> string(entry, e, ext.at("toRole")));
          Optional<TransitionKind> kind = ext.opt("transition").map(e -> enumValue(
              TransitionKind.class, code(entry, e, ext.at("transition")), entry,
              ext.at("transition")));
          yield build(entry, where, () -> RoleTransition.builder().primary(primary)
              .fromRole(from).toRole(to).transition(kind).build());
        }
        case INTERPERSONAL_DEFICITS -> build(entry, where,
            () -> InterpersonalDeficits.builder().primary(primary).build());
      });
    }
    return areas;
  }

  private Optional<Formulation> formulation(Entry entry, CarePlan carePlan) {
    Optional<Extension> found = single(entry, carePlan, Ext.FORMULATION, "");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String where = entry.path() + ext(Ext.FORMULATION);
    Complex ext = complex(entry, found.get(), Ext.FORMULATION, where);
    Formulation.Builder formulation = Formulation.builder();
    formulation.sharedOn(date(entry, ext.one("sharedOn"), ext.at("sharedOn")));
    List<Extension> areas = ext.all("area");
    for (int i = 0; i < areas.size(); i++) {
      formulation.addArea(iptkitCode(ProblemAreaType.class, entry, areas.get(i),
          ext.at("area") + "[" + i + "]"));
    }
    ext.opt("patientAgreed").ifPresent(e ->
        formulation.patientAgreed(bool(entry, e, ext.at("patientAgreed"))));
    return Optional.of(build(entry, where, formulation::build));
  }

  // ---------------------------------------------------------------------------------------------
  // Inventories and fidelity ratings

  private List<InterpersonalInventory> inventories(Entry entry, EpisodeOfCare episode) {
    List<InterpersonalInventory> inventories = new ArrayList<>();
    List<Extension> exts = episode.getExtensionsByUrl(Ext.INVENTORY.url());
    for (int i = 0; i < exts.size(); i++) {
      String where = entry.path() + ext(Ext.INVENTORY) + "[" + i + "]";
      Complex ext = complex(entry, exts.get(i), Ext.INVENTORY, where);
      InterpersonalInventory.Builder inventory = InterpersonalInventory.builder();
      inventory.takenOn(date(entry, ext.one("takenOn"), ext.at("takenOn")));
      List<Extension> people = ext.all("person");
      for (int p = 0; p < people.size(); p++) {
        String personWhere = ext.at("person") + "[" + p + "]";
        Entry person = resolve(entry, reference(entry, people.get(p), personWhere), personWhere,
            "RelatedPerson");
        inventory.addPerson(person(person));
      }
      inventories.add(build(entry, where, inventory::build));
    }
    return inventories;
  }

  private Person person(Entry entry) {
    RelatedPerson related = (RelatedPerson) entry.resource();
    allowOnly(entry, related, EnumSet.of(Ext.CIRCLE, Ext.CONTACT, Ext.CONFIDANT, Ext.CONFLICT,
        Ext.CHANGED_NEAR_ONSET, Ext.DECEASED, Ext.DIED_ON, Ext.SATISFYING, Ext.UNSATISFYING,
        Ext.EXPECTATIONS_MET, Ext.DESIRED_CHANGE));
    String base = entry.path();
    Person.Builder person = Person.builder();
    person.id(identifier(entry, related.getIdentifier(), FhirVocabulary.PERSON_ID_SYSTEM,
        ".identifier").orElseThrow(() -> fail(entry, base + ".identifier",
            "no person id: expected an identifier of system "
                + FhirVocabulary.PERSON_ID_SYSTEM)));
    relationship(entry, related).ifPresent(person::relationship);
    single(entry, related, Ext.CIRCLE, "").ifPresent(e ->
        person.circle(integer(entry, e, base + ext(Ext.CIRCLE))));
    single(entry, related, Ext.CONTACT, "").ifPresent(e -> person.contact(enumValue(
        ContactFrequency.class, code(entry, e, base + ext(Ext.CONTACT)), entry,
        base + ext(Ext.CONTACT))));
    single(entry, related, Ext.CONFIDANT, "").ifPresent(e ->
        person.confidant(bool(entry, e, base + ext(Ext.CONFIDANT))));
    single(entry, related, Ext.CONFLICT, "").ifPresent(e ->
        person.conflict(bool(entry, e, base + ext(Ext.CONFLICT))));
    single(entry, related, Ext.CHANGED_NEAR_ONSET, "").ifPresent(e ->
        person.changedNearOnset(bool(entry, e, base + ext(Ext.CHANGED_NEAR_ONSET))));
    single(entry, related, Ext.DECEASED, "").ifPresent(e ->
        person.deceased(bool(entry, e, base + ext(Ext.DECEASED))));
    single(entry, related, Ext.DIED_ON, "").ifPresent(e ->
        person.diedOn(date(entry, e, base + ext(Ext.DIED_ON))));
    List<Extension> satisfying = related.getExtensionsByUrl(Ext.SATISFYING.url());
    for (int i = 0; i < satisfying.size(); i++) {
      person.addSatisfying(string(entry, satisfying.get(i),
          base + ext(Ext.SATISFYING) + "[" + i + "]"));
    }
    List<Extension> unsatisfying = related.getExtensionsByUrl(Ext.UNSATISFYING.url());
    for (int i = 0; i < unsatisfying.size(); i++) {
      person.addUnsatisfying(string(entry, unsatisfying.get(i),
          base + ext(Ext.UNSATISFYING) + "[" + i + "]"));
    }
    single(entry, related, Ext.EXPECTATIONS_MET, "").ifPresent(e ->
        person.expectationsMet(bool(entry, e, base + ext(Ext.EXPECTATIONS_MET))));
    single(entry, related, Ext.DESIRED_CHANGE, "").ifPresent(e ->
        person.desiredChange(string(entry, e, base + ext(Ext.DESIRED_CHANGE))));
    return build(entry, base, person::build);
  }

  private Optional<Relationship> relationship(Entry entry, RelatedPerson related) {
    List<CodeableConcept> concepts = related.getRelationship();
    Relationship fromRoleCode = null;
    for (int c = 0; c < concepts.size(); c++) {
      List<Coding> codings = concepts.get(c).getCoding();
      for (int k = 0; k < codings.size(); k++) {
        Coding coding = codings.get(k);
        String where = entry.path() + ".relationship[" + c + "].coding[" + k + "]";
        if (FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem())) {
          return Optional.of(enumValue(Relationship.class, coding.getCode(), entry, where));
        }
        if (FhirVocabulary.V3_ROLE_CODE.equals(coding.getSystem()) && fromRoleCode == null) {
          fromRoleCode = Terminology.fromRoleCode(coding.getCode()).orElse(null);
        }
      }
    }
    return Optional.ofNullable(fromRoleCode);
  }

  private List<FidelityRating> fidelityRatings(Entry entry, EpisodeOfCare episode) {
    List<FidelityRating> ratings = new ArrayList<>();
    List<Extension> exts = episode.getExtensionsByUrl(Ext.FIDELITY_RATING.url());
    for (int r = 0; r < exts.size(); r++) {
      String where = entry.path() + ext(Ext.FIDELITY_RATING) + "[" + r + "]";
      Complex ext = complex(entry, exts.get(r), Ext.FIDELITY_RATING, where);
      FidelityRating.Builder rating = FidelityRating.builder();
      rating.session(integer(entry, ext.one("session"), ext.at("session")));
      rating.scale(string(entry, ext.one("scale"), ext.at("scale")));
      ext.opt("rater").ifPresent(e -> rating.rater(string(entry, e, ext.at("rater"))));
      List<Extension> items = ext.all("item");
      for (int i = 0; i < items.size(); i++) {
        rating.addItem(integer(entry, items.get(i), ext.at("item") + "[" + i + "]"));
      }
      ratings.add(build(entry, where, rating::build));
    }
    return ratings;
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions and measures

  private static final class SessionParts {
    final List<Entry> procedures = new ArrayList<>();
    final List<Entry> observations = new ArrayList<>();
  }

  private Session session(Entry entry, SessionParts parts) {
    Encounter encounter = (Encounter) entry.resource();
    allowOnly(entry, encounter, EnumSet.of(Ext.SESSION_NUMBER, Ext.ATTENDANCE, Ext.PHASE,
        Ext.SETTING, Ext.MODALITY, Ext.FOCUS));
    String base = entry.path();
    Session.Builder session = Session.builder();
    Extension number = single(entry, encounter, Ext.SESSION_NUMBER, "").orElseThrow(() ->
        fail(entry, base + ext(Ext.SESSION_NUMBER), "missing; expected the session number"));
    session.number(integer(entry, number, base + ext(Ext.SESSION_NUMBER)));
    if (!encounter.hasPeriod() || !encounter.getPeriod().hasStart()) {
      throw fail(entry, base + ".period.start", "missing; expected the session date");
    }
    session.date(localDate(encounter.getPeriod().getStartElement(), entry,
        base + ".period.start"));
    session.attendance(attendance(entry, encounter));
    single(entry, encounter, Ext.PHASE, "").ifPresent(e ->
        session.phase(iptkitCode(Phase.class, entry, e, base + ext(Ext.PHASE))));
    single(entry, encounter, Ext.SETTING, "").ifPresent(e -> session.setting(enumValue(
        Setting.class, code(entry, e, base + ext(Ext.SETTING)), entry, base + ext(Ext.SETTING))));
    single(entry, encounter, Ext.MODALITY, "").ifPresent(e -> session.modality(enumValue(
        Modality.class, code(entry, e, base + ext(Ext.MODALITY)), entry,
        base + ext(Ext.MODALITY))));
    List<Extension> focus = encounter.getExtensionsByUrl(Ext.FOCUS.url());
    for (int i = 0; i < focus.size(); i++) {
      session.addFocus(iptkitCode(ProblemAreaType.class, entry, focus.get(i),
          base + ext(Ext.FOCUS) + "[" + i + "]"));
    }
    if (encounter.hasLength()) {
      session.minutes(minutes(entry, encounter));
    }
    cpt(entry, encounter).ifPresent(session::cpt);
    for (Entry procedureEntry : parts.procedures) {
      Procedure procedure = (Procedure) procedureEntry.resource();
      String pbase = procedureEntry.path();
      List<Extension> tasks = procedure.getExtensionsByUrl(Ext.TASK.url());
      for (int i = 0; i < tasks.size(); i++) {
        session.addTask(iptkitCode(SessionTask.class, procedureEntry, tasks.get(i),
            pbase + ext(Ext.TASK) + "[" + i + "]"));
      }
      List<Extension> techniques = procedure.getExtensionsByUrl(Ext.TECHNIQUE.url());
      for (int i = 0; i < techniques.size(); i++) {
        session.addTechnique(iptkitCode(Technique.class, procedureEntry, techniques.get(i),
            pbase + ext(Ext.TECHNIQUE) + "[" + i + "]"));
      }
    }
    for (Entry observation : parts.observations) {
      session.addMeasure(measure(observation, (Observation) observation.resource(), true));
    }
    return build(entry, base, session::build);
  }

  private Attendance attendance(Entry entry, Encounter encounter) {
    Optional<Extension> ext = single(entry, encounter, Ext.ATTENDANCE, "");
    String where = entry.path() + ext(Ext.ATTENDANCE);
    if (ext.isPresent()) {
      return enumValue(Attendance.class, code(entry, ext.get(), where), entry, where);
    }
    if (encounter.hasStatus()) {
      switch (encounter.getStatus()) {
        case FINISHED:
          return Attendance.ATTENDED;
        case CANCELLED:
          return Attendance.CANCELLED;
        default:
          break;
      }
    }
    throw fail(entry, where, "missing; expected the attendance (ATTENDED, CANCELLED or NO_SHOW)"
        + " or an Encounter.status of finished or cancelled");
  }

  private int minutes(Entry entry, Encounter encounter) {
    String where = entry.path() + ".length";
    org.hl7.fhir.r4.model.Duration length = encounter.getLength();
    boolean inMinutes = "min".equals(length.getCode()) || (!length.hasCode()
        && "min".equals(length.getUnit()));
    if (!inMinutes || !length.hasValue()) {
      throw fail(entry, where, "expected a duration in minutes (UCUM code min)");
    }
    java.math.BigDecimal value = length.getValue();
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw fail(entry, where + ".value", "expected a whole number of minutes, was " + value);
    }
  }

  private Optional<String> cpt(Entry entry, Encounter encounter) {
    String found = null;
    for (int t = 0; t < encounter.getType().size(); t++) {
      for (Coding coding : encounter.getType().get(t).getCoding()) {
        if (FhirVocabulary.CPT.equals(coding.getSystem()) && coding.hasCode()) {
          if (found != null) {
            throw fail(entry, entry.path() + ".type[" + t + "]",
                "more than one CPT code; expected at most one");
          }
          found = coding.getCode();
        }
      }
    }
    return Optional.ofNullable(found);
  }

  private boolean isSessionProcedure(Procedure procedure) {
    if (procedure.hasExtension(Ext.TASK.url()) || procedure.hasExtension(Ext.TECHNIQUE.url())) {
      return true;
    }
    for (Coding coding : procedure.getCode().getCoding()) {
      if (FhirVocabulary.SNOMED.equals(coding.getSystem())
          && FhirVocabulary.SNOMED_INTERPERSONAL_PSYCHOTHERAPY.equals(coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  private Optional<Instrument> instrumentOf(Entry entry, Observation observation) {
    List<Coding> codings = observation.getCode().getCoding();
    Instrument fromLoinc = null;
    for (int k = 0; k < codings.size(); k++) {
      Coding coding = codings.get(k);
      if (FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem())) {
        return Optional.of(enumValue(Instrument.class, coding.getCode(), entry,
            entry.path() + ".code.coding[" + k + "]"));
      }
      if (FhirVocabulary.LOINC.equals(coding.getSystem()) && fromLoinc == null) {
        fromLoinc = Terminology.fromLoincTotal(coding.getCode()).orElse(null);
      }
    }
    return Optional.ofNullable(fromLoinc);
  }

  private Measure measure(Entry entry, Observation observation, boolean inSession) {
    String base = entry.path();
    Instrument instrument = instrumentOf(entry, observation).orElseThrow();
    Measure.Builder measure = Measure.builder().instrument(instrument);
    Integer[] items = new Integer[instrument.itemCount()];
    boolean[] given = new boolean[instrument.itemCount()];
    List<Observation.ObservationComponentComponent> components = observation.getComponent();
    for (int c = 0; c < components.size(); c++) {
      String where = base + ".component[" + c + "]";
      int number = itemNumber(entry, instrument, components.get(c).getCode(), where + ".code");
      if (given[number - 1]) {
        throw fail(entry, where + ".code", instrument.displayName() + " item " + number
            + " is given more than once");
      }
      given[number - 1] = true;
      // An item left unanswered has no value but a data-absent reason.
      Observation.ObservationComponentComponent component = components.get(c);
      items[number - 1] = !component.hasValue() && component.hasDataAbsentReason() ? null
          : Integer.valueOf(intValue(entry, component.getValue(), where + ".value"));
    }
    boolean anyItem = components.size() > 0;
    if (anyItem) {
      for (int n = 1; n <= items.length; n++) {
        if (!given[n - 1]) {
          throw fail(entry, base + ".component", instrument.displayName() + " item " + n
              + " is missing; expected all " + items.length + " items or none");
        }
        measure.addItem(items[n - 1]);
      }
    }
    boolean computed = single(entry, observation, Ext.TOTAL_COMPUTED, "")
        .map(e -> bool(entry, e, base + ext(Ext.TOTAL_COMPUTED))).orElse(false);
    if (observation.hasValue()) {
      int total = intValue(entry, observation.getValue(), base + ".value");
      if (computed) {
        if (!anyItem) {
          throw fail(entry, base + ext(Ext.TOTAL_COMPUTED),
              "the total is marked computed but the Observation has no items");
        }
        java.util.OptionalInt computedTotal = build(entry, base, measure::build).score();
        if (computedTotal.isEmpty() || computedTotal.getAsInt() != total) {
          boolean partly = java.util.Arrays.asList(items).contains(null);
          throw fail(entry, base + ".value", instrument.displayName() + " total " + total
              + " disagrees with " + (partly ? "the prorated total" : "the sum") + " of its items"
              + (computedTotal.isEmpty() ? ", which have none" : ", " + computedTotal.getAsInt()));
        }
      } else {
        measure.total(total);
      }
    } else if (!anyItem) {
      throw fail(entry, base + ".value", "missing; expected the total score or the items");
    }
    if (inSession) {
      single(entry, observation, Ext.MEASURE_DATE, "").ifPresent(e ->
          measure.date(date(entry, e, base + ext(Ext.MEASURE_DATE))));
    } else if (observation.hasEffective()) {
      if (!(observation.getEffective() instanceof BaseDateTimeType effective)) {
        throw fail(entry, base + ".effective", "expected effectiveDateTime");
      }
      measure.date(localDate(effective, entry, base + ".effectiveDateTime"));
    }
    return build(entry, base, measure::build);
  }

  private int itemNumber(Entry entry, Instrument instrument, CodeableConcept code,
      String where) {
    Integer fromLoinc = null;
    for (Coding coding : code.getCoding()) {
      if (FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
        String prefix = instrument.name() + "-";
        String value = coding.getCode();
        if (value.startsWith(prefix)) {
          try {
            int number = Integer.parseInt(value.substring(prefix.length()));
            if (number >= 1 && number <= instrument.itemCount()) {
              return number;
            }
          } catch (NumberFormatException e) {
            // reported below
          }
        }
        throw fail(entry, where, "unknown item code '" + value + "'; expected " + prefix + "1 to "
            + prefix + instrument.itemCount());
      }
      if (FhirVocabulary.LOINC.equals(coding.getSystem()) && instrument == Instrument.PHQ9) {
        int index = Terminology.LOINC_PHQ9_ITEMS.indexOf(coding.getCode());
        if (index >= 0 && fromLoinc == null) {
          fromLoinc = index + 1;
        }
      }
    }
    if (fromLoinc != null) {
      return fromLoinc;
    }
    throw fail(entry, where, "no item code; expected an iptkit code " + instrument.name()
        + "-N" + (instrument == Instrument.PHQ9 ? " or a LOINC PHQ-9 item code" : ""));
  }

  private Entry encounterOf(Entry entry, Reference reference, String path) {
    return resolve(entry, reference, entry.path() + path, "Encounter");
  }

  // ---------------------------------------------------------------------------------------------
  // Resources, references, extensions

  private Entry exactlyOne(String type) {
    List<Entry> found = ofType(type);
    if (found.size() != 1) {
      throw new FhirMappingException("Bundle.entry", "Bundle", -1,
          "expected exactly one " + type + ", found " + found.size());
    }
    return found.get(0);
  }

  private List<Entry> ofType(String type) {
    List<Entry> found = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.type().equals(type)) {
        found.add(entry);
      }
    }
    return found;
  }

  private Entry resolve(Entry from, Reference reference, String where, String type) {
    String target = reference == null ? null : reference.getReference();
    if (target == null || target.isBlank()) {
      throw fail(from, where, "expected a reference to a " + type + " in the Bundle");
    }
    Entry entry = byReference.get(target);
    if (entry == null) {
      String key = typeAndId(target);
      entry = key == null ? null : byReference.get(key);
    }
    if (entry == null) {
      throw fail(from, where, "the reference does not resolve to a " + type
          + " in the Bundle");
    }
    if (!entry.type().equals(type)) {
      throw fail(from, where, "the reference resolves to a " + entry.type() + "; expected a "
          + type);
    }
    return entry;
  }

  private static String typeAndId(String url) {
    String[] parts = url.split("/");
    int n = parts.length;
    if (n >= 4 && parts[n - 2].equals("_history")) {
      n -= 2;
    }
    if (n >= 2 && !parts[n - 2].isEmpty() && Character.isUpperCase(parts[n - 2].charAt(0))) {
      return parts[n - 2] + "/" + parts[n - 1];
    }
    return null;
  }

  private Reference reference(Entry entry, Extension ext, String where) {
    if (!(ext.getValue() instanceof Reference reference)) {
      throw fail(entry, where, "expected valueReference" + found(ext.getValue()));
    }
    return reference;
  }

  /** Rejects iptkit extensions not expected on this resource (a typo would lose data). */
  private void allowOnly(Entry entry, DomainResource resource, Set<Ext> allowed) {
    List<Extension> extensions = resource.getExtension();
    for (int i = 0; i < extensions.size(); i++) {
      String url = extensions.get(i).getUrl();
      if (url != null && url.startsWith(FhirVocabulary.EXTENSION_BASE)) {
        boolean known = false;
        for (Ext ext : allowed) {
          known |= ext.url().equals(url);
        }
        if (!known) {
          List<String> names = new ArrayList<>();
          for (Ext ext : allowed) {
            names.add(ext.extensionName());
          }
          throw fail(entry, entry.path() + ".extension[" + i + "]", "iptkit extension "
              + url.substring(FhirVocabulary.EXTENSION_BASE.length()) + " is not expected on "
              + entry.type() + "; expected " + String.join(", ", names));
        }
      }
    }
  }

  private Optional<Extension> single(Entry entry, DomainResource resource, Ext ext,
      String path) {
    List<Extension> found = resource.getExtensionsByUrl(ext.url());
    if (found.size() > 1) {
      throw fail(entry, entry.path() + path + ext(ext),
          "given " + found.size() + " times; expected at most once");
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The sub-extensions of a complex extension, checked against its definition. */
  private final class Complex {
    private final Entry entry;
    private final Extension ext;
    private final String where;

    Complex(Entry entry, Extension ext, String where) {
      this.entry = entry;
      this.ext = ext;
      this.where = where;
    }

    String at(String name) {
      return where + ".extension('" + name + "')";
    }

    List<Extension> all(String name) {
      return ext.getExtensionsByUrl(name);
    }

    Extension one(String name) {
      return opt(name).orElseThrow(() -> fail(entry, at(name), "missing; it is required"));
    }

    Optional<Extension> opt(String name) {
      List<Extension> found = all(name);
      if (found.size() > 1) {
        throw fail(entry, at(name), "given " + found.size() + " times; expected at most once");
      }
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private Complex complex(Entry entry, Extension ext, Ext definition, String where) {
    if (ext.hasValue()) {
      throw fail(entry, where + ".value", "a complex extension has no value; expected only "
          + "sub-extensions");
    }
    List<String> names = new ArrayList<>();
    for (Ext.Sub sub : definition.subs()) {
      names.add(sub.name());
    }
    for (Extension sub : ext.getExtension()) {
      if (!names.contains(sub.getUrl())) {
        throw fail(entry, where + ".extension('" + sub.getUrl() + "')",
            "unknown sub-extension; expected " + String.join(", ", names));
      }
    }
    return new Complex(entry, ext, where);
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  private String string(Entry entry, Extension ext, String where) {
    if (!(ext.getValue() instanceof StringType value) || !value.hasValue()) {
      throw fail(entry, where, "expected valueString" + found(ext.getValue()));
    }
    return value.getValue();
  }

  private String code(Entry entry, Extension ext, String where) {
    if (!(ext.getValue() instanceof StringType value) || !value.hasValue()) {
      throw fail(entry, where, "expected valueCode" + found(ext.getValue()));
    }
    return value.getValue();
  }

  private boolean bool(Entry entry, Extension ext, String where) {
    if (!(ext.getValue() instanceof BooleanType value) || !value.hasValue()) {
      throw fail(entry, where, "expected valueBoolean" + found(ext.getValue()));
    }
    return value.getValue();
  }

  private int integer(Entry entry, Extension ext, String where) {
    return intValue(entry, ext.getValue(), where);
  }

  private int intValue(Entry entry, Type value, String where) {
    if (!(value instanceof IntegerType number) || !number.hasValue()) {
      throw fail(entry, where, "expected an integer value" + found(value));
    }
    return number.getValue();
  }

  private LocalDate date(Entry entry, Extension ext, String where) {
    if (!(ext.getValue() instanceof BaseDateTimeType value)) {
      throw fail(entry, where, "expected valueDate" + found(ext.getValue()));
    }
    return localDate(value, entry, where);
  }

  private LocalDate localDate(BaseDateTimeType value, Entry entry, String where) {
    String text = value.getValueAsString();
    if (text == null || text.length() < 10) {
      throw fail(entry, where, "expected a full date (YYYY-MM-DD)"
          + (text == null ? "" : ", was " + text));
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw fail(entry, where, "expected a date (YYYY-MM-DD), was " + text);
    }
  }

  private <E extends Enum<E>> E iptkitCode(Class<E> type, Entry entry, Extension ext,
      String where) {
    if (!(ext.getValue() instanceof Coding coding)) {
      throw fail(entry, where, "expected valueCoding" + found(ext.getValue()));
    }
    if (!FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem())) {
      throw fail(entry, where + ".system", "expected the system " + FhirVocabulary.CODE_SYSTEM
          + (coding.hasSystem() ? ", was " + coding.getSystem() : ""));
    }
    return enumValue(type, coding.getCode(), entry, where + ".code");
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String code, Entry entry,
      String where) {
    if (code != null) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(code)) {
          return constant;
        }
      }
    }
    throw fail(entry, where, (code == null ? "missing code"
        : "unknown code " + ParseErrors.quotedCode(code)) + "; expected one of " + String.join(", ", Terminology.names(type)));
  }

  private static String found(Base value) {
    if (value == null) {
      return ", found no value";
    }
    String type = value.fhirType();
    return ", found value" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  private <T> T build(Entry entry, String where, java.util.function.Supplier<T> builder) {
    try {
      return builder.get();
    } catch (InvalidValueException e) {
      throw fail(entry, where, e.getMessage() + " (" + e.field() + ")");
    } catch (IllegalStateException e) {
      throw fail(entry, where, "incomplete: " + e.getMessage());
    }
  }

  private static String ext(Ext ext) {
    return ".extension('" + ext.url() + "')";
  }

  private static FhirMappingException fail(Entry entry, String where, String problem) {
    return new FhirMappingException(where, entry.type(), entry.index(), problem);
  }
}
