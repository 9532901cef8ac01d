package org.iptkit.examples.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.AgendaItem;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.FidelitySummary;
import org.iptkit.rules.Finding;
import org.iptkit.rules.InterRaterReliability;
import org.iptkit.rules.IntraclassCorrelation;
import org.iptkit.rules.OutcomeSummary;
import org.iptkit.rules.Proportion;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.RatingSummary;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.TherapistSummary;

/**
 * The plain-text output of the tool, for people reading a terminal: the findings of a course,
 * a cohort report, a next-session agenda, one course for a supervisor, the rule catalog and the
 * built-in profiles. Only course ids, therapist references (in the by-therapist report), codes,
 * numbers and the rules' own messages are written — never patient references or free text.
 */
final class TextReports {
  private TextReports() {}

  // ------------------------------------------------------------------ one course

  /** {@code c-0001 (ipt-acute-16, COMPLETED): adherence 93%, 1 error, 2 warnings, 0 infos}. */
  static String courseHeading(FidelityReport report) {
    FidelitySummary summary = report.summary();
    return report.courseId() + " (" + report.protocol() + ", " + report.status()
        + "): adherence " + Text.percent(summary.adherence()) + ", "
        + Text.count(summary.errors(), "error") + ", " + Text.count(summary.warnings(), "warning")
        + ", " + Text.count(summary.infos(), "info");
  }

  /** One line per finding: severity, rule code, session and message. */
  static void findings(FidelityReport report, Output out) {
    for (Finding finding : report.findings()) {
      out.line("  " + Text.pad(finding.severity().name(), 9) + Text.pad(finding.rule(), 5)
          + Text.pad(finding.session().isPresent()
              ? "session " + finding.session().getAsInt() : "course", 12)
          + finding.message());
    }
  }

  /** The page of one course for a supervisor: summary, outcome, sessions and findings. */
  static void course(TreatmentCourse course, FidelityReport report, ProtocolProfile profile,
      Output out) {
    FidelitySummary summary = report.summary();
    ClinicalOutcome outcome = report.outcome();
    out.line("Course " + course.courseId());
    out.line("  protocol:   " + profile.id() + " (" + profile.title() + ")");
    out.line("  status:     " + course.status());
    StringBuilder domains = new StringBuilder();
    for (Map.Entry<RuleDomain, Double> domain : summary.byDomain().entrySet()) {
      domains.append(domains.length() == 0 ? "" : ", ").append(domain.getKey()).append(' ')
          .append(Text.percent(domain.getValue()));
    }
    out.line("  adherence:  " + Text.percent(summary.adherence())
        + (domains.length() == 0 ? "" : " (" + domains + ")"));
    out.line("  findings:   " + Text.count(summary.errors(), "error") + ", "
        + Text.count(summary.warnings(), "warning") + ", " + Text.count(summary.infos(), "info"));
    out.line("  sessions:   " + outcome.sessionsAttended() + " attended"
        + (outcome.sessionsPlanned().isPresent()
            ? " of " + outcome.sessionsPlanned().getAsInt() + " planned" : "")
        + outcome.completer().map(c -> c ? "; completer" : "; not a completer").orElse(""));
    out.line("  outcome:    " + ScoreText.outcome(outcome, course));
    if (ScoreText.outcomeMarked(outcome)) {
      out.line("              " + ScoreText.NOTE);
    }
    out.line("");
    List<Session> sessions = course.sessionsByNumber();
    Map<Integer, List<String>> codes = new TreeMap<>();
    for (Finding finding : report.findings()) {
      if (finding.session().isPresent()) {
        List<String> list = codes.computeIfAbsent(finding.session().getAsInt(),
            n -> new ArrayList<>());
        if (!list.contains(finding.rule())) {
          list.add(finding.rule());
        }
      }
    }
    out.line("Sessions (" + sessions.size() + ")");
    if (!sessions.isEmpty()) {
      out.line("  " + Text.pad("no.", 5) + Text.pad("date", 12) + Text.pad("attendance", 12)
          + Text.pad("phase", 13) + Text.pad("minutes", 9) + "findings");
    }
    for (Session session : sessions) {
      out.line(("  " + Text.pad(Integer.toString(session.number()), 5)
          + Text.pad(session.date().toString(), 12) + Text.pad(session.attendance().name(), 12)
          + Text.pad(session.phase().map(Enum::name).orElse("-"), 13)
          + Text.pad(session.minutes().isPresent()
              ? Integer.toString(session.minutes().getAsInt()) : "-", 9)
          + String.join(" ", codes.getOrDefault(session.number(), List.of()))).stripTrailing());
    }
    out.line("");
    out.line("Findings (" + report.findings().size() + ")");
    findings(report, out);
  }

