package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.iptkit.json.IptJson;
import org.iptkit.json.JsonReadException;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The {@code --protocol ID | --protocol-file FILE} options shared by the checking commands: a
 * built-in profile by id, or a trial's own profile file (docs/format.md, Protocol profile), either
 * overriding the {@code protocol} field of every course. Without them each course names its own
 * profile.
 */
final class ProfileOptions {
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice;

  /** The two mutually exclusive ways to name the profile. */
  static final class Choice {
    @Option(names = "--protocol", paramLabel = "ID",
        description = "Check every course against this built-in profile (see `ipt protocols`).")
    String id;

    @Option(names = "--protocol-file", paramLabel = "FILE",
        description = "Check every course against the protocol profile in FILE (JSON, "
            + "see docs/format.md; `basedOn` a built-in profile).")
    Path file;
  }

  /** How the courses of this run are checked. */
  CourseChecks checks() {
    ProtocolRegistry builtIn = ProtocolRegistry.builtIn();
    if (choice == null) {
      return new CourseChecks(builtIn, Optional.empty());
    }
    if (choice.id != null) {
      return new CourseChecks(builtIn, Optional.of(checkerOf(builtIn, choice.id)));
    }
    ProtocolProfile profile = readProfile(choice.file, builtIn);
    ProtocolRegistry registry = builtIn.contains(profile.id()) ? builtIn : builtIn.with(profile);
    return new CourseChecks(registry, Optional.of(FidelityChecker.of(profile)));
  }

  /**
   * The profile named by the options, or empty when neither option was given (each course then
   * names its own).
   *
   * @throws UserException for an unknown id (listing the known ids) or an unreadable file
   */
  Optional<ProtocolProfile> profile() {
    if (choice == null) {
      return Optional.empty();
    }
    ProtocolRegistry builtIn = ProtocolRegistry.builtIn();
    if (choice.id != null) {
      return Optional.of(builtIn.find(choice.id)
          .orElseThrow(() -> unknownProfile(builtIn, choice.id)));
    }
    return Optional.of(readProfile(choice.file, builtIn));
  }

  /**
   * The checker of a built-in profile.
   *
   * @throws UserException for an unknown id, listing the known ids
   */
  static FidelityChecker checkerOf(ProtocolRegistry registry, String id) {
    if (!registry.contains(id)) {
      throw unknownProfile(registry, id);
    }
    return registry.checkerFor(id);
  }

  /** The usage error for an unknown profile id, listing the known ids. */
  static UserException unknownProfile(ProtocolRegistry registry, String id) {
    return new UserException("unknown protocol profile '" + id + "'; known profiles: "
        + String.join(", ", registry.ids()));
  }

  /**
   * Reads a trial's protocol profile file.
   *
   * @throws UserException when the file cannot be read or is not a valid profile
   */
  static ProtocolProfile readProfile(Path file, ProtocolRegistry registry) {
    if (Files.isDirectory(file)) {
      throw new UserException("--protocol-file " + file + ": a directory, expected a profile file");
    }
    // A regular file, or a named pipe or <(command) as for the paths to check.
    if (!Files.exists(file)) {
      throw new UserException("--protocol-file " + file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return IptJson.strict().readProfile(in, registry);
    } catch (JsonReadException e) {
      throw new UserException("--protocol-file " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserException("--protocol-file " + file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UserException("--protocol-file " + file + ": cannot read: "
          + Diagnostics.describe(e));
    } catch (UncheckedIOException e) {
      throw new UserException("--protocol-file " + file + ": cannot read: "
          + Diagnostics.describe(e.getCause()));
    }
  }
}
