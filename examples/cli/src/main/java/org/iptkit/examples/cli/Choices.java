package org.iptkit.examples.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks the value of an option that takes one of a few lower-case words ({@code --format}). */
final class Choices {
  private Choices() {}

  /**
   * The value, lower-cased, when it is one of {@code allowed}.
   *
   * @throws ParameterException (a usage error, exit code 2) naming the allowed values otherwise
   */
  static String of(CommandSpec spec, String option, String value, String... allowed) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (Arrays.asList(allowed).contains(lower)) {
      return lower;
    }
    throw new ParameterException(spec.commandLine(), "invalid value for " + option + ": '"
        + value + "'; expected one of " + String.join(", ", allowed));
  }

  /**
   * Checks that the number of threads is sensible.
   *
   * @throws ParameterException for fewer than 1 or more than 256 threads
   */
  static int threads(CommandSpec spec, int threads) {
    if (threads < 1 || threads > 256) {
      throw new ParameterException(spec.commandLine(),
          "invalid value for --threads: " + threads + "; expected 1 to 256");
    }
    return threads;
  }
}
