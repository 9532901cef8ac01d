package org.iptkit.fhir.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
import org.hl7.fhir.r4.model.QuestionnaireResponse;
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
import org.iptkit.fhir.FhirImport;
import org.iptkit.fhir.FhirImportWarning;
import org.iptkit.fhir.FhirMappingException;
import org.iptkit.fhir.FhirVocabulary;

/**
 * Reads a course from a FHIR R4 Bundle: one written by {@link CourseExporter}, or one holding
 * what an EHR records (Encounters of the episode with their period and status, PHQ-9, GAD-7 and
 * EPDS as LOINC panels, totals or QuestionnaireResponses, the patient by a literal reference or
 * an identifier of the host's system), as a collection, transaction, batch or searchset. One
 * EpisodeOfCare and one CarePlan frame the course. Every problem is a
 * {@link FhirMappingException} naming the entry, the resource type and a FHIRPath-like location,
 * quoting no value; a resource of another patient and a contradiction (a cancelled Encounter
 * recorded as attended) are problems. What is left out (entered in error, planned, not part of
 * an IPT course) is a {@link FhirImportWarning}: nothing is dropped silently.
 */
public final class CourseImporter {


  private record Entry(int index, Resource resource, String type) {
    String path() {
      return "Bundle.entry[" + index + "].resource.ofType(" + type + ")";
    }
  }


  /** The reference of the standard ordinal-value extension (the score of an answer coding). */
  private static final List<String> ORDINAL_VALUE = List.of(
      "http://hl7.org/fhir/StructureDefinition/ordinalValue",
      "http://hl7.org/fhir/StructureDefinition/iso21090-CO-value");

  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> byReference = new HashMap<>();
  private final String patientSystem;
  private final List<FhirImportWarning> warnings = new ArrayList<>();
  /** The entries that became part of the course (or were read to tell that they belong). */
  private final Set<Entry> used = new HashSet<>();
  /** The patient of the course: the keys its EpisodeOfCare names it by (empty: not given). */
  private Set<String> coursePatient = Set.of();

