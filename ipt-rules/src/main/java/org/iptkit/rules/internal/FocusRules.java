package org.iptkit.rules.internal;

import static org.iptkit.rules.internal.RuleDefinition.define;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.Grief;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.rules.Severity;

/**
 * The F rules of docs/rules.md: the focus of treatment, that is the chosen problem areas, their
 * details, the people they name and the middle-phase work on them.
 */
public final class FocusRules {
  private FocusRules() {}

  static final String NO_AREA = "no problem area chosen (I06 reports it)";
  static final String NO_MIDDLE = "no middle-phase sessions";

  static final RuleDefinition F01 = define("F01", "focus-limit", Severity.WARNING,
      "At most the profile's maximum number of problem areas (default 2).",
      "IPT keeps one primary focus and at most two problem areas, so the work stays focused.",
      "ISIPT; W2018 ch.5",
      FocusRules::focusLimit)
      .action(p -> "keep to at most " + p.maxAreas() + (p.maxAreas() == 1 ? " problem area" : " problem areas"));

  static final RuleDefinition F02 = define("F02", "deficits-last-resort", Severity.WARNING,
      "INTERPERSONAL_DEFICITS is not combined with another area.",
      "Interpersonal deficits is the area of last resort, chosen only when no other area applies.",
      "ISIPT; W2018 ch.7",
      FocusRules::deficitsLastResort)
      .does("choose interpersonal deficits only when no other problem area applies");

  static final RuleDefinition F03 = define("F03", "focus-details", Severity.ERROR,
      "Each area carries its details: GRIEF names the deceased person; ROLE_DISPUTE names the"
          + " other person and a stage; ROLE_TRANSITION names the old and new role.",
      "The strategies of each area work on a named person, dispute stage or pair of roles.",
      "W2018 ch.5; Markowitz Pocket Guide",
      FocusRules::focusDetails)
      .does("record each problem area's details: the deceased person, the other person and stage of a dispute, the old and new roles");

  static final RuleDefinition F04 = define("F04", "focus-people-in-inventory", Severity.ERROR,
      "Every person a problem area names is in some inventory of the course (GRIEF: marked"
          + " deceased). No inventory at all: one finding per named person.",
      "The focus grows out of the interpersonal inventory, so its people must have been reviewed.",
      "ISIPT; Markowitz Pocket Guide",
      FocusRules::focusPeopleInInventory)
      .does("add the people the problem areas name to the interpersonal inventory");

  static final RuleDefinition F05 = define("F05", "middle-on-focus", Severity.WARNING,
      "At least the profile's share (default 0.75) of MIDDLE sessions address a chosen area;"
          + " each other middle session is reported.",
      "The middle phase works on the chosen problem area(s); drifting off focus dilutes IPT.",
      "IPTUK; Markowitz Pocket Guide",
      FocusRules::middleOnFocus)
      .acutePhasesOnly().acuteTreatment()
      .does("work on a chosen problem area in this session");

  static final RuleDefinition F06 = define("F06", "area-strategies", Severity.WARNING,
      "For each chosen area, its core strategy (tasks and techniques) is recorded at least once"
          + " in the middle phase. Due for COMPLETED courses, and for others once a TERMINATION"
          + " session shows the middle phase has ended.",
      "Each problem area has its own middle-phase strategies; the focus is worked on with them.",
      "W2018 ch.5; ISIPT",
      FocusRules::areaStrategies)
      .acutePhasesOnly().acuteTreatment().dueBy()
      .does("use each chosen problem area's core strategies in the middle phase");

  /** The rules of this domain, in code order. */
  public static List<RuleDefinition> rules() {
    return List.of(F01, F02, F03, F04, F05, F06);
  }

  private static Evaluation focusLimit(CourseFacts facts) {
    List<ProblemArea> areas = facts.course().problemAreas();
    if (areas.isEmpty()) {
      return Evaluation.notApplicable(NO_AREA);
    }
    int max = facts.profile().maxAreas();
    Evaluation.Collector found = Evaluation.collect().protocolPath("/focus/maxAreas");
    if (areas.size() > max) {
      found.add("/problemAreas", () -> areas.size()
          + " problem areas were chosen; the protocol allows at most " + max);
    }
    return found.result();
  }

