package org.iptkit.json.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.iptkit.core.Contract;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Formulation;
import org.iptkit.core.Grief;
import org.iptkit.core.InterpersonalDeficits;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.ProblemArea;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.RoleTransition;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import tools.jackson.core.JsonGenerator;

/**
 * A hand-written writer of the course format (docs/format.md, Course) over a Jackson {@link
 * JsonGenerator}. Output is deterministic: fields in the documented order ({@code schemaVersion}
 * first), empty optionals, empty arrays and false flags left out (absence means the same to a
 * reader), except {@code sessions}, which is always written. Enumeration sets come out in the order
 * of their constants, lists in recorded order.
 */
public final class CourseJsonWriter {
  /** The version of the format this writer produces. */
  public static final String SCHEMA_VERSION = "1.0";

  private CourseJsonWriter() {}

  /** Writes any course value: the course or one of its parts. */
  public static void writeValue(JsonGenerator g, Object value) {
    if (value instanceof TreatmentCourse course) {
      writeCourse(g, course);
    } else if (value instanceof Session session) {
      writeSession(g, session);
    } else if (value instanceof Measure measure) {
      writeMeasure(g, measure);
    } else if (value instanceof Contract contract) {
      writeContract(g, contract);
    } else if (value instanceof InterpersonalInventory inventory) {
      writeInventory(g, inventory);
    } else if (value instanceof Person person) {
      writePerson(g, person);
    } else if (value instanceof ProblemArea area) {
      writeProblemArea(g, area);
    } else if (value instanceof Formulation formulation) {
      writeFormulation(g, formulation);
    } else if (value instanceof FidelityRating rating) {
      writeRating(g, rating);
    } else {
      throw new IllegalArgumentException("not a part of a course: " + value.getClass().getName());
    }
  }

  /** Writes one course document. */
  public static void writeCourse(JsonGenerator g, TreatmentCourse c) {
    g.writeStartObject();
    g.writeStringProperty("schemaVersion", SCHEMA_VERSION);
    g.writeStringProperty("courseId", c.courseId());
    string(g, "patientRef", c.patientRef());
    string(g, "therapistRef", c.therapistRef());
    g.writeStringProperty("protocol", c.protocol());
    g.writeStringProperty("status", c.status().name());
    if (!c.contracts().isEmpty()) {
      g.writeArrayPropertyStart("contracts");
      for (Contract contract : c.contracts()) {
        writeContract(g, contract);
      }
      g.writeEndArray();
    }
    if (!c.inventories().isEmpty()) {
      g.writeArrayPropertyStart("inventories");
      for (InterpersonalInventory inventory : c.inventories()) {
        writeInventory(g, inventory);
      }
      g.writeEndArray();
    }
    if (!c.problemAreas().isEmpty()) {
      g.writeArrayPropertyStart("problemAreas");
      for (ProblemArea area : c.problemAreas()) {
        writeProblemArea(g, area);
      }
      g.writeEndArray();
    }
    if (c.formulation().isPresent()) {
      g.writeName("formulation");
      writeFormulation(g, c.formulation().get());
    }
    g.writeArrayPropertyStart("sessions");
    for (Session session : c.sessions()) {
      writeSession(g, session);
    }
    g.writeEndArray();
    writeMeasures(g, c.measures());
    if (!c.fidelityRatings().isEmpty()) {
      g.writeArrayPropertyStart("fidelityRatings");
      for (FidelityRating rating : c.fidelityRatings()) {
        writeRating(g, rating);
      }
      g.writeEndArray();
    }
    date(g, "endedOn", c.endedOn());
    g.writeEndObject();
  }

  static void writeContract(JsonGenerator g, Contract c) {
    g.writeStartObject();
    g.writeStringProperty("kind", c.kind().name());
    date(g, "agreedOn", c.agreedOn());
    integer(g, "plannedSessions", c.plannedSessions());
    name(g, "frequency", c.frequency());
    integer(g, "sessionMinutes", c.sessionMinutes());
    strings(g, "goals", c.goals());
    g.writeEndObject();
  }

