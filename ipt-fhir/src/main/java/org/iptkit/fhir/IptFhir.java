package org.iptkit.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.internal.BundleWriter;
import org.iptkit.fhir.internal.CourseExporter;
import org.iptkit.fhir.internal.CourseImporter;
import org.iptkit.fhir.internal.FhirInput;
import org.iptkit.fhir.internal.Ids;
import org.iptkit.fhir.internal.OperationOutcomes;
import org.iptkit.fhir.internal.ParseErrors;
import org.iptkit.fhir.internal.PlanDefinitions;
import org.iptkit.fhir.internal.StructureDefinitions;
import org.iptkit.fhir.internal.Terminology;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.Protocols;

/**
 * The entry point of the FHIR layer: an IPT course as HL7 FHIR R4 resources and back, a protocol
 * profile as a {@code PlanDefinition}, a fidelity report as an {@code OperationOutcome}, and the
 * iptkit {@code CodeSystem} and extension {@code StructureDefinition}s that make the whole
 * loadable into a FHIR server. The mapping is documented element by element in
 * {@code docs/fhir.md}.
 *
 * <p>An instance is immutable and thread-safe; all instances share one HAPI {@link FhirContext}
 * for R4, created on first use (creating one is slow). Parsing is strict: an unknown element, an
 * invalid value, a name given twice and input beyond the course reader's limits are errors.
 *
 * <pre>{@code
 * IptFhir fhir = IptFhir.create();
 * Bundle bundle = fhir.exportCourse(course, Protocols.IPT_ACUTE_16);
 * String json = fhir.toJson(bundle);
 * TreatmentCourse back = fhir.importCourse(fhir.parseBundle(json));   // equals course
 *
 * String plan = fhir.planDefinitionJson(Protocols.IPT_ACUTE_16);
 * String outcome = fhir.operationOutcomeJson(FidelityChecker.of(profile).check(course));
 *
 * FhirImport read = fhir.withPatientSystem(mrnSystem).importBundle(ehrBundleStream);
 * read.course();      // the course; read.warnings(): what was left out, each located
 * }</pre>
 *
 * <p>The patient is referenced only by the pseudonymous {@code patientRef}, as an identifier: no
 * Patient resource and no demographics are made up. Errors ({@link FhirMappingException}) name
 * the resource and a FHIRPath-like location, never a reference or free text.
 */
public final class IptFhir {
  private static final class Shared {
    static final FhirContext CONTEXT = create();

    /**
     * The R4 context. HAPI logs through SLF4J, whose API prints "No SLF4J providers were found"
     * on standard error when the host binds no logging provider: a library must print nothing,
     * so in that case (and only when the host has not set it) SLF4J's own reporting is limited
     * to errors ({@code slf4j.internal.verbosity}). A host that binds a provider is untouched.
     */
    private static FhirContext create() {
      if (System.getProperty("slf4j.internal.verbosity") == null && !hasSlf4jProvider()) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
      }
      return FhirContext.forR4();
    }