  private static Evaluation deficitsLastResort(CourseFacts facts) {
    List<ProblemArea> areas = facts.course().problemAreas();
    if (areas.isEmpty()) {
      return Evaluation.notApplicable(NO_AREA);
    }
    Set<ProblemAreaType> others = EnumSet.noneOf(ProblemAreaType.class);
    boolean deficits = false;
    for (ProblemArea area : areas) {
      if (area.type() == ProblemAreaType.INTERPERSONAL_DEFICITS) {
        deficits = true;
      } else {
        others.add(area.type());
      }
    }
    Evaluation.Collector found = Evaluation.collect();
    if (deficits && !others.isEmpty()) {
      for (int i = 0; i < areas.size(); i++) {
        if (areas.get(i).type() == ProblemAreaType.INTERPERSONAL_DEFICITS) {
          int at = i;
          found.add(() -> areaPath(at), () -> "interpersonal deficits (problem area "
              + (at + 1) + ") is combined with " + join(others)
              + "; it is the area of last resort, chosen only when no other area applies");
        }
      }
    }
    return found.result();
  }

  private static Evaluation focusDetails(CourseFacts facts) {
    List<ProblemArea> areas = facts.course().problemAreas();
    if (areas.isEmpty()) {
      return Evaluation.notApplicable(NO_AREA);
    }
    Evaluation.Collector found = Evaluation.collect();
    for (int i = 0; i < areas.size(); i++) {
      ProblemArea area = areas.get(i);
      int at = i;
      // Pointers and texts are built only for a finding.
      if (area instanceof Grief grief) {
        if (isBlank(grief.personId())) {
          found.add(() -> areaPath(at) + "/personId", () -> which(at, area)
              + " does not name the deceased person");
        }
      } else if (area instanceof RoleDispute dispute) {
        if (isBlank(dispute.personId())) {
          found.add(() -> areaPath(at) + "/personId", () -> which(at, area)
              + " does not name the other person in the dispute");
        }
        if (dispute.stage().isEmpty()) {
          found.add(() -> areaPath(at) + "/stage", () -> which(at, area)
              + " does not give the stage of the dispute");
        }
      } else if (area instanceof RoleTransition transition) {
        if (isBlank(transition.fromRole())) {
          found.add(() -> areaPath(at) + "/fromRole",
              () -> which(at, area) + " does not name the old role");
        }
        if (isBlank(transition.toRole())) {
          found.add(() -> areaPath(at) + "/toRole",
              () -> which(at, area) + " does not name the new role");
        }
      }
    }
    return found.actionable().result();
  }

  private static Evaluation focusPeopleInInventory(CourseFacts facts) {
    List<ProblemArea> areas = facts.course().problemAreas();
    List<InterpersonalInventory> inventories = facts.course().inventories();
    Evaluation.Collector found = Evaluation.collect();
    boolean named = false;
    for (int i = 0; i < areas.size(); i++) {
      ProblemArea area = areas.get(i);
      int at = i;
      Optional<String> personId = area.personId();
      if (isBlank(personId)) {
        continue;
      }
      named = true;
      if (inventories.isEmpty()) {
        found.add(() -> areaPath(at) + "/personId", () -> "the " + named(at, area)
            + " cannot be found: no interpersonal inventory was recorded");
        continue;
      }
      boolean listed = false;
      boolean deceased = false;
      for (InterpersonalInventory inventory : inventories) {
        for (Person person : inventory.people()) {
          if (person.id().equals(personId.get())) {
            listed = true;
            deceased |= person.deceased();
          }
        }
      }
      if (!listed) {
        found.add(() -> areaPath(at) + "/personId", () -> "the " + named(at, area)
            + " is not listed in any interpersonal inventory");
      } else if (area.type() == ProblemAreaType.GRIEF && !deceased) {
        found.add(() -> areaPath(at) + "/personId", () -> "the " + named(at, area)
            + " is listed in the inventory but not marked deceased");
      }
    }
    if (!named) {
      return Evaluation.notApplicable("no problem area names a person");
    }
    return found.actionable().result();
  }

  private static Evaluation middleOnFocus(CourseFacts facts) {
    List<Session> middle = facts.sessionsIn(Phase.MIDDLE);
    if (middle.isEmpty()) {
      return Evaluation.notApplicable(NO_MIDDLE);
    }
    Set<ProblemAreaType> chosen = facts.course().problemAreaTypes();
    if (chosen.isEmpty()) {
      return Evaluation.notApplicable(NO_AREA);
    }
    int onFocus = 0;
    ProblemAreaType[] chosenTypes = chosen.toArray(new ProblemAreaType[0]);
    for (Session session : middle) {
      if (addressesAny(session, chosenTypes)) {
        onFocus++;
      }
    }
    double required = facts.profile().middleOnFocusShare();
    // A small tolerance so that, e.g., 7 of 10 sessions keeps a share of 0.7.
    if ((double) onFocus / middle.size() + 1e-9 >= required) {
      return Evaluation.pass();
    }
    int addressed = onFocus;
    Evaluation.Collector found = Evaluation.collect().protocolPath("/focus/middleOnFocusShare");
    for (Session session : middle) {
      if (!addressesAny(session, chosenTypes)) {
        found.addAt(session, "focus", () -> "session " + session.number()
            + " did not address a chosen problem area; " + addressed + " of " + middle.size()
            + " middle-phase sessions (" + percentDown((double) addressed / middle.size())
            + ") addressed a chosen problem area; the protocol expects at least "
            + percent(required));
      }
    }
    return found.result();
  }

