package org.iptkit.examples.cli.html;

import static org.iptkit.examples.cli.html.Html.esc;
import static org.iptkit.examples.cli.html.Html.num;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.iptkit.core.CourseStatus;
import org.iptkit.examples.cli.Trajectories;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.InterRaterReliability;
import org.iptkit.rules.IntraclassCorrelation;
import org.iptkit.rules.OutcomeSummary;
import org.iptkit.rules.Proportion;
import org.iptkit.rules.RatingSummary;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.TherapistSummary;

/**
 * The cohort page a researcher reads ({@code ipt report --format html}): one self-contained page
 * (inline SVG, no script, no external assets) with the cohort summary, the flow of courses from
 * start to the completer analysis, the outcome rates over explicit denominators with their 95 %
 * Wilson intervals (for the cohort and per profile), the per-rule pass rates, adherence per
 * therapist as a dot plot with interval whiskers, the primary-score trajectories per profile by
 * attended session, the observer ratings with their inter-rater reliability and per therapist,
 * the distribution of sessions attended and the courses with ERROR findings. Every chart is a
 * {@code figure} of class {@code chart} whose data marks have class {@code mark}, and names in
 * {@code data-table} the table that holds the same numbers. Only course ids, therapist
 * references, profile ids, scale ids, rule codes and numbers are written.
 */
public final class CohortPage {
  private static final String GOOD = "#59a14f";
  private static final String FAIR = "#e0a000";
  private static final String POOR = "#d1495b";
  private static final String NEUTRAL = "#4e79a7";
  private static final String INK = "#1d2433";
  /** Attended sessions scored in fewer courses than this are left out of trajectory charts. */
  private static final long MIN_CHARTED = 3;
  /** The most therapists one dot plot shows; the table lists them all. */
  static final int MAX_CHARTED_THERAPISTS = 200;

  private CohortPage() {}

  /**
   * Renders the page as one string (for small cohorts and tests; see
   * {@link #render(CohortReport, Trajectories, boolean, long, Writer)}).
   */
  public static String render(CohortReport report, Trajectories trajectories,
      boolean byTherapist, long unreadable) {
    StringWriter out = new StringWriter();
    render(report, trajectories, byTherapist, unreadable, out);
    return out.toString();
  }

  /**
   * Renders the page to a writer as it goes, so that a cohort of many therapists never exists as
   * one string; the writer is flushed, not closed.
   *
   * @param report the cohort report
   * @param trajectories the primary-score distributions per profile and attended session
   * @param byTherapist whether to name the therapists by their references and add each one's
   *     per-rule pass rates; without it therapists are numbered in the order of their references
   * @param unreadable the number of records that could not be read or checked
   * @param out where the page goes
   */
  public static void render(CohortReport report, Trajectories trajectories,
      boolean byTherapist, long unreadable, Writer out) {
    Page html = Html.open("IPT cohort fidelity report", out);
    html.append("<h1>IPT cohort fidelity report</h1>\n");
    summary(html, report, unreadable);
    flow(html, report.outcomes());
    outcomes(html, report);
    ruleRates(html, report);
    therapists(html, report, byTherapist);
    trajectories(html, trajectories);
    ratings(html, report, byTherapist);
    sessions(html, report);
    errorCourses(html, report);
    Html.close(html);
  }

  // ------------------------------------------------------------------ summary

  private static void summary(Page html, CohortReport report, long unreadable) {
    html.append("<table aria-label=\"Cohort summary\">\n");
    row(html, "Courses", Long.toString(report.courses()));
    StringBuilder statuses = new StringBuilder();
    for (Map.Entry<CourseStatus, Long> status : report.byStatus().entrySet()) {
      statuses.append(statuses.length() == 0 ? "" : ", ").append(status.getValue()).append(' ')
          .append(status.getKey());
    }
    row(html, "By status", statuses.toString());
    row(html, "Sessions attended", "mean " + decimal(report.meanSessionsAttended()) + ", median "
        + decimal(report.medianSessionsAttended()));
    row(html, "Mean adherence", percent(report.meanAdherence())
        + interval(report.adherenceLower(), report.adherenceUpper(), "95% t interval"));
    row(html, "Completers", proportion(report.completers()));
    row(html, "Courses with ERROR findings", Html.count(report.errorCourseCount(), "course"));
    if (unreadable > 0) {
      row(html, "Unreadable records (skipped)", Long.toString(unreadable));
    }
    html.append("</table>\n<p><small>Sessions planned are those of the latest ACUTE contract; a")
        .append(" maintenance profile (no acute phases) has none, and its courses count the")
        .append(" sessions of the CONTINUATION or MAINTENANCE contract in force.</small></p>\n");
  }

  private static void row(Page html, String name, String value) {
    html.append("<tr><th scope=\"row\">").append(esc(name)).append("</th><td>")
        .append(esc(value)).append("</td></tr>\n");
  }

  // ------------------------------------------------------------------ flow

