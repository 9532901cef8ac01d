package org.iptkit.json.internal;

import java.util.Map;
import org.iptkit.core.Technique;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.RuleCatalog;
import org.iptkit.rules.RuleSetting;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a protocol profile in the shape of docs/format.md, Protocol profile, complete (every
 * parameter, defaults included) so it reads back equal without a parent: {@code id}, {@code title},
 * {@code basedOn} and {@code source} where present, then the parameters in the documented order. A
 * profile without acute phases has no {@code phases.initial} and {@code phases.termination}; its
 * {@code phases} object still carries {@code endingLeadSessions}. Optional parameters that are
 * not set (the source, the phases, the deterioration threshold, the completer's minimum sessions)
 * are left out, or, in a profile with {@code basedOn}, written as {@code null} so that reading
 * does not inherit the parent's value in their place. Rule settings come in catalog order,
 * allowed techniques in the order of their enumeration.
 */
public final class ProfileJsonWriter {
  private ProfileJsonWriter() {}

  /** Writes one profile document. */
  public static void write(JsonGenerator g, ProtocolProfile p) {
    g.writeStartObject();
    g.writeStringProperty("id", p.id());
    g.writeStringProperty("title", p.title());
    if (p.basedOn().isPresent()) {
      g.writeStringProperty("basedOn", p.basedOn().get());
    }
    // With a parent, an optional parameter left unset is written as null, so reading does not
    // inherit the parent's value in its place.
    boolean nulls = p.basedOn().isPresent();
    if (p.source().isPresent()) {
      g.writeStringProperty("source", p.source().get());
    } else if (nulls) {
      g.writeNullProperty("source");
    }
    range(g, "sessions", p.sessions());
    range(g, "sessionMinutes", p.sessionMinutes());
    g.writeNumberProperty("maxGapDays", p.maxGapDays());
    g.writeNumberProperty("maxSpanWeeks", p.maxSpanWeeks());
    g.writeNumberProperty("minAttendance", p.minAttendance());
    g.writeObjectPropertyStart("phases");
    if (p.initialPhase().isPresent()) {
      range(g, "initial", p.initialPhase().get());
    } else if (nulls) {
      g.writeNullProperty("initial");
    }
    if (p.terminationPhase().isPresent()) {
      range(g, "termination", p.terminationPhase().get());
    } else if (nulls) {
      g.writeNullProperty("termination");
    }
    g.writeNumberProperty("endingLeadSessions", p.endingLeadSessions());
    g.writeEndObject();
    g.writeObjectPropertyStart("focus");
    g.writeNumberProperty("maxAreas", p.maxAreas());
    g.writeNumberProperty("middleOnFocusShare", p.middleOnFocusShare());
    g.writeEndObject();
    g.writeNumberProperty("circles", p.circles());
    g.writeObjectPropertyStart("measurement");
    g.writeStringProperty("primary", p.primaryInstrument().name());
    g.writeNumberProperty("maxInterval", p.maxMeasureInterval());
    if (p.deteriorationPoints().isPresent()) {
      g.writeNumberProperty("deteriorationPoints", p.deteriorationPoints().getAsInt());
    } else if (nulls) {
      g.writeNullProperty("deteriorationPoints");
    }
    g.writeEndObject();
    range(g, "preGroupSessions", p.preGroupSessions());
    g.writeStringProperty("sickRole", p.sickRole().name());
    g.writeBooleanProperty("caregiverInvolvement", p.caregiverInvolvement());
    g.writeArrayPropertyStart("allowedTechniques");
    for (Technique technique : Technique.values()) {
      if (p.allowedTechniques().contains(technique)) {
        g.writeString(technique.name());
      }
    }
    g.writeEndArray();
    g.writeObjectPropertyStart("completer");
    if (p.completerMinSessions().isPresent()) {
      g.writeNumberProperty("minSessions", p.completerMinSessions().getAsInt());
    } else if (nulls) {
      g.writeNullProperty("minSessions");
    }
    g.writeNumberProperty("minWeeks", p.completerMinWeeks());
    g.writeEndObject();
    g.writeObjectPropertyStart("rules");
    Map<String, RuleSetting> rules = p.rules();
    for (String code : RuleCatalog.codes()) {
      RuleSetting setting = rules.get(code);
      if (setting != null) {
        g.writeStringProperty(code, setting.name());
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void range(JsonGenerator g, String name, IntRange range) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("min", range.min());
    g.writeNumberProperty("max", range.max());
    g.writeEndObject();
  }
}