  private static Evaluation areaStrategies(CourseFacts facts) {
    List<ProblemArea> areas = facts.course().problemAreas();
    if (areas.isEmpty()) {
      return Evaluation.notApplicable(NO_AREA);
    }
    if (facts.status() != CourseStatus.COMPLETED
        && facts.sessionsIn(Phase.TERMINATION).isEmpty()) {
      return Evaluation.notApplicable("the middle phase has not ended");
    }
    List<Session> middle = facts.sessionsIn(Phase.MIDDLE);
    if (middle.isEmpty()) {
      return Evaluation.notApplicable(NO_MIDDLE + " (P03 reports it)");
    }
    // Each core strategy is looked up in the middle sessions until one records it, rather than
    // gathering every session's tasks and techniques first: most are found in the first few.
    Evaluation.Collector found = Evaluation.collect();
    for (int i = 0; i < areas.size(); i++) {
      ProblemAreaType type = areas.get(i).type();
      StringBuilder missing = new StringBuilder();
      int count = 0;
      for (SessionTask task : type.coreTasks()) {
        if (!anyHas(middle, task)) {
          count = append(missing, strategyName(task), count);
        }
      }
      for (Technique technique : type.coreTechniques()) {
        if (!anyUses(middle, technique)) {
          count = append(missing, words(technique), count);
        }
      }
      if (count > 0) {
        int at = i;
        boolean one = count == 1;
        found.add(() -> areaPath(at), () -> "problem area " + (at + 1) + " ("
            + areaName(type) + "): " + missing + (one ? " was" : " were")
            + " never recorded in a middle-phase session");
      }
    }
    return found.actionable().result();
  }

  private static boolean anyHas(List<Session> sessions, SessionTask task) {
    for (int i = 0; i < sessions.size(); i++) {
      if (sessions.get(i).has(task)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyUses(List<Session> sessions, Technique technique) {
    for (int i = 0; i < sessions.size(); i++) {
      if (sessions.get(i).uses(technique)) {
        return true;
      }
    }
    return false;
  }

  private static String areaPath(int index) {
    return "/problemAreas/" + index;
  }

  /** "problem area 2 (role dispute)": the area at {@code index}, for a message. */
  private static String which(int index, ProblemArea area) {
    return "problem area " + (index + 1) + " (" + areaName(area.type()) + ")";
  }

  /** "person named by problem area 2 (role dispute)", for a message. */
  private static String named(int index, ProblemArea area) {
    return "person named by " + which(index, area);
  }

  private static boolean addressesAny(Session session, ProblemAreaType[] chosen) {
    // The chosen areas (one or two) are asked of the session's focus, which takes no iterator.
    Set<ProblemAreaType> focus = session.focus();
    for (ProblemAreaType type : chosen) {
      if (focus.contains(type)) {
        return true;
      }
    }
    return false;
  }

  private static int append(StringBuilder list, String item, int count) {
    if (count > 0) {
      list.append(" and ");
    }
    list.append(item);
    return count + 1;
  }

  private static boolean isBlank(Optional<String> text) {
    return text.isEmpty() || text.get().isBlank();
  }

  private static String join(Set<ProblemAreaType> types) {
    StringBuilder text = new StringBuilder();
    int count = 0;
    for (ProblemAreaType type : types) {
      count = append(text, areaName(type), count);
    }
    return text.toString();
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** A share as a whole percentage rounded down, so a share just short is never shown as met. */
  private static String percentDown(double share) {
    return (long) Math.floor(share * 100 + 1e-9) + "%";
  }

  /** The clinical name of a middle-phase strategy task (rule F06). */
  private static String strategyName(SessionTask task) {
    return switch (task) {
      case MOURNING_FACILITATED -> "facilitating mourning";
      case RELATIONSHIP_RECONSTRUCTED -> "reconstructing the relationship with the deceased";
      case DISPUTE_STAGE_ASSESSED -> "assessing the dispute and its stage";
      case OLD_NEW_ROLES_EVALUATED -> "evaluating the old and new roles";
      case PAST_RELATIONSHIPS_REVIEWED -> "reviewing past relationships";
      default -> words(task);
    };
  }

  /** The clinical name of a problem area, e.g. "role dispute". */
  static String areaName(ProblemAreaType type) {
    return words(type);
  }

  /** An enum constant in plain lower-case words, e.g. "communication analysis". */
  static String words(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
