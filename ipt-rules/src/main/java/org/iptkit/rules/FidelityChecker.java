package org.iptkit.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.iptkit.core.Instrument;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.internal.CourseFacts;
import org.iptkit.rules.internal.Deviation;
import org.iptkit.rules.internal.Evaluation;
import org.iptkit.rules.internal.RuleDefinition;
import org.iptkit.rules.internal.Rules;

/**
 * Checks recorded courses for fidelity to one protocol profile and produces a
 * {@link FidelityReport} per course. All per-profile work (resolving rule settings, severities,
 * the rules that cannot apply) happens once, when the checker is built; the checker is
 * immutable and thread-safe, so one instance can check millions of courses, from many threads.
 *
 * <pre>{@code
 * FidelityChecker checker = FidelityChecker.of(Protocols.IPT_ACUTE_16);
 * FidelityReport report = checker.check(course);
 * report.findings().forEach(f -> System.out.println(f.rule() + " " + f.message()));
 * }</pre>
 *
 * <p>Rule settings come from the profile's {@code rules} and then from the call
 * ({@link Builder#setting(String, RuleSetting)}), the call winning. A mandatory rule (M04) can
 * neither be switched off nor lowered below its severity; an unknown rule code is an error.
 *
 * <p>A checker checks every course against its own profile, also a course that names another
 * one (a host's or a trial's override); the report then says both ids
 * ({@link FidelityReport#protocol()}, {@link FidelityReport#courseProtocol()}). A host that
 * wants to branch on a course naming a profile the checker does not know uses
 * {@link #tryCheck(TreatmentCourse)}, which never throws for it.
 */
public final class FidelityChecker {
  private static final RuleDomain[] DOMAINS = RuleDomain.values();

  private final ProtocolProfile profile;
  private final RuleDefinition[] rules;
  private final Severity[] severities;
  private final String[] fixedReasons;
  // The results that never differ between courses, built once: PASS for every rule, and
  // NOT_APPLICABLE for the rules switched off or about acute phases the profile does not have.
  private final RuleResult[] passes;
  private final RuleResult[] fixedResults;
  private final int[] domains;

  private FidelityChecker(ProtocolProfile profile, Map<String, RuleSetting> calls) {
    this.profile = profile;
    Map<String, RuleSetting> settings = new LinkedHashMap<>(profile.rules());
    settings.putAll(calls);
    for (Map.Entry<String, RuleSetting> entry : settings.entrySet()) {
      refuseIfNotAllowed(entry.getKey(), entry.getValue());
    }
    List<RuleDefinition> all = Rules.all();
    this.rules = all.toArray(new RuleDefinition[0]);
    this.severities = new Severity[rules.length];
    this.fixedReasons = new String[rules.length];
    this.passes = new RuleResult[rules.length];
    this.fixedResults = new RuleResult[rules.length];
    this.domains = new int[rules.length];
    for (int i = 0; i < rules.length; i++) {
      RuleDefinition rule = rules[i];
      RuleSetting setting = settings.get(rule.code());
      if (setting == RuleSetting.OFF) {
        fixedReasons[i] = "switched off by configuration";
      } else if (!profile.hasAcutePhases() && rule.info().acutePhasesOnly()) {
        fixedReasons[i] = "the profile has no acute phases";
      }
      severities[i] = setting == null || setting == RuleSetting.OFF
          ? rule.info().defaultSeverity()
          : setting.severity().orElseThrow();
      passes[i] = RuleResult.builder().rule(rule.code()).outcome(RuleOutcome.PASS).build();
      if (fixedReasons[i] != null) {
        fixedResults[i] = RuleResult.builder().rule(rule.code())
            .outcome(RuleOutcome.NOT_APPLICABLE).reason(fixedReasons[i]).build();
      }
      domains[i] = rule.info().domain().ordinal();
    }
  }

  /** A checker of every rule with the profile's own settings. */
  public static FidelityChecker of(ProtocolProfile profile) {
    return builder(profile).build();
  }

  /** A builder to change rule settings for this checker (per call configuration). */
  public static Builder builder(ProtocolProfile profile) {
    return new Builder(profile);
  }

  /** The profile this checker checks against. */
  public ProtocolProfile profile() {
    return profile;
  }

