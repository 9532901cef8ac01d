package org.iptkit.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON results of one run of the suite ({@code -rf json -rff results.json}) into the
 * rows of the figures table of {@code docs/performance.md} and the two targets the suite itself
 * measures, so the page is regenerated from a run instead of copied out of JMH's console by hand.
 *
 * <p>Run it from the benchmarks jar after a run of the suite:
 * <pre>java -cp benchmarks/target/benchmarks.jar org.iptkit.benchmarks.ResultsTable results.json</pre>
 * It prints one Markdown row per benchmark and parameter (score ± the 99.9 % interval JMH reports,
 * per course unless the unit says otherwise, and {@code gc.alloc.rate.norm} when the run had
 * {@code -prof gc}), then the rules-only target (a 16-session course, every rule on, at most
 * 10 µs) and the end-to-end ratio to the token walk (at most 3 ×) as this one run measured them.
 * A single run's ratio is only as steady as the machine; the page says which figures count. The
 * memory and scale targets are measured with the {@code ipt} tool, not by the suite.
 */
public final class ResultsTable {
  /** The rules-only target: the longest check of a 16-session course, in microseconds. */
  static final double RULES_TARGET_MICROS = 10.0;
  /** The end-to-end target: the most end to end may cost, as a multiple of the token walk. */
  static final double END_TO_END_TARGET_RATIO = 3.0;

  private ResultsTable() {}

  /**
   * Prints the table and the targets of one results file.
   *
   * @param args the JMH JSON results file
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable results.json");
      System.exit(2);
      return;
    }
    Path file = Path.of(args[0]);
    List<Result> results;
    try {
      results = read(Files.readString(file));
    } catch (IOException e) {
      System.err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      System.exit(1);
      return;
    } catch (JacksonException e) {
      System.err.println(file + ": not JSON (" + e.getOriginalMessage() + ")");
      System.exit(1);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(file + ": not a JMH JSON results file (" + e.getMessage() + ")");
      System.exit(1);
      return;
    }
    print(results, System.out);
  }

  /** One benchmark's result: its name, parameters, threads, score and allocation per operation. */
  record Result(String name, String params, int threads, double score, double error, String unit,
      Optional<Double> allocated) {
    /** The score in microseconds per operation, for the targets. */
    double micros() {
      return switch (unit) {
        case "ns/op" -> score / 1_000;
        case "us/op" -> score;
        case "ms/op" -> score * 1_000;
        case "s/op" -> score * 1_000_000;
        default -> throw new IllegalArgumentException("a time per operation, was " + unit);
      };
    }
  }