  // ------------------------------------------------------------------ cohort

  /**
   * The cohort report: summary, outcome rates over explicit denominators with their intervals
   * (cohort and per profile), per-rule pass rates, observer ratings, per therapist when asked,
   * and the courses with errors.
   */
  static void cohort(CohortReport report, boolean byTherapist, long unreadable, Output out) {
    out.line("Cohort of " + Text.count(report.courses(), "course")
        + (unreadable > 0 ? " (" + unreadable + " unreadable records skipped)" : ""));
    StringBuilder statuses = new StringBuilder();
    for (Map.Entry<CourseStatus, Long> status : report.byStatus().entrySet()) {
      statuses.append(statuses.length() == 0 ? "" : ", ").append(status.getValue()).append(' ')
          .append(status.getKey());
    }
    out.line("  status:            " + statuses);
    out.line("  completers:        " + Text.proportion(report.completers()));
    out.line("  sessions attended: mean " + Text.decimal(report.meanSessionsAttended())
        + ", median " + Text.decimal(report.medianSessionsAttended()));
    out.line("  mean adherence:    " + Text.percent(report.meanAdherence())
        + (report.adherenceLower().isPresent() ? " (95% t interval "
            + Text.percent(report.adherenceLower()) + " to "
            + Text.percent(report.adherenceUpper()) + ")" : ""));
    out.line("  with ERROR:        " + Text.count(report.errorCourseCount(), "course"));
    out.line("");
    out.line("Outcomes (ONGOING courses are in no denominator; 95% Wilson intervals)");
    outcomes(report.outcomes(), "  ", out);
    for (Map.Entry<String, OutcomeSummary> profile : report.byProfile().entrySet()) {
      out.line("");
      out.line("Outcomes of " + profile.getKey() + " ("
          + Text.count(profile.getValue().courses(), "course") + ")");
      outcomes(profile.getValue(), "  ", out);
    }
    out.line("");
    out.line("Sessions planned are those of the latest ACUTE contract; under a profile without"
        + " acute phases, of the CONTINUATION or MAINTENANCE contract in force.");
    ratings(report, out);
    out.line("");
    out.line("Rule pass rates (courses that keep the rule, of those where it applies)");
    out.line("  " + Text.pad("rule", 6) + Text.pad("name", 32) + Text.padLeft("applicable", 10)
        + Text.padLeft("passed", 8) + Text.padLeft("rate", 6) + "  95% interval");
    for (RuleTally tally : report.rules()) {
      out.line(("  " + Text.pad(tally.rule(), 6) + Text.pad(ruleName(tally.rule()), 32)
          + Text.padLeft(Long.toString(tally.applicable()), 10)
          + Text.padLeft(Long.toString(tally.passed()), 8)
          + Text.padLeft(Text.percent(tally.share()), 6) + "  "
          + interval(tally.proportion())).stripTrailing());
    }
    if (byTherapist) {
      out.line("");
      out.line("By therapist");
      out.line("  " + Text.pad("therapist", 16) + Text.padLeft("courses", 8)
          + Text.padLeft("adherence", 10) + Text.padLeft("95% interval", 14)
          + Text.padLeft("with ERROR", 11) + "  completer response   rules kept least often");
      for (TherapistSummary therapist : report.therapists()) {
        Proportion response = therapist.outcomes().completerResponse();
        out.line(("  " + Text.pad(therapistName(therapist), 16)
            + Text.padLeft(Long.toString(therapist.courses()), 8)
            + Text.padLeft(Text.percent(therapist.meanAdherence()), 10)
            + Text.padLeft(therapist.adherenceLower().isPresent()
                ? Text.percent(therapist.adherenceLower()) + " to "
                + Text.percent(therapist.adherenceUpper()) : "", 14)
            + Text.padLeft(Long.toString(therapist.coursesWithErrors()), 11)
            + "  " + Text.pad(response.count() + " of " + response.n(), 19)
            + "  " + weakest(therapist.rules(), 3)).stripTrailing());
      }
      therapistRatings(report, out);
    }
    out.line("");
    out.line("Courses with ERROR findings (" + report.errorCourseCount() + ")");
    for (String courseId : report.coursesWithErrors()) {
      out.line("  " + courseId);
    }
  }

