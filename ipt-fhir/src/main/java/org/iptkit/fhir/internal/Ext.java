package org.iptkit.fhir.internal;

import java.util.List;
import org.iptkit.fhir.FhirVocabulary;

/**
 * The iptkit extensions: what FHIR R4 has no element for (the session number, phase, setting and
 * modality of an encounter, the tasks and techniques of a session, the contracts, problem areas,
 * formulation, inventories and fidelity ratings of a course, the details of a person of the
 * inventory). Each knows its URL, the resources it may appear on, its value type or
 * sub-extensions, and a definition (the constants' documentation), from which its
 * {@code StructureDefinition} is generated. Package-private: only the mapping in this package
 * uses it.
 */
enum Ext {
  PROTOCOL("protocol", "The id of the protocol profile the course names (its protocol field).",
      List.of("CarePlan", "OperationOutcome"), "string", false),
  CONTRACT("contract", "A treatment contract: kind, agreement date, planned sessions, "
      + "frequency, session length and the goals (references to Goal resources), in the order "
      + "recorded.", List.of("CarePlan"), List.of(
          Sub.one("kind", "code", "ACUTE, CONTINUATION or MAINTENANCE."),
          Sub.one("agreedOn", "date", "The date the contract was agreed."),
          Sub.opt("plannedSessions", "positiveInt", "The number of sessions agreed."),
          Sub.opt("frequency", "code", "TWICE_WEEKLY, WEEKLY, FORTNIGHTLY or MONTHLY."),
          Sub.opt("sessionMinutes", "positiveInt", "The agreed session length in minutes."),
          Sub.many("goal", "Reference", "A goal of the contract, in order.")), true),
  PROBLEM_AREA("problem-area", "A chosen IPT problem area (focus of treatment), in the order "
      + "recorded.", List.of("CarePlan"), List.of(
          Sub.one("type", "Coding", "The problem area (iptkit code system)."),
          Sub.opt("primary", "boolean", "Whether this is the primary focus."),
          Sub.opt("personId", "string", "The pseudonymous id of the person the area is about "
              + "(GRIEF: the deceased; ROLE_DISPUTE: the other party)."),
          Sub.opt("stage", "code", "ROLE_DISPUTE: RENEGOTIATION, IMPASSE or DISSOLUTION."),
          Sub.opt("fromRole", "string", "ROLE_TRANSITION: the old role (free text)."),
          Sub.opt("toRole", "string", "ROLE_TRANSITION: the new role (free text)."),
          Sub.opt("transition", "code", "ROLE_TRANSITION: PARENTHOOD, SEPARATION, "
              + "BEREAVEMENT_OF_ROLE, JOB, MOVE, ILLNESS, RETIREMENT, SCHOOL or OTHER.")), true),
  FORMULATION("formulation", "The interpersonal formulation shared with the patient.",
      List.of("CarePlan"), List.of(
          Sub.one("sharedOn", "date", "The date the formulation was shared."),
          Sub.many("area", "Coding", "A problem area the formulation names."),
          Sub.opt("patientAgreed", "boolean", "Whether the patient explicitly agreed.")), false),
  INVENTORY("inventory", "A dated snapshot of the interpersonal inventory: the people reviewed "
      + "(references to RelatedPerson resources), in the order recorded.",
      List.of("EpisodeOfCare"), List.of(
          Sub.one("takenOn", "date", "The date the inventory was taken."),
          Sub.many("person", "Reference", "A person reviewed, in order.")), true),
  FIDELITY_RATING("fidelity-rating", "An observer's adherence rating of one session on a "
      + "fidelity scale: item scores only, never item wording.", List.of("EpisodeOfCare"),
      List.of(
          Sub.one("session", "positiveInt", "The number of the session rated."),
          Sub.one("scale", "string", "The scale's identifier, e.g. IPT-QAS or CSPRS-IPT."),
          Sub.opt("rater", "string", "The pseudonymous id of the rater."),
          Sub.atLeastOne("item", "unsignedInt", "An item score, in the scale's order.")), true),
  SESSION_NUMBER("session-number", "The number of the IPT session, from 1.",
      List.of("Encounter", "OperationOutcome.issue"), "positiveInt", false),
  ATTENDANCE("attendance", "Whether the session took place: ATTENDED, CANCELLED or NO_SHOW.",
      List.of("Encounter"), "code", false),
  PHASE("phase", "The IPT phase of the session (iptkit code system).", List.of("Encounter"),
      "Coding", false),
  SETTING("setting", "INDIVIDUAL, GROUP or JOINT (with a caregiver or partner).",
      List.of("Encounter"), "code", false),
  MODALITY("modality", "IN_PERSON, VIDEO or TELEPHONE.", List.of("Encounter"), "code", false),
  FOCUS("focus", "A problem area the session addressed (iptkit code system).",
      List.of("Encounter"), "Coding", true),
  TASK("task", "A protocol task recorded as done in the session (iptkit code system).",
      List.of("Procedure"), "Coding", true),
  TECHNIQUE("technique", "A technique recorded as used in the session (iptkit code system).",
      List.of("Procedure"), "Coding", true),
  TOTAL_COMPUTED("total-computed", "True when the total score was not recorded but computed "
      + "as the sum of the items.", List.of("Observation"), "boolean", false),
  MEASURE_DATE("measure-date", "The measure's own date, when a measure taken in a session "
      + "carries one.", List.of("Observation"), "date", false),
  CIRCLE("closeness-circle", "The closeness circle of the person: 1 = inner.",
      List.of("RelatedPerson"), "positiveInt", false),
  CONTACT("contact-frequency", "How often the patient is in contact with the person: DAILY, "
      + "WEEKLY, MONTHLY, RARELY or NONE.", List.of("RelatedPerson"), "code", false),
  CONFIDANT("confidant", "Whether the person is a confidant, a source of support.",
      List.of("RelatedPerson"), "boolean", false),
  CONFLICT("conflict", "Whether there is conflict in the relationship.",
      List.of("RelatedPerson"), "boolean", false),
  CHANGED_NEAR_ONSET("changed-near-onset", "Whether the relationship changed near the onset "
      + "of symptoms.", List.of("RelatedPerson"), "boolean", false),
  DECEASED("deceased", "Whether the person has died.", List.of("RelatedPerson"), "boolean",
      false),
  DIED_ON("died-on", "The date of death of a deceased person.", List.of("RelatedPerson"),
      "date", false),
  SATISFYING("satisfying", "A satisfying aspect of the relationship (free text).",
      List.of("RelatedPerson"), "string", true),
  UNSATISFYING("unsatisfying", "An unsatisfying aspect of the relationship (free text).",
      List.of("RelatedPerson"), "string", true),
  EXPECTATIONS_MET("expectations-met", "Whether mutual expectations are met.",
      List.of("RelatedPerson"), "boolean", false),
  DESIRED_CHANGE("desired-change", "The change the patient wants in the relationship (free "
      + "text).", List.of("RelatedPerson"), "string", false);

