package org.iptkit.examples.cli.html;

import static org.iptkit.examples.cli.html.Html.esc;
import static org.iptkit.examples.cli.html.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.examples.cli.Trajectories;
import org.iptkit.rules.CohortReport;
import org.iptkit.rules.Proportion;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleInfo;
import org.iptkit.rules.RuleTally;
import org.iptkit.rules.TherapistSummary;

/**
 * The cohort page a researcher reads ({@code ipt report --format html}): one self-contained page
 * (inline SVG, no script, no external assets) with the cohort summary, the per-rule pass rates,
 * adherence per therapist, the primary-score trajectories (median and interquartile range by
 * session number), the outcome rates, the distribution of sessions attended and the courses with
 * ERROR findings. Every chart has a title and is followed by a table with the same numbers.
 * Only course ids, therapist references, rule codes and numbers are written.
 */
public final class CohortPage {
  private static final String GOOD = "#59a14f";
  private static final String FAIR = "#e0a000";
  private static final String POOR = "#d1495b";
  private static final String NEUTRAL = "#4e79a7";
  /** Session numbers scored in fewer courses than this are left out of trajectory charts. */
  private static final long MIN_CHARTED = 3;

  private CohortPage() {}

  /**
   * Renders the page.
   *
   * @param report the cohort report
   * @param trajectories the primary-score distributions per session number
   * @param byTherapist whether to name the therapists by their references and add each one's
   *     per-rule pass rates; without it therapists are numbered in the order of their references
   * @param unreadable the number of records that could not be read or checked
   */
  public static String render(CohortReport report, Trajectories trajectories,
      boolean byTherapist, long unreadable) {
    StringBuilder html = Html.open("IPT cohort fidelity report");
    html.append("<h1>IPT cohort fidelity report</h1>\n");
    summary(html, report, unreadable);
    ruleRates(html, report);
    therapists(html, report, byTherapist);
    trajectories(html, trajectories);
    outcomes(html, report);
    sessions(html, report);
    errorCourses(html, report);
    return Html.close(html);
  }

  // ------------------------------------------------------------------ summary

