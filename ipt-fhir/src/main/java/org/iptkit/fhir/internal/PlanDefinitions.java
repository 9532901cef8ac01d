package org.iptkit.fhir.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.ActionRelationshipType;
import org.hl7.fhir.r4.model.PlanDefinition.ActionRequiredBehavior;
import org.hl7.fhir.r4.model.PlanDefinition.ActionSelectionBehavior;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.codesystems.PlanDefinitionType;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.fhir.FhirVocabulary;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.SickRole;

/**
 * A protocol profile as a FHIR {@code PlanDefinition} of type clinical-protocol: one action per
 * phase (pre-group, initial, middle, termination; or maintenance) timed in sessions with the
 * phase's tasks as sub-actions, the middle phase's strategies grouped by problem area, the
 * ending discussed ahead of the last session, and the primary measurement with its interval.
 */
public final class PlanDefinitions {
  private PlanDefinitions() {}

  /** The middle-phase tasks of each problem area (docs/clinical.md, Problem areas). */
  private static final Map<ProblemAreaType, List<SessionTask>> AREA_TASKS =
      new EnumMap<>(Map.of(
          ProblemAreaType.GRIEF,
          List.of(SessionTask.MOURNING_FACILITATED, SessionTask.RELATIONSHIP_RECONSTRUCTED),
          ProblemAreaType.ROLE_DISPUTE, List.of(SessionTask.DISPUTE_STAGE_ASSESSED),
          ProblemAreaType.ROLE_TRANSITION, List.of(SessionTask.OLD_NEW_ROLES_EVALUATED),
          ProblemAreaType.INTERPERSONAL_DEFICITS,
          List.of(SessionTask.PAST_RELATIONSHIPS_REVIEWED,
              SessionTask.NEW_RELATIONSHIPS_ENCOURAGED)));

  /** The PlanDefinition of {@code profile}. */
  public static PlanDefinition of(ProtocolProfile profile) {
    PlanDefinition plan = new PlanDefinition();
    plan.setId(Ids.planDefinitionId(profile.id()));
    plan.setUrl(Ids.planDefinitionUrl(profile.id()));
    plan.addIdentifier(new Identifier().setSystem(FhirVocabulary.PROTOCOL_ID_SYSTEM)
        .setValue(profile.id()));
    plan.setName(StructureDefinitions.computableName(profile.id()));
    plan.setTitle(profile.title());
    PlanDefinitionType type = PlanDefinitionType.CLINICALPROTOCOL;
    plan.setType(new CodeableConcept().addCoding(
        new Coding(type.getSystem(), type.toCode(), type.getDisplay())));
    plan.setStatus(PublicationStatus.ACTIVE);
    plan.setExperimental(false);
    plan.setDescription(summary(profile));
    plan.addTopic().addCoding(new Coding(FhirVocabulary.SNOMED,
        FhirVocabulary.SNOMED_INTERPERSONAL_PSYCHOTHERAPY, "Interpersonal psychotherapy"));
    profile.source().ifPresent(source -> plan.addRelatedArtifact()
        .setType(RelatedArtifact.RelatedArtifactType.CITATION).setCitation(source));
    profile.basedOn().ifPresent(parent -> plan.addRelatedArtifact()
        .setType(RelatedArtifact.RelatedArtifactType.DERIVEDFROM)
        .setResource(Ids.planDefinitionUrl(parent)));

    List<PlanDefinitionActionComponent> actions = plan.getAction();
    if (profile.hasAcutePhases()) {
      String previous = null;
      if (profile.isGroup()) {
        PlanDefinitionActionComponent preGroup = phase("pre-group", Phase.PRE_GROUP,
            "Individual sessions before the group starts; initial-phase tasks may begin here.",
            profile.preGroupSessions(), null);
        actions.add(preGroup);
        previous = "pre-group";
      }
      IntRange initialRange = profile.initialPhase().orElseThrow();
      IntRange terminationRange = profile.terminationPhase().orElseThrow();
      PlanDefinitionActionComponent initial = phase("initial", Phase.INITIAL,
          "Diagnosis, psychoeducation, sick role, medication, interpersonal inventory, focus, "
              + "formulation and treatment contract.", initialRange, previous);
      for (SessionTask task : initialTasks(profile)) {
        initial.addAction(task(task, null));
      }
      actions.add(initial);

      int low = Math.max(0, profile.sessions().min() - initialRange.max()
          - terminationRange.max());
      int high = Math.max(low, profile.sessions().max() - initialRange.min()
          - terminationRange.min());
      PlanDefinitionActionComponent middle = phase("middle", Phase.MIDDLE,
          "Work on the chosen problem area(s); every session opens with an interim review.",
          IntRange.of(low, high), "initial");
      middle.addAction(task(SessionTask.INTERIM_REVIEW, "At the start of every session."));
      middle.addAction(problemAreas(profile));
      middle.addAction(endingDiscussed(profile, "termination"));
      actions.add(middle);

      PlanDefinitionActionComponent termination = phase("termination", Phase.TERMINATION,
          "Review progress, address feelings about ending, plan relapse prevention and offer "
              + "further treatment where needed.", terminationRange, "middle");
      for (SessionTask task : List.of(SessionTask.PROGRESS_REVIEWED,
          SessionTask.FEELINGS_ABOUT_ENDING, SessionTask.RELAPSE_PREVENTION_PLAN,
          SessionTask.FURTHER_TREATMENT_OFFERED)) {
        termination.addAction(task(task, null));
      }
      if (profile.caregiverInvolvement()) {
        termination.addAction(task(SessionTask.CAREGIVER_INVOLVED, null));
      }
      actions.add(termination);
    } else {
      PlanDefinitionActionComponent maintenance = phase("maintenance", Phase.MAINTENANCE,
          "Maintenance sessions under a MAINTENANCE contract of their own.",
          profile.sessions(), null);
      maintenance.addAction(task(SessionTask.CONTRACT_AGREED,
          "A MAINTENANCE contract, separate from any acute contract."));
      maintenance.addAction(endingDiscussed(profile, "maintenance"));
      actions.add(maintenance);
    }
    actions.add(measurement(profile));
    return plan;
  }

