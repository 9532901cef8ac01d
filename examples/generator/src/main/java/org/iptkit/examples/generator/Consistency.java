package org.iptkit.examples.generator;

import java.util.List;
import java.util.SplittableRandom;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Instrument;
import org.iptkit.core.Measure;
import org.iptkit.core.Score;
import org.iptkit.core.SessionTask;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.rules.ProtocolProfile;

/**
 * The follow-ups a careful therapist records once the scores are known: a risk assessment in
 * every session with a positive safety item (M04), a treatment plan review in every session
 * whose score rose by the deterioration threshold above the lowest earlier score (M05), and further treatment offered in one of
 * the last two sessions when the course ends without response or above the cut-off (E05).
 * Sessions a deviation marked are skipped, so the deviation stays.
 */
final class Consistency {
  private Consistency() {}

  static void apply(CourseDraft draft, SplittableRandom rng) {
    ProtocolProfile profile = draft.plan.profile;
    List<SlotDraft> attended = draft.attended();
    for (SlotDraft slot : attended) {
      boolean positive = slot.primary != null && slot.primary.safetyItemPositive();
      for (Measure measure : slot.secondary) {
        positive |= measure.safetyItemPositive();
      }
      if (positive && !draft.noRiskAssessment.contains(slot)) {
        slot.tasks.add(SessionTask.RISK_ASSESSED);
      }
    }
    TreatmentCourse course = draft.build();
    Instrument instrument = profile.primaryInstrument();
    List<Score> scores = course.scores(instrument);
    if (scores.isEmpty()) {
      requireNoOfferDeviation(draft, false);
      return;
    }
    int baseline = scores.get(0).total();
    int threshold = profile.deteriorationThreshold();
    // Rule M05: a rise by the threshold above the lowest earlier total, baseline included.
    int lowest = baseline;
    for (Score score : scores) {
      if (score.sessionNumber().isPresent() && score.total() >= lowest + threshold) {
        SlotDraft slot = draft.slots.get(score.sessionNumber().getAsInt() - 1);
        if (!draft.noPlanReview.contains(slot)) {
          slot.tasks.add(SessionTask.TREATMENT_PLAN_REVIEWED);
        }
      }
      lowest = Math.min(lowest, score.total());
    }
    boolean ended = draft.status() != CourseStatus.ONGOING;
    int last = scores.get(scores.size() - 1).total();
    boolean due = ended && scores.size() >= 2
        && (!instrument.isResponse(baseline, last) || instrument.isAtOrAboveCutOff(last));
    requireNoOfferDeviation(draft, due);
    if (ended && (due || draft.offerAlways) && !draft.noFurtherTreatment) {
      SlotDraft at = attended.size() >= 2 && rng.nextDouble() < 0.25
          ? attended.get(attended.size() - 2) : attended.get(attended.size() - 1);
      at.tasks.add(SessionTask.FURTHER_TREATMENT_OFFERED);
    }
  }

  private static void requireNoOfferDeviation(CourseDraft draft, boolean due) {
    if (draft.noFurtherTreatment && !due) {
      throw new IllegalStateException(
          "generator error: E05 deviation planned but the course does not require an offer");
    }
  }
}
