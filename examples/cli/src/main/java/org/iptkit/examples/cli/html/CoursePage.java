package org.iptkit.examples.cli.html;

import static org.iptkit.examples.cli.html.Html.esc;
import static org.iptkit.examples.cli.html.Html.num;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.NetworkMetrics;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.SeverityBand;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.examples.cli.ScoreText;
import org.iptkit.rules.ClinicalOutcome;
import org.iptkit.rules.Finding;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.RuleResult;
import org.iptkit.rules.Severity;

/**
 * The one-course page a supervisor reviews ({@code ipt show --format html}): a session timeline
 * coloured by phase with each finding marked at its session, the primary-score trajectory over
 * its severity bands, and the closeness circles of the first and last inventory side by side,
 * each chart followed by a table with the same content. Patient references and free text are
 * never written; people are shown by relationship only.
 */
public final class CoursePage {
  private static final Map<Phase, String> PHASE_COLOURS = new EnumMap<>(Map.of(
      Phase.PRE_GROUP, "#b8bdc9",
      Phase.INITIAL, "#4e79a7",
      Phase.MIDDLE, "#59a14f",
      Phase.TERMINATION, "#f28e2b",
      Phase.MAINTENANCE, "#9c6fb0"));
  private static final String[] BAND_COLOURS = {
      "#e8f4ea", "#f4f4dc", "#fbecd6", "#f8dccb", "#f5cfcf", "#efc2c2"};

  /** The most people drawn in one closeness circle; the table counts them all. */
  static final int MARKS_PER_CIRCLE = 100;

  private CoursePage() {}

  /** Renders the page of one course with its report against {@code profile}. */
  public static String render(TreatmentCourse course, FidelityReport report,
      ProtocolProfile profile) {
    StringWriter page = new StringWriter();
    render(course, report, profile, page);
    return page.toString();
  }

  /**
   * Writes the page of one course with its report against {@code profile} to {@code out} as it
   * is built (flushed at the end, not closed), so memory does not grow with the course.
   *
   * @throws UncheckedIOException if {@code out} cannot be written
   */
  public static void render(TreatmentCourse course, FidelityReport report,
      ProtocolProfile profile, Writer out) {
    Page html = new Page(out);
    html.append(Html.open("IPT course " + course.courseId()));
    html.append("<h1>IPT course ").append(esc(course.courseId())).append("</h1>\n");
    summary(html, course, report, profile);
    timeline(html, course, report);
    findings(html, report);
    trajectory(html, course, profile.primaryInstrument(),
        !ScoreText.outcomeMarked(report.outcome()));
    circles(html, course, profile.circles());
    ruleResults(html, report);
    html.append(Html.close(new StringBuilder()));
    html.flush();
  }

  private static void summary(Page html, TreatmentCourse course, FidelityReport report,
      ProtocolProfile profile) {
    ClinicalOutcome outcome = report.outcome();
    html.append("<table aria-label=\"Course summary\">\n");
    row(html, "Protocol", profile.id() + " (" + profile.title() + ")");
    row(html, "Status", course.status());
    row(html, "Adherence", Html.percent(report.summary().adherence()));
    row(html, "Findings", count(report.summary().errors(), "error") + ", "
        + count(report.summary().warnings(), "warning") + ", "
        + count(report.summary().infos(), "info"));
    row(html, "Sessions attended / planned", outcome.sessionsAttended() + " / "
        + (outcome.sessionsPlanned().isPresent() ? outcome.sessionsPlanned().getAsInt() : "-"));
    row(html, "Completer", outcome.completer().map(b -> b ? "yes" : "no").orElse("not defined"));
    row(html, "Outcome", ScoreText.outcome(outcome, course));
    html.append("</table>\n");
    if (ScoreText.outcomeMarked(outcome)) {
      note(html);
    }
  }