  /** A sub-extension of a complex extension. */
  record Sub(String name, String type, int min, String max, String definition) {
    static Sub one(String name, String type, String definition) {
      return new Sub(name, type, 1, "1", definition);
    }

    static Sub opt(String name, String type, String definition) {
      return new Sub(name, type, 0, "1", definition);
    }

    static Sub many(String name, String type, String definition) {
      return new Sub(name, type, 0, "*", definition);
    }

    static Sub atLeastOne(String name, String type, String definition) {
      return new Sub(name, type, 1, "*", definition);
    }
  }

  private final String name;
  private final String definition;
  private final List<String> contexts;
  private final String valueType;
  private final boolean repeats;
  private final List<Sub> subs;

  Ext(String name, String definition, List<String> contexts, String valueType,
      boolean repeats) {
    this.name = name;
    this.definition = definition;
    this.contexts = contexts;
    this.valueType = valueType;
    this.repeats = repeats;
    this.subs = List.of();
  }

  Ext(String name, String definition, List<String> contexts, List<Sub> subs, boolean repeats) {
    this.name = name;
    this.definition = definition;
    this.contexts = contexts;
    this.valueType = null;
    this.repeats = repeats;
    this.subs = subs;
  }

  /** The extension's short name, the last segment of its URL. */
  public String extensionName() {
    return name;
  }

  /** The extension's canonical URL. */
  public String url() {
    return FhirVocabulary.EXTENSION_BASE + name;
  }

  /** What the extension records. */
  public String definition() {
    return definition;
  }

  /** The resources (or elements) the extension may appear on. */
  public List<String> contexts() {
    return contexts;
  }

  /** The FHIR type of a simple extension's value; null for a complex extension. */
  public String valueType() {
    return valueType;
  }

  /** Whether the extension may repeat on one element. */
  public boolean repeats() {
    return repeats;
  }

  /** The sub-extensions of a complex extension; empty for a simple one. */
  public List<Sub> subs() {
    return subs;
  }

  /** Whether this is a complex extension (sub-extensions, no value). */
  public boolean isComplex() {
    return !subs.isEmpty();
  }
}
