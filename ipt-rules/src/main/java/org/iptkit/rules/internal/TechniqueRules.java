package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.List;
import java.util.Set;
import org.iptkit.core.Phase;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.rules.Severity;

/** The T rules of docs/rules.md: IPT techniques used, proscribed techniques avoided. */
public final class TechniqueRules {
  private TechniqueRules() {}

  static final RuleDefinition T01 = define("T01", "non-ipt-technique", Severity.WARNING,
      "No proscribed technique (transference, dream or genetic interpretation, free association,"
          + " cognitive restructuring, assigned homework) in any session unless the profile allows"
          + " it. One finding per session and technique.",
      "Adherence scales treat these techniques as outside IPT; using them blurs the treatment.",
      "Markowitz Pocket Guide; Stuart 2006",
      TechniqueRules::nonIptTechnique)
      .does("use IPT techniques only: leave out those the protocol does not allow");

  static final RuleDefinition T02 = define("T02", "interim-review", Severity.INFO,
      "Each MIDDLE session records INTERIM_REVIEW (mood linked to the week's events).",
      "Every middle-phase session opens by linking mood to the interpersonal events of the week.",
      "IPTUK; Markowitz Pocket Guide",
      TechniqueRules::interimReview)
      .acutePhasesOnly().acuteTreatment().task(SessionTask.INTERIM_REVIEW)
      .does("open with the interim review: link mood to the week's interpersonal events");

  static final RuleDefinition T03 = define("T03", "ipt-technique-used", Severity.WARNING,
      "Each MIDDLE session records at least one IPT technique.",
      "The middle phase works on the focus with IPT techniques.",
      "W2018 ch.10; Klerman 1984",
      TechniqueRules::iptTechniqueUsed)
      .acutePhasesOnly().acuteTreatment()
      .does("use at least one IPT technique on the chosen problem area");

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(T01, T02, T03);
  }

  private static Evaluation nonIptTechnique(CourseFacts facts) {
    List<Session> attended = facts.attended();
    if (attended.isEmpty()) {
      return Evaluation.notApplicable("no attended sessions");
    }
    Set<Technique> allowed = facts.profile().allowedTechniques();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/allowedTechniques");
    for (int i = 0; i < attended.size(); i++) {
      Session session = attended.get(i);
      // A session's techniques are an enumeration set: they come in declaration order, the
      // order the findings have always been reported in.
      for (Technique technique : session.techniques()) {
        if (!technique.isIpt() && !allowed.contains(technique)) {
          found.addAt(session, "techniques",
              () -> FocusRules.words(technique) + ", a technique outside IPT that the protocol"
                  + " does not allow, was recorded in session " + session.number());
        }
      }
    }
    return found.result();
  }

  private static Evaluation interimReview(CourseFacts facts) {
    List<Session> middle = facts.sessionsIn(Phase.MIDDLE);
    if (middle.isEmpty()) {
      return Evaluation.notApplicable(FocusRules.NO_MIDDLE);
    }
    Evaluation.Collector found = Evaluation.collect();
    for (Session session : middle) {
      if (!session.has(SessionTask.INTERIM_REVIEW)) {
        found.addAt(session, "tasks", () -> "middle-phase session "
            + session.number() + " records no interim review");
      }
    }
    return found.result();
  }

  private static Evaluation iptTechniqueUsed(CourseFacts facts) {
    List<Session> middle = facts.sessionsIn(Phase.MIDDLE);
    if (middle.isEmpty()) {
      return Evaluation.notApplicable(FocusRules.NO_MIDDLE);
    }
    Evaluation.Collector found = Evaluation.collect();
    for (Session session : middle) {
      boolean ipt = false;
      for (Technique technique : session.techniques()) {
        if (technique.isIpt()) {
          ipt = true;
          break;
        }
      }
      if (!ipt) {
        found.addAt(session, "techniques", () -> "middle-phase session "
            + session.number() + " records no IPT technique");
      }
    }
    return found.result();
  }
}