  static void writeInventory(JsonGenerator g, InterpersonalInventory inventory) {
    g.writeStartObject();
    date(g, "takenOn", inventory.takenOn());
    g.writeArrayPropertyStart("people");
    for (Person person : inventory.people()) {
      writePerson(g, person);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writePerson(JsonGenerator g, Person p) {
    g.writeStartObject();
    g.writeStringProperty("id", p.id());
    name(g, "relationship", p.relationship());
    integer(g, "circle", p.circle());
    name(g, "contact", p.contact());
    flag(g, "confidant", p.confidant());
    flag(g, "conflict", p.conflict());
    flag(g, "changedNearOnset", p.changedNearOnset());
    flag(g, "deceased", p.deceased());
    date(g, "diedOn", p.diedOn());
    strings(g, "satisfying", p.satisfying());
    strings(g, "unsatisfying", p.unsatisfying());
    if (p.expectationsMet().isPresent()) {
      g.writeBooleanProperty("expectationsMet", p.expectationsMet().get());
    }
    string(g, "desiredChange", p.desiredChange());
    g.writeEndObject();
  }

  static void writeProblemArea(JsonGenerator g, ProblemArea area) {
    g.writeStartObject();
    g.writeStringProperty("type", area.type().name());
    flag(g, "primary", area.primary());
    if (area instanceof Grief grief) {
      string(g, "personId", grief.personId());
    } else if (area instanceof RoleDispute dispute) {
      string(g, "personId", dispute.personId());
      name(g, "stage", dispute.stage());
    } else if (area instanceof RoleTransition transition) {
      string(g, "fromRole", transition.fromRole());
      string(g, "toRole", transition.toRole());
      name(g, "transition", transition.transition());
    } else if (!(area instanceof InterpersonalDeficits)) {
      throw new IllegalArgumentException("unknown problem area " + area.type());
    }
    g.writeEndObject();
  }

  static void writeFormulation(JsonGenerator g, Formulation f) {
    g.writeStartObject();
    date(g, "sharedOn", f.sharedOn());
    names(g, "areas", f.areas());
    flag(g, "patientAgreed", f.patientAgreed());
    g.writeEndObject();
  }

  static void writeSession(JsonGenerator g, Session s) {
    g.writeStartObject();
    g.writeNumberProperty("number", s.number());
    date(g, "date", s.date());
    integer(g, "minutes", s.minutes());
    g.writeStringProperty("attendance", s.attendance().name());
    name(g, "phase", s.phase());
    name(g, "setting", s.setting());
    name(g, "modality", s.modality());
    string(g, "cpt", s.cpt());
    names(g, "tasks", s.tasks());
    names(g, "techniques", s.techniques());
    names(g, "focus", s.focus());
    writeMeasures(g, s.measures());
    g.writeEndObject();
  }

  private static void writeMeasures(JsonGenerator g, List<Measure> measures) {
    if (!measures.isEmpty()) {
      g.writeArrayPropertyStart("measures");
      for (Measure measure : measures) {
        writeMeasure(g, measure);
      }
      g.writeEndArray();
    }
  }

  static void writeMeasure(JsonGenerator g, Measure m) {
    g.writeStartObject();
    g.writeStringProperty("instrument", m.instrument().name());
    answers(g, m.items());
    integer(g, "total", m.total());
    date(g, "date", m.date());
    g.writeEndObject();
  }

  static void writeRating(JsonGenerator g, FidelityRating r) {
    g.writeStartObject();
    g.writeNumberProperty("session", r.session());
    g.writeStringProperty("scale", r.scale());
    string(g, "rater", r.rater());
    g.writeArrayPropertyStart("items");
    for (int item : r.items()) {
      g.writeNumber(item);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    }
  }

  private static void name(JsonGenerator g, String name, Optional<? extends Enum<?>> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get().name());
    }
  }

  private static void date(JsonGenerator g, String name, Optional<LocalDate> value) {
    if (value.isPresent()) {
      date(g, name, value.get());
    }
  }

  /** A date as {@code YYYY-MM-DD}; the format has no room for years outside 0000–9999. */
  private static void date(JsonGenerator g, String name, LocalDate value) {
    if (value.getYear() < 0 || value.getYear() > 9999) {
      throw new IllegalArgumentException(
          name + ": the format writes years 0000 to 9999 only, was " + value.getYear());
    }
    g.writeStringProperty(name, value.toString());
  }

  private static void integer(JsonGenerator g, String name, OptionalInt value) {
    if (value.isPresent()) {
      g.writeNumberProperty(name, value.getAsInt());
    }
  }

  private static void flag(JsonGenerator g, String name, boolean value) {
    if (value) {
      g.writeBooleanProperty(name, true);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    if (!values.isEmpty()) {
      g.writeArrayPropertyStart(name);
      for (String value : values) {
        g.writeString(value);
      }
      g.writeEndArray();
    }
  }

  private static void integers(JsonGenerator g, String name, List<Integer> values) {
    if (!values.isEmpty()) {
      g.writeArrayPropertyStart(name);
      for (int value : values) {
        g.writeNumber(value);
      }
      g.writeEndArray();
    }
  }

  /** The items of a measure, {@code null} for an item left unanswered. */
  private static void answers(JsonGenerator g, List<Integer> items) {
    if (!items.isEmpty()) {
      g.writeArrayPropertyStart("items");
      for (Integer item : items) {
        if (item == null) {
          g.writeNull();
        } else {
          g.writeNumber(item.intValue());
        }
      }
      g.writeEndArray();
    }
  }

  private static void names(JsonGenerator g, String name, Collection<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      g.writeArrayPropertyStart(name);
      for (Enum<?> value : values) {
        g.writeString(value.name());
      }
      g.writeEndArray();
    }
  }
}