  /** The results of a JMH JSON results document, in its order. */
  static List<Result> read(String json) {
    JsonNode root = JsonMapper.builder().build().readTree(json);
    if (!root.isArray()) {
      throw new IllegalArgumentException("expected an array of results");
    }
    List<Result> results = new ArrayList<>();
    for (JsonNode node : root) {
      String benchmark = node.path("benchmark").asString("");
      String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1)
          + 1);
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, JsonNode> param : node.path("params").properties()) {
        // CohortBenchmark's "distinct" only sets how many different reports the 100 000 cycle
        // through (see the page); it is not a variant of the work, so it is not shown.
        if (!param.getKey().equals("distinct")) {
          values.add(param.getValue().asString(""));
        }
      }
      JsonNode primary = node.path("primaryMetric");
      JsonNode norm = node.path("secondaryMetrics").path("gc.alloc.rate.norm");
      if (benchmark.isEmpty() || !primary.path("score").isNumber()) {
        throw new IllegalArgumentException("a result without a benchmark or a score");
      }
      results.add(new Result(name, String.join(" ", values), node.path("threads").asInt(1),
          primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
          primary.path("scoreUnit").asString(""),
          norm.path("score").isNumber() ? Optional.of(norm.path("score").asDouble())
              : Optional.empty()));
    }
    return results;
  }

  /** Prints the rows and the targets of {@code results} to {@code out}. */
  static void print(List<Result> results, PrintStream out) {
    out.println("| benchmark | threads | score | alloc / op |");
    out.println("|---|---|---|---|");
    for (Result r : results) {
      String name = "`" + r.name() + "`" + (r.params().isEmpty() ? "" : " " + r.params());
      String perThread = r.threads() > 1 && r.unit().endsWith("/op") ? " per thread" : "";
      out.printf("| %s | %d | %s%s | %s |%n", name, r.threads(), score(r), perThread,
          r.allocated().map(ResultsTable::bytes).orElse("–"));
    }
    out.println();
    for (String course : List.of("clean", "deviations")) {
      find(results, "RulesBenchmark.checkSixteenSessionCourse", course).ifPresent(r -> out.printf(
          Locale.ROOT, "rules only, 16 sessions, %s: %s µs (%s courses/s on one core; target at"
              + " most %.0f µs): %s%n", course, decimals(r.micros()),
          grouped(1_000_000 / r.micros()),
          RULES_TARGET_MICROS, r.micros() <= RULES_TARGET_MICROS ? "met" : "missed"));
    }
    Optional<Result> walk = find(results, "PipelineBenchmark.tokenWalk", "");
    Optional<Result> endToEnd = find(results, "PipelineBenchmark.endToEnd", "");
    if (walk.isPresent() && endToEnd.isPresent()) {
      double ratio = endToEnd.get().micros() / walk.get().micros();
      out.printf(Locale.ROOT, "end to end / token walk in this run: %s / %s µs = %.2f ×"
          + " (target at most %.0f ×): %s in this run; compare PipelineRatio's paired figures%n",
          decimals(endToEnd.get().micros()), decimals(walk.get().micros()), ratio,
          END_TO_END_TARGET_RATIO, ratio <= END_TO_END_TARGET_RATIO ? "met" : "missed");
      // End to end does all that reading and checking does and writes the reports too, so a
      // run where it came out cheaper than either ran at different speeds of the host from one
      // benchmark to the next, and its ratio to the walk measures the host, not the library.
      for (String part : List.of("read", "readAndCheck")) {
        find(results, "PipelineBenchmark." + part, "")
            .filter(r -> r.micros() > endToEnd.get().micros())
            .ifPresent(r -> out.printf(Locale.ROOT, "  not to be trusted: %s took %s µs, longer"
                + " than end to end, which does the same and more; the host's speed changed"
                + " during the run%n", part, decimals(r.micros())));
      }
    }
  }

  private static Optional<Result> find(List<Result> results, String name, String params) {
    return results.stream()
        .filter(r -> r.name().equals(name) && r.params().equals(params) && r.threads() == 1)
        .findFirst();
  }

  /** "8.06 ± 2.39 µs", "249 ± 182 ms": as many decimals as three significant digits need. */
  static String score(Result r) {
    String unit = switch (r.unit()) {
      case "us/op" -> "µs";
      case "ns/op" -> "ns";
      case "ms/op" -> "ms";
      case "s/op" -> "s";
      default -> r.unit();
    };
    int places = places(r.score());
    String error = Double.isNaN(r.error()) ? ""
        : " ± " + String.format(Locale.ROOT, "%." + places + "f", r.error());
    return String.format(Locale.ROOT, "%." + places + "f", r.score()) + error + " " + unit;
  }

  private static String decimals(double value) {
    return String.format(Locale.ROOT, "%." + places(value) + "f", value);
  }

  private static int places(double value) {
    double magnitude = Math.abs(value);
    return magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
  }

  /** "9 224 B", "82.6 MB": bytes per operation, grouped by thousands as the page writes them. */
  static String bytes(double allocated) {
    if (allocated >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", allocated / 1_000_000);
    }
    return grouped(allocated) + " B";
  }

  private static String grouped(double value) {
    return String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ');
  }
}
