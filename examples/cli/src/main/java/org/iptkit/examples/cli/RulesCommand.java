package org.iptkit.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ipt rules}: the fidelity rule catalog with codes, severities, domains and sources. */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the fidelity rules with their codes, severities and sources.")
final class RulesCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or markdown (the tables of docs/rules.md); default: "
          + "${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    String chosenFormat = Choices.of(spec, "--format", format, "text", "json",
        "markdown");
    try (Output output = Output.of(ipt.io(), null)) {
      if (chosenFormat.equals("json")) {
        output.print(Json.PRETTY.writeRuleCatalog());
        output.line("");
      } else if (chosenFormat.equals("markdown")) {
        TextReports.rulesMarkdown(output);
      } else {
        TextReports.rules(output);
      }
    }
    return ExitCodes.OK;
  }
}
