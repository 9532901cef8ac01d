package org.iptkit.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.examples.generator.CourseGenerator;
import org.iptkit.examples.generator.GeneratedCourse;
import org.iptkit.json.IptJson;
import org.iptkit.rules.ProtocolRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ipt generate}: realistic synthetic IPT courses as NDJSON, across all built-in profiles
 * (or one) and problem areas, deterministically from the seed, optionally with known protocol
 * deviations injected. The courses are written one at a time, never collected.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write synthetic IPT courses as NDJSON (deterministic for a seed).")
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand
  Ipt ipt;

  @Spec
  CommandSpec spec;

  @Option(names = "--courses", paramLabel = "N", required = true,
      description = "How many courses to write.")
  long courses;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "The seed; the same seed gives the same bytes. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--protocol", paramLabel = "ID",
      description = "Only courses of this built-in profile (default: all built-in profiles).")
  String protocol;

  @Option(names = "--deviation-rate", paramLabel = "R", defaultValue = "0",
      description = "The share (0 to 1) of courses with one or two injected protocol "
          + "deviations. Default: ${DEFAULT-VALUE}.")
  double deviationRate;

  @Mixin
  OutputOption out;

  @Override
  public Integer call() {
    if (courses < 0) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for --courses: " + courses + "; expected 0 or more");
    }
    if (!(deviationRate >= 0 && deviationRate <= 1)) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for --deviation-rate: " + deviationRate + "; expected 0 to 1");
    }
    CourseGenerator.Builder builder = CourseGenerator.builder().seed(seed)
        .deviationRate(deviationRate);
    if (protocol != null) {
      ProtocolRegistry registry = ProtocolRegistry.builtIn();
      if (!registry.contains(protocol)) {
        throw ProfileOptions.unknownProfile(registry, protocol);
      }
      builder.profiles(List.of(registry.get(protocol)));
    }
    CourseGenerator generator = builder.build();
    try (Output output = out.open(ipt.io());
        Stream<TreatmentCourse> stream = generator.stream(courses)
            .map(GeneratedCourse::course)) {
      IptJson.strict().writeNdjson(stream::iterator, output.stream());
    }
    return ExitCodes.OK;
  }
}
