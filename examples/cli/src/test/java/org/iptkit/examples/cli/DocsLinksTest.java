package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's documents point only at what exists: every relative link of the README,
 * CONTRIBUTING, the changelog and docs/*.md names a file or folder of the repository (and a
 * heading of it, for a link with an anchor), and every {@code docs/….md} a Java source names is
 * there, so that a page can be removed or renamed only together with what points to it.
 */
class DocsLinksTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern DOCS_MENTION = Pattern.compile("docs/[A-Za-z0-9_-]+\\.md");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"),
        ROOT.resolve("CONTRIBUTING.md"), ROOT.resolve("CHANGELOG.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  private static Set<String> anchors(Path file) {
    Set<String> anchors = new HashSet<>();
    String text = read(file).replaceAll("(?s)```.*?```", "");
    Matcher heading = HEADING.matcher(text);
    while (heading.find()) {
      anchors.add(anchor(heading.group(1)));
    }
    return anchors;
  }

  @Test
  void everyRelativeLinkOfTheDocumentsNamesAFileAndHeadingThatExist() throws IOException {
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path document : documents()) {
      Matcher link = LINK.matcher(read(document).replaceAll("(?s)```.*?```", ""));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        links++;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
          broken.add(ROOT.relativize(document) + ": " + target);
        } else if (hash >= 0 && file.toString().endsWith(".md")
            && !anchors(file).contains(target.substring(hash + 1))) {
          broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(links).as("links found").isGreaterThan(30);
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void everyDocsPageTheSourcesNameExists() throws IOException {
    List<String> missing = new ArrayList<>();
    int mentions = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path source : files.filter(p -> p.toString().endsWith(".java")
          && p.toString().contains("/src/") && !p.toString().contains("/target/")).toList()) {
        Matcher mention = DOCS_MENTION.matcher(read(source));
        while (mention.find()) {
          mentions++;
          if (!Files.exists(ROOT.resolve(mention.group()))) {
            missing.add(ROOT.relativize(source) + ": " + mention.group());
          }
        }
      }
    }
    assertThat(mentions).as("mentions found").isGreaterThan(30);
    assertThat(missing).as("pages named but missing").isEmpty();
  }

  @Test
  void anchorsAreGitHubs() {
    assertThat(anchor("Fidelity report")).isEqualTo("fidelity-report");
    assertThat(anchor("`ipt report --by therapist`: per-therapist figures"))
        .isEqualTo("ipt-report---by-therapist-per-therapist-figures");
  }
}