  /** The severity a rule reports at in this checker (its default, or as configured). */
  public Severity severityOf(String code) {
    RuleCatalog.get(code);
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].code().equals(code)) {
        return severities[i];
      }
    }
    throw new IllegalStateException("rule " + code + " is in the catalog but not defined");
  }

  private static void refuseIfNotAllowed(String code, RuleSetting setting) {
    RuleInfo info = RuleCatalog.get(code);
    Optional<String> refusal = info.refusal(Objects.requireNonNull(setting, "setting"));
    if (refusal.isPresent()) {
      throw new IllegalArgumentException(refusal.get());
    }
  }

  /**
   * Checks one course whose {@code protocol} field may name a profile this checker does not
   * know, and never throws for it: a course naming this checker's profile, or a built-in one
   * (checked against this checker's profile, as an override), gives
   * {@link CheckResult.Checked}; any other id gives {@link CheckResult.UnknownProtocol} with the
   * ids known here, so that one bad record does not stop a host's stream.
   */
  public CheckResult tryCheck(TreatmentCourse course) {
    Objects.requireNonNull(course, "course");
    String named = course.protocol();
    if (named.equals(profile.id()) || Protocols.find(named).isPresent()) {
      return new CheckResult.Checked(check(course));
    }
    List<String> known = new ArrayList<>(Protocols.ids());
    if (!known.contains(profile.id())) {
      known.add(profile.id());
    }
    return new CheckResult.UnknownProtocol(named, known);
  }

  /**
   * Every rule's evaluation of a course, in catalog order: {@code null} for a rule that cannot
   * apply under this checker (switched off, or about acute phases the profile lacks). The acute
   * rules see the acute part of a course continued into maintenance.
   */
  Evaluation[] evaluate(CourseFacts facts) {
    Evaluation[] evaluations = new Evaluation[rules.length];
    CourseFacts acute = null;
    for (int i = 0; i < rules.length; i++) {
      if (fixedResults[i] != null) {
        continue;
      }
      RuleDefinition rule = rules[i];
      if (rule.judgesAcuteTreatment()) {
        acute = acute == null ? facts.acutePart() : acute;
        evaluations[i] = rule.evaluate(acute);
      } else {
        evaluations[i] = rule.evaluate(facts);
      }
    }
    return evaluations;
  }

  /** The rule definitions, in catalog order, as {@link #evaluate(CourseFacts)} lists them. */
  RuleDefinition[] rules() {
    return rules;
  }

  /**
   * What is due and overdue in the next session of an ONGOING course, derived from this
   * checker's rules and profile; see {@link Agenda#of(FidelityChecker, TreatmentCourse)}.
   */
  public Agenda agenda(TreatmentCourse course) {
    return Agenda.of(this, course);
  }

  /** Checks one course and returns its fidelity report; never throws for a deviation. */
  public FidelityReport check(TreatmentCourse course) {
    Objects.requireNonNull(course, "course");
    CourseFacts facts = new CourseFacts(course, profile);
    // Results go straight into the report's builder, which copies them once more on build().
    FidelityReport.Builder report = FidelityReport.builder();
    List<Finding> findings = new ArrayList<>();
    int[] domainPassed = new int[DOMAINS.length];
    int[] domainApplicable = new int[DOMAINS.length];
    int passed = 0;
    int applicable = 0;
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    Evaluation[] evaluations = evaluate(facts);
    for (int i = 0; i < rules.length; i++) {
      RuleDefinition rule = rules[i];
      if (fixedResults[i] != null) {
        report.addResult(fixedResults[i]);
        continue;
      }
      Evaluation evaluation = evaluations[i];
      if (evaluation.isNotApplicable()) {
        report.addResult(RuleResult.builder().rule(rule.code()).outcome(RuleOutcome.NOT_APPLICABLE)
            .reason(evaluation.reason().orElseThrow()).build());
        continue;
      }
      domainApplicable[domains[i]]++;
      applicable++;
      if (evaluation.deviations().isEmpty()) {
        domainPassed[domains[i]]++;
        passed++;
        report.addResult(passes[i]);
        continue;
      }
      Severity severity = severities[i];
      List<Finding> ruleFindings = new ArrayList<>(evaluation.deviations().size());
      for (Deviation deviation : evaluation.deviations()) {
        Finding.Builder finding = Finding.builder()
            .rule(rule.code())
            .name(rule.info().name())
            .severity(severity)
            .path(deviation.path().apply(facts))
            .message(deviation.message().get())
            .session(deviation.session())
            .protocolPath(deviation.protocolPath());
        ruleFindings.add(finding.build());
      }
      ruleFindings.sort(Finding.ORDER);
      findings.addAll(ruleFindings);
      switch (severity) {
        case ERROR -> errors += ruleFindings.size();
        case WARNING -> warnings += ruleFindings.size();
        case INFO -> infos += ruleFindings.size();
        default -> throw new IllegalStateException("unknown severity " + severity);
      }
      report.addResult(RuleResult.builder().rule(rule.code()).outcome(RuleOutcome.FINDINGS)
          .findings(ruleFindings).build());
    }
    findings.sort(Finding.ORDER);
    Map<RuleDomain, Double> byDomain = new EnumMap<>(RuleDomain.class);
    for (int d = 0; d < DOMAINS.length; d++) {
      if (domainApplicable[d] > 0) {
        byDomain.put(DOMAINS[d], (double) domainPassed[d] / domainApplicable[d]);
      }
    }
    FidelitySummary summary = FidelitySummary.builder()
        .adherence(applicable == 0 ? 1.0 : (double) passed / applicable)
        .byDomain(byDomain)
        .errors(errors)
        .warnings(warnings)
        .infos(infos)
        .build();
    return report
        .courseId(course.courseId())
        .therapistRef(course.therapistRef())
        .protocol(profile.id())
        .courseProtocol(course.protocol().equals(profile.id())
            ? Optional.empty() : Optional.of(course.protocol()))
        .status(course.status())
        .summary(summary)
        .outcome(outcome(facts))
        .ratings(ObserverRatings.of(course.fidelityRatings(), facts.attendedTreatment()))
        .findings(findings)
        .build();
  }

  private ClinicalOutcome outcome(CourseFacts facts) {
    TreatmentCourse course = facts.course();
    Instrument instrument = profile.primaryInstrument();
    List<Score> scores = facts.scores(instrument);
    ClinicalOutcome.Builder outcome = ClinicalOutcome.builder()
        .instrument(instrument)
        .sessionsAttended(facts.attendedTreatment().size())
        .sessionsPlanned(facts.plannedSessions())
        .maintenanceOnly(!profile.hasAcutePhases());
    if (!scores.isEmpty()) {
      boolean below = true;
      boolean deteriorated = false;
      int limit = scores.get(0).total() + profile.deteriorationThreshold();
      for (int i = 0; i < scores.size(); i++) {
        below &= !instrument.isAtOrAboveCutOff(scores.get(i).total());
        deteriorated |= i > 0 && scores.get(i).total() >= limit;
      }
      outcome.stayedBelowCutOff(below);
      if (scores.size() > 1) {
        outcome.deteriorated(deteriorated);
      }
      Score baseline = scores.get(0);
      outcome.baseline(baseline.total()).baselineBand(baseline.band())
          .prorated(baseline.prorated());
      if (scores.size() > 1) {
        Score last = scores.get(scores.size() - 1);
        outcome.last(last.total())
            .prorated(baseline.prorated() || last.prorated())
            .lastBand(last.band())
            .change(last.total() - baseline.total())
            .response(instrument.isResponse(baseline.total(), last.total()))
            .remission(instrument.isRemission(last.total()));
      }
    }
    OptionalInt minSessions = profile.completerMinSessions();
    if (minSessions.isPresent()) {
      List<Session> attended = facts.attendedTreatment();
      boolean enoughSessions = attended.size() >= minSessions.getAsInt();
      boolean enoughWeeks = true;
      if (profile.completerMinWeeks() > 0) {
        enoughWeeks = !attended.isEmpty() && CourseFacts.daysBetween(
            attended.get(0).date(), attended.get(attended.size() - 1).date())
            >= 7L * profile.completerMinWeeks();
      }
      outcome.completer(enoughSessions && enoughWeeks);
    }
    return outcome.build();
  }

  /** Configures rule settings for one checker: switch rules off or change their severity. */
  public static final class Builder {
    private final ProtocolProfile profile;
    private final Map<String, RuleSetting> settings = new LinkedHashMap<>();

    private Builder(ProtocolProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * Sets a rule off or to a severity, over the profile's own setting.
     *
     * @throws IllegalArgumentException for an unknown code, or for switching off M04 or lowering
     *     it below ERROR
     */
    public Builder setting(String code, RuleSetting setting) {
      refuseIfNotAllowed(code, setting);
      settings.put(code, setting);
      return this;
    }

    /** Switches a rule off (not the mandatory M04). */
    public Builder off(String code) {
      return setting(code, RuleSetting.OFF);
    }

    /** Changes a rule's severity (M04: never below ERROR). */
    public Builder severity(String code, Severity severity) {
      return setting(code, RuleSetting.valueOf(severity.name()));
    }

    /** Builds the checker; all per-profile work happens here. */
    public FidelityChecker build() {
      return new FidelityChecker(profile, settings);
    }
  }
}
