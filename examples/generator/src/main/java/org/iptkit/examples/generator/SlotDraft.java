package org.iptkit.examples.generator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.iptkit.core.Attendance;
import org.iptkit.core.Measure;
import org.iptkit.core.Modality;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.Technique;

/**
 * A scheduled session while a course is being generated (mutable, confined to one generation).
 * Its date is the previous slot's date plus {@link #interval}; its number is its position,
 * assigned when the course is built, so slots can be inserted without renumbering by hand.
 */
final class SlotDraft {
  /** Tasks that belong to the session's place in the course, not to its phase content. */
  static final EnumSet<SessionTask> POSITIONAL = EnumSet.of(SessionTask.RISK_ASSESSED,
      SessionTask.TREATMENT_PLAN_REVIEWED, SessionTask.FURTHER_TREATMENT_OFFERED,
      SessionTask.ENDING_DISCUSSED);

  Attendance attendance = Attendance.ATTENDED;
  int interval;
  Phase phase;
  Setting setting;
  Modality modality;
  Integer minutes;
  String cpt;
  EnumSet<SessionTask> tasks = EnumSet.noneOf(SessionTask.class);
  EnumSet<Technique> techniques = EnumSet.noneOf(Technique.class);
  EnumSet<ProblemAreaType> focus = EnumSet.noneOf(ProblemAreaType.class);
  /** The primary measure, if taken. */
  Measure primary;
  /** Other measures taken in the session. */
  List<Measure> secondary = new ArrayList<>();

  boolean attended() {
    return attendance == Attendance.ATTENDED;
  }

  boolean preGroup() {
    return phase == Phase.PRE_GROUP;
  }

  /** A missed appointment: no phase, length, tasks or measures. */
  static SlotDraft missed(Attendance attendance) {
    SlotDraft slot = new SlotDraft();
    slot.attendance = attendance;
    return slot;
  }

  /** Swaps the phase content (phase, setting, non-positional tasks, IPT techniques, focus). */
  void swapContent(SlotDraft other) {
    Phase p = phase;
    phase = other.phase;
    other.phase = p;
    Setting s = setting;
    setting = other.setting;
    other.setting = s;
    EnumSet<SessionTask> mine = EnumSet.copyOf(tasks);
    EnumSet<SessionTask> theirs = EnumSet.copyOf(other.tasks);
    tasks.retainAll(POSITIONAL);
    other.tasks.retainAll(POSITIONAL);
    mine.removeAll(POSITIONAL);
    theirs.removeAll(POSITIONAL);
    tasks.addAll(theirs);
    other.tasks.addAll(mine);
    // IPT techniques belong to the phase content; a recorded non-IPT technique stays where it
    // was used.
    EnumSet<Technique> myIpt = EnumSet.noneOf(Technique.class);
    EnumSet<Technique> theirIpt = EnumSet.noneOf(Technique.class);
    for (Technique technique : techniques) {
      if (technique.isIpt()) {
        myIpt.add(technique);
      }
    }
    for (Technique technique : other.techniques) {
      if (technique.isIpt()) {
        theirIpt.add(technique);
      }
    }
    techniques.removeAll(myIpt);
    other.techniques.removeAll(theirIpt);
    techniques.addAll(theirIpt);
    other.techniques.addAll(myIpt);
    EnumSet<ProblemAreaType> f = focus;
    focus = other.focus;
    other.focus = f;
  }
}
