package org.iptkit.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;

/**
 * Compares fidelity reports with the generator's ground truth and keeps, per rule, how many
 * injected deviations were found, how many were missed and how many findings nobody expected;
 * prints a confusion summary and the first examples of each mistake for debugging.
 */
final class Confusion {
  /** Counters of one rule. */
  static final class Counts {
    int found;
    int missed;
    int unexpected;
    int tolerated;
  }

  private final Map<String, FidelityChecker> checkers = new ConcurrentHashMap<>();
  private final Map<String, Counts> byRule = new TreeMap<>();
  private final List<String> missedExamples = new ArrayList<>();
  private final List<String> unexpectedExamples = new ArrayList<>();
  private final Map<String, Integer> missedByKind = new TreeMap<>();
  private final Map<DeviationKind, Integer> injectedByKind = new TreeMap<>();
  private int courses;
  private int clean;
  private int cleanWithFindings;

  /** Checks one generated course and records the comparison. */
  void check(GeneratedCourse generated) {
    FidelityChecker checker = checkers.computeIfAbsent(generated.profile().id(),
        id -> FidelityChecker.of(generated.profile()));
    FidelityReport report = checker.check(generated.course());
    record(generated, report);
  }

  private synchronized void record(GeneratedCourse generated, FidelityReport report) {
    courses++;
    if (generated.isClean()) {
      clean++;
      if (!report.findings().isEmpty()) {
        cleanWithFindings++;
      }
    }
    for (InjectedDeviation deviation : generated.deviations()) {
      injectedByKind.merge(deviation.kind(), 1, Integer::sum);
      boolean hit = false;
      for (Finding finding : report.findings()) {
        if (finding.rule().equals(deviation.rule()) && (deviation.session().isEmpty()
            || finding.session().equals(deviation.session()))) {
          hit = true;
          break;
        }
      }
      Counts counts = counts(deviation.rule());
      if (hit) {
        counts.found++;
      } else {
        counts.missed++;
        missedByKind.merge(deviation.kind() + "->" + deviation.rule(), 1, Integer::sum);
        if (missedExamples.size() < 40) {
          missedExamples.add(describe(generated) + " missed " + deviation + "; findings: "
              + findings(report));
        }
      }
    }
    Set<String> expected = generated.expectedRules();
    Set<String> tolerated = generated.toleratedRules();
    for (Finding finding : report.findings()) {
      if (expected.contains(finding.rule())) {
        continue;
      }
      Counts counts = counts(finding.rule());
      if (tolerated.contains(finding.rule())) {
        counts.tolerated++;
        continue;
      }
      counts.unexpected++;
      if (unexpectedExamples.size() < 40) {
        unexpectedExamples.add(describe(generated) + " unexpected " + finding.rule() + " "
            + finding.severity() + " at " + finding.path() + " (session "
            + (finding.session().isPresent() ? finding.session().getAsInt() : "-") + "): "
            + finding.message());
      }
    }
  }

  private Counts counts(String rule) {
    return byRule.computeIfAbsent(rule, r -> new Counts());
  }

  private static String describe(GeneratedCourse generated) {
    return generated.course().courseId() + " [" + generated.profile().id() + ", "
        + generated.course().status() + ", " + generated.deviations() + "]";
  }

  private static String findings(FidelityReport report) {
    List<String> parts = new ArrayList<>();
    for (Finding finding : report.findings()) {
      parts.add(finding.rule() + (finding.session().isPresent()
          ? "@" + finding.session().getAsInt() : ""));
    }
    return parts.toString();
  }

  /** The number of injected deviations no finding reported. */
  synchronized int missed() {
    return byRule.values().stream().mapToInt(c -> c.missed).sum();
  }

  /** The number of findings neither expected nor tolerated. */
  synchronized int unexpected() {
    return byRule.values().stream().mapToInt(c -> c.unexpected).sum();
  }

  /** The number of clean courses with any finding. */
  synchronized int cleanWithFindings() {
    return cleanWithFindings;
  }

  /** The rules at least one injected deviation was found by. */
  synchronized Set<String> rulesFound() {
    Set<String> rules = new java.util.TreeSet<>();
    byRule.forEach((rule, counts) -> {
      if (counts.found > 0) {
        rules.add(rule);
      }
    });
    return rules;
  }

  /** The deviation kinds injected, with how often. */
  synchronized Map<DeviationKind, Integer> injectedByKind() {
    return new LinkedHashMap<>(injectedByKind);
  }

  /** The confusion summary: per rule found / missed / unexpected / tolerated, then examples. */
  synchronized String summary() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%d courses, %d clean (%d of them with findings)%n", courses, clean,
        cleanWithFindings));
    out.append(String.format("%-5s %8s %8s %11s %10s%n", "rule", "found", "missed", "unexpected",
        "tolerated"));
    byRule.forEach((rule, c) -> out.append(String.format("%-5s %8d %8d %11d %10d%n", rule,
        c.found, c.missed, c.unexpected, c.tolerated)));
    if (!missedByKind.isEmpty()) {
      out.append("missed by kind: ").append(missedByKind).append('\n');
    }
    for (String example : missedExamples) {
      out.append("  ").append(example).append('\n');
    }
    for (String example : unexpectedExamples) {
      out.append("  ").append(example).append('\n');
    }
    return out.toString();
  }
}