  /** The rules with the lowest pass rates below 100%: {@code "S04 60%, M02 75%"}. */
  static String weakest(List<RuleTally> tallies, int limit) {
    List<RuleTally> failing = new ArrayList<>();
    for (RuleTally tally : tallies) {
      if (tally.applicable() > 0 && tally.passed() < tally.applicable()) {
        failing.add(tally);
      }
    }
    failing.sort(Comparator.comparingDouble((RuleTally t) -> t.share().orElse(1))
        .thenComparing(RuleTally::rule));
    List<String> parts = new ArrayList<>();
    for (RuleTally tally : failing.subList(0, Math.min(limit, failing.size()))) {
      parts.add(tally.rule() + " " + Text.percent(tally.share()));
    }
    return String.join(", ", parts);
  }

  /** The kebab-case name of a rule, or empty for an unknown code. */
  /** One outcome block, a line per proportion. */
  private static void outcomes(OutcomeSummary o, String indent, Output out) {
    out.line(indent + "completers (of ended courses):      " + Text.proportion(o.completers()));
    out.line(indent + "completer analysis, response:       "
        + Text.proportion(o.completerResponse()));
    out.line(indent + "completer analysis, remission:      "
        + Text.proportion(o.completerRemission()));
    out.line(indent + "all who started, response:          "
        + Text.proportion(o.startedResponse()));
    out.line(indent + "all who started, remission:         "
        + Text.proportion(o.startedRemission()));
    if (o.maintenanceEnded() > 0) {
      out.line(indent + "maintenance, stayed below cut-off:  "
          + Text.proportion(o.maintenanceStayedBelowCutOff()));
      out.line(indent + "maintenance, deteriorated:          "
          + Text.proportion(o.maintenanceDeteriorated()));
    }
    out.line(indent + "in no rate: " + Text.count(o.acuteNotCaseAtBaseline(), "ended acute course")
        + " not a case at baseline, " + o.acuteNoBaseline() + " without a baseline");
  }

  /** The observer ratings per scale and their inter-rater reliability. */
  private static void ratings(CohortReport report, Output out) {
    if (report.ratings().isEmpty()) {
      return;
    }
    out.line("");
    out.line("Observer ratings");
    for (RatingSummary rating : report.ratings()) {
      out.line("  " + rating(rating));
    }
    for (InterRaterReliability reliability : report.reliability()) {
      StringBuilder line = new StringBuilder("  " + reliability.scale() + " inter-rater ");
      if (reliability.correlation().isPresent()
          && reliability.correlation().get().icc().isPresent()) {
        IntraclassCorrelation icc = reliability.correlation().get();
        line.append("ICC(2,1) ").append(twoDecimals(icc.icc().getAsDouble()));
        if (icc.lower().isPresent()) {
          line.append(", 95% CI ").append(twoDecimals(icc.lower().getAsDouble())).append(" to ")
              .append(twoDecimals(icc.upper().getAsDouble()));
        }
        line.append(", ").append(Text.count(icc.sessions(), "session")).append(", ")
            .append(icc.raters()).append(" raters, ").append(icc.band().get());
      } else {
        line.append("ICC(2,1) undefined");
      }
      if (reliability.sessionsNotUsed() > 0) {
        line.append("; ").append(Text.count(reliability.sessionsNotUsed(), "session"))
            .append(" rated by other raters not used");
      }
      out.line(line.toString());
    }
  }

