package org.iptkit.examples.cli;

import java.util.concurrent.Callable;
import org.iptkit.json.IptJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt schema course|protocol|report|cohort}: the published JSON Schema (draft 2020-12)
 * of a course document, a protocol profile, a fidelity report or a cohort report, for data teams validating their
 * exports with their own tools.
 */
@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the JSON Schema of a course document, a protocol profile, a report or a cohort "
        + "report.")
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "1", description = "course, protocol, report or cohort.")
  String name;

  @Override
  public Integer call() {
    String chosen = Choices.of(spec, "NAME", name, "course", "protocol", "report", "cohort");
    try (Output output = Output.of(ipt.io(), null)) {
      String schema = IptJson.schema(chosen);
      output.print(schema);
      if (!schema.endsWith("\n")) {
        output.line("");
      }
    }
    return ExitCodes.OK;
  }
}