  private static List<SessionTask> initialTasks(ProtocolProfile profile) {
    List<SessionTask> tasks = new ArrayList<>(List.of(SessionTask.DIAGNOSIS_NAMED,
        SessionTask.PSYCHOEDUCATION));
    if (profile.sickRole() == SickRole.FULL) {
      tasks.add(SessionTask.SICK_ROLE_GIVEN);
    } else if (profile.sickRole() == SickRole.LIMITED) {
      tasks.add(SessionTask.LIMITED_SICK_ROLE_GIVEN);
    }
    tasks.addAll(List.of(SessionTask.MEDICATION_EVALUATED, SessionTask.INVENTORY,
        SessionTask.FORMULATION_SHARED, SessionTask.CONTRACT_AGREED));
    if (profile.caregiverInvolvement()) {
      tasks.add(SessionTask.CAREGIVER_INVOLVED);
    }
    return tasks;
  }

  private static PlanDefinitionActionComponent phase(String id, Phase phase, String description,
      IntRange sessions, String after) {
    PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
    action.setId(id);
    action.setTitle(Terminology.display(phase.name()) + " phase");
    action.setDescription(description);
    action.addCode(new CodeableConcept().addCoding(Terminology.coding(phase)));
    action.setTiming(sessions(sessions.min(), sessions.max()));
    action.setRequiredBehavior(ActionRequiredBehavior.MUST);
    action.setSelectionBehavior(ActionSelectionBehavior.ALL);
    if (after != null) {
      action.addRelatedAction().setActionId(after)
          .setRelationship(ActionRelationshipType.AFTEREND);
    }
    return action;
  }

  private static PlanDefinitionActionComponent task(SessionTask task, String description) {
    PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
    action.setTitle(Terminology.display(task.name()));
    if (description != null) {
      action.setDescription(description);
    }
    action.addCode(new CodeableConcept().addCoding(Terminology.coding(task)));
    action.setRequiredBehavior(ActionRequiredBehavior.MUST);
    return action;
  }

  private static PlanDefinitionActionComponent problemAreas(ProtocolProfile profile) {
    PlanDefinitionActionComponent group = new PlanDefinitionActionComponent();
    group.setId("problem-areas");
    group.setTitle("Strategies of the chosen problem area(s)");
    group.setDescription("One primary problem area, at most " + profile.maxAreas() + "; at "
        + "least " + Math.round(profile.middleOnFocusShare() * 100) + "% of middle-phase "
        + "sessions address a chosen area.");
    group.setSelectionBehavior(profile.maxAreas() == 1 ? ActionSelectionBehavior.EXACTLYONE
        : ActionSelectionBehavior.ONEORMORE);
    group.setRequiredBehavior(ActionRequiredBehavior.MUST);
    for (ProblemAreaType area : ProblemAreaType.values()) {
      PlanDefinitionActionComponent action = group.addAction();
      action.setTitle(Terminology.display(area.name()));
      action.addCode(new CodeableConcept().addCoding(Terminology.coding(area)));
      action.setSelectionBehavior(ActionSelectionBehavior.ALL);
      for (SessionTask task : AREA_TASKS.get(area)) {
        action.addAction(task(task, null));
      }
      for (Technique technique : area.coreTechniques()) {
        PlanDefinitionActionComponent use = action.addAction();
        use.setTitle(Terminology.display(technique.name()));
        use.addCode(new CodeableConcept().addCoding(Terminology.coding(technique)));
      }
    }
    return group;
  }