  private CourseImporter(Bundle bundle, String patientSystem) {
    this.patientSystem = patientSystem;
    Bundle.BundleType type = bundle.getType();
    boolean exchange = type == Bundle.BundleType.TRANSACTION || type == Bundle.BundleType.BATCH;
    if (type != null && type != Bundle.BundleType.NULL && type != Bundle.BundleType.COLLECTION
        && !exchange && type != Bundle.BundleType.SEARCHSET) {
      throw new FhirMappingException("Bundle.type", "Bundle", -1, "a Bundle of this type does "
          + "not hold a course; expected collection, transaction, batch or searchset");
    }
    List<Bundle.BundleEntryComponent> list = bundle.getEntry();
    for (int i = 0; i < list.size(); i++) {
      Bundle.BundleEntryComponent component = list.get(i);
      String at = "Bundle.entry[" + i + "]";
      if (exchange && component.hasRequest() && component.getRequest().hasMethod()
          && component.getRequest().getMethod() != Bundle.HTTPVerb.POST
          && component.getRequest().getMethod() != Bundle.HTTPVerb.PUT) {
        throw new FhirMappingException(at + ".request.method", null, i, "only POST and PUT "
            + "entries carry a resource of the course; expected POST or PUT");
      }
      Resource resource = component.getResource();
      if (resource == null) {
        warnings.add(new FhirImportWarning(FhirImportWarning.Kind.NOT_PART_OF_COURSE, at, null,
            i, "the entry holds no resource"));
        continue;
      }
      Entry entry = new Entry(i, resource, resource.fhirType());
      if (enteredInError(resource)) {
        warnings.add(new FhirImportWarning(FhirImportWarning.Kind.ENTERED_IN_ERROR, entry.path(),
            entry.type(), i, "marked entered-in-error: left out"));
        continue;
      }
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

  /** Whether a resource says it was recorded by mistake (status or lifecycle status). */
  private static boolean enteredInError(Resource resource) {
    for (String name : List.of("status", "lifecycleStatus", "verificationStatus")) {
      org.hl7.fhir.r4.model.Property property = resource.getNamedProperty(name);
      if (property == null) {
        continue;
      }
      for (Base value : property.getValues()) {
        if (value instanceof CodeableConcept concept) {
          for (Coding coding : concept.getCoding()) {
            if ("entered-in-error".equals(coding.getCode())) {
              return true;
            }
          }
        } else if (value != null && "entered-in-error".equals(value.primitiveValue())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The course the Bundle records and what was left out, the patient named by an identifier of
   * {@code patientSystem} or by a literal reference.
   */
  public static FhirImport read(Bundle bundle, String patientSystem) {
    if (bundle == null) {
      throw new FhirMappingException("Bundle", "Bundle", -1, "no Bundle was given");
    }
    CourseImporter importer = new CourseImporter(bundle, patientSystem);
    TreatmentCourse course = importer.course();
    importer.warnLeftOut();
    importer.warnings.sort(java.util.Comparator.comparingInt(FhirImportWarning::entry));
    return new FhirImport(course, importer.warnings);
  }

  /** Every entry that neither became part of the course nor was reported: one warning each. */
  private void warnLeftOut() {
    for (Entry entry : entries) {
      if (!used.contains(entry)) {
        warn(FhirImportWarning.Kind.NOT_PART_OF_COURSE, entry, entry.path(),
            "not part of the IPT course: left out");
      }
    }
  }

  private void warn(FhirImportWarning.Kind kind, Entry entry, String where, String message) {
    used.add(entry);
    warnings.add(new FhirImportWarning(kind, where, entry.type(), entry.index(), message));
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

    var course = TreatmentCourse.builder();
    course.courseId(courseId(episodeEntry, episode, carePlanEntry, carePlan));
    Patient patient = patient(episodeEntry, episode.getPatient(), ".patient");
    coursePatient = patient.keys();
    patient.ref().ifPresent(course::patientRef);
    samePatient(carePlanEntry, carePlan.getSubject(), ".subject");
    for (int a = 0; a < carePlan.getAddresses().size(); a++) {
      // The treated condition exported beside the course: part of the Bundle, not the course.
      tryResolve(carePlan.getAddresses().get(a)).ifPresent(used::add);
    }
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
    used.add(episodeEntry);
    used.add(carePlanEntry);

    List<Entry> sessionEntries = sessions(episodeEntry);
    Map<Entry, SessionParts> parts = new LinkedHashMap<>();
    for (Entry encounter : sessionEntries) {
      parts.put(encounter, new SessionParts());
    }
    for (Entry entry : entries) {
      if (entry.resource() instanceof Procedure procedure && isSessionProcedure(procedure)) {
        allowOnly(entry, procedure, EnumSet.of(Ext.TASK, Ext.TECHNIQUE));
        samePatient(entry, procedure.getSubject(), ".subject");
        Entry encounter = encounterOf(entry, procedure.getEncounter(), ".encounter");
        SessionParts session = parts.get(encounter);
        if (session == null) {
          throw fail(entry, entry.path() + ".encounter", "the Encounter is not a session of "
              + "the course (a planned Encounter, or one the course does not name)");
        }
        session.procedures.add(entry);
        used.add(entry);
      }
    }
    List<Measure> courseMeasures = new ArrayList<>();
    for (ReadMeasure read : measures(parts.keySet())) {
      if (read.encounter() == null) {
        courseMeasures.add(read.measure());
      } else {
        parts.get(read.encounter()).measures.add(read);
      }
    }
    List<Session> sessions = new ArrayList<>();
    for (Map.Entry<Entry, SessionParts> session : parts.entrySet()) {
      sessions.add(session(session.getKey(), session.getValue()));
    }
    numberSessions(sessionEntries, sessions);
    course.addAllSessions(sessions);
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
    if (id.isEmpty() && episode.hasIdElement() && episode.getIdElement().hasIdPart()
        && !episode.getIdElement().getIdPart().startsWith("urn:")) {
      // An EHR's episode without iptkit's identifier: its server id names the course.
      id = Optional.of(episode.getIdElement().getIdPart());
    }
    return id.orElseThrow(() -> fail(episodeEntry, episodeEntry.path() + ".identifier",
        "no course id: expected an identifier of system " + FhirVocabulary.COURSE_ID_SYSTEM
            + " or a server id"));
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

  // ---------------------------------------------------------------------------------------------
  // The patient

  /**
   * A patient as a reference names it: the keys it can be compared by ({@code id|…} for an
   * identifier of the host's patient system, {@code Patient/…} for a server id) and the
   * {@code patientRef} it gives the course (the identifier's value, else the server id).
   */
  private record Patient(Set<String> keys, Optional<String> ref) {
    static final Patient NONE = new Patient(Set.of(), Optional.empty());
  }

  private Patient patient(Entry entry, Reference reference, String path) {
    String where = entry.path() + path;
    if (reference == null || reference.isEmpty()
        || reference.hasExtension(FhirVocabulary.DATA_ABSENT_REASON)) {
      return Patient.NONE;
    }
    Set<String> keys = new java.util.LinkedHashSet<>();
    String identified = null;
    if (reference.hasIdentifier()) {
      Identifier identifier = reference.getIdentifier();
      if (!patientSystem.equals(identifier.getSystem()) || !identifier.hasValue()
          || identifier.getValue().isBlank()) {
        throw fail(entry, where + ".identifier", "expected the patient as an identifier of "
            + "system " + patientSystem + ", a literal reference to a Patient, or a "
            + "data-absent-reason extension");
      }
      identified = identifier.getValue();
      keys.add("id|" + identified);
    }
    String literal = null;
    if (reference.hasReference()) {
      Optional<Entry> target = tryResolve(reference);
      if (target.isPresent()) {
        if (!target.get().type().equals("Patient")) {
          throw fail(entry, where + ".reference", "the reference resolves to a "
              + target.get().type() + "; expected a Patient");
        }
        used.add(target.get());
        org.hl7.fhir.r4.model.Patient resource =
            (org.hl7.fhir.r4.model.Patient) target.get().resource();
        for (Identifier identifier : resource.getIdentifier()) {
          if (patientSystem.equals(identifier.getSystem()) && identifier.hasValue()) {
            keys.add("id|" + identifier.getValue());
            if (identified == null) {
              identified = identifier.getValue();
            }
          }
        }
        if (resource.hasIdElement() && resource.getIdElement().hasIdPart()
            && !resource.getIdElement().getIdPart().startsWith("urn:")) {
          literal = resource.getIdElement().getIdPart();
        } else {
          String fromUrl = typeAndId(reference.getReference());
          literal = fromUrl == null ? null : fromUrl.substring("Patient/".length());
        }
      } else {
        String key = typeAndId(reference.getReference());
        if (key == null || !key.startsWith("Patient/")) {
          throw fail(entry, where + ".reference", "expected a reference to a Patient "
              + "(Patient/id, an absolute URL ending so, or an entry of the Bundle)");
        }
        literal = key.substring("Patient/".length());
      }
      if (literal != null) {
        keys.add("Patient/" + literal);
      }
    }
    if (keys.isEmpty()) {
      throw fail(entry, where, "the patient has neither an identifier of system "
          + patientSystem + " nor a server id");
    }
    return new Patient(Set.copyOf(keys), Optional.ofNullable(identified != null ? identified
        : literal));
  }

  /**
   * Refuses a resource that names another patient than the course's EpisodeOfCare: two
   * patients' records are never merged. A resource naming no patient is accepted.
   */
  private void samePatient(Entry entry, Reference reference, String path) {
    Patient patient = patient(entry, reference, path);
    if (patient.keys().isEmpty()) {
      return;
    }
    if (coursePatient.isEmpty()) {
      throw fail(entry, entry.path() + path, "names a patient, but the course's "
          + "EpisodeOfCare names none");
    }
    for (String key : patient.keys()) {
      if (coursePatient.contains(key)) {
        return;
      }
    }
    throw fail(entry, entry.path() + path, "names another patient than the course's "
        + "EpisodeOfCare (or names the same one in a way that cannot be matched: give both "
        + "the same identifier, or include the Patient resource)");
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
      default -> throw fail(entry, entry.path() + ".status", "this status has no course "
          + "status; expected active, completed or revoked");
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
      var contract = Contract.builder();
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
        samePatient(goal, resource.getSubject(), ".subject");
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
    var formulation = Formulation.builder();
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
      var inventory = InterpersonalInventory.builder();
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
    samePatient(entry, related.getPatient(), ".patient");
    allowOnly(entry, related, EnumSet.of(Ext.CIRCLE, Ext.CONTACT, Ext.CONFIDANT, Ext.CONFLICT,
        Ext.CHANGED_NEAR_ONSET, Ext.DECEASED, Ext.DIED_ON, Ext.SATISFYING, Ext.UNSATISFYING,
        Ext.EXPECTATIONS_MET, Ext.DESIRED_CHANGE));
    String base = entry.path();
    var person = Person.builder();
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
      var rating = FidelityRating.builder();
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
  // Sessions

  private static final class SessionParts {
    final List<Entry> procedures = new ArrayList<>();
    final List<ReadMeasure> measures = new ArrayList<>();
  }

  /**
   * The Encounters that are sessions of the course: those with a session number, those of the
   * course's EpisodeOfCare and those an IPT Procedure took place in. A planned one is not a
   * session yet (a warning); other Encounters are left for the closing warning.
   */
  private List<Entry> sessions(Entry episodeEntry) {
    Set<Entry> withProcedure = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.resource() instanceof Procedure procedure && isSessionProcedure(procedure)) {
        withProcedure.add(encounterOf(entry, procedure.getEncounter(), ".encounter"));
      }
    }
    List<Entry> sessions = new ArrayList<>();
    for (Entry entry : ofType("Encounter")) {
      Encounter encounter = (Encounter) entry.resource();
      boolean ofEpisode = false;
      for (Reference reference : encounter.getEpisodeOfCare()) {
        ofEpisode |= tryResolve(reference).filter(episodeEntry::equals).isPresent();
      }
      boolean session = ofEpisode || withProcedure.contains(entry)
          || encounter.hasExtension(Ext.SESSION_NUMBER.url());
      if (!session) {
        continue;
      }
      if (encounter.getStatus() == Encounter.EncounterStatus.PLANNED) {
        if (withProcedure.contains(entry) || encounter.hasExtension(Ext.ATTENDANCE.url())) {
          throw fail(entry, entry.path() + ".status", "the Encounter is planned, but "
              + (withProcedure.contains(entry) ? "a Procedure records it as held"
              : "it has an attendance") + "; expected finished or cancelled");
        }
        warn(FhirImportWarning.Kind.PLANNED, entry, entry.path() + ".status",
            "a planned Encounter is not a session yet: left out");
        continue;
      }
      samePatient(entry, encounter.getSubject(), ".subject");
      used.add(entry);
      sessions.add(entry);
    }
    return sessions;
  }

  /**
   * Gives the sessions their numbers: an iptkit Bundle numbers every Encounter (the recorded
   * order is kept); an EHR's Encounters without numbers are numbered 1, 2, … in date order.
   * Some numbered and some not is an error at the first without.
   */
  private void numberSessions(List<Entry> sessionEntries, List<Session> sessions) {
    int numbered = 0;
    for (Entry entry : sessionEntries) {
      numbered += ((DomainResource) entry.resource()).hasExtension(Ext.SESSION_NUMBER.url()) ? 1 : 0;
    }
    if (numbered == sessionEntries.size()) {
      return;
    }
    if (numbered > 0) {
      for (Entry entry : sessionEntries) {
        if (!((DomainResource) entry.resource()).hasExtension(Ext.SESSION_NUMBER.url())) {
          throw fail(entry, entry.path() + ext(Ext.SESSION_NUMBER), "missing, while other "
              + "Encounters of the course have a session number; expected the session number "
              + "on every session or on none");
        }
      }
    }
    Integer[] order = new Integer[sessions.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparing(i -> sessions.get(i).date()));
    List<Session> sorted = new ArrayList<>();
    List<Entry> sortedEntries = new ArrayList<>();
    for (int n = 0; n < order.length; n++) {
      sorted.add(Session.builder().from(sessions.get(order[n])).number(n + 1).build());
      sortedEntries.add(sessionEntries.get(order[n]));
    }
    sessions.clear();
    sessions.addAll(sorted);
    sessionEntries.clear();
    sessionEntries.addAll(sortedEntries);
  }

  private Session session(Entry entry, SessionParts parts) {
    Encounter encounter = (Encounter) entry.resource();
    allowOnly(entry, encounter, EnumSet.of(Ext.SESSION_NUMBER, Ext.ATTENDANCE, Ext.PHASE,
        Ext.SETTING, Ext.MODALITY, Ext.FOCUS));
    String base = entry.path();
    var session = Session.builder();
    Optional<Extension> number = single(entry, encounter, Ext.SESSION_NUMBER, "");
    // Without a number (an EHR's Encounter) the session is numbered by date afterwards.
    session.number(number.isPresent() ? integer(entry, number.get(),
        base + ext(Ext.SESSION_NUMBER)) : 1);
    if (!encounter.hasPeriod() || !encounter.getPeriod().hasStart()) {
      throw fail(entry, base + ".period.start", "missing; expected the session date");
    }
    LocalDate date = localDate(encounter.getPeriod().getStartElement(), entry,
        base + ".period.start");
    session.date(date);
    Attendance attendance = attendance(entry, encounter);
    session.attendance(attendance);
    Optional<Extension> phase = single(entry, encounter, Ext.PHASE, "");
    if (phase.isPresent()) {
      session.phase(iptkitCode(Phase.class, entry, phase.get(), base + ext(Ext.PHASE)));
    } else {
      phaseOfType(entry, encounter).ifPresent(session::phase);
      if (attendance == Attendance.ATTENDED && phaseOfType(entry, encounter).isEmpty()) {
        throw fail(entry, base + ext(Ext.PHASE), "missing; an attended session needs its IPT "
            + "phase: expected the phase extension or an Encounter.type coding of the iptkit "
            + "CodeSystem (INITIAL, MIDDLE, TERMINATION, …)");
      }
    }
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
    } else if (attendance == Attendance.ATTENDED) {
      // A cancelled appointment's period is the time it was booked for, not a session's length.
      minutesFromPeriod(entry, encounter).ifPresent(session::minutes);
    }
    cpt(entry, encounter).ifPresent(session::cpt);
    for (Entry procedureEntry : parts.procedures) {
      Procedure procedure = (Procedure) procedureEntry.resource();
      String pbase = procedureEntry.path();
      if (procedure.getStatus() == Procedure.ProcedureStatus.NOTDONE) {
        if (attendance == Attendance.ATTENDED) {
          throw fail(procedureEntry, pbase + ".status", "the Procedure was not done, but its "
              + "Encounter records the session as attended");
        }
        if (procedure.hasExtension(Ext.TASK.url()) || procedure.hasExtension(Ext.TECHNIQUE.url())) {
          throw fail(procedureEntry, pbase + ".status", "a Procedure not done records tasks "
              + "or techniques");
        }
        continue;
      }
      if (procedure.hasStatus() && procedure.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
        throw fail(procedureEntry, pbase + ".status", "the session's Procedure is not "
            + "finished; expected completed (or not-done for a session not held)");
      }
      if (attendance != Attendance.ATTENDED) {
        throw fail(procedureEntry, pbase + ".encounter", "a completed IPT Procedure records "
            + "this session as held, but its Encounter records it as not attended");
      }
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
    for (ReadMeasure read : parts.measures) {
      Measure measure = read.measure();
      if (measure.date().isPresent() && measure.date().get().equals(date)
          && !read.ownDate()) {
        measure = Measure.builder().from(measure).date(Optional.empty()).build();
      }
      session.addMeasure(measure);
    }
    return build(entry, base, session::build);
  }

  /**
   * The attendance: the iptkit extension where given, else the Encounter's status (finished:
   * attended, cancelled: cancelled). The two must agree: a cancelled Encounter recorded as
   * attended is an error, not a guess.
   */
  private Attendance attendance(Entry entry, Encounter encounter) {
    Optional<Extension> ext = single(entry, encounter, Ext.ATTENDANCE, "");
    String where = entry.path() + ext(Ext.ATTENDANCE);
    Attendance recorded = ext.map(e -> enumValue(Attendance.class, code(entry, e, where), entry,
        where)).orElse(null);
    Encounter.EncounterStatus status = encounter.hasStatus() ? encounter.getStatus() : null;
    if (status == Encounter.EncounterStatus.FINISHED) {
      if (recorded != null && recorded != Attendance.ATTENDED) {
        throw fail(entry, entry.path() + ".status", "the Encounter is finished, but its "
            + "attendance says the session was not held");
      }
      return Attendance.ATTENDED;
    }
    if (status == Encounter.EncounterStatus.CANCELLED) {
      if (recorded == Attendance.ATTENDED) {
        throw fail(entry, entry.path() + ".status", "the Encounter is cancelled, but its "
            + "attendance says ATTENDED");
      }
      return recorded == null ? Attendance.CANCELLED : recorded;
    }
    if (status != null && status != Encounter.EncounterStatus.UNKNOWN
        && status != Encounter.EncounterStatus.NULL) {
      throw fail(entry, entry.path() + ".status", "the Encounter is still open (arrived, "
          + "triaged, in progress or on leave); expected finished or cancelled");
    }
    if (recorded != null) {
      return recorded;
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
      throw fail(entry, where + ".value", "expected a whole number of minutes");
    }
  }

  /**
   * The minutes between {@code period.start} and {@code period.end} when both have a time of
   * day (rounded to the nearest minute); none for dates only, as iptkit writes them.
   */
  private Optional<Integer> minutesFromPeriod(Entry entry, Encounter encounter) {
    org.hl7.fhir.r4.model.Period period = encounter.getPeriod();
    if (!period.hasStart() || !period.hasEnd()) {
      return Optional.empty();
    }
    var start = period.getStartElement();
    var end = period.getEndElement();
    boolean timed = start.getPrecision().ordinal() >= ca.uhn.fhir.model.api.TemporalPrecisionEnum
        .MINUTE.ordinal() && end.getPrecision().ordinal()
        >= ca.uhn.fhir.model.api.TemporalPrecisionEnum.MINUTE.ordinal();
    if (!timed) {
      return Optional.empty();
    }
    long millis = end.getValue().getTime() - start.getValue().getTime();
    long minutes = Math.round(millis / 60_000.0);
    if (minutes < 1) {
      throw fail(entry, entry.path() + ".period.end", "the session ends before, or within a "
          + "minute of, its start; expected a period of at least one minute");
    }
    if (minutes > 24 * 60) {
      throw fail(entry, entry.path() + ".period.end", "the session lasts more than a day; "
          + "expected the start and end of one session");
    }
    return Optional.of((int) minutes);
  }

  /** The IPT phase an EHR gives as a visit type: an Encounter.type coding of the iptkit system. */
  private Optional<Phase> phaseOfType(Entry entry, Encounter encounter) {
    List<CodeableConcept> types = encounter.getType();
    for (int t = 0; t < types.size(); t++) {
      List<Coding> codings = types.get(t).getCoding();
      for (int k = 0; k < codings.size(); k++) {
        if (FhirVocabulary.CODE_SYSTEM.equals(codings.get(k).getSystem())) {
          return Optional.of(enumValue(Phase.class, codings.get(k).getCode(), entry,
              entry.path() + ".type[" + t + "].coding[" + k + "]"));
        }
      }
    }
    return Optional.empty();
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

  private Entry encounterOf(Entry entry, Reference reference, String path) {
    return resolve(entry, reference, entry.path() + path, "Encounter");
  }

  // ---------------------------------------------------------------------------------------------
  // Measures: Observations (iptkit's, LOINC totals, LOINC panels with components or members)
  // and QuestionnaireResponses

  /**
   * A measure read from the Bundle, with the session Encounter it was taken in (null: a measure
   * of the course) and whether it carried a date of its own.
   */
  private record ReadMeasure(Entry encounter, Measure measure, boolean ownDate) {}

  /** What a code (of an Observation, a component or a questionnaire item) stands for. */
  private record Meaning(Instrument instrument, Loinc.Role role, int item) {}

  private List<ReadMeasure> measures(Set<Entry> sessions) {
    // Members of a panel are read with their panel, not on their own.
    Set<Entry> members = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.resource() instanceof Observation observation
          && meaning(entry, observation.getCode(), entry.path() + ".code").isPresent()) {
        for (Reference member : observation.getHasMember()) {
          tryResolve(member).ifPresent(members::add);
        }
      }
    }
    List<ReadMeasure> read = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.resource() instanceof Observation observation && !members.contains(entry)) {
        Optional<Meaning> meaning = meaning(entry, observation.getCode(), entry.path() + ".code");
        if (meaning.isEmpty()) {
          continue;
        }
        Meaning m = meaning.get();
        if (m.role() == Loinc.Role.ITEM) {
          throw fail(entry, entry.path() + ".code", "a " + m.instrument().displayName()
              + " item on its own cannot be read; expected it as a component or a member "
              + "(hasMember) of a " + m.instrument().displayName() + " Observation");
        }
        if (m.role() == Loinc.Role.NOT_SCORED) {
          warn(FhirImportWarning.Kind.NOT_STORED, entry, entry.path(), "a question of the "
              + m.instrument().displayName() + " form that is not part of its score: left out");
          continue;
        }
        read.add(observation(entry, observation, m.instrument(), sessions));
      } else if (entry.resource() instanceof QuestionnaireResponse response) {
        Optional<Instrument> instrument = questionnaireInstrument(entry, response);
        if (instrument.isPresent()) {
          read.add(questionnaire(entry, response, instrument.get(), sessions));
        }
      }
    }
    return read;
  }

  /** The encounter of a measure when it is a session of the course, else null. */
  private Entry sessionOf(Entry entry, Reference encounter, Set<Entry> sessions) {
    if (encounter == null || encounter.isEmpty()) {
      return null;
    }
    Optional<Entry> target = tryResolve(encounter);
    if (target.isPresent() && !target.get().type().equals("Encounter")) {
      throw fail(entry, entry.path() + ".encounter", "the reference resolves to a "
          + target.get().type() + "; expected an Encounter");
    }
    return target.filter(sessions::contains).orElse(null);
  }

  private ReadMeasure observation(Entry entry, Observation observation, Instrument instrument,
      Set<Entry> sessions) {
    String base = entry.path();
    Entry encounter = sessionOf(entry, observation.getEncounter(), sessions);
    allowOnly(entry, observation, encounter != null || observation.hasEncounter()
        ? EnumSet.of(Ext.TOTAL_COMPUTED, Ext.MEASURE_DATE) : EnumSet.of(Ext.TOTAL_COMPUTED));
    checkResult(entry, observation.getStatus());
    samePatient(entry, observation.getSubject(), ".subject");
    used.add(entry);
    Integer[] items = new Integer[instrument.itemCount()];
    boolean[] given = new boolean[instrument.itemCount()];
    Integer partTotal = null;
    List<Observation.ObservationComponentComponent> components = observation.getComponent();
    for (int c = 0; c < components.size(); c++) {
      String where = base + ".component[" + c + "]";
      Observation.ObservationComponentComponent component = components.get(c);
      partTotal = part(entry, instrument, component.getCode(), component.hasValue()
          ? component.getValue() : null, where + ".value", items, given, partTotal);
    }
    List<Reference> memberRefs = observation.getHasMember();
    for (int k = 0; k < memberRefs.size(); k++) {
      String where = base + ".hasMember[" + k + "]";
      Entry member = resolve(entry, memberRefs.get(k), where, "Observation");
      Observation item = (Observation) member.resource();
      checkResult(member, item.getStatus());
      samePatient(member, item.getSubject(), ".subject");
      allowOnly(member, item, EnumSet.noneOf(Ext.class));
      partTotal = part(member, instrument, item.getCode(), item.hasValue() ? item.getValue()
          : null, member.path() + ".value", items, given, partTotal);
    }
    var measure = Measure.builder().instrument(instrument);
    List<Integer> scores = allItems(entry, instrument, items, given, base + ".component");
    scores.forEach(measure::addItem);
    boolean anyItem = !scores.isEmpty();
    boolean computed = single(entry, observation, Ext.TOTAL_COMPUTED, "")
        .map(e -> bool(entry, e, base + ext(Ext.TOTAL_COMPUTED))).orElse(false);
    Integer total = observation.hasValue()
        ? score(entry, instrument, observation.getValue(), base + ".value", true) : null;
    if (total != null && partTotal != null && !total.equals(partTotal)) {
      throw fail(entry, base + ".value", "the total disagrees with the total given in a "
          + "component or member");
    }
    if (total == null) {
      total = partTotal;
    }
    if (computed) {
      if (!anyItem) {
        throw fail(entry, base + ext(Ext.TOTAL_COMPUTED),
            "the total is marked computed but the Observation has no items");
      }
      if (total != null) {
        java.util.OptionalInt score = build(entry, base, measure::build).score();
        if (score.isEmpty() || score.getAsInt() != total) {
          boolean partly = java.util.Arrays.asList(items).contains(null);
          throw fail(entry, base + ".value", instrument.displayName() + " total disagrees "
              + "with " + (partly ? "the prorated total" : "the sum") + " of its items");
        }
      }
    } else if (total != null) {
      measure.total(total);
    } else if (!anyItem) {
      throw fail(entry, base + ".value", "missing; expected the total score or the items");
    }
    boolean ownDate = false;
    if (encounter != null) {
      Optional<Extension> own = single(entry, observation, Ext.MEASURE_DATE, "");
      if (own.isPresent()) {
        measure.date(date(entry, own.get(), base + ext(Ext.MEASURE_DATE)));
        ownDate = true;
      } else if (observation.hasEffective()) {
        measure.date(effective(entry, observation));
      }
    } else {
      if (observation.hasExtension(Ext.MEASURE_DATE.url())) {
        ownDate = true;
        measure.date(date(entry, single(entry, observation, Ext.MEASURE_DATE, "").get(),
            base + ext(Ext.MEASURE_DATE)));
      } else if (observation.hasEffective()) {
        measure.date(effective(entry, observation));
      }
    }
    return new ReadMeasure(encounter, build(entry, base, measure::build), ownDate);
  }

  private LocalDate effective(Entry entry, Observation observation) {
    if (!(observation.getEffective() instanceof BaseDateTimeType effective)) {
      throw fail(entry, entry.path() + ".effective", "expected effectiveDateTime");
    }
    return localDate(effective, entry, entry.path() + ".effectiveDateTime");
  }

  /** Only final results are scores: preliminary or cancelled ones are errors, not guesses. */
  private void checkResult(Entry entry, Observation.ObservationStatus status) {
    if (status != null && status != Observation.ObservationStatus.NULL
        && status != Observation.ObservationStatus.FINAL
        && status != Observation.ObservationStatus.AMENDED
        && status != Observation.ObservationStatus.CORRECTED) {
      throw fail(entry, entry.path() + ".status", "not a final result; expected final, "
          + "amended or corrected (entered-in-error is left out with a warning)");
    }
  }

  /**
   * Reads one part of a measure (a component, a member Observation or a questionnaire item):
   * an item score into {@code items}, or a total, returned; the PHQ-9 difficulty question is a
   * warning. Returns the total seen so far.
   */
  private Integer part(Entry entry, Instrument instrument, CodeableConcept code, Type value,
      String where, Integer[] items, boolean[] given, Integer total) {
    Meaning meaning = itemMeaning(entry, instrument, code.getCoding(), where.replaceFirst(
        "\\.value$", "") + ".code");
    return store(entry, instrument, meaning, value, where, items, given, total);
  }

  /**
   * Stores one part; a {@code null} value is an item asked but left unanswered (a component or
   * member with a data-absent reason and no value, a questionnaire item without an answer).
   */
  private Integer store(Entry entry, Instrument instrument, Meaning meaning, Type value,
      String where, Integer[] items, boolean[] given, Integer total) {
    switch (meaning.role()) {
      case ITEM -> {
        if (given[meaning.item() - 1]) {
          throw fail(entry, where, instrument.displayName() + " item " + meaning.item()
              + " is given more than once");
        }
        given[meaning.item() - 1] = true;
        items[meaning.item() - 1] = value == null ? null
            : Integer.valueOf(score(entry, instrument, value, where, false));
        return total;
      }
      case TOTAL -> {
        if (total != null) {
          throw fail(entry, where, "the total is given more than once");
        }
        return value == null ? null : score(entry, instrument, value, where, true);
      }
      case NOT_SCORED -> {
        warn(FhirImportWarning.Kind.NOT_STORED, entry, where, "a question of the "
            + instrument.displayName() + " form that is not part of its score: left out");
        return total;
      }
      default -> throw fail(entry, where, "not a part of a measure");
    }
  }

  /**
   * The item scores in order (null: asked, left unanswered): every item given, or none; an item
   * not given at all is an error.
   */
  private List<Integer> allItems(Entry entry, Instrument instrument, Integer[] items,
      boolean[] given, String where) {
    boolean any = false;
    for (boolean item : given) {
      any |= item;
    }
    List<Integer> scores = new ArrayList<>();
    if (any) {
      for (int n = 1; n <= items.length; n++) {
        if (!given[n - 1]) {
          throw fail(entry, where, instrument.displayName() + " item " + n
              + " is missing; expected all " + items.length + " items or none");
        }
        scores.add(items[n - 1]);
      }
    }
    return scores;
  }

  /**
   * A score: {@code valueInteger}, a whole {@code valueQuantity} or {@code valueDecimal}, or an
   * answer coding scored by LOINC (list LL358-3 for PHQ-9 and GAD-7 items) or by the standard
   * ordinalValue extension.
   */
  private int score(Entry entry, Instrument instrument, Type value, String where,
      boolean total) {
    if (value instanceof IntegerType number && number.hasValue()) {
      return number.getValue();
    }
    if (value instanceof org.hl7.fhir.r4.model.Quantity quantity && quantity.hasValue()) {
      return whole(entry, quantity.getValue(), where);
    }
    if (value instanceof org.hl7.fhir.r4.model.DecimalType decimal && decimal.hasValue()) {
      return whole(entry, decimal.getValue(), where);
    }
    List<Coding> codings = value instanceof CodeableConcept concept ? concept.getCoding()
        : value instanceof Coding coding ? List.of(coding) : null;
    if (codings != null && !total) {
      for (Coding coding : codings) {
        for (String url : ORDINAL_VALUE) {
          Extension ordinal = coding.getExtensionByUrl(url);
          if (ordinal != null && ordinal.getValue() instanceof org.hl7.fhir.r4.model.DecimalType
              decimal && decimal.hasValue()) {
            return whole(entry, decimal.getValue(), where);
          }
        }
        if (FhirVocabulary.LOINC.equals(coding.getSystem())) {
          var score = Loinc.answerScore(instrument, coding.getCode());
          if (score.isPresent()) {
            return score.getAsInt();
          }
        }
      }
      throw fail(entry, where, "an answer code iptkit cannot score; expected an integer, a "
          + "LOINC answer of list LL358-3 (PHQ-9, GAD-7) or a coding with the ordinalValue "
          + "extension");
    }
    throw fail(entry, where, "expected an integer score (valueInteger, or a whole "
        + "valueQuantity)" + found(value));
  }

  private int whole(Entry entry, java.math.BigDecimal value, String where) {
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw fail(entry, where, "expected a whole number");
    }
  }

  /**
   * What an Observation's code says: an instrument (iptkit code, or a LOINC panel or total),
   * an item (LOINC item code: readable only inside its panel), the PHQ-9 difficulty question,
   * or nothing iptkit reads.
   */
  private Optional<Meaning> meaning(Entry entry, CodeableConcept code, String where) {
    List<Coding> codings = code.getCoding();
    Meaning fromLoinc = null;
    for (int k = 0; k < codings.size(); k++) {
      Coding coding = codings.get(k);
      if (FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem())) {
        Optional<Meaning> item = iptkitItem(coding.getCode());
        if (item.isPresent()) {
          return item;
        }
        return Optional.of(new Meaning(enumValue(Instrument.class, coding.getCode(), entry,
            where + ".coding[" + k + "]"), Loinc.Role.PANEL, 0));
      }
      if (FhirVocabulary.LOINC.equals(coding.getSystem()) && fromLoinc == null) {
        fromLoinc = Loinc.concept(coding.getCode())
            .map(c -> new Meaning(c.instrument(), c.role(), c.item())).orElse(null);
      }
    }
    return Optional.ofNullable(fromLoinc);
  }

  /** An iptkit item code such as {@code PHQ9-3}. */
  private static Optional<Meaning> iptkitItem(String code) {
    if (code == null) {
      return Optional.empty();
    }
    int dash = code.lastIndexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    for (Instrument instrument : Instrument.values()) {
      if (instrument.name().equals(code.substring(0, dash))) {
        String tail = code.substring(dash + 1);
        if (tail.matches("[1-9][0-9]?")) {
          int number = Integer.parseInt(tail);
          if (number <= instrument.itemCount()) {
            return Optional.of(new Meaning(instrument, Loinc.Role.ITEM, number));
          }
        }
        return Optional.of(new Meaning(instrument, null, 0));
      }
    }
    return Optional.empty();
  }

  /** What the codes of a component, member or questionnaire item say, within {@code instrument}. */
  private Meaning itemMeaning(Entry entry, Instrument instrument, List<Coding> codings,
      String where) {
    Meaning fromLoinc = null;
    for (Coding coding : codings) {
      if (FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
        Optional<Meaning> item = iptkitItem(coding.getCode());
        if (item.isPresent() && item.get().instrument() == instrument
            && item.get().role() != null) {
          return item.get();
        }
        throw fail(entry, where, "an unknown item code; expected " + instrument.name() + "-1 to "
            + instrument.name() + "-" + instrument.itemCount());
      }
      if (FhirVocabulary.LOINC.equals(coding.getSystem()) && fromLoinc == null) {
        Optional<Loinc.Concept> concept = Loinc.concept(coding.getCode());
        if (concept.isPresent()) {
          if (concept.get().instrument() != instrument) {
            throw fail(entry, where, "a " + concept.get().instrument().displayName()
                + " code inside a " + instrument.displayName() + " measure");
          }
          if (concept.get().role() != Loinc.Role.PANEL) {
            fromLoinc = new Meaning(instrument, concept.get().role(), concept.get().item());
          }
        }
      }
    }
    if (fromLoinc != null) {
      return fromLoinc;
    }
    throw fail(entry, where, "no item code; expected an iptkit code " + instrument.name()
        + "-N" + (Loinc.item(instrument, 1).isPresent() ? " or a LOINC "
        + instrument.displayName() + " item code" : ""));
  }

  /**
   * The instrument of a QuestionnaireResponse: from its questionnaire (a canonical URL ending
   * with a LOINC panel code or an iptkit instrument code), else from its first item iptkit
   * knows; none when it is another questionnaire (left for the closing warning).
   */
  private Optional<Instrument> questionnaireInstrument(Entry entry,
      QuestionnaireResponse response) {
    if (response.hasQuestionnaire()) {
      String canonical = response.getQuestionnaire();
      int bar = canonical.indexOf('|');
      String url = bar < 0 ? canonical : canonical.substring(0, bar);
      String last = url.substring(url.lastIndexOf('/') + 1);
      Optional<Loinc.Concept> concept = Loinc.concept(last);
      if (concept.isPresent() && concept.get().role() == Loinc.Role.PANEL) {
        return Optional.of(concept.get().instrument());
      }
      for (Instrument instrument : Instrument.values()) {
        if (instrument.name().equals(last)) {
          return Optional.of(instrument);
        }
      }
    }
    List<QuestionnaireResponse.QuestionnaireResponseItemComponent> all = new ArrayList<>();
    flatten(response.getItem(), "", all, new ArrayList<>());
    for (var item : all) {
      Optional<Meaning> meaning = linkMeaning(item);
      if (meaning.isPresent() && meaning.get().role() != null) {
        return Optional.of(meaning.get().instrument());
      }
    }
    return Optional.empty();
  }

  private static void flatten(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
      String path, List<QuestionnaireResponse.QuestionnaireResponseItemComponent> out,
      List<String> paths) {
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      String here = path + ".item[" + i + "]";
      out.add(item);
      paths.add(here);
      flatten(item.getItem(), here, out, paths);
      for (int a = 0; a < item.getAnswer().size(); a++) {
        flatten(item.getAnswer().get(a).getItem(), here + ".answer[" + a + "]", out, paths);
      }
    }
  }

