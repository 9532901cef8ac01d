package org.iptkit.examples.cli;

import java.util.List;
import org.iptkit.core.Score;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.ClinicalOutcome;

/**
 * How the tool shows a symptom-score total to a person, in its text output and its HTML pages
 * alike: a total prorated from a partly answered PHQ-9 or GAD-7 carries a mark ({@code 14*}),
 * and a page that shows one explains the mark once with {@link #NOTE}. JSON and CSV say the same
 * with their {@code prorated} field and column.
 */
public final class ScoreText {
  /** The mark after a prorated total. */
  public static final String MARK = "*";

  /** The footnote that explains the mark, once per page that shows it. */
  public static final String NOTE = MARK + " prorated: the total of a form with one or two items"
      + " unanswered, the mean of the answered items times the number of items";

  private ScoreText() {}

  /** A total as shown to a person: {@code 14}, or {@code 14*} when it is prorated. */
  public static String total(int total, boolean prorated) {
    return prorated ? total + MARK : Integer.toString(total);
  }

  /** The total of a score as shown to a person, marked when it is prorated. */
  public static String total(Score score) {
    return total(score.total(), score.prorated());
  }

  /** Whether any of the scores is prorated, so that a page showing them needs {@link #NOTE}. */
  public static boolean anyProrated(List<Score> scores) {
    for (Score score : scores) {
      if (score.prorated()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The clinical outcome of a course in one line — baseline, last, change, response and
   * remission — with a prorated baseline or last total marked: {@code PHQ-9 baseline 15*
   * (MODERATELY_SEVERE), last 8 (MILD), change -7, response, no remission}.
   *
   * @param outcome the outcome of the course's report
   * @param course the course it was computed from, whose trajectory says which of the two
   *     totals is prorated
   */
  public static String outcome(ClinicalOutcome outcome, TreatmentCourse course) {
    String instrument = outcome.instrument().displayName();
    if (outcome.baseline().isEmpty()) {
      return "no " + instrument + " recorded";
    }
    boolean[] marks = marks(outcome, course);
    StringBuilder text = new StringBuilder(instrument).append(" baseline ")
        .append(total(outcome.baseline().getAsInt(), marks[0]))
        .append(outcome.baselineBand().map(b -> " (" + b + ")").orElse(""));
    if (outcome.last().isPresent()) {
      text.append(", last ").append(total(outcome.last().getAsInt(), marks[1]))
          .append(outcome.lastBand().map(b -> " (" + b + ")").orElse(""))
          .append(", change ").append(outcome.change().getAsInt())
          .append(outcome.response().orElse(false) ? ", response" : ", no response")
          .append(outcome.remission().orElse(false) ? ", remission" : ", no remission");
    } else {
      text.append(", no later score");
    }
    return text.toString();
  }

  /** Whether the outcome line of {@link #outcome} shows a mark, so that it needs the note. */
  public static boolean outcomeMarked(ClinicalOutcome outcome) {
    return outcome.prorated() && outcome.baseline().isPresent();
  }

  /**
   * Which of baseline and last is prorated. The outcome only says that one of them is; the
   * course's trajectory on the instrument (the scores the outcome was computed from) says which.
   * Should the trajectory not bear it out, both are marked rather than neither.
   */
  private static boolean[] marks(ClinicalOutcome outcome, TreatmentCourse course) {
    if (!outcome.prorated()) {
      return new boolean[] {false, false};
    }
    List<Score> scores = course.scores(outcome.instrument());
    boolean baseline = !scores.isEmpty() && scores.get(0).prorated()
        && scores.get(0).total() == outcome.baseline().getAsInt();
    boolean last = outcome.last().isPresent() && scores.size() > 1
        && scores.get(scores.size() - 1).prorated()
        && scores.get(scores.size() - 1).total() == outcome.last().getAsInt();
    if (!baseline && !last) {
      return new boolean[] {true, outcome.last().isPresent()};
    }
    return new boolean[] {baseline, last};
  }
}
