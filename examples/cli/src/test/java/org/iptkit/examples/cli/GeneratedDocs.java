package org.iptkit.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated parts of the reference under docs/: each lies between the lines
 * {@code <!-- BEGIN GENERATED name -->} and {@code <!-- END GENERATED name -->} of its file, the
 * rest of the file is written by hand. {@link #check} compares a part with what the code
 * produces today; with {@code -Ddocs.update=true} it rewrites the part instead.
 */
final class GeneratedDocs {
  /** The system property that turns the staleness checks into regeneration. */
  static final String UPDATE_PROPERTY = "docs.update";

  /** The command that regenerates every generated part, as CONTRIBUTING.md documents it. */
  static final String UPDATE_COMMAND = "mvn -B -pl examples/cli -am test -Dtest=ReferenceDocsTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true";

  private GeneratedDocs() {}

  /** The outcome of one check: what the file holds now and what the code produces. */
  record Part(String file, String name, String committed, String generated) {
    /** Whether the committed text is the generated one. */
    boolean current() {
      return committed.equals(generated);
    }
  }

  /**
   * The generated part {@code name} of {@code file} (a path from the repository root, such as
   * {@code docs/rules.md}), compared with {@code generated};
   * rewritten first when regeneration was asked for.
   *
   * @throws IllegalStateException when the file lacks the part's markers
   */
  static Part check(String file, String name, String generated) {
    Path path = repositoryRoot().resolve(file);
    String text = read(path);
    Matcher region = region(name).matcher(text);
    if (!region.find()) {
      throw new IllegalStateException(file + " has no generated part '" + name
          + "' (markers <!-- BEGIN GENERATED " + name + " --> … <!-- END GENERATED " + name
          + " -->)");
    }
    String body = generated.endsWith("\n") ? generated : generated + "\n";
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      String updated = text.substring(0, region.start(2)) + body + text.substring(region.end(2));
      write(path, updated);
      return new Part(file, name, body, body);
    }
    return new Part(file, name, region.group(2), body);
  }

  /** The hint a stale part's failure gives. */
  static String staleMessage(Part part) {
    return part.file() + " (part '" + part.name() + "') is not what the code produces;"
        + " regenerate with: " + UPDATE_COMMAND;
  }

  private static Pattern region(String name) {
    String quoted = Pattern.quote(name);
    return Pattern.compile("(<!-- BEGIN GENERATED " + quoted + " -->\n)(.*?)(?=<!-- END GENERATED "
        + quoted + " -->)", Pattern.DOTALL);
  }

  /** The directory that holds docs/ and the modules, found upwards from the working directory. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("ipt-core"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no repository root (with docs/ and ipt-core/) above "
        + Path.of("").toAbsolutePath());
  }

  /** The text of a file of the repository, by its path from the repository root. */
  static String repositoryFile(String path) {
    return read(repositoryRoot().resolve(path));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path path, String text) {
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
