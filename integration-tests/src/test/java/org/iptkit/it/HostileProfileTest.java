package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.iptkit.json.IptJson;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.SafeText;
import org.iptkit.rules.ProtocolRegistry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile trial protocol files, stored under {@code hostile-profiles/}: absurd numbers (two
 * thousand million circles, a million sessions, sessions of a day, a century's gap), parameter
 * names and ids holding terminal escapes, and profiles that take a built-in profile's id (one of
 * them a built-in profile copied unchanged from {@code ipt protocols --show}). Every command that
 * takes {@code --protocol-file} refuses each with one {@code ipt:} line that cannot steer the
 * terminal and exit code 2, and writes no results.
 */
class HostileProfileTest {
  private static final Duration GUARD = Duration.ofSeconds(60);

  @TempDir
  static Path dir;

  static Stream<Path> profiles() throws IOException, URISyntaxException {
    Path folder = Path.of(HostileProfileTest.class.getResource("/hostile-profiles").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList().stream();
    }
  }

  private static boolean takesABuiltInId(Path profile) {
    try {
      String id = IptJson.strict().readProfile(Files.readString(profile, StandardCharsets.UTF_8),
          ProtocolRegistry.builtIn()).id();
      return ProtocolRegistry.builtIn().contains(id);
    } catch (JsonReadException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void everyCommandRefusesTheProfileWithOneSafeLine(Path profile) throws IOException {
    Path course = Files.writeString(dir.resolve("course.json"),
        Documents.SAMPLE.replace("\"COMPLETED\"", "\"ONGOING\"")
            .replace(",\"endedOn\":\"2026-04-20\"", ""));
    boolean builtInId = takesABuiltInId(profile);

    for (List<String> args : List.of(List.of("validate"), List.of("report"), List.of("show"),
        List.of("show", "--format", "html"), List.of("agenda"))) {
      String[] command = Stream.concat(args.stream(), Stream.of("--protocol-file",
          profile.toString(), course.toString())).toArray(String[]::new);
      Tool.Result result = assertTimeoutPreemptively(GUARD, () -> Tool.run(command));

      assertThat(result.code()).as("%s: %s", args, result).isEqualTo(2);
      assertThat(result.out()).as("%s", args).isEmpty();
      assertThat(result.err()).as("%s", args).startsWith("ipt: --protocol-file " + profile + ": ")
          .hasLineCount(1).contains(builtInId ? "\"basedOn\"" : "(line ");
      assertThat(result.err().chars().filter(c -> c != '\n' && SafeText.isUnsafe(c)))
          .as("%s: raw control characters", args).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void theLibraryRefusesEveryAbsurdProfileAndReadsABuiltInIdAsAProfile(Path profile)
      throws IOException {
    String text = Files.readString(profile, StandardCharsets.UTF_8);
    if (takesABuiltInId(profile)) {
      // The library reads what `ipt protocols --show` writes; the tool refuses it as a trial's.
      assertThat(IptJson.strict().readProfile(text, ProtocolRegistry.builtIn())).isNotNull();
      return;
    }
    assertThatThrownBy(() -> IptJson.strict().readProfile(text, ProtocolRegistry.builtIn()))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.line()).isPositive();
          assertThat(e.pointer()).isNotEmpty();
        });
  }
}