  private static PlanDefinitionActionComponent endingDiscussed(ProtocolProfile profile,
      String lastPhase) {
    int lead = profile.endingLeadSessions();
    PlanDefinitionActionComponent action = task(SessionTask.ENDING_DISCUSSED,
        "Discussed explicitly at least " + lead + " attended session" + (lead == 1 ? "" : "s")
            + " before the last one.");
    action.addRelatedAction().setActionId(lastPhase)
        .setRelationship(ActionRelationshipType.BEFOREEND)
        .setOffset(new Range().setLow(session(lead)));
    return action;
  }

  private static PlanDefinitionActionComponent measurement(ProtocolProfile profile) {
    Instrument instrument = profile.primaryInstrument();
    int interval = profile.maxMeasureInterval();
    PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
    action.setId("measurement");
    action.setTitle("Measure " + instrument.displayName());
    action.setDescription(instrument.displayName() + " at baseline, "
        + (interval == 1 ? "in every attended session" : "at least every " + interval
            + " attended sessions") + " and at the end.");
    CodeableConcept code = action.addCode();
    Terminology.loincTotal(instrument).ifPresent(code::addCoding);
    code.addCoding(Terminology.instrumentCoding(instrument));
    action.setTiming(sessions(1, interval));
    action.setRequiredBehavior(ActionRequiredBehavior.MUST);
    OptionalInt safety = instrument.safetyItem();
    if (safety.isPresent()) {
      action.addAction(task(SessionTask.RISK_ASSESSED, "In the same session whenever "
          + instrument.displayName() + " item " + safety.getAsInt() + " (the safety item) is "
          + "scored 1 or more."));
    }
    return action;
  }

  private static Range sessions(int min, int max) {
    return new Range().setLow(session(min)).setHigh(session(max));
  }

  /**
   * A number of sessions. The unit text is "sessions" whatever the number: the validator compares
   * the low and high of a Range by unit (rng-2) and refuses a Range whose texts differ.
   */
  private static Quantity session(int count) {
    return new Quantity().setValue(count).setUnit("sessions")
        .setSystem(FhirVocabulary.UCUM).setCode("{session}");
  }

  static String summary(ProtocolProfile profile) {
    StringBuilder text = new StringBuilder();
    text.append(range(profile.sessions())).append(" attended sessions of ")
        .append(range(profile.sessionMinutes())).append(" minutes");
    if (profile.isGroup()) {
      text.append(", after ").append(range(profile.preGroupSessions()))
          .append(" individual pre-group sessions");
    }
    text.append("; at most ").append(profile.maxGapDays())
        .append(" days between attended sessions and ").append(profile.maxSpanWeeks())
        .append(" weeks from first to last; at least ")
        .append(Math.round(profile.minAttendance() * 100))
        .append("% of scheduled sessions attended.");
    profile.initialPhase().ifPresent(initial -> text.append(" Initial phase ")
        .append(range(initial)).append(" sessions, ending phase ")
        .append(range(profile.terminationPhase().orElseThrow())).append(" sessions."));
    text.append(" Primary measure ").append(profile.primaryInstrument().displayName())
        .append(", at least every ").append(profile.maxMeasureInterval())
        .append(" attended sessions. Sick role: ")
        .append(profile.sickRole().name().toLowerCase(java.util.Locale.ROOT)).append('.');
    if (profile.caregiverInvolvement()) {
      text.append(" A caregiver is involved in the initial and ending phases.");
    }
    if (!profile.allowedTechniques().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Technique technique : profile.allowedTechniques()) {
        names.add(technique.name());
      }
      text.append(" Allowed non-IPT techniques: ").append(String.join(", ", names)).append('.');
    }
    return text.toString();
  }

  private static String range(IntRange range) {
    return range.min() == range.max() ? Integer.toString(range.min())
        : range.min() + "-" + range.max();
  }
}