    private static boolean hasSlf4jProvider() {
      try {
        ClassLoader loader = IptFhir.class.getClassLoader();
        return loader.getResources("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")
            .hasMoreElements();
      } catch (java.io.IOException e) {
        return true; // cannot tell: leave SLF4J as it is
      }
    }
  }

  private static final IptFhir DEFAULT = new IptFhir(true, FhirVocabulary.PATIENT_REF_SYSTEM,
      Bundle.BundleType.COLLECTION);

  private final boolean prettyPrint;
  private final String patientSystem;
  private final Bundle.BundleType bundleType;

  private IptFhir(boolean prettyPrint, String patientSystem, Bundle.BundleType bundleType) {
    this.prettyPrint = prettyPrint;
    this.patientSystem = patientSystem;
    this.bundleType = bundleType;
  }

  /**
   * The FHIR layer writing pretty-printed JSON, collection Bundles, and the patient as an
   * identifier of {@link FhirVocabulary#PATIENT_REF_SYSTEM}.
   */
  public static IptFhir create() {
    return DEFAULT;
  }

  /** The same FHIR layer writing pretty-printed ({@code true}) or compact JSON. */
  public IptFhir withPrettyPrint(boolean pretty) {
    return new IptFhir(pretty, patientSystem, bundleType);
  }

  /**
   * The same FHIR layer naming the patient by an identifier of the host's own system (for
   * example its medical record number's): written so on export, and on import read from a
   * reference's identifier of that system or from the Patient resource a literal reference
   * points to.
   */
  public IptFhir withPatientSystem(String system) {
    Objects.requireNonNull(system, "system");
    if (system.isBlank()) {
      throw new IllegalArgumentException("the patient identifier system is blank");
    }
    return new IptFhir(prettyPrint, system, bundleType);
  }

  /** The identifier system the patient is named by. */
  public String patientSystem() {
    return patientSystem;
  }

  /**
   * The same FHIR layer exporting courses as Bundles of {@code type}: {@code COLLECTION} (one
   * document a server stores as it is) or {@code TRANSACTION} (every resource created on the
   * server, each only if no resource with its identifier exists yet, so that exporting a course
   * again does not duplicate it).
   */
  public IptFhir withBundleType(Bundle.BundleType type) {
    if (type != Bundle.BundleType.COLLECTION && type != Bundle.BundleType.TRANSACTION) {
      throw new IllegalArgumentException("a course is exported as a collection or a "
          + "transaction Bundle");
    }
    return new IptFhir(prettyPrint, patientSystem, type);
  }

  /** The type of the Bundles courses are exported as. */
  public Bundle.BundleType bundleType() {
    return bundleType;
  }

  /** Whether JSON is written pretty-printed. */
  public boolean prettyPrint() {
    return prettyPrint;
  }

  /** The shared HAPI context for FHIR R4 (thread-safe), for hosts that need their own parser. */
  public FhirContext context() {
    return Shared.CONTEXT;
  }

  // ---------------------------------------------------------------------------------------------
  // Courses

  /**
   * The course as a FHIR Bundle of type collection whose CarePlan instantiates the
   * PlanDefinition of {@code profile} (docs/fhir.md lists every resource and element).
   */
  public Bundle exportCourse(TreatmentCourse course, ProtocolProfile profile) {
    return exportCourse(course, profile, null);
  }

  /**
   * The course as a FHIR Bundle whose CarePlan also addresses the treated condition: a Condition
   * coded {@code treatedCondition} (for example SNOMED CT major depressive disorder) is added;
   * {@code null} adds none. The condition is not part of the course and is not read back.
   */
  public Bundle exportCourse(TreatmentCourse course, ProtocolProfile profile,
      Coding treatedCondition) {
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(profile, "profile");
    return CourseExporter.export(course, Ids.planDefinitionUrl(profile.id()), treatedCondition,
        patientSystem, bundleType);
  }

  /**
   * The course as a FHIR Bundle whose CarePlan instantiates the PlanDefinition of the protocol
   * the course names (built-in or not: the canonical URL is formed from the id).
   */
  public Bundle exportCourse(TreatmentCourse course) {
    Objects.requireNonNull(course, "course");
    return CourseExporter.export(course, Ids.planDefinitionUrl(course.protocol()), null,
        patientSystem, bundleType);
  }

  /**
   * The course a Bundle records, with warnings about what the Bundle held that did not become
   * part of it (entered in error, planned, not part of an IPT course): the inverse of
   * {@link #exportCourse}, and the reader of what EHRs hold (docs/fhir.md, "EHR shapes").
   *
   * @throws FhirMappingException when the Bundle lacks what a course needs, names another
   *     patient, contradicts itself or breaks one of the course model's invariants, naming the
   *     entry and location
   */
  public FhirImport importBundle(Bundle bundle) {
    return CourseImporter.read(bundle, patientSystem);
  }

  /**
   * The course a Bundle records: the inverse of {@link #exportCourse}, so that
   * {@code importCourse(exportCourse(c, p))} equals {@code c}. The warnings of
   * {@link #importBundle} are not returned: a host that must show them uses that method.
   *
   * @throws FhirMappingException when the Bundle lacks what a course needs or breaks one of the
   *     course model's invariants, naming the entry and location
   */
  public TreatmentCourse importCourse(Bundle bundle) {
    return importBundle(bundle).course();
  }

  /**
   * The course recorded by a FHIR Bundle read from a stream (not closed), with its warnings:
   * at most 10,000,000 bytes of strict UTF-8, then as {@link #parseBundle} and
   * {@link #importBundle}.
   *
   * @throws FhirMappingException when the input is too long, not UTF-8, not a valid FHIR R4
   *     Bundle or not a course
   * @throws java.io.IOException when reading fails
   */
  public FhirImport importBundle(java.io.InputStream bundleJson) throws java.io.IOException {
    return importBundle(parseBundle(FhirInput.read(bundleJson)));
  }

  /**
   * Writes the course's FHIR Bundle as JSON to {@code out} (not closed), the same bytes as
   * {@code toJson(exportCourse(course, profile))} but entry by entry: memory does not grow with
   * the number of sessions. {@code profile} null: the protocol the course names.
   *
   * @throws java.io.IOException when writing fails
   */
  public void writeCourseJson(TreatmentCourse course, ProtocolProfile profile,
      java.io.Writer out) throws java.io.IOException {
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(out, "out");
    String canonical = Ids.planDefinitionUrl(profile == null ? course.protocol() : profile.id());
    BundleWriter writer = new BundleWriter(context().newJsonParser().setPrettyPrint(prettyPrint),
        bundleType, out, prettyPrint);
    try {
      CourseExporter.stream(course, canonical, null, patientSystem, bundleType, writer);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    writer.finish();
  }

  /** The course as the JSON of its FHIR Bundle (see {@link #exportCourse}). */
  public String exportCourseJson(TreatmentCourse course, ProtocolProfile profile) {
    return toJson(exportCourse(course, profile));
  }

  /**
   * The course as the JSON of its FHIR Bundle, instantiating the PlanDefinition of the protocol
   * the course names (the {@code ipt fhir export FILE} case).
   */
  public String exportCourseJson(TreatmentCourse course) {
    return toJson(exportCourse(course));
  }

  /**
   * The course recorded by a FHIR Bundle given as JSON: strict parsing, then
   * {@link #importCourse}.
   *
   * @throws FhirMappingException when the text is not a valid FHIR R4 Bundle or not a course
   */
  public TreatmentCourse importCourseJson(String bundleJson) {
    return importCourse(parseBundle(bundleJson));
  }

  // ---------------------------------------------------------------------------------------------
  // Protocols, terminology, reports

  /** The PlanDefinition of a protocol profile: phases with their tasks and timing in sessions. */
  public PlanDefinition planDefinition(ProtocolProfile profile) {
    return PlanDefinitions.of(Objects.requireNonNull(profile, "profile"));
  }

  /** The PlanDefinition of a protocol profile as JSON. */
  public String planDefinitionJson(ProtocolProfile profile) {
    return toJson(planDefinition(profile));
  }

  /** The PlanDefinition of a built-in profile by id, as JSON (the {@code ipt fhir plan ID} case). */
  public String planDefinitionJson(String builtInProtocolId) {
    return planDefinitionJson(Protocols.get(builtInProtocolId));
  }

  /**
   * The iptkit CodeSystem: phases, problem areas, tasks, techniques, instruments and their
   * items, relationships and fidelity rules.
   */
  public CodeSystem codeSystem() {
    return Terminology.codeSystem();
  }

  /** The StructureDefinitions of all iptkit extensions. */
  public List<StructureDefinition> structureDefinitions() {
    return StructureDefinitions.all();
  }

  /**
   * Everything a FHIR server needs to understand exported courses, as a transaction Bundle of
   * PUTs: the iptkit CodeSystem, every extension StructureDefinition and the PlanDefinition of
   * each profile given (for instance {@link Protocols#all()} plus a trial's own).
   */
  public Bundle definitions(Collection<ProtocolProfile> profiles) {
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.TRANSACTION);
    CodeSystem codeSystem = codeSystem();
    put(bundle, codeSystem, codeSystem.getUrl());
    for (StructureDefinition definition : structureDefinitions()) {
      put(bundle, definition, definition.getUrl());
    }
    for (ProtocolProfile profile : profiles) {
      PlanDefinition plan = planDefinition(profile);
      put(bundle, plan, plan.getUrl());
    }
    return bundle;
  }

  private static void put(Bundle bundle, Resource resource, String canonical) {
    bundle.addEntry().setFullUrl(canonical).setResource(resource).getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /** The definitions Bundle (see {@link #definitions}) as JSON. */
  public String definitionsJson(Collection<ProtocolProfile> profiles) {
    return toJson(definitions(profiles));
  }

  /** A fidelity report as an OperationOutcome: one issue per finding. */
  public OperationOutcome operationOutcome(FidelityReport report) {
    return OperationOutcomes.of(Objects.requireNonNull(report, "report"));
  }

  /** A fidelity report as the JSON of its OperationOutcome. */
  public String operationOutcomeJson(FidelityReport report) {
    return toJson(operationOutcome(report));
  }

  // ---------------------------------------------------------------------------------------------
  // JSON

  /** Any FHIR resource as JSON (pretty-printed or compact as configured). */
  public String toJson(IBaseResource resource) {
    return context().newJsonParser().setPrettyPrint(prettyPrint)
        .encodeResourceToString(Objects.requireNonNull(resource, "resource"));
  }

  /**
   * A FHIR R4 Bundle from JSON, parsed strictly: unknown elements, invalid values, a name given
   * twice in one object, and input beyond the course reader's limits (10,000,000 characters,
   * strings of 1,000,000, 64 levels of nesting) are errors.
   *
   * @throws FhirMappingException when the text is not a valid FHIR R4 Bundle; the message names
   *     the element and, for malformed JSON, the line and column, but quotes no value
   */
  public Bundle parseBundle(String json) {
    return parse(Bundle.class, json);
  }

  /**
   * Any FHIR R4 resource from JSON, parsed strictly.
   *
   * @throws FhirMappingException when the text is not a valid FHIR R4 resource
   */
  public IBaseResource parseResource(String json) {
    return parse(null, json);
  }

  private <T extends IBaseResource> T parse(Class<T> type, String json) {
    Objects.requireNonNull(json, "json");
    if (json.isBlank()) {
      throw new FhirMappingException("", null, -1, "empty input");
    }
    String text = json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    try {
      FhirInput.check(text);
    } catch (FhirMappingException e) {
      throw new FhirMappingException(e.location(), type == null ? null : type.getSimpleName(),
          -1, "not a valid FHIR R4 " + (type == null ? "resource" : type.getSimpleName()) + ": "
              + e.problem());
    }
    IParser parser = context().newJsonParser();
    parser.setParserErrorHandler(ParseErrors.handler());
    try {
      if (type == null) {
        @SuppressWarnings("unchecked")
        T resource = (T) parser.parseResource(text);
        return resource;
      }
      return parser.parseResource(type, text);
    } catch (FhirMappingException e) {
      throw e;
    } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
      throw ParseErrors.toMappingException(e, type == null ? null : type.getSimpleName());
    }
  }
}