  /**
   * One scale's observer ratings over a group of courses, over the denominators and with the 95 %
   * Wilson intervals of the JSON report: {@code IPT-QAS: 3 of 10 attended sessions rated (30%,
   * 95% CI 11% to 60%), mean 3.40 (range 2.50 to 4.00), at or above 3.00: 2 of 3 (67%), 95% CI
   * 21% to 94%}.
   */
  static String rating(RatingSummary rating) {
    Proportion rated = rating.rated();
    return rating.scale() + ": " + rated.count() + " of "
        + Text.count(rated.n(), "attended session") + " rated"
        + (rated.n() == 0 ? "" : " (" + Text.percent(rated.rate()) + ", 95% CI "
            + Text.percent(rated.lower()) + " to " + Text.percent(rated.upper()) + ")")
        + ", mean " + twoDecimals(rating.mean())
        + " (range " + twoDecimals(rating.min()) + " to " + twoDecimals(rating.max()) + ")"
        + rating.passed().map(p -> ", at or above " + twoDecimals(rating.passMark()
            .getAsDouble()) + ": " + Text.proportion(p)).orElse("");
  }

  /**
   * The observer ratings of each therapist's sessions, per scale, as in the cohort's: only the
   * therapists with a rated session are listed.
   */
  private static void therapistRatings(CohortReport report, Output out) {
    boolean heading = false;
    for (TherapistSummary therapist : report.therapists()) {
      if (therapist.ratings().isEmpty()) {
        continue;
      }
      if (!heading) {
        out.line("");
        out.line("Observer ratings by therapist");
        heading = true;
      }
      out.line("  " + therapistName(therapist));
      for (RatingSummary rating : therapist.ratings()) {
        out.line("    " + rating(rating));
      }
    }
  }

  /** A therapist's reference, or {@code (none)} for the courses that name no therapist. */
  private static String therapistName(TherapistSummary therapist) {
    return therapist.therapistRef().orElse("(none)");
  }

