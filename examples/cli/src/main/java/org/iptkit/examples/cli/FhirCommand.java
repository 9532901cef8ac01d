package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.FhirMappingException;
import org.iptkit.fhir.IptFhir;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt fhir export|import|plan}: a course as an HL7 FHIR R4 Bundle and back, and a protocol
 * profile as a FHIR PlanDefinition, for exchange with electronic health records and FHIR
 * servers (the mapping is in docs/fhir.md). A Bundle that is not a course is reported with its
 * FHIRPath-like location and exit code 2.
 */
@Command(name = "fhir", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Convert a course to and from a FHIR R4 Bundle; a profile as a PlanDefinition.",
    subcommands = {FhirCommand.Export.class, FhirCommand.Import.class, FhirCommand.Plan.class})
final class FhirCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage on standard error and exit code 2. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "a subcommand is required: export, import or plan");
  }

  private static void write(Ipt ipt, OutputOption out, String json) {
    try (Output output = out.open(ipt.io())) {
      output.print(json);
      if (!json.endsWith("\n")) {
        output.line("");
      }
    }
  }

  /** {@code ipt fhir export FILE}: one course document as the JSON of its FHIR Bundle. */
  @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Write one course as a FHIR R4 Bundle (JSON) whose CarePlan instantiates "
          + "the PlanDefinition of its protocol profile.")
  static final class Export implements Callable<Integer> {
    @ParentCommand
    FhirCommand fhir;

    @Mixin
    ProfileOptions profile;

    @Mixin
    OutputOption out;

    @Parameters(paramLabel = "FILE", arity = "1",
        description = "One course document (.json), or - for standard input.")
    String file;

    @Override
    public Integer call() {
      Optional<ProtocolProfile> chosen = profile.profile();
      Optional<TreatmentCourse> course = SingleCourse.readCourse(fhir.ipt, file);
      if (course.isEmpty()) {
        return ExitCodes.UNREADABLE;
      }
      IptFhir layer = IptFhir.create();
      write(fhir.ipt, out, chosen.isPresent()
          ? layer.exportCourseJson(course.get(), chosen.get())
          : layer.exportCourseJson(course.get()));
      return ExitCodes.OK;
    }
  }

  /** {@code ipt fhir import FILE}: a FHIR Bundle read back as a course document. */
  @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Read a FHIR R4 Bundle (JSON) written by `ipt fhir export` and write the "
          + "course document it records.")
  static final class Import implements Callable<Integer> {
    @ParentCommand
    FhirCommand fhir;

    @Mixin
    OutputOption out;

    @Parameters(paramLabel = "FILE", arity = "1",
        description = "One FHIR Bundle (.json), or - for standard input.")
    String file;

    @Override
    public Integer call() {
      String json = readText(fhir.ipt, file);
      TreatmentCourse course;
      try {
        course = IptFhir.create().importCourseJson(json);
      } catch (FhirMappingException e) {
        // The message names the location and what was expected, never a reference or free text.
        throw new UserException(Diagnostics.sourceName(file) + ": not a course Bundle: "
            + e.getMessage());
      }
      write(fhir.ipt, out, Json.PRETTY.writeCourse(course));
      return ExitCodes.OK;
    }

    private static String readText(Ipt ipt, String file) {
      if ("-".equals(file)) {
        try {
          return new String(ipt.io().in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UserException("<stdin>: cannot read: " + Diagnostics.describe(e));
        }
      }
      Path path = Path.of(file);
      if (!Files.exists(path)) {
        throw new UserException("no such file or directory: " + file);
      }
      // One stream read to its end: works for named pipes as well as regular files.
      try (InputStream in = Files.newInputStream(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserException(file + ": cannot read: " + Diagnostics.describe(e));
      } catch (UncheckedIOException e) {
        throw new UserException(file + ": cannot read: " + Diagnostics.describe(e.getCause()));
      }
    }
  }

  /** {@code ipt fhir plan ID}: a protocol profile as the JSON of its FHIR PlanDefinition. */
  @Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Write a protocol profile as a FHIR R4 PlanDefinition (JSON): a built-in "
          + "profile by ID, or a trial's own with --protocol-file.")
  static final class Plan implements Callable<Integer> {
    @ParentCommand
    FhirCommand fhir;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile;

    @Mixin
    OutputOption out;

    @Parameters(paramLabel = "ID", arity = "0..1",
        description = "A built-in profile id (see `ipt protocols`).")
    String id;

    @Override
    public Integer call() {
      Optional<ProtocolProfile> chosen = profile.profile();
      if (chosen.isPresent() == (id != null)) {
        throw new ParameterException(spec.commandLine(), "give one profile: an ID, "
            + "--protocol ID or --protocol-file FILE");
      }
      ProtocolProfile plan = chosen.orElseGet(() -> {
        ProtocolRegistry builtIn = ProtocolRegistry.builtIn();
        return builtIn.find(id).orElseThrow(() -> ProfileOptions.unknownProfile(builtIn, id));
      });
      write(fhir.ipt, out, IptFhir.create().planDefinitionJson(plan));
      return ExitCodes.OK;
    }
  }
}
