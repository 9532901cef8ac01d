package org.iptkit.examples.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The library's main accuracy check: the fidelity rules against the generator's ground truth.
 * Every injected deviation must be reported by its rule (at its session when it has one), clean
 * courses must have no findings, and injected courses no findings beyond their deviations'
 * expected and documented tolerated rules. On failure the confusion summary says, per rule, what
 * was found, missed and unexpected, with examples.
 */
class GroundTruthAccuracyTest {
  private static final long SEED = 20_261_123L;

  @Test
  void rulesFindEveryInjectedDeviationAndNothingElse() {
    CourseGenerator generator = CourseGenerator.builder().seed(SEED).deviationRate(0.3).build();
    Confusion confusion = new Confusion();
    generator.stream(3_000).parallel().forEach(confusion::check);
    String summary = confusion.summary();
    write("ground-truth-confusion.txt", "Ground-truth accuracy, seed " + SEED + "\n" + summary);

    assertThat(confusion.missed()).as("injected deviations not found%n%s", summary).isZero();
    assertThat(confusion.cleanWithFindings()).as("clean courses with findings%n%s", summary)
        .isZero();
    assertThat(confusion.unexpected()).as("unexpected findings%n%s", summary).isZero();
    assertThat(confusion.rulesFound()).as("rules covered by the ground truth")
        .hasSizeGreaterThanOrEqualTo(25);
  }

  /** Keeps the confusion summary of the last run in {@code target/} for inspection. */
  private static void write(String name, String summary) {
    try {
      Path directory = Path.of("target");
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(name), summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyDeviationKindIsInjectedAndFoundOnItsOwn() {
    Confusion confusion = new Confusion();
    Set<DeviationKind> injected = EnumSet.noneOf(DeviationKind.class);
    for (DeviationKind kind : DeviationKind.values()) {
      CourseGenerator generator = CourseGenerator.builder().seed(SEED + kind.ordinal())
          .deviationRate(1.0).deviationKinds(EnumSet.of(kind)).build();
      generator.stream(60).parallel().forEach(generated -> {
        confusion.check(generated);
        for (InjectedDeviation deviation : generated.deviations()) {
          synchronized (injected) {
            injected.add(deviation.kind());
          }
        }
      });
    }
    String summary = confusion.summary();
    write("per-kind-confusion.txt", "Per-kind accuracy\n" + summary);
    assertThat(injected).as("kinds injected").containsExactlyInAnyOrder(DeviationKind.values());
    assertThat(confusion.missed()).as("injected deviations not found%n%s", summary).isZero();
    assertThat(confusion.cleanWithFindings()).as("clean courses with findings%n%s", summary)
        .isZero();
    assertThat(confusion.unexpected()).as("unexpected findings%n%s", summary).isZero();
  }
}