  /** What a questionnaire item's linkId (or definition) names: {@code /44250-9}, {@code PHQ9-1}. */
  private static Optional<Meaning> linkMeaning(
      QuestionnaireResponse.QuestionnaireResponseItemComponent item) {
    List<String> names = new ArrayList<>();
    if (item.hasLinkId()) {
      String link = item.getLinkId();
      names.add(link.substring(link.lastIndexOf('/') + 1));
    }
    if (item.hasDefinition()) {
      String definition = item.getDefinition();
      names.add(definition.substring(definition.lastIndexOf('#') + 1));
    }
    for (String name : names) {
      Optional<Loinc.Concept> concept = Loinc.concept(name);
      if (concept.isPresent()) {
        Loinc.Concept c = concept.get();
        return Optional.of(new Meaning(c.instrument(), c.role() == Loinc.Role.PANEL ? null
            : c.role(), c.item()));
      }
      Optional<Meaning> iptkit = iptkitItem(name);
      if (iptkit.isPresent()) {
        return iptkit;
      }
    }
    return Optional.empty();
  }

  private ReadMeasure questionnaire(Entry entry, QuestionnaireResponse response,
      Instrument instrument, Set<Entry> sessions) {
    String base = entry.path();
    allowOnly(entry, response, EnumSet.noneOf(Ext.class));
    if (response.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
        && response.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED) {
      throw fail(entry, base + ".status", "the questionnaire is not completed; expected "
          + "completed or amended (entered-in-error is left out with a warning)");
    }
    samePatient(entry, response.getSubject(), ".subject");
    used.add(entry);
    Entry encounter = sessionOf(entry, response.getEncounter(), sessions);
    List<QuestionnaireResponse.QuestionnaireResponseItemComponent> all = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    flatten(response.getItem(), "", all, paths);
    Integer[] items = new Integer[instrument.itemCount()];
    boolean[] given = new boolean[instrument.itemCount()];
    Integer total = null;
    for (int i = 0; i < all.size(); i++) {
      var item = all.get(i);
      String where = base + paths.get(i);
      Optional<Meaning> meaning = linkMeaning(item);
      if (meaning.isEmpty() || meaning.get().role() == null) {
        if (item.hasAnswer() && !hasNestedOnly(item)) {
          warn(FhirImportWarning.Kind.NOT_STORED, entry, where, "an answer to a question "
              + "that is not part of the " + instrument.displayName() + " score: left out");
        }
        continue;
      }
      if (meaning.get().instrument() != instrument) {
        throw fail(entry, where + ".linkId", "a " + meaning.get().instrument().displayName()
            + " item inside a " + instrument.displayName() + " questionnaire");
      }
      if (item.getAnswer().size() > 1) {
        throw fail(entry, where + ".answer", "more than one answer; expected one");
      }
      // An item without an answer was asked and left unanswered.
      total = store(entry, instrument, meaning.get(), item.getAnswer().isEmpty() ? null
          : item.getAnswer().get(0).getValue(), where + ".answer[0].value", items, given,
          total);
    }
    var measure = Measure.builder().instrument(instrument);
    List<Integer> scores = allItems(entry, instrument, items, given, base + ".item");
    scores.forEach(measure::addItem);
    boolean anyItem = !scores.isEmpty();
    if (total != null) {
      measure.total(total);
    } else if (!anyItem) {
      throw fail(entry, base + ".item", "no answer iptkit can read; expected the "
          + instrument.displayName() + " items or its total");
    }
    if (response.hasAuthored()) {
      measure.date(localDate(response.getAuthoredElement(), entry, base + ".authored"));
    }
    return new ReadMeasure(encounter, build(entry, base, measure::build), false);
  }

