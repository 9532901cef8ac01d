package org.iptkit.rules.internal;

import java.util.Optional;
import java.util.function.Function;
import org.iptkit.core.Instrument;
import org.iptkit.core.SessionTask;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.Severity;

/**
 * A fidelity rule: its catalog entry, a pure function from the facts of a course (checked
 * against a profile) to an {@link Evaluation}, and everything else the library knows about the
 * rule, in one place: whether it is about the acute phases only, whether it is mandatory, whether
 * it judges the acute part of a course that continues into maintenance, whether its judgement has
 * a deadline ("due by") the agenda announces ahead, and how the agenda words it for a therapist.
 * Rules never throw for a deviation.
 */
public final class RuleDefinition {
  /** The pure check of a rule. */
  @FunctionalInterface
  public interface Check {
    /** Evaluates the rule for one course. */
    Evaluation evaluate(CourseFacts facts);
  }

  private final RuleInfo info;
  private final Check check;
  private final boolean acuteTreatment;
  private final boolean dueBy;
  private final Function<ProtocolProfile, String> action;
  private final Function<ProtocolProfile, Optional<SessionTask>> task;
  private final boolean measure;

  private RuleDefinition(RuleInfo info, Check check, boolean acuteTreatment, boolean dueBy,
      Function<ProtocolProfile, String> action,
      Function<ProtocolProfile, Optional<SessionTask>> task, boolean measure) {
    this.info = info;
    this.check = check;
    this.acuteTreatment = acuteTreatment;
    this.dueBy = dueBy;
    this.action = action;
    this.task = task;
    this.measure = measure;
  }

  /** Defines a rule; {@link #does(String)} gives its agenda wording. */
  public static RuleDefinition define(String code, String name, Severity severity,
      String checks, String rationale, String source, Check check) {
    RuleInfo info = RuleInfo.builder()
        .code(code)
        .name(name)
        .defaultSeverity(severity)
        .domain(RuleDomain.valueOf(code.substring(0, 1)))
        .checks(checks)
        .rationale(rationale)
        .source(source)
        .build();
    return new RuleDefinition(info, check, false, false, profile -> "keep rule " + code,
        profile -> Optional.empty(), false);
  }

  /**
   * This rule, with what a therapist does to keep it, in the imperative ("link mood to the
   * week's events (interim review)"): the agenda's wording where a deviation gives no
   * instruction of its own.
   */
  RuleDefinition does(String wording) {
    return action(profile -> wording);
  }

  /** This rule, about the acute phases only: not applicable under a profile without them. */
  RuleDefinition acutePhasesOnly() {
    return new RuleDefinition(RuleInfo.builder().from(info).acutePhasesOnly(true).build(), check,
        acuteTreatment, dueBy, action, task, measure);
  }

  /** This rule, mandatory at its default severity: never switched off, never lowered. */
  RuleDefinition mandatory() {
    return new RuleDefinition(RuleInfo.builder().from(info).mandatory(true).build(), check,
        acuteTreatment, dueBy, action, task, measure);
  }

  /**
   * This rule, judging acute treatment: in a course whose acute part is followed by continuation
   * or maintenance sessions under their own contract, it sees the acute part alone.
   */
  RuleDefinition acuteTreatment() {
    return new RuleDefinition(RuleInfo.builder().from(info).judgesAcuteTreatment(true).build(),
        check, true, dueBy, action, task, measure);
  }

  /**
   * This rule, with a deadline: what it asks for is due by a session (the end of the initial
   * phase, an interval, the end of the course), which the agenda announces when that session is
   * the next one.
   */
  RuleDefinition dueBy() {
    return new RuleDefinition(info, check, acuteTreatment, true, action, task, measure);
  }

  /** This rule, whose agenda item suggests a task (which may depend on the profile). */
  RuleDefinition task(Function<ProtocolProfile, Optional<SessionTask>> suggested) {
    return new RuleDefinition(info, check, acuteTreatment, dueBy, action, suggested, measure);
  }

  /** This rule, whose agenda item suggests one task. */
  RuleDefinition task(SessionTask suggested) {
    return task(profile -> Optional.of(suggested));
  }

  /** This rule, whose agenda item suggests the profile's primary instrument. */
  RuleDefinition primaryMeasure() {
    return new RuleDefinition(info, check, acuteTreatment, dueBy, action, task, true);
  }

  /** This rule, with an action wording that depends on the profile. */
  RuleDefinition action(Function<ProtocolProfile, String> wording) {
    return new RuleDefinition(info, check, acuteTreatment, dueBy, wording, task, measure);
  }

  /** The catalog entry. */
  public RuleInfo info() {
    return info;
  }

  /** The rule's code. */
  public String code() {
    return info.code();
  }

  /** Whether the rule judges the acute part alone of a course continued into maintenance. */
  public boolean judgesAcuteTreatment() {
    return acuteTreatment;
  }

  /** Whether the rule's judgement has a deadline the agenda announces ahead. */
  public boolean hasDeadline() {
    return dueBy;
  }

  /** What a therapist does to keep the rule, for the agenda. */
  public String action(ProtocolProfile profile) {
    return action.apply(profile);
  }

  /** The task the agenda suggests for the rule, if one. */
  public Optional<SessionTask> task(ProtocolProfile profile) {
    return task.apply(profile);
  }

  /** The instrument the agenda suggests for the rule: the profile's primary one, or none. */
  public Optional<Instrument> instrument(ProtocolProfile profile) {
    return measure ? Optional.of(profile.primaryInstrument()) : Optional.empty();
  }

  /** Evaluates the rule for one course. */
  public Evaluation evaluate(CourseFacts facts) {
    return check.evaluate(facts);
  }
}
