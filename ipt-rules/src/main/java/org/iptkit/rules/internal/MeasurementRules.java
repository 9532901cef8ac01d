package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.List;
import org.iptkit.core.Measure;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.rules.Severity;

/** The M rules of rules.md: measurement and safety. */
public final class MeasurementRules {
  private MeasurementRules() {}

  static final RuleDefinition M04 = define("M04", "safety-item-followed-up", Severity.ERROR,
      "Whenever a safety item is positive (PHQ-9 item 9, EPDS item 10, HAM-D item 3, BDI-II"
          + " item 9 >= 1), the same session records RISK_ASSESSED. Never switched off.",
      "A positive suicide item calls for a suicide risk assessment in the same session.",
      "Kroenke 2001; Cox 1987; domain.md section 7",
      MeasurementRules::safetyItemFollowedUp);

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(M04);
  }

  private static Evaluation safetyItemFollowedUp(CourseFacts facts) {
    Evaluation.Collector found = Evaluation.collect();
    for (Session session : facts.attended()) {
      List<Measure> measures = session.measures();
      for (int i = 0; i < measures.size(); i++) {
        Measure measure = measures.get(i);
        if (measure.safetyItemPositive() && !session.has(SessionTask.RISK_ASSESSED)) {
          int item = measure.instrument().safetyItem().getAsInt();
          found.add(session, facts.pointer(session, "measures", i),
              measure.instrument().displayName() + " item " + item + " scored "
                  + measure.safetyItemScore().getAsInt() + " in session " + session.number()
                  + " but no risk assessment was recorded");
        }
      }
    }
    return found.result();
  }
}