  private static void flow(Page html, OutcomeSummary o) {
    html.append("<h2>Flow of courses</h2>\n");
    if (o.courses() == 0) {
      html.append("<p>No courses.</p>\n");
      return;
    }
    long completed = o.byStatus().getOrDefault(CourseStatus.COMPLETED, 0L);
    long discontinued = o.byStatus().getOrDefault(CourseStatus.DISCONTINUED, 0L);
    long ongoing = o.byStatus().getOrDefault(CourseStatus.ONGOING, 0L);
    long completerCases = o.completerResponse().n();
    html.append("<p>From the courses started to the denominators of the outcome rates, in the")
        .append(" manner of a CONSORT diagram. ONGOING courses are in no outcome denominator;")
        .append(" the acute boxes count courses under profiles with acute phases (maintenance")
        .append(" courses are reported on their own).</p>\n")
        .append("<figure class=\"chart\" data-table=\"flow-table\">\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
        .append("flow-title\" width=\"860\" height=\"300\" viewBox=\"0 0 860 300\">\n")
        .append("<title id=\"flow-title\">Flow of courses from start to the completer analysis")
        .append("</title>\n");
    box(html, 330, 10, "Courses started", o.courses());
    box(html, 60, 90, "Completed", completed);
    box(html, 330, 90, "Discontinued", discontinued);
    box(html, 600, 90, "Ongoing: no outcome", ongoing);
    box(html, 60, 170, "Acute, final measure", o.completedWithFinalMeasure());
    box(html, 330, 170, "Acute, final measure", o.discontinuedWithFinalMeasure());
    box(html, 60, 250, "Case at baseline", completerCases);
    box(html, 330, 250, "Case at baseline", o.discontinuedCasesWithFinalMeasure());
    arrow(html, 430, 50, 160, 90);
    arrow(html, 430, 50, 430, 90);
    arrow(html, 430, 50, 700, 90);
    arrow(html, 160, 130, 160, 170);
    arrow(html, 430, 130, 430, 170);
    arrow(html, 160, 210, 160, 250);
    arrow(html, 430, 210, 430, 250);
    html.append("</svg>\n<figcaption>The completed cases at baseline with a final measure are the")
        .append(" completer analysis; all who started adds the discontinued cases and those")
        .append(" without a final measure, last score carried.</figcaption>\n</figure>\n")
        .append("<table id=\"flow-table\">\n<tr><th>Step</th><th>Courses</th></tr>\n");
    flowRow(html, "Courses started", o.courses());
    flowRow(html, "Completed", completed);
    flowRow(html, "Discontinued", discontinued);
    flowRow(html, "Ongoing (in no outcome denominator)", ongoing);
    flowRow(html, "Maintenance courses ended (reported on their own)", o.maintenanceEnded());
    flowRow(html, "Acute courses ended", o.acuteEnded());
    flowRow(html, "Acute courses ended without a baseline", o.acuteNoBaseline());
    flowRow(html, "Acute courses ended, not a case at baseline", o.acuteNotCaseAtBaseline());
    flowRow(html, "Completed acute courses with a final measure", o.completedWithFinalMeasure());
    flowRow(html, "Of those, a case at baseline (completer analysis)", completerCases);
    flowRow(html, "Discontinued acute courses with a final measure",
        o.discontinuedWithFinalMeasure());
    flowRow(html, "Of those, a case at baseline", o.discontinuedCasesWithFinalMeasure());
    flowRow(html, "All who started: ended acute cases at baseline", o.startedResponse().n());
    html.append("</table>\n");
  }

  private static void box(Page html, double x, double y, String label, long count) {
    html.append("<g><rect class=\"mark\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"200\" height=\"40\" rx=\"4\" fill=\"#eef2fa\" stroke=\"")
        .append(NEUTRAL).append("\"/><text x=\"").append(num(x + 100)).append("\" y=\"")
        .append(num(y + 17)).append("\" font-size=\"11\" text-anchor=\"middle\">")
        .append(esc(label)).append("</text><text x=\"").append(num(x + 100)).append("\" y=\"")
        .append(num(y + 32)).append("\" font-size=\"12\" font-weight=\"600\" ")
        .append("text-anchor=\"middle\">").append(count).append("</text></g>\n");
  }

  private static void arrow(Page html, double x1, double y1, double x2, double y2) {
    html.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
        .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
        .append("\" stroke=\"#889\"/>\n");
  }

  private static void flowRow(Page html, String step, long count) {
    html.append("<tr><td>").append(esc(step)).append("</td><td class=\"num\">").append(count)
        .append("</td></tr>\n");
  }

  // ------------------------------------------------------------------ outcomes

  private static void outcomes(Page html, CohortReport report) {
    OutcomeSummary o = report.outcomes();
    html.append("<h2>Outcomes</h2>\n<p>Response and remission on each course's primary")
        .append(" instrument, over explicit denominators: the <em>completer analysis</em> counts")
        .append(" COMPLETED courses with a final measure that were a case at baseline (at or")
        .append(" above the instrument's cut-off); <em>all who started</em> counts COMPLETED and")
        .append(" DISCONTINUED cases at baseline, the last score carried forward. Maintenance")
        .append(" courses are on their own. Whiskers are 95% Wilson score intervals.</p>\n");
    List<Dot> dots = new ArrayList<>();
    String[] names = {"Completers (of ended courses)", "Completer analysis: response",
        "Completer analysis: remission", "All who started: response",
        "All who started: remission", "Maintenance: stayed below cut-off",
        "Maintenance: deteriorated"};
    Proportion[] values = {o.completers(), o.completerResponse(), o.completerRemission(),
        o.startedResponse(), o.startedRemission(), o.maintenanceStayedBelowCutOff(),
        o.maintenanceDeteriorated()};
    for (int i = 0; i < names.length; i++) {
      if (values[i].n() > 0) {
        dots.add(new Dot(names[i], values[i].rate().getAsDouble(), values[i].lower(),
            values[i].upper(), values[i].count() + " of " + values[i].n()));
      }
    }
    if (!dots.isEmpty()) {
      dotPlot(html, "out", "Outcome rates with 95% Wilson intervals", dots, 0, 1, 210);
    }
    html.append("<table id=\"out-table\">\n<tr><th>Outcome</th><th>Courses</th><th>Of</th>")
        .append("<th>Rate</th><th>95% interval</th></tr>\n");
    for (int i = 0; i < names.length; i++) {
      outcomeRow(html, names[i], values[i]);
    }
    html.append("</table>\n<p>").append(Html.count(o.acuteNotCaseAtBaseline(), "ended acute course"))
        .append(" not a case at baseline and ")
        .append(Html.count(o.acuteNoBaseline(), "ended acute course"))
        .append(" without a baseline are in no rate.</p>\n");
    if (!report.byProfile().isEmpty()) {
      html.append("<h3>Per protocol profile</h3>\n<table>\n<tr><th>Profile</th><th>Courses</th>")
          .append("<th>Completers</th><th>Completer analysis: response</th>")
          .append("<th>Completer analysis: remission</th><th>All who started: response</th>")
          .append("<th>All who started: remission</th><th>Maintenance: stayed below</th>")
          .append("<th>Maintenance: deteriorated</th></tr>\n");
      for (Map.Entry<String, OutcomeSummary> profile : report.byProfile().entrySet()) {
        OutcomeSummary p = profile.getValue();
        html.append("<tr><td>").append(esc(profile.getKey())).append("</td><td class=\"num\">")
            .append(p.courses()).append("</td>");
        for (Proportion value : new Proportion[] {p.completers(), p.completerResponse(),
            p.completerRemission(), p.startedResponse(), p.startedRemission(),
            p.maintenanceStayedBelowCutOff(), p.maintenanceDeteriorated()}) {
          html.append("<td>").append(esc(shortProportion(value))).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
  }

  private static void outcomeRow(Page html, String name, Proportion p) {
    html.append("<tr><th scope=\"row\">").append(esc(name)).append("</th><td class=\"num\">")
        .append(p.count()).append("</td><td class=\"num\">").append(p.n())
        .append("</td><td class=\"num\">").append(percent(p.rate()))
        .append("</td><td class=\"num\">").append(esc(ci(p))).append("</td></tr>\n");
  }

  // ------------------------------------------------------------------ rules

  private static void ruleRates(Page html, CohortReport report) {
    html.append("<h2>Rule pass rates</h2>\n<p>For each rule, the share of the courses it applies")
        .append(" to that keep it. Rules that applied to no course are shown as n/a.</p>\n");
    List<Bar> bars = new ArrayList<>();
    for (RuleTally tally : report.rules()) {
      String name = RuleCatalog.find(tally.rule()).map(RuleInfo::name).orElse("");
      bars.add(new Bar(tally.rule() + " " + name, tally.share(), tally.passed() + " of "
          + Html.count(tally.applicable(), "course")));
    }
    if (bars.stream().anyMatch(bar -> bar.share().isPresent())) {
      barChart(html, "rules", "Share of applicable courses that keep each rule", bars, 210);
      legend(html);
    }
    html.append("<details><summary>Rule pass rates as a table</summary>\n")
        .append("<table id=\"rules-table\">\n")
        .append("<tr><th>Rule</th><th>Name</th><th>Severity</th><th>Applicable</th>")
        .append("<th>Passed</th><th>Pass rate</th><th>95% interval</th></tr>\n");
    for (RuleTally tally : report.rules()) {
      RuleInfo info = RuleCatalog.find(tally.rule()).orElse(null);
      html.append("<tr><td>").append(esc(tally.rule())).append("</td><td>")
          .append(esc(info == null ? "" : info.name())).append("</td><td>")
          .append(info == null ? "" : info.defaultSeverity()).append("</td><td class=\"num\">")
          .append(tally.applicable()).append("</td><td class=\"num\">").append(tally.passed())
          .append("</td><td class=\"num\">").append(percent(tally.share()))
          .append("</td><td class=\"num\">").append(esc(ci(tally.proportion())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static void legend(Page html) {
    html.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:").append(GOOD)
        .append("\"></i>90% or more</span><span><i class=\"sw\" style=\"background:")
        .append(FAIR).append("\"></i>75% to 89%</span><span><i class=\"sw\" style=\"background:")
        .append(POOR).append("\"></i>below 75%</span></p>\n");
  }

  // ------------------------------------------------------------------ therapists

  private static void therapists(Page html, CohortReport report, boolean byRule) {
    html.append("<h2>Adherence per therapist</h2>\n");
    List<TherapistSummary> therapists = report.therapists();
    if (therapists.isEmpty()) {
      html.append("<p>No courses.</p>\n");
      return;
    }
    html.append("<p>Mean overall adherence (passed of applicable rules) of each therapist's")
        .append(" courses, with its 95% Student t interval over the therapist's courses (none")
        .append(" for a therapist with one course). The axis spans the therapists' values, not")
        .append(" 0 to 100%, so that they can be told apart.");
    if (!byRule) {
      html.append(" Therapists are numbered; run <code>ipt report --by therapist</code> for")
          .append(" their references and their pass rate of each rule.");
    }
    html.append("</p>\n");
    List<String> names = therapistNames(therapists, byRule);
    int charted = Math.min(therapists.size(), MAX_CHARTED_THERAPISTS);
    List<Dot> dots = new ArrayList<>(charted);
    double low = 1;
    double high = 0;
    for (int i = 0; i < charted; i++) {
      TherapistSummary therapist = therapists.get(i);
      double mean = therapist.meanAdherence();
      low = Math.min(low, therapist.adherenceLower().orElse(mean));
      high = Math.max(high, therapist.adherenceUpper().orElse(mean));
      dots.add(new Dot(names.get(i), mean, therapist.adherenceLower(),
          therapist.adherenceUpper(), Html.count(therapist.courses(), "course") + ", "
              + therapist.coursesWithErrors() + " with ERROR"));
    }
    double pad = Math.max(0.02, (high - low) * 0.08);
    dotPlot(html, "th", "Mean adherence per therapist with 95% intervals", dots,
        Math.max(0, low - pad), Math.min(1, high + pad), 130);
    if (therapists.size() > charted) {
      html.append("<p>The chart shows the first ").append(charted)
          .append(" therapists by reference; the table lists all ").append(therapists.size())
          .append(".</p>\n");
    }
    html.append("<table id=\"th-table\">\n<tr><th>Therapist</th><th>Courses</th>")
        .append("<th>Mean adherence</th><th>95% interval</th><th>Courses with ERROR</th>")
        .append("<th>Completer analysis: response</th></tr>\n");
    for (int i = 0; i < therapists.size(); i++) {
      TherapistSummary therapist = therapists.get(i);
      html.append("<tr><td>").append(esc(names.get(i)))
          .append("</td><td class=\"num\">").append(therapist.courses())
          .append("</td><td class=\"num\">").append(Html.percent(therapist.meanAdherence()))
          .append("</td><td class=\"num\">")
          .append(esc(interval(therapist.adherenceLower(), therapist.adherenceUpper())))
          .append("</td><td class=\"num\">").append(therapist.coursesWithErrors())
          .append("</td><td>").append(esc(shortProportion(therapist.outcomes()
              .completerResponse()))).append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (byRule) {
      // one row per therapist, one column per rule: bounded width whatever the cohort
      html.append("<details><summary>Rule pass rates per therapist</summary>\n<table>\n")
          .append("<tr><th>Therapist</th>");
      for (RuleTally cohortTally : report.rules()) {
        html.append("<th>").append(esc(cohortTally.rule())).append("</th>");
      }
      html.append("</tr>\n");
      for (TherapistSummary therapist : therapists) {
        html.append("<tr><td>").append(esc(therapistName(therapist))).append("</td>");
        for (RuleTally cohortTally : report.rules()) {
          OptionalDouble share = therapist.rule(cohortTally.rule())
              .map(RuleTally::share).orElse(OptionalDouble.empty());
          html.append("<td class=\"num\">").append(percent(share)).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n</details>\n");
    }
  }

  private static String therapistName(TherapistSummary therapist) {
    return therapist.therapistRef().orElse("no therapist named");
  }

  /**
   * What the page calls each therapist, in the report's order: the reference with {@code --by
   * therapist}, else a number in the order of the references (the courses that name no
   * therapist are called so either way).
   */
  private static List<String> therapistNames(List<TherapistSummary> therapists,
      boolean byTherapist) {
    List<String> names = new ArrayList<>(therapists.size());
    int number = 0;
    for (TherapistSummary therapist : therapists) {
      names.add(byTherapist || therapist.therapistRef().isEmpty() ? therapistName(therapist)
          : "therapist " + ++number);
    }
    return names;
  }

  // ------------------------------------------------------------------ trajectories

  private static void trajectories(Page html, Trajectories trajectories) {
    html.append("<h2>Primary-score trajectories</h2>\n<p>One chart per protocol profile and its")
        .append(" primary instrument, by attended session (the first attended treatment session")
        .append(" is 1, whatever its number), so that courses of different lengths and")
        .append(" schedules are not mixed.</p>\n");
    List<Trajectories.Series> series = trajectories.series();
    if (series.isEmpty()) {
      html.append("<p>No primary-instrument scores recorded in sessions.</p>\n");
    }
    int index = 0;
    for (Trajectories.Series one : series) {
      trajectory(html, trajectories, one, "tj" + index++);
    }
    if (trajectories.beyond() > 0) {
      html.append("<p>").append(Html.count(trajectories.beyond(), "score"))
          .append(" after the ").append(Trajectories.MAX_SESSION)
          .append("th attended session are not charted.</p>\n");
    }
  }

  private static void trajectory(Page html, Trajectories trajectories,
      Trajectories.Series series, String id) {
    int last = trajectories.lastSession(series);
    List<Integer> sessions = new ArrayList<>();
    long largest = 0;
    for (int session = 1; session <= last; session++) {
      long n = trajectories.at(series, session).n();
      largest = Math.max(largest, n);
      if (n > 0) {
        sessions.add(session);
      }
    }
    // Sessions scored in very few courses are listed in the table but not charted.
    long minimum = Math.min(MIN_CHARTED, largest);
    List<Integer> charted = new ArrayList<>();
    for (int session : sessions) {
      if (trajectories.at(series, session).n() >= minimum) {
        charted.add(session);
      }
    }
    String name = series.instrument().displayName();
    html.append("<h3>").append(esc(series.profile())).append(": ").append(esc(name))
        .append(", ").append(Html.count(trajectories.courses(series), "course"))
        .append("</h3>\n");
    if (!charted.isEmpty()) {
      trajectoryChart(html, trajectories, series, id, charted, minimum);
    }
    long prorated = trajectories.prorated(series);
    if (prorated > 0) {
      html.append("<p><small>").append(Html.count(prorated, "score"))
          .append(prorated == 1 ? " is a prorated total" : " are prorated totals")
          .append(" (partly answered forms, one or two items unanswered), counted with the")
          .append(" others.</small></p>\n");
    }
    html.append("<details><summary>").append(esc(series.profile())).append(' ')
        .append(esc(name)).append(" trajectory as a table</summary>\n<table id=\"").append(id)
        .append("-table\">\n<tr><th>Attended session</th><th>n</th><th>25th percentile</th>")
        .append("<th>Median</th><th>75th percentile</th></tr>\n");
    for (int session : sessions) {
      Trajectories.Distribution d = trajectories.at(series, session);
      html.append("<tr><td class=\"num\">").append(session).append("</td><td class=\"num\">")
          .append(d.n()).append("</td><td class=\"num\">").append(decimal(d.quantile(0.25)))
          .append("</td><td class=\"num\">").append(decimal(d.quantile(0.5)))
          .append("</td><td class=\"num\">").append(decimal(d.quantile(0.75)))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static void trajectoryChart(Page html, Trajectories trajectories,
      Trajectories.Series series, String id, List<Integer> charted, long minimum) {
    int axisLast = charted.get(charted.size() - 1);
    String name = series.instrument().displayName();
    double width = 860;
    double height = 260;
    double left = 44;
    double top = 12;
    double plotW = width - left - 16;
    double plotH = height - top - 36;
    int max = series.instrument().maxTotal();
    double step = plotW / Math.max(1, axisLast);
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    StringBuilder median = new StringBuilder();
    for (int session : charted) {
      Trajectories.Distribution d = trajectories.at(series, session);
      double x = left + step * (session - 0.5);
      upper.append(num(x)).append(',').append(num(y(d.quantile(0.75), max, top, plotH)))
          .append(' ');
      lower.insert(0, num(x) + "," + num(y(d.quantile(0.25), max, top, plotH)) + " ");
      median.append(num(x)).append(',').append(num(y(d.quantile(0.5), max, top, plotH)))
          .append(' ');
    }
    html.append("<figure class=\"chart\" data-table=\"").append(id).append("-table\">\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"").append(id).append("-title\" width=\"").append(num(width))
        .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
        .append(num(width)).append(' ').append(num(height)).append("\">\n<title id=\"")
        .append(id).append("-title\">").append(esc(series.profile())).append(' ')
        .append(esc(name))
        .append(" totals by attended session: median line, interquartile range shaded</title>\n");
    for (int q = 0; q <= 4; q++) {
      int value = Math.round(max * q / 4f);
      double y = y(value, max, top, plotH);
      html.append("<line x1=\"").append(num(left)).append("\" x2=\"").append(num(left + plotW))
          .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y))
          .append("\" stroke=\"#dde\"/><text x=\"").append(num(left - 6)).append("\" y=\"")
          .append(num(y + 3)).append("\" font-size=\"10\" text-anchor=\"end\">").append(value)
          .append("</text>\n");
    }
    if (charted.size() > 1) {
      html.append("<polygon class=\"mark\" fill=\"").append(NEUTRAL)
          .append("\" fill-opacity=\"0.25\" points=\"").append(upper)
          .append(lower.toString().trim()).append("\"/>\n")
          .append("<polyline class=\"mark\" fill=\"none\" stroke=\"").append(INK)
          .append("\" stroke-width=\"2\" points=\"").append(median.toString().trim())
          .append("\"/>\n");
    }
    for (int session : charted) {
      Trajectories.Distribution d = trajectories.at(series, session);
      double x = left + step * (session - 0.5);
      html.append("<circle class=\"mark\" cx=\"").append(num(x)).append("\" cy=\"")
          .append(num(y(d.quantile(0.5), max, top, plotH))).append("\" r=\"3\" fill=\"")
          .append(INK).append("\"><title>Attended session ").append(session).append(": median ")
          .append(decimal(d.quantile(0.5))).append(", quartiles ")
          .append(decimal(d.quantile(0.25))).append(" to ").append(decimal(d.quantile(0.75)))
          .append(", n ").append(d.n()).append("</title></circle>\n");
    }
    int every = axisLast <= 20 ? 1 : axisLast <= 40 ? 2 : 5;
    for (int session = 1; session <= axisLast; session++) {
      if (session % every == 0 || (session == 1 && every > 2)) {
        html.append("<text x=\"").append(num(left + step * (session - 0.5))).append("\" y=\"")
            .append(num(top + plotH + 14)).append("\" font-size=\"10\" text-anchor=\"middle\">")
            .append(session).append("</text>");
      }
    }
    html.append("\n<text x=\"").append(num(left + plotW / 2)).append("\" y=\"")
        .append(num(height - 4)).append("\" font-size=\"11\" text-anchor=\"middle\">")
        .append("attended session</text>\n</svg>\n<figcaption>Median ").append(esc(name))
        .append(" total at each attended session (line) with the 25th to 75th percentile")
        .append(" (shaded); n is the number of courses scored at that session. Sessions")
        .append(" scored in fewer than ").append(Html.count(minimum, "course"))
        .append(" are only in the table.</figcaption>\n</figure>\n");
  }

  private static double y(double value, int max, double top, double plotH) {
    return top + plotH - plotH * value / Math.max(1, max);
  }

  // ------------------------------------------------------------------ ratings

  private static void ratings(Page html, CohortReport report, boolean byTherapist) {
    html.append("<h2>Observer fidelity ratings</h2>\n");
    if (report.ratings().isEmpty()) {
      html.append("<p>No attended session carries an observer rating.</p>\n");
      return;
    }
    html.append("<p>Per scale: the share of attended sessions rated, the mean session score")
        .append(" with its range, and the share of rated sessions at or above the pass mark")
        .append(" (IPT-QAS: mean 3.0; CSPRS scales: 4.0, the scale's midpoint).</p>\n");
    List<Dot> dots = new ArrayList<>();
    for (RatingSummary rating : report.ratings()) {
      if (rating.passed().isPresent() && rating.passed().get().n() > 0) {
        Proportion passed = rating.passed().get();
        dots.add(new Dot(rating.scale() + " pass share", passed.rate().getAsDouble(),
            passed.lower(), passed.upper(), passed.count() + " of " + passed.n()));
      }
    }
    if (!dots.isEmpty()) {
      dotPlot(html, "rt", "Share of rated sessions at or above the pass mark", dots, 0, 1, 170);
    }
    html.append("<table id=\"rt-table\">\n<tr><th>Scale</th>");
    ratingHeadings(html);
    for (RatingSummary rating : report.ratings()) {
      html.append("<tr><td>").append(esc(rating.scale())).append("</td>");
      ratingCells(html, rating);
    }
    html.append("</table>\n");
    if (!report.reliability().isEmpty()) {
      html.append("<h3>Inter-rater reliability</h3>\n<p>ICC(2,1): two-way random effects,")
          .append(" absolute agreement, single rater (Shrout &amp; Fleiss 1979), with its 95%")
          .append(" interval by McGraw &amp; Wong (1996), over the sessions rated by the most")
          .append(" common set of raters; bands of Koo &amp; Li (2016).</p>\n<table>\n")
          .append("<tr><th>Scale</th><th>Sessions</th><th>Raters</th><th>ICC(2,1)</th>")
          .append("<th>95% interval</th><th>Band</th><th>Rated by others, not used</th></tr>\n");
      for (InterRaterReliability reliability : report.reliability()) {
        html.append("<tr><td>").append(esc(reliability.scale())).append("</td>");
        if (reliability.correlation().isPresent()) {
          IntraclassCorrelation icc = reliability.correlation().get();
          html.append("<td class=\"num\">").append(icc.sessions()).append("</td><td class=\"num\">")
              .append(icc.raters()).append("</td><td class=\"num\">")
              .append(icc.icc().isPresent() ? decimal2(icc.icc().getAsDouble()) : "undefined")
              .append("</td><td class=\"num\">").append(icc.lower().isPresent()
                  ? decimal2(icc.lower().getAsDouble()) + " to "
                  + decimal2(icc.upper().getAsDouble()) : "")
              .append("</td><td>").append(icc.band().map(Enum::name).orElse(""))
              .append("</td>");
        } else {
          html.append("<td></td><td></td><td></td><td></td><td></td>");
        }
        html.append("<td class=\"num\">").append(reliability.sessionsNotUsed())
            .append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    therapistRatings(html, report, byTherapist);
  }

  /** The headings of the columns {@link #ratingCells} fills, ending the heading row. */
  private static void ratingHeadings(Page html) {
    html.append("<th>Sessions rated</th><th>Of attended</th><th>Share rated</th>")
        .append("<th>95% interval</th><th>Mean</th><th>Range</th><th>Pass mark</th>")
        .append("<th>Passed</th><th>Pass share</th><th>95% interval</th></tr>\n");
  }

  /**
   * The cells of one scale's ratings over a group of courses, ending the row: the share of
   * attended sessions rated and the pass share with their 95% Wilson intervals, as in JSON.
   */
  private static void ratingCells(Page html, RatingSummary rating) {
    Proportion rated = rating.rated();
    html.append("<td class=\"num\">").append(rated.count()).append("</td><td class=\"num\">")
        .append(rated.n()).append("</td><td class=\"num\">").append(percent(rated.rate()))
        .append("</td><td class=\"num\">").append(esc(ci(rated)))
        .append("</td><td class=\"num\">").append(decimal2(rating.mean()))
        .append("</td><td class=\"num\">").append(decimal2(rating.min())).append(" to ")
        .append(decimal2(rating.max())).append("</td><td class=\"num\">")
        .append(rating.passMark().isPresent() ? decimal2(rating.passMark().getAsDouble())
            : "none");
    if (rating.passed().isPresent()) {
      Proportion passed = rating.passed().get();
      html.append("</td><td class=\"num\">").append(passed.count())
          .append("</td><td class=\"num\">").append(percent(passed.rate()))
          .append("</td><td class=\"num\">").append(esc(ci(passed)));
    } else {
      html.append("</td><td></td><td></td><td>");
    }
    html.append("</td></tr>\n");
  }

  /**
   * The observer ratings of each therapist's sessions, one row per therapist and scale, named as
   * in the adherence table; only therapists with a rated session have rows.
   */
  private static void therapistRatings(Page html, CohortReport report, boolean byTherapist) {
    List<TherapistSummary> therapists = report.therapists();
    List<String> names = therapistNames(therapists, byTherapist);
    boolean open = false;
    for (int i = 0; i < therapists.size(); i++) {
      TherapistSummary therapist = therapists.get(i);
      if (therapist.ratings().isEmpty()) {
        continue;
      }
      if (!open) {
        html.append("<h3>Per therapist</h3>\n<p>The same figures over each therapist's")
            .append(" attended sessions; therapists without a rated session are left out.</p>\n")
            .append("<table id=\"rt-th-table\">\n<tr><th>Therapist</th><th>Scale</th>");
        ratingHeadings(html);
        open = true;
      }
      for (RatingSummary rating : therapist.ratings()) {
        html.append("<tr><td>").append(esc(names.get(i))).append("</td><td>")
            .append(esc(rating.scale())).append("</td>");
        ratingCells(html, rating);
      }
    }
    if (open) {
      html.append("</table>\n");
    }
  }

  // ------------------------------------------------------------------ sessions attended

  private static void sessions(Page html, CohortReport report) {
    Map<Integer, Long> distribution = report.sessionsAttendedDistribution();
    html.append("<h2>Sessions attended</h2>\n");
    if (distribution.isEmpty()) {
      html.append("<p>No courses.</p>\n");
      return;
    }
    int maxSessions = 0;
    long maxCount = 1;
    for (Map.Entry<Integer, Long> entry : distribution.entrySet()) {
      maxSessions = Math.max(maxSessions, entry.getKey());
      maxCount = Math.max(maxCount, entry.getValue());
    }
    double width = 860;
    double height = 200;
    double left = 44;
    double top = 10;
    double plotW = width - left - 16;
    double plotH = height - top - 36;
    double step = plotW / (maxSessions + 1);
    chartStart(html, "sa", "Number of courses by sessions attended", width, height);
    for (Map.Entry<Integer, Long> entry : distribution.entrySet()) {
      double barH = Math.max(1, plotH * entry.getValue() / maxCount);
      double x = left + step * entry.getKey();
      html.append("<rect class=\"mark\" x=\"").append(num(x + 1)).append("\" y=\"")
          .append(num(top + plotH - barH)).append("\" width=\"")
          .append(num(Math.max(1, step - 2))).append("\" height=\"").append(num(barH))
          .append("\" fill=\"").append(NEUTRAL).append("\"><title>")
          .append(Html.count(entry.getKey(), "session")).append(": ")
          .append(Html.count(entry.getValue(), "course")).append("</title></rect>\n");
    }
    int every = maxSessions <= 20 ? 1 : maxSessions <= 40 ? 2 : 5;
    for (int s = 0; s <= maxSessions; s += every) {
      html.append("<text x=\"").append(num(left + step * (s + 0.5))).append("\" y=\"")
          .append(num(top + plotH + 14)).append("\" font-size=\"10\" text-anchor=\"middle\">")
          .append(s).append("</text>");
    }
    html.append("\n<text x=\"").append(num(left - 6)).append("\" y=\"").append(num(top + 8))
        .append("\" font-size=\"10\" text-anchor=\"end\">").append(maxCount)
        .append("</text><text x=\"").append(num(left + plotW / 2)).append("\" y=\"")
        .append(num(height - 4)).append("\" font-size=\"11\" text-anchor=\"middle\">")
        .append("sessions attended</text>\n</svg>\n<figcaption>Courses by number of attended")
        .append(" sessions (pre-group sessions not counted).</figcaption>\n</figure>\n")
        .append("<details><summary>Sessions attended as a table</summary>\n")
        .append("<table id=\"sa-table\">\n<tr><th>Sessions attended</th><th>Courses</th></tr>\n");
    for (Map.Entry<Integer, Long> entry : distribution.entrySet()) {
      html.append("<tr><td class=\"num\">").append(entry.getKey()).append("</td><td class=\"num\">")
          .append(entry.getValue()).append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  // ------------------------------------------------------------------ errors

  private static void errorCourses(Page html, CohortReport report) {
    html.append("<h2>Courses with ERROR findings</h2>\n");
    if (report.coursesWithErrors().isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<p>").append(Html.count(report.errorCourseCount(), "course", "courses"))
        .append(report.errorCourseCount() == 1 ? " has" : " have")
        .append(" at least one ERROR finding (numbers inside ids in numeric order); run")
        .append(" <code>ipt show FILE</code> on a course for its details.</p>\n")
        .append("<ul class=\"ids\">\n");
    for (String courseId : report.coursesWithErrors()) {
      html.append("<li><code>").append(esc(courseId)).append("</code></li>\n");
    }
    html.append("</ul>\n");
  }

  // ------------------------------------------------------------------ charts

  /** One horizontal bar: a label, a share in [0, 1] (empty: n/a) and a note for its tooltip. */
  private record Bar(String label, OptionalDouble share, String note) {}

  /** One dot with optional whiskers: a label, a value, an interval and a note for its tooltip. */
  private record Dot(String label, double value, OptionalDouble lower, OptionalDouble upper,
      String note) {}

  /**
   * Opens a chart: its figure, which names the table that carries the same figures, and its SVG
   * of the given size with a title for screen readers.
   */
  private static void chartStart(Page html, String id, String title, double width,
      double height) {
    html.append("<figure class=\"chart\" data-table=\"").append(id).append("-table\">\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"").append(id).append("-title\" width=\"").append(num(width))
        .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
        .append(' ').append(num(height)).append("\">\n<title id=\"").append(id)
        .append("-title\">").append(esc(title)).append("</title>\n");
  }

  /** A horizontal bar chart of shares, each bar coloured by how close it is to 100%. */
  private static void barChart(Page html, String id, String title, List<Bar> bars,
      double labelWidth) {
    double rowH = 18;
    double width = 860;
    double plotW = width - labelWidth - 60;
    double height = rowH * bars.size() + 24;
    chartStart(html, id, title, width, height);
    for (int q = 0; q <= 4; q++) {
      double x = labelWidth + plotW * q / 4;
      html.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
          .append("\" y1=\"0\" y2=\"").append(num(rowH * bars.size())).append("\" stroke=\"#dde\"/>")
          .append("<text x=\"").append(num(x)).append("\" y=\"").append(num(height - 8))
          .append("\" font-size=\"10\" text-anchor=\"middle\">").append(q * 25).append("%</text>\n");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = i * rowH;
      html.append("<g><title>").append(esc(bar.label())).append(": ")
          .append(esc(percent(bar.share()))).append(", ").append(esc(bar.note()))
          .append("</title><text x=\"").append(num(labelWidth - 6)).append("\" y=\"")
          .append(num(y + 13)).append("\" font-size=\"11\" text-anchor=\"end\">")
          .append(esc(shorten(bar.label(), (int) (labelWidth / 6.5)))).append("</text>");
      if (bar.share().isPresent()) {
        double share = bar.share().getAsDouble();
        html.append("<rect class=\"mark\" x=\"").append(num(labelWidth)).append("\" y=\"")
            .append(num(y + 3)).append("\" width=\"").append(num(Math.max(1, plotW * share)))
            .append("\" height=\"").append(num(rowH - 6)).append("\" fill=\"")
            .append(colour(share)).append("\"/>");
      }
      html.append("<text x=\"").append(num(labelWidth + plotW * bar.share().orElse(0) + 4))
          .append("\" y=\"").append(num(y + 13)).append("\" font-size=\"10\">")
          .append(esc(percent(bar.share()))).append("</text></g>\n");
    }
    html.append("</svg>\n</figure>\n");
  }

  /**
   * A dot plot: one row per dot on an axis from {@code from} to {@code to} (shares), with
   * whiskers for the interval where there is one; the ticks are chosen so the axis reads.
   */
  private static void dotPlot(Page html, String id, String title, List<Dot> dots,
      double from, double to, double labelWidth) {
    double rowH = 16;
    double width = 860;
    double plotW = width - labelWidth - 70;
    double height = rowH * dots.size() + 30;
    double span = Math.max(1e-9, to - from);
    double tick = tickStep(span);
    chartStart(html, id, title, width, height);
    double first = Math.ceil(from / tick - 1e-9) * tick;
    for (double t = first; t <= to + 1e-9; t += tick) {
      double x = labelWidth + plotW * (t - from) / span;
      html.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
          .append("\" y1=\"0\" y2=\"").append(num(rowH * dots.size())).append("\" stroke=\"#dde\"/>")
          .append("<text x=\"").append(num(x)).append("\" y=\"").append(num(height - 12))
          .append("\" font-size=\"10\" text-anchor=\"middle\">").append(tickLabel(t, tick))
          .append("</text>\n");
    }
    for (int i = 0; i < dots.size(); i++) {
      Dot dot = dots.get(i);
      double y = i * rowH + rowH / 2;
      double x = labelWidth + plotW * (dot.value() - from) / span;
      html.append("<g><title>").append(esc(dot.label())).append(": ")
          .append(esc(Html.percent(dot.value())))
          .append(esc(interval(dot.lower(), dot.upper(), "95%"))).append(", ")
          .append(esc(dot.note())).append("</title><text x=\"").append(num(labelWidth - 6))
          .append("\" y=\"").append(num(y + 4)).append("\" font-size=\"11\" text-anchor=\"end\">")
          .append(esc(shorten(dot.label(), (int) (labelWidth / 6.5)))).append("</text>");
      if (dot.lower().isPresent() && dot.upper().isPresent()) {
        double x1 = labelWidth + plotW * (dot.lower().getAsDouble() - from) / span;
        double x2 = labelWidth + plotW * (dot.upper().getAsDouble() - from) / span;
        html.append("<line class=\"mark\" x1=\"").append(num(x1)).append("\" x2=\"")
            .append(num(x2)).append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y))
            .append("\" stroke=\"#889\" stroke-width=\"1.5\"/>");
      }
      html.append("<circle class=\"mark\" cx=\"").append(num(x)).append("\" cy=\"")
          .append(num(y)).append("\" r=\"4\" fill=\"").append(INK).append("\"/>")
          .append("<text x=\"").append(num(labelWidth + plotW + 6)).append("\" y=\"")
          .append(num(y + 4)).append("\" font-size=\"10\">")
          .append(esc(Html.percent(dot.value()))).append("</text></g>\n");
    }
    html.append("</svg>\n</figure>\n");
  }

  private static double tickStep(double span) {
    for (double step : new double[] {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25}) {
      if (span / step <= 10) {
        return step;
      }
    }
    return 0.25;
  }

  private static String tickLabel(double value, double step) {
    return step < 0.01 ? String.format(Locale.ROOT, "%.1f%%", value * 100)
        : Math.round(value * 100) + "%";
  }

  private static String colour(double share) {
    return share >= 0.9 ? GOOD : share >= 0.75 ? FAIR : POOR;
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, Math.max(1, length - 1)) + "…";
  }

  private static String percent(OptionalDouble share) {
    return share.isPresent() ? Html.percent(share.getAsDouble()) : "n/a";
  }

  private static String decimal(OptionalDouble value) {
    return value.isPresent() ? decimal(value.getAsDouble()) : "-";
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String decimal2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** {@code 52%, 632 of 1216 courses, 95% CI 49% to 55%}; {@code no courses} for n 0. */
  private static String proportion(Proportion p) {
    if (p.n() == 0) {
      return "no courses";
    }
    return percent(p.rate()) + ", " + p.count() + " of " + p.n() + ", 95% CI " + ci(p);
  }

  /** {@code 632/1216 52% (49% to 55%)}; {@code -} for n 0. */
  private static String shortProportion(Proportion p) {
    if (p.n() == 0) {
      return "-";
    }
    return p.count() + "/" + p.n() + " " + percent(p.rate()) + " (" + ci(p) + ")";
  }

  private static String ci(Proportion p) {
    return p.n() == 0 ? "" : percent(p.lower()) + " to " + percent(p.upper());
  }

  private static String interval(OptionalDouble lower, OptionalDouble upper) {
    return lower.isPresent() && upper.isPresent()
        ? percent(lower) + " to " + percent(upper) : "";
  }

  private static String interval(OptionalDouble lower, OptionalDouble upper, String name) {
    return lower.isPresent() && upper.isPresent()
        ? ", " + name + " " + percent(lower) + " to " + percent(upper) : "";
  }
}
