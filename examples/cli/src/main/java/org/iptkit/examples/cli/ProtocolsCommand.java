package org.iptkit.examples.cli;

import java.util.concurrent.Callable;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ipt protocols}: the built-in protocol profiles, or with {@code --show ID} one profile as
 * JSON in the documented format (docs/format.md, Protocol profile), for a researcher to copy and
 * edit into a trial's own protocol file.
 */
@Command(name = "protocols", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the built-in protocol profiles, or show one as JSON.")
final class ProtocolsCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Option(names = "--show", paramLabel = "ID",
      description = "Print this built-in profile as JSON (a starting point for a trial's own).")
  String show;

  @Override
  public Integer call() {
    ProtocolProfile profile = null;
    if (show != null) {
      ProtocolRegistry registry = ProtocolRegistry.builtIn();
      profile = registry.find(show).orElseThrow(() -> ProfileOptions.unknownProfile(registry,
          show));
    }
    try (Output output = Output.of(ipt.io(), null)) {
      if (profile != null) {
        output.print(Json.PRETTY.writeProfile(profile));
        output.line("");
      } else {
        TextReports.protocols(output);
      }
    }
    return ExitCodes.OK;
  }
}
