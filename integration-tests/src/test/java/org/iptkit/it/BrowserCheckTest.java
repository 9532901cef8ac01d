package org.iptkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both HTML pages of the tool (the cohort page of {@code ipt report --format html} and the course
 * page of {@code ipt show --format html}) rendered in a real browser, headless Chromium (Debian's
 * {@code chromium} package; {@code .ci/run} installs it where it is missing): the page loads,
 * the browser logs nothing to its console (the pages carry no script, so any console message is
 * a fault), every chart's SVG has drawn marks, and every chart has the table it names. The check
 * is proved to fail on a page with an empty chart, on a chart without its table and on a page
 * that logs to the console. Without Chromium the test fails rather than pass unseen.
 */
class BrowserCheckTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** A hang guard only: a browser that has not finished by then is stuck. */
  static final long TIMEOUT_SECONDS = 120;

  @TempDir
  static Path dir;

  static Path cohortPage;
  static Path coursePage;

  @BeforeAll
  static void renderPages() throws IOException {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("headless Chromium at %s (apt-get install -y chromium; .ci/run installs it)",
            CHROMIUM)
        .isTrue();
    List<TreatmentCourse> courses = Documents.generated(27, 0.2, 400);
    StringBuilder ndjson = new StringBuilder();
    IptJson json = IptJson.strict();
    for (TreatmentCourse course : courses) {
      ndjson.append(json.writeCourse(course)).append('\n');
    }
    Path input = Files.writeString(dir.resolve("cohort.ndjson"), ndjson);
    Tool.Result cohort = Tool.run("report", "--format", "html", "--by", "therapist",
        input.toString());
    assertThat(cohort.code()).as(cohort.toString()).isZero();
    cohortPage = Files.write(dir.resolve("cohort.html"), cohort.outBytes());
    TreatmentCourse rich = courses.stream()
        .filter(c -> c.firstInventory().isPresent() && c.sessions().size() > 8
            && !c.fidelityRatings().isEmpty())
        .findFirst().orElseThrow();
    Path one = Files.writeString(dir.resolve("course.json"), json.writeCourse(rich));
    Tool.Result course = Tool.run("show", "--format", "html", one.toString());
    assertThat(course.code()).as(course.toString()).isIn(0, 1);
    coursePage = Files.write(dir.resolve("course.html"), course.outBytes());
  }

  @Test
  void theCohortPageLoadsCleanlyAndEveryChartIsDrawnWithItsTable() throws Exception {
    Rendered page = render(cohortPage);

    assertThat(problems(page)).isEmpty();
    assertThat(charts(page.dom())).hasSizeGreaterThanOrEqualTo(7);
  }

  @Test
  void theCoursePageLoadsCleanlyAndEveryChartIsDrawnWithItsTable() throws Exception {
    Rendered page = render(coursePage);

    assertThat(problems(page)).isEmpty();
    assertThat(charts(page.dom())).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void anEmptyChartFailsTheCheck() throws Exception {
    String html = Files.readString(cohortPage);
    Matcher first = CHART.matcher(html);
    assertThat(first.find()).isTrue();
    String emptied = first.group(0).replaceAll("<(rect|circle|line|polygon|polyline)"
        + " class=\"mark\"[^>]*?(/>|>.*?</\\1>)", "");
    assertThat(emptied).isNotEqualTo(first.group(0));
    Path broken = Files.writeString(dir.resolve("empty-chart.html"),
        html.replace(first.group(0), emptied));

    assertThat(problems(render(broken)))
        .anySatisfy(p -> assertThat(p).contains("no drawn mark").contains(first.group(1)));
  }

  @Test
  void aChartWithoutItsTableAndAPageThatLogsFailTheCheck() throws Exception {
    String html = Files.readString(coursePage);
    Path noTable = Files.writeString(dir.resolve("no-table.html"),
        html.replace("<table id=\"tr-table\"", "<table"));
    Path logs = Files.writeString(dir.resolve("logs.html"),
        html.replace("</body>", "<script>console.error('drawn wrong')</script></body>"));

    assertThat(problems(render(noTable)))
        .anySatisfy(p -> assertThat(p).contains("tr-table").contains("no table"));
    assertThat(problems(render(logs)))
        .anySatisfy(p -> assertThat(p).contains("console").contains("drawn wrong"));
  }

  // ------------------------------------------------------------------ the browser

  /** What the browser made of a page: its DOM after loading, and its console messages. */
  record Rendered(int exitCode, String dom, List<String> console) {}

  static Rendered render(Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    Path out = dir.resolve(page.getFileName() + ".dom");
    Path err = dir.resolve(page.getFileName() + ".log");
    Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      browser.destroyForcibly();
      throw new AssertionError("Chromium did not finish " + page.getFileName() + " within "
          + TIMEOUT_SECONDS + " s");
    }
    List<String> console = new ArrayList<>();
    try (InputStream log = Files.newInputStream(err)) {
      for (String line : new String(log.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.contains(":CONSOLE")) {
          console.add(line);
        }
      }
    }
    return new Rendered(browser.exitValue(), Files.readString(out), console);
  }

  // ------------------------------------------------------------------ the check

  static final Pattern CHART = Pattern.compile(
      "<figure class=\"chart\" data-table=\"([^\"]+)\"[^>]*>(.*?)</figure>", Pattern.DOTALL);
  private static final Pattern MARK = Pattern.compile(
      "<(rect|circle|line|polygon|polyline)\\b([^>]*\\bclass=\"mark\"[^>]*)>");

  /** The charts of a rendered page: figure id to its SVG. */
  static List<String> charts(String dom) {
    List<String> ids = new ArrayList<>();
    Matcher chart = CHART.matcher(dom);
    while (chart.find()) {
      ids.add(chart.group(1));
    }
    return ids;
  }

  /** Everything wrong with a rendered page; empty when it passes. */
  static List<String> problems(Rendered page) {
    List<String> problems = new ArrayList<>();
    if (page.exitCode() != 0) {
      problems.add("Chromium exited with " + page.exitCode());
    }
    if (!page.dom().contains("</html>") || !page.dom().contains("<body")) {
      problems.add("the page did not load: no document was rendered");
    }
    for (String line : page.console()) {
      problems.add("console: " + line);
    }
    Matcher chart = CHART.matcher(page.dom());
    int charts = 0;
    while (chart.find()) {
      charts++;
      String id = chart.group(1);
      String figure = chart.group(2);
      if (!figure.contains("<svg")) {
        problems.add("chart " + id + " has no SVG");
      }
      if (!drawn(figure)) {
        problems.add("chart " + id + " has no drawn mark");
      }
      if (!page.dom().contains("<table id=\"" + id + "\"")) {
        problems.add("chart " + id + " has no table " + id);
      }
    }
    if (charts == 0) {
      problems.add("the page has no chart");
    }
    return problems;
  }

  /** Whether a chart's SVG has at least one data mark with a visible size. */
  static boolean drawn(String figure) {
    Matcher mark = MARK.matcher(figure);
    while (mark.find()) {
      String attributes = mark.group(2);
      boolean visible = switch (mark.group(1)) {
        case "rect" -> number(attributes, "width") > 0 && number(attributes, "height") > 0;
        case "circle" -> number(attributes, "r") > 0;
        case "line" -> number(attributes, "x1") != number(attributes, "x2")
            || number(attributes, "y1") != number(attributes, "y2");
        default -> attributes.matches("(?s).*\\bpoints=\"[^\"]*\\d[^\"]*\".*");
      };
      if (visible) {
        return true;
      }
    }
    return false;
  }

  private static double number(String attributes, String name) {
    Matcher value = Pattern.compile("\\b" + name + "=\"(-?[0-9.]+)\"").matcher(attributes);
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }
}
