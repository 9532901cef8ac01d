package org.iptkit.json;

import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.internal.CourseJsonReader;
import org.iptkit.json.internal.CourseJsonWriter;
import org.iptkit.json.internal.PackageVersion;
import org.iptkit.json.internal.WireFormat;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson 3 module that teaches a host's own {@code JsonMapper} the course format: it reads and
 * writes a {@link TreatmentCourse} and its parts (sessions, measures, contracts, inventories,
 * people, problem areas, the formulation, fidelity ratings) exactly as {@link IptJson} does,
 * through the same strict streaming reader and deterministic writer that call the public core
 * builders. No Jackson annotations are needed in the core model.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new IptJsonModule()).build();
 * List<TreatmentCourse> courses = mapper.readValue(json, new TypeReference<>() {});
 * }</pre>
 *
 * <p>It is also registered as a service ({@code findAndAddModules()}). A document the reader
 * rejects fails with a {@link DatabindException} whose cause is the {@link JsonReadException};
 * prefer {@link IptJson#mapper()} to also get the reader's limits and duplicate detection.
 */
public final class IptJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** The strict module: unknown fields are errors. */
  public IptJsonModule() {
    this(false);
  }

  IptJsonModule(boolean lenient) {
    super("iptkit-json", PackageVersion.VERSION);
    // The course and each of its parts, as the description of the wire format lists them.
    for (Class<?> type : WireFormat.COURSE_PARTS.keySet()) {
      add(type, lenient);
    }
  }

  private <T> void add(Class<T> type, boolean lenient) {
    addSerializer(type, new PartSerializer<>(type));
    addDeserializer(type, new PartDeserializer<>(type, lenient));
  }

  /** Writes one course value with the deterministic course writer. */
  private static final class PartSerializer<T> extends ValueSerializer<T> {
    private final Class<T> type;

    PartSerializer(Class<T> type) {
      this.type = type;
    }

    @Override
    public Class<?> handledType() {
      return type;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializationContext context) {
      CourseJsonWriter.writeValue(generator, value);
    }
  }

  /** Reads one course value with the strict streaming reader. */
  private static final class PartDeserializer<T> extends ValueDeserializer<T> {
    private final Class<T> type;
    private final boolean lenient;

    PartDeserializer(Class<T> type, boolean lenient) {
      this.type = type;
      this.lenient = lenient;
    }

    @Override
    public Class<?> handledType() {
      return type;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) {
      try {
        return new CourseJsonReader(parser, lenient, null, 0, 0).readValue(type);
      } catch (JsonReadException e) {
        throw DatabindException.from(parser, e.getMessage(), e);
      }
    }
  }
}