  private static void summary(StringBuilder html, CohortReport report, long unreadable) {
    html.append("<table aria-label=\"Cohort summary\">\n");
    row(html, "Courses", Long.toString(report.courses()));
    StringBuilder statuses = new StringBuilder();
    for (Map.Entry<CourseStatus, Long> status : report.byStatus().entrySet()) {
      statuses.append(statuses.length() == 0 ? "" : ", ").append(status.getValue()).append(' ')
          .append(status.getKey());
    }
    row(html, "By status", statuses.toString());
    row(html, "Completers", proportion(report.completers()));
    row(html, "Sessions attended", "mean " + decimal(report.meanSessionsAttended()) + ", median "
        + decimal(report.medianSessionsAttended()));
    row(html, "Mean adherence", percent(report.meanAdherence()));
    row(html, "Response", proportion(report.response()));
    row(html, "Remission", proportion(report.remission()));
    row(html, "Courses with ERROR findings", Long.toString(report.errorCourseCount()));
    if (unreadable > 0) {
      row(html, "Unreadable records (skipped)", Long.toString(unreadable));
    }
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th scope=\"row\">").append(esc(name)).append("</th><td>")
        .append(esc(value)).append("</td></tr>\n");
  }

  // ------------------------------------------------------------------ rules

  private static void ruleRates(StringBuilder html, CohortReport report) {
    html.append("<h2>Rule pass rates</h2>\n<p>For each rule, the share of the courses it applies")
        .append(" to that keep it. Rules that applied to no course are shown as n/a.</p>\n");
    List<Bar> bars = new ArrayList<>();
    for (RuleTally tally : report.rules()) {
      String name = RuleCatalog.find(tally.rule()).map(RuleInfo::name).orElse("");
      bars.add(new Bar(tally.rule() + " " + name, tally.share(), tally.passed() + " of "
          + tally.applicable() + " courses"));
    }
    barChart(html, "rules-title", "Share of applicable courses that keep each rule", bars, 210,
        true);
    legend(html);
    html.append("<details><summary>Rule pass rates as a table</summary>\n<table>\n")
        .append("<tr><th>Rule</th><th>Name</th><th>Severity</th><th>Applicable</th>")
        .append("<th>Passed</th><th>Pass rate</th></tr>\n");
    for (RuleTally tally : report.rules()) {
      RuleInfo info = RuleCatalog.find(tally.rule()).orElse(null);
      html.append("<tr><td>").append(esc(tally.rule())).append("</td><td>")
          .append(esc(info == null ? "" : info.name())).append("</td><td>")
          .append(info == null ? "" : info.defaultSeverity()).append("</td><td class=\"num\">")
          .append(tally.applicable()).append("</td><td class=\"num\">").append(tally.passed())
          .append("</td><td class=\"num\">").append(percent(tally.share()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static void legend(StringBuilder html) {
    html.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:").append(GOOD)
        .append("\"></i>90% or more</span><span><i class=\"sw\" style=\"background:")
        .append(FAIR).append("\"></i>75% to 89%</span><span><i class=\"sw\" style=\"background:")
        .append(POOR).append("\"></i>below 75%</span></p>\n");
  }

  // ------------------------------------------------------------------ therapists

  private static void therapists(StringBuilder html, CohortReport report, boolean byRule) {
    html.append("<h2>Adherence per therapist</h2>\n");
    if (report.therapists().isEmpty()) {
      html.append("<p>No courses.</p>\n");
      return;
    }
    html.append("<p>Mean overall adherence (passed of applicable rules) of each therapist's")
        .append(" courses.");
    if (!byRule) {
      html.append(" Therapists are numbered; run <code>ipt report --by therapist</code> for")
          .append(" their references and their pass rate of each rule.");
    }
    html.append("</p>\n");
    List<String> names = new ArrayList<>();
    int number = 0;
    for (TherapistSummary therapist : report.therapists()) {
      names.add(byRule || therapist.therapistRef().isEmpty() ? therapistName(therapist)
          : "therapist " + ++number);
    }
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      TherapistSummary therapist = report.therapists().get(i);
      bars.add(new Bar(names.get(i), OptionalDouble.of(therapist.meanAdherence()),
          therapist.courses() + " courses, " + therapist.coursesWithErrors() + " with ERROR"));
    }
    barChart(html, "th-title", "Mean adherence per therapist", bars, 130, true);
    html.append("<table>\n<tr><th>Therapist</th><th>Courses</th><th>Mean adherence</th>")
        .append("<th>Courses with ERROR</th></tr>\n");
    for (int i = 0; i < names.size(); i++) {
      TherapistSummary therapist = report.therapists().get(i);
      html.append("<tr><td>").append(esc(names.get(i)))
          .append("</td><td class=\"num\">").append(therapist.courses())
          .append("</td><td class=\"num\">").append(Html.percent(therapist.meanAdherence()))
          .append("</td><td class=\"num\">").append(therapist.coursesWithErrors())
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (byRule) {
      html.append("<details><summary>Rule pass rates per therapist</summary>\n<table>\n")
          .append("<tr><th>Rule</th>");
      for (TherapistSummary therapist : report.therapists()) {
        html.append("<th>").append(esc(therapistName(therapist))).append("</th>");
      }
      html.append("</tr>\n");
      for (RuleTally cohortTally : report.rules()) {
        html.append("<tr><td>").append(esc(cohortTally.rule())).append("</td>");
        for (TherapistSummary therapist : report.therapists()) {
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
    return therapist.therapistRef().orElse("(no therapist)");
  }

  // ------------------------------------------------------------------ trajectories

  private static void trajectories(StringBuilder html, Trajectories trajectories) {
    html.append("<h2>Primary-score trajectories</h2>\n");
    boolean any = false;
    int index = 0;
    for (Instrument instrument : trajectories.instruments()) {
      any = true;
      trajectory(html, trajectories, instrument, "tj" + index++);
    }
    if (!any) {
      html.append("<p>No primary-instrument scores recorded in sessions.</p>\n");
    }
    if (trajectories.beyond() > 0) {
      html.append("<p>").append(trajectories.beyond()).append(" scores in sessions numbered")
          .append(" above ").append(Trajectories.MAX_SESSION).append(" are not charted.</p>\n");
    }
  }

  private static void trajectory(StringBuilder html, Trajectories trajectories,
      Instrument instrument, String id) {
    int last = trajectories.lastSession(instrument);
    List<Integer> sessions = new ArrayList<>();
    long largest = 0;
    for (int session = 1; session <= last; session++) {
      long n = trajectories.at(instrument, session).n();
      largest = Math.max(largest, n);
      if (n > 0) {
        sessions.add(session);
      }
    }
    // Sessions scored in very few courses are listed in the table but not charted.
    long minimum = Math.min(MIN_CHARTED, largest);
    List<Integer> charted = new ArrayList<>();
    for (int session : sessions) {
      if (trajectories.at(instrument, session).n() >= minimum) {
        charted.add(session);
      }
    }
    int axisLast = charted.isEmpty() ? last : charted.get(charted.size() - 1);
    String name = instrument.displayName();
    html.append("<h3>").append(esc(name)).append(" (primary instrument of ")
        .append(trajectories.courses(instrument)).append(" courses)</h3>\n");
    double width = 860;
    double height = 260;
    double left = 44;
    double top = 12;
    double plotW = width - left - 16;
    double plotH = height - top - 36;
    int max = instrument.maxTotal();
    double step = plotW / Math.max(1, axisLast);
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    StringBuilder median = new StringBuilder();
    for (int session : charted) {
      Trajectories.Distribution d = trajectories.at(instrument, session);
      double x = left + step * (session - 0.5);
      upper.append(num(x)).append(',').append(num(y(d.quantile(0.75), max, top, plotH)))
          .append(' ');
      lower.insert(0, num(x) + "," + num(y(d.quantile(0.25), max, top, plotH)) + " ");
      median.append(num(x)).append(',').append(num(y(d.quantile(0.5), max, top, plotH)))
          .append(' ');
    }
    html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"").append(id).append("-title\" width=\"").append(num(width))
        .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
        .append(num(width)).append(' ').append(num(height)).append("\">\n<title id=\"")
        .append(id).append("-title\">").append(esc(name))
        .append(" totals by session number: median line, interquartile range shaded</title>\n");
    // grid lines at quarters of the scale
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
      html.append("<polygon fill=\"").append(NEUTRAL).append("\" fill-opacity=\"0.25\" ")
          .append("points=\"").append(upper).append(lower.toString().trim()).append("\"/>\n")
          .append("<polyline fill=\"none\" stroke=\"#1d2433\" stroke-width=\"2\" points=\"")
          .append(median.toString().trim()).append("\"/>\n");
    }
    for (int session : charted) {
      Trajectories.Distribution d = trajectories.at(instrument, session);
      double x = left + step * (session - 0.5);
      html.append("<circle cx=\"").append(num(x)).append("\" cy=\"")
          .append(num(y(d.quantile(0.5), max, top, plotH))).append("\" r=\"3\" fill=\"#1d2433\">")
          .append("<title>Session ").append(session).append(": median ")
          .append(decimal(d.quantile(0.5))).append(", quartiles ").append(decimal(d.quantile(0.25)))
          .append("-").append(decimal(d.quantile(0.75))).append(", n ").append(d.n())
          .append("</title></circle>\n");
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
        .append("session number</text>\n</svg>\n<figcaption>Median ").append(esc(name))
        .append(" total at each session number (line) with the 25th to 75th percentile")
        .append(" (shaded); n is the number of courses scored at that session. Session numbers")
        .append(" scored in fewer than ").append(minimum).append(" courses are only in the")
        .append(" table.</figcaption>\n")
        .append("</figure>\n<details><summary>").append(esc(name))
        .append(" trajectory as a table</summary>\n<table>\n<tr><th>Session</th><th>n</th>")
        .append("<th>25th percentile</th><th>Median</th><th>75th percentile</th></tr>\n");
    for (int session : sessions) {
      Trajectories.Distribution d = trajectories.at(instrument, session);
      html.append("<tr><td class=\"num\">").append(session).append("</td><td class=\"num\">")
          .append(d.n()).append("</td><td class=\"num\">").append(decimal(d.quantile(0.25)))
          .append("</td><td class=\"num\">").append(decimal(d.quantile(0.5)))
          .append("</td><td class=\"num\">").append(decimal(d.quantile(0.75)))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static double y(double value, int max, double top, double plotH) {
    return top + plotH - plotH * value / Math.max(1, max);
  }

  // ------------------------------------------------------------------ outcomes

  private static void outcomes(StringBuilder html, CohortReport report) {
    html.append("<h2>Outcomes</h2>\n<p>Response and remission on each course's primary ")
        .append("instrument (courses with a baseline and a later score); completers by each")
        .append(" profile's definition.</p>\n");
    List<Bar> bars = List.of(
        new Bar("Response", report.response().rate(), proportion(report.response())),
        new Bar("Remission", report.remission().rate(), proportion(report.remission())),
        new Bar("Completers", report.completers().rate(), proportion(report.completers())));
    barChart(html, "out-title", "Response, remission and completer rates", bars, 130, false);
    html.append("<table>\n<tr><th>Outcome</th><th>Courses</th><th>Of</th><th>Rate</th></tr>\n");
    outcomeRow(html, "Response", report.response());
    outcomeRow(html, "Remission", report.remission());
    outcomeRow(html, "Completers", report.completers());
    html.append("</table>\n");
  }

  private static void outcomeRow(StringBuilder html, String name, Proportion proportion) {
    html.append("<tr><th scope=\"row\">").append(esc(name)).append("</th><td class=\"num\">")
        .append(proportion.count()).append("</td><td class=\"num\">").append(proportion.n())
        .append("</td><td class=\"num\">").append(percent(proportion.rate()))
        .append("</td></tr>\n");
  }

  // ------------------------------------------------------------------ sessions attended

  private static void sessions(StringBuilder html, CohortReport report) {
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
    html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"sa-title\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
        .append(num(height)).append("\">\n<title id=\"sa-title\">Number of courses by sessions")
        .append(" attended</title>\n");
    for (Map.Entry<Integer, Long> entry : distribution.entrySet()) {
      double barH = plotH * entry.getValue() / maxCount;
      double x = left + step * entry.getKey();
      html.append("<rect x=\"").append(num(x + 1)).append("\" y=\"").append(num(top + plotH - barH))
          .append("\" width=\"").append(num(Math.max(1, step - 2))).append("\" height=\"")
          .append(num(barH)).append("\" fill=\"").append(NEUTRAL).append("\"><title>")
          .append(entry.getKey()).append(" sessions: ").append(entry.getValue())
          .append(" courses</title></rect>\n");
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
        .append("<details><summary>Sessions attended as a table</summary>\n<table>\n")
        .append("<tr><th>Sessions attended</th><th>Courses</th></tr>\n");
    for (Map.Entry<Integer, Long> entry : distribution.entrySet()) {
      html.append("<tr><td class=\"num\">").append(entry.getKey()).append("</td><td class=\"num\">")
          .append(entry.getValue()).append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  // ------------------------------------------------------------------ errors

  private static void errorCourses(StringBuilder html, CohortReport report) {
    html.append("<h2>Courses with ERROR findings</h2>\n");
    if (report.coursesWithErrors().isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    html.append("<p>").append(report.errorCourseCount()).append(" courses have at least one")
        .append(" ERROR finding; run <code>ipt show FILE</code> on a course for its details.</p>\n")
        .append("<ul class=\"ids\">\n");
    for (String courseId : report.coursesWithErrors()) {
      html.append("<li><code>").append(esc(courseId)).append("</code></li>\n");
    }
    html.append("</ul>\n");
  }

  // ------------------------------------------------------------------ charts

  /** One horizontal bar: a label, a share in [0, 1] (empty: n/a) and a note for its tooltip. */
  private record Bar(String label, OptionalDouble share, String note) {}

  /**
   * A horizontal bar chart of shares; {@code graded} colours each bar by how close it is to
   * 100% (for fidelity), otherwise all bars are neutral (for outcome rates).
   */
  private static void barChart(StringBuilder html, String id, String title, List<Bar> bars,
      double labelWidth, boolean graded) {
    double rowH = 18;
    double width = 860;
    double plotW = width - labelWidth - 60;
    double height = rowH * bars.size() + 24;
    html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"").append(id).append("\" width=\"").append(num(width))
        .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width))
        .append(' ').append(num(height)).append("\">\n<title id=\"").append(id).append("\">")
        .append(esc(title)).append("</title>\n");
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
          .append(esc(percent(bar.share()))).append(" (").append(esc(bar.note()))
          .append(")</title><text x=\"").append(num(labelWidth - 6)).append("\" y=\"")
          .append(num(y + 13)).append("\" font-size=\"11\" text-anchor=\"end\">")
          .append(esc(shorten(bar.label(), (int) (labelWidth / 6.5)))).append("</text>");
      if (bar.share().isPresent()) {
        double share = bar.share().getAsDouble();
        html.append("<rect x=\"").append(num(labelWidth)).append("\" y=\"").append(num(y + 3))
            .append("\" width=\"").append(num(Math.max(1, plotW * share))).append("\" height=\"")
            .append(num(rowH - 6)).append("\" fill=\"").append(graded ? colour(share) : NEUTRAL).append("\"/>");
      }
      html.append("<text x=\"").append(num(labelWidth + plotW * bar.share().orElse(0) + 4))
          .append("\" y=\"").append(num(y + 13)).append("\" font-size=\"10\">")
          .append(esc(percent(bar.share()))).append("</text></g>\n");
    }
    html.append("</svg>\n</figure>\n");
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

  private static String proportion(Proportion proportion) {
    return proportion.count() + " of " + proportion.n()
        + (proportion.n() == 0 ? "" : " (" + percent(proportion.rate()) + ")");
  }
}
