package org.iptkit.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out FILE} option shared by the commands that write one document or one stream
 * (a course page, synthetic courses, FHIR resources): the results go to FILE instead of
 * standard output. Added to a command as a picocli {@code @Mixin}.
 */
final class OutputOption {
  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path file;

  /**
   * Where this run's results go: the file of {@code --out}, or standard output without it.
   *
   * @throws UserException when the file cannot be created
   */
  Output open(Io io) {
    return Output.of(io, file);
  }
}
