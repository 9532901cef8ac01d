package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.iptkit.core.FidelityRating;
import org.iptkit.core.Instrument;
import org.iptkit.core.Phase;
import org.iptkit.core.Score;
import org.iptkit.core.Session;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An independent recomputation of a generated cohort's report: every figure of
 * {@code ipt report --format json --by therapist} — counts, outcome blocks per cohort, profile
 * and therapist, every proportion's 95 % Wilson interval, rule pass rates, mean adherence with
 * its t interval, observer ratings and the ICC with its interval — is recomputed here from the
 * per-course table ({@code ipt report --format csv --table courses}), the per-course reports
 * ({@code ipt validate --format ndjson}, for the rule outcomes) and the raw courses, with this
 * test's own arithmetic (its own Wilson formula, analysis of variance and numerically
 * integrated F and t distributions). Counts must agree exactly, ratios to the four decimals the
 * report writes; figures computed from the table's adherence, which has four decimals, agree to
 * what that rounding allows. The cohort JSON also validates against {@code ipt schema cohort}.
 */
class CohortRecomputationTest {
  private static final JsonMapper MAPPER = JsonMapper.shared();
  private static final double Z = 1.959963984540054;
  private static final double DECIMALS = 0.00005 + 1e-9;
  private static final ProtocolRegistry PROFILES = ProtocolRegistry.builtIn();

  @TempDir
  static Path dir;

  static JsonNode cohort;
  static String cohortJson;
  static List<Map<String, String>> table;
  static Map<String, JsonNode> reports = new HashMap<>();
  static Map<String, TreatmentCourse> courses = new HashMap<>();

  @BeforeAll
  static void runTheTool() throws IOException {
    StringBuilder ndjson = new StringBuilder();
    for (TreatmentCourse course : Documents.generated(2700, 0.25, 3000)) {
      courses.put(course.courseId(), course);
      ndjson.append(IptJson.strict().writeCourse(course)).append('\n');
    }
    String input = Files.writeString(dir.resolve("cohort.ndjson"), ndjson).toString();
    Tool.Result json = Tool.run("report", "--format", "json", "--by", "therapist", input);
    Tool.Result csv = Tool.run("report", "--format", "csv", "--table", "courses", "--by",
        "therapist", input);
    Tool.Result perCourse = Tool.run("validate", "--format", "ndjson", "--fail-on", "never",
        input);
    assertThat(json.code()).as(json.toString()).isZero();
    assertThat(csv.code()).as(csv.toString()).isZero();
    assertThat(perCourse.code()).as(perCourse.toString()).isZero();
    cohortJson = json.out();
    cohort = MAPPER.readTree(cohortJson);
    table = Csv.read(csv.out());
    for (String line : perCourse.out().split("\n")) {
      JsonNode report = MAPPER.readTree(line);
      reports.put(report.get("courseId").asString(), report);
    }
    assertThat(table).hasSize(courses.size());
  }

  @Test
  void theCohortJsonValidatesAgainstThePublishedCohortSchema() {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Tool.run("schema", "cohort").out(), InputFormat.JSON);

