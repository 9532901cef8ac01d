package org.iptkit.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.FhirImport;
import org.iptkit.fhir.FhirImportWarning;
import org.iptkit.fhir.FhirMappingException;
import org.iptkit.fhir.IptFhir;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.internal.SplitRecord;
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

  /** The options shared by export and import: the Bundle type and the patient's system. */
  static final class FhirOptions {
    @Option(names = "--bundle-type", paramLabel = "TYPE", defaultValue = "collection",
        description = "export: collection (default; one document) or transaction (a server "
            + "stores each resource, created only once: a re-export duplicates nothing).")
    String bundleType;

    @Option(names = "--patient-system", paramLabel = "URI",
        description = "The identifier system the patient is named by (for example the "
            + "EHR's medical record number system); default the iptkit patient-ref system.")
    String patientSystem;

    IptFhir layer(CommandSpec spec) {
      IptFhir layer = IptFhir.create();
      if (patientSystem != null) {
        if (patientSystem.isBlank()) {
          throw new ParameterException(spec.commandLine(), "--patient-system is blank");
        }
        layer = layer.withPatientSystem(patientSystem);
      }
      return switch (bundleType) {
        case "collection" -> layer;
        case "transaction" -> layer.withBundleType(Bundle.BundleType.TRANSACTION);
        default -> throw new ParameterException(spec.commandLine(),
            "--bundle-type must be collection or transaction");
      };
    }
  }

  /**
   * {@code ipt fhir export FILE}: course documents as the JSON of their FHIR Bundles. One course
   * gives one pretty-printed Bundle; NDJSON in gives NDJSON out, one compact Bundle per line, in
   * one process (one FHIR context), each Bundle written entry by entry.
   */
  @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Write a course as a FHIR R4 Bundle (JSON) whose CarePlan instantiates "
          + "the PlanDefinition of its protocol profile; NDJSON of courses gives NDJSON of "
          + "Bundles.")
  static final class Export implements Callable<Integer> {
    /** Threads encoding the Bundles of NDJSON lines (FHIR encoding is the cost of export). */
    static final int THREADS = Math.max(1, Math.min(4,
        Runtime.getRuntime().availableProcessors()));
    /** Bundles encoded ahead of the one being written, at most. */
    static final int WINDOW = 64;
    /** Longer courses are written entry by entry, never held as one string. */
    static final int PARALLEL_SESSIONS = 1_000;

    private static String take(Future<String> line) {
      try {
        return line.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserException("interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    @ParentCommand
    FhirCommand fhir;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile;

    @Mixin
    FhirOptions options;

    @Mixin
    OutputOption out;

    @Parameters(paramLabel = "FILE", arity = "1",
        description = "A course document (.json), NDJSON of courses (.ndjson), or - for "
            + "standard input.")
    String file;

    @Override
    public Integer call() {
      Optional<ProtocolProfile> chosen = profile.profile();
      IptFhir layer = options.layer(spec);
      Diagnostics diagnostics = new Diagnostics(fhir.ipt.io().err(), fhir.ipt.debug());
      String name = file.toLowerCase(java.util.Locale.ROOT);
      boolean ndjson = name.endsWith(".ndjson") || name.endsWith(".jsonl");
      int written = 0;
      ProtocolProfile given = chosen.orElse(null);
      IptFhir compact = layer.withPrettyPrint(false);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "ipt-fhir-export");
        thread.setDaemon(true);
        return thread;
      });
      Deque<Future<String>> pending = new ArrayDeque<>();
      try (RecordSource records = RecordSource.of(List.of(file), fhir.ipt.io().in(),
          diagnostics); Output output = out.open(fhir.ipt.io())) {
        while (records.hasNext()) {
          SplitRecord next = records.next();
          // One course gives one Bundle; lines of courses (NDJSON) give lines of Bundles.
          ndjson |= next.line() > 0 && records.hasNext();
          BatchRecord record = next.read();
          if (!record.isCourse()) {
            diagnostics.unreadable(record);
            continue;
          }
          if (!ndjson && records.hasNext()) {
            throw new UserException(Diagnostics.sourceName(file) + " holds more than one "
                + "course; give them as NDJSON (one course per line) for one Bundle each");
          }
          TreatmentCourse course = record.course().orElseThrow();
          written++;
          if (ndjson && course.sessions().size() <= PARALLEL_SESSIONS) {
            // Lines of ordinary courses are encoded on the pool, written in input order.
            pending.add(pool.submit(() -> {
              StringWriter line = new StringWriter();
              compact.writeCourseJson(course, given, line);
              return line.toString();
            }));
            if (pending.size() >= WINDOW) {
              output.line(take(pending.poll()));
            }
            continue;
          }
          // One course, or a very long one: written entry by entry as it is made.
          while (!pending.isEmpty()) {
            output.line(take(pending.poll()));
          }
          try {
            (ndjson ? compact : layer).writeCourseJson(course, given, output.text());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          output.line("");
        }
        while (!pending.isEmpty()) {
          output.line(take(pending.poll()));
        }
      } finally {
        pool.shutdownNow();
      }
      if (written == 0 && !diagnostics.anyUnreadable()) {
        diagnostics.note(Diagnostics.sourceName(file) + ": no course found");
      }
      return diagnostics.anyUnreadable() || written == 0 ? ExitCodes.UNREADABLE : ExitCodes.OK;
    }
  }

  /**
   * {@code ipt fhir import FILE}: a FHIR Bundle read back as a course document, iptkit's own or
   * the shapes EHRs hold (docs/fhir.md). What the Bundle held that did not become part of the
   * course (entered in error, planned, not part of an IPT course) is listed on standard error
   * as warnings, and counted.
   */
  @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Read a FHIR R4 Bundle (JSON): one written by `ipt fhir export`, or a "
          + "collection, transaction, batch or searchset an EHR holds, and write the course "
          + "document it records.")
  static final class Import implements Callable<Integer> {
    /** At most this many warnings are listed one by one; then one line counts the rest. */
    static final int MAX_LISTED_WARNINGS = 100;

    @ParentCommand
    FhirCommand fhir;

    @Spec
    CommandSpec spec;

    @Mixin
    FhirOptions options;

    @Mixin
    OutputOption out;

    @Parameters(paramLabel = "FILE", arity = "1",
        description = "One FHIR Bundle (.json), or - for standard input.")
    String file;

    @Override
    public Integer call() {
      IptFhir layer = options.layer(spec);
      String source = Diagnostics.sourceName(file);
      FhirImport read;
      try (InputStream in = open(fhir.ipt, file)) {
        read = layer.importBundle(in);
      } catch (FhirMappingException e) {
        // The message names the location and what was expected, never a reference or free text.
        throw new UserException(source + ": not a course Bundle: " + e.getMessage());
      } catch (IOException e) {
        throw new UserException(source + ": cannot read: " + Diagnostics.describe(e));
      } catch (UncheckedIOException e) {
        throw new UserException(source + ": cannot read: " + Diagnostics.describe(e.getCause()));
      }
      List<FhirImportWarning> warnings = read.warnings();
      for (int i = 0; i < Math.min(warnings.size(), MAX_LISTED_WARNINGS); i++) {
        fhir.ipt.io().err().println(Diagnostics.line(source + ": warning: " + warnings.get(i)));
      }
      if (warnings.size() > MAX_LISTED_WARNINGS) {
        fhir.ipt.io().err().println(Diagnostics.line(source + ": and "
            + (warnings.size() - MAX_LISTED_WARNINGS) + " more warnings"));
      }
      long enteredInError = read.count(FhirImportWarning.Kind.ENTERED_IN_ERROR);
      if (!warnings.isEmpty()) {
        fhir.ipt.io().err().println(Diagnostics.line(source + ": " + warnings.size() + " resource"
            + (warnings.size() == 1 ? "" : "s") + " left out of the course (" + enteredInError
            + " entered in error)"));
      }
      write(fhir.ipt, out, Json.PRETTY.writeCourse(read.course()));
      return ExitCodes.OK;
    }

    private static InputStream open(Ipt ipt, String file) throws IOException {
      if ("-".equals(file)) {
        return new FilterInputStream(ipt.io().in()) {
          @Override
          public void close() {
            // standard input stays open
          }
        };
      }
      Path path = Path.of(file);
      if (!Files.exists(path)) {
        throw new UserException("no such file or directory: " + file);
      }
      if (Files.isDirectory(path)) {
        throw new UserException(file + ": is a directory; expected one FHIR Bundle");
      }
      // One stream read up to the input limit: works for named pipes and devices too.
      return Files.newInputStream(path);
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