  /** The footnote that explains the mark of a prorated total. */
  private static void note(Page html) {
    html.append("<p><small>").append(esc(ScoreText.NOTE)).append("</small></p>\n");
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static void row(Page html, String name, Object value) {
    html.append("<tr><th scope=\"row\">").append(esc(name)).append("</th><td>")
        .append(esc(value)).append("</td></tr>\n");
  }

  private static void timeline(Page html, TreatmentCourse course,
      FidelityReport report) {
    List<Session> sessions = course.sessionsByNumber();
    html.append("<h2>Session timeline</h2>\n");
    if (sessions.isEmpty()) {
      html.append("<p>No sessions recorded.</p>\n");
      return;
    }
    Map<Integer, Severity> worst = new TreeMap<>();
    Map<Integer, List<String>> codes = new TreeMap<>();
    for (Finding finding : report.findings()) {
      if (finding.session().isPresent()) {
        int number = finding.session().getAsInt();
        worst.merge(number, finding.severity(), (a, b) -> a.atLeast(b) ? a : b);
        codes.computeIfAbsent(number, n -> new ArrayList<>()).add(finding.rule());
      }
    }
    double cell = Math.max(14, Math.min(40, 900.0 / sessions.size()));
    double width = 40 + cell * sessions.size();
    html.append("<figure class=\"chart\" data-table=\"tl-table\">\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"tl-title\" width=\"").append(num(width))
        .append("\" height=\"110\" viewBox=\"0 0 ").append(num(width)).append(" 110\">\n")
        .append("<title id=\"tl-title\">Sessions by number, coloured by phase; marks above a")
        .append(" session show findings</title>\n");
    for (int i = 0; i < sessions.size(); i++) {
      Session session = sessions.get(i);
      double x = 20 + i * cell;
      String colour = session.phase().map(PHASE_COLOURS::get).orElse("#ffffff");
      String label = "Session " + session.number() + ", " + session.date() + ", "
          + session.attendance() + session.phase().map(p -> ", " + p).orElse("");
      html.append("<g><title>").append(esc(label));
      if (codes.containsKey(session.number())) {
        html.append("; findings: ").append(esc(String.join(", ", codes.get(session.number()))));
      }
      html.append("</title>");
      if (session.isAttended()) {
        html.append("<rect class=\"mark\" x=\"").append(num(x)).append("\" y=\"40\" width=\"")
            .append(num(cell - 2)).append("\" height=\"30\" fill=\"").append(colour)
            .append("\"/>");
      } else {
        html.append("<rect class=\"mark\" x=\"").append(num(x)).append("\" y=\"40\" width=\"")
            .append(num(cell - 2)).append("\" height=\"30\" fill=\"#ffffff\" stroke=\"#889\"")
            .append(" stroke-dasharray=\"3 2\"/>");
      }
      Severity severity = worst.get(session.number());
      if (severity != null) {
        String fill = severity == Severity.ERROR ? "#b00020"
            : severity == Severity.WARNING ? "#e0a000" : "#8890a0";
        html.append("<circle class=\"mark\" cx=\"").append(num(x + (cell - 2) / 2))
            .append("\" cy=\"28\" r=\"")
            .append(num(Math.min(6, cell / 3))).append("\" fill=\"").append(fill).append("\"/>");
      }
      if (sessions.size() <= 40 || session.number() % 5 == 0) {
        html.append("<text x=\"").append(num(x + (cell - 2) / 2)).append("\" y=\"88\" ")
            .append("font-size=\"10\" text-anchor=\"middle\">").append(session.number())
            .append("</text>");
      }
      html.append("</g>\n");
    }
    html.append("</svg>\n<figcaption class=\"legend\">");
    for (Map.Entry<Phase, String> phase : PHASE_COLOURS.entrySet()) {
      html.append("<span><i class=\"sw\" style=\"background:").append(phase.getValue())
          .append("\"></i>").append(phase.getKey()).append("</span>");
    }
    html.append("<span><i class=\"sw\"></i>not attended (dashed)</span>")
        .append("<span>dots: red error, amber warning, grey info</span></figcaption>\n")
        .append("</figure>\n<details><summary>Timeline as a table</summary>\n")
        .append("<table id=\"tl-table\">\n")
        .append("<tr><th>Session</th><th>Date</th><th>Attendance</th><th>Phase</th>")
        .append("<th>Minutes</th><th>Findings</th></tr>\n");
    for (Session session : sessions) {
      html.append("<tr><td class=\"num\">").append(session.number()).append("</td><td>")
          .append(session.date()).append("</td><td>").append(session.attendance())
          .append("</td><td>").append(session.phase().map(Enum::name).orElse(""))
          .append("</td><td class=\"num\">")
          .append(session.minutes().isPresent() ? session.minutes().getAsInt() : "")
          .append("</td><td>")
          .append(esc(String.join(", ", codes.getOrDefault(session.number(), List.of()))))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }

  private static void findings(Page html, FidelityReport report) {
    html.append("<h2>Findings</h2>\n");
    if (report.findings().isEmpty()) {
      html.append("<p>No findings: the course keeps every applicable rule.</p>\n");
      return;
    }
    html.append("<table>\n<tr><th>Rule</th><th>Severity</th><th>Session</th><th>Message</th>")
        .append("<th>Where</th></tr>\n");
    for (Finding finding : report.findings()) {
      html.append("<tr><td>").append(esc(finding.rule())).append(" ")
          .append(esc(finding.name())).append("</td><td class=\"")
          .append(finding.severity()).append("\">").append(finding.severity())
          .append("</td><td class=\"num\">")
          .append(finding.session().isPresent() ? finding.session().getAsInt() : "")
          .append("</td><td>").append(esc(finding.message())).append("</td><td><code>")
          .append(esc(finding.path().isEmpty() ? "(course)" : finding.path()))
          .append("</code></td></tr>\n");
    }
    html.append("</table>\n");
  }

  /**
   * The trajectory chart and table; a prorated total is an open point in the chart and marked in
   * the table, with the footnote when the summary did not already explain the mark.
   */
  private static void trajectory(Page html, TreatmentCourse course,
      Instrument instrument, boolean explain) {
    List<Score> scores = course.scores(instrument);
    html.append("<h2>").append(esc(instrument.displayName())).append(" trajectory</h2>\n");
    if (scores.isEmpty()) {
      html.append("<p>No ").append(esc(instrument.displayName())).append(" recorded.</p>\n");
      return;
    }
    double width = 800;
    double height = 240;
    double left = 40;
    double top = 10;
    double plotW = width - left - 180;
    double plotH = height - top - 30;
    int max = instrument.maxTotal();
    boolean prorated = ScoreText.anyProrated(scores);
    html.append("<figure class=\"chart\" data-table=\"tr-table\">\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
        .append("aria-labelledby=\"tr-title\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(" ")
        .append(num(height)).append("\">\n<title id=\"tr-title\">")
        .append(esc(instrument.displayName()))
        .append(" totals over the course, drawn over the instrument's severity bands</title>\n");
    List<SeverityBand> bands = instrument.bands();
    for (int b = 0; b < bands.size(); b++) {
      int from = instrument.bandStart(bands.get(b));
      int to = b + 1 < bands.size() ? instrument.bandStart(bands.get(b + 1)) : max + 1;
      double y1 = top + plotH - plotH * to / (max + 1.0);
      double y2 = top + plotH - plotH * from / (max + 1.0);
      html.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(y1))
          .append("\" width=\"").append(num(plotW)).append("\" height=\"").append(num(y2 - y1))
          .append("\" fill=\"").append(BAND_COLOURS[Math.min(b, BAND_COLOURS.length - 1)])
          .append("\"><title>").append(bands.get(b)).append(" ").append(from).append("-")
          .append(to - 1).append("</title></rect>\n<text x=\"").append(num(left + plotW + 6))
          .append("\" y=\"").append(num((y1 + y2) / 2 + 3)).append("\" font-size=\"9\" ")
          .append("fill=\"#556\">").append(bands.get(b)).append(" ").append(from).append("-")
          .append(to - 1).append("</text>\n");
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < scores.size(); i++) {
      double x = left + (scores.size() == 1 ? plotW / 2 : plotW * i / (scores.size() - 1.0));
      double y = top + plotH - plotH * (scores.get(i).total() + 0.5) / (max + 1.0);
      points.append(num(x)).append(',').append(num(y)).append(' ');
    }
    html.append("<polyline class=\"mark\" fill=\"none\" stroke=\"#1d2433\" stroke-width=\"2\" ")
        .append("points=\"")
        .append(points.toString().trim()).append("\"/>\n");
    String[] xy = points.toString().trim().split(" ");
    for (int i = 0; i < scores.size(); i++) {
      Score score = scores.get(i);
      String[] p = xy[i].split(",");
      html.append("<circle class=\"mark\" cx=\"").append(p[0]).append("\" cy=\"").append(p[1])
          .append("\" r=\"4\" ")
          .append(score.prorated() ? "fill=\"#ffffff\" stroke=\"#1d2433\" stroke-width=\"2\""
              : "fill=\"#1d2433\"").append("><title>").append(score.date())
          .append(score.sessionNumber().isPresent()
              ? ", session " + score.sessionNumber().getAsInt() : ", outside a session")
          .append(": ").append(ScoreText.total(score)).append(" (").append(score.band())
          .append(score.prorated() ? "), prorated</title></circle>\n" : ")</title></circle>\n");
    }
    html.append("<text x=\"4\" y=\"").append(num(top + 10)).append("\" font-size=\"10\">")
        .append(max).append("</text><text x=\"4\" y=\"").append(num(top + plotH))
        .append("\" font-size=\"10\">0</text>\n</svg>\n<figcaption>Each point is one ")
        .append(esc(instrument.displayName())).append(" total, in date order")
        .append(prorated ? "; open points are prorated totals (" + ScoreText.MARK + ")" : "")
        .append(".</figcaption>\n")
        .append("</figure>\n<table id=\"tr-table\">\n<tr><th>Date</th><th>Session</th>")
        .append("<th>Total</th>")
        .append("<th>Band</th></tr>\n");
    for (Score score : scores) {
      html.append("<tr><td>").append(score.date()).append("</td><td class=\"num\">")
          .append(score.sessionNumber().isPresent() ? score.sessionNumber().getAsInt() : "")
          .append("</td><td class=\"num\">").append(ScoreText.total(score)).append("</td><td>")
          .append(score.band()).append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (prorated && explain) {
      note(html);
    }
  }

  private static void circles(Page html, TreatmentCourse course, int circles) {
    html.append("<h2>Closeness circles</h2>\n");
    Optional<InterpersonalInventory> first = course.firstInventory();
    Optional<InterpersonalInventory> last = course.lastInventory();
    if (first.isEmpty()) {
      html.append("<p>No interpersonal inventory recorded.</p>\n");
      return;
    }
    html.append("<p>People are placed in their closeness circle (1 = inner); filled marks are")
        .append(" confidants, red outlines mark conflict. People are shown by relationship")
        .append(" only.</p>\n<div>");
    circle(html, first.get(), circles, "First inventory", "c1");
    if (last.get() != first.get()) {
      circle(html, last.get(), circles, "Last inventory", "c2");
    }
    html.append("</div>\n<table id=\"nc-table\">\n<tr><th></th><th>People</th>")
        .append("<th>Inner circle</th>")
        .append("<th>Confidants</th><th>Conflicts</th><th>Changed near onset</th></tr>\n");
    metricsRow(html, "First (" + first.get().takenOn() + ")", first.get().metrics());
    if (last.get() != first.get()) {
      metricsRow(html, "Last (" + last.get().takenOn() + ")", last.get().metrics());
    }
    html.append("</table>\n");
  }

  private static void metricsRow(Page html, String label, NetworkMetrics metrics) {
    html.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td class=\"num\">")
        .append(metrics.size()).append("</td><td class=\"num\">").append(metrics.innerCircle())
        .append("</td><td class=\"num\">").append(metrics.confidants())
        .append("</td><td class=\"num\">").append(metrics.conflicts())
        .append("</td><td class=\"num\">").append(metrics.changedNearOnset())
        .append("</td></tr>\n");
  }

  private static void circle(Page html, InterpersonalInventory inventory, int circles,
      String title, String id) {
    double size = 300;
    double centre = size / 2;
    double ring = (centre - 20) / Math.max(1, circles);
    html.append("<figure class=\"chart\" data-table=\"nc-table\" ")
        .append("style=\"display:inline-block;margin-right:2rem\">\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
        .append(id).append("-title\" width=\"300\" height=\"300\" viewBox=\"0 0 300 300\">\n")
        .append("<title id=\"").append(id).append("-title\">").append(esc(title))
        .append(" taken ").append(inventory.takenOn()).append(": ")
        .append(Html.count(inventory.people().size(), "person", "people")).append("</title>\n");
    for (int c = circles; c >= 1; c--) {
      html.append("<circle cx=\"150\" cy=\"150\" r=\"").append(num(ring * c))
          .append("\" fill=\"").append(c == 1 ? "#eef2fa" : "#ffffff")
          .append("\" stroke=\"#aab\"/>\n");
    }
    Map<Integer, List<Person>> byCircle = new TreeMap<>();
    List<Person> unplaced = new ArrayList<>();
    for (Person person : inventory.people()) {
      if (person.circle().isPresent() && person.circle().getAsInt() <= circles) {
        byCircle.computeIfAbsent(person.circle().getAsInt(), k -> new ArrayList<>()).add(person);
      } else {
        unplaced.add(person);
      }
    }
    long notDrawn = 0;
    for (Map.Entry<Integer, List<Person>> entry : byCircle.entrySet()) {
      List<Person> all = entry.getValue();
      // A ring of a 300-pixel chart shows a few dozen marks at most: the rest are counted.
      List<Person> people = all.subList(0, Math.min(all.size(), MARKS_PER_CIRCLE));
      notDrawn += all.size() - people.size();
      // Halfway into the ring, a little further out in the inner circle to keep clear of the
      // patient's mark at the centre.
      double radius = ring * (entry.getKey() - (entry.getKey() == 1 ? 0.35 : 0.5));
      for (int i = 0; i < people.size(); i++) {
        Person person = people.get(i);
        double angle = 2 * Math.PI * i / people.size() - Math.PI / 2 + entry.getKey() * 0.4;
        double x = centre + radius * Math.cos(angle);
        double y = centre + radius * Math.sin(angle);
        String relation = person.relationship().map(Enum::name).orElse("UNKNOWN");
        html.append("<g><title>").append(relation).append(", circle ").append(entry.getKey())
            .append(person.confidant() ? ", confidant" : "")
            .append(person.conflict() ? ", conflict" : "")
            .append(person.deceased() ? ", deceased" : "").append("</title><circle class=\"mark\" cx=\"")
            .append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"7\" fill=\"")
            .append(person.confidant() ? "#4e79a7" : "#ffffff").append("\" stroke=\"")
            .append(person.conflict() ? "#b00020" : "#1d2433").append("\" stroke-width=\"2\"")
            .append(person.deceased() ? " stroke-dasharray=\"2 2\"" : "")
            .append("/><text x=\"").append(num(x)).append("\" y=\"").append(num(y + 18))
            .append("\" font-size=\"8\" text-anchor=\"middle\">").append(relation)
            .append("</text></g>\n");
      }
    }
    html.append("<circle class=\"mark\" cx=\"150\" cy=\"150\" r=\"5\" fill=\"#1d2433\">")
        .append("<title>the patient")
        .append("</title></circle>\n</svg>\n<figcaption>").append(esc(title)).append(", ")
        .append(inventory.takenOn());
    if (!unplaced.isEmpty()) {
      html.append("; ").append(unplaced.size()).append(" without a valid circle");
    }
    if (notDrawn > 0) {
      html.append("; ").append(notDrawn).append(" more not drawn (at most ")
          .append(MARKS_PER_CIRCLE).append(" marks a circle)");
    }
    html.append("</figcaption>\n</figure>\n");
  }

  private static void ruleResults(Page html, FidelityReport report) {
    html.append("<h2>Rule outcomes</h2>\n<details><summary>Every rule's outcome</summary>\n")
        .append("<table>\n<tr><th>Rule</th><th>Outcome</th><th>Reason</th></tr>\n");
    for (RuleResult result : report.results()) {
      html.append("<tr><td>").append(esc(result.rule())).append("</td><td>")
          .append(result.outcome()).append("</td><td>")
          .append(esc(result.reason().orElse(""))).append("</td></tr>\n");
    }
    html.append("</table>\n</details>\n");
  }
}
