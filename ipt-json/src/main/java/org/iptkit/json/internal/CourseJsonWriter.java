package org.iptkit.json.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.internal.WireFormat.Field;
import org.iptkit.json.internal.WireFormat.ListOf;
import org.iptkit.json.internal.WireFormat.ObjectType;
import org.iptkit.json.internal.WireFormat.Presence;
import tools.jackson.core.JsonGenerator;

/**
 * The one writing walk of the course format (docs/format.md, Course) over a Jackson {@link
 * JsonGenerator}: it writes each object as the descriptors of {@link WireFormat} describe it.
 * Output is deterministic: fields in the documented order ({@code schemaVersion} first), empty
 * optionals, empty optional arrays and false flags left out (absence means the same to a
 * reader); a required array ({@code sessions}, {@code people}) is always written. Enumeration
 * sets come out in the order of their constants, lists in recorded order.
 */
public final class CourseJsonWriter {
  /** The version of the format this writer produces. */
  public static final String SCHEMA_VERSION = WireFormat.WRITTEN_VERSION;

  private CourseJsonWriter() {}

  /** Writes any course value: the course or one of its parts. */
  public static void writeValue(JsonGenerator g, Object value) {
    for (Map.Entry<Class<?>, ObjectType> part : WireFormat.COURSE_PARTS.entrySet()) {
      if (part.getKey().isInstance(value)) {
        write(g, part.getValue(), value);
        return;
      }
    }
    throw new IllegalArgumentException("not a part of a course: " + value.getClass().getName());
  }

  /** Writes one course document. */
  public static void writeCourse(JsonGenerator g, TreatmentCourse course) {
    write(g, WireFormat.COURSE, course);
  }

  private static void write(JsonGenerator g, ObjectType type, Object value) {
    g.writeStartObject();
    for (Field field : type.fields()) {
      Object v = field.access().get().apply(value);
      if (v instanceof Optional<?> optional) {
        if (optional.isEmpty()) {
          continue;
        }
        v = optional.get();
      } else if (v instanceof OptionalInt optional) {
        if (optional.isEmpty()) {
          continue;
        }
        v = optional.getAsInt();
      } else if (Boolean.FALSE.equals(v)
          || v instanceof Collection<?> list && list.isEmpty()
              && field.presence() != Presence.REQUIRED) {
        continue;
      }
      g.writeName(field.name());
      if (field.shape() instanceof ListOf list) {
        g.writeStartArray();
        for (Object element : (Collection<?>) v) {
          element(g, list.items(), field.name(), element);
        }
        g.writeEndArray();
      } else {
        element(g, field.shape(), field.name(), v);
      }
    }
    g.writeEndObject();
  }

  private static void element(JsonGenerator g, WireFormat.Shape shape, String name,
      Object value) {
    if (shape instanceof ObjectType object) {
      write(g, object, value);
    } else if (value == null) {
      g.writeNull(); // an item left unanswered
    } else if (value instanceof String text) {
      g.writeString(text);
    } else if (value instanceof Integer number) {
      g.writeNumber(number.intValue());
    } else if (value instanceof Boolean flag) {
      g.writeBoolean(flag);
    } else if (value instanceof Enum<?> constant) {
      g.writeString(constant.name());
    } else if (value instanceof LocalDate date) {
      // A date as YYYY-MM-DD; the format has no room for years outside 0000–9999.
      if (date.getYear() < 0 || date.getYear() > 9999) {
        throw new IllegalArgumentException(
            name + ": the format writes years 0000 to 9999 only, was " + date.getYear());
      }
      g.writeString(date.toString());
    } else {
      throw new IllegalStateException("no wire form for " + value.getClass().getName());
    }
  }
}