  /** An item whose answers only hold further items (a group answered through its children). */
  private static boolean hasNestedOnly(
      QuestionnaireResponse.QuestionnaireResponseItemComponent item) {
    for (var answer : item.getAnswer()) {
      if (answer.hasValue()) {
        return false;
      }
    }
    return true;
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

  /** The entry a reference points to, if it is in the Bundle (a literal or absolute URL). */
  private Optional<Entry> tryResolve(Reference reference) {
    String target = reference == null ? null : reference.getReference();
    if (target == null || target.isBlank()) {
      return Optional.empty();
    }
    Entry entry = byReference.get(target);
    if (entry == null) {
      String key = typeAndId(target);
      entry = key == null ? null : byReference.get(key);
    }
    return Optional.ofNullable(entry);
  }

  private Entry resolve(Entry from, Reference reference, String where, String type) {
    String target = reference == null ? null : reference.getReference();
    if (target == null || target.isBlank()) {
      throw fail(from, where, "expected a reference to a " + type + " in the Bundle");
    }
    Entry entry = tryResolve(reference).orElse(null);
    if (entry == null) {
      throw fail(from, where, "the reference does not resolve to a " + type
          + " in the Bundle");
    }
    if (!entry.type().equals(type)) {
      throw fail(from, where, "the reference resolves to a " + entry.type() + "; expected a "
          + type);
    }
    used.add(entry);
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
          throw fail(entry, entry.path() + ".extension[" + i + "]", "an iptkit extension "
              + "that is not expected on " + entry.type() + "; expected "
              + (names.isEmpty() ? "none" : String.join(", ", names)));
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
      throw fail(entry, where, "expected a full date (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw fail(entry, where, "expected a date (YYYY-MM-DD)");
    }
  }

  private <E extends Enum<E>> E iptkitCode(Class<E> type, Entry entry, Extension ext,
      String where) {
    if (!(ext.getValue() instanceof Coding coding)) {
      throw fail(entry, where, "expected valueCoding" + found(ext.getValue()));
    }
    if (!FhirVocabulary.CODE_SYSTEM.equals(coding.getSystem())) {
      throw fail(entry, where + ".system", "expected the system " + FhirVocabulary.CODE_SYSTEM);
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
    throw fail(entry, where, (code == null ? "missing code" : "an unknown code")
        + "; expected one of " + String.join(", ", Terminology.names(type)));
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