    assertThat(schema.validate(cohortJson, InputFormat.JSON)).isEmpty();
  }

  @Test
  void countsAndSessionsAttended() {
    assertThat(cohort.get("courses").asLong()).isEqualTo(table.size());
    assertThat(cohort.get("byStatus").toString()).isEqualTo(byStatus(table).toString());
    List<Integer> sessions = table.stream().map(r -> Integer.parseInt(r.get("sessionsAttended")))
        .sorted().toList();
    double mean = sessions.stream().mapToInt(Integer::intValue).average().orElseThrow();
    int n = sessions.size();
    double median = (sessions.get((n - 1) / 2) + sessions.get(n / 2)) / 2.0;
    JsonNode attended = cohort.get("sessionsAttended");
    assertThat(attended.get("mean").asDouble()).isCloseTo(mean, within(DECIMALS));
    assertThat(attended.get("median").asDouble()).isEqualTo(median);
    Map<String, Long> distribution = new TreeMap<>();
    for (int s : sessions) {
      distribution.merge(Integer.toString(s), 1L, Long::sum);
    }
    Map<String, Long> written = new TreeMap<>();
    attended.get("distribution").properties().forEach(e -> written.put(e.getKey(),
        e.getValue().asLong()));
    assertThat(written).isEqualTo(distribution);
  }

  @Test
  void outcomeBlocksOfTheCohortAndEachProfile() {
    assertOutcomes("cohort", cohort.get("outcomes"), table);
    Map<String, List<Map<String, String>>> byProfile = group(table, "protocol");
    JsonNode profiles = cohort.get("byProfile");
    assertThat(profiles.size()).isEqualTo(byProfile.size());
    List<String> ids = new ArrayList<>(byProfile.keySet());
    for (int i = 0; i < profiles.size(); i++) {
      JsonNode profile = profiles.get(i);
      assertThat(profile.get("protocol").asString()).isEqualTo(ids.get(i));
      assertOutcomes(ids.get(i), profile.get("outcomes"), byProfile.get(ids.get(i)));
    }
  }

  @Test
  void perTherapistOutcomesAdherenceAndRatings() {
    Map<String, List<Map<String, String>>> byTherapist = group(table, "therapistRef");
    JsonNode therapists = cohort.get("therapists");
    assertThat(therapists.size()).isEqualTo(byTherapist.size());
    for (JsonNode therapist : therapists) {
      String ref = therapist.has("therapistRef") ? therapist.get("therapistRef").asString() : "";
      List<Map<String, String>> rows = byTherapist.get(ref);
      assertThat(rows).as(ref).isNotNull();
      assertThat(therapist.get("courses").asLong()).isEqualTo(rows.size());
      assertThat(therapist.get("coursesWithErrors").asLong())
          .isEqualTo(rows.stream().filter(r -> !r.get("errors").equals("0")).count());
      assertAdherence(therapist.get("meanAdherence"), therapist.get("adherenceInterval"), rows);
      assertOutcomes(ref, therapist.get("outcomes"), rows);
      assertRatings(therapist.get("ratings"), rows);
      assertRules(therapist.get("rules"), rows);
    }
    assertThat(therapists.get(therapists.size() - 1).has("therapistRef"))
        .isEqualTo(!byTherapist.containsKey(""));
  }

  @Test
  void cohortAdherenceRulesRatingsAndErrors() {
    assertAdherence(cohort.get("meanAdherence"), cohort.get("adherenceInterval"), table);
    assertRules(cohort.get("rules"), table);
    assertRatings(cohort.get("ratings"), table);
    List<String> errors = new ArrayList<>();
    for (Map<String, String> row : table) {
      if (!row.get("errors").equals("0")) {
        errors.add(row.get("courseId"));
      }
    }
    errors.sort(NATURAL);
    List<String> written = new ArrayList<>();
    cohort.get("coursesWithErrors").forEach(id -> written.add(id.asString()));
    assertThat(written).isEqualTo(errors);
  }

  @Test
  void interRaterReliability() {
    // scale -> rater set -> rows of the raters' scores
    Map<String, Map<List<String>, List<double[]>>> tables = new TreeMap<>();
    Map<String, Long> multiply = new TreeMap<>();
    for (TreatmentCourse course : courses.values()) {
      for (Map.Entry<String, Map<Integer, Map<String, List<Double>>>> scale
          : raterScores(course).entrySet()) {
        for (Map<String, List<Double>> raters : scale.getValue().values()) {
          if (raters.size() < 2) {
            continue;
          }
          multiply.merge(scale.getKey(), 1L, Long::sum);
          List<String> set = new ArrayList<>(raters.keySet());
          double[] row = new double[set.size()];
          for (int j = 0; j < row.length; j++) {
            row[j] = raters.get(set.get(j)).stream().mapToDouble(d -> d).average().orElseThrow();
          }
          tables.computeIfAbsent(scale.getKey(), k -> new HashMap<>())
              .computeIfAbsent(set, k -> new ArrayList<>()).add(row);
        }
      }
    }
    JsonNode reliability = cohort.get("reliability");
    assertThat(multiply).isNotEmpty();
    assertThat(reliability.size()).isEqualTo(multiply.size());
    int i = 0;
    for (Map.Entry<String, Long> scale : multiply.entrySet()) {
      JsonNode written = reliability.get(i++);
      assertThat(written.get("scale").asString()).isEqualTo(scale.getKey());
      assertThat(written.get("multiplyRatedSessions").asLong()).isEqualTo(scale.getValue());
      List<double[]> rows = tables.get(scale.getKey()).entrySet().stream()
          .max(Comparator.<Map.Entry<List<String>, List<double[]>>>comparingInt(
              e -> e.getValue().size()))
          .orElseThrow().getValue();
      assertThat(written.get("sessions").asLong()).isEqualTo(rows.size());
      assertThat(written.get("sessionsNotUsed").asLong()).isEqualTo(scale.getValue() - rows.size());
      double[] icc = icc(rows);
      assertThat(written.get("raters").asInt()).isEqualTo(rows.get(0).length);
      assertThat(written.get("icc").asDouble()).isCloseTo(icc[0], within(DECIMALS));
      assertThat(written.get("lower").asDouble()).isCloseTo(icc[1], within(2 * DECIMALS));
      assertThat(written.get("upper").asDouble()).isCloseTo(icc[2], within(2 * DECIMALS));
      String band = icc[0] < 0.5 ? "POOR" : icc[0] < 0.75 ? "MODERATE" : icc[0] <= 0.9
          ? "GOOD" : "EXCELLENT";
      assertThat(written.get("band").asString()).isEqualTo(band);
    }
  }

  // ------------------------------------------------------------------ outcome blocks

  private static void assertOutcomes(String group, JsonNode o, List<Map<String, String>> rows) {
    assertThat(o.get("courses").asLong()).as(group).isEqualTo(rows.size());
    assertThat(o.get("byStatus").toString()).as(group).isEqualTo(byStatus(rows).toString());
    List<Map<String, String>> ended = rows.stream()
        .filter(r -> !r.get("status").equals("ONGOING")).toList();
    assertProportion(group + " completers", o.get("completers"),
        ended, r -> !r.get("completer").isEmpty(), r -> r.get("completer").equals("true"));
    List<Map<String, String>> acute = ended.stream().filter(r -> !maintenance(r)).toList();
    JsonNode a = o.get("acute");
    assertThat(a.get("ended").asLong()).as(group).isEqualTo(acute.size());
    assertThat(a.get("noBaseline").asLong()).as(group)
        .isEqualTo(acute.stream().filter(r -> r.get("baseline").isEmpty()).count());
    assertThat(a.get("notCaseAtBaseline").asLong()).as(group)
        .isEqualTo(acute.stream().filter(r -> r.get("caseAtBaseline").equals("false")).count());
    assertThat(a.get("completedWithFinalMeasure").asLong()).as(group).isEqualTo(acute.stream()
        .filter(r -> r.get("status").equals("COMPLETED") && !r.get("last").isEmpty()).count());
    assertThat(a.get("discontinuedWithFinalMeasure").asLong()).as(group).isEqualTo(acute.stream()
        .filter(r -> r.get("status").equals("DISCONTINUED") && !r.get("last").isEmpty()).count());
    assertThat(a.get("discontinuedCasesWithFinalMeasure").asLong()).as(group)
        .isEqualTo(acute.stream().filter(r -> r.get("status").equals("DISCONTINUED")
            && !r.get("last").isEmpty() && r.get("caseAtBaseline").equals("true")).count());
    Predicate<Map<String, String>> completerCase = r -> r.get("status").equals("COMPLETED")
        && r.get("caseAtBaseline").equals("true") && !r.get("last").isEmpty();
    assertProportion(group + " completer response", a.get("completerAnalysis").get("response"),
        acute, completerCase, r -> r.get("response").equals("true"));
    assertProportion(group + " completer remission", a.get("completerAnalysis").get("remission"),
        acute, completerCase, r -> r.get("remission").equals("true"));
    Predicate<Map<String, String>> startedCase = r -> r.get("caseAtBaseline").equals("true");
    assertProportion(group + " started response", a.get("allWhoStarted").get("response"),
        acute, startedCase, r -> carried(r, true));
    assertProportion(group + " started remission", a.get("allWhoStarted").get("remission"),
        acute, startedCase, r -> carried(r, false));
    List<Map<String, String>> kept = ended.stream().filter(CohortRecomputationTest::maintenance)
        .toList();
    JsonNode m = o.get("maintenance");
    assertThat(m.get("ended").asLong()).as(group).isEqualTo(kept.size());
    assertProportion(group + " stayed below", m.get("stayedBelowCutOff"), kept,
        r -> !primaryScores(r).isEmpty(), r -> primaryScores(r).stream()
            .allMatch(s -> s.total() < instrument(r).cutOff()));
    assertProportion(group + " deteriorated", m.get("deteriorated"), kept,
        r -> primaryScores(r).size() > 1, r -> {
          List<Score> scores = primaryScores(r);
          int limit = scores.get(0).total() + profile(r).deteriorationThreshold();
          return scores.stream().skip(1).anyMatch(s -> s.total() >= limit);
        });
  }

  /** Response or remission on the last score carried forward (the baseline without a later one). */
  private static boolean carried(Map<String, String> row, boolean response) {
    if (!row.get("last").isEmpty()) {
      return row.get(response ? "response" : "remission").equals("true");
    }
    int baseline = Integer.parseInt(row.get("baseline"));
    Instrument instrument = instrument(row);
    return response ? instrument.isResponse(baseline, baseline) : instrument.isRemission(baseline);
  }

  private static void assertProportion(String what, JsonNode written,
      List<Map<String, String>> rows, Predicate<Map<String, String>> inDenominator,
      Predicate<Map<String, String>> inNumerator) {
    long n = rows.stream().filter(inDenominator).count();
    long count = rows.stream().filter(inDenominator).filter(inNumerator).count();
    assertWilson(what, written, count, n);
  }

  /** The proportion as written: count, n, and rate and interval by this test's Wilson formula. */
  private static void assertWilson(String what, JsonNode written, long count, long n) {
    assertThat(written.get("count").asLong()).as(what).isEqualTo(count);
    assertThat(written.get("n").asLong()).as(what).isEqualTo(n);
    if (n == 0) {
      assertThat(written.has("rate") || written.has("lower") || written.has("upper")).as(what)
          .isFalse();
      return;
    }
    double p = (double) count / n;
    double centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
    double half = Z / (1 + Z * Z / n) * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
    assertThat(written.get("rate").asDouble()).as(what).isCloseTo(p, within(DECIMALS));
    assertThat(written.get("lower").asDouble()).as(what)
        .isCloseTo(Math.max(0, centre - half), within(DECIMALS));
    assertThat(written.get("upper").asDouble()).as(what)
        .isCloseTo(Math.min(1, centre + half), within(DECIMALS));
  }

  // ------------------------------------------------------------------ adherence and rules

  private static void assertAdherence(JsonNode mean, JsonNode interval,
      List<Map<String, String>> rows) {
    double[] values = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("adherence")))
        .toArray();
    double average = java.util.Arrays.stream(values).average().orElseThrow();
    // the table's adherence has four decimals: its mean is within half a unit of the fourth
    assertThat(mean.asDouble()).isCloseTo(average, within(2 * DECIMALS));
    if (values.length < 2) {
      assertThat(interval).isNull();
      return;
    }
    double sd = Math.sqrt(java.util.Arrays.stream(values)
        .map(v -> (v - average) * (v - average)).sum() / (values.length - 1));
    double half = tQuantile975(values.length - 1) * sd / Math.sqrt(values.length);
    // rounding the inputs moves the half-width by at most t * 0.00005 * sqrt(2 / n)-ish
    double slack = 2 * DECIMALS + tQuantile975(values.length - 1) * 0.0001;
    assertThat(interval.get("lower").asDouble())
        .isCloseTo(Math.max(0, average - half), within(slack));
    assertThat(interval.get("upper").asDouble())
        .isCloseTo(Math.min(1, average + half), within(slack));
  }

  private static void assertRules(JsonNode rules, List<Map<String, String>> rows) {
    Map<String, long[]> tallies = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      for (JsonNode result : reports.get(row.get("courseId")).get("results")) {
        long[] tally = tallies.computeIfAbsent(result.get("rule").asString(), k -> new long[2]);
        String outcome = result.get("outcome").asString();
        if (!outcome.equals("NOT_APPLICABLE")) {
          tally[0]++;
          tally[1] += outcome.equals("PASS") ? 1 : 0;
        }
      }
    }
    assertThat(rules.size()).isEqualTo(tallies.size());
    List<String> order = new ArrayList<>(tallies.keySet());
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String code = rule.get("rule").asString();
      assertThat(code).isEqualTo(order.get(i));
      long[] tally = tallies.get(code);
      assertThat(rule.get("applicable").asLong()).as(code).isEqualTo(tally[0]);
      assertThat(rule.get("passed").asLong()).as(code).isEqualTo(tally[1]);
      if (tally[0] > 0) {
        assertWilson(code, MAPPER.readTree("{\"count\":" + tally[1] + ",\"n\":" + tally[0]
            + ",\"rate\":" + rule.get("share") + ",\"lower\":" + rule.get("lower")
            + ",\"upper\":" + rule.get("upper") + "}"), tally[1], tally[0]);
      }
    }
  }

  // ------------------------------------------------------------------ ratings

  private static void assertRatings(JsonNode ratings, List<Map<String, String>> rows) {
    long attended = 0;
    Map<String, List<Double>> scores = new TreeMap<>();
    for (Map<String, String> row : rows) {
      TreatmentCourse course = courses.get(row.get("courseId"));
      attended += Long.parseLong(row.get("sessionsAttended"));
      int rated = 0;
      List<Double> courseScores = new ArrayList<>();
      Set<String> scales = new HashSet<>();
      Map<Integer, Boolean> seen = new HashMap<>();
      for (Map.Entry<String, Map<Integer, List<Double>>> scale : sessionScores(course).entrySet()) {
        for (Map.Entry<Integer, List<Double>> session : scale.getValue().entrySet()) {
          double score = session.getValue().stream().mapToDouble(d -> d).average().orElseThrow();
          scores.computeIfAbsent(scale.getKey(), k -> new ArrayList<>()).add(score);
          courseScores.add(score);
          scales.add(scale.getKey());
          if (seen.put(session.getKey(), true) == null) {
            rated++;
          }
        }
      }
      assertThat(row.get("ratedSessions")).isEqualTo(Integer.toString(rated));
      List<Score> primary = course.scores(instrument(row));
      assertThat(row.get("prorated")).as(row.get("courseId")).isEqualTo(primary.isEmpty() ? ""
          : Boolean.toString(primary.get(0).prorated()
              || primary.size() > 1 && primary.get(primary.size() - 1).prorated()));
      if (scales.size() == 1) {
        double mean = courseScores.stream().mapToDouble(d -> d).average().orElseThrow();
        assertThat(Double.parseDouble(row.get("meanRating"))).isCloseTo(mean, within(DECIMALS));
      } else {
        assertThat(row.get("meanRating")).isEmpty();
      }
    }
    assertThat(ratings.size()).isEqualTo(scores.size());
    int i = 0;
    for (Map.Entry<String, List<Double>> scale : scores.entrySet()) {
      JsonNode written = ratings.get(i++);
      List<Double> values = scale.getValue();
      assertThat(written.get("scale").asString()).isEqualTo(scale.getKey());
      assertWilson(scale.getKey() + " rated", written.get("rated"), values.size(), attended);
      assertThat(written.get("mean").asDouble()).isCloseTo(
          values.stream().mapToDouble(d -> d).average().orElseThrow(), within(DECIMALS));
      assertThat(written.get("min").asDouble()).isCloseTo(
          values.stream().mapToDouble(d -> d).min().orElseThrow(), within(DECIMALS));
      assertThat(written.get("max").asDouble()).isCloseTo(
          values.stream().mapToDouble(d -> d).max().orElseThrow(), within(DECIMALS));
      if (scale.getKey().equals("IPT-QAS")) {
        assertThat(written.get("passMark").asDouble()).isEqualTo(3.0);
        assertWilson("pass", written.get("passed"), values.stream().filter(v -> v >= 3.0).count(),
            values.size());
      }
    }
  }

  /** Per scale and attended treatment session, each rating's mean item score. */
  private static Map<String, Map<Integer, List<Double>>> sessionScores(TreatmentCourse course) {
    Set<Integer> attended = attendedTreatment(course);
    Map<String, Map<Integer, List<Double>>> result = new TreeMap<>();
    for (FidelityRating rating : course.fidelityRatings()) {
      if (attended.contains(rating.session())) {
        result.computeIfAbsent(rating.scale(), k -> new TreeMap<>())
            .computeIfAbsent(rating.session(), k -> new ArrayList<>())
            .add(mean(rating.items()));
      }
    }
    return result;
  }

  /** Per scale and attended treatment session, each named rater's rating means. */
  private static Map<String, Map<Integer, Map<String, List<Double>>>> raterScores(
      TreatmentCourse course) {
    Set<Integer> attended = attendedTreatment(course);
    Map<String, Map<Integer, Map<String, List<Double>>>> result = new TreeMap<>();
    for (FidelityRating rating : course.fidelityRatings()) {
      if (attended.contains(rating.session()) && rating.rater().isPresent()) {
        result.computeIfAbsent(rating.scale(), k -> new TreeMap<>())
            .computeIfAbsent(rating.session(), k -> new TreeMap<>())
            .computeIfAbsent(rating.rater().get(), k -> new ArrayList<>())
            .add(mean(rating.items()));
      }
    }
    return result;
  }

  private static Set<Integer> attendedTreatment(TreatmentCourse course) {
    Set<Integer> numbers = new HashSet<>();
    for (Session session : course.sessions()) {
      if (session.isAttended() && session.phase().orElse(null) != Phase.PRE_GROUP) {
        numbers.add(session.number());
      }
    }
    return numbers;
  }

  private static double mean(List<Integer> items) {
    return items.stream().mapToInt(Integer::intValue).sum() / (double) items.size();
  }

  // ------------------------------------------------------------------ ICC by hand

  /** ICC(2,1) and its 95 % interval (McGraw &amp; Wong 1996) from a complete table. */
  static double[] icc(List<double[]> rows) {
    int n = rows.size();
    int k = rows.get(0).length;
    double grand = rows.stream().flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
    double ssRows = 0;
    double ssTotal = 0;
    double[] columns = new double[k];
    for (double[] row : rows) {
      double rowMean = java.util.Arrays.stream(row).average().orElseThrow();
      ssRows += k * (rowMean - grand) * (rowMean - grand);
      for (int j = 0; j < k; j++) {
        columns[j] += row[j] / n;
        ssTotal += (row[j] - grand) * (row[j] - grand);
      }
    }
    double ssColumns = 0;
    for (double column : columns) {
      ssColumns += n * (column - grand) * (column - grand);
    }
    double msr = ssRows / (n - 1);
    double msc = ssColumns / (k - 1);
    double mse = (ssTotal - ssRows - ssColumns) / ((n - 1) * (k - 1));
    double icc = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
    double fj = msc / mse;
    double a = n * (1 + (k - 1) * icc) - k * icc;
    double v = (k - 1) * (n - 1) * Math.pow(k * icc * fj + a, 2)
        / ((n - 1) * k * k * icc * icc * fj * fj + a * a);
    double fU = fQuantile975(n - 1, v);
    double fL = fQuantile975(v, n - 1);
    double spread = k * msc + (k * n - k - n) * mse;
    return new double[] {icc, n * (msr - fU * mse) / (fU * spread + n * msr),
        n * (fL * msr - mse) / (spread + n * fL * msr)};
  }

  /** The 0.975 quantile of F(d1, d2) by Simpson integration of the beta density and bisection. */
  static double fQuantile975(double d1, double d2) {
    double a = d1 / 2;
    double b = d2 / 2;
    double low = 0;
    double high = 1;
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (betaShare(mid, a, b) < 0.975) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double x = (low + high) / 2;
    return x / (1 - x) * d2 / d1;
  }

  /** The share of a beta(a, b) density below x (a, b at least 1), integrated numerically. */
  private static double betaShare(double x, double a, double b) {
    int steps = 20_000;
    double peak = a + b > 2 ? (a - 1) / (a + b - 2) : 0.5;
    double top = logDensity(Math.min(Math.max(peak, 1e-12), 1 - 1e-12), a, b);
    return simpson(0, x, steps, a, b, top) / simpson(0, 1, steps, a, b, top);
  }

  private static double simpson(double from, double to, int steps, double a, double b,
      double top) {
    double h = (to - from) / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double t = from + i * h;
      double f = t <= 0 || t >= 1 ? 0 : Math.exp(logDensity(t, a, b) - top);
      sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return sum * h / 3;
  }

  private static double logDensity(double t, double a, double b) {
    return (a - 1) * Math.log(t) + (b - 1) * Math.log1p(-t);
  }

  /** The 0.975 quantile of Student's t, by Simpson integration of its density in t = tan(u). */
  static double tQuantile975(double df) {
    double low = 0;
    double high = Math.PI / 2;
    double whole = tMass(Math.PI / 2 - 1e-12, df);
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (tMass(mid, df) / whole < 0.95) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return Math.tan((low + high) / 2);
  }

  private static double tMass(double upTo, double df) {
    int steps = 20_000;
    double h = upTo / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double u = i * h;
      double t = Math.tan(u);
      double f = Math.pow(1 + t * t / df, -(df + 1) / 2) / (Math.cos(u) * Math.cos(u));
      sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return sum * h / 3;
  }

  // ------------------------------------------------------------------ helpers

  private static JsonNode byStatus(List<Map<String, String>> rows) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String status : List.of("ONGOING", "COMPLETED", "DISCONTINUED")) {
      counts.put(status, rows.stream().filter(r -> r.get("status").equals(status)).count());
    }
    return MAPPER.valueToTree(counts);
  }

  private static Map<String, List<Map<String, String>>> group(List<Map<String, String>> rows,
      String column) {
    Map<String, List<Map<String, String>>> groups = new TreeMap<>();
    for (Map<String, String> row : rows) {
      groups.computeIfAbsent(row.get(column), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private static ProtocolProfile profile(Map<String, String> row) {
    return PROFILES.get(row.get("protocol"));
  }

  private static boolean maintenance(Map<String, String> row) {
    return !profile(row).hasAcutePhases();
  }

  private static Instrument instrument(Map<String, String> row) {
    return Instrument.valueOf(row.get("instrument"));
  }

  private static List<Score> primaryScores(Map<String, String> row) {
    return courses.get(row.get("courseId")).scores(instrument(row));
  }

  /** Course ids in reading order: digit runs compared as numbers, then as text. */
  static final Comparator<String> NATURAL = (x, y) -> {
    List<Object> a = tokens(x);
    List<Object> b = tokens(y);
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object p = a.get(i);
      Object q = b.get(i);
      int c = p instanceof java.math.BigInteger m && q instanceof java.math.BigInteger o
          ? m.compareTo(o) : p.toString().compareTo(q.toString());
      if (c != 0) {
        return c;
      }
    }
    return a.size() != b.size() ? Integer.compare(a.size(), b.size()) : x.compareTo(y);
  };

  private static List<Object> tokens(String id) {
    List<Object> tokens = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+|\\D").matcher(id);
    while (m.find()) {
      tokens.add(Character.isDigit(m.group().charAt(0)) ? new java.math.BigInteger(m.group())
          : m.group());
    }
    return tokens;
  }

  /** A reader of RFC 4180 CSV with a header row, as maps from column name to cell. */
  static final class Csv {
    private Csv() {}

    static List<Map<String, String>> read(String text) {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          record.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          record.add(cell.toString());
          cell.setLength(0);
          records.add(record);
          record = new ArrayList<>();
          i++;
        } else {
          cell.append(c);
        }
      }
      List<String> header = records.get(0);
      List<Map<String, String>> rows = new ArrayList<>();
      for (List<String> cells : records.subList(1, records.size())) {
        assertThat(cells).hasSameSizeAs(header);
        Map<String, String> row = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
          row.put(header.get(j), cells.get(j));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