  private static String twoDecimals(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  private static String interval(Proportion p) {
    return p.n() == 0 ? "" : Text.percent(p.lower()) + " to " + Text.percent(p.upper());
  }

  static String ruleName(String code) {
    return RuleCatalog.find(code).map(RuleInfo::name).orElse("");
  }

  // ------------------------------------------------------------------ agenda

  /** What is due and overdue in the next session of an ONGOING course. */
  static void agenda(TreatmentCourse course, Agenda agenda, Output out) {
    out.line("Agenda for the next session of course " + course.courseId() + " ("
        + agenda.protocol() + ", " + agenda.status() + ")");
    if (agenda.reason().isPresent()) {
      out.line("  No agenda: " + agenda.reason().get());
      return;
    }
    StringBuilder next = new StringBuilder("  next session: ");
    next.append(agenda.nextSessionNumber().isPresent()
        ? "number " + agenda.nextSessionNumber().getAsInt() : "the first");
    agenda.nextSessionDate().ifPresent(d -> next.append(", expected on ").append(d));
    agenda.nextPhase().ifPresent(p -> next.append(", ").append(p).append(" phase"));
    out.line(next.toString());
    out.line("  attended so far: " + agenda.sessionsAttended()
        + (agenda.plannedSessions().isPresent()
            ? "; planned " + agenda.plannedSessions().getAsInt() : "; no planned number")
        + (agenda.sessionsRemaining().isPresent()
            ? "; remaining " + agenda.sessionsRemaining().getAsInt() : ""));
    if (agenda.items().isEmpty()) {
      out.line("");
      out.line("Nothing is due or overdue.");
      return;
    }
    agendaItems("Overdue", agenda.overdue(), out);
    agendaItems("Due in the next session", agenda.due(), out);
  }

  private static void agendaItems(String title, List<AgendaItem> items, Output out) {
    if (items.isEmpty()) {
      return;
    }
    out.line("");
    out.line(title + " (" + items.size() + ")");
    for (AgendaItem item : items) {
      String what = item.task().map(t -> "task " + t)
          .or(() -> item.instrument().map(i -> "measure " + i.displayName())).orElse("");
      out.line(("  " + Text.pad(item.rule().orElse("-"), 5) + Text.pad(what, 34)
          + item.message()
          + (item.sinceSession().isPresent()
              ? " (pending since session " + item.sinceSession().getAsInt() + ")" : ""))
          .stripTrailing());
    }
  }

  // ------------------------------------------------------------------ catalogs

  /** The rule catalog: code, severity, domain, name, what it checks and the source. */
  static void rules(Output out) {
    for (RuleInfo rule : RuleCatalog.all()) {
      out.line(Text.pad(rule.code(), 5) + Text.pad(rule.defaultSeverity().name(), 9)
          + rule.name() + " (" + rule.domain() + ": " + rule.domain().title() + ")");
      out.line("     " + rule.checks());
      if (rule.mandatory()) {
        out.line("     Mandatory: a configuration can neither switch it off nor lower it below "
            + rule.minimumSeverity() + ".");
      }
      if (rule.judgesAcuteTreatment()) {
        out.line("     After acute treatment followed by continuation or maintenance under its own"
            + " contract: judges the acute sessions alone.");
      }
      out.line("     Source: " + rule.source());
    }
  }

  /**
   * The rule catalog as a Markdown document (what {@code ipt rules --format markdown} prints and
   * docs/rules.md holds): one table per domain with each rule's code, name, default severity, what
   * it checks, why the protocol asks for it and its source.
   */
  static void rulesMarkdown(Output out) {
    out.line("## The rules");
    out.line("");
    out.line("Severities: `ERROR` the protocol was not followed or the patient may be unsafe, "
        + "`WARNING` questionable or incomplete, `INFO` worth knowing. A rule marked "
        + "*mandatory* can be neither switched off nor lowered below its severity.");
    RuleDomain domain = null;
    for (RuleInfo rule : RuleCatalog.all()) {
      if (rule.domain() != domain) {
        domain = rule.domain();
        out.line("");
        out.line("### " + domain + " — " + domain.title());
        out.line("");
        out.line("| code | name | severity | checks | why | source |");
        out.line("|---|---|---|---|---|---|");
      }
      String severity = rule.defaultSeverity().name()
          + (rule.canBeSwitchedOff() ? "" : " (mandatory)");
      out.line("| " + rule.code() + " | `" + rule.name() + "` | " + severity + " | "
          + markdownCell(rule.checks()) + " | " + markdownCell(rule.rationale()) + " | "
          + markdownCell(rule.source()) + " |");
    }
  }

  /** Text for one cell of a Markdown table: pipes escaped, line breaks as spaces. */
  private static String markdownCell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  /** The built-in profiles, one per line. */
  static void protocols(Output out) {
    out.line(Text.pad("id", 15) + Text.pad("sessions", 10) + Text.pad("minutes", 9)
        + Text.pad("primary", 9) + "title");
    for (ProtocolProfile profile : Protocols.all()) {
      out.line(Text.pad(profile.id(), 15) + Text.pad(profile.sessions().toString(), 10)
          + Text.pad(profile.sessionMinutes().toString(), 9)
          + Text.pad(profile.primaryInstrument().displayName(), 9) + profile.title());
    }
    out.line("");
    out.line("Show one as JSON, to copy and edit for a trial: ipt protocols --show ID");
  }
}
